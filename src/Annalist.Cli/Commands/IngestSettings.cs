using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>The arguments of <c>annalist ingest</c>.</summary>
public sealed class IngestSettings : StoreSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("Files to ingest, or folders: a folder stands for its .txt, .md, .docx, .pdf and TEI .xml files (a FRUS volume gives one document per record), subfolders included.")]
    public string[] Paths { get; init; } = [];

    [CommandOption("-j|--jobs <N>")]
    [Description("Documents analyzed at once (default: one per core).")]
    public int Jobs { get; init; }

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

    public override ValidationResult Validate()
    {
        if (Paths.Length == 0) return ValidationResult.Error("Name at least one file or folder to ingest.");
        if (Paths.Any(string.IsNullOrWhiteSpace)) return ValidationResult.Error("A path is empty.");
        if (Jobs < 0) return ValidationResult.Error("--jobs must be 1 or more.");
        if (MaxCharsOption.Validate(MaxChars) is { } maxChars) return ValidationResult.Error(maxChars);
        if (EncodingOption.Validate(Encoding) is { } encoding) return ValidationResult.Error(encoding);
        if (AuthorityOption.Validate(Authority) is { } authority) return ValidationResult.Error(authority);
        return base.Validate();
    }
}
