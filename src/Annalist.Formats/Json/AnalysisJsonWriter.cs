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
public sealed class AnalysisJsonWriter : IDisposable
{
    private const int FlushThresholdBytes = 1 << 16;

    private readonly Utf8JsonWriter _json;
    private readonly JsonFieldWriter _fields;

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
        _fields = new JsonFieldWriter(_json);
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
        _fields.Text = document.Source.Text;
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
        _fields.Text = "";
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
            _fields.WriteSpanFields(layer.GetSpan(i));
            rendered.WriteFields(i, _fields);
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
        if (diagnostic.Span is { } span) _fields.WriteSpanFields(span);
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
}
