using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Annalist.Core.Annotations;
using Annalist.Core.Coreference;
using Annalist.Core.Discourse;
using Annalist.Core.Learning;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Evaluation;
using Annalist.Evaluation.Quotes;
using Annalist.Evaluation.Scoring;
using Annalist.Evaluation.SystemOutput;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

public sealed class TrainQuotesSettings : CommandSettings
{
    [CommandOption("--corpora <PATH>")]
    [Description("The shared corpora folder (default: ../shared/corpora beside the repository).")]
    public string Corpora { get; init; } = Path.Combine("..", "shared", "corpora");

    [CommandOption("--out <PATH>")]
    [Description("Where quotes.v1.bin.gz and quotes.manifest.json are written (default: models).")]
    public string Output { get; init; } = "models";

    [CommandOption("--epochs <N>")]
    public int Epochs { get; init; } = 10;

    [CommandOption("--seed <N>")]
    public int Seed { get; init; } = 20261201;

    [CommandOption("--orders <K>")]
    [Description("Train one model for each of K document orders (seeds --seed, --seed + 1, …) and average their weights (default 5: one order's model depends on the order as much as on the data).")]
    public int Orders { get; init; } = 5;

    [CommandOption("--seeds <LIST>")]
    [Description("With --folds: cross-validate once for each of these comma-separated seeds over one analysis of the documents and print the mean (overrides --seed).")]
    public string? Seeds { get; init; }

    [CommandOption("--narrator")]
    [Description("Train the first-person narrator as a speaker option of its own (offered in documents whose narration says I in at least half its personal pronouns).")]
    public bool Narrator { get; init; }

    [CommandOption("--reported-history")]
    [Description("Let the model read the narration's reported turns (she asked him whether ...) as turns of the conversation before a quotation, found in a pre-pass (the model file records it).")]
    public bool ReportedHistory { get; init; }

    [CommandOption("--coref-folds <K>")]
    [Description("The folds of the out-of-fold coreference links (default 5): each training document's coreference layer remade by a coreference model trained on the other folds of LitBank's training documents, as on unseen text. Cross-validation always scores on these links, however the model was trained.")]
    public int CorefFolds { get; init; } = 5;

    [CommandOption("--out-of-fold-coref")]
    [Description("Train on the out-of-fold coreference links too, rather than on the shipped coreference model's (trained on these same documents, so better here than on unseen text). Measured worse than training on the shipped links: see docs/layers/turns.md, Session 7.")]
    public bool OutOfFoldCoref { get; init; }

    [CommandOption("--folds <K>")]
    [Description("Cross-validate on LitBank's training documents instead (fold k: every K-th document from k) and write nothing but the scores.")]
    public int Folds { get; init; }

    [CommandOption("--beam <LIST>")]
    [Description("Decode with a beam of B hypotheses of who spoke the quotations so far (default: the model's, QuotationSpeakerModel.DefaultBeam). With --folds, a comma-separated list scores the same trained models with each width.")]
    public string? Beam { get; init; }

    [CommandOption("--ranker <NAME>")]
    [Description("How the ranking is learnt: perceptron (default, an averaged ranking perceptron) or softmax (a log-linear ranker trained by AdaGrad with L2).")]
    public string Ranker { get; init; } = "perceptron";

    [CommandOption("--train-beam <B@T@P>")]
    [Description("Train the perceptron over the histories of a beam of B hypotheses scored at temperature T with repeat penalty P (T 0: raw scores summed), by early update where the gold history falls out (default 8@0@0; 1: greedily, each quotation on the model's own earlier choices, as before session 11).")]
    public string TrainBeam { get; init; } = "8@0@0";

    [CommandOption("--early-update <HOW>")]
    [Description("With --train-beam: how decoding goes on after an early update: gold (default, from the gold history), own (from the beam's best, its wrong choices kept) or stop (the rest of the document left).")]
    public string EarlyUpdate { get; init; } = "gold";

    [CommandOption("--learning-rate <X>")]
    [Description("The softmax ranker's AdaGrad learning rate (default 0.1).")]
    public double LearningRate { get; init; } = 0.1;

