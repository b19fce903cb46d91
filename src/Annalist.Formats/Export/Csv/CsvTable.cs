using System.Text;

namespace Annalist.Formats.Export.Csv;

/// <summary>
/// One CSV file as RFC 4180 has it: a header row, comma-separated fields, CRLF line ends, and a field quoted
/// (its quotes doubled) when it holds a comma, a quote, a line break, or begins or ends with white space.
/// UTF-8 without a byte order mark.
/// </summary>
public sealed class CsvTable : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly int _columns;

    public CsvTable(string path, IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        Path = path;
        _columns = header.Count;
        _writer = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), new UTF8Encoding(false)) { NewLine = "\r\n" };
        Row(header);
    }

    public string Path { get; }

    public int Rows { get; private set; }

    /// <summary>Writes one row; null fields are empty. A row must have as many fields as the header.</summary>
    public void Row(IReadOnlyList<string?> fields)
    {
        if (fields.Count != _columns) throw new ArgumentException($"A row of {Path} needs {_columns} fields, not {fields.Count}.", nameof(fields));
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0) _writer.Write(',');
            WriteField(_writer, fields[i]);
        }
        _writer.Write("\r\n");
        Rows++;
    }

    /// <summary>A field as RFC 4180 writes it.</summary>
    public static string Quote(string? value)
    {
        using var writer = new StringWriter();
        WriteField(writer, value);
        return writer.ToString();
    }

    private static void WriteField(TextWriter writer, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        bool quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]);
        if (!quote)
        {
            writer.Write(value);
            return;
        }
        writer.Write('"');
        foreach (char c in value)
        {
            if (c == '"') writer.Write('"');
            writer.Write(c);
        }
        writer.Write('"');
    }

    public void Dispose() => _writer.Dispose();
}
