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
public sealed class FieldsJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _json;
    private readonly JsonFieldWriter _fields;

    public FieldsJsonWriter()
    {
        _json = new Utf8JsonWriter(_buffer, Options);
        _fields = new JsonFieldWriter(_json);
    }

    /// <summary>
    /// The fields of item <paramref name="index"/> of <paramref name="layer"/> (and of the layers aligned to
    /// it) as JSON; <paramref name="text"/> is the document's text, which nested spans quote.
    /// </summary>
    public string Render(RenderedLayer layer, int index, string text)
    {
        ArgumentNullException.ThrowIfNull(layer);
        Begin(text);
        layer.WriteFields(index, _fields);
        return End();
    }

    /// <summary>The fields of <paramref name="annotation"/> as JSON.</summary>
    public string Render(IAnnotation annotation, string text)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        Begin(text);
        annotation.WriteFields(_fields);
        return End();
    }

    private void Begin(string text)
    {
        _fields.Text = text ?? "";
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
    }

    private string End()
    {
        _json.WriteEndObject();
        _json.Flush();
        _fields.Text = "";
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
