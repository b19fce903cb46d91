namespace Annalist.Core.Text;

/// <summary>Maps offsets to lines and columns. Lines end at <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>.</summary>
public sealed class LineIndex
{
    private readonly int[] _lineStarts;
    private readonly int _length;

    public LineIndex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _length = text.Length;
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = starts.ToArray();
    }

    public int LineCount => _lineStarts.Length;

    /// <summary>The position of <paramref name="offset"/>; the text's length is a valid offset (the end).</summary>
    public LinePosition GetPosition(int offset)
    {
        if ((uint)offset > (uint)_length) throw new ArgumentOutOfRangeException(nameof(offset), offset, "Offset lies outside the text.");
        int line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0) line = ~line - 1;
        return new LinePosition(line + 1, offset - _lineStarts[line] + 1);
    }

    /// <summary>The offset at which the one-based <paramref name="line"/> starts.</summary>
    public int GetLineStart(int line)
    {
        if (line < 1 || line > _lineStarts.Length) throw new ArgumentOutOfRangeException(nameof(line), line, "No such line.");
        return _lineStarts[line - 1];
    }
}