    [CommandOption("--l2 <X>")]
    [Description("The softmax ranker's L2 penalty (default 0.0001).")]
    public double L2 { get; init; } = 1e-4;

    [CommandOption("--errors <FILE>")]
    [Description("With --folds: write each held-out quotation attributed wrongly or not at all to FILE.")]
    public string? Errors { get; init; }

    public override Spectre.Console.ValidationResult Validate()
    {
        if (!Directory.Exists(Path.Combine(Corpora, "ner", "litbank", "quotations", "tsv")))
            return Spectre.Console.ValidationResult.Error($"ANL1007: LitBank quotations not found under {Corpora}");
        if (Epochs < 1) return Spectre.Console.ValidationResult.Error("ANL1007: --epochs must be at least 1.");
        if (Orders < 1) return Spectre.Console.ValidationResult.Error("ANL1007: --orders must be at least 1.");
        if (EarlyUpdate is not ("gold" or "own" or "stop")) return Spectre.Console.ValidationResult.Error("ANL1007: --early-update must be gold, own or stop.");
        if (Ranker is not ("perceptron" or "softmax")) return Spectre.Console.ValidationResult.Error("ANL1007: --ranker must be perceptron or softmax.");
        if (CorefFolds < 2) return Spectre.Console.ValidationResult.Error("ANL1007: --coref-folds must be at least 2.");
        return Spectre.Console.ValidationResult.Success();
    }
}

