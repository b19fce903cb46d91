using System.Collections.Frozen;

namespace Annalist.Core.Discourse;

/// <summary>
/// General English vocabulary of speech: verbs that report what someone said, role nouns that name a
/// speaker by office, pronouns, and the small words that tell a subject from an object. Nothing here
/// belongs to any one document.
/// </summary>
internal static class DiscourseLexicon
{
    private static FrozenSet<string> Words(params string[] words) => FrozenSet.Create(StringComparer.OrdinalIgnoreCase, words);

    /// <summary>Verbs of speaking whose subject is the speaker, in the forms records use (<c>said</c>, <c>says</c>, <c>saying</c>).</summary>
    public static readonly FrozenSet<string> SpeechVerbs = Words(
        "said", "says", "say", "saying", "stated", "states", "stating", "replied", "replies", "replying", "added", "adds", "adding",
        "asked", "asks", "asking", "inquired", "inquires", "enquired", "remarked", "remarks", "observed", "observes", "noted", "notes",
        "suggested", "suggests", "mentioned", "mentions", "complained", "complains", "explained", "explains", "explaining",
        "inserted", "interjected", "interrupted", "answered", "answers", "answering", "continued", "continues", "agreed", "agrees",
        "declared", "declares", "responded", "responds", "retorted", "rejoined", "exclaimed", "insisted", "insists", "announced",
        "concluded", "commented", "comments", "objected", "cried", "shouted", "whispered", "murmured", "muttered", "told", "tells",
        "emphasized", "emphasised", "stressed", "indicated", "indicates", "pointed", "affirmed", "assured", "warned", "urged",
        "proposed", "maintained", "argued", "countered", "protested", "acknowledged", "admitted", "conceded", "confirmed",
        "recalled", "promised", "reiterated", "repeated", "volunteered", "interposed", "queried", "wondered", "demanded", "began",
        "went", "supported",
        // Verbs of fiction's dialogue tags.
        "returned", "resumed", "pursued", "confessed", "sighed", "laughed", "gasped", "sobbed", "groaned", "growled", "snapped",
        "called", "echoed", "faltered", "stammered", "ventured", "persisted", "suggested", "whimpered", "screamed", "roared", "hissed",
        // Verbs of manner of speaking.
        "bellowed", "yelled", "grumbled", "drawled", "panted", "snorted", "sneered", "wailed", "moaned", "scoffed", "mumbled",
        "blurted", "barked", "thundered", "pleaded", "begged", "chuckled", "shrieked", "howled", "lisped", "grunted", "croaked",
        "cooed", "purred", "jeered", "chided", "scolded", "smiled", "sniffed");

    /// <summary>
    /// Verbs that speak with a particle after them (<c>put in</c>, <c>broke in</c>, <c>spoke up</c>); a cue only
    /// with one of <see cref="SpeechParticles"/> right after.
    /// </summary>
    public static readonly FrozenSet<string> PhrasalSpeechVerbs = Words("put", "broke", "cut", "chimed", "spoke", "piped", "sang", "called", "cried", "burst", "struck", "threw");

    /// <summary>The particles of <see cref="PhrasalSpeechVerbs"/>.</summary>
    public static readonly FrozenSet<string> SpeechParticles = Words("in", "up", "out");

    /// <summary>
    /// The reporting verbs whose content, after an optional <c>that</c>, is a turn in reported speech. A verb
    /// of thinking (<c>felt</c>, <c>believed</c>) is not here: it opens no turn.
    /// </summary>
    public static readonly FrozenSet<string> ReportingVerbs = Words(
        "said", "says", "stated", "states", "replied", "replies", "added", "adds", "asked", "asks", "inquired", "enquired",
        "remarked", "observed", "noted", "suggested", "mentioned", "complained", "explained", "inserted", "interjected",
        "answered", "continued", "agreed", "declared", "responded", "retorted", "insisted", "announced", "concluded",
        "commented", "objected", "told", "emphasized", "emphasised", "stressed", "indicated", "affirmed", "assured", "warned",
        "urged", "proposed", "maintained", "argued", "countered", "protested", "acknowledged", "admitted", "conceded",
        "confirmed", "recalled", "promised", "reiterated", "repeated", "queried", "wondered", "demanded", "pointed",
        "informed", "advised", "reminded", "reported", "underlined", "intimated", "disclosed", "predicted", "asserted", "contended",
        "claimed", "alleged", "specified", "cautioned", "recounted", "explained");

