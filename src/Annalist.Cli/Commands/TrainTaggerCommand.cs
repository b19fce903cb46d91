using System.Diagnostics;
using Annalist.Core.Syntax;
using Annalist.Formats.Conllu;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary><c>annalist train tagger</c>: trains the part-of-speech tagger and writes it with its manifest.</summary>
internal sealed class TrainTaggerCommand : Command<TrainTaggerCommand.Settings>
{
    public sealed class Settings : TrainSyntaxSettings
    {
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var data = settings.LocateData();
        if (data is null) return 2;
        var defaults = new TaggerTrainingOptions();
        var options = defaults with
        {
            Epochs = settings.Epochs ?? defaults.Epochs,
            Seed = settings.Seed ?? defaults.Seed,
            MinimumWeight = settings.MinimumWeight ?? defaults.MinimumWeight,
        };
        var clock = Stopwatch.StartNew();
        var training = data.ReadTraining();
        AnsiConsole.WriteLine($"Training the tagger on {training.Count:N0} sentences ({training.Sum(s => s.Count):N0} words) from {data.TrainFiles.Count} files.");
        var tagger = PartOfSpeechTaggerTrainer.Train(training, options, (epoch, accuracy) =>
            AnsiConsole.WriteLine($"  epoch {epoch}: training accuracy {accuracy:F4} ({clock.Elapsed.TotalSeconds:F0} s)"));
        double trainSeconds = clock.Elapsed.TotalSeconds;

        string modelPath = settings.WriteModel(SyntaxModels.TaggerFileName, tagger.Save);

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
            command = $"annalist train tagger --epochs {options.Epochs} --seed {options.Seed} --min-weight {options.MinimumWeight}",
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
        string manifestPath = settings.WriteManifest(SyntaxModels.TaggerFileName, manifest);
        AnsiConsole.WriteLine($"Wrote {modelPath} ({new FileInfo(modelPath).Length:N0} bytes) and {manifestPath} in {clock.Elapsed.TotalSeconds:F0} s.");
        return 0;
    }
}
