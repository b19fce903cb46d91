using System.Text.Json;
using System.Text.Json.Nodes;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Text;

namespace Annalist.Store.Corrections;

/// <summary>
/// Applies corrections to a document's annotation rows in memory, before they are written. Applying a
/// correction twice changes nothing the second time, so corrections can be replayed after any analysis.
/// </summary>
internal static class CorrectionApplier
{
    public const string Producer = "corrections";

    /// <summary>Applies <paramref name="corrections"/> in order to <paramref name="rows"/>, adding what happened to <paramref name="diagnostics"/>.</summary>
    public static List<CorrectionOutcome> ApplyAll(string text, IEnumerable<Correction> corrections, List<StoredAnnotation> rows, List<Diagnostic> diagnostics)
    {
        var outcomes = new List<CorrectionOutcome>();
        foreach (var correction in corrections) outcomes.Add(Apply(text, correction, rows, diagnostics));
        return outcomes;
    }

    public static CorrectionOutcome Apply(string text, Correction correction, List<StoredAnnotation> rows, List<Diagnostic> diagnostics)
    {
        var anchor = correction.Anchor;
        string action = correction.Action.Name();
        if (!anchor.TryLocate(text, out var span))
        {
            diagnostics.Add(Diagnostic.From(ErrorCatalogue.CorrectionNotAnchored, null, Producer, correction.Id, action, correction.Layer, Abbreviate(anchor.Exact)));
            return new CorrectionOutcome(correction.Id, false, null, 0);
        }
        if (span != anchor.Span)
            diagnostics.Add(Diagnostic.From(ErrorCatalogue.CorrectionReanchored, span, Producer, correction.Id, anchor.Span.Start, anchor.Span.End, span.Start, span.End));

        var fields = correction.ParseFields();
        int changed = correction.Action switch
        {
            CorrectionAction.Add => Add(correction, span, fields, rows),
            CorrectionAction.Remove => rows.RemoveAll(row => IsTarget(row, correction.Layer, span) && Includes(row.Fields, fields)),
            _ => SetFields(correction, span, fields, rows),
        };
        if (changed == 0 && correction.Action != CorrectionAction.Add)
            diagnostics.Add(Diagnostic.From(ErrorCatalogue.CorrectionTargetMissing, span, Producer, correction.Id, action, correction.Layer, Abbreviate(anchor.Exact)));
        return new CorrectionOutcome(correction.Id, true, span, changed);
    }

    private static int Add(Correction correction, TextSpan span, JsonObject fields, List<StoredAnnotation> rows)
    {
        int index = rows.FindIndex(row => IsTarget(row, correction.Layer, span));
        if (index >= 0)
        {
            string merged = Merge(rows[index].Fields, fields);
            if (merged == rows[index].Fields) return 0;
            rows[index] = rows[index] with { Fields = merged, CorrectionId = correction.Id };
            return 1;
        }
        rows.Add(new StoredAnnotation(correction.Layer, Producer, span, fields.ToJsonString(), correction.Id));
        return 1;
    }

    private static int SetFields(Correction correction, TextSpan span, JsonObject fields, List<StoredAnnotation> rows)
    {
        int changed = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            if (!IsTarget(rows[i], correction.Layer, span)) continue;
            string merged = Merge(rows[i].Fields, fields);
            if (merged != rows[i].Fields)
            {
                rows[i] = rows[i] with { Fields = merged, CorrectionId = correction.Id };
                changed++;
            }
            else if (rows[i].CorrectionId is null)
            {
                // Already as the correction says: count it, so that replaying an agreeing correction is not reported as missing.
                changed++;
            }
        }
        return changed;
    }

    private static bool IsTarget(StoredAnnotation row, string layer, TextSpan span) =>
        row.Span == span && string.Equals(row.Layer, layer, StringComparison.Ordinal);

    /// <summary>True when every field of <paramref name="wanted"/> has the same value in <paramref name="fieldsJson"/>.</summary>
    private static bool Includes(string fieldsJson, JsonObject wanted)
    {
        if (wanted.Count == 0) return true;
        var actual = ParseObject(fieldsJson);
        foreach (var (name, value) in wanted)
        {
            if (!actual.TryGetPropertyValue(name, out var present)) return false;
            if (!JsonNode.DeepEquals(present, value)) return false;
        }
        return true;
    }

    private static string Merge(string fieldsJson, JsonObject changes)
    {
        var merged = ParseObject(fieldsJson);
        foreach (var (name, value) in changes) merged[name] = value?.DeepClone();
        string result = merged.ToJsonString();
        return JsonNode.DeepEquals(ParseObject(fieldsJson), merged) ? fieldsJson : result;
    }

    private static JsonObject ParseObject(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Abbreviate(string text) => text.Length <= 40 ? text.ReplaceLineEndings(" ") : text[..37].ReplaceLineEndings(" ") + "…";
}
