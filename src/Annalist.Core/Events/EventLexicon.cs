using System.Collections.Frozen;

namespace Annalist.Core.Events;

/// <summary>General trigger words per frame type, and the words that negate, modalize or name goods.</summary>
internal static class EventLexicon
{
    private static readonly (string Type, string[] Words)[] Triggers =
    [
        ("travel", ["departed", "depart", "departs", "departure", "arrived", "arrive", "arrives", "arrival", "travelled", "traveled", "travel",
            "journeyed", "journey", "flew", "sailed", "returned", "trip", "reached"]),
        ("meeting", ["met", "meet", "meets", "meeting", "meetings", "conferred", "talks", "audience", "interview", "visited", "visit", "visits", "received", "receives"]),
        ("meal", ["dinner", "dinners", "lunch", "luncheon", "breakfast", "banquet", "supper", "meal", "dined", "feast", "lunched", "breakfasted"]),
        ("transfer", ["transfer", "transferred", "transfers", "transferring", "handed", "supply", "supplied", "supplies", "supplying", "shipped", "send", "sent",
            "sends", "sending", "give", "gave", "given", "gives", "giving", "provide", "provided", "provides", "providing", "allocate", "allocated", "allocates",
            "release", "released", "releases", "lend", "lent", "lends", "loaned", "offer", "offered", "offers"]),
        ("request", ["asked", "request", "requested", "requests", "requesting", "appealed", "appeal", "demanded", "demand", "begged", "pleaded", "ask", "asks", "urged", "urge", "urges"]),
        ("grant", ["granted", "grant", "allotted", "allot"]),
        ("commitment", ["promise", "promised", "promises", "pledged", "pledge", "undertook", "undertake", "undertakes", "committed", "vowed"]),
        ("approval", ["approved", "approve", "approves", "approving", "approval", "endorsed", "sanctioned", "consented", "ratified", "accepted", "accept", "accepts"]),
        ("refusal", ["refused", "refuse", "refuses", "refusal", "declined", "rejected", "reject", "rejects"]),
        ("complaint", ["complained", "complain", "complains", "complaint", "complaints", "protested", "grievance", "grievances"]),
        ("delivery", ["delivered", "deliver", "delivers", "delivery", "deliveries", "shipment", "shipments"]),
        ("appointment", ["appointed", "appoint", "appoints", "appointment", "nominated"]),
        ("agreement", ["agreed", "agree", "agrees", "agreement", "treaty", "accord", "signed"]),
    ];

