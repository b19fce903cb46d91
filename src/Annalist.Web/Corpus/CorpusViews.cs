using System.Collections.Immutable;
using Annalist.Core.Ledger;
using Annalist.Core.Text;

namespace Annalist.Web.Corpus;

/// <summary>A dated item of the timeline: an event (its time) or a temporal expression, drawn as a range when uncertain.</summary>
public sealed record TimelineItem(string Id, string Kind, string Type, string Label, long Document, string DocumentName, int Start, int End,
    string From, string To, bool Uncertain);

public sealed record Timeline(string? Earliest, string? Latest, int Total, ImmutableArray<TimelineItem> Items);

public sealed record NetworkNode(string Id, string Name, int Documents, int Turns);

/// <summary>Two people who met or spoke, weighted by how much evidence says so.</summary>
public sealed record NetworkEdge(string Source, string Target, int Weight, ImmutableDictionary<string, int> Kinds, ImmutableArray<NetworkEvidence> Evidence);

public sealed record NetworkEvidence(string Kind, long Document, string DocumentName, int Start, int End);

public sealed record Network(ImmutableArray<NetworkNode> Nodes, ImmutableArray<NetworkEdge> Edges);

public sealed record PlaceDocument(long Document, string DocumentName, int Mentions, int Start, int End);

public sealed record Place(string Id, string Name, double Latitude, double Longitude, string? Gazetteer, int Mentions, int DocumentCount, ImmutableArray<PlaceDocument> Documents);

/// <summary>
/// A row of the ledger, as <see cref="LedgerBuilder.Commitments"/> makes it (the rows of <c>annalist ledger --db</c>),
/// with the document's id and the event's span so that the page can link to its words.
/// </summary>
/// <param name="Type">The event's type: <c>request</c>, <c>commitment</c>, <c>transfer</c>, <c>grant</c>, <c>refusal</c> or <c>delivery</c>.</param>
/// <param name="Status">What became of it, such as <c>open</c> or <c>granted 30 of 50 (e7)</c>.</param>
public sealed record LedgerEntry(long Document, string DocumentName, int Start, int End, string Event, string Type, string Action,
    IReadOnlyList<string> Who, IReadOnlyList<string> Via, IReadOnlyList<string> To, IReadOnlyList<string> For,
    string? Item, double? Quantity, string? When, string Status, string Evidence);

/// <summary>Where the ledger comes from; the default is <see cref="BuilderLedger"/>.</summary>
public interface ILedgerSource
{
    ImmutableArray<LedgerEntry> Build(IReadOnlyCollection<DocumentFacts> documents);
}

/// <summary>
/// The ledger of <see cref="LedgerBuilder"/> over the documents' stored events, in the order of their keys, so
/// that the page shows the rows <c>annalist ledger --db</c> prints.
/// </summary>
public sealed class BuilderLedger : ILedgerSource
{
    public ImmutableArray<LedgerEntry> Build(IReadOnlyCollection<DocumentFacts> documents)
    {
        var entries = ImmutableArray.CreateBuilder<LedgerEntry>();
        foreach (var document in documents.Where(d => d.Ledger is not null).OrderBy(d => d.Summary.Key, StringComparer.Ordinal))
        {
            var ledger = document.Ledger!;
            // Rows follow the events in order (one per item); ids can be empty in stores written before events had them, so the words decide too.
            int cursor = 0;
            foreach (var row in LedgerBuilder.Commitments([ledger]))
            {
                LedgerEvent? e = null;
                for (int i = cursor; i < ledger.Events.Count; i++)
                {
                    if (ledger.Events[i].Id != row.Event || ledger.Events[i].Evidence != row.Evidence) continue;
                    e = ledger.Events[i];
                    cursor = i;
                    break;
                }
                entries.Add(new LedgerEntry(document.Summary.Id, document.Summary.Name, e?.Start ?? 0, e?.End ?? 0, row.Event, e?.Type ?? "", row.Action,
                    row.Who, row.Via, row.To, row.For, row.Item, row.Quantity, row.When, row.Status, row.Evidence));
            }
        }
        return entries.ToImmutable();
    }
}

/// <summary>The corpus-wide views: timeline, network and places, computed from documents' facts.</summary>
public static class CorpusViews
{
    public static ImmutableArray<TimelineItem> TimelineItems(IEnumerable<DocumentFacts> documents)
    {
        var items = ImmutableArray.CreateBuilder<TimelineItem>();
        foreach (var document in documents)
        {
            var summary = document.Summary;
            foreach (var fact in document.Events)
            {
                if (!IsoRange.TryParse(fact.TimeStart, out string from, out string to)) continue;
                if (IsoRange.TryParse(fact.TimeEnd, out _, out string endLatest) && string.CompareOrdinal(endLatest, to) > 0) to = endLatest;
                var span = fact.Trigger ?? fact.Span;
                items.Add(new TimelineItem($"e{summary.Id}-{fact.Span.Start}-{fact.Span.End}-{fact.Type}", "event", fact.Type,
                    $"{fact.Type}: {fact.TriggerText ?? document.PassageAt(span, 0).Text}", summary.Id, summary.Name, fact.Span.Start, fact.Span.End, from, to, !SameDay(from, to)));
            }
            foreach (var timex in document.Timexes)
            {
                if (timex.Earliest is null || timex.Latest is null || timex.Type is not ("DATE" or "TIME")) continue;
                items.Add(new TimelineItem($"t{summary.Id}-{timex.Span.Start}-{timex.Span.End}", "timex", timex.Type,
                    document.PassageAt(timex.Span, 0).Text, summary.Id, summary.Name, timex.Span.Start, timex.Span.End, timex.Earliest, timex.Latest, !SameDay(timex.Earliest, timex.Latest)));
            }
        }
        return items.ToImmutable();
    }

