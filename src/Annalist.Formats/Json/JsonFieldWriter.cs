using System.Text.Json;
using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Formats.Json;

/// <summary>
/// Writes an annotation's fields into an open JSON object: nested spans as <c>{start, end, text}</c>
/// quoting <see cref="Text"/>, span lists as <c>[start, end]</c> pairs, non-finite numbers as null.
/// The one place both JSON writers get their field rendering from. Not thread-safe.
/// </summary>
internal sealed class JsonFieldWriter(Utf8JsonWriter json) : IFieldWriter
{
    // Pre-encoded names of the fields every span has: they are written millions of times for a large document.
    private static readonly JsonEncodedText StartName = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText EndName = JsonEncodedText.Encode("end");
    private static readonly JsonEncodedText TextName = JsonEncodedText.Encode("text");

    /// <summary>The document's text, which nested spans quote.</summary>
    public string Text { get; set; } = "";

    /// <summary>Writes <c>start</c>, <c>end</c> and <c>text</c>; a span past the text (a component's bug) gets a null text.</summary>
    public void WriteSpanFields(TextSpan span)
    {
        json.WriteNumber(StartName, span.Start);
        json.WriteNumber(EndName, span.End);
        if (span.End <= Text.Length) json.WriteString(TextName, Text.AsSpan(span.Start, span.Length));
        else json.WriteNull(TextName);
    }

    public void String(string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }

    public void Number(string name, long value) => json.WriteNumber(name, value);

    public void Number(string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }

    public void Boolean(string name, bool value) => json.WriteBoolean(name, value);

    public void Null(string name) => json.WriteNull(name);

    public void Span(string name, TextSpan? span)
    {
        if (span is not { } value)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        WriteSpanFields(value);
        json.WriteEndObject();
    }

    public void StringList(string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    public void SpanPairs(string name, IReadOnlyList<TextSpan> spans)
    {
        json.WriteStartArray(name);
        foreach (var span in spans)
        {
            json.WriteStartArray();
            json.WriteNumberValue(span.Start);
            json.WriteNumberValue(span.End);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    public void Object(string name, Action<IFieldWriter> write)
    {
        json.WriteStartObject(name);
        write(this);
        json.WriteEndObject();
    }

    public void ObjectList<T>(string name, IReadOnlyList<T> items, Action<IFieldWriter, T> write)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            write(this, item);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
