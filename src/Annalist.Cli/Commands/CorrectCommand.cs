using System.Text.Json;
using System.Text.Json.Nodes;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Text;
using Annalist.Store;
using Annalist.Store.Corrections;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>
/// <c>annalist correct ACTION DOCUMENT (--quote TEXT | --start N --end M) …</c>: records a correction
/// to one layer of a stored document and applies it at once. It is kept apart from the analysis and
/// applied again after every re-analysis, found again by its quoted text when the offsets move.
/// </summary>
public sealed class CorrectCommand : Command<CorrectSettings>
{
    private readonly AnnalistServices _services;

    public CorrectCommand(AnnalistServices services)
    {
        _services = services;
    }

    public override int Execute(CommandContext context, CorrectSettings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExistingStore();
        var document = store.FindDocument(settings.Document) ?? throw new AnnalistException(ErrorCatalogue.DocumentNotInStore, settings.Document);
        var span = Locate(document, settings);
        var action = settings.ParsedAction;
        var correction = new Correction
        {
            DocumentKey = document.Key,
            Action = action,
            Layer = settings.Layer ?? DefaultLayer(action),
            Anchor = TextAnchor.At(document.Text, span),
            Fields = FieldsOf(settings, action, document, span).ToJsonString(),
            Note = settings.Note,
        };
        var outcome = store.AddCorrection(correction);
        string quote = document.Text[span.Start..span.End].ReplaceLineEndings(" ");
        _services.Streams.Output.WriteLine(
            $"Correction {outcome.CorrectionId}: {action.Name()} on {correction.Layer} {span.Start}-{span.End} \"{quote}\" in {document.Name}; " +
            (outcome.Changed == 0
                ? $"no annotation of {correction.Layer} is at that span yet; the correction is kept and applies when one is."
                : $"{outcome.Changed} annotation{(outcome.Changed == 1 ? "" : "s")} changed. It is applied again after every re-analysis."));
        return 0;
    }

    private static string DefaultLayer(CorrectionAction action) => action switch
    {
        CorrectionAction.ChangeSpeaker => LayerNames.Turns,
        CorrectionAction.FixDate => LayerNames.Timexes,
        _ => LayerNames.Mentions,
    };

    private static TextSpan Locate(StoredDocument document, CorrectSettings settings)
    {
        string text = document.Text;
        if (settings.Start is { } start && settings.End is { } end)
        {
            if (end > text.Length) throw new AnnalistException(ErrorCatalogue.CorrectionOutOfRange, start, end, document.Name, text.Length);
            return new TextSpan(start, end);
        }
        string quote = settings.Quote!;
        var found = new List<int>();
        for (int at = text.IndexOf(quote, StringComparison.Ordinal); at >= 0; at = text.IndexOf(quote, at + 1, StringComparison.Ordinal)) found.Add(at);
        if (found.Count == 0) throw new AnnalistException(ErrorCatalogue.QuoteNotFound, quote, document.Name);
        if (settings.Occurrence is { } occurrence)
        {
            if (occurrence > found.Count) throw new AnnalistException(ErrorCatalogue.QuoteAmbiguous, quote, found.Count, document.Name);
            return TextSpan.FromLength(found[occurrence - 1], quote.Length);
        }
        if (found.Count > 1) throw new AnnalistException(ErrorCatalogue.QuoteAmbiguous, quote, found.Count, document.Name);
        return TextSpan.FromLength(found[0], quote.Length);
    }

    private static JsonObject FieldsOf(CorrectSettings settings, CorrectionAction action, StoredDocument document, TextSpan span)
    {
        var fields = new JsonObject();
        foreach (string assignment in settings.Fields)
        {
            int equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new AnnalistException(ErrorCatalogue.InvalidCorrectionField, assignment);
            fields[assignment[..equals].Trim()] = ParseValue(assignment[(equals + 1)..]);
        }
        if (settings.Type is { } type) fields["type"] = type;
        switch (action)
        {
            case CorrectionAction.ChangeSpeaker:
                fields["speaker"] = settings.Speaker;
                break;
            case CorrectionAction.FixDate:
                fields["value"] = settings.Value;
                break;
            case CorrectionAction.MergeEntity:
                fields["entity"] = settings.Entity;
                break;
            case CorrectionAction.SplitEntity:
                fields["entity"] = settings.Entity ?? $"{Path.GetFileNameWithoutExtension(document.Name)}:{span.Start}-{span.End}";
                break;
        }
        return fields;
    }

    /// <summary>A JSON literal (number, true, false, null, "quoted") as that value; anything else as text.</summary>
    private static JsonNode? ParseValue(string value)
    {
        try
        {
            var node = JsonNode.Parse(value);
            return node;
        }
        catch (JsonException)
        {
            return JsonValue.Create(value);
        }
    }
}
