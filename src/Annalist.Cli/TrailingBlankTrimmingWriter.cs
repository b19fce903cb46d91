using System.Text;

namespace Annalist.Cli;

/// <summary>
/// A writer that drops the blanks at the end of each line. Spectre.Console lays its help out as a grid as wide as the
/// console, so every description line would otherwise end in up to a screen of spaces (in a file, a pipe or a narrow
/// terminal that wraps them).
/// </summary>
public sealed class TrailingBlankTrimmingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _blanks = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        switch (value)
        {
            case ' ' or '\t':
                _blanks.Append(value);
                break;
            case '\n' or '\r':
                _blanks.Clear();
                inner.Write(value);
                break;
            default:
                if (_blanks.Length > 0)
                {
                    inner.Write(_blanks.ToString());
                    _blanks.Clear();
                }
                inner.Write(value);
                break;
        }
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        foreach (char c in value) Write(c);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        for (int i = index; i < index + count; i++) Write(buffer[i]);
    }

    /// <summary>Blanks still held at the end are the end of a line too, and are dropped.</summary>
    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Flush();
        base.Dispose(disposing);
    }
}