    /// <summary>
    /// Participles of reporting verbs that report content coordinated with an earlier verb of their speaker
    /// (<c>…, adding that …</c>, <c>…, pointing out that …</c>, <c>concluded by emphasizing that …</c>).
    /// </summary>
    public static readonly FrozenSet<string> ReportingParticiples = Words(
        "adding", "saying", "stating", "noting", "pointing", "explaining", "emphasizing", "emphasising", "stressing", "indicating",
        "observing", "remarking", "asking", "suggesting", "recalling", "insisting", "warning", "arguing", "inquiring", "commenting",
        "urging", "replying", "answering", "telling", "assuring", "reminding", "informing", "declaring", "affirming", "maintaining");

    /// <summary>
    /// Nouns of a statement that, after a verb (<c>expressed the hope that</c>) or a speaker's possessive and
    /// <c>was</c> (<c>the Secretary's reply was that</c>), carry what was said.
    /// </summary>
    public static readonly FrozenSet<string> StatementNouns = Words(
        "hope", "hopes", "view", "views", "opinion", "belief", "conviction", "fear", "fears", "wish", "concern", "reply", "answer",
        "response", "position", "comment", "suggestion", "reaction", "point", "assurance", "assurances", "proposal", "contention", "complaint");

    /// <summary>Verbs that report speech through a statement noun (<c>expressed the hope that</c>, <c>made it clear that</c>, <c>stated his view that</c>).</summary>
    public static readonly FrozenSet<string> PhrasalReportingVerbs = Words(
        "expressed", "voiced", "made", "reiterated", "repeated", "stated", "gave", "took", "registered", "conveyed", "offered");

    /// <summary>The adjectives of <c>made it clear that</c>.</summary>
    public static readonly FrozenSet<string> ClarityWords = Words("clear", "plain", "known", "evident");

    /// <summary>Nouns naming people together that may be the subject of a reporting verb (<c>the Soviet representatives</c>, <c>the latter</c>).</summary>
    public static readonly FrozenSet<string> GroupSpeakerNouns = Words(
        "representatives", "delegates", "delegation", "delegations", "side", "members", "officials", "participants", "government",
        "governments", "latter", "former", "group", "others", "spokesmen", "ministers", "ambassadors", "experts", "advisers", "visitors");

    /// <summary>Singular nouns for one member of a side at a meeting (<c>the British representative</c>, <c>the French delegate</c>).</summary>
    public static readonly FrozenSet<string> SideMemberNouns = Words("representative", "delegate", "observer", "spokesman", "spokeswoman", "member", "envoy", "negotiator");

    /// <summary>Nouns of <c>raised the question of …</c>: what is raised is what was said.</summary>
    public static readonly FrozenSet<string> TopicNouns = Words("question", "matter", "problem", "subject", "issue", "point", "possibility");

    /// <summary>Words that open a noun phrase naming speakers (<c>the</c>, <c>both</c>, <c>his</c>).</summary>
    public static readonly FrozenSet<string> PhraseDeterminers = Words("the", "both", "all", "each", "these", "those", "his", "her", "their", "our", "its", "my", "your", "several", "some");

    /// <summary>Verbs after which <c>to</c> and an infinitive of speaking report speech (<c>telephoned to say that</c>, <c>interjected to ask whether</c>).</summary>
    public static readonly FrozenSet<string> ContactVerbs = Words(
        "interjected", "intervened", "telephoned", "phoned", "rang", "called", "wrote", "cabled", "rose", "hastened", "paused", "interrupted", "broke", "stopped");

    /// <summary>Verbs of calling on or receiving someone, whose object a coordinated reporting verb then addresses (<c>called the Secretary and said that</c>).</summary>
    public static readonly FrozenSet<string> CallingVerbs = Words("called", "telephoned", "phoned", "rang", "visited", "saw", "met", "received", "approached");

    /// <summary>Connectives that may open a sentence before its subject (<c>However, he …</c>, <c>In addition the …</c>).</summary>
    public static readonly FrozenSet<string> SentenceConnectives = Words(
        "however", "moreover", "furthermore", "also", "thus", "therefore", "nevertheless", "accordingly", "consequently", "besides",
        "in", "addition", "fact", "particular", "finally", "then", "meanwhile", "further", "indeed", "of", "course", "but", "and", "so",
        "yet", "still", "now", "again", "otherwise", "instead", "rather", "certainly", "clearly", "obviously", "perhaps");

    /// <summary>Modal verbs: a person with one after them is still what was said (<c>He would see to it.</c>).</summary>
    public static readonly FrozenSet<string> Modals = Words("would", "could", "should", "might", "must", "will", "can", "may", "shall", "ought");

