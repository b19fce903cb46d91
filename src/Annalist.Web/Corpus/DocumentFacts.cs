using System.Collections.Immutable;
using System.Text.Json;
using Annalist.Core.Annotations;
using Annalist.Core.Ledger;
using Annalist.Core.Text;
using Annalist.Formats.Ledger;
using Annalist.Store;

namespace Annalist.Web.Corpus;

/// <summary>A document as the corpus pages need it: its summary and the facts read from its layers' fields.</summary>
public sealed record DocumentFacts(
    DocumentSummary Summary,
    string Text,
    ImmutableArray<DocumentEntity> Entities,
    ImmutableArray<DatedSpan> Timexes,
    ImmutableArray<EventFact> Events,
    ImmutableArray<TurnFact> Turns,
    ImmutableArray<ParticipantFact> Participants)
{
    /// <summary>Reads the facts of one stored document; fields a layer lacks are left empty, never guessed.</summary>
    public static DocumentFacts Read(StoredDocument document, Func<string, IReadOnlyList<StoredAnnotation>> layer)
    {
        var entities = layer(LayerNames.Entities).Select(a => ReadEntity(a)).OfType<DocumentEntity>().ToImmutableArray();
        var timexes = layer(LayerNames.Timexes).Select(ReadTimex).OfType<DatedSpan>().ToImmutableArray();
        var events = layer(LayerNames.Events).Select(ReadEvent).OfType<EventFact>().ToImmutableArray();
        var turns = layer(LayerNames.Turns).Select(ReadTurn).OfType<TurnFact>().ToImmutableArray();
        var participants = layer(LayerNames.Participants)
            .Select(a => Field(a.Fields, "entity") is { } entity ? new ParticipantFact(entity, a.Span) : null).OfType<ParticipantFact>()
            .DistinctBy(p => p.Entity, StringComparer.Ordinal).ToImmutableArray();
        var date = DocumentDate(document.Metadata.Date, timexes);
        var summary = new DocumentSummary(document.Id, document.Key, document.Name, document.Metadata.Title, document.Metadata.Date,
            date?.Earliest, document.Text.Length, turns.Length, entities.Length, events.Length);
        var ledgerFields = layer(LayerNames.Events).Concat(layer(LayerNames.Entities)).Select(a => new StoredFields(a.Layer, a.Span, a.Fields));
        return new DocumentFacts(summary, document.Text, entities, timexes, events, turns, participants)
        {
            Ledger = StoredLedgerReader.Read(document.Name, document.Text, ledgerFields),
        };
    }

    /// <summary>The document's events as the ledger builder reads them, rebuilt from the stored fields as <c>annalist ledger --db</c> does; null when not read from a store.</summary>
    public LedgerDocument? Ledger { get; init; }

    /// <summary>The words of <paramref name="span"/> with a little context, on one line, for lists of evidence.</summary>
    public Passage PassageAt(TextSpan span, int context = 60)
    {
        int start = Math.Clamp(span.Start, 0, Text.Length), end = Math.Clamp(span.End, start, Text.Length);
        int before = Math.Max(0, start - context), after = Math.Min(Text.Length, end + context);
        return new Passage(Summary.Id, Summary.Name, start, end, OneLine(Text[before..start]), OneLine(Text[start..end]), OneLine(Text[end..after]));
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static DatedSpan? DocumentDate(string? metadataDate, ImmutableArray<DatedSpan> timexes)
    {
        if (IsoRange.TryParse(metadataDate, out var earliest, out var latest)) return new DatedSpan(default, metadataDate!, "DATE", earliest, latest);
        return timexes.FirstOrDefault(t => t.Type == "DATE" && t.Earliest is not null);
    }

    private static DocumentEntity? ReadEntity(StoredAnnotation annotation)
    {
        using var json = Parse(annotation.Fields);
        if (json is null) return null;
        var root = json.RootElement;
        string? id = StringField(root, "id");
        if (id is null) return null;
        var mentions = ImmutableArray.CreateBuilder<TextSpan>();
        if (root.TryGetProperty("mentions", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var pair in list.EnumerateArray())
            {
                if (pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2 && pair[0].TryGetInt32(out int s) && pair[1].TryGetInt32(out int e) && s >= 0 && e >= s)
                    mentions.Add(new TextSpan(s, e));
            }
        }
        if (mentions.Count == 0) mentions.Add(annotation.Span);
        return new DocumentEntity(id, StringField(root, "type") ?? "other", StringField(root, "name") ?? id, Strings(root, "aliases"), Strings(root, "roles"),
            mentions.ToImmutable(), StringField(root, "gazetteer"), Number(root, "latitude"), Number(root, "longitude"));
    }

    private static DatedSpan? ReadTimex(StoredAnnotation annotation)
    {
        using var json = Parse(annotation.Fields);
        if (json is null) return null;
        var root = json.RootElement;
        string value = StringField(root, "value") ?? "";
        string? earliest = StringField(root, "earliest"), latest = StringField(root, "latest");
        // A calendar value decides its own range, so that a corrected value is not shown at the old range.
        if (IsoRange.TryParse(value, out var e, out var l)) (earliest, latest) = (e, l);
        return new DatedSpan(annotation.Span, value, StringField(root, "type") ?? "DATE", earliest, latest ?? earliest);
    }

    private static EventFact? ReadEvent(StoredAnnotation annotation)
    {
        using var json = Parse(annotation.Fields);
        if (json is null) return null;
        var root = json.RootElement;
        TextSpan? trigger = null;
        string? triggerText = null;
        if (root.TryGetProperty("trigger", out var t) && t.ValueKind == JsonValueKind.Object && t.TryGetProperty("start", out var ts) && t.TryGetProperty("end", out var te)
            && ts.TryGetInt32(out int s) && te.TryGetInt32(out int e) && e >= s)
        {
            trigger = new TextSpan(s, e);
            triggerText = StringField(t, "text");
        }
        var roles = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        if (root.TryGetProperty("roles", out var r) && r.ValueKind == JsonValueKind.Object)
        {
            foreach (var role in r.EnumerateObject())
            {
                var fillers = role.Value.ValueKind switch
                {
                    JsonValueKind.Array => role.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToImmutableArray(),
                    JsonValueKind.String => [role.Value.GetString()!],
                    _ => ImmutableArray<string>.Empty,
                };
                if (!fillers.IsEmpty) roles[role.Name] = fillers;
            }
        }
        var items = ImmutableArray.CreateBuilder<string>();
        if (root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                string? name = item.ValueKind == JsonValueKind.Object ? StringField(item, "item") : item.ValueKind == JsonValueKind.String ? item.GetString() : null;
                if (name is not null) items.Add(name);
            }
        }
        string? timeStart = null, timeEnd = null;
        if (root.TryGetProperty("time", out var time) && time.ValueKind == JsonValueKind.Object)
        {
            timeStart = StringField(time, "start");
            timeEnd = StringField(time, "end");
        }
        return new EventFact(annotation.Span, StringField(root, "type") ?? "event", trigger, triggerText, StringField(root, "polarity"), StringField(root, "modality"),
            roles.ToImmutable(), items.ToImmutable(), timeStart, timeEnd);
    }

    private static TurnFact? ReadTurn(StoredAnnotation annotation)
    {
        using var json = Parse(annotation.Fields);
        if (json is null) return null;
        var root = json.RootElement;
        return new TurnFact(annotation.Span, Strings(root, "speakers"), Strings(root, "addressees"), StringField(root, "speaker_text"), StringField(root, "mode"));
    }

    private static string? Field(string fields, string name)
    {
        using var json = Parse(fields);
        return json is null ? null : StringField(json.RootElement, name);
    }

    private static JsonDocument? Parse(string fields)
    {
        try
        {
            var document = JsonDocument.Parse(fields);
            if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringField(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) ? number : null;

    private static ImmutableArray<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToImmutableArray()
            : [];
}

/// <summary>One line of a document list.</summary>
/// <param name="Earliest">The document's date as the start of an ISO range (from its metadata, else its first full date), for sorting and filtering.</param>
public sealed record DocumentSummary(long Id, string Key, string Name, string? Title, string? Date, string? Earliest, int Length, int Turns, int Entities, int Events);

/// <summary>An entity of one document, as the <c>entities</c> layer gives it.</summary>
public sealed record DocumentEntity(string Id, string Type, string Name, ImmutableArray<string> Aliases, ImmutableArray<string> Roles,
    ImmutableArray<TextSpan> Mentions, string? Gazetteer, double? Latitude, double? Longitude);

/// <summary>A dated span: a temporal expression with its normalized value and the range it may denote.</summary>
public sealed record DatedSpan(TextSpan Span, string Value, string Type, string? Earliest, string? Latest);

public sealed record EventFact(TextSpan Span, string Type, TextSpan? Trigger, string? TriggerText, string? Polarity, string? Modality,
    ImmutableDictionary<string, ImmutableArray<string>> Roles, ImmutableArray<string> Items, string? TimeStart, string? TimeEnd);

public sealed record ParticipantFact(string Entity, TextSpan Span);

public sealed record TurnFact(TextSpan Span, ImmutableArray<string> Speakers, ImmutableArray<string> Addressees, string? SpeakerText, string? Mode);

/// <summary>Words of a document with their context: evidence a page can show and link to.</summary>
public sealed record Passage(long Document, string DocumentName, int Start, int End, string Before, string Text, string After);
