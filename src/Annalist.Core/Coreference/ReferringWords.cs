namespace Annalist.Core.Coreference;

/// <summary>Grammatical gender as the words of a text signal it; <see cref="Unknown"/> when nothing does.</summary>
public enum ReferentGender : byte
{
    Unknown,
    Masculine,
    Feminine,
}

/// <summary>Grammatical number of a referring expression.</summary>
public enum ReferentNumber : byte
{
    Singular,
    Plural,
}

/// <summary>
/// The general vocabulary coreference reads: third-person pronouns, the determiners and possessives that open
/// a definite person noun phrase, and person nouns (kinship, occupations, ranks and offices, age and sex
/// nouns) with their gender and number. Case-insensitive lookups on spans; thread-safe.
/// </summary>
public static class ReferringWords
{
    /// <summary>The third-person pronouns, in a fixed order: their index is a model feature value, so never reorder.</summary>
    private static readonly (string Form, ReferentGender Gender, ReferentNumber Number, PronounCase Case)[] Pronouns =
    [
        ("he", ReferentGender.Masculine, ReferentNumber.Singular, PronounCase.Subject),
        ("him", ReferentGender.Masculine, ReferentNumber.Singular, PronounCase.Object),
        ("his", ReferentGender.Masculine, ReferentNumber.Singular, PronounCase.Possessive),
        ("himself", ReferentGender.Masculine, ReferentNumber.Singular, PronounCase.Reflexive),
        ("she", ReferentGender.Feminine, ReferentNumber.Singular, PronounCase.Subject),
        ("her", ReferentGender.Feminine, ReferentNumber.Singular, PronounCase.Object),
        ("hers", ReferentGender.Feminine, ReferentNumber.Singular, PronounCase.Possessive),
        ("herself", ReferentGender.Feminine, ReferentNumber.Singular, PronounCase.Reflexive),
        ("they", ReferentGender.Unknown, ReferentNumber.Plural, PronounCase.Subject),
        ("them", ReferentGender.Unknown, ReferentNumber.Plural, PronounCase.Object),
        ("their", ReferentGender.Unknown, ReferentNumber.Plural, PronounCase.Possessive),
        ("theirs", ReferentGender.Unknown, ReferentNumber.Plural, PronounCase.Possessive),
        ("themselves", ReferentGender.Unknown, ReferentNumber.Plural, PronounCase.Reflexive),
    ];

    /// <summary>
    /// Words that open a person noun phrase, in a fixed order (the index is a model feature value): definite ones
    /// first, possessives making it relational (<c>her mother</c>), then from <see cref="FirstIndefinite"/> the
    /// indefinite ones, whose phrases introduce someone and are antecedents of what follows (<c>a stranger … he</c>).
    /// </summary>
    private static readonly string[] Determiners =
    [
        "the", "this", "that", "these", "those", "his", "her", "their", "its", "my", "your", "our",
        "a", "an", "another", "some", "two", "three", "several", "many", "one",
    ];

    /// <summary>The index of the first indefinite determiner in <see cref="TryDeterminer"/>'s numbering.</summary>
    public const int FirstIndefinite = 12;

    private static readonly string[] MasculineNouns =
    [
        "man", "men", "gentleman", "gentlemen", "boy", "boys", "lad", "lads", "fellow", "fellows", "chap", "youth",
        "father", "fathers", "son", "sons", "brother", "brothers", "husband", "husbands", "uncle", "uncles", "nephew",
        "nephews", "grandfather", "grandson", "stepfather", "stepson", "father-in-law", "son-in-law", "brother-in-law",
        "king", "kings", "prince", "princes", "emperor", "tsar", "czar", "duke", "count", "baron", "lord", "lords",
        "sir", "monk", "priest", "priests", "bishop", "cardinal", "pope", "abbot", "friar", "widower", "bachelor",
        "bridegroom", "groom", "landlord", "master", "squire", "earl", "marquis", "sultan", "shah", "khan", "sheikh",
        "waiter", "butler", "footman", "steward", "headmaster", "schoolmaster", "chairman", "congressman", "policeman",
        "fisherman", "horseman", "nobleman", "salesman", "workman", "workmen", "statesman", "statesmen", "spokesman",
        "countryman", "countrymen", "kinsman", "actor", "hero", "host", "monsieur", "herr", "señor",
    ];

    private static readonly string[] FeminineNouns =
    [
        "woman", "women", "lady", "ladies", "girl", "girls", "lass", "maid", "maiden", "maids", "mother", "mothers",
        "daughter", "daughters", "sister", "sisters", "wife", "wives", "aunt", "aunts", "niece", "nieces",
        "grandmother", "granddaughter", "stepmother", "stepdaughter", "mother-in-law", "daughter-in-law",
        "sister-in-law", "queen", "queens", "princess", "princesses", "empress", "tsarina", "duchess", "countess",
        "baroness", "dame", "nun", "nuns", "abbess", "widow", "widows", "bride", "landlady", "mistress", "governess",
        "waitress", "housekeeper", "maidservant", "nurse", "chairwoman", "congresswoman", "spokeswoman", "actress",
        "heroine", "hostess", "madame", "madam", "frau", "señora", "mademoiselle",
    ];