    /// <summary>Auxiliaries and the copula: a person with one after them, in speech reported on, is mostly still what was said (<c>He was aware that …</c>).</summary>
    public static readonly FrozenSet<string> ContentAuxiliaries = Words("was", "were", "is", "are", "had", "has", "have", "did", "does", "do", "wanted", "hoped", "wished");

    /// <summary>Words that open a short aside between a reporting verb and its <c>that</c> (<c>said in reply that</c>, <c>said first that</c>).</summary>
    public static readonly FrozenSet<string> AsideOpeners = Words(
        "in", "at", "during", "on", "upon", "with", "before", "after", "first", "again", "also", "then", "further", "finally",
        "frankly", "privately", "briefly", "emphatically", "categorically", "strongly", "repeatedly", "once", "more", "however",
        "moreover", "too", "earlier", "later", "subsequently", "confidentially", "personally", "quite", "very", "specifically", "by", "through");

    /// <summary>Words that may open reported content with no <c>that</c> (<c>said if his government accepted …</c>, <c>said presumably …</c>).</summary>
    public static readonly FrozenSet<string> BareClauseOpeners = Words(
        "if", "whereas", "although", "though", "unless", "presumably", "perhaps", "probably", "frankly", "naturally", "obviously", "certainly");

    /// <summary>Personal pronouns that, right after a reporting verb and before a lowercase word, open its content (<c>said he realized …</c>).</summary>
    public static readonly FrozenSet<string> PersonalClauseSubjects = Words("he", "she", "they", "we", "i", "it", "there");

    /// <summary>Words that open a sentence of the meeting's course, not of what was said (<c>After some discussion …</c>, <c>Following …</c>).</summary>
    public static readonly FrozenSet<string> NarrationOpeners = Words("following", "after", "during", "toward", "towards", "upon", "questioning", "thereupon");

    /// <summary>Infinitives of speaking after <c>went on to</c> or <c>proceeded to</c> (<c>went on to say that …</c>).</summary>
    public static readonly FrozenSet<string> InfinitivesOfSpeaking = Words(
        "say", "state", "add", "ask", "explain", "note", "remark", "observe", "suggest", "emphasize", "emphasise", "stress", "point", "express", "inquire", "argue", "insist",
        "tell", "inform", "report", "assure", "enquire", "warn", "mention", "reply", "advise", "remind");

    /// <summary>Verbs that carry a speaker on to more speech: <c>went on to</c>, <c>proceeded to</c>.</summary>
    public static readonly FrozenSet<string> ProceedVerbs = Words("went", "goes", "go", "proceeded", "proceeds", "continued", "moved");

    /// <summary>Reporting verbs whose content may follow without <c>that</c> (<c>he said he would come</c>).</summary>
    public static readonly FrozenSet<string> BareClauseVerbs = Words(
        "said", "says", "stated", "replied", "added", "answered", "remarked", "observed", "noted", "explained", "agreed",
        "declared", "responded", "insisted", "told", "assured", "warned", "admitted", "conceded", "confirmed", "promised", "recalled",
        "say", "saying", "adding", "indicated", "reported", "informed", "reminded", "advised", "mentioned");

    /// <summary>Verbs that ask: their content may open with <c>whether</c>, <c>if</c> or a question word.</summary>
    public static readonly FrozenSet<string> QuestionVerbs = Words("asked", "asks", "inquired", "enquired", "queried", "wondered", "demanded", "ask", "inquire", "enquire", "asking", "inquiring");

    /// <summary>Words that open the content of a question (kept in the turn: <c>whether the shipment had left</c>).</summary>
    public static readonly FrozenSet<string> QuestionOpeners = Words("whether", "if", "what", "why", "how", "when", "where", "who", "which", "whom");

    /// <summary>Verbs that take the person spoken to as a bare object (<c>asked Harriman whether</c>, <c>told him that</c>).</summary>
    public static readonly FrozenSet<string> AddresseeVerbs = Words(
        "asked", "asks", "told", "tells", "assured", "warned", "urged", "reminded", "informed", "advised", "promised", "answered",
        "ask", "tell", "assure", "inform", "remind", "warn", "advise", "asking", "telling", "assuring", "informing", "reminding");

