using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Annalist.Core.Annotations;
using Annalist.Core.Coreference;
using Annalist.Core.Learning;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Evaluation;
using Annalist.Evaluation.Coreference;
using Annalist.Evaluation.SystemOutput;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

public sealed class TrainCorefSettings : CommandSettings
{
    [CommandOption("--corpora <PATH>")]
    [Description("The shared corpora folder (default: ../shared/corpora beside the repository).")]
    public string Corpora { get; init; } = Path.Combine("..", "shared", "corpora");

    [CommandOption("--out <PATH>")]
    [Description("Where coref.v1.bin.gz and coref.manifest.json are written (default: models).")]
    public string Output { get; init; } = "models";

    [CommandOption("--epochs <N>")]
    public int Epochs { get; init; } = 10;

    [CommandOption("--seed <N>")]
    public int Seed { get; init; } = 20261201;

    [CommandOption("--gum")]
    [Description("Train on GUM's training documents of the open genres as well as LitBank's.")]
    public bool Gum { get; init; }

    [CommandOption("--folds <K>")]
    [Description("Cross-validate on LitBank's training documents instead (fold k: every K-th document from k) and write nothing but the scores.")]
    public int Folds { get; init; }

    [CommandOption("--errors <FILE>")]
    [Description("With --folds: write each held-out fold's wrong antecedent to FILE (training documents only).")]
    public string? Errors { get; init; }

    public override Spectre.Console.ValidationResult Validate()
    {
        if (!Directory.Exists(Path.Combine(Corpora, "ner", "litbank", "coref", "brat")))
            return Spectre.Console.ValidationResult.Error($"ANL1007: LitBank coreference not found under {Corpora}");
        if (Gum && !Directory.Exists(Path.Combine(Corpora, "ner", "gum", "dep")))
            return Spectre.Console.ValidationResult.Error($"ANL1007: GUM not found under {Corpora}");
        if (Epochs < 1) return Spectre.Console.ValidationResult.Error("ANL1007: --epochs must be at least 1.");
        return Spectre.Console.ValidationResult.Success();
    }
}

