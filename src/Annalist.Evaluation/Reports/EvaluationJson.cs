using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Annalist.Evaluation.Reports;

/// <summary>
/// The <c>--json</c> form of an evaluation: <c>{"documents": N, "layers": {layer: {metric: value}}}</c>
/// with the metric keys of <see cref="Scoring.LayerMetrics"/>; fractions in [0, 1], counts named
/// <c>n</c> as integers. FRUS output leaves out <c>documents</c>, as the shape has it.
/// </summary>
public static class EvaluationJson
{
    public static string Write(EvaluationResult result, bool includeDocuments = true)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (includeDocuments) json.WriteNumber("documents", result.Documents);
            json.WriteStartObject("layers");
            foreach (var layer in result.Layers)
            {
                json.WriteStartObject(layer.Layer);
                foreach (var (name, value) in layer.Metrics)
                {
                    if (name == "n") json.WriteNumber(name, (long)value);
                    else json.WriteNumber(name, Math.Round(value, 6));
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