    /// <summary>Offices and roles that name a speaker (<c>the Secretary</c>, <c>the Soviet Ambassador</c>).</summary>
    public static readonly FrozenSet<string> RoleNouns = Words(
        "secretary", "president", "ambassador", "minister", "chairman", "chairwoman", "premier", "chancellor", "ambassador",
        "general", "admiral", "marshal", "colonel", "commander", "governor", "senator", "representative", "delegate",
        "consul", "envoy", "counselor", "counsellor", "attaché", "attache", "undersecretary", "under-secretary", "director",
        "king", "queen", "prince", "princess", "emperor", "empress", "shah", "sultan", "pope", "cardinal", "bishop",
        "chief", "leader", "interpreter", "translator", "witness", "defendant", "prosecutor", "judge", "counsel",
        "interviewer", "interviewee", "speaker", "chair", "minister-president", "commissar", "officer", "captain",
        "major", "lieutenant", "sergeant", "mayor", "prime", "vice", "deputy", "assistant", "acting", "foreign", "head",
        "spokesman", "spokeswoman", "official", "visitor", "guest", "host", "doctor", "professor", "mr", "mrs");

    /// <summary>Role nouns that can stand alone as the head of a speaker phrase (not modifiers like <c>foreign</c>, <c>vice</c>).</summary>
    public static readonly FrozenSet<string> RoleHeads = Words(
        "secretary", "president", "ambassador", "minister", "chairman", "chairwoman", "premier", "chancellor",
        "general", "admiral", "marshal", "colonel", "commander", "governor", "senator", "representative", "delegate",
        "consul", "envoy", "counselor", "counsellor", "attaché", "attache", "undersecretary", "under-secretary", "director",
        "king", "queen", "prince", "princess", "emperor", "empress", "shah", "sultan", "pope", "cardinal", "bishop",
        "chief", "leader", "interpreter", "translator", "witness", "defendant", "prosecutor", "judge", "counsel",
        "interviewer", "interviewee", "speaker", "chair", "commissar", "officer", "captain", "major", "lieutenant",
        "sergeant", "mayor", "spokesman", "spokeswoman", "official", "visitor", "guest", "host", "doctor", "professor");

    /// <summary>Ranks that put an office below its head (<c>Assistant Secretary</c>, <c>Deputy Director</c>).</summary>
    public static readonly FrozenSet<string> LowerRanks = Words(
        "assistant", "deputy", "under", "vice", "acting", "executive", "special", "associate", "parliamentary", "permanent", "first", "second", "third");

    /// <summary>Determiners that open a common noun phrase naming a speaker (<c>my mother</c>, <c>the old man</c>).</summary>
    public static readonly FrozenSet<string> SpeakerDeterminers = Words("the", "a", "an", "my", "his", "her", "their", "our", "your", "its", "this", "that", "one");

    /// <summary>Nouns that name a person by kin, age, sex, rank or occupation (<c>the old man</c>, <c>her mother</c>, <c>the stranger</c>): a speaker a noun phrase names.</summary>
    public static readonly FrozenSet<string> PersonNouns = Words(
        "man", "woman", "boy", "girl", "child", "lad", "lass", "youth", "maid", "maiden", "gentleman", "lady",
        "fellow", "chap", "person", "stranger", "visitor", "guest", "newcomer", "host", "hostess", "companion",
        "friend", "neighbour", "neighbor", "acquaintance", "enemy", "rival", "partner", "comrade", "colleague",
        "mother", "father", "parent", "son", "daughter", "brother", "sister", "husband", "wife", "widow", "widower",
        "uncle", "aunt", "nephew", "niece", "cousin", "grandmother", "grandfather", "grandson", "granddaughter",
        "grandmamma", "grandpapa", "mamma", "papa", "mama", "mum", "dad", "mummy", "daddy", "baby", "infant",
        "orphan", "bride", "bridegroom", "groom", "fiance", "fiancee", "sweetheart", "lover", "suitor", "master",
        "mistress", "stepmother", "stepfather", "stepson", "stepdaughter", "twin", "heir", "heiress", "ancestor",
        "king", "queen", "prince", "princess", "duke", "duchess", "earl", "count", "countess", "baron", "baroness",
        "lord", "knight", "squire", "emperor", "empress", "monarch", "sovereign", "nobleman", "noblewoman",
        "courtier", "chief", "chieftain", "captain", "colonel", "major", "general", "lieutenant", "sergeant",
        "corporal", "admiral", "commander", "officer", "soldier", "sailor", "seaman", "mate", "boatswain", "pilot",
        "marine", "trooper", "sentry", "sentinel", "guard", "watchman", "gaoler", "jailer", "warden", "scout",
        "priest", "parson", "vicar", "curate", "rector", "minister", "pastor", "preacher", "bishop", "monk", "nun",
        "friar", "abbot", "chaplain", "clergyman", "missionary", "deacon", "elder", "doctor", "physician", "surgeon",
        "nurse", "apothecary", "chemist", "lawyer", "attorney", "solicitor", "barrister", "judge", "magistrate",
        "clerk", "scribe", "secretary", "banker", "merchant", "trader", "shopkeeper", "tradesman", "pedlar",
        "peddler", "teacher", "schoolmaster", "schoolmistress", "governess", "tutor", "professor", "scholar",
        "student", "pupil", "schoolboy", "schoolgirl", "servant", "maidservant", "manservant", "footman", "butler",
        "valet", "housekeeper", "cook", "housemaid", "nursemaid", "waiter", "waitress", "porter", "coachman",
        "driver", "cabman", "stableman", "gardener", "shepherd", "farmer", "ploughman", "peasant", "labourer",
        "laborer", "workman", "miner", "smith", "blacksmith", "carpenter", "mason", "tailor", "weaver", "miller",
        "baker", "butcher", "innkeeper", "landlord", "landlady", "tenant", "lodger", "fisherman", "hunter",
        "trapper", "woodman", "woodcutter", "boatman", "ferryman", "carter", "artist", "painter", "poet", "writer",
        "author", "novelist", "journalist", "reporter", "editor", "actor", "actress", "singer", "musician", "dancer",
        "player", "fiddler", "policeman", "constable", "detective", "inspector", "agent", "spy", "messenger",
        "courier", "postman", "prisoner", "convict", "thief", "robber", "murderer", "villain", "beggar", "tramp",
        "vagabond", "wanderer", "traveller", "traveler", "pilgrim", "passenger", "pedestrian", "rider", "horseman",
        "native", "savage", "foreigner", "speaker", "narrator", "listener",
        "spectator", "onlooker", "witness", "observer", "slave", "overseer", "planter", "giant", "dwarf",
        "witch", "wizard", "fairy", "ghost");

