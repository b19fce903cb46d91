using System.ComponentModel;
using Annalist.Formats.Export;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>The arguments of <c>annalist export</c>; checks itself before the command runs.</summary>
public sealed class ExportSettings : StoreSettings
{
    public const string DefaultFolder = "export";

    [CommandArgument(0, "[FILE]")]
    [Description("Files or folders to analyze and export (TEI volumes are split into their documents); none: every document of the store named by --db.")]
    public string[] Files { get; init; } = [];

    [CommandOption("-f|--format <FORMAT>")]
    [Description("tei (TEI P5 per document), json (analysis JSON per document), csv (tables per layer kind and a person network), gexf (the person network), webanno (W3C Web Annotation JSON-LD per document), webanno-tsv (WebAnno TSV 3.3 per document). See docs/export.md.")]
    public string Format { get; init; } = "";

    [CommandOption("-o|--out <DIR>")]
    [Description("The folder to write into (created if missing); default ./export.")]
    public string? OutputDirectory { get; init; }

    [CommandOption("--authority <FILE>")]
    [Description(AuthorityOption.Help + " Only with files, which are analyzed on the fly.")]
    public string? Authority { get; init; }

    [CommandOption("--no-volume-authority")]
    [Description(VolumeAuthorityOption.Help)]
    public bool NoVolumeAuthority { get; init; }

    [CommandOption("--max-chars <N>")]
    [Description(MaxCharsOption.Help)]
    [DefaultValue(Annalist.Core.Pipeline.DocumentLengthLimit.DefaultMaxCharacters)]
    public int MaxChars { get; init; } = Annalist.Core.Pipeline.DocumentLengthLimit.DefaultMaxCharacters;

    [CommandOption("--encoding <NAME>")]
    [Description(EncodingOption.Help + " Only with files.")]
    public string? Encoding { get; init; }

    [CommandOption("--full-syntax")]
    [Description(FullSyntaxOption.Help + " Only with files, which are analyzed on the fly.")]
    public bool FullSyntax { get; init; }

    public string Folder => string.IsNullOrWhiteSpace(OutputDirectory) ? DefaultFolder : OutputDirectory;

    public override ValidationResult Validate()
    {
        var store = base.Validate();
        if (!store.Successful) return store;
        if (string.IsNullOrWhiteSpace(Format) || Format.StartsWith("__", StringComparison.Ordinal))
            return ValidationResult.Error($"--format is required: {string.Join(", ", ExportFormats.Names)}.");
        if (!ExportFormats.IsKnown(Format))
            return ValidationResult.Error($"Unknown format '{Format}' for --format: use {string.Join(", ", ExportFormats.Names)}.");
        if (Files.Any(string.IsNullOrWhiteSpace))
            return ValidationResult.Error("A file name is empty.");
        if (OutputDirectory is not null && string.IsNullOrWhiteSpace(OutputDirectory))
            return ValidationResult.Error("--out needs a folder name.");
        if (OutputDirectory is not null && File.Exists(OutputDirectory))
            return ValidationResult.Error($"--out {OutputDirectory} is a file; name a folder.");
        if (Files.Length > 0 && Database is not null)
            return ValidationResult.Error("Give files to export or --db to export a store, not both.");
        if (AuthorityOption.Validate(Authority) is { } authority)
            return ValidationResult.Error(authority);
        if (Authority is not null && Files.Length == 0)
            return ValidationResult.Error("--authority links people of files analyzed now; a store keeps the links it was ingested with.");
        if (MaxCharsOption.Validate(MaxChars) is { } maxChars) return ValidationResult.Error(maxChars);
        if (EncodingOption.Validate(Encoding) is { } encoding)
            return ValidationResult.Error(encoding);
        if (Encoding is not null && Files.Length == 0)
            return ValidationResult.Error("--encoding decodes files analyzed now; a store keeps the text it was ingested with.");
        if (FullSyntax && Files.Length == 0)
            return ValidationResult.Error("--full-syntax parses files analyzed now; a store keeps the analysis it was ingested with.");
        return ValidationResult.Success();
    }
}
