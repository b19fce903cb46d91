using System.Text.Json;
using System.Text.Json.Nodes;
using Annalist.Core.Pipeline;
using Annalist.Core.Syntax;
using Annalist.Evaluation.Syntax;
using Annalist.Evaluation.Frus;
using Annalist.Evaluation.Quotes;
using Annalist.Evaluation.Reports;
using Annalist.Evaluation.TimeMl;
using Annalist.Tests;

namespace Annalist.Evaluation.Tests.Baseline;

/// <summary>
/// The score floor: runs every evaluation in <c>eval/baseline.json</c> (inputs relative to <c>../shared</c>) with the default pipeline and
/// fails when a score falls more than 0.005 below its baseline or a count <c>n</c> changes.
/// <c>ANNALIST_UPDATE_BASELINE=1</c> rewrites the recorded scores instead (review the diff, commit it
/// with the change that raised them).
/// </summary>
public class BaselineTests
{
    private const double Tolerance = 0.005;

    private static string BaselinePath => Path.Combine(SharedData.RepositoryRoot, "eval", "baseline.json");

    [SharedFact]
    public void No_score_falls_below_its_baseline()
    {
        var baseline = JsonNode.Parse(File.ReadAllText(BaselinePath))!.AsObject();
        bool update = Environment.GetEnvironmentVariable("ANNALIST_UPDATE_BASELINE") == "1";
        var pipeline = DefaultPipeline.Create();
        var failures = new List<string>();
        var runs = baseline["evaluations"]!.AsArray();
        Assert.NotEmpty(runs);

        foreach (var run in runs)
        {
            string name = (string)run!["name"]!;
            var inputs = run["inputs"]!.AsArray().Select(i => SharedData.PathTo((string)i!)).ToList();
            var measured = (string)run["kind"]! switch
            {
                "gold" => Layers(new GoldEvaluator(pipeline).Evaluate(inputs)),
                "timeml" => Layers(new TimeMlEvaluator(pipeline).Evaluate(inputs, TimeAnchor.TryParse((string?)run["anchor"], out var anchor) ? anchor : TimeAnchor.Document)),
                "frus" => Layers(new FrusEvaluator(pipeline).Evaluate(inputs)),
                "quotes" => Layers(new QuotesEvaluator(pipeline).Evaluate(inputs.Select(LitBankQuotationReader.Read))),
                "ner" => NerLayers((string)run["corpus"]!, inputs),
                "gum-speakers" => Layers(new GumSpeakerEvaluator(pipeline).Evaluate(inputs.Select(GumSpeakerReader.Read))),
                "coref-litbank" => Layers(new Annalist.Evaluation.Coreference.CoreferenceEvaluator(pipeline).Evaluate(inputs.Select(Annalist.Evaluation.Coreference.LitBankCoreferenceReader.Read))),
                "coref-gum" => Layers(new Annalist.Evaluation.Coreference.CoreferenceEvaluator(pipeline).Evaluate(inputs.Select(Annalist.Evaluation.Coreference.GumCoreferenceReader.Read))),
                "ud" => JsonNode.Parse(UdEvaluation.Layers(UdEvaluation.Score(inputs.Single(), SyntaxModels.Tagger, SyntaxModels.Parser)).ToJsonString())!.AsObject(),
                var other => throw new InvalidOperationException($"{name}: unknown kind '{other}'"),
            };
            if (update)
            {
                run["scores"] = measured.DeepClone();
                continue;
            }
            foreach (var (layer, metrics) in run["scores"]!.AsObject())
            {
                foreach (var (metric, value) in metrics!.AsObject())
                {
                    double expected = (double)value!;
                    double? actual = (double?)measured[layer]?[metric];
                    if (actual is null) failures.Add($"{name}: {layer}.{metric} is no longer reported");
                    else if (metric == "n" && actual != expected) failures.Add($"{name}: {layer}.n is {actual}, the baseline has {expected} (a reader changed: update the baseline)");
                    else if (actual < expected - Tolerance) failures.Add($"{name}: {layer}.{metric} fell to {actual:0.0000} from {expected:0.0000}");
                }
            }
        }
        if (update) File.WriteAllText(BaselinePath, baseline.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Exact-span scores of the shipped recognizer on LitBank .ann files or HIPE .tsv files, as <c>annalist eval ner … --json</c> gives them.</summary>
    private static JsonObject NerLayers(string corpus, IReadOnlyList<string> inputs)
    {
        var gazetteer = Annalist.Core.Entities.EntityModels.Gazetteer;
        var tagger = new Annalist.Core.Entities.Tagging.MentionTagger(Annalist.Core.Entities.EntityModels.TaggerModel!, gazetteer);
        var scorer = Annalist.Formats.Corpora.NerScorer.Recognizer(new Annalist.Core.Entities.EntityRecognizer(tagger, gazetteer));
        IEnumerable<Annalist.Formats.Corpora.CorpusDocument> Documents()
        {
            foreach (string input in inputs)
            {
                if (corpus == "litbank") yield return Annalist.Formats.Corpora.LitBankReader.Read(input, coarse: true);
                else
                {
                    using var reader = new StreamReader(input);
                    foreach (var document in Annalist.Formats.Corpora.HipeReader.Read(reader).ToList()) yield return document;
                }
            }
        }
        var total = new Annalist.Formats.Corpora.NerScore(0, 0, 0);
        foreach (var document in Documents()) total = total.Add(Annalist.Formats.Corpora.NerScorer.Score(document, scorer, groupsArePersons: corpus == "litbank"));
        var layers = new JsonObject
        {
            ["ner"] = new JsonObject
            {
                ["precision"] = Math.Round(total.Precision, 4),
                ["recall"] = Math.Round(total.Recall, 4),
                ["f1"] = Math.Round(total.F1, 4),
                ["n"] = total.Gold,
            },
        };
        return JsonNode.Parse(layers.ToJsonString())!.AsObject();
    }

    private static JsonObject Layers(EvaluationResult result) =>
        JsonNode.Parse(EvaluationJson.Write(result, includeDocuments: false))!["layers"]!.AsObject();
}