    /// <summary>Common English given names of men (<c>Arthur</c>, <c>Tom</c>): the gender of a name its document never settles.</summary>
    public static readonly FrozenSet<string> MaleGivenNames = Words(
        "Aaron", "Abraham", "Adam", "Adrian", "Albert", "Alexander", "Alfred", "Allan", "Allen", "Andrew", "Angus",
        "Anthony", "Archibald", "Archie", "Arnold", "Arthur", "Augustus", "Austin", "Barnaby", "Bartholomew",
        "Basil", "Benjamin", "Bernard", "Bert", "Bill", "Billy", "Bob", "Bobby", "Bruce", "Caleb", "Cecil", "Cedric",
        "Charles", "Charley", "Charlie", "Christopher", "Clarence", "Claude", "Clement", "Clifford", "Colin",
        "Conrad", "Cyril", "Cyrus", "Daniel", "David", "Dennis", "Derek", "Dick", "Donald", "Douglas", "Duncan",
        "Edgar", "Edmund", "Edward", "Edwin", "Elijah", "Elmer", "Ernest", "Eugene", "Felix", "Ferdinand", "Francis",
        "Frank", "Frankie", "Fred", "Freddie", "Frederick", "Gabriel", "Geoffrey", "George", "Gerald", "Gilbert",
        "Godfrey", "Gordon", "Gregory", "Guy", "Hal", "Harold", "Harry", "Harvey", "Henry", "Herbert", "Horace",
        "Howard", "Hubert", "Hugh", "Humphrey", "Isaac", "Jack", "Jacob", "Jake", "James", "Jasper", "Jeremiah",
        "Jeremy", "Jerry", "Jesse", "Jim", "Jimmy", "Joe", "Joel", "John", "Johnny", "Jonathan", "Joshua", "Julian",
        "Julius", "Kenneth", "Lawrence", "Leonard", "Leopold", "Lewis", "Lionel", "Louis", "Luke", "Malcolm", "Mark",
        "Martin", "Matthew", "Maurice", "Michael", "Mike", "Nathan", "Nathaniel", "Ned", "Neville", "Nicholas",
        "Noah", "Noel", "Norman", "Oliver", "Oscar", "Oswald", "Owen", "Patrick", "Paul", "Percy", "Peter", "Philip",
        "Ralph", "Randolph", "Raymond", "Reginald", "Richard", "Robert", "Roger", "Ronald", "Rupert", "Samuel",
        "Sam", "Sebastian", "Sidney", "Silas", "Simon", "Solomon", "Stanley", "Stephen", "Steve", "Theodore",
        "Thomas", "Timothy", "Tom", "Tommy", "Tony", "Victor", "Vincent", "Walter", "Wilfred", "William", "Willie",
        "Willy", "Wilson", "Zachary");

