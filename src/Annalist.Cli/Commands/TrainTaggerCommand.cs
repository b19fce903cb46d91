using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Annalist.Core.Syntax;
using Annalist.Formats.Conllu;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary><c>annalist train tagger</c>: trains the part-of-speech tagger and writes it with its manifest.</summary>
internal sealed class TrainTaggerCommand : Command<TrainTaggerCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--shared <DIR>")]
        [Description("The shared folder holding corpora/ (default: ANNALIST_SHARED, else a 'shared' folder beside or above the current one).")]
        public string? Shared { get; init; }

        [CommandOption("-o|--output <DIR>")]
        [Description("Folder the model and its manifest are written to.")]
        [DefaultValue("models")]
        public string Output { get; init; } = "models";

        [CommandOption("--epochs <N>")]
        [DefaultValue(10)]
        public int Epochs { get; init; } = 10;

        [CommandOption("--seed <N>")]
        [DefaultValue(20260101)]
        public int Seed { get; init; } = 20260101;

        [CommandOption("--min-weight <W>")]
        [Description("Drop averaged weights below this magnitude (the largest is 1024) to keep the model small.")]
        [DefaultValue(0.5f)]
        public float MinimumWeight { get; init; } = 0.5f;

        public override ValidationResult Validate() =>
            Epochs is < 1 or > 100 ? ValidationResult.Error("--epochs must be between 1 and 100.") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var data = SyntaxTrainingData.TryLocate(settings.Shared, out string problem);
        if (data is null)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{problem}[/]");
            return 2;
        }
        var options = new TaggerTrainingOptions { Epochs = settings.Epochs, Seed = settings.Seed, MinimumWeight = settings.MinimumWeight };
        var clock = Stopwatch.StartNew();
        var training = data.ReadTraining();
        AnsiConsole.WriteLine($"Training the tagger on {training.Count:N0} sentences ({training.Sum(s => s.Count):N0} words) from {data.TrainFiles.Count} files.");
        var tagger = PartOfSpeechTaggerTrainer.Train(training, options, (epoch, accuracy) =>
            AnsiConsole.WriteLine($"  epoch {epoch}: training accuracy {accuracy:F4} ({clock.Elapsed.TotalSeconds:F0} s)"));
        double trainSeconds = clock.Elapsed.TotalSeconds;

        Directory.CreateDirectory(settings.Output);
        string modelPath = Path.Combine(settings.Output, SyntaxModels.TaggerFileName);
        using (var stream = File.Create(modelPath)) tagger.Save(stream);

        var scores = new Dictionary<string, object>();
        foreach (var (name, path) in data.MeasureFiles())
        {
            var scorer = SyntaxEvaluation.Score(ConlluTreebank.ReadFile(path), tagger, parser: null);
            scores[name] = new { upos_accuracy = Math.Round(scorer.UniversalTagAccuracy, 4), xpos_accuracy = Math.Round(scorer.LanguageTagAccuracy, 4), n = scorer.Words };
            AnsiConsole.WriteLine($"  {name}: UPOS {scorer.UniversalTagAccuracy:F4}  XPOS {scorer.LanguageTagAccuracy:F4}  ({scorer.Words:N0} words)");
        }
        var size = tagger.Size;
        var manifest = new
        {
            model = SyntaxModels.TaggerFileName,
            kind = "pos-tagger",
            format_version = 1,
            algorithm = "greedy averaged perceptron, hashed features, (UPOS, XPOS) pair classes, tag dictionary",
            command = $"annalist train tagger --epochs {settings.Epochs} --seed {settings.Seed} --min-weight {settings.MinimumWeight}",
            training_files = data.DescribeFiles(data.TrainFiles),
            measure_files = data.DescribeFiles(data.MeasureFiles().Select(m => m.Path)),
            settings = options,
            classes = tagger.ClassCount,
            features = size.Features,
            entries = size.Entries,
            dictionary_words = size.DictionaryWords,
            train_seconds = Math.Round(trainSeconds, 1),
            scores,
            model_bytes = new FileInfo(modelPath).Length,
            model_sha256 = SyntaxTrainingData.Sha256(modelPath),
        };
        string manifestPath = Path.Combine(settings.Output, Path.ChangeExtension(SyntaxModels.TaggerFileName, ".manifest.json"));
        File.WriteAllText(manifestPath, JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        AnsiConsole.WriteLine($"Wrote {modelPath} ({new FileInfo(modelPath).Length:N0} bytes) and {manifestPath} in {clock.Elapsed.TotalSeconds:F0} s.");
        return 0;
    }
}
