using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Annalist.Core.Text;
using Annalist.Store.Entities;

namespace Annalist.Store.Search;

/// <summary>
/// What search filters and corpus entities need from one document, read from its stored rows (after
/// corrections, so that a user's fix counts): its entities, and its facets — where each entity is
/// mentioned (<c>mention</c>) and speaks (<c>turn</c>), where events of each type are (<c>event</c>), and
/// the normalized intervals of its dates (<c>time</c>; the document's own date covers the whole text).
/// Only the fields the JSON writer gives those layers are read, so any component making them will do.
/// </summary>
internal sealed class DocumentFacets
{
    public const string Mention = "mention";
    public const string Turn = "turn";
    public const string Event = "event";
    public const string Time = "time";

    public List<DocumentEntity> Entities { get; } = [];

    public List<Facet> Facets { get; } = [];

    public static DocumentFacets From(long documentId, string documentKey, string text, DocumentMetadata metadata, IEnumerable<StoredAnnotation> rows)
    {
        var result = new DocumentFacets();
        foreach (var row in rows)
        {
            try
            {
                switch (row.Layer)
                {
                    case "entities":
                        result.ReadEntity(documentId, documentKey, row);
                        break;
                    case "turns":
                        result.ReadTurn(row);
                        break;
                    case "events":
                        ReadString(row.Fields, "type", value => result.Facets.Add(new Facet(Event, value, row.Span, null, null)));
                        break;
                    case "timexes":
                        result.ReadTime(row);
                        break;
                }
            }
            catch (JsonException)
            {
                // A corrected row whose fields are not an object: nothing to index.
            }
        }
        if (DateInterval.TryParse(metadata.Date, out var earliest, out var latest))
            result.Facets.Add(new Facet(Time, "document", new TextSpan(0, text.Length), earliest, latest));
        return result;
    }

    private void ReadEntity(long documentId, string documentKey, StoredAnnotation row)
    {
        using var json = JsonDocument.Parse(row.Fields);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return;
        string? id = StringOf(root, "id");
        if (string.IsNullOrEmpty(id)) return;
        string type = StringOf(root, "type") ?? "other";
        string name = StringOf(root, "name") ?? id;
        var names = ImmutableArray.CreateBuilder<string>();
        names.Add(name);
        foreach (string alias in StringsOf(root, "aliases"))
        {
            if (!names.Contains(alias)) names.Add(alias);
        }
        string? gazetteer = StringOf(root, "gazetteer");
        Entities.Add(new DocumentEntity(documentId, documentKey, id, type, names.ToImmutable(), [.. StringsOf(root, "roles")], gazetteer,
            EntityBlocks.KeyOf(type, name, gazetteer, documentId, id)));
        if (root.TryGetProperty("mentions", out var mentions) && mentions.ValueKind == JsonValueKind.Array)
        {
            foreach (var pair in mentions.EnumerateArray())
            {
                if (pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2 && pair[0].TryGetInt32(out int start) && pair[1].TryGetInt32(out int end) && start <= end)
                    Facets.Add(new Facet(Mention, id, new TextSpan(start, end), null, null));
            }
        }
        else
        {
            Facets.Add(new Facet(Mention, id, row.Span, null, null));
        }
    }

    private void ReadTurn(StoredAnnotation row)
    {
        using var json = JsonDocument.Parse(row.Fields);
        if (json.RootElement.ValueKind != JsonValueKind.Object) return;
        // A user's "speaker" correction replaces the speakers the analysis found.
        if (StringOf(json.RootElement, "speaker") is { Length: > 0 } corrected)
        {
            Facets.Add(new Facet(Turn, corrected, row.Span, null, null));
            return;
        }
        foreach (string speaker in StringsOf(json.RootElement, "speakers")) Facets.Add(new Facet(Turn, speaker, row.Span, null, null));
    }

    private void ReadTime(StoredAnnotation row)
    {
        using var json = JsonDocument.Parse(row.Fields);
        if (json.RootElement.ValueKind != JsonValueKind.Object) return;
        string? earliest = StringOf(json.RootElement, "earliest");
        string? latest = StringOf(json.RootElement, "latest");
        if (earliest is null && latest is null && DateInterval.TryParse(StringOf(json.RootElement, "value"), out var from, out var to))
        {
            earliest = from;
            latest = to;
        }
        if (earliest is null && latest is null) return;
        Facets.Add(new Facet(Time, StringOf(json.RootElement, "type") ?? "DATE", row.Span, earliest, latest));
    }

    private static void ReadString(string fields, string name, Action<string> found)
    {
        using var json = JsonDocument.Parse(fields);
        if (json.RootElement.ValueKind == JsonValueKind.Object && StringOf(json.RootElement, name) is { Length: > 0 } value) found(value);
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<string> StringsOf(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array) yield break;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text) yield return text;
        }
    }
}

/// <summary>One facet row: of a kind, with a value (an entity id, an event type), at a span; times carry their interval.</summary>
internal sealed record Facet(string Kind, string Value, TextSpan Span, string? Earliest, string? Latest);

/// <summary>
/// Calendar dates as the intervals the store compares: <c>1952</c>, <c>1952-03</c>, <c>1952-03-14</c>
/// (and a longer ISO value, cut to its date) become the first and last minute they cover, written
/// <c>yyyy-MM-ddTHH:mm</c> as the time layer writes <c>earliest</c> and <c>latest</c>, so that they compare as text.
/// </summary>
public static class DateInterval
{
    public static bool TryParse(string? value, out string earliest, out string latest)
    {
        earliest = latest = "";
        if (string.IsNullOrWhiteSpace(value)) return false;
        var text = value.AsSpan().Trim();
        if (text.Length >= 10 && text[4] == '-' && text[7] == '-'
            && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            earliest = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00";
            latest = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T23:59";
            return true;
        }
        if (text.Length == 7 && text[4] == '-' && int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            && int.TryParse(text[5..7], NumberStyles.None, CultureInfo.InvariantCulture, out int month) && year >= 1 && month is >= 1 and <= 12)
        {
            earliest = $"{year:0000}-{month:00}-01T00:00";
            latest = $"{year:0000}-{month:00}-{DateTime.DaysInMonth(year, month):00}T23:59";
            return true;
        }
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int whole) && whole >= 1)
        {
            earliest = $"{whole:0000}-01-01T00:00";
            latest = $"{whole:0000}-12-31T23:59";
            return true;
        }
        return false;
    }
}
