using System.Globalization;
using System.Text;
using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Cli.Reports;

/// <summary>Collects an annotation's fields as <c>name=value</c> text for the report. Not thread-safe.</summary>
internal sealed class ReportFieldWriter : IFieldWriter
{
    private readonly string _text;
    private readonly int _excerptLength;
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public ReportFieldWriter(string text, int excerptLength)
    {
        _text = text;
        _excerptLength = excerptLength;
    }

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    public string? this[string name] => _fields.FirstOrDefault(f => f.Key == name).Value;

    public void Clear() => _fields.Clear();

    /// <summary>The fields as one line: <c>kind=word closed=false</c>.</summary>
    public override string ToString() => string.Join(" ", _fields.Select(f => f.Key + "=" + f.Value));

    public void String(string name, string? value) => Add(name, value is null ? "null" : ReportText.Excerpt(value, _excerptLength));

    public void Number(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    public void Number(string name, double value) => Add(name, value.ToString("R", CultureInfo.InvariantCulture));

    public void Boolean(string name, bool value) => Add(name, value ? "true" : "false");

    public void Null(string name) => Add(name, "null");

    public void Span(string name, TextSpan? span) => Add(name, span is { } value ? FormatSpan(value) : "null");

    public void StringList(string name, IReadOnlyList<string> values) =>
        Add(name, "[" + string.Join(", ", values.Select(v => ReportText.Excerpt(v, _excerptLength))) + "]");

    public void Object(string name, Action<IFieldWriter> write) => Add(name, "{" + Nested(write) + "}");

    public void ObjectList<T>(string name, IReadOnlyList<T> items, Action<IFieldWriter, T> write)
    {
        var parts = new StringBuilder("[");
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0) parts.Append(", ");
            var item = items[i];
            parts.Append('{').Append(Nested(writer => write(writer, item))).Append('}');
        }
        Add(name, parts.Append(']').ToString());
    }

    private string FormatSpan(TextSpan span)
    {
        string range = span.Start.ToString(CultureInfo.InvariantCulture) + "-" + span.End.ToString(CultureInfo.InvariantCulture);
        return span.End <= _text.Length ? range + " \"" + ReportText.Excerpt(_text.AsSpan(span.Start, span.Length), _excerptLength) + "\"" : range;
    }

    private string Nested(Action<IFieldWriter> write)
    {
        var nested = new ReportFieldWriter(_text, _excerptLength);
        write(nested);
        return nested.ToString();
    }

    private void Add(string name, string value) => _fields.Add(KeyValuePair.Create(name, value));
}