    private static bool SameDay(string from, string to) => from.Length >= 10 && to.Length >= 10 && from.AsSpan(0, 10).SequenceEqual(to.AsSpan(0, 10));

    /// <summary>
    /// Who met or spoke with whom: people listed together as participants of a record (one unit of evidence per
    /// record), a turn answering another speaker's turn, and a turn addressed to someone; plus the fillers of a
    /// meeting event's roles when the layer has them.
    /// </summary>
    /// <param name="resolve">The corpus entity a document's entity belongs to (by document id and the entity's id in it); by default the same id.</param>
    public static Network Network(IEnumerable<DocumentFacts> documents, IReadOnlyDictionary<string, CorpusEntity> entities, int maxEvidence = 20,
        Func<long, string, string?>? resolve = null)
    {
        resolve ??= (_, id) => id;
        var edges = new Dictionary<(string, string), EdgeBuilder>();
        var documentsOf = new Dictionary<string, HashSet<long>>(StringComparer.Ordinal);
        var turnsOf = new Dictionary<string, int>(StringComparer.Ordinal);

        void Add(string localA, string localB, string kind, DocumentFacts document, TextSpan span)
        {
            if (resolve(document.Summary.Id, localA) is not { } a || resolve(document.Summary.Id, localB) is not { } b) return;
            if (a == b || !IsPerson(a) || !IsPerson(b)) return;
            var key = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
            if (!edges.TryGetValue(key, out var edge)) edges[key] = edge = new EdgeBuilder();
            edge.Weight++;
            edge.Kinds[kind] = edge.Kinds.GetValueOrDefault(kind) + 1;
            if (edge.Evidence.Count < maxEvidence) edge.Evidence.Add(new NetworkEvidence(kind, document.Summary.Id, document.Summary.Name, span.Start, span.End));
            foreach (string person in (string[])[a, b])
            {
                if (!documentsOf.TryGetValue(person, out var set)) documentsOf[person] = set = [];
                set.Add(document.Summary.Id);
            }
        }
        bool IsPerson(string id) => entities.TryGetValue(id, out var entity) && entity.Type == "person";

        foreach (var document in documents)
        {
            var participants = document.Participants;
            for (int i = 0; i < participants.Length; i++)
                for (int j = i + 1; j < participants.Length; j++)
                    Add(participants[i].Entity, participants[j].Entity, "participants", document, participants[j].Span);
            TurnFact? previous = null;
            foreach (var turn in document.Turns)
            {
                foreach (string local in turn.Speakers)
                    if (resolve(document.Summary.Id, local) is { } speaker) turnsOf[speaker] = turnsOf.GetValueOrDefault(speaker) + 1;
                foreach (string speaker in turn.Speakers)
                {
                    foreach (string addressee in turn.Addressees) Add(speaker, addressee, "addressed", document, turn.Span);
                    if (previous is not null)
                        foreach (string earlier in previous.Speakers) Add(speaker, earlier, "answered", document, turn.Span);
                }
                previous = turn;
            }
            foreach (var fact in document.Events)
            {
                if (fact.Type != "meeting") continue;
                var people = fact.Roles.Values.SelectMany(v => v).Distinct(StringComparer.Ordinal).ToList();
                for (int i = 0; i < people.Count; i++)
                    for (int j = i + 1; j < people.Count; j++)
                        Add(people[i], people[j], "met", document, fact.Span);
            }
        }
        var nodes = documentsOf.Select(p => new NetworkNode(p.Key, entities[p.Key].Name, p.Value.Count, turnsOf.GetValueOrDefault(p.Key)))
            .OrderByDescending(n => n.Documents).ThenBy(n => n.Id, StringComparer.Ordinal).ToImmutableArray();
        var edgeList = edges.Select(e => new NetworkEdge(e.Key.Item1, e.Key.Item2, e.Value.Weight, e.Value.Kinds.ToImmutableDictionary(), e.Value.Evidence.ToImmutableArray()))
            .OrderByDescending(e => e.Weight).ToImmutableArray();
        return new Network(nodes, edgeList);
    }

    public static ImmutableArray<Place> Places(IReadOnlyDictionary<long, DocumentFacts> documents, IEnumerable<CorpusEntity> entities)
    {
        var places = ImmutableArray.CreateBuilder<Place>();
        foreach (var entity in entities)
        {
            if (entity.Latitude is not { } latitude || entity.Longitude is not { } longitude) continue;
            if (latitude is < -90 or > 90 || longitude is < -180 or > 180) continue;
            var where = entity.Occurrences.Select(o =>
            {
                var document = documents[o.Document];
                var first = document.Entities.First(e => e.Id == o.DocumentEntity).Mentions[0];
                return new PlaceDocument(o.Document, document.Summary.Name, o.Mentions, first.Start, first.End);
            }).OrderByDescending(p => p.Mentions).ToImmutableArray();
            // The map's pop-up lists the places' first documents; the entity page has them all.
            places.Add(new Place(entity.Id, entity.Name, latitude, longitude, entity.Gazetteer, where.Sum(p => p.Mentions), where.Length, [.. where.Take(20)]));
        }
        return places.OrderByDescending(p => p.Mentions).ToImmutableArray();
    }

    private sealed class EdgeBuilder
    {
        public int Weight;
        public Dictionary<string, int> Kinds { get; } = new(StringComparer.Ordinal);
        public List<NetworkEvidence> Evidence { get; } = [];
    }
}
