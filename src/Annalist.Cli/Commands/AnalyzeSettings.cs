using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>The arguments of <c>annalist analyze</c>; checks itself before the command runs.</summary>
public sealed class AnalyzeSettings : CommandSettings
{
    public const string TextFormat = "text";
    public const string JsonFormat = "json";

    [CommandArgument(0, "<FILE>")]
    [Description("Files to analyze (.txt, .md, .docx, .pdf, TEI .xml, or any other text file; VOLUME.xml#ID for one document of a TEI volume); a folder stands for such files directly in it (not its subfolders), leaving out its README.")]
    public string[] Files { get; init; } = [];

    [CommandOption("-f|--format <FORMAT>")]
    [Description("text (a report for a person, the default) or json (see docs/json-format.md).")]
    [DefaultValue(TextFormat)]
    public string Format { get; init; } = TextFormat;

    [CommandOption("-o|--out <DIR>")]
    [Description("Write NAME.json or NAME.txt per input into DIR (created if missing) instead of standard output.")]
    public string? OutputDirectory { get; init; }

    [CommandOption("--all")]
    [Description("List every item in each section of the text report (people, transcript, dates …), not only the first few.")]
    public bool All { get; init; }

    [CommandOption("--indent")]
    [Description("Indent JSON for reading (not with several files on standard output, which get JSON Lines).")]
    public bool Indent { get; init; }

    [CommandOption("--authority <FILE>")]
    [Description(AuthorityOption.Help)]
    public string? Authority { get; init; }

    [CommandOption("--no-volume-authority")]
    [Description(VolumeAuthorityOption.Help)]
    public bool NoVolumeAuthority { get; init; }

    [CommandOption("--max-chars <N>")]
    [Description(MaxCharsOption.Help)]
    [DefaultValue(Annalist.Core.Pipeline.DocumentLengthLimit.DefaultMaxCharacters)]
    public int MaxChars { get; init; } = Annalist.Core.Pipeline.DocumentLengthLimit.DefaultMaxCharacters;

    [CommandOption("--encoding <NAME>")]
    [Description(EncodingOption.Help)]
    public string? Encoding { get; init; }

    [CommandOption("--full-syntax")]
    [Description(FullSyntaxOption.Help)]
    public bool FullSyntax { get; init; }

    /// <summary>How much of each list the text report shows.</summary>
    public Reports.TextReportOptions ReportOptions => All ? Reports.TextReportOptions.All : Reports.TextReportOptions.Default;

    public bool IsJson => string.Equals(Format, JsonFormat, StringComparison.OrdinalIgnoreCase);

    public override ValidationResult Validate()
    {
        // Spectre.Console.Cli fills an option left without a value at the end of the line with an internal placeholder.
        if (string.IsNullOrWhiteSpace(Format) || Format.StartsWith("__", StringComparison.Ordinal))
            return ValidationResult.Error("--format needs a value: text or json.");
        if (!string.Equals(Format, TextFormat, StringComparison.OrdinalIgnoreCase) && !IsJson)
            return ValidationResult.Error($"Unknown format '{Format}' for --format: use text or json.");
        if (Files.Length == 0)
            return ValidationResult.Error("Name at least one file to analyze.");
        if (MaxCharsOption.Validate(MaxChars) is { } maxChars) return ValidationResult.Error(maxChars);
        if (EncodingOption.Validate(Encoding) is { } encoding)
            return ValidationResult.Error(encoding);
        if (AuthorityOption.Validate(Authority) is { } authority)
            return ValidationResult.Error(authority);
        if (Files.Any(string.IsNullOrWhiteSpace))
            return ValidationResult.Error("A file name is empty.");
        if (OutputDirectory is not null && string.IsNullOrWhiteSpace(OutputDirectory))
            return ValidationResult.Error("--out needs a folder name.");
        if (OutputDirectory is not null && File.Exists(OutputDirectory))
            return ValidationResult.Error($"--out {OutputDirectory} is a file; name a folder.");
        return ValidationResult.Success();
    }
}
