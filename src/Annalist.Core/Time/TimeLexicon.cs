using System.Collections.Frozen;

namespace Annalist.Core.Time;

/// <summary>Function words and cue words the timex grammar dispatches on.</summary>
internal enum TimeKeyword : byte
{
    None,
    The, A, Of, In, On, At, Since, Until, From, To, Through, Between, And, Or, By, During, Before, After, For, Within, Over,
    Early, Late, Mid, Middle, End, Beginning, Start, Rest,
    Next, Following, Last, Previous, Preceding, Past, This, That, Same, Coming, These, Those,
    Ago, Later, Earlier, Afterwards, Hence, Now, Today, Yesterday, Tomorrow, Tonight,
    Present, Future, Currently, Recently, Formerly, Previously, Lately, Nowadays, Soon, Once, Twice, Thrice, Times,
    Every, Each, Per, Other,
    Approximately, More, Less, Than, Least, Almost, Nearly, Some, Several, Few, Couple, Many, Half,
    Noon, Midnight, OClock, Am, Pm, Bc, Ad, Century, Year, Old, New, Style, Julian, Gregorian, Calendar, Day,
    Th, S, OldStyle, NewStyle, Weekend, Fiscal, Right, Eve,
}

/// <summary>Holidays the grammar knows, fixed or computed from the year.</summary>
internal enum Holiday : byte
{
    Christmas,
    Easter,
    Thanksgiving,
    Independence,
    Armistice,
    Halloween,
    Bastille,
    NewYear,
    Election,
}

/// <summary>What one lowercase word can be in a temporal expression. A word may have several roles.</summary>
internal readonly record struct TimeWord
{
    public byte Month { get; init; }

    public byte Weekday { get; init; }

    public byte Season { get; init; }

    /// <summary>1 morning, 2 afternoon, 3 evening, 4 night, 5 daytime.</summary>
    public byte PartOfDay { get; init; }

    /// <summary>Cardinal value plus one (0: none).</summary>
    public short Number { get; init; }

    public byte Ordinal { get; init; }

    /// <summary>Unit plus one (0: none).</summary>
    public byte Unit { get; init; }

    public bool PluralUnit { get; init; }

    /// <summary>Decade word (<c>thirties</c>): the decade's tens, 1–9.</summary>
    public byte DecadeWord { get; init; }

    /// <summary>A roman numeral I–XII, for <c>7.I.1944</c>.</summary>
    public byte Roman { get; init; }

    /// <summary>Set adverbs (<c>daily</c>): unit plus one.</summary>
    public byte SetUnit { get; init; }

    public TimeKeyword Keyword { get; init; }

    /// <summary>A holiday's first word (<c>Christmas</c>, <c>Easter</c>): the holiday plus one.</summary>
    public byte Holiday { get; init; }

    /// <summary>A word that may follow a bare year without making it a count (<c>1944 and</c>, <c>1944 the</c>).</summary>
    public bool FunctionWord { get; init; }

    /// <summary>A word before a number that makes it a label or amount, not a year (<c>page</c>, <c>No.</c>, <c>total</c>).</summary>
    public bool NumberLabel { get; init; }

    public bool IsUnit => Unit != 0;

    public TimeUnit UnitValue => (TimeUnit)(Unit - 1);
}

/// <summary>
/// The general English vocabulary of dates and times, looked up without allocation by case-insensitive
/// span. Holds only general words: months, weekdays, seasons, parts of day, number and ordinal words,
/// units and reference words.
/// </summary>
internal static class TimeLexicon
{
    private static readonly FrozenDictionary<string, TimeWord> Words = Build();

    private static readonly FrozenDictionary<string, TimeWord>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static TimeWord Get(ReadOnlySpan<char> word) => Lookup.TryGetValue(word, out var entry) ? entry : default;

