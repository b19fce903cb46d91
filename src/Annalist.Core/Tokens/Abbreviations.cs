using System.Collections.Frozen;

namespace Annalist.Core.Tokens;

/// <summary>
/// The abbreviation lexicon: general English vocabulary only (titles, ranks, months, days, references,
/// Latin). Keys are written without their final period (<c>Gen</c>, <c>e.g</c>, <c>a.m</c>) and match
/// case-sensitively, except that a lowercase entry also matches with its first letter capitalized
/// (<c>Vol.</c>, <c>Etc.</c>) and a capitalized one also matches in capitals (<c>MR.</c>, <c>GEN.</c>). Thread-safe.
/// </summary>
public static class Abbreviations
{
    private static readonly FrozenDictionary<string, AbbreviationKind> Entries = Build();

    private static readonly FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Entries.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every entry, without its final period.</summary>
    public static IEnumerable<string> All => Entries.Keys;

    /// <summary>Looks up <paramref name="word"/> (without its final period).</summary>
    public static bool TryGetKind(ReadOnlySpan<char> word, out AbbreviationKind kind)
    {
        if (word.IsEmpty || word.Length > 12)
        {
            kind = default;
            return false;
        }
        if (Lookup.TryGetValue(word, out kind)) return true;
        if (!char.IsUpper(word[0])) return false;
        Span<char> variant = stackalloc char[word.Length];
        word.CopyTo(variant);
        variant[0] = char.ToLowerInvariant(word[0]);
        if (Lookup.TryGetValue(variant, out kind)) return true;
        if (word.Length < 2 || word.ContainsAnyInRange('a', 'z')) return false;
        // Capitals throughout (DEAR MR. PRESIDENT): the entry written with one capital.
        variant[0] = word[0];
        for (int i = 1; i < variant.Length; i++) variant[i] = char.ToLowerInvariant(word[i]);
        return Lookup.TryGetValue(variant, out kind);
    }

    private static FrozenDictionary<string, AbbreviationKind> Build()
    {
        var entries = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);
        Add(entries, AbbreviationKind.BeforeName,
            // Civil and religious titles.
            "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mmes", "Mlle", "Dr", "Drs", "Prof", "Hon", "Rev", "Revd", "Fr", "Msgr",
            "Pres", "Gov", "Sen", "Sens", "Rep", "Reps", "Amb", "Ambs", "Supt", "Insp", "Atty", "Asst", "Sec", "Secy",
            "Dep", "Cdt",
            // Military ranks.
            "Gen", "Gens", "Col", "Cols", "Lt", "Lieut", "Capt", "Cpt", "Maj", "Sgt", "Cpl", "Pvt", "Pte", "Adm", "Cmdr",
            "Cdr", "Comdr", "Brig", "Cmdt",
            // Places before a name.
            "St", "Ste", "Mt", "Ft", "Pt",
            // Latin and reference words that introduce what follows.
            "e.g", "i.e", "cf", "viz", "vs", "v", "resp", "ibid", "Ibid", "op",
            // Before a date or a reign: born, died, flourished.
            "b", "d", "fl", "r");
        Add(entries, AbbreviationKind.BeforeNumber,
            "No", "Nos", "no", "nos", "Nr", "nr", "p", "pp", "vol", "vols", "ch", "chap", "sec", "secs", "art", "arts",
            "para", "paras", "suppl", "supp", "fig", "figs", "tab", "doc", "docs", "fol", "fols", "ser", "pt", "l", "ll", "n", "nn",
            "ca", "c", "approx", "est", "tel", "ex", "ed", "eds", "ref", "Ref", "Tel", "Dept", "Div", "div", "Regt", "Bn",
            // Months and days, usually before a date.
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
            "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun");
        Add(entries, AbbreviationKind.Closing,
            "etc", "al", "Inc", "Ltd", "Co", "Corp", "Bros", "Jr", "Jnr", "Sr", "Snr", "Esq", "ff", "seq",
            "a.m", "p.m", "A.M", "P.M", "Ph.D", "hrs", "min", "sq", "km", "ft", "lbs", "oz", "yds", "Ave", "Rd", "Blvd",
            "incl", "encl", "Encl", "cont", "govt", "Govt", "dept");
        Add(entries, AbbreviationKind.NamePart,
            "U.S", "U.K", "U.N", "U.S.A", "U.S.S.R", "Wm", "Chas", "Jas", "Geo", "Thos");
        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, AbbreviationKind> entries, AbbreviationKind kind, params string[] words)
    {
        foreach (string word in words) entries.TryAdd(word, kind);
    }
}
