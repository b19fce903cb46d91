using System.Collections.Frozen;

namespace Annalist.Core.Quantities;

/// <summary>General vocabulary of numbers, hedges, units and counted things; lookups take spans, case-insensitively.</summary>
internal static class QuantityLexicon
{
    /// <summary>Number words below a hundred.</summary>
    public static readonly FrozenDictionary<string, int> Small = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Scale words that multiply what precedes them.</summary>
    public static readonly FrozenDictionary<string, double> Scales = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
    {
        ["dozen"] = 12, ["hundred"] = 100, ["thousand"] = 1_000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000,
        ["trillion"] = 1_000_000_000_000, ["mln"] = 1_000_000, ["bn"] = 1_000_000_000,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Hedges before a number, longest first within each first word; the qualifier is the phrase itself.</summary>
    public static readonly string[][] Qualifiers =
    [
        ["a", "little", "over"], ["a", "little", "more", "than"], ["a", "little", "less", "than"],
        ["no", "more", "than"], ["no", "less", "than"], ["no", "fewer", "than"], ["not", "more", "than"], ["not", "less", "than"],
        ["not", "over"], ["not", "fewer", "than"],
        ["more", "than"], ["less", "than"], ["fewer", "than"], ["greater", "than"],
        ["at", "least"], ["at", "most"], ["up", "to"], ["as", "many", "as"], ["as", "much", "as"], ["as", "few", "as"],
        ["close", "to"], ["upwards", "of"], ["in", "excess", "of"], ["just", "over"], ["just", "under"], ["well", "over"],
        ["some"], ["about"], ["approximately"], ["approx"], ["around"], ["roughly"], ["nearly"], ["almost"], ["over"], ["under"],
        ["exactly"], ["perhaps"], ["possibly"], ["circa"], ["ca"], ["barely"], ["scarcely"], ["upward", "of"], ["approaching"],
    ];

    /// <summary>Units of measure, singular and plural, with abbreviations.</summary>
    public static readonly FrozenSet<string> MeasureUnits = new[]
    {
        "kilometer", "kilometers", "kilometre", "kilometres", "km", "kms", "mile", "miles", "meter", "meters", "metre", "metres",
        "centimeter", "centimeters", "centimetre", "centimetres", "cm", "millimeter", "millimeters", "millimetre", "millimetres", "mm",
        "foot", "feet", "ft", "inch", "inches", "yard", "yards", "verst", "versts", "li", "league", "leagues", "knot", "knots",
        "kilogram", "kilograms", "kilogramme", "kilogrammes", "kg", "kgs", "gram", "grams", "gramme", "grammes", "g",
        "ton", "tons", "tonne", "tonnes", "pound", "pounds", "pood", "poods", "hundredweight", "lb", "lbs", "ounce", "ounces", "oz",
        "hectare", "hectares", "ha", "acre", "acres", "liter", "liters", "litre", "litres", "gallon", "gallons",
        "barrel", "barrels", "bushel", "bushels", "degree", "degrees", "calorie", "calories", "kilowatt", "kilowatts", "kw",
        "megawatt", "megawatts", "mw", "horsepower", "hp", "caliber", "calibre", "volt", "volts",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Currencies written after the number, and the name a currency symbol stands for.</summary>
    public static readonly FrozenSet<string> CurrencyWords = new[]
    {
        "dollar", "dollars", "ruble", "rubles", "rouble", "roubles", "sterling", "franc", "francs", "mark", "marks",
        "reichsmark", "reichsmarks", "deutschmark", "deutschmarks", "yen", "yuan", "renminbi", "tugrik", "tugriks", "tögrög", "lira", "lire",
        "peso", "pesos", "rupee", "rupees", "dinar", "dinars", "crown", "crowns", "krona", "kronor", "krone", "kroner", "guilder", "guilders",
        "cent", "cents", "penny", "pence", "shilling", "shillings", "euro", "euros", "zloty", "zlotys", "forint", "forints", "lei", "leu",
        "kopeck", "kopecks", "kopek", "kopeks", "taels", "tael", "piastre", "piastres", "rial", "rials", "riyal", "riyals", "won", "drachma", "drachmas",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static string? CurrencyOfSymbol(char symbol) => symbol switch
    {
        '$' => "dollars",
        '£' => "pounds",
        '€' => "euros",
        '¥' => "yen",
        '₽' => "rubles",
        '₣' => "francs",
        '₹' => "rupees",
        _ => null,
    };

    /// <summary>Nouns that count things without a plural ending, and general nouns for equipment and vehicles, singular or plural.</summary>
    public static readonly FrozenSet<string> CountNouns = new[]
    {
        "people", "men", "women", "children", "persons", "personnel", "staff", "crew", "police", "militia", "cattle", "sheep", "livestock",
        "deer", "swine", "poultry", "infantry", "cavalry", "artillery", "aircraft", "equipment", "ammunition", "materiel", "matériel",
        "head", "horse", "troops", "man", "woman", "child", "person", "family", "household", "soldier", "officer",
        "rifle", "gun", "pistol", "revolver", "carbine", "mortar", "cannon", "howitzer", "grenade", "mine", "shell", "cartridge", "bullet",
        "round", "bomb", "rocket", "missile", "torpedo", "tank", "truck", "lorry", "car", "wagon", "jeep", "tractor", "locomotive",
        "bus", "vehicle", "motorcycle", "bicycle", "plane", "airplane", "aeroplane", "bomber", "fighter", "helicopter", "ship", "boat",
        "vessel", "submarine", "destroyer", "cruiser", "battleship", "frigate", "barge", "launch", "binocular", "radio", "transmitter",
        "camel", "mule", "ox", "oxen", "yak", "pony", "saddle", "tent", "blanket", "uniform", "copy", "copies", "sheet", "page",
        "division", "regiment", "battalion", "brigade", "company", "squadron", "platoon", "corps", "army", "unit",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that end a counted noun phrase: function words, auxiliaries and the commonest verbs.</summary>
    public static readonly FrozenSet<string> PhraseBreakers = new[]
    {
        "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "your", "my", "of", "in", "on", "at",
        "to", "for", "from", "by", "with", "without", "into", "onto", "over", "under", "about", "against", "between", "among", "through",
        "during", "before", "after", "since", "until", "till", "per", "via", "as", "than", "like", "near", "inside", "outside", "across",
        "and", "or", "but", "nor", "so", "yet", "if", "when", "while", "because", "although", "though", "whether", "which", "who", "whom",
        "whose", "what", "where", "why", "how", "is", "are", "was", "were", "be", "been", "being", "am", "have", "has", "had", "having",
        "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "never", "also",
        "each", "every", "all", "both", "more", "less", "most", "least", "other", "others", "such", "only", "even", "still", "already",
        "then", "there", "here", "now", "very", "too", "again", "he", "she", "it", "they", "we", "you", "i", "him", "them", "us", "me",
        "times", "percent", "per", "cent", "o'clock", "o’clock", "ago", "later", "earlier", "old", "long", "away", "apiece", "each",
        "left", "went", "came", "said", "made", "got", "gave", "took", "arrived", "remained", "stood", "fell",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns after which a number is a reference, not an amount (<c>No. 5</c>, <c>Article 12</c>).</summary>
    public static readonly FrozenSet<string> ReferenceNouns = new[]
    {
        "no", "nos", "number", "num", "page", "pages", "p", "pp", "paragraph", "paragraphs", "para", "paras", "article", "articles",
        "art", "section", "sections", "sec", "chapter", "chapters", "ch", "document", "documents", "doc", "telegram", "telegrams", "tel",
        "despatch", "dispatch", "memorandum", "file", "files", "volume", "volumes", "vol", "vols", "part", "parts", "annex", "appendix",
        "resolution", "point", "points", "item", "items", "room", "box", "folder", "footnote", "note", "notes", "line", "lines", "table",
        "figure", "fig", "series", "code", "order", "directive", "decree", "law", "route", "highway", "building", "house", "block", "plate",
        "fond", "opis", "delo", "list", "f", "op", "d", "l", "ll", "serial", "ref", "reference", "cable", "deptel", "embtel",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> PercentWords = new[] { "percent", "pct" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>For each word a hedge may begin with, the indices of the <see cref="Qualifiers"/> that begin with it, longest first as listed.</summary>
    public static readonly FrozenDictionary<string, int[]> QualifiersByFirstWord = Qualifiers
        .Select((phrase, index) => (phrase[0], index))
        .GroupBy(p => p.Item1, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.index).ToArray(), StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> QualifiersByFirstWordLookup = QualifiersByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Each hedge of <see cref="Qualifiers"/> as one lower-case string (<c>more than</c>).</summary>
    public static readonly string[] QualifierNames = [.. Qualifiers.Select(p => string.Join(' ', p))];

    /// <summary>The lower-case ASCII letters a number or scale word can begin with: a word starting otherwise needs no lookup.</summary>
    public static readonly bool[] NumberWordInitials = InitialsOf(Small.Keys.Concat(Scales.Keys));

    private static bool[] InitialsOf(IEnumerable<string> words)
    {
        var initials = new bool[128];
        foreach (string word in words)
        {
            char first = char.ToLowerInvariant(word[0]);
            if (first < 128) initials[first] = true;
        }
        return initials;
    }

    public static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> SmallLookup = Small.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> ScaleLookup = Scales.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MeasureLookup = MeasureUnits.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CurrencyLookup = CurrencyWords.GetAlternateLookup<ReadOnlySpan<char>>();
    /// <summary>Nouns for a small gathering of people whose size (<c>a circle of four people</c>) describes it.</summary>
    public static readonly FrozenSet<string> GatheringNouns = new[] { "circle", "gathering", "company", "party", "group", "round", "table", "meeting",
        "conversation", "dinner", "lunch", "luncheon", "session" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GatheringLookup = GatheringNouns.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CountNounLookup = CountNouns.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BreakerLookup = PhraseBreakers.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReferenceLookup = ReferenceNouns.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PercentLookup = PercentWords.GetAlternateLookup<ReadOnlySpan<char>>();
}