    /// <summary>Person nouns that do not mark gender: kinship, occupations, ranks and offices, age nouns.</summary>
    private static readonly string[] CommonNouns =
    [
        "person", "persons", "people", "child", "children", "baby", "infant", "parent", "parents", "cousin", "cousins",
        "friend", "friends", "companion", "companions", "stranger", "strangers", "neighbour", "neighbor", "neighbours",
        "neighbors", "guest", "guests", "visitor", "visitors", "spouse", "relative", "relatives", "family", "heir",
        "orphan", "twin", "twins", "elder", "elders", "infant", "youngster", "adult", "adults", "individual",
        "servant", "servants", "slave", "slaves", "doctor", "doctors", "physician", "surgeon", "lawyer", "lawyers",
        "judge", "judges", "clerk", "clerks", "teacher", "teachers", "student", "students", "pupil", "pupils",
        "professor", "scholar", "writer", "author", "poet", "painter", "artist", "farmer", "farmers", "peasant",
        "peasants", "worker", "workers", "labourer", "laborer", "merchant", "merchants", "trader", "shopkeeper",
        "sailor", "sailors", "soldier", "soldiers", "officer", "officers", "captain", "colonel", "general", "generals",
        "lieutenant", "major", "sergeant", "corporal", "admiral", "marshal", "commander", "commanders", "commandant",
        "guard", "guards", "sentry", "driver", "coachman", "pilot", "engineer", "scientist", "minister", "ministers",
        "secretary", "president", "premier", "chancellor", "ambassador", "ambassadors", "envoy", "envoys", "consul",
        "diplomat", "diplomats", "delegate", "delegates", "delegation", "governor", "mayor", "senator", "deputy",
        "chairperson", "leader", "leaders", "chief", "chiefs", "ruler", "rulers", "monarch", "sovereign",
        "commissar", "counselor", "counsellor", "adviser", "advisor", "advisers", "advisors", "interpreter",
        "translator", "spokesperson", "representative", "representatives", "official", "officials", "attaché",
        "director", "inspector", "detective", "agent", "agents", "spy", "prisoner", "prisoners", "captive",
        "witness", "witnesses", "prosecutor", "defendant", "accused", "owner", "tenant", "employer", "employee",
        "colleague", "colleagues", "comrade", "comrades", "partner", "ally", "allies", "enemy", "enemies", "rival",
        "messenger", "courier", "reporter", "correspondent", "journalist", "editor", "banker", "clergyman", "vicar",
        "rector", "minister", "preacher", "pastor", "rabbi", "imam", "lama", "nobleman", "noble", "nobles",
        "villager", "villagers", "citizen", "citizens", "native", "natives", "traveller", "traveler", "travellers",
        "travelers", "passenger", "passengers", "patient", "patients", "host", "innkeeper", "cook", "gardener",
        "shepherd", "hunter", "hunters", "warrior", "warriors", "crew", "troops",
    ];

