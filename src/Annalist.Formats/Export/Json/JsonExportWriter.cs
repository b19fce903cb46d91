using System.Text.Encodings.Web;
using System.Text.Json;
using Annalist.Core.Annotations;
using Annalist.Formats.Json;

namespace Annalist.Formats.Export.Json;

/// <summary>
/// Writes a document as the analysis JSON of <c>docs/json-format.md</c>, from the export model, so that a stored
/// document comes out as its fresh analysis would (layers of a stored document in the store's order).
/// Stateless and thread-safe.
/// </summary>
public sealed class JsonExportWriter : IDocumentExportWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format => "json";

    public string Extension => ".json";

    /// <inheritdoc />
    public IReadOnlyList<Diagnostic> Write(ExportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, Options);
        var fields = new JsonFieldWriter(json) { Text = document.Text };
        json.WriteStartObject();
        json.WriteStartObject("document");
        json.WriteString("name", document.Name);
        json.WriteString("sha256", document.Sha256);
        json.WriteNumber("length", document.Text.Length);
        var metadata = document.Metadata;
        WriteIfPresent(json, "encoding", metadata.Encoding);
        WriteIfPresent(json, "title", metadata.Title);
        WriteIfPresent(json, "source", metadata.Source);
        WriteIfPresent(json, "date", metadata.Date);
        WriteIfPresent(json, "language", metadata.Language);
        json.WriteEndObject();
        json.WriteString("pipeline", document.PipelineVersion);
        json.WriteStartObject("layers");
        foreach (var layer in document.Layers)
        {
            json.WriteStartObject(layer.Name);
            json.WriteString("producer", layer.Producer);
            if (!layer.Aligned.IsDefaultOrEmpty)
            {
                json.WriteStartArray("aligned");
                foreach (var aligned in layer.Aligned)
                {
                    json.WriteStartObject();
                    json.WriteString("layer", aligned.Name);
                    json.WriteString("producer", aligned.Producer);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteStartArray("spans");
            foreach (var item in layer.Items)
            {
                json.WriteStartObject();
                fields.WriteSpanFields(item.Span);
                foreach (var field in item.Fields.EnumerateObject())
                    if (field.Name is not ("start" or "end" or "text")) field.WriteTo(json);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in document.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("code", diagnostic.Code);
            json.WriteString("severity", AnalysisJsonWriter.SeverityName(diagnostic.Severity));
            json.WriteString("message", diagnostic.Message);
            if (diagnostic.Span is { } span) fields.WriteSpanFields(span);
            if (diagnostic.Producer is not null) json.WriteString("producer", diagnostic.Producer);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        return [];
    }

    private static void WriteIfPresent(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }
}