    /// <summary>Common English given names of women (<c>Alice</c>, <c>Polly</c>).</summary>
    public static readonly FrozenSet<string> FemaleGivenNames = Words(
        "Abigail", "Ada", "Adelaide", "Agatha", "Agnes", "Alice", "Alison", "Amanda", "Amelia", "Amy", "Angela",
        "Ann", "Anna", "Anne", "Annie", "Arabella", "Beatrice", "Becky", "Bella", "Bertha", "Bessie", "Betsy",
        "Betty", "Blanche", "Bridget", "Caroline", "Carol", "Catherine", "Cecilia", "Cecily", "Charlotte", "Clara",
        "Clarissa", "Constance", "Cora", "Daisy", "Deborah", "Diana", "Dinah", "Dolly", "Dora", "Dorothea",
        "Dorothy", "Edith", "Edna", "Eleanor", "Elinor", "Eliza", "Elizabeth", "Ella", "Ellen", "Elsie", "Emily",
        "Emma", "Esther", "Ethel", "Eva", "Eve", "Evelyn", "Fanny", "Flora", "Florence", "Frances", "Georgiana",
        "Georgina", "Gertrude", "Grace", "Gwendolen", "Hannah", "Harriet", "Hattie", "Helen", "Helena", "Henrietta",
        "Hester", "Hetty", "Ida", "Irene", "Isabel", "Isabella", "Ivy", "Jane", "Janet", "Jean", "Jennie", "Jenny",
        "Jessie", "Joan", "Josephine", "Judith", "Julia", "Juliet", "Kate", "Katharine", "Katherine", "Kathleen",
        "Katie", "Kitty", "Laura", "Lavinia", "Lena", "Letitia", "Lilian", "Lillian", "Lily", "Lizzie", "Louisa",
        "Louise", "Lucy", "Lydia", "Mabel", "Madeline", "Maggie", "Margaret", "Margery", "Maria", "Marian",
        "Marianne", "Marie", "Marion", "Martha", "Mary", "Matilda", "Maud", "Maude", "May", "Meg", "Milly", "Millie",
        "Minnie", "Miriam", "Molly", "Nancy", "Nell", "Nellie", "Nora", "Olive", "Olivia", "Pamela", "Patience",
        "Pauline", "Peggy", "Phoebe", "Polly", "Priscilla", "Prudence", "Rachel", "Rebecca", "Rhoda", "Rosa",
        "Rosalind", "Rose", "Rosie", "Ruth", "Sally", "Sarah", "Sophia", "Sophie", "Sophy", "Susan", "Susanna",
        "Sybil", "Sylvia", "Theresa", "Ursula", "Victoria", "Violet", "Virginia", "Winifred");

    /// <summary>Person nouns that name a man or boy (<c>the old man</c>, <c>her brother</c>).</summary>
    public static readonly FrozenSet<string> MalePersonNouns = Words(
        "man", "boy", "gentleman", "lad", "fellow", "chap", "father", "son", "brother", "husband", "uncle", "nephew",
        "grandfather", "grandson", "king", "prince", "duke", "earl", "lord", "knight", "baron", "count", "emperor",
        "nobleman", "monk", "friar", "abbot", "master", "widower", "bridegroom", "groom", "stepfather", "stepson",
        "papa", "dad", "daddy", "grandpapa", "schoolmaster", "manservant", "footman", "butler", "valet", "workman",
        "fisherman", "horseman", "policeman", "clergyman", "tradesman", "coachman", "boatman", "ferryman", "cabman",
        "ploughman", "woodman", "stableman", "landlord");

    /// <summary>Person nouns that name a woman or girl (<c>the young woman</c>, <c>his aunt</c>).</summary>
    public static readonly FrozenSet<string> FemalePersonNouns = Words(
        "woman", "girl", "lady", "lass", "maid", "maiden", "mother", "daughter", "sister", "wife", "widow", "aunt",
        "niece", "grandmother", "granddaughter", "queen", "princess", "duchess", "countess", "baroness", "empress",
        "noblewoman", "mistress", "bride", "nun", "hostess", "heiress", "stepmother", "stepdaughter", "mamma",
        "mama", "mum", "mummy", "grandmamma", "governess", "schoolmistress", "maidservant", "housemaid", "nursemaid",
        "waitress", "actress", "landlady", "fiancee", "witch");

    /// <summary>Labels that open a participants block (<c>Participants:</c>, <c>Others present</c>).</summary>
    public static readonly string[] ParticipantBlockLabels =
        ["Participants", "Participant", "Present", "Others present", "Also present", "Attending", "Also attending", "In attendance", "Attendees", "Those present"];

    /// <summary>How a sentence announcing the list of those present ends, before its colon (<c>The following were present:</c>).</summary>
    public static readonly string[] ParticipantLabelEndings = ["were present", "was present", "present were", "attended", "were in attendance", "participated"];