/// <summary>
/// <c>annalist train quotes</c>: trains the quotation speaker model on LitBank's training documents (all but
/// the held-out tenth, which it never reads), over the default pipeline's layers, and writes the model with
/// a manifest of data files and their SHA-256, settings, seed, per-epoch training error and the held-out score.
/// </summary>
public sealed class TrainQuotesCommand : Command<TrainQuotesSettings>
{
    public override int Execute(CommandContext context, TrainQuotesSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string folder = Path.Combine(settings.Corpora, "ner", "litbank", "quotations", "tsv");
        var all = LitBankQuotationReader.DocumentPaths(folder);
        int heldOut = Math.Max(1, all.Count / 10);
        var trainingPaths = all.Take(all.Count - heldOut).ToList();
        var pipeline = DefaultPipeline.Create();
        var training = Analyze(pipeline, trainingPaths, cancellationToken);
        Console.WriteLine($"analyzed {training.Count} training documents ({clock.Elapsed.TotalSeconds:F0} s)");
        // The shipped coreference model was trained on these documents: cross-validation scores each fold on links of a coreference model that was not.
        var outOfFold = CoreferenceTrainer.OutOfFold(
            [.. training.Select(d => (d.Analyzed, (IReadOnlyList<CoreferenceGoldMention>)[.. d.Gold.Mentions.Select(m => new CoreferenceGoldMention(m.Span, m.Cluster))]))],
            settings.CorefFolds, CorefEpochs, CorefSeed);
        var honest = training.Select((d, i) => (d.Gold, Analyzed: outOfFold[i])).ToList();
        Console.WriteLine($"out-of-fold coreference links over {settings.CorefFolds} folds ({clock.Elapsed.TotalSeconds:F0} s)");
        var learnFrom = settings.OutOfFoldCoref ? honest : training;

        if (settings.Folds >= 2)
        {
            var seeds = settings.Seeds is null ? [settings.Seed] : settings.Seeds.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
            var beams = Beams(settings);
            var accuracies = beams.Select(_ => new List<double>()).ToArray();
            foreach (int seed in seeds)
            {
                string? errors = settings.Errors is null ? null : seeds.Length == 1 ? settings.Errors : $"{settings.Errors}.{seed}";
                var byBeam = CrossValidate(learnFrom, honest, settings.Folds, settings.Epochs, seed, settings.Orders, errors, settings, beams);
                for (int b = 0; b < beams.Length; b++) accuracies[b].Add(byBeam[b]);
            }
            for (int b = 0; b < beams.Length; b++)
            {
                if (seeds.Length > 1) Console.WriteLine($"beam {beams[b]}: mean over seeds {string.Join(", ", seeds)}: {accuracies[b].Average():F4} ({string.Join(" / ", accuracies[b].Select(a => a.ToString("F3")))})");
            }
            return 0;
        }

        var full = Trainer(settings);
        foreach (var (gold, analyzed) in learnFrom) full.Add(analyzed, QuotationSpeakerGold.Of(gold));
        var trained = WithBeam(full.Train(settings.Epochs, settings.Seed, settings.Orders), Beams(settings)[0]);
        Directory.CreateDirectory(settings.Output);
        string modelPath = Path.Combine(settings.Output, "quotes.v1.bin.gz");
        using (var output = File.Create(modelPath)) trained.Write(output);
        QuotationSpeakerModel shipped;
        using (var input = File.OpenRead(modelPath)) shipped = QuotationSpeakerModel.Read(input).WithBeam(trained.Beam, trained.BeamTemperature, trained.BeamRepeatPenalty);
        Console.WriteLine($"model: {shipped.FeatureCount:N0} features ({new FileInfo(modelPath).Length:N0} bytes)");

        // The held-out tenth is read only now, once, to report the shipped model's score.
        var heldOutDocuments = Analyze(pipeline, all.Skip(all.Count - heldOut).ToList(), cancellationToken);
        var scores = new JsonObject
        {
            ["litbank_training"] = Accuracy(EvaluationResult.Combine(Score(training, shipped))),
            ["litbank_training_out_of_fold_coref"] = Accuracy(EvaluationResult.Combine(Score(honest, shipped))),
            ["litbank_heldout"] = Accuracy(EvaluationResult.Combine(Score(heldOutDocuments, shipped))),
            ["litbank_heldout_rules_only"] = Accuracy(EvaluationResult.Combine(Score(heldOutDocuments, null))),
        };
        Console.WriteLine($"scores: {scores.ToJsonString()}");
        var manifest = new JsonObject
        {
            ["component"] = "quotes.v1",
            ["created_by"] = "annalist train quotes",
            ["settings"] = new JsonObject { ["epochs"] = settings.Epochs, ["seed"] = settings.Seed, ["orders"] = settings.Orders, ["narrator"] = settings.Narrator, ["reported_history"] = settings.ReportedHistory, ["coref_folds"] = settings.CorefFolds, ["beam"] = trained.Beam, ["beam_temperature"] = trained.BeamTemperature, ["beam_repeat_penalty"] = trained.BeamRepeatPenalty, ["out_of_fold_coref"] = settings.OutOfFoldCoref, ["ranker"] = settings.Ranker, ["train_beam"] = settings.TrainBeam, ["early_update"] = settings.EarlyUpdate, ["learning_rate"] = settings.LearningRate, ["l2"] = settings.L2, ["coref_epochs"] = CorefEpochs, ["coref_seed"] = CorefSeed },
            ["epoch_training_error"] = new JsonArray([.. full.EpochErrors.Select(e => (JsonNode)Math.Round(e.Errors / (double)Math.Max(1, e.Examples), 5))]),
            ["examples_per_epoch"] = full.EpochErrors.Count > 0 ? full.EpochErrors[^1].Examples : 0,
            ["examples_without_right_option"] = full.EpochErrors.Count > 0 ? full.EpochErrors[^1].Unreachable : 0,
            ["outputs"] = new JsonObject { ["model"] = FileJson(modelPath, settings.Output) },
            ["data"] = new JsonArray([.. trainingPaths.SelectMany(p => new[] { p, Path.ChangeExtension(p, ".txt"), CorefPath(p) }).Where(File.Exists).Select(f => (JsonNode)FileJson(f, settings.Corpora))]),
            ["scores"] = scores,
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds),
        };
        File.WriteAllText(Path.Combine(settings.Output, "quotes.manifest.json"), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    // The shipped coreference model's own training settings (annalist train coref).
    private const int CorefEpochs = 10;
    private const int CorefSeed = 20261201;

    /// <summary>Trains on <paramref name="learnFrom"/>'s documents of the other folds and scores each fold's documents in <paramref name="scoreOn"/> (the same documents, with the links of unseen text).</summary>
    private static double[] CrossValidate(List<(QuotationDocument Gold, AnalyzedDocument Analyzed)> learnFrom, List<(QuotationDocument Gold, AnalyzedDocument Analyzed)> scoreOn, int folds, int epochs, int seed, int orders, string? errorsPath, TrainQuotesSettings settings, string[] beams)
    {
        var pooled = beams.Select(_ => new List<DocumentEvaluation>()).ToArray();
        var rulesOnly = new List<DocumentEvaluation>();
        var ceiling = new SpeakerCeiling();
        foreach (var (fold, inFold, heldOut) in Folds.Of(Enumerable.Range(0, learnFrom.Count).ToArray(), folds))
        {
            var trainer = Trainer(settings);
            foreach (int i in inFold) trainer.Add(learnFrom[i].Analyzed, QuotationSpeakerGold.Of(learnFrom[i].Gold));
            var held = heldOut.Select(i => scoreOn[i]).ToList();
            var model = trainer.Train(epochs, seed, orders);
            var (examples, errors, unreachable) = trainer.EpochErrors[^1];
            Console.WriteLine($"seed {seed} fold {fold}: last epoch {examples} examples, {errors} wrong, {unreachable} without a right option");
            for (int b = 0; b < beams.Length; b++)
            {
                var scoring = Stopwatch.StartNew();
                var scored = Score(held, WithBeam(model, beams[b]));
                pooled[b].AddRange(scored);
                Console.WriteLine($"seed {seed} fold {fold} beam {beams[b]}: speaker accuracy {Accuracy(EvaluationResult.Combine(scored)):F3} (turns and scoring {scoring.Elapsed.TotalMilliseconds / Math.Max(1, held.Count):F0} ms a document)");
            }
            var rules = Score(held, null);
            rulesOnly.AddRange(rules);
            foreach (var d in held) ceiling += QuotationSpeakerTrainer.Probe(d.Analyzed, QuotationSpeakerGold.Of(d.Gold), model);
            Console.WriteLine($"seed {seed} fold {fold}: rules alone {Accuracy(EvaluationResult.Combine(rules)):F3}");
        }
        if (errorsPath is not null)
        {
            var quotes = EvaluationResult.Combine(pooled[0]).Layer("quotes");
            File.WriteAllLines(errorsPath, [.. quotes?.Mismatches ?? [], .. quotes?.Misses ?? []]);
        }
        var accuracies = pooled.Select(p => Accuracy(EvaluationResult.Combine(p))).ToArray();
        for (int b = 0; b < beams.Length; b++)
            Console.WriteLine($"seed {seed} beam {beams[b]}: pooled over {folds} folds: speaker accuracy {accuracies[b]:F3}, rules alone {Accuracy(EvaluationResult.Combine(rulesOnly)):F3}");
        PrintCeiling(seed, ceiling, EvaluationResult.Combine(pooled[0]).Layer("quotes"));
        return accuracies;
    }

    /// <summary>The oracle table of the options (greedy decoding): per kind, decided, with a right option, right; the rest are the explicit cues' and the quotations no turn covers.</summary>
    private static void PrintCeiling(int seed, SpeakerCeiling ceiling, LayerScore? quotes)
    {
        long n = quotes?.Count("n") ?? 0, correct = quotes?.Count("correct") ?? 0, found = quotes?.Count("found") ?? 0;
        var (pronoun, untagged) = (ceiling.PronounCue, ceiling.Untagged);
        int decided = pronoun.Decided + untagged.Decided, reachable = pronoun.Reachable + untagged.Reachable, right = pronoun.Right + untagged.Right;
        long rest = found - decided, restRight = correct - right;
        string Row(string kind, long d, long r, long ok) => $"seed {seed} ceiling: {kind,-22} n {d,5}  options hold the speaker {r,5} ({r / (double)Math.Max(1, d):F3})  model right {ok,5} ({ok / (double)Math.Max(1, d):F3})";
        Console.WriteLine(Row("pronoun cue", pronoun.Decided, pronoun.Reachable, pronoun.Right));
        Console.WriteLine(Row("untagged", untagged.Decided, untagged.Reachable, untagged.Right));
        Console.WriteLine($"seed {seed} ceiling: without a right option: {string.Join(", ", ceiling.Unreachable.OrderBy(u => u.Key).Select(u => $"{u.Key} {u.Value}"))}");
        Console.WriteLine($"seed {seed} ceiling: {"explicit cue (rules)",-22} n {rest,5}  right {restRight,5} ({restRight / (double)Math.Max(1, rest):F3})");
        Console.WriteLine($"seed {seed} ceiling: {"no turn",-22} n {n - found,5}");
        Console.WriteLine($"seed {seed} ceiling: all {n}: accuracy {correct / (double)Math.Max(1, n):F3}; an oracle over the options {(restRight + reachable) / (double)Math.Max(1, n):F3}");
    }

    private static QuotationSpeakerTrainer Trainer(TrainQuotesSettings settings)
    {
        var beam = WithBeam(QuotationSpeakerModel.Empty, settings.TrainBeam);
        return new QuotationSpeakerTrainer
        {
            Narrator = settings.Narrator,
            ReportedHistory = settings.ReportedHistory,
            Ranker = settings.Ranker == "softmax" ? QuotationSpeakerRanker.Softmax : QuotationSpeakerRanker.Perceptron,
            TrainingBeam = (beam.Beam, beam.BeamTemperature, beam.BeamRepeatPenalty),
            AfterEarlyUpdate = settings.EarlyUpdate switch { "own" => Annalist.Core.Discourse.EarlyUpdate.Own, "stop" => Annalist.Core.Discourse.EarlyUpdate.Stop, _ => Annalist.Core.Discourse.EarlyUpdate.Gold },
            LearningRate = settings.LearningRate,
            L2 = settings.L2,
        };
    }

    /// <summary>The beams of --beam: each a width, <c>B@T</c> a width scored at temperature T (<see cref="QuotationSpeakerModel.BeamTemperature"/>), <c>B@T@P</c> with repeat penalty P (<see cref="QuotationSpeakerModel.BeamRepeatPenalty"/>).</summary>
    private static string[] Beams(TrainQuotesSettings settings) =>
        settings.Beam is null ? [QuotationSpeakerModel.DefaultBeam.ToString(System.Globalization.CultureInfo.InvariantCulture)] : settings.Beam.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static QuotationSpeakerModel WithBeam(QuotationSpeakerModel model, string beam)
    {
        var parts = beam.Split('@');
        double? temperature = parts.Length > 1 ? double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : null;
        double? repeat = parts.Length > 2 ? double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) : null;
        return model.WithBeam(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), temperature, repeat);
    }

    private static List<(QuotationDocument Gold, AnalyzedDocument Analyzed)> Analyze(AnalysisPipeline pipeline, List<string> paths, CancellationToken cancellationToken) =>
        [.. paths.Select(LitBankQuotationReader.Read).Select(d => (d, pipeline.Analyze(new SourceDocument(d.Name, d.Text), cancellationToken)))];

    private static List<DocumentEvaluation> Score(IEnumerable<(QuotationDocument Gold, AnalyzedDocument Analyzed)> documents, QuotationSpeakerModel? model) =>
        [.. documents.Select(d => new DocumentEvaluation(d.Gold.Name, [QuotesEvaluator.Score(d.Gold, SystemLayers.From(QuotationSpeakerTrainer.WithTurns(d.Analyzed, model)))]))];

    private static double Accuracy(EvaluationResult result) =>
        Math.Round(result.Layer("quotes")?.Metrics.FirstOrDefault(m => m.Key == "speaker_accuracy").Value ?? 0, 4);

    private static string CorefPath(string annPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(annPath))))!, "coref", "brat", Path.GetFileName(annPath));

    private static JsonObject FileJson(string path, string root) => new()
    {
        ["path"] = Path.GetRelativePath(root, path).Replace('\\', '/'),
        ["bytes"] = new FileInfo(path).Length,
        ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))),
    };
}