/// <summary>
/// <c>annalist train coref</c>: trains the coreference model on LitBank's training documents (all but the held-out
/// tenth, read only once at the end to report the shipped model's score), with GUM's open-genre training documents
/// when asked, over the default pipeline's layers; writes the model and a manifest of data files with their SHA-256,
/// settings, seed, per-epoch training error and scores.
/// </summary>
public sealed class TrainCorefCommand : Command<TrainCorefSettings>
{
    public override int Execute(CommandContext context, TrainCorefSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string folder = Path.Combine(settings.Corpora, "ner", "litbank", "coref", "brat");
        string gumFolder = Path.Combine(settings.Corpora, "ner", "gum");
        var all = LitBankCoreferenceReader.DocumentPaths(folder);
        var trainingPaths = LitBankCoreferenceReader.Training(all);
        var pipeline = DefaultPipeline.Create();
        var training = Analyze(pipeline, trainingPaths.Select(LitBankCoreferenceReader.Read), cancellationToken);
        var gumPaths = settings.Gum ? NerCorpora.GumFiles(gumFolder, "train", openGenresOnly: true).ToList() : [];
        var gum = Analyze(pipeline, gumPaths.Select(GumCoreferenceReader.Read), cancellationToken);
        Console.WriteLine($"analyzed {training.Count} LitBank and {gum.Count} GUM training documents ({clock.Elapsed.TotalSeconds:F0} s)");

        if (settings.Folds >= 2)
        {
            var pooled = new List<DocumentEvaluation>();
            var rulesOnly = new List<DocumentEvaluation>();
            foreach (var (fold, inFold, held) in Folds.Of(training, settings.Folds))
            {
                var trainer = new CoreferenceTrainer();
                foreach (var (gold, analyzed) in inFold) trainer.Add(analyzed, gold.Mentions);
                foreach (var (gold, analyzed) in gum) trainer.Add(analyzed, gold.Mentions);
                var model = trainer.Train(settings.Epochs, settings.Seed);
                var (examples, errors, unreachable) = trainer.EpochErrors[^1];
                var scored = Score(held, model, settings.Errors is not null);
                var rules = Score(held, null, false);
                pooled.AddRange(scored);
                rulesOnly.AddRange(rules);
                Console.WriteLine($"fold {fold}: last epoch {examples} examples, {errors} wrong, {unreachable} without a right option; {Describe(EvaluationResult.Combine(scored))} (rules alone {Describe(EvaluationResult.Combine(rules))})");
            }
            if (settings.Errors is not null)
                File.WriteAllLines(settings.Errors, EvaluationResult.Combine(pooled).Layer("coreference")?.Mismatches ?? []);
            Console.WriteLine($"pooled over {settings.Folds} folds: {Describe(EvaluationResult.Combine(pooled))}; rules alone {Describe(EvaluationResult.Combine(rulesOnly))}");
            if (Directory.Exists(Path.Combine(gumFolder, "dep")))
            {
                // GUM dev is a development set: scoring a model of all training documents on it guides a change as the folds do.
                var everything = new CoreferenceTrainer();
                foreach (var (gold, analyzed) in training.Concat(gum)) everything.Add(analyzed, gold.Mentions);
                var dev = Analyze(pipeline, NerCorpora.GumFiles(gumFolder, "dev", openGenresOnly: true).Select(GumCoreferenceReader.Read), cancellationToken);
                Console.WriteLine($"GUM dev, a model of every training document: {Describe(EvaluationResult.Combine(Score(dev, everything.Train(settings.Epochs, settings.Seed), false)))}");
            }
            return 0;
        }

        var full = new CoreferenceTrainer();
        foreach (var (gold, analyzed) in training.Concat(gum)) full.Add(analyzed, gold.Mentions);
        var trained = full.Train(settings.Epochs, settings.Seed);
        Directory.CreateDirectory(settings.Output);
        string modelPath = Path.Combine(settings.Output, "coref.v1.bin.gz");
        using (var output = File.Create(modelPath)) trained.Write(output);
        CoreferenceModel shipped;
        using (var input = File.OpenRead(modelPath)) shipped = CoreferenceModel.Read(input);
        Console.WriteLine($"model: {shipped.FeatureCount:N0} features, {shipped.NameCount:N0} names ({new FileInfo(modelPath).Length:N0} bytes)");

        var gumDev = Analyze(pipeline, NerCorpora.GumFiles(gumFolder, "dev", openGenresOnly: true).Select(GumCoreferenceReader.Read), cancellationToken);
        // The held-out tenth is read only now, once, to report the shipped model's score.
        var heldOut = Analyze(pipeline, LitBankCoreferenceReader.HeldOut(all).Select(LitBankCoreferenceReader.Read), cancellationToken);
        var scores = new JsonObject
        {
            ["litbank_training"] = Scores(EvaluationResult.Combine(Score(training, shipped, false))),
            ["litbank_heldout"] = Scores(EvaluationResult.Combine(Score(heldOut, shipped, false))),
            ["litbank_heldout_rules_only"] = Scores(EvaluationResult.Combine(Score(heldOut, null, false))),
            ["gum_dev"] = Scores(EvaluationResult.Combine(Score(gumDev, shipped, false))),
        };
        Console.WriteLine($"scores: {scores.ToJsonString()}");
        var manifest = new JsonObject
        {
            ["component"] = "coreference.v2",
            ["model"] = "coref.v1",
            ["created_by"] = "annalist train coref" + (settings.Gum ? " --gum" : ""),
            ["settings"] = new JsonObject { ["epochs"] = settings.Epochs, ["seed"] = settings.Seed, ["gum"] = settings.Gum },
            ["epoch_training_error"] = new JsonArray([.. full.EpochErrors.Select(e => (JsonNode)Math.Round(e.Errors / (double)Math.Max(1, e.Examples), 5))]),
            ["examples_per_epoch"] = full.EpochErrors.Count > 0 ? full.EpochErrors[^1].Examples : 0,
            ["examples_without_right_option"] = full.EpochErrors.Count > 0 ? full.EpochErrors[^1].Unreachable : 0,
            ["outputs"] = new JsonObject { ["model"] = FileJson(modelPath, settings.Output) },
            ["data"] = new JsonArray([.. trainingPaths.SelectMany(p => new[] { p, Path.ChangeExtension(p, ".txt") }).Concat(gumPaths).Where(File.Exists).Select(f => (JsonNode)FileJson(f, settings.Corpora))]),
            ["scores"] = scores,
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds),
        };
        File.WriteAllText(Path.Combine(settings.Output, "coref.manifest.json"), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    private static List<(CoreferenceDocument Gold, AnalyzedDocument Analyzed)> Analyze(AnalysisPipeline pipeline, IEnumerable<CoreferenceDocument> documents, CancellationToken cancellationToken) =>
        [.. documents.Select(d => (d, pipeline.Analyze(new SourceDocument(d.Name, d.Text), cancellationToken)))];

    private static List<DocumentEvaluation> Score(IEnumerable<(CoreferenceDocument Gold, AnalyzedDocument Analyzed)> documents, CoreferenceModel? model, bool listErrors) =>
        [.. documents.Select(d => new DocumentEvaluation(d.Gold.Name, [CoreferenceEvaluator.Score(d.Gold, SystemLayers.From(CoreferenceTrainer.WithCoreference(d.Analyzed, model)), listErrors)]))];

    private static JsonObject Scores(EvaluationResult result)
    {
        var metrics = result.Layer("coreference")?.Metrics ?? [];
        var json = new JsonObject();
        foreach (var (key, value) in metrics) json[key] = Math.Round(value, 4);
        return json;
    }

    private static string Describe(EvaluationResult result)
    {
        var metrics = result.Layer("coreference")?.Metrics ?? [];
        double M(string key) => metrics.FirstOrDefault(m => m.Key == key).Value;
        return $"pronoun accuracy {M("pronoun_accuracy"):F3} (n {M("n"):F0}, recall {M("pronoun_recall"):F3}), nominal accuracy {M("nominal_accuracy"):F3} (n {M("nominal_n"):F0})";
    }

    private static JsonObject FileJson(string path, string root) => new()
    {
        ["path"] = Path.GetRelativePath(root, path).Replace('\\', '/'),
        ["bytes"] = new FileInfo(path).Length,
        ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))),
    };
}
