using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Annalist.Core.Syntax;
using Annalist.Formats.Conllu;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>
/// <c>annalist train parser</c>: trains the dependency parser on jackknifed predicted tags and writes it
/// with its manifest; scores it with the tagger found in the output folder.
/// </summary>
internal sealed class TrainParserCommand : Command<TrainParserCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--shared <DIR>")]
        [Description("The shared folder holding corpora/ (default: ANNALIST_SHARED, else a 'shared' folder beside or above the current one).")]
        public string? Shared { get; init; }

        [CommandOption("-o|--output <DIR>")]
        [Description("Folder the model and its manifest are written to; its pos-tagger.anm tags the measuring sets.")]
        [DefaultValue("models")]
        public string Output { get; init; } = "models";

        [CommandOption("--epochs <N>")]
        [DefaultValue(15)]
        public int Epochs { get; init; } = 15;

        [CommandOption("--seed <N>")]
        [DefaultValue(20260101)]
        public int Seed { get; init; } = 20260101;

        [CommandOption("--folds <N>")]
        [Description("Jackknife folds for the training tags (1: gold tags).")]
        [DefaultValue(5)]
        public int Folds { get; init; } = 5;

        [CommandOption("--min-weight <W>")]
        [Description("Drop averaged weights below this magnitude (the largest is 1024) to keep the model small.")]
        [DefaultValue(15f)]
        public float MinimumWeight { get; init; } = 15f;

        public override ValidationResult Validate() =>
            Epochs is < 1 or > 100 ? ValidationResult.Error("--epochs must be between 1 and 100.")
            : Folds is < 1 or > 20 ? ValidationResult.Error("--folds must be between 1 and 20.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var data = SyntaxTrainingData.TryLocate(settings.Shared, out string problem);
        if (data is null)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{problem}[/]");
            return 2;
        }
        string taggerPath = Path.Combine(settings.Output, SyntaxModels.TaggerFileName);
        if (!File.Exists(taggerPath))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{taggerPath} is missing: run 'annalist train tagger' first.[/]");
            return 2;
        }
        PartOfSpeechTagger tagger;
        using (var stream = File.OpenRead(taggerPath)) tagger = PartOfSpeechTagger.Load(stream);

        var options = new ParserTrainingOptions { Epochs = settings.Epochs, Seed = settings.Seed, JackknifeFolds = settings.Folds, MinimumWeight = settings.MinimumWeight };
        var clock = Stopwatch.StartNew();
        var training = data.ReadTraining();
        AnsiConsole.WriteLine($"Training the parser on {training.Count:N0} sentences ({training.Sum(s => s.Count):N0} words), tags jackknifed in {settings.Folds} folds.");
        var parser = DependencyParserTrainer.Train(training, options, new TaggerTrainingOptions(), (epoch, agreement) =>
            AnsiConsole.WriteLine($"  epoch {epoch}: oracle agreement {agreement:F4} ({clock.Elapsed.TotalSeconds:F0} s)"));
        double trainSeconds = clock.Elapsed.TotalSeconds;

        Directory.CreateDirectory(settings.Output);
        string modelPath = Path.Combine(settings.Output, SyntaxModels.ParserFileName);
        using (var stream = File.Create(modelPath)) parser.Save(stream);

        var scores = new Dictionary<string, object>();
        foreach (var (name, path) in data.MeasureFiles())
        {
            var scorer = SyntaxEvaluation.Score(ConlluTreebank.ReadFile(path), tagger, parser);
            scores[name] = new
            {
                upos_accuracy = Math.Round(scorer.UniversalTagAccuracy, 4),
                uas = Math.Round(scorer.UnlabeledAttachment, 4),
                las = Math.Round(scorer.LabeledAttachment, 4),
                las_full_relations = Math.Round(scorer.FullLabeledAttachment, 4),
                n = scorer.Words,
            };
            AnsiConsole.WriteLine($"  {name}: UAS {scorer.UnlabeledAttachment:F4}  LAS {scorer.LabeledAttachment:F4}  (full relations {scorer.FullLabeledAttachment:F4}; {scorer.Words:N0} words)");
        }
        var size = parser.Size;
        var manifest = new
        {
            model = SyntaxModels.ParserFileName,
            kind = "dependency-parser",
            format_version = 1,
            algorithm = "arc-hybrid transitions, greedy; averaged perceptron with the Goldberg-Nivre dynamic oracle and error exploration; hashed Zhang-Nivre features",
            command = $"annalist train parser --epochs {settings.Epochs} --seed {settings.Seed} --folds {settings.Folds} --min-weight {settings.MinimumWeight}",
            tagger = new { model = SyntaxModels.TaggerFileName, sha256 = SyntaxTrainingData.Sha256(taggerPath) },
            training_files = data.DescribeFiles(data.TrainFiles),
            measure_files = data.DescribeFiles(data.MeasureFiles().Select(m => m.Path)),
            settings = options,
            relations = parser.Relations.Count,
            features = size.Features,
            entries = size.Entries,
            train_seconds = Math.Round(trainSeconds, 1),
            scores,
            model_bytes = new FileInfo(modelPath).Length,
            model_sha256 = SyntaxTrainingData.Sha256(modelPath),
        };
        string manifestPath = Path.Combine(settings.Output, Path.ChangeExtension(SyntaxModels.ParserFileName, ".manifest.json"));
        File.WriteAllText(manifestPath, JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        AnsiConsole.WriteLine($"Wrote {modelPath} ({new FileInfo(modelPath).Length:N0} bytes) and {manifestPath} in {clock.Elapsed.TotalSeconds:F0} s.");
        return 0;
    }
}
