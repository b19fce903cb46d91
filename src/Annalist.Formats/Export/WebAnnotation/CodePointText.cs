using Annalist.Core.Text;

namespace Annalist.Formats.Export.WebAnnotation;

/// <summary>
/// A document's text seen as Web Annotation counts it: in code points. Converts UTF-16 offsets to code-point
/// indexes (a surrogate pair is one, a lone surrogate one as well), keeps spans and contexts off the middle of a
/// pair, and hands out slices with lone surrogates as U+FFFD, which keeps every count. Immutable.
/// </summary>
internal sealed class CodePointText
{
    private readonly string _text;
    private readonly int[]? _codePoints; // null when the text has no surrogates: indexes equal offsets

    public CodePointText(string text)
    {
        _text = text;
        FirstLoneSurrogate = -1;
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0) return;
        _codePoints = new int[text.Length + 1];
        for (int i = 0; i < text.Length; i++)
        {
            bool secondOfPair = char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]);
            _codePoints[i + 1] = _codePoints[i] + (secondOfPair ? 0 : 1);
            if (char.IsSurrogate(text[i]) && !secondOfPair && !(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])))
            {
                LoneSurrogates++;
                if (FirstLoneSurrogate < 0) FirstLoneSurrogate = i;
            }
        }
    }

    public int Length => _text.Length;

    /// <summary>How many surrogates stand alone in the text, and the UTF-16 offset of the first (-1 when none).</summary>
    public int LoneSurrogates { get; }

    public int FirstLoneSurrogate { get; }

    /// <summary>The code-point index of UTF-16 offset <paramref name="offset"/> (a boundary, 0 to <see cref="Length"/>).</summary>
    public int CodePointIndex(int offset) => _codePoints is null ? offset : _codePoints[Math.Clamp(offset, 0, _text.Length)];

    /// <summary><paramref name="span"/> clamped to the text, and widened so that neither end splits a surrogate pair.</summary>
    public (int Start, int End) Widen(TextSpan span)
    {
        int start = Math.Clamp(span.Start, 0, _text.Length);
        int end = Math.Clamp(span.End, start, _text.Length);
        if (InsidePair(start)) start--;
        if (InsidePair(end)) end++;
        return (start, end);
    }

    /// <summary>The offset <paramref name="count"/> code points before <paramref name="offset"/>, or 0.</summary>
    public int Back(int offset, int count)
    {
        for (int n = 0; n < count && offset > 0; n++) offset -= InsidePair(offset - 1) ? 2 : 1;
        return Math.Max(offset, 0);
    }

    /// <summary>The offset <paramref name="count"/> code points after <paramref name="offset"/>, or the end.</summary>
    public int Forward(int offset, int count)
    {
        for (int n = 0; n < count && offset < _text.Length; n++) offset += InsidePair(offset + 1) ? 2 : 1;
        return Math.Min(offset, _text.Length);
    }

    public string Slice(int start, int end) => ReplaceLoneSurrogates(_text.Substring(start, end - start));

    /// <summary>Whether <paramref name="offset"/> falls between the two halves of a surrogate pair.</summary>
    private bool InsidePair(int offset) =>
        offset > 0 && offset < _text.Length && char.IsHighSurrogate(_text[offset - 1]) && char.IsLowSurrogate(_text[offset]);

    /// <summary><paramref name="value"/> with each lone surrogate as U+FFFD; the same string when it has none.</summary>
    public static string ReplaceLoneSurrogates(string value)
    {
        if (value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0) return value;
        return string.Create(value.Length, value, static (chars, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                char c = source[i];
                if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
                {
                    chars[i] = c;
                    chars[++i] = source[i];
                }
                else chars[i] = char.IsSurrogate(c) ? '\uFFFD' : c;
            }
        });
    }
}
