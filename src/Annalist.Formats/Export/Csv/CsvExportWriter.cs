using System.Globalization;
using System.Text.Json;
using Annalist.Core.Annotations;
using Annalist.Formats.Export.Network;

namespace Annalist.Formats.Export.Csv;

/// <summary>
/// Writes one CSV table per layer kind over all exported documents (<c>mentions.csv</c>, <c>entities.csv</c>,
/// <c>timexes.csv</c>, <c>turns.csv</c>, <c>events.csv</c>, <c>quantities.csv</c>), each row starting with the
/// document's key and the span's offsets and text, and <c>nodes.csv</c>/<c>edges.csv</c> of the
/// <see cref="PersonNetwork"/> for Gephi and Palladio. Lists are joined with <c>"; "</c>; columns in <c>docs/export.md</c>.
/// Rows are written as documents come, so memory stays flat; only the network is held until <see cref="Complete"/>.
/// </summary>
public sealed class CsvExportWriter : ICorpusExportWriter
{
    private const string ListSeparator = "; ";

    private static readonly string[] SpanColumns = ["document", "start", "end", "text"];

    private readonly string _folder;
    private readonly CsvTable _mentions, _entities, _timexes, _turns, _events, _quantities;
    private readonly PersonNetwork _network = new();
    private bool _completed;

    public CsvExportWriter(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
        _mentions = Table("mentions", [.. SpanColumns, "type", "entity"]);
        _entities = Table("entities", ["document", "id", "type", "name", "aliases", "roles", "mentions", "first_start", "first_end", "gazetteer", "latitude", "longitude"]);
        _timexes = Table("timexes", [.. SpanColumns, "type", "value", "edtf", "mod", "earliest", "latest", "anchor", "calendar"]);
        _turns = Table("turns", [.. SpanColumns, "mode", "speakers", "speaker_text", "addressees", "addressee_text", "cue_start", "cue_end", "cue_text", "speaker_role"]);
        _events = Table("events", [.. SpanColumns, "type", "trigger", "polarity", "modality", "roles", "items", "time_start", "time_end"]);
        _quantities = Table("quantities", [.. SpanColumns, "kind", "value", "min", "max", "unit", "qualifier", "item"]);
    }

    public string Format => "csv";

    public static IReadOnlyList<string> TableNames { get; } = ["mentions", "entities", "timexes", "turns", "events", "quantities", "nodes", "edges"];

    public IReadOnlyList<Diagnostic> Add(ExportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        string key = document.Key;
        string text = document.Text;
        string? Quote(Core.Text.TextSpan? span) => span is { } s && s.End <= text.Length ? text.Substring(s.Start, s.Length) : null;

        foreach (var item in document.Items(LayerNames.Mentions))
            _mentions.Row([key, .. Span(item, text), item.String("type"), item.String("entity")]);
        foreach (var entity in ExportLayers.Entities(document))
        {
            var first = entity.Mentions.Count > 0 ? entity.Mentions[0] : (Core.Text.TextSpan?)null;
            _entities.Row([key, entity.Id, entity.Type, entity.Name, Join(entity.Aliases), Join(entity.Roles),
                entity.Mentions.Count.ToString(CultureInfo.InvariantCulture), first?.Start.ToString(CultureInfo.InvariantCulture),
                first?.End.ToString(CultureInfo.InvariantCulture), entity.Gazetteer, Number(entity.Latitude), Number(entity.Longitude)]);
        }
        foreach (var item in document.Items(LayerNames.Timexes))
            _timexes.Row([key, .. Span(item, text), item.String("type"), item.String("value"), item.String("edtf"), item.String("mod"),
                item.String("earliest"), item.String("latest"), item.String("anchor"), item.String("calendar")]);
        foreach (var item in document.Items(LayerNames.Turns))
        {
            var cue = item.NestedSpan("cue");
            _turns.Row([key, .. Span(item, text), item.String("mode"), Join(item.Strings("speakers")), item.String("speaker_text"),
                Join(item.Strings("addressees")), item.String("addressee_text"), cue?.Start.ToString(CultureInfo.InvariantCulture),
                cue?.End.ToString(CultureInfo.InvariantCulture), Quote(cue), item.String("speaker_role")]);
        }
        var events = ExportLayers.Events(document);
        var eventItems = document.Items(LayerNames.Events);
        for (int i = 0; i < events.Count; i++)
        {
            var item = eventItems[i];
            var roles = string.Join(ListSeparator, events[i].Roles.Where(role => role.Value.Count > 0).Select(role => $"{role.Key}={string.Join(' ', role.Value)}"));
            _events.Row([key, .. Span(item, text), item.String("type"), Quote(item.NestedSpan("trigger")), item.String("polarity"), item.String("modality"),
                roles, Items(item), events[i].TimeStart, events[i].TimeEnd]);
        }
        foreach (var item in document.Items(LayerNames.Quantities))
            _quantities.Row([key, .. Span(item, text), item.String("kind"), item.String("value"), item.String("min"), item.String("max"),
                item.String("unit"), item.String("qualifier"), Field(item, "item", text)]);
        _network.Add(document);
        return [];
    }

