using Annalist.Core.Annotations;
using Annalist.Core.Entities;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Tests;
using Xunit.Abstractions;

namespace Annalist.Formats.Tests.Entities;

public sealed class SeedGoldEntityTests(ITestOutputHelper output)
{
    [SharedFact]
    public void EntitiesOfTheSampleRecordMatchItsGold()
    {
        foreach (string goldPath in Directory.GetFiles(SharedData.PathTo("gold"), "*.gold.json"))
        {
            string json = File.ReadAllText(goldPath);
            string document = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("document").GetString()!;
            string text = File.ReadAllText(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(goldPath)!, document)));
            var analyzed = DefaultPipeline.Create().Analyze(new SourceDocument(goldPath, text));
            var result = GoldEntityCheck.Score(json, text, analyzed.GetLayer<Entity>(LayerNames.Entities).Items, analyzed.GetLayer<Mention>(LayerNames.Mentions).Items);
            output.WriteLine($"{Path.GetFileName(goldPath)}: entity P {result.Precision:F3} R {result.Recall:F3} F1 {result.F1:F3}; mention recall {result.MentionRecall:F3} ({result.MentionsCovered}/{result.MentionPairs})");
            foreach (string miss in result.Misses) output.WriteLine("  " + miss);
            Assert.True(result.F1 >= 0.9, $"entity F1 {result.F1:F3}");
            Assert.True(result.MentionRecall >= 0.9, $"mention recall {result.MentionRecall:F3}");
        }
    }
}
