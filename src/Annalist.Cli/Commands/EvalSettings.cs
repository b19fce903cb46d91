using System.ComponentModel;
using Annalist.Evaluation.TimeMl;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>Options every <c>annalist eval</c> command shares.</summary>
public class EvalSettings : CommandSettings
{
    [CommandOption("--json")]
    [Description("Print the scores as JSON instead of the table and its findings.")]
    public bool Json { get; init; }
}

/// <summary><c>annalist eval GOLD.json…</c>.</summary>
public sealed class EvalGoldSettings : EvalSettings
{
    [CommandArgument(0, "[GOLD]")]
    [Description("Gold files in the annalist-gold/1 format (docs/gold-format.md), or folders of *.gold.json files.")]
    public string[] GoldFiles { get; init; } = [];

    public override ValidationResult Validate() =>
        GoldFiles.Length == 0 ? ValidationResult.Error("Give at least one gold file.") : ValidationResult.Success();
}

/// <summary><c>annalist eval timeml PATH… [--anchor narrative|document|DATE]</c>.</summary>
public sealed class EvalTimeMlSettings : EvalSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("TimeML .tml files, WikiWars keyinline files, or folders holding them.")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--anchor <ANCHOR>")]
    [Description("What anchors relative expressions: 'document' (the creation time, TempEval-3's setting), 'narrative', or an ISO date.")]
    [DefaultValue("document")]
    public string Anchor { get; init; } = "document";

    [CommandOption("--errors <FILE>")]
    [Description("Write every missed, spurious and differently valued expression with its sentence to FILE (tab-separated). Development corpora only.")]
    public string? Errors { get; init; }

    public TimeAnchor ParsedAnchor => TimeAnchor.TryParse(Anchor, out var anchor) ? anchor : TimeAnchor.Document;

    public override ValidationResult Validate()
    {
        if (Paths.Length == 0) return ValidationResult.Error("Give at least one TimeML file or folder.");
        return TimeAnchor.TryParse(Anchor, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--anchor must be 'narrative', 'document' or an ISO date such as 1950-06-25, not '{Anchor}'.");
    }
}

/// <summary><c>annalist eval frus VOLUME.xml…</c>.</summary>
public sealed class EvalFrusSettings : EvalSettings
{
    [CommandArgument(0, "<VOLUME>")]
    [Description("FRUS TEI volumes (.xml).")]
    public string[] Volumes { get; init; } = [];

    [CommandOption("--errors <FILE>")]
    [Description("Write every missed, spurious and mismatched item to FILE (tab-separated: layer, kind, document, finding). Training volumes only: never list a measure-only volume's errors.")]
    public string? Errors { get; init; }

    public override ValidationResult Validate() =>
        Volumes.Length == 0 ? ValidationResult.Error("Give at least one FRUS volume.") : ValidationResult.Success();
}
