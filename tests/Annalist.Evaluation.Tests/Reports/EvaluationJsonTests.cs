using System.Text.Json;
using Annalist.Core.Pipeline;
using Annalist.Evaluation.Reports;
using Spectre.Console.Testing;

namespace Annalist.Evaluation.Tests.Reports;

public class EvaluationJsonTests
{
    private static readonly Dictionary<string, string[]> ExpectedKeys = new()
    {
        ["timexes"] = ["strict_f1", "relaxed_f1", "value_accuracy", "value_f1", "type_accuracy"],
        ["entities"] = ["precision", "recall", "f1", "mention_recall"],
        ["turns"] = ["precision", "recall", "f1", "speaker_accuracy"],
        ["events"] = ["precision", "recall", "f1", "role_f1"],
        ["quantities"] = ["precision", "recall", "f1"],
        ["editorial"] = ["precision", "recall", "f1"],
        ["attributions"] = ["precision", "recall", "f1"],
    };

    [Fact]
    public void Gold_json_has_exactly_the_issue_keys_with_fractions()
    {
        var result = new GoldEvaluator(new PipelineBuilder().Build()).Evaluate([ExampleFiles.PathTo("convoy.gold.json"), ExampleFiles.PathTo("delegates.gold.json")]);

        using var json = JsonDocument.Parse(EvaluationJson.Write(result));

        var root = json.RootElement;
        Assert.Equal(["documents", "layers"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, root.GetProperty("documents").GetInt32());
        var layers = root.GetProperty("layers");
        Assert.Equal(ExpectedKeys.Keys, layers.EnumerateObject().Select(p => p.Name));
        foreach (var layer in layers.EnumerateObject())
        {
            Assert.Equal(ExpectedKeys[layer.Name], layer.Value.EnumerateObject().Select(p => p.Name));
            Assert.All(layer.Value.EnumerateObject(), p => Assert.InRange(p.Value.GetDouble(), 0, 1));
        }
    }

    [Fact]
    public void Frus_json_leaves_out_documents_and_writes_n_as_integers()
    {
        var volume = Formats.Tei.TeiReader.ReadVolume(ExampleFiles.PathTo("volume.xml"));
        var result = EvaluationResult.Combine(new Annalist.Evaluation.Frus.FrusEvaluator(new PipelineBuilder().Build()).Evaluate(volume));

        using var json = JsonDocument.Parse(EvaluationJson.Write(result, includeDocuments: false));

        var layers = json.RootElement.GetProperty("layers");
        Assert.Equal(["layers"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["accuracy", "n"], layers.GetProperty("dates").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["mention_recall", "linking_accuracy", "alignment_accuracy", "n"], layers.GetProperty("persons").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["precision", "recall", "f1", "n"], layers.GetProperty("participants").EnumerateObject().Select(p => p.Name));
        Assert.Equal(5, layers.GetProperty("persons").GetProperty("n").GetInt32());
    }

    [Fact]
    public void The_text_report_lists_every_miss_and_flags_missing_layers()
    {
        var result = new GoldEvaluator(new PipelineBuilder().Build()).Evaluate([ExampleFiles.PathTo("convoy.gold.json")]);
        var console = new TestConsole().Width(200);

        EvaluationReport.Write(console, result, "test");

        string output = console.Output;
        Assert.Contains("the pipeline does not make this layer yet, so it scores zero recall", output);
        Assert.Contains("editorial — missed (3)", output);
        Assert.Contains("\"[sic, the northern harbor]\"", output);
        Assert.Contains("timexes — missed (5)", output);
    }
}