    public static readonly FrozenDictionary<string, string> TypeOfTrigger = Triggers
        .SelectMany(t => t.Words.Select(w => (w, t.Type)))
        .ToFrozenDictionary(p => p.w, p => p.Type, StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> Negators = new[] { "not", "never", "no", "cannot", "can't", "don't", "doesn't", "didn't", "won't",
        "wouldn't", "haven't", "hasn't", "hadn't", "isn't", "aren't", "wasn't", "weren't", "neither", "nor", "nothing", "none", "nobody" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> Modals = new[] { "can", "could", "will", "would", "shall", "should", "may", "might", "must",
        "cannot", "can't", "won't", "wouldn't" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns for goods that arrive or are delivered, as opposed to people who travel.</summary>
    public static readonly FrozenSet<string> Goods = new[] { "weapons", "arms", "supplies", "goods", "cargo", "equipment", "ammunition", "shipment", "wheat", "flour", "rice", "sugar", "coal", "steel", "rails", "cement", "timber",
        "cotton", "fertilizer", "newsprint", "paper", "blankets", "tents", "clothing", "engines", "parts", "spares", "tyres", "tires", "drugs",
        "depots", "stocks", "facilities", "locomotive", "locomotives", "trucks", "truck", "jeeps", "airplanes", "vessels", "boats", "crates", "tons",
        "shipments", "materials", "munitions", "rifles", "guns", "tanks", "trucks", "cars", "aircraft", "planes", "grain", "fuel", "oil", "food",
        "provisions", "consignment", "parcel", "parcels", "mail", "machinery", "vehicles", "lorries", "lorry", "tractors", "radios", "medicines", "rations", "wagons", "locomotives", "ships", "grenades", "bullets", "cartridges", "shells", "horses", "credits", "loan", "loans", "money" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Indefinite pronouns that, arriving, are things rather than travellers (<c>nothing has arrived</c>).</summary>
    public static readonly FrozenSet<string> Things = new[] { "nothing", "something", "everything", "anything", "none", "little", "much" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ThingLookup = Things.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>People who are sent or provided rather than travelling of their own accord.</summary>
    public static readonly FrozenSet<string> Personnel = new[] { "instructors", "advisers", "advisors", "specialists", "experts", "troops",
        "personnel", "officers", "doctors", "teachers", "engineers", "technicians", "volunteers" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words after <c>would be</c> that make a conditional a request (<c>if … are given, that would be good</c>).</summary>
    public static readonly FrozenSet<string> Desirable = new[] { "good", "helpful", "desirable", "welcome", "useful", "appreciated", "grateful",
        "fine", "excellent", "best", "better", "wise" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> TriggerLookup = TypeOfTrigger.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NegatorLookup = Negators.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ModalLookup = Modals.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GoodsLookup = Goods.GetAlternateLookup<ReadOnlySpan<char>>();
    /// <summary>Nouns and adjectives before <c>to</c> + trigger that make the event only intended or judged (<c>proposal to meet</c>, <c>difficult to give</c>).</summary>
    public static readonly FrozenSet<string> Intentions = new[] { "proposal", "plan", "plans", "intention", "intent", "wish", "desire", "offer",
        "suggestion", "idea", "attempt", "attempts", "readiness", "willingness", "unwillingness", "need", "difficult", "impossible", "hard",
        "easy", "possible", "ready", "willing", "unwilling", "unable", "able", "eager", "reluctant" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> IntentionLookup = Intentions.GetAlternateLookup<ReadOnlySpan<char>>();
    /// <summary>Verbs that order or authorize another to act (<c>instructed them to transfer</c>): their subject authorizes, their object executes.</summary>
    public static readonly FrozenSet<string> OrderVerbs = new[] { "instructed", "instruct", "instructs", "ordered", "order", "orders", "told", "directed",
        "direct", "directs", "authorized", "authorised", "authorize", "commanded", "charged", "empowered" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Verbs whose subject hosts the meal that is their object (<c>hosted a dinner</c>, <c>gave a luncheon</c>).</summary>
    public static readonly FrozenSet<string> HostVerbs = new[] { "hosted", "host", "hosts", "gave", "give", "gives", "held", "hold", "holds", "offered",
        "arranged", "organized", "organised", "threw", "served", "tendered" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Objects that make a giving verb a light verb (<c>give a blow</c>, <c>give an answer</c>): nothing changes hands.</summary>
    public static readonly FrozenSet<string> LightObjects = new[] { "blow", "blows", "answer", "reply", "response", "speech", "talk", "lecture", "impression",
        "assurance", "assurances", "explanation", "account", "attention", "thought", "consideration", "chance", "opportunity", "hint", "signal", "warning",
        "look", "glance", "push", "way", "rebuff", "battle", "fight", "example", "advice", "evidence", "testimony", "toast", "toasts", "rise", "birth",
        "priority", "permission", "notice", "instructions", "orders", "order", "promise", "word", "idea", "picture", "overview", "report", "reception",
        "ideas", "details", "information", "views", "view", "thoughts", "briefing", "approval", "standing", "emphasis", "meaning", "hope", "hopes",
        "notion", "excuse", "impetus", "encouragement", "satisfaction", "weight", "credence", "indication", "indications", "expression", "voice",
        "consent", "endorsement", "recognition", "publicity", "prominence", "precedence", "effect", "shape", "pause", "trouble", "offence", "offense",
        "advice", "explanation", "explanations", "proof", "participation", "role", "guidance", "point", "lead", "preference", "currency", "study" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns for what an approval or refusal answers (<c>approved his proposal</c>); their possessor proposed it.</summary>
    public static readonly FrozenSet<string> ProposalNouns = new[] { "proposal", "proposals", "request", "requests", "plan", "plans", "suggestion",
        "suggestions", "offer", "offers", "application", "petition", "order", "orders", "draft", "proposition", "recommendation", "recommendations",
        "appeal", "demand", "demands" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Verbs of duty before a trigger with the generic subject <c>one</c> (<c>one needs to give</c>): advice, not an event.</summary>
    public static readonly FrozenSet<string> DutyVerbs = new[] { "need", "needs", "must", "should", "ought", "has", "have" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Verbs that carry an event on to a later time (<c>it continued until 3 o'clock</c>).</summary>
    public static readonly FrozenSet<string> ContinuationVerbs = new[] { "continued", "lasted", "ended", "went", "ran", "dragged", "broke", "finished" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Travel verbs whose complements name where the journey ended (<c>arrived at</c>, <c>reached</c>).</summary>
    public static readonly FrozenSet<string> ArrivalWords = new[] { "arrived", "arrive", "arrives", "arrival", "returned", "reached", "reach", "came" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that mark a demonstrative determiner (<c>the transfer of these weapons</c>): the phrase refers back to an event already stated.</summary>
    public static readonly FrozenSet<string> Demonstratives = new[] { "this", "that", "these", "those", "such", "said" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrderVerbLookup = OrderVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HostVerbLookup = HostVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LightObjectLookup = LightObjects.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ProposalNounLookup = ProposalNouns.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DutyVerbLookup = DutyVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ContinuationVerbLookup = ContinuationVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ArrivalLookup = ArrivalWords.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DemonstrativeLookup = Demonstratives.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonnelLookup = Personnel.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DesirableLookup = Desirable.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Triggers of more than one word, by their first (verb) word: the words that must follow, in order, and the
    /// frame type (<c>handed over</c>, <c>made available</c>, <c>called on</c> = visited, <c>set out</c>). A word <c>*</c> matches a
    /// determiner or possessive, or nothing (<c>at the disposal of</c>, <c>at their disposal</c>).
    /// </summary>
    private static readonly (string[] Verbs, string[] Following, string Type)[] Phrases =
    [
        (["hand", "hands", "handed", "handing"], ["over"], "transfer"),
        (["turn", "turns", "turned", "turning"], ["over"], "transfer"),
        (["make", "makes", "made", "making"], ["available"], "transfer"),
        (["put", "puts", "putting", "place", "places", "placed", "placing"], ["at", "*", "disposal"], "transfer"),
        (["call", "calls", "called", "calling"], ["on"], "meeting"),
        (["call", "calls", "called", "calling"], ["upon"], "meeting"),
        (["call", "calls", "called", "calling"], ["at"], "meeting"),
        (["come", "comes", "came", "coming"], ["to", "see"], "meeting"),
        (["pay", "pays", "paid", "paying"], ["a", "visit"], "meeting"),
        (["pay", "pays", "paid", "paying"], ["a", "call"], "meeting"),
        (["turn", "turns", "turned", "turning"], ["down"], "refusal"),
        (["set", "sets", "setting"], ["out"], "travel"),
        (["set", "sets", "setting"], ["off"], "travel"),
        (["left", "leave", "leaves", "leaving"], ["for"], "travel"),
    ];

    public static readonly FrozenDictionary<string, (string[] Following, string Type)[]> PhrasesByVerb = Phrases
        .SelectMany(p => p.Verbs.Select(v => (Verb: v, p.Following, p.Type)))
        .GroupBy(p => p.Verb, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(g => g.Key, g => g.Select(p => (p.Following, p.Type)).ToArray(), StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, (string[] Following, string Type)[]>.AlternateLookup<ReadOnlySpan<char>> PhraseLookup = PhrasesByVerb.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words a <c>*</c> in a phrase matches: determiners and possessives.</summary>
    public static readonly FrozenSet<string> PhraseDeterminers = new[] { "the", "a", "an", "his", "her", "their", "its", "our", "your", "my" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PhraseDeterminerLookup = PhraseDeterminers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Verbs of saying whose <c>that</c>-clause is reported speech: a <c>would</c> there is the speaker's <c>will</c> (<c>said that they would provide</c>).</summary>
    public static readonly FrozenSet<string> ReportingVerbs = new[] { "said", "says", "say", "stated", "states", "replied", "replies", "told", "tells",
        "assured", "assures", "informed", "informs", "added", "declared", "declares", "explained", "announced", "announces", "indicated", "indicates",
        "confirmed", "confirms", "answered", "wrote", "promised", "undertook", "agreed" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReportingVerbLookup = ReportingVerbs.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>What may follow <c>unable to</c> in a refusal (<c>we are unable to do so</c>, <c>unable to comply</c>).</summary>
    public static readonly FrozenSet<string> RefusedActs = new[] { "do", "comply", "agree", "accept", "grant", "meet", "help", "assist", "oblige", "consider" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RefusedActLookup = RefusedActs.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Prepositions under which an agreement noun names the terms of something else (<c>under the existing agreement</c>).</summary>
    public static readonly string[] TermsPrepositions = ["under", "within", "according", "pursuant", "per"];

    /// <summary>Nouns for a government or its organs whose <c>of</c>-place stands for the acting party (<c>the Government of Portugal</c>).</summary>
    public static readonly FrozenSet<string> GovernmentNouns = new[] { "government", "governments", "authorities", "cabinet", "ministry", "embassy",
        "legation", "delegation", "mission", "parliament", "congress", "council", "administration", "regime", "side" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GovernmentNounLookup = GovernmentNouns.GetAlternateLookup<ReadOnlySpan<char>>();
}
