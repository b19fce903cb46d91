using System.ComponentModel;
using Annalist.Store.Corrections;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>The arguments of <c>annalist correct</c>.</summary>
public sealed class CorrectSettings : StoreSettings
{
    [CommandArgument(0, "<ACTION>")]
    [Description("add, remove, retype, speaker, date, merge, split or set.")]
    public string Action { get; init; } = "";

    [CommandArgument(1, "<DOCUMENT>")]
    [Description("The stored document: its file path, or its file name when that is unique in the store.")]
    public string Document { get; init; } = "";

    [CommandOption("-q|--quote <TEXT>")]
    [Description("The words corrected, exactly as in the document (instead of --start and --end).")]
    public string? Quote { get; init; }

    [CommandOption("--occurrence <N>")]
    [Description("Which occurrence of --quote, counting from 1, when it occurs more than once.")]
    public int? Occurrence { get; init; }

    [CommandOption("--start <OFFSET>")]
    [Description("Start of the span, in UTF-16 code units as in the JSON output.")]
    public int? Start { get; init; }

    [CommandOption("--end <OFFSET>")]
    [Description("End of the span (exclusive).")]
    public int? End { get; init; }

    [CommandOption("-l|--layer <LAYER>")]
    [Description("The layer corrected (default: mentions; turns for speaker; timexes for date).")]
    public string? Layer { get; init; }

    [CommandOption("--type <TYPE>")]
    [Description("The mention type, for add and retype.")]
    public string? Type { get; init; }

    [CommandOption("--speaker <WHO>")]
    [Description("The speaker, for speaker.")]
    public string? Speaker { get; init; }

    [CommandOption("--value <VALUE>")]
    [Description("The normalized date value (ISO 8601 or EDTF), for date.")]
    public string? Value { get; init; }

    [CommandOption("--entity <ID>")]
    [Description("The entity to merge the mention into (merge), or its new entity (split; a new id when omitted).")]
    public string? Entity { get; init; }

    [CommandOption("--set <NAME=VALUE>")]
    [Description("Any field to give (add, set) or to match (remove); repeatable. VALUE is JSON when it parses, else text.")]
    public string[] Fields { get; init; } = [];

    [CommandOption("--note <TEXT>")]
    [Description("Why: kept with the correction.")]
    public string? Note { get; init; }

    public CorrectionAction ParsedAction => CorrectionActions.TryParse(Action, out var action) ? action : default;

    public override ValidationResult Validate()
    {
        if (!CorrectionActions.TryParse(Action, out var action))
            return ValidationResult.Error($"Unknown correction '{Action}': use add, remove, retype, speaker, date, merge, split or set.");
        if (string.IsNullOrWhiteSpace(Document)) return ValidationResult.Error("Name the document to correct.");
        bool byQuote = !string.IsNullOrEmpty(Quote);
        bool byOffsets = Start is not null || End is not null;
        if (byQuote == byOffsets) return ValidationResult.Error("Say where: --quote TEXT, or --start and --end.");
        if (byOffsets && (Start is not { } start || End is not { } end || start < 0 || end < start))
            return ValidationResult.Error("--start and --end must both be given, with 0 <= start <= end.");
        if (Occurrence is < 1) return ValidationResult.Error("--occurrence counts from 1.");
        if (action == CorrectionAction.SetFields && string.IsNullOrWhiteSpace(Layer)) return ValidationResult.Error("set needs --layer.");
        if (action == CorrectionAction.SetFields && Fields.Length == 0) return ValidationResult.Error("set needs at least one --set NAME=VALUE.");
        if (action == CorrectionAction.Retype && Type is null) return ValidationResult.Error("retype needs --type.");
        if (action == CorrectionAction.ChangeSpeaker && Speaker is null) return ValidationResult.Error("speaker needs --speaker.");
        if (action == CorrectionAction.FixDate && Value is null) return ValidationResult.Error("date needs --value.");
        if (action == CorrectionAction.MergeEntity && Entity is null) return ValidationResult.Error("merge needs --entity.");
        return base.Validate();
    }
}
