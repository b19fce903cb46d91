using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>The arguments of <c>annalist bench</c>.</summary>
public sealed class BenchSettings : CommandSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("Files or folders of .txt/.md records to analyze.")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--repeat <N>")]
    [Description("Analyze the whole corpus N times over (e.g. 100 for a single short record).")]
    [DefaultValue(1)]
    public int Repeat { get; init; } = 1;

    [CommandOption("--peers")]
    [Description("Also run the peer tools of bench/peers (Node.js) on the same text and compare.")]
    public bool Peers { get; init; }

    [CommandOption("--peers-dir <DIR>")]
    [Description("Where bench/peers is; found above the current folder by default.")]
    public string? PeersDirectory { get; init; }

    [CommandOption("--warm-up <SECONDS>")]
    [Description("Untimed warm-up first: at least this long and until the JIT is quiet for a second (at most a minute more); 0 analyzes one document only.")]
    [DefaultValue(3.0)]
    public double WarmUp { get; init; } = 3;

    [CommandOption("--json")]
    [Description("Print the figures as JSON.")]
    public bool Json { get; init; }

    public override ValidationResult Validate()
    {
        if (Paths.Length == 0) return ValidationResult.Error("Name at least one file or folder to benchmark.");
        if (Repeat is < 1 or > 100_000) return ValidationResult.Error("--repeat must be between 1 and 100000.");
        if (WarmUp is < 0 or > 600) return ValidationResult.Error("--warm-up must be between 0 and 600 seconds.");
        return ValidationResult.Success();
    }
}
