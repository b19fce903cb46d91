using System.Text.Json;
using Annalist.Core.Text;
using Annalist.Tests;

namespace Annalist.Core.Tests.Gold;

/// <summary>A gold file (<c>annalist-gold/1</c>) of ../shared read at test time, with its document's text.</summary>
internal sealed class GoldRecord : IDisposable
{
    private GoldRecord(string text, JsonDocument json)
    {
        Text = text;
        Json = json;
    }

    public string Text { get; }

    public JsonDocument Json { get; }

    public static GoldRecord Load(string goldFileName)
    {
        string goldPath = SharedData.PathTo("gold", goldFileName);
        var json = JsonDocument.Parse(File.ReadAllText(goldPath));
        string document = json.RootElement.GetProperty("document").GetString()!;
        string text = File.ReadAllText(Path.Combine(Path.GetDirectoryName(goldPath)!, document));
        return new GoldRecord(text, json);
    }

    public IEnumerable<JsonElement> Layer(string name) =>
        Json.RootElement.TryGetProperty(name, out var items) ? items.EnumerateArray() : [];

    /// <summary>
    /// The span of the <paramref name="occurrence"/>-th whole-word occurrence of <paramref name="value"/> at or after
    /// <paramref name="from"/>: where it begins or ends with a letter or digit, the character beside it must not be one.
    /// </summary>
    public TextSpan Find(string value, int occurrence = 1, int from = 0)
    {
        int seen = 0;
        for (int index = Text.IndexOf(value, from, StringComparison.Ordinal); index >= 0; index = Text.IndexOf(value, index + 1, StringComparison.Ordinal))
        {
            int end = index + value.Length;
            bool wholeStart = !char.IsLetterOrDigit(value[0]) || index == 0 || !char.IsLetterOrDigit(Text[index - 1]);
            bool wholeEnd = !char.IsLetterOrDigit(value[^1]) || end == Text.Length || !char.IsLetterOrDigit(Text[end]);
            if (wholeStart && wholeEnd && ++seen == occurrence) return new TextSpan(index, end);
        }
        throw new InvalidOperationException($"The gold text '{value}' (occurrence {occurrence}) is not in the document.");
    }

    public void Dispose() => Json.Dispose();
}
