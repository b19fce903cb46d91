using Annalist.Core.Text;

namespace Annalist.Evaluation.Gold;

/// <summary>
/// Finds gold strings in a document by the gold format's occurrence rule: the n-th whole-word
/// occurrence, where a string that begins (ends) with a letter or digit must not have one just
/// before (after) the match. With <c>whitespaceEqual</c> (TEI documents) any run of white space in
/// the string matches any run in the text. Allocation-free apart from results.
/// </summary>
public static class TextLocator
{
    /// <summary>The <paramref name="occurrence"/>-th (1-based) whole-word occurrence at or after <paramref name="from"/>, or null.</summary>
    public static TextSpan? Find(string text, string needle, int occurrence = 1, bool whitespaceEqual = false, int from = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(needle);
        if (needle.Length == 0 || occurrence < 1) return null;
        int seen = 0;
        int position = Math.Max(0, from);
        while (TryMatchNext(text, needle, whitespaceEqual, ref position, out var span))
        {
            if (++seen == occurrence) return span;
        }
        return null;
    }

    /// <summary>Every whole-word occurrence, in text order, without overlaps between successive matches.</summary>
    public static List<TextSpan> FindAll(string text, string needle, bool whitespaceEqual = false)
    {
        var result = new List<TextSpan>();
        if (string.IsNullOrEmpty(needle)) return result;
        int position = 0;
        while (TryMatchNext(text, needle, whitespaceEqual, ref position, out var span)) result.Add(span);
        return result;
    }

    private static bool TryMatchNext(string text, string needle, bool whitespaceEqual, ref int position, out TextSpan span)
    {
        bool wordStart = char.IsLetterOrDigit(needle[0]);
        bool wordEnd = char.IsLetterOrDigit(needle[^1]);
        for (int start = position; start < text.Length; start++)
        {
            if (!whitespaceEqual)
            {
                int found = text.IndexOf(needle, start, StringComparison.Ordinal);
                if (found < 0) break;
                start = found;
            }
            int end = MatchAt(text, start, needle, whitespaceEqual);
            if (end < 0) continue;
            if (wordStart && start > 0 && char.IsLetterOrDigit(text[start - 1])) continue;
            if (wordEnd && end < text.Length && char.IsLetterOrDigit(text[end])) continue;
            span = new TextSpan(start, end);
            position = end > start ? end : start + 1;
            return true;
        }
        span = default;
        position = text.Length;
        return false;
    }

    /// <summary>The end of a match of <paramref name="needle"/> starting at <paramref name="start"/>, or -1.</summary>
    private static int MatchAt(string text, int start, string needle, bool whitespaceEqual)
    {
        if (!whitespaceEqual)
            return string.CompareOrdinal(text, start, needle, 0, needle.Length) == 0 && start + needle.Length <= text.Length ? start + needle.Length : -1;
        int t = start, n = 0;
        if (char.IsWhiteSpace(needle[0]) != char.IsWhiteSpace(text[start])) return -1;
        while (n < needle.Length)
        {
            if (t >= text.Length) return -1;
            if (char.IsWhiteSpace(needle[n]))
            {
                if (!char.IsWhiteSpace(text[t])) return -1;
                while (n < needle.Length && char.IsWhiteSpace(needle[n])) n++;
                while (t < text.Length && char.IsWhiteSpace(text[t])) t++;
                continue;
            }
            if (text[t] != needle[n]) return -1;
            t++;
            n++;
        }
        return t;
    }
}
