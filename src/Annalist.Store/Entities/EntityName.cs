using System.Globalization;
using System.Text;
using Annalist.Core.Entities;

namespace Annalist.Store.Entities;

/// <summary>
/// A name taken apart for matching across documents: titles and honorifics dropped (<c>Marshal</c>,
/// <c>Mr.</c>), the rest folded to lower case without diacritics; for a person the last word is the
/// surname (generational suffixes such as <c>Jr.</c> aside) and the words before it the given names,
/// which may be initials (<c>J.</c>).
/// </summary>
public sealed class EntityName
{
    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal) { "jr", "sr", "ii", "iii", "iv", "esq" };
    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "the" };

    private EntityName(string written, IReadOnlyList<string> words, string surname, IReadOnlyList<string> given, IReadOnlyList<string> titles)
    {
        Written = written;
        Words = words;
        Surname = surname;
        Given = given;
        Titles = titles;
    }

    /// <summary>The name as the document wrote it.</summary>
    public string Written { get; }

    /// <summary>Its words without titles, folded.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The last word that is not a title or suffix; empty when the name is only a title (<c>the Ambassador</c>).</summary>
    public string Surname { get; }

    /// <summary>The words before the surname, folded; a single letter stands for an initial.</summary>
    public IReadOnlyList<string> Given { get; }

    /// <summary>The title words the name carried, folded (<c>marshal</c>).</summary>
    public IReadOnlyList<string> Titles { get; }

    /// <summary>All words joined by one space: the key for names that are not persons.</summary>
    public string Folded => string.Join(' ', Words);

    public static EntityName Parse(string written, bool person)
    {
        ArgumentNullException.ThrowIfNull(written);
        var words = new List<string>();
        var titles = new List<string>();
        var span = written.AsSpan();
        int i = 0;
        while (i < span.Length)
        {
            if (!IsWordChar(span[i]))
            {
                i++;
                continue;
            }
            int end = i;
            while (end < span.Length && (IsWordChar(span[end]) || (span[end] is '\'' or '’' or '-' && end + 1 < span.Length && char.IsLetter(span[end + 1])))) end++;
            var raw = span[i..end];
            bool dotted = end < span.Length && span[end] == '.';
            // Titles only before the name proper: "General" in "General Marshall" is a title, in "Attorney General" the name's end.
            bool title = person && words.Count == 0 && (TitleLexicon.IsTitleWord(raw) || (dotted && TitleLexicon.IsTitleWord(string.Concat(raw, "."))));
            string folded = Fold(raw);
            if (title) titles.Add(folded);
            // "Secretary of State", "the Minister for War": an office, not a name.
            else if (person && titles.Count > 0 && words.Count == 0 && char.IsLower(raw[0])) return new EntityName(written, [], "", [], titles);
            else if (words.Count > 0 || !Articles.Contains(folded)) words.Add(folded);
            i = end;
        }
        if (!person) return new EntityName(written, words, words.Count > 0 ? words[^1] : "", [], titles);
        int last = words.Count - 1;
        while (last > 0 && Suffixes.Contains(words[last])) last--;
        string surname = last >= 0 ? words[last] : "";
        return new EntityName(written, words, surname, last > 0 ? words.GetRange(0, last) : [], titles);
    }

    /// <summary>
    /// True when the given names can be the same person's: the same words or initials in the same order,
    /// as far as both go (<c>J.</c> and <c>Joseph</c>; <c>John F.</c> and <c>John Foster</c>), or none on one side,
    /// or the fewer, written out, the last of the more (<c>Foster</c> and <c>John Foster</c>).
    /// </summary>
    public static bool GivenCompatible(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        int n = Math.Min(a.Count, b.Count);
        bool aligned = true;
        for (int k = 0; k < n && aligned; k++) aligned = WordCompatible(a[k], b[k]);
        if (aligned) return true;
        // A middle name used as the name one goes by (Foster for John Foster), written out, not as an initial.
        var (shorter, longer) = a.Count < b.Count ? (a, b) : (b, a);
        if (shorter.Count == longer.Count || shorter.Any(w => w.Length < 2)) return false;
        int offset = longer.Count - shorter.Count;
        for (int k = 0; k < shorter.Count; k++)
        {
            if (shorter[k] != longer[offset + k]) return false;
        }
        return true;
    }

    /// <summary>True when the given names agree only through an initial (<c>J.</c> for <c>Joseph</c>).</summary>
    public static bool AgreeByInitial(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        int n = Math.Min(a.Count, b.Count);
        for (int k = 0; k < n; k++)
        {
            if (a[k] != b[k]) return true;
        }
        return false;
    }

    private static bool WordCompatible(string a, string b) =>
        a == b || (a.Length == 1 && b.StartsWith(a, StringComparison.Ordinal)) || (b.Length == 1 && a.StartsWith(b, StringComparison.Ordinal));

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    /// <summary>Lower case, accents removed, apostrophes dropped (<c>O’Neill</c> → <c>oneill</c>); see <see cref="Annalist.Core.Text.NameFolding"/>.</summary>
    public static string Fold(ReadOnlySpan<char> word) => Annalist.Core.Text.NameFolding.Fold(word);
}
