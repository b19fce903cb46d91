using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Annalist.Core.Annotations;
using Annalist.Core.Text;
using Annalist.Formats.Rendering;

namespace Annalist.Formats.Json;

/// <summary>
/// Renders the fields of one annotation (everything but its own span) as a compact JSON object, as
/// <see cref="AnalysisJsonWriter"/> writes them inside a layer: nested spans as <c>{start, end, text}</c>.
/// Reuses one buffer across calls, so it suits storing millions of annotations. Not thread-safe.
/// </summary>
public sealed class FieldsJsonWriter : IFieldWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _json;
    private string _text = "";

    public FieldsJsonWriter()
    {
        _json = new Utf8JsonWriter(_buffer, Options);
    }

    /// <summary>
    /// The fields of item <paramref name="index"/> of <paramref name="layer"/> (and of the layers aligned to
    /// it) as JSON; <paramref name="text"/> is the document's text, which nested spans quote.
    /// </summary>
    public string Render(RenderedLayer layer, int index, string text)
    {
        ArgumentNullException.ThrowIfNull(layer);
        Begin(text);
        layer.WriteFields(index, this);
        return End();
    }

    /// <summary>The fields of <paramref name="annotation"/> as JSON.</summary>
    public string Render(IAnnotation annotation, string text)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        Begin(text);
        annotation.WriteFields(this);
        return End();
    }

    private void Begin(string text)
    {
        _text = text ?? "";
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
    }

    private string End()
    {
        _json.WriteEndObject();
        _json.Flush();
        _text = "";
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    void IFieldWriter.String(string name, string? value)
    {
        if (value is null) _json.WriteNull(name);
        else _json.WriteString(name, value);
    }

    void IFieldWriter.Number(string name, long value) => _json.WriteNumber(name, value);

    void IFieldWriter.Number(string name, double value)
    {
        if (double.IsFinite(value)) _json.WriteNumber(name, value);
        else _json.WriteNull(name);
    }

    void IFieldWriter.Boolean(string name, bool value) => _json.WriteBoolean(name, value);

    void IFieldWriter.Null(string name) => _json.WriteNull(name);

    void IFieldWriter.Span(string name, TextSpan? span)
    {
        if (span is not { } value)
        {
            _json.WriteNull(name);
            return;
        }
        _json.WriteStartObject(name);
        _json.WriteNumber("start", value.Start);
        _json.WriteNumber("end", value.End);
        if (value.End <= _text.Length) _json.WriteString("text", _text.AsSpan(value.Start, value.Length));
        else _json.WriteNull("text");
        _json.WriteEndObject();
    }

    void IFieldWriter.StringList(string name, IReadOnlyList<string> values)
    {
        _json.WriteStartArray(name);
        foreach (string value in values) _json.WriteStringValue(value);
        _json.WriteEndArray();
    }

    void IFieldWriter.SpanPairs(string name, IReadOnlyList<TextSpan> spans)
    {
        _json.WriteStartArray(name);
        foreach (var span in spans)
        {
            _json.WriteStartArray();
            _json.WriteNumberValue(span.Start);
            _json.WriteNumberValue(span.End);
            _json.WriteEndArray();
        }
        _json.WriteEndArray();
    }

    void IFieldWriter.Object(string name, Action<IFieldWriter> write)
    {
        _json.WriteStartObject(name);
        write(this);
        _json.WriteEndObject();
    }

    void IFieldWriter.ObjectList<T>(string name, IReadOnlyList<T> items, Action<IFieldWriter, T> write)
    {
        _json.WriteStartArray(name);
        foreach (var item in items)
        {
            _json.WriteStartObject();
            write(this, item);
            _json.WriteEndObject();
        }
        _json.WriteEndArray();
    }
}