    /// <summary>Nouns that end a side heading in a participants block (<c>Soviet Delegation</c>, <c>British Embassy</c>).</summary>
    public static readonly FrozenSet<string> AffiliationHeads = Words(
        "side", "delegation", "delegations", "embassy", "department", "government", "staff", "senate", "house", "committee",
        "ministry", "office", "mission", "party", "group", "team", "legation", "consulate", "staffs", "council", "congress");

    /// <summary>Titles written before a name (<c>Mr.</c>, <c>Ambassador</c>, <c>General</c>); part of the name group.</summary>
    public static readonly FrozenSet<string> Titles = Words(
        "mr", "mrs", "ms", "miss", "dr", "prof", "gen", "adm", "col", "capt", "lt", "sen", "rep", "amb", "gov", "sir",
        "lord", "lady", "madame", "mme", "monsieur", "m", "herr", "frau", "comrade", "ambassador", "general", "marshal",
        "admiral", "colonel", "president", "premier", "chairman", "minister", "secretary", "senator", "governor", "king",
        "queen", "prince", "princess", "emperor", "count", "baron", "dean", "father", "brother", "sister", "foreign",
        "prime", "deputy", "vice", "under", "assistant", "chancellor", "commander", "captain", "major", "judge", "justice");

    /// <summary>Pronouns that may be the subject of a verb of speaking.</summary>
    public static readonly FrozenSet<string> SubjectPronouns = Words("he", "she", "they", "i", "we", "you", "who");

    /// <summary>Third-person pronouns resolved to an earlier person.</summary>
    public static readonly FrozenSet<string> ThirdPersonPronouns = Words("he", "she", "him", "her", "his", "they", "them", "who");

    public static readonly FrozenSet<string> MalePronouns = Words("he", "him", "his");

    public static readonly FrozenSet<string> FemalePronouns = Words("she", "her", "hers");

    /// <summary>Forms of address before a name that name no office (<c>Mr.</c>, <c>Comrade</c>, <c>Dr.</c>): a list of them is a list of people.</summary>
    public static readonly FrozenSet<string> FormsOfAddress = Words(
        "mr", "mrs", "ms", "miss", "dr", "sir", "lady", "madame", "mme", "monsieur", "m", "herr", "frau", "comrade", "messrs");

    /// <summary>Titles that say a man is meant (<c>Mr.</c>, <c>Sir</c>, <c>King</c>).</summary>
    public static readonly FrozenSet<string> MaleTitles = Words(
        "mr", "messrs", "sir", "lord", "king", "prince", "emperor", "duke", "count", "baron", "monsieur", "m", "herr", "signor", "señor", "father", "brother", "master", "uncle");

    /// <summary>Titles that say a woman is meant (<c>Mrs.</c>, <c>Miss</c>, <c>Queen</c>).</summary>
    public static readonly FrozenSet<string> FemaleTitles = Words(
        "mrs", "miss", "ms", "lady", "queen", "princess", "empress", "duchess", "countess", "baroness", "madame", "mme", "mlle", "frau", "signora", "señora", "sister", "mother", "aunt", "dame");

    /// <summary>Object pronouns: the person spoken to after an addressee verb.</summary>
    public static readonly FrozenSet<string> ObjectPronouns = Words("him", "her", "them", "me", "us", "you");

    /// <summary>Verbs of meeting, giving and the like whose object a name after them is (<c>handed Mr. X</c>); after a subject, the verb of its clause.</summary>
    public static readonly FrozenSet<string> ObjectVerbs = Words(
        "called", "met", "visited", "received", "thanked", "asked", "told", "informed", "saw", "invited", "hosted", "showed",
        "gave", "handed", "sent", "wrote", "approved", "supported", "telephoned", "phoned", "urged", "reminded", "answered");

    /// <summary>Words before a name that make it no subject: prepositions, determiners and <see cref="ObjectVerbs"/>.</summary>
    public static readonly FrozenSet<string> NonSubjectPrecursors = Words([
        "of", "to", "with", "about", "from", "for", "on", "in", "at", "by", "into", "onto", "under", "among", "against",
        "concerning", "regarding", "toward", "towards", "upon", "over", "through", "between", "without", "than",
        "like", "via", "per", "the", "a", "an", "this", "that", "these", "those", "such", "our", "your", "their", "his", "her", "its", "my",
        .. ObjectVerbs]);

    /// <summary>Prepositions that open a phrase between a statement noun and its <c>was that</c> (<c>his comment on this point was that</c>).</summary>
    public static readonly FrozenSet<string> StatementPrepositions = Words(
        "on", "about", "regarding", "concerning", "to", "in", "at", "of", "with", "as", "for");

