using System.Text.Json;
using Annalist.Core.Annotations;
using Annalist.Core.Ledger;
using Annalist.Core.Text;

namespace Annalist.Formats.Ledger;

/// <summary>One stored annotation as the ledger needs it: its layer, span and fields JSON.</summary>
public readonly record struct StoredFields(string Layer, TextSpan Span, string Fields);

/// <summary>
/// Rebuilds a <see cref="LedgerDocument"/> from stored annotations (the <c>events</c> and <c>entities</c>
/// layers' fields JSON, as the store keeps them), so the ledger of a corpus needs no new analysis.
/// Fields it cannot read are skipped; it never throws on them.
/// </summary>
public static class StoredLedgerReader
{
    public static LedgerDocument Read(string name, string text, IEnumerable<StoredFields> annotations)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(annotations);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var events = new List<LedgerEvent>();
        foreach (var annotation in annotations)
        {
            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(annotation.Fields);
            }
            catch (JsonException)
            {
                continue;
            }
            using (json)
            {
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object) continue;
                if (annotation.Layer == LayerNames.Entities)
                {
                    if (String(root, "id") is { } id) names[id] = String(root, "name") ?? id;
                }
                else if (annotation.Layer == LayerNames.Events && Event(root, annotation.Span, text) is { } e) events.Add(e);
            }
        }
        events.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return new LedgerDocument(name, events, names);
    }

    private static LedgerEvent? Event(JsonElement root, TextSpan span, string text)
    {
        if (String(root, "type") is not { } type || span.End > text.Length) return null;
        var roles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (root.TryGetProperty("roles", out var rolesElement) && rolesElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var role in rolesElement.EnumerateObject())
            {
                if (role.Value.ValueKind != JsonValueKind.Array) continue;
                roles[role.Name] = [.. role.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)];
            }
        }
        var items = new List<LedgerItem>();
        foreach (var item in Array(root, "items"))
        {
            if (String(item, "item") is { } thing) items.Add(new LedgerItem(thing, Number(item, "quantity")));
        }
        var links = new List<LedgerLink>();
        foreach (var link in Array(root, "links"))
        {
            string evidence = link.TryGetProperty("evidence", out var e) && e.ValueKind == JsonValueKind.Object ? String(e, "text") ?? "" : "";
            links.Add(new LedgerLink(String(link, "relation") ?? "", String(link, "target"), evidence, Number(link, "given"), Number(link, "asked")));
        }
        string? start = null, end = null, earliest = null, latest = null, anchor = null;
        if (root.TryGetProperty("time", out var time) && time.ValueKind == JsonValueKind.Object)
        {
            start = String(time, "start");
            end = String(time, "end");
            earliest = String(time, "earliest");
            latest = String(time, "latest");
            anchor = String(time, "anchor");
        }
        var unresolved = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var group in Array(root, "unresolved").Select(u => (Role: String(u, "role"), Text: String(u, "text"))).Where(u => u.Role is not null && u.Text is not null).GroupBy(u => u.Role!, StringComparer.Ordinal))
            unresolved[group.Key] = [.. group.Select(u => u.Text!)];
        return new LedgerEvent(String(root, "id") ?? "", type, String(root, "polarity") == "negative", String(root, "modality"), span.Start, span.End,
            text.Substring(span.Start, span.Length), roles, items, start, end, earliest, latest, anchor, links) { Unresolved = unresolved };
    }

    private static IEnumerable<JsonElement> Array(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
