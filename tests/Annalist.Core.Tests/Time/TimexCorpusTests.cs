using System.Text.Json;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Core.Time;
using Annalist.Tests;

namespace Annalist.Core.Tests.Time;

/// <summary>
/// Score floors on the development corpora (TBAQ-train, WikiWars 01–16) and the seed gold, so that a
/// change that loses ground fails. Measure-only corpora are never read here.
/// </summary>
public sealed class TimexCorpusTests
{
    [SharedFact]
    public void Seed_gold_timexes_are_all_found_with_their_values()
    {
        string goldPath = Directory.GetFiles(SharedData.PathTo("gold"), "*.gold.json").Order(StringComparer.Ordinal).First();
        using var gold = JsonDocument.Parse(File.ReadAllText(goldPath));
        string documentPath = Path.Combine(Path.GetDirectoryName(goldPath)!, gold.RootElement.GetProperty("document").GetString()!);
        string text = File.ReadAllText(documentPath);
        var expected = new List<GoldTimex>();
        var editorial = new List<(int Start, bool Editorial)>();
        foreach (var entry in gold.RootElement.GetProperty("timexes").EnumerateArray())
        {
            string phrase = entry.GetProperty("text").GetString()!;
            int occurrence = entry.TryGetProperty("occurrence", out var n) ? n.GetInt32() : 1;
            int start = NthWholeWordOccurrence(text, phrase, occurrence);
            Assert.True(start >= 0, $"gold text not found: {phrase}");
            expected.Add(new GoldTimex(start, start + phrase.Length, entry.GetProperty("type").GetString(), entry.GetProperty("value").GetString()));
            editorial.Add((start, entry.TryGetProperty("editorial", out var e) && e.GetBoolean()));
        }
        var analyzed = DefaultPipeline.Create().Analyze(new SourceDocument("seed", text));
        var system = analyzed.GetLayer<Timex>(Core.Annotations.LayerNames.Timexes).Items;
        var score = new TimexScore();
        score.Add(new TimeMlDocument("seed", text, null, expected), system, keepErrors: true);
        Assert.True(score.ValueF1 == 1.0, score.Summary() + "\n" + string.Join("\n", score.Errors));
        Assert.True(score.StrictF1 >= 0.9, score.Summary());
        foreach (var (start, isEditorial) in editorial)
            Assert.Equal(isEditorial, system.Single(t => t.Span.Start == start).Editorial);
    }

    [SharedFact]
    public void TempEval3_training_data_keeps_its_score_with_document_anchoring()
    {
        var files = Directory.EnumerateFiles(SharedData.PathTo("corpora", "timeml", "te3-train-TBAQ-cleaned"), "*.tml", SearchOption.AllDirectories);
        var score = TimeMlEvaluation.Run(files, TimexAnchoring.Document, keepErrors: false);
        Assert.True(score.RelaxedF1 >= 0.88 && score.ValueF1 >= 0.72, score.Summary());
    }

    [SharedFact]
    public void WikiWars_development_documents_keep_their_score_with_narrative_anchoring()
    {
        var files = Directory.EnumerateFiles(SharedData.PathTo("corpora", "timeml", "wikiwars", "WikiWars_20120218_v104", "keyinline"), "*.key.xml")
            .Order(StringComparer.Ordinal)
            .Where(f => int.TryParse(Path.GetFileName(f)[..2], out int number) && number <= 16);
        var score = TimeMlEvaluation.Run(files, TimexAnchoring.Narrative, keepErrors: false);
        Assert.True(score.RelaxedF1 >= 0.90 && score.ValueF1 >= 0.82, score.Summary());
    }

    private static int NthWholeWordOccurrence(string text, string phrase, int occurrence)
    {
        int from = 0;
        while (true)
        {
            int at = text.IndexOf(phrase, from, StringComparison.Ordinal);
            if (at < 0) return -1;
            bool startOk = !char.IsLetterOrDigit(phrase[0]) || at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            int end = at + phrase.Length;
            bool endOk = !char.IsLetterOrDigit(phrase[^1]) || end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (startOk && endOk && --occurrence == 0) return at;
            from = at + 1;
        }
    }
}