    private static readonly Dictionary<string, int> PronounIndex = Pronouns.Select((p, i) => (p.Form, i)).ToDictionary(p => p.Form, p => p.i, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> PronounLookup = PronounIndex.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, int> DeterminerIndex = Determiners.Select((d, i) => (d, i)).ToDictionary(p => p.d, p => p.i, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> DeterminerLookup = DeterminerIndex.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, (ReferentGender Gender, ReferentNumber Number)> Nouns = BuildNouns();
    private static readonly Dictionary<string, (ReferentGender Gender, ReferentNumber Number)>.AlternateLookup<ReadOnlySpan<char>> NounLookup = Nouns.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Titles that say the holder's sex (<c>Mr.</c>, <c>Lady</c>); other titles say nothing of it.</summary>
    private static readonly Dictionary<string, ReferentGender> GenderedTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mr"] = ReferentGender.Masculine, ["mr."] = ReferentGender.Masculine, ["sir"] = ReferentGender.Masculine,
        ["lord"] = ReferentGender.Masculine, ["king"] = ReferentGender.Masculine, ["prince"] = ReferentGender.Masculine,
        ["emperor"] = ReferentGender.Masculine, ["tsar"] = ReferentGender.Masculine, ["czar"] = ReferentGender.Masculine,
        ["duke"] = ReferentGender.Masculine, ["count"] = ReferentGender.Masculine, ["baron"] = ReferentGender.Masculine,
        ["father"] = ReferentGender.Masculine, ["brother"] = ReferentGender.Masculine, ["uncle"] = ReferentGender.Masculine,
        ["monsieur"] = ReferentGender.Masculine, ["herr"] = ReferentGender.Masculine, ["señor"] = ReferentGender.Masculine,
        ["don"] = ReferentGender.Masculine, ["master"] = ReferentGender.Masculine, ["sultan"] = ReferentGender.Masculine,
        ["shah"] = ReferentGender.Masculine, ["earl"] = ReferentGender.Masculine,
        ["mrs"] = ReferentGender.Feminine, ["mrs."] = ReferentGender.Feminine, ["ms"] = ReferentGender.Feminine,
        ["ms."] = ReferentGender.Feminine, ["miss"] = ReferentGender.Feminine, ["lady"] = ReferentGender.Feminine,
        ["dame"] = ReferentGender.Feminine, ["queen"] = ReferentGender.Feminine, ["princess"] = ReferentGender.Feminine,
        ["empress"] = ReferentGender.Feminine, ["duchess"] = ReferentGender.Feminine, ["countess"] = ReferentGender.Feminine,
        ["baroness"] = ReferentGender.Feminine, ["madame"] = ReferentGender.Feminine, ["madam"] = ReferentGender.Feminine,
        ["mme."] = ReferentGender.Feminine, ["frau"] = ReferentGender.Feminine, ["señora"] = ReferentGender.Feminine,
        ["sister"] = ReferentGender.Feminine, ["aunt"] = ReferentGender.Feminine, ["mother"] = ReferentGender.Feminine,
        ["mistress"] = ReferentGender.Feminine, ["mademoiselle"] = ReferentGender.Feminine,
    };

    private static readonly Dictionary<string, ReferentGender>.AlternateLookup<ReadOnlySpan<char>> GenderedTitleLookup = GenderedTitles.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The number of third-person pronoun forms (<see cref="TryPronoun"/> indexes are below it).</summary>
    public static int PronounCount => Pronouns.Length;

    /// <summary>True for a third-person personal pronoun (<c>he</c>, <c>them</c>, <c>herself</c>), with its index, gender, number and case.</summary>
    public static bool TryPronoun(ReadOnlySpan<char> word, out int index, out ReferentGender gender, out ReferentNumber number, out PronounCase @case)
    {
        if (word.Length is >= 2 and <= 10 && PronounLookup.TryGetValue(word, out index))
        {
            (_, gender, number, @case) = Pronouns[index];
            return true;
        }
        (index, gender, number, @case) = (-1, ReferentGender.Unknown, ReferentNumber.Singular, PronounCase.Subject);
        return false;
    }

    /// <summary>True for a word that opens a person noun phrase, with its index (a model feature value; definite below <see cref="FirstIndefinite"/>).</summary>
    public static bool TryDeterminer(ReadOnlySpan<char> word, out int index) => DeterminerLookup.TryGetValue(word, out index);

    /// <summary>True for a person noun (<c>mother</c>, <c>ministers</c>, <c>old</c> is not one), with its gender and number.</summary>
    public static bool TryPersonNoun(ReadOnlySpan<char> word, out ReferentGender gender, out ReferentNumber number)
    {
        if (word.Length is >= 3 and <= 20 && NounLookup.TryGetValue(word, out var found))
        {
            (gender, number) = found;
            return true;
        }
        (gender, number) = (ReferentGender.Unknown, ReferentNumber.Singular);
        return false;
    }

    /// <summary>The sex a title gives its holder (<c>Mrs.</c> feminine, <c>Sir</c> masculine), <see cref="ReferentGender.Unknown"/> for the rest.</summary>
    public static ReferentGender GenderOfTitle(ReadOnlySpan<char> word) =>
        GenderedTitleLookup.TryGetValue(word, out var gender) ? gender : ReferentGender.Unknown;

    private static Dictionary<string, (ReferentGender, ReferentNumber)> BuildNouns()
    {
        var nouns = new Dictionary<string, (ReferentGender, ReferentNumber)>(StringComparer.OrdinalIgnoreCase);
        void Add(string[] words, ReferentGender gender)
        {
            foreach (string word in words)
            {
                var number = IsPlural(word) ? ReferentNumber.Plural : ReferentNumber.Singular;
                nouns.TryAdd(word, (gender, number));
            }
        }
        Add(MasculineNouns, ReferentGender.Masculine);
        Add(FeminineNouns, ReferentGender.Feminine);
        Add(CommonNouns, ReferentGender.Unknown);
        return nouns;
    }

    private static bool IsPlural(string word) =>
        word is "men" or "gentlemen" or "women" or "people" or "children" or "workmen" or "statesmen" or "countrymen"
            or "wives" or "ladies" or "crew" or "troops" or "family" or "delegation" or "police"
        || word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && word is not ("boss" or "witness" or "hostess" or "actress" or "waitress" or "abbess" or "mistress" or "governess" or "countess" or "duchess" or "baroness" or "empress" or "princess" or "heiress" or "marquis" or "accused" or "his");
}

/// <summary>The case of a pronoun form: <c>he</c>, <c>him</c>, <c>his</c>, <c>himself</c>.</summary>
public enum PronounCase : byte
{
    Subject,
    Object,
    Possessive,
    Reflexive,
}
