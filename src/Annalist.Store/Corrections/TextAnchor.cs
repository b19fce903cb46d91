using Annalist.Core.Text;

namespace Annalist.Store.Corrections;

/// <summary>
/// Where a correction applies, said twice: by offsets, and by the quoted text with a little of what comes
/// before and after it (as a W3C Web Annotation <c>TextQuoteSelector</c> with a <c>TextPositionSelector</c>).
/// When a document changes, the quote finds the place again although the offsets moved.
/// </summary>
public sealed record TextAnchor(TextSpan Span, string Exact, string Prefix, string Suffix)
{
    /// <summary>How many characters of context before and after the quote are kept.</summary>
    public const int ContextLength = 32;

    /// <summary>The anchor of <paramref name="span"/> in <paramref name="text"/>.</summary>
    public static TextAnchor At(string text, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (span.End > text.Length) throw new ArgumentOutOfRangeException(nameof(span), "The span lies past the end of the text.");
        int prefixStart = Math.Max(0, span.Start - ContextLength);
        int suffixEnd = Math.Min(text.Length, span.End + ContextLength);
        return new TextAnchor(span, text[span.Start..span.End], text[prefixStart..span.Start], text[span.End..suffixEnd]);
    }

    /// <summary>
    /// Finds the anchor in <paramref name="text"/>: at its offsets when the quote is still there, else at
    /// the occurrence of the quote whose surroundings best match the prefix and suffix (nearest the old
    /// offsets on a tie). False when the quote no longer occurs.
    /// </summary>
    public bool TryLocate(string text, out TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Span.End <= text.Length && text.AsSpan(Span.Start, Span.Length).SequenceEqual(Exact))
        {
            span = Span;
            return true;
        }
        span = default;
        if (Exact.Length == 0) return false;
        int best = -1, bestScore = -1, bestDistance = int.MaxValue;
        for (int at = text.IndexOf(Exact, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Exact, at + 1, StringComparison.Ordinal))
        {
            int score = CommonSuffixLength(text.AsSpan(0, at), Prefix) + CommonPrefixLength(text.AsSpan(at + Exact.Length), Suffix);
            int distance = Math.Abs(at - Span.Start);
            if (score > bestScore || (score == bestScore && distance < bestDistance))
            {
                best = at;
                bestScore = score;
                bestDistance = distance;
            }
            if (at + 1 >= text.Length) break;
        }
        if (best < 0) return false;
        span = new TextSpan(best, best + Exact.Length);
        return true;
    }

    private static int CommonSuffixLength(ReadOnlySpan<char> before, ReadOnlySpan<char> prefix)
    {
        int n = 0;
        while (n < before.Length && n < prefix.Length && before[^(n + 1)] == prefix[^(n + 1)]) n++;
        return n;
    }

    private static int CommonPrefixLength(ReadOnlySpan<char> after, ReadOnlySpan<char> suffix) => after.CommonPrefixLength(suffix);
}