    public IReadOnlyList<string> Complete()
    {
        if (_completed) return [];
        _completed = true;
        using (var nodes = Table("nodes", ["Id", "Label", "roles", "mentions", "documents", "start", "end"]))
        {
            foreach (var node in _network.Nodes)
                nodes.Row([node.Id, node.Label, Join([.. node.Roles]), node.Mentions.ToString(CultureInfo.InvariantCulture),
                    node.Documents.Count.ToString(CultureInfo.InvariantCulture), Date(node.Start), Date(node.End)]);
        }
        using (var edges = Table("edges", ["Source", "Target", "Type", "Weight", "meetings", "exchanges", "documents", "start", "end", "source_label", "target_label"]))
        {
            foreach (var edge in _network.Edges)
                edges.Row([edge.Source.Id, edge.Target.Id, "Undirected", edge.Weight.ToString(CultureInfo.InvariantCulture),
                    edge.Meetings.ToString(CultureInfo.InvariantCulture), edge.Exchanges.ToString(CultureInfo.InvariantCulture),
                    edge.Documents.Count.ToString(CultureInfo.InvariantCulture), Date(edge.Start), Date(edge.End), edge.Source.Label, edge.Target.Label]);
        }
        Dispose();
        return TableNames.Select(name => Path.Combine(_folder, name + ".csv")).ToList();
    }

    public void Dispose()
    {
        _mentions.Dispose();
        _entities.Dispose();
        _timexes.Dispose();
        _turns.Dispose();
        _events.Dispose();
        _quantities.Dispose();
    }

    private CsvTable Table(string name, IReadOnlyList<string> header) => new(Path.Combine(_folder, name + ".csv"), header);

    private static string?[] Span(ExportAnnotation item, string text) =>
    [
        item.Span.Start.ToString(CultureInfo.InvariantCulture),
        item.Span.End.ToString(CultureInfo.InvariantCulture),
        item.Span.End <= text.Length ? text.Substring(item.Span.Start, item.Span.Length) : null,
    ];

    private static string Join(IEnumerable<string> values) => string.Join(ListSeparator, values);

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? date) => date is { } d ? DateRange.Format(d) : null;

    /// <summary>A field that may be a string, a number or a nested span (whose text is given).</summary>
    private static string? Field(ExportAnnotation item, string name, string text) => item.Get(name) switch
    {
        { ValueKind: JsonValueKind.Object } nested when ExportAnnotation.AsSpan(nested) is { } span && span.End <= text.Length => text.Substring(span.Start, span.Length),
        { } value => ExportAnnotation.AsText(value) ?? value.GetRawText(),
        null => null,
    };

    /// <summary>An event's items as <c>item (quantity)</c>, joined.</summary>
    private static string? Items(ExportAnnotation item)
    {
        if (item.Get("items") is not { ValueKind: JsonValueKind.Array } items) return null;
        var parts = new List<string>();
        foreach (var entry in items.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object) continue;
            string? name = entry.TryGetProperty("item", out var i) ? Describe(i) : null;
            string? quantity = entry.TryGetProperty("quantity", out var q) ? Describe(q) : null;
            if (name is null && quantity is null) continue;
            parts.Add(quantity is null ? name! : name is null ? quantity : $"{name} ({quantity})");
        }
        return string.Join(ListSeparator, parts);
    }

    private static string? Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object when value.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String => text.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => ExportAnnotation.AsText(value) ?? value.GetRawText(),
    };
}