    /// <summary>Words that may stand between a subject and its verb of speaking (<c>the Secretary then said</c>).</summary>
    public static readonly FrozenSet<string> Interposed = Words(
        "then", "also", "again", "further", "furthermore", "next", "finally", "thereupon", "immediately", "once", "now",
        "had", "has", "have", "would", "will", "did", "does", "later", "subsequently", "however", "too", "in", "turn",
        "at", "once", "first", "thereafter", "still", "simply", "merely", "just", "only", "not", "never", "quickly", "replying",
        "on", "his", "her", "part", "for", "own");

    /// <summary>Modals and auxiliaries that show a clause (<c>he said the talks should go on</c>).</summary>
    public static readonly FrozenSet<string> FiniteMarkers = Words(
        "would", "could", "should", "will", "shall", "can", "may", "might", "must", "was", "were", "is", "are", "had",
        "has", "have", "did", "does", "do", "wanted", "wished", "hoped", "thought", "felt", "believed", "knew", "saw");

    /// <summary>Pronouns and words that may open the content of a reported clause without <c>that</c>.</summary>
    public static readonly FrozenSet<string> ClauseSubjects = Words("he", "she", "it", "they", "we", "i", "you", "there", "this", "these", "those");

    /// <summary>Determiners that may open a subject noun phrase of reported content.</summary>
    public static readonly FrozenSet<string> Determiners = Words("the", "a", "an", "his", "her", "their", "our", "its", "my", "your", "some", "no", "any", "all", "both", "each");

    /// <summary>Labels that open a line like a speaker's but are headings (<c>Subject:</c>, <c>Participants:</c>).</summary>
    /// <summary>A telegram's markings, which a line may open with in capitals and a period (<c>SECRET.</c>, <c>PRIORITY.</c>): no speaker.</summary>
    public static readonly FrozenSet<string> MarkingLabels = Words(
        "secret", "confidential", "restricted", "unclassified", "classified", "priority", "urgent", "immediate", "niact",
        "flash", "routine", "eyes", "only", "personal", "official", "limited", "distribution", "noforn", "exdis", "nodis", "limdis");

    public static readonly FrozenSet<string> HeadingLabels = Words(
        "subject", "participants", "present", "participant", "date", "place", "time", "to", "from", "cc", "copies",
        "source", "note", "notes", "summary", "attachment", "enclosure", "re", "ref", "reference", "memorandum", "memo",
        "topic", "topics", "agenda", "item", "items", "location", "distribution", "classification", "drafted", "approved",
        "editor", "editors", "translator", "translation", "archive", "sources", "title", "question", "answer", "also",
        "others", "minutes", "record", "list", "contents", "appendix", "annex", "tab", "page", "chapter", "section",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon", "evening",
        "p.s", "ps", "nb", "warning", "caution", "exhibit", "figure", "table", "postscript", "abstract");

    /// <summary>Words that open the participants block of a memorandum.</summary>
    public static readonly FrozenSet<string> ParticipantLabels = Words("participants", "present", "participant", "attendees", "attending", "in attendance");

    /// <summary>Capitalized words that open sentences without naming anyone.</summary>
    public static readonly FrozenSet<string> NotNames = FrozenSet.Create(StringComparer.Ordinal,
    [
        .. Quotations.QuotationLexicon.CapitalizedFunctionWords,
        "Besides", "Except", "Apart", "Among", "Including",
        "Present", "Absent", "Using", "Raising", "Let", "Do", "Does", "Did",
        "Is", "Are", "Was", "Were", "Can", "Could", "Will", "Would", "Should", "May", "Might", "Must", "Shall",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "June", "July", "August", "September", "October",
        "November", "December", "Correct", "Right", "Good", "Thank", "Please", "Sir", "Madam", "God", "Lord",
    ]);

    public static bool Contains(FrozenSet<string> set, ReadOnlySpan<char> word) =>
        (Lookups.TryGetValue(set, out var lookup) ? lookup : set.GetAlternateLookup<ReadOnlySpan<char>>()).Contains(word);

    // Getting a span lookup costs more than using it: each set's is made once. Declared last, so every set exists by then.
    private static readonly Dictionary<FrozenSet<string>, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>> Lookups =
        typeof(DiscourseLexicon).GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
            .Where(f => f.FieldType == typeof(FrozenSet<string>))
            .Select(f => (FrozenSet<string>)f.GetValue(null)!)
            .ToDictionary<FrozenSet<string>, FrozenSet<string>, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>>(set => set, set => set.GetAlternateLookup<ReadOnlySpan<char>>(), ReferenceEqualityComparer.Instance);
}
