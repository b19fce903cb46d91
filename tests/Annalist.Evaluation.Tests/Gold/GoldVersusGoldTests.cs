using Annalist.Evaluation.Gold;
using Annalist.Evaluation.Scoring;
using Annalist.Tests;

namespace Annalist.Evaluation.Tests.Gold;

public class GoldVersusGoldTests
{
    public static TheoryData<string> ExampleGoldFiles => ["convoy.gold.json", "delegates.gold.json", "volume-d1.gold.json"];

    [Theory]
    [MemberData(nameof(ExampleGoldFiles))]
    public void Gold_scored_as_system_is_exactly_one_on_every_metric(string name)
    {
        var layers = ScoreGoldAgainstItself(ExampleFiles.PathTo(name));

        Assert.NotEmpty(layers);
        foreach (var layer in layers)
        {
            Assert.True(layer.Produced, layer.Layer);
            Assert.Empty(layer.Misses);
            Assert.Empty(layer.Spurious);
            Assert.Empty(layer.Mismatches);
            foreach (var (metric, value) in layer.Metrics) Assert.True(value == 1.0, $"{name} {layer.Layer}.{metric} = {value}");
        }
    }

    [Fact]
    public void Every_layer_of_the_format_is_exercised_by_the_examples()
    {
        var layers = ScoreGoldAgainstItself(ExampleFiles.PathTo("convoy.gold.json")).Select(l => l.Layer);

        Assert.Equal(["timexes", "entities", "turns", "events", "quantities", "editorial", "attributions"], layers);
    }

    [SharedFact]
    public void The_seed_gold_file_scored_against_itself_is_exactly_one()
    {
        var layers = ScoreGoldAgainstItself(SharedData.PathTo("gold", "000_b6bf8e9b8d153cfb.gold.json"));

        Assert.Equal(7, layers.Count);
        foreach (var layer in layers)
        {
            Assert.Empty(layer.Misses);
            Assert.Empty(layer.Spurious);
            foreach (var (metric, value) in layer.Metrics) Assert.True(value == 1.0, $"{layer.Layer}.{metric} = {value}");
        }
    }

    internal static IReadOnlyList<LayerScore> ScoreGoldAgainstItself(string path)
    {
        var gold = GoldFileReader.ReadFile(path);
        var (document, whitespaceEqual) = new GoldDocumentLoader().Load(gold);
        var resolved = GoldResolver.Resolve(gold, document.Text, whitespaceEqual, document.Name);
        return GoldEvaluator.ScoreLayers(resolved, GoldAsSystem.Build(resolved), document.Name);
    }

    internal static ResolvedGold ResolveExample(string name)
    {
        var gold = GoldFileReader.ReadFile(ExampleFiles.PathTo(name));
        var (document, whitespaceEqual) = new GoldDocumentLoader().Load(gold);
        return GoldResolver.Resolve(gold, document.Text, whitespaceEqual, document.Name);
    }
}
