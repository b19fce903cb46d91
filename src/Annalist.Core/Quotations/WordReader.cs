using Annalist.Core.Text;

namespace Annalist.Core.Quotations;

/// <summary>
/// Reads the words of a stretch of text without allocating: runs of letters and digits joined by inner
/// apostrophes and hyphens (<c>don’t</c>, <c>Tito’s</c>, <c>hand-held</c>).
/// </summary>
internal ref struct WordReader
{
    private readonly ReadOnlySpan<char> _text;
    private readonly int _end;
    private int _position;

    public WordReader(string text, TextSpan range)
    {
        _text = text;
        _position = range.Start;
        _end = Math.Min(range.End, text.Length);
    }

    /// <summary>Where reading stands: just after the last word returned.</summary>
    public readonly int Position => _position;

    public bool TryNext(out TextSpan word)
    {
        while (_position < _end && !char.IsLetterOrDigit(_text[_position])) _position++;
        int start = _position;
        while (_position < _end)
        {
            char c = _text[_position];
            if (char.IsLetterOrDigit(c)) _position++;
            else if (c is '\'' or '’' or '-' or '‐' && _position + 1 < _end && char.IsLetterOrDigit(_text[_position + 1])) _position++;
            else break;
        }
        word = new TextSpan(start, _position);
        return _position > start;
    }

    /// <summary>The word without a possessive or contracted ending: <c>Tito’s</c> → <c>Tito</c>, <c>I’m</c> → <c>I</c>.</summary>
    public static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word)
    {
        int apostrophe = word.IndexOfAny('\'', '’');
        return apostrophe > 0 ? word[..apostrophe] : word;
    }

    public static bool IsPossessive(ReadOnlySpan<char> word) =>
        word.Length > 2 && (word.EndsWith("’s", StringComparison.Ordinal) || word.EndsWith("'s", StringComparison.Ordinal));
}
