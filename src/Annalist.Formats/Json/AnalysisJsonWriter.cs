using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Annalist.Core.Annotations;
using Annalist.Core.Text;
using Annalist.Formats.Rendering;

namespace Annalist.Formats.Json;

/// <summary>
/// Writes analyzed documents as JSON (see <c>docs/json-format.md</c>): the document, the pipeline version,
/// every layer in pipeline order and the diagnostics, with offsets in UTF-16 code units of the decoded
/// text. Streams to its output, flushing as it goes, so documents of any size take little memory.
/// Not thread-safe: one writer per output.
/// </summary>
public sealed class AnalysisJsonWriter : IFieldWriter, IDisposable
{
    private const int FlushThresholdBytes = 1 << 16;

    // Pre-encoded names of the fields every span has: they are written millions of times for a large document.
    private static readonly JsonEncodedText StartName = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText EndName = JsonEncodedText.Encode("end");
    private static readonly JsonEncodedText TextName = JsonEncodedText.Encode("text");

    private readonly Utf8JsonWriter _json;
    private string _text = "";

    /// <summary>A writer onto <paramref name="output"/>, which it does not close.</summary>
    public AnalysisJsonWriter(Stream output, AnalysisJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _json = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Indented = (options ?? AnalysisJsonOptions.Default).Indented,
            // Keeps letters, quotation marks and dashes readable; the output is data, never embedded in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    /// <summary>Writes <paramref name="document"/> as one JSON object to <paramref name="output"/>.</summary>
    public static void Write(AnalyzedDocument document, Stream output, AnalysisJsonOptions? options = null)
    {
        using var writer = new AnalysisJsonWriter(output, options);
        writer.Write(document);
        writer.Flush();
    }

    /// <summary>The JSON for <paramref name="document"/> as a string.</summary>
    public static string ToJson(AnalyzedDocument document, AnalysisJsonOptions? options = null)
    {
        using var buffer = new MemoryStream();
        Write(document, buffer, options);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Writes one document object. Call again for the next document of a JSON Lines stream, writing the
    /// newline between them yourself after <see cref="Flush"/>.
    /// </summary>
    public void Write(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _json.Reset();
        _text = document.Source.Text;
        _json.WriteStartObject();
        WriteDocument(document.Source);
        _json.WriteString("pipeline", document.PipelineVersion);
        _json.WriteStartObject("layers");
        foreach (var layer in LayerOrder.For(document)) WriteLayer(layer);
        _json.WriteEndObject();
        _json.WriteStartArray("diagnostics");
        foreach (var diagnostic in document.Diagnostics) WriteDiagnostic(diagnostic);
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        _text = "";
    }

    public void Flush() => _json.Flush();

    public void Dispose() => _json.Dispose();

    private void WriteDocument(SourceDocument source)
    {
        _json.WriteStartObject("document");
        _json.WriteString("name", source.Name);
        _json.WriteString("sha256", source.Sha256);
        _json.WriteNumber("length", source.Length);
        var metadata = source.Metadata;
        WriteIfPresent("encoding", metadata.Encoding);
        WriteIfPresent("title", metadata.Title);
        WriteIfPresent("source", metadata.Source);
        WriteIfPresent("date", metadata.Date);
        WriteIfPresent("language", metadata.Language);
        _json.WriteEndObject();
    }

    private void WriteIfPresent(string name, string? value)
    {
        if (value is not null) _json.WriteString(name, value);
    }

    private void WriteLayer(RenderedLayer rendered)
    {
        var layer = rendered.Layer;
        _json.WriteStartObject(layer.Name);
        _json.WriteString("producer", layer.Producer.ToString());
        if (!rendered.Aligned.IsEmpty)
        {
            _json.WriteStartArray("aligned");
            foreach (var aligned in rendered.Aligned)
            {
                _json.WriteStartObject();
                _json.WriteString("layer", aligned.Name);
                _json.WriteString("producer", aligned.Producer.ToString());
                _json.WriteEndObject();
            }
            _json.WriteEndArray();
        }
        _json.WriteStartArray("spans");
        for (int i = 0; i < layer.Count; i++)
        {
            _json.WriteStartObject();
            WriteSpanFields(layer.GetSpan(i));
            rendered.WriteFields(i, this);
            _json.WriteEndObject();
            if (_json.BytesPending > FlushThresholdBytes) _json.Flush();
        }
        _json.WriteEndArray();
        _json.WriteEndObject();
    }

    private void WriteDiagnostic(Diagnostic diagnostic)
    {
        _json.WriteStartObject();
        _json.WriteString("code", diagnostic.Code);
        _json.WriteString("severity", SeverityName(diagnostic.Severity));
        _json.WriteString("message", diagnostic.Message);
        if (diagnostic.Span is { } span) WriteSpanFields(span);
        if (diagnostic.Producer is not null) _json.WriteString("producer", diagnostic.Producer);
        _json.WriteEndObject();
    }

    /// <summary>The lowercase name used for a severity in JSON.</summary>
    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Info => "info",
        DiagnosticSeverity.Warning => "warning",
        _ => "error",
    };

    private void WriteSpanFields(TextSpan span)
    {
        _json.WriteNumber(StartName, span.Start);
        _json.WriteNumber(EndName, span.End);
        // A span past the text is a component's bug; the output stays valid and says so with a null.
        if (span.End <= _text.Length) _json.WriteString(TextName, _text.AsSpan(span.Start, span.Length));
        else _json.WriteNull(TextName);
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
        WriteSpanFields(value);
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
