using System.Text.Json;
using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Formats.Export;

/// <summary>A document entity as exports read it (<c>docs/layers/entities.md</c>).</summary>
public sealed record ExportEntity(string Id, string Type, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Roles,
    IReadOnlyList<TextSpan> Mentions, string? Gazetteer, double? Latitude, double? Longitude);

/// <summary>A mention: a name in the text, its type and the id of its entity.</summary>
public sealed record ExportMention(TextSpan Span, string Type, string? Entity);

/// <summary>A temporal expression with its TIMEX3 and EDTF values (<c>docs/layers/timexes.md</c>).</summary>
public sealed record ExportTimex(TextSpan Span, string? Type, string? Value, string? Edtf, string? Mod, string? Earliest, string? Latest);

/// <summary>A speaker turn (<c>docs/layers/turns.md</c>).</summary>
public sealed record ExportTurn(TextSpan Span, IReadOnlyList<string> Speakers, string? Mode, TextSpan? Cue, string? SpeakerText,
    IReadOnlyList<string> Addressees, string? AddresseeText, string? SpeakerRole = null);

/// <summary>An editor's mark: <c>supplied</c>, <c>note</c> or <c>gap</c>, with the span inside its brackets.</summary>
public sealed record ExportEditorialMark(TextSpan Span, string Kind, TextSpan Content);

/// <summary>A participant of a meeting as listed in the record.</summary>
public sealed record ExportParticipant(TextSpan Span, string? Name, string? Role, string? Affiliation, string? Entity);

/// <summary>An event with its roles (role name → entity ids) and its TIMEX3 start and end values.</summary>
public sealed record ExportEvent(TextSpan Span, string? Type, string? Polarity, IReadOnlyDictionary<string, IReadOnlyList<string>> Roles,
    string? TimeStart, string? TimeEnd);

/// <summary>Typed readings of the layers exports use; a layer the document lacks reads as empty.</summary>
public static class ExportLayers
{
    public static IReadOnlyList<TextSpan> Spans(ExportDocument document, string layer) =>
        document.Items(layer).Select(item => item.Span).ToList();

    public static IReadOnlyList<ExportEntity> Entities(ExportDocument document)
    {
        var result = new List<ExportEntity>();
        foreach (var item in document.Items(LayerNames.Entities))
        {
            if (item.String("id") is not { Length: > 0 } id) continue;
            string name = item.String("name") ?? SafeText(document, item.Span) ?? id;
            var mentions = item.NestedSpans("mentions");
            result.Add(new ExportEntity(id, item.String("type") ?? "", name, item.Strings("aliases"), item.Strings("roles"),
                mentions.Count > 0 ? mentions : [item.Span], item.String("gazetteer"), item.Number("latitude"), item.Number("longitude")));
        }
        return result;
    }

    public static IReadOnlyList<ExportMention> Mentions(ExportDocument document) =>
        document.Items(LayerNames.Mentions).Select(item => new ExportMention(item.Span, item.String("type") ?? "", item.String("entity"))).ToList();

    public static IReadOnlyList<ExportTimex> Timexes(ExportDocument document) =>
        document.Items(LayerNames.Timexes).Select(item => new ExportTimex(item.Span, item.String("type"), item.String("value"), item.String("edtf"),
            item.String("mod"), item.String("earliest"), item.String("latest"))).ToList();

    public static IReadOnlyList<ExportTurn> Turns(ExportDocument document) =>
        document.Items(LayerNames.Turns).Select(item => new ExportTurn(item.Span, item.Strings("speakers"), item.String("mode"), item.NestedSpan("cue"),
            item.String("speaker_text"), item.Strings("addressees"), item.String("addressee_text"), item.String("speaker_role"))).ToList();

    public static IReadOnlyList<ExportEditorialMark> Editorial(ExportDocument document) =>
        document.Items(LayerNames.Editorial).Select(item =>
        {
            var content = item.NestedSpan("content") is { } inner && item.Span.Contains(inner) ? inner : item.Span;
            return new ExportEditorialMark(item.Span, item.String("kind") ?? "note", content);
        }).ToList();

    public static IReadOnlyList<ExportParticipant> Participants(ExportDocument document) =>
        document.Items(LayerNames.Participants).Select(item => new ExportParticipant(item.Span, item.String("name"), item.String("role"),
            item.String("affiliation"), item.String("entity"))).ToList();

    public static IReadOnlyList<ExportEvent> Events(ExportDocument document)
    {
        var result = new List<ExportEvent>();
        foreach (var item in document.Items(LayerNames.Events))
        {
            var roles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (item.Get("roles") is { ValueKind: JsonValueKind.Object } roleObject)
            {
                foreach (var role in roleObject.EnumerateObject())
                {
                    var ids = role.Value.ValueKind switch
                    {
                        JsonValueKind.Array => role.Value.EnumerateArray().Select(ExportAnnotation.AsText).OfType<string>().ToList(),
                        JsonValueKind.String => [role.Value.GetString()!],
                        _ => new List<string>(),
                    };
                    roles[role.Name] = ids;
                }
            }
            string? start = null, end = null;
            if (item.Get("time") is { ValueKind: JsonValueKind.Object } time)
            {
                if (time.TryGetProperty("start", out var s)) start = ExportAnnotation.AsText(s);
                if (time.TryGetProperty("end", out var e)) end = ExportAnnotation.AsText(e);
            }
            result.Add(new ExportEvent(item.Span, item.String("type"), item.String("polarity"), roles, start, end));
        }
        return result;
    }

    /// <summary>The text at <paramref name="span"/>, or null when it lies outside the text.</summary>
    public static string? SafeText(ExportDocument document, TextSpan span) =>
        span.Start >= 0 && span.End <= document.Text.Length ? document.Text.Substring(span.Start, span.Length) : null;
}