    /// <summary>Whether <paramref name="word"/> is a verb form of the past that does not end in <c>-ed</c> (<c>said</c>, <c>rose</c>, <c>had</c>).</summary>
    public static bool IsPastForm(ReadOnlySpan<char> word) => PastFormLookup.Contains(word);

    // Simple past forms of common irregular verbs, and the past auxiliaries; regular ones end in -ed.
    private static readonly FrozenSet<string> PastForms = new[]
    {
        "said", "was", "were", "had", "did", "rose", "fell", "sold", "bought", "began", "took", "made", "got", "grew", "came", "went",
        "told", "left", "met", "paid", "won", "lost", "held", "fought", "led", "gave", "saw", "knew", "thought", "brought", "kept",
        "ran", "sent", "spent", "built", "broke", "chose", "drew", "drove", "flew", "fled", "forgot", "hid", "lay", "meant", "rode",
        "shook", "shot", "spoke", "stood", "stole", "struck", "swore", "taught", "threw", "understood", "wore", "wrote", "became",
        "found", "heard", "felt", "sought", "sank", "slid", "split", "spread", "sprang", "swept", "tore", "wept", "withdrew", "overtook",
        "undertook", "forbade", "arose", "awoke", "bore", "bound", "bred", "caught", "clung", "crept", "dealt", "dug", "fed", "froze",
        "hung", "lent", "mistook", "rang", "sang", "sat", "slept", "stuck", "stung", "strove", "swam", "swung", "woke", "wound",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PastFormLookup = PastForms.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, TimeWord> Build()
    {
        var words = new Dictionary<string, TimeWord>(StringComparer.OrdinalIgnoreCase);

        void Add(string word, Func<TimeWord, TimeWord> set) =>
            words[word] = set(words.TryGetValue(word, out var existing) ? existing : default);

        string[][] months =
        [
            ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"], ["june", "jun"],
            ["july", "jul"], ["august", "aug"], ["september", "sep", "sept"], ["october", "oct"], ["november", "nov"], ["december", "dec"],
        ];
        for (int m = 0; m < months.Length; m++)
            foreach (string name in months[m]) Add(name, w => w with { Month = (byte)(m + 1) });

        string[][] weekdays =
        [
            ["monday", "mon"], ["tuesday", "tue", "tues"], ["wednesday", "wed"], ["thursday", "thu", "thur", "thurs"],
            ["friday", "fri"], ["saturday", "sat"], ["sunday", "sun"],
        ];
        for (int d = 0; d < weekdays.Length; d++)
            foreach (string name in weekdays[d]) Add(name, w => w with { Weekday = (byte)(d + 1) });

        Add("spring", w => w with { Season = 1 });
        Add("summer", w => w with { Season = 2 });
        Add("autumn", w => w with { Season = 3 });
        Add("fall", w => w with { Season = 3 });
        Add("winter", w => w with { Season = 4 });
        Add("springtime", w => w with { Season = 1 });
        Add("summertime", w => w with { Season = 2 });
        Add("wintertime", w => w with { Season = 4 });

        Add("morning", w => w with { PartOfDay = 1 });
        Add("mornings", w => w with { PartOfDay = 1 });
        Add("afternoon", w => w with { PartOfDay = 2 });
        Add("evening", w => w with { PartOfDay = 3 });
        Add("evenings", w => w with { PartOfDay = 3 });
        Add("night", w => w with { PartOfDay = 4 });
        Add("nights", w => w with { PartOfDay = 4 });
        Add("daytime", w => w with { PartOfDay = 5 });
        Add("dawn", w => w with { PartOfDay = 1 });
        Add("dusk", w => w with { PartOfDay = 3 });

        string[] units = ["second", "minute", "hour", "day", "week", "month", "season", "quarter", "year", "decade", "century"];
        string[] plurals = ["seconds", "minutes", "hours", "days", "weeks", "months", "seasons", "quarters", "years", "decades", "centuries"];
        for (int u = 0; u < units.Length; u++)
        {
            int unit = u;
            if (unit == (int)TimeUnit.Season) continue;
            Add(units[u], w => w with { Unit = (byte)(unit + 1) });
            Add(plurals[u], w => w with { Unit = (byte)(unit + 1), PluralUnit = true });
        }
        Add("weekend", w => w with { Unit = (byte)(TimeUnit.Week + 1) });
        Add("fortnight", w => w with { Unit = (byte)(TimeUnit.Week + 1) });
        Add("yr", w => w with { Unit = (byte)(TimeUnit.Year + 1) });
        Add("yrs", w => w with { Unit = (byte)(TimeUnit.Year + 1), PluralUnit = true });
        Add("hrs", w => w with { Unit = (byte)(TimeUnit.Hour + 1), PluralUnit = true });
        Add("mins", w => w with { Unit = (byte)(TimeUnit.Minute + 1), PluralUnit = true });

        string[] cardinals =
        [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        ];
        for (int n = 0; n < cardinals.Length; n++) Add(cardinals[n], w => w with { Number = (short)(n + 1) });
        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (int t = 0; t < tens.Length; t++) Add(tens[t], w => w with { Number = (short)((t + 2) * 10 + 1) });
        Add("hundred", w => w with { Number = 101 });
        Add("dozen", w => w with { Number = 13 });

        string[] ordinals =
        [
            "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
            "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
        ];
        for (int o = 0; o < ordinals.Length; o++) Add(ordinals[o], w => w with { Ordinal = (byte)(o + 1) });
        Add("thirtieth", w => w with { Ordinal = 30 });

        string[] decades = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];
        for (int d = 0; d < decades.Length; d++) Add(decades[d], w => w with { DecadeWord = (byte)(d + 2) });

        string[] romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
        for (int r = 0; r < romans.Length; r++) Add(romans[r], w => w with { Roman = (byte)(r + 1) });

        Add("hourly", w => w with { SetUnit = (byte)(TimeUnit.Hour + 1) });
        Add("daily", w => w with { SetUnit = (byte)(TimeUnit.Day + 1) });
        Add("nightly", w => w with { SetUnit = (byte)(TimeUnit.Day + 1) });
        Add("weekly", w => w with { SetUnit = (byte)(TimeUnit.Week + 1) });
        Add("monthly", w => w with { SetUnit = (byte)(TimeUnit.Month + 1) });
        Add("quarterly", w => w with { SetUnit = (byte)(TimeUnit.Quarter + 1) });
        Add("annually", w => w with { SetUnit = (byte)(TimeUnit.Year + 1) });
        Add("yearly", w => w with { SetUnit = (byte)(TimeUnit.Year + 1) });

        (string Word, Holiday Holiday)[] holidays =
        [
            ("christmas", Time.Holiday.Christmas), ("easter", Time.Holiday.Easter), ("thanksgiving", Time.Holiday.Thanksgiving),
            ("independence", Time.Holiday.Independence), ("armistice", Time.Holiday.Armistice), ("halloween", Time.Holiday.Halloween),
            ("bastille", Time.Holiday.Bastille), ("election", Time.Holiday.Election),
        ];
        foreach (var (word, holiday) in holidays) Add(word, w => w with { Holiday = (byte)(holiday + 1) });

        (string Word, TimeKeyword Keyword)[] keywords =
        [
            ("the", TimeKeyword.The), ("a", TimeKeyword.A), ("an", TimeKeyword.A), ("of", TimeKeyword.Of), ("in", TimeKeyword.In),
            ("on", TimeKeyword.On), ("at", TimeKeyword.At), ("since", TimeKeyword.Since), ("until", TimeKeyword.Until),
            ("till", TimeKeyword.Until), ("til", TimeKeyword.Until), ("from", TimeKeyword.From), ("to", TimeKeyword.To),
            ("through", TimeKeyword.Through), ("thru", TimeKeyword.Through), ("between", TimeKeyword.Between), ("and", TimeKeyword.And),
            ("or", TimeKeyword.Or), ("by", TimeKeyword.By), ("during", TimeKeyword.During), ("before", TimeKeyword.Before),
            ("after", TimeKeyword.After), ("for", TimeKeyword.For), ("within", TimeKeyword.Within), ("over", TimeKeyword.Over),
            ("early", TimeKeyword.Early), ("late", TimeKeyword.Late), ("mid", TimeKeyword.Mid), ("middle", TimeKeyword.Middle),
            ("end", TimeKeyword.End), ("beginning", TimeKeyword.Beginning), ("start", TimeKeyword.Start), ("rest", TimeKeyword.Rest),
            ("next", TimeKeyword.Next), ("following", TimeKeyword.Following), ("last", TimeKeyword.Last),
            ("previous", TimeKeyword.Previous), ("preceding", TimeKeyword.Preceding), ("prior", TimeKeyword.Previous),
            ("past", TimeKeyword.Past), ("this", TimeKeyword.This), ("that", TimeKeyword.That), ("same", TimeKeyword.Same),
            ("coming", TimeKeyword.Coming), ("these", TimeKeyword.These), ("those", TimeKeyword.Those),
            ("ago", TimeKeyword.Ago), ("later", TimeKeyword.Later), ("earlier", TimeKeyword.Earlier),
            ("afterwards", TimeKeyword.Afterwards), ("afterward", TimeKeyword.Afterwards), ("hence", TimeKeyword.Hence),
            ("now", TimeKeyword.Now), ("today", TimeKeyword.Today), ("yesterday", TimeKeyword.Yesterday),
            ("tomorrow", TimeKeyword.Tomorrow), ("tonight", TimeKeyword.Tonight), ("present", TimeKeyword.Present),
            ("future", TimeKeyword.Future), ("currently", TimeKeyword.Currently), ("recently", TimeKeyword.Recently),
            ("formerly", TimeKeyword.Formerly), ("previously", TimeKeyword.Previously), ("lately", TimeKeyword.Lately),
            ("nowadays", TimeKeyword.Nowadays), ("soon", TimeKeyword.Soon), ("once", TimeKeyword.Once), ("twice", TimeKeyword.Twice),
            ("thrice", TimeKeyword.Thrice), ("times", TimeKeyword.Times), ("every", TimeKeyword.Every), ("each", TimeKeyword.Each),
            ("per", TimeKeyword.Per), ("other", TimeKeyword.Other), ("around", TimeKeyword.Approximately),
            ("about", TimeKeyword.Approximately), ("circa", TimeKeyword.Approximately), ("ca", TimeKeyword.Approximately),
            ("c", TimeKeyword.Approximately), ("approximately", TimeKeyword.Approximately), ("roughly", TimeKeyword.Approximately),
            ("some", TimeKeyword.Some), ("more", TimeKeyword.More), ("less", TimeKeyword.Less), ("fewer", TimeKeyword.Less),
            ("than", TimeKeyword.Than), ("least", TimeKeyword.Least), ("almost", TimeKeyword.Almost), ("nearly", TimeKeyword.Nearly),
            ("several", TimeKeyword.Several), ("few", TimeKeyword.Few), ("couple", TimeKeyword.Couple), ("many", TimeKeyword.Many),
            ("half", TimeKeyword.Half), ("noon", TimeKeyword.Noon), ("midday", TimeKeyword.Noon), ("midnight", TimeKeyword.Midnight),
            ("o'clock", TimeKeyword.OClock), ("o’clock", TimeKeyword.OClock), ("am", TimeKeyword.Am), ("pm", TimeKeyword.Pm),
            ("bc", TimeKeyword.Bc), ("bce", TimeKeyword.Bc), ("ad", TimeKeyword.Ad), ("ce", TimeKeyword.Ad),
            ("year", TimeKeyword.Year), ("old", TimeKeyword.Old), ("new", TimeKeyword.New), ("style", TimeKeyword.Style),
            ("julian", TimeKeyword.Julian), ("gregorian", TimeKeyword.Gregorian), ("calendar", TimeKeyword.Calendar),
            ("th", TimeKeyword.Th), ("st", TimeKeyword.Th), ("nd", TimeKeyword.Th), ("rd", TimeKeyword.Th), ("s", TimeKeyword.S),
            ("day", TimeKeyword.Day), ("a.m.", TimeKeyword.Am), ("a.m", TimeKeyword.Am), ("p.m.", TimeKeyword.Pm),
            ("p.m", TimeKeyword.Pm), ("b.c.", TimeKeyword.Bc), ("b.c", TimeKeyword.Bc), ("b.c.e.", TimeKeyword.Bc),
            ("a.d.", TimeKeyword.Ad), ("a.d", TimeKeyword.Ad), ("c.e.", TimeKeyword.Ad), ("o.s.", TimeKeyword.OldStyle),
            ("o.s", TimeKeyword.OldStyle), ("n.s.", TimeKeyword.NewStyle), ("n.s", TimeKeyword.NewStyle), ("weekend", TimeKeyword.Weekend), ("fiscal", TimeKeyword.Fiscal), ("right", TimeKeyword.Right), ("eve", TimeKeyword.Eve),
        ];
        foreach (var (word, keyword) in keywords) Add(word, w => w with { Keyword = keyword });
        Add("century", w => w with { Keyword = TimeKeyword.Century });
        Add("centuries", w => w with { Keyword = TimeKeyword.Century });

        string[] functionWords =
        [
            "the", "a", "an", "and", "or", "but", "nor", "to", "of", "in", "on", "at", "by", "for", "from", "with", "as", "until",
            "till", "since", "when", "while", "after", "before", "during", "through", "throughout", "onward", "onwards", "he", "she",
            "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "this", "that", "these", "those", "there", "was", "were",
            "is", "are", "be", "been", "had", "has", "have", "would", "will", "could", "should", "did", "does", "not", "also",
            "then", "which", "who", "where", "alone", "again", "itself", "against", "into", "under", "about", "if", "so", "ad", "bc",
            "bce", "ce", "s", "onwards", "saw", "marked", "brought", "began", "ended", "up", "some", "all", "many", "most",
        ];
        foreach (string word in functionWords) Add(word, w => w with { FunctionWord = true });

        string[] labels =
        [
            "page", "pages", "p", "pp", "no", "nos", "number", "numbers", "vol", "volume", "chapter", "ch", "article", "art",
            "section", "sec", "item", "document", "doc", "telegram", "despatch", "dispatch", "resolution", "file", "box", "folder",
            "law", "total", "sum", "force", "strength", "code", "room", "flight", "route", "highway", "tel", "fig", "figure",
            "table", "note", "footnote", "paragraph", "para", "line", "lines", "reel", "frame", "serial", "memo", "memorandum",
            "circular", "airgram", "instruction", "message", "numbered", "totaled", "totalled", "totaling", "totalling",
            "numbering", "killed", "wounded", "captured", "lost", "km", "miles", "tons", "feet", "metres", "meters", "us", "usd",
            // Statutes and the serial prefixes of diplomatic telegrams ("62 Stat. 1286", "urtel 1248", "Secto 1604").
            "stat", "stats", "deptel", "deptels", "urtel", "urtels", "embtel", "embtels", "mytel", "mytels", "reftel", "reftels", "infotel", "circtel",
            "contel", "secto", "tosec", "delga", "gadel", "polto", "topol", "action", "actions", "telegrams", "despatches", "dispatches",
            "messages", "airgrams", "circulars",
        ];
        foreach (string word in labels) Add(word, w => w with { NumberLabel = true });

        return words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
