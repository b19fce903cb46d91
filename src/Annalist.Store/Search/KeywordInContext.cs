using Annalist.Core.Text;

namespace Annalist.Store.Search;

/// <summary>Finds where a query's words occur in a paragraph and cuts a snippet around the first of them.</summary>
internal static class KeywordInContext
{
    /// <summary>Characters of context on each side of the match, before trimming to whole words.</summary>
    public const int ContextLength = 60;

    public static SearchHit Build(PassageMatch passage, SearchQuery query)
    {
        string text = passage.Text;
        var local = FindFirst(text, query) ?? new TextSpan(0, Math.Min(text.Length, WordEnd(text, 0)));
        int before = Math.Max(0, local.Start - ContextLength);
        while (before > 0 && before < local.Start && !char.IsWhiteSpace(text[before - 1])) before++;
        int after = Math.Min(text.Length, local.End + ContextLength);
        while (after < text.Length && after > local.End && !char.IsWhiteSpace(text[after])) after--;
        return new SearchHit(
            passage.DocumentKey,
            passage.DocumentName,
            passage.Number,
            new TextSpan(passage.Start, passage.End),
            new TextSpan(passage.Start + local.Start, passage.Start + local.End),
            text[before..local.Start],
            text[local.Start..local.End],
            text[local.End..after],
            passage.Score);
    }

    /// <summary>
    /// The earliest word of <paramref name="text"/> equal to a query word, ignoring case; failing that the
    /// earliest one sharing a stem with a query word (both databases match inflected forms).
    /// </summary>
    public static TextSpan? FindFirst(string text, SearchQuery query)
    {
        var words = query.Words.Distinct().ToArray();
        if (words.Length == 0) return null;
        TextSpan? stemMatch = null;
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            int end = WordEnd(text, i);
            var word = text.AsSpan(i, end - i);
            foreach (string wanted in words)
            {
                if (word.Equals(wanted, StringComparison.OrdinalIgnoreCase)) return new TextSpan(i, end);
                if (stemMatch is null && SharesStem(word, wanted)) stemMatch = new TextSpan(i, end);
            }
            i = end;
        }
        return stemMatch;
    }

    private static int WordEnd(string text, int start)
    {
        int end = start;
        while (end < text.Length && char.IsLetterOrDigit(text[end])) end++;
        return end;
    }

    private static bool SharesStem(ReadOnlySpan<char> word, string wanted)
    {
        int stem = Math.Max(3, Math.Min(word.Length, wanted.Length) - 2);
        if (word.Length < stem || wanted.Length < stem) return false;
        return word[..stem].Equals(wanted.AsSpan(0, stem), StringComparison.OrdinalIgnoreCase);
    }
}
