using System.ComponentModel;
using System.Diagnostics;
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
    public sealed class Settings : TrainSyntaxSettings
    {
        [CommandOption("--folds <N>")]
        [Description("Jackknife folds for the training tags (1: gold tags; default: the shipped model's). The output folder's pos-tagger.anm tags the measuring sets.")]
        public int? Folds { get; init; }

        public override ValidationResult Validate() =>
            Folds is < 1 or > 20 ? ValidationResult.Error("--folds must be between 1 and 20.") : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var data = settings.LocateData();
        if (data is null) return 2;
        string taggerPath = Path.Combine(settings.Output, SyntaxModels.TaggerFileName);
        if (!File.Exists(taggerPath))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{taggerPath} is missing: run 'annalist train tagger' first.[/]");
            return 2;
        }
        PartOfSpeechTagger tagger;
        using (var stream = File.OpenRead(taggerPath)) tagger = PartOfSpeechTagger.Load(stream);

        var defaults = new ParserTrainingOptions();
        var options = defaults with
        {
            Epochs = settings.Epochs ?? defaults.Epochs,
            Seed = settings.Seed ?? defaults.Seed,
            JackknifeFolds = settings.Folds ?? defaults.JackknifeFolds,
            MinimumWeight = settings.MinimumWeight ?? defaults.MinimumWeight,
        };
        var clock = Stopwatch.StartNew();
        var training = data.ReadTraining();
        AnsiConsole.WriteLine($"Training the parser on {training.Count:N0} sentences ({training.Sum(s => s.Count):N0} words), tags jackknifed in {options.JackknifeFolds} folds.");
        var parser = DependencyParserTrainer.Train(training, options, new TaggerTrainingOptions(), (epoch, agreement) =>
            AnsiConsole.WriteLine($"  epoch {epoch}: oracle agreement {agreement:F4} ({clock.Elapsed.TotalSeconds:F0} s)"));
        double trainSeconds = clock.Elapsed.TotalSeconds;

        string modelPath = settings.WriteModel(SyntaxModels.ParserFileName, parser.Save);

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
            command = $"annalist train parser --epochs {options.Epochs} --seed {options.Seed} --folds {options.JackknifeFolds} --min-weight {options.MinimumWeight}",
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
        string manifestPath = settings.WriteManifest(SyntaxModels.ParserFileName, manifest);
        AnsiConsole.WriteLine($"Wrote {modelPath} ({new FileInfo(modelPath).Length:N0} bytes) and {manifestPath} in {clock.Elapsed.TotalSeconds:F0} s.");
        return 0;
    }
}
