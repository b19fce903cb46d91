using System.Text;
using System.Text.Json;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Formats.Json;
using FsCheck.Xunit;

namespace Annalist.Formats.Tests.Json;

/// <summary>For any text, the default pipeline's JSON parses and every span's text is the text at its offsets.</summary>
public class AnalysisJsonProperties
{
    private const string Alphabet = "ab Zé1944 .,:;?!“”‘’\"'«»[]()…-—\n\n\r\t§ä中";

    private static readonly AnalysisPipeline Pipeline = DefaultPipeline.Create();

    private static string TextFrom(int seed, int length)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(length);
        for (int i = 0; i < length; i++) builder.Append(Alphabet[random.Next(Alphabet.Length)]);
        return builder.ToString();
    }

    [Property(MaxTest = 200)]
    public bool Json_of_any_text_parses_and_every_span_matches_its_text(int seed, byte length)
    {
        string text = TextFrom(seed, length * 3);
        var analysis = Pipeline.Analyze(new SourceDocument("random.txt", text));
        using var json = JsonDocument.Parse(AnalysisJsonWriter.ToJson(analysis));
        return json.RootElement.GetProperty("document").GetProperty("length").GetInt32() == text.Length
            && AllSpansMatch(json.RootElement, text);
    }

    private static bool AllSpansMatch(JsonElement element, string text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("start", out var start) && start.ValueKind == JsonValueKind.Number
                    && element.TryGetProperty("end", out var end) && end.ValueKind == JsonValueKind.Number
                    && element.TryGetProperty("text", out var spanText))
                {
                    int s = start.GetInt32(), e = end.GetInt32();
                    if (s < 0 || e < s || e > text.Length || spanText.GetString() != text[s..e]) return false;
                }
                return element.EnumerateObject().All(p => AllSpansMatch(p.Value, text));
            case JsonValueKind.Array:
                return element.EnumerateArray().All(item => AllSpansMatch(item, text));
            default:
                return true;
        }
    }
}
