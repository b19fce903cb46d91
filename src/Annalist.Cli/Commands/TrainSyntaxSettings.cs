using System.ComponentModel;
using System.Text.Json;
using Annalist.Core.Syntax;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>
/// The settings <c>annalist train tagger</c> and <c>train parser</c> share. Epochs, seed and minimum weight
/// default to the trainer's own options (<see cref="TaggerTrainingOptions"/>, <see cref="ParserTrainingOptions"/>),
/// the settings the shipped models were trained with, so those defaults live in one place.
/// </summary>
internal abstract class TrainSyntaxSettings : CommandSettings
{
    [CommandOption("--shared <DIR>")]
    [Description("The shared folder holding corpora/ (default: ANNALIST_SHARED, else a 'shared' folder beside or above the current one).")]
    public string? Shared { get; init; }

    [CommandOption("-o|--output <DIR>")]
    [Description("Folder the model and its manifest are written to.")]
    [DefaultValue("models")]
    public string Output { get; init; } = "models";

    [CommandOption("--epochs <N>")]
    [Description("Training epochs (default: the shipped model's).")]
    public int? Epochs { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Seed of the shuffles (default: the shipped model's).")]
    public int? Seed { get; init; }

    [CommandOption("--min-weight <W>")]
    [Description("Drop averaged weights below this magnitude (the largest is 1024) to keep the model small (default: the shipped model's).")]
    public float? MinimumWeight { get; init; }

    public override ValidationResult Validate() =>
        Epochs is < 1 or > 100 ? ValidationResult.Error("--epochs must be between 1 and 100.")
        : MinimumWeight is < 0 ? ValidationResult.Error("--min-weight must not be negative.")
        : ValidationResult.Success();

    /// <summary>The training data, or null after printing why it is missing.</summary>
    public SyntaxTrainingData? LocateData()
    {
        var data = SyntaxTrainingData.TryLocate(Shared, out string problem);
        if (data is null) AnsiConsole.MarkupLineInterpolated($"[red]{problem}[/]");
        return data;
    }

    /// <summary>Saves a model into the output folder and returns its path.</summary>
    public string WriteModel(string fileName, Action<Stream> save)
    {
        Directory.CreateDirectory(Output);
        string path = Path.Combine(Output, fileName);
        using (var stream = File.Create(path)) save(stream);
        return path;
    }

    /// <summary>Writes the manifest beside the model (<c>NAME.manifest.json</c>) and returns its path.</summary>
    public string WriteManifest(string modelFileName, object manifest)
    {
        string path = Path.Combine(Output, Path.ChangeExtension(modelFileName, ".manifest.json"));
        File.WriteAllText(path, JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return path;
    }
}
