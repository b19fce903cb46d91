using System.Collections.Immutable;
using System.Diagnostics;
using Annalist.Core.Annotations;
using Annalist.Store;

namespace Annalist.Web.Corpus;

/// <summary>
/// What the corpus pages read, held in memory: every document's summary and facts, the corpus entities,
/// the timeline items and the ledger. Built from the store at start and refreshed per document after a
/// correction; readers always see one consistent snapshot.
/// </summary>
public sealed class CorpusIndex
{
    private static readonly string[] FactLayers = [LayerNames.Entities, LayerNames.Timexes, LayerNames.Events, LayerNames.Turns, LayerNames.Participants];

    private readonly StorePool _stores;
    private readonly ICorpusEntitySource _entities;
    private readonly ILedgerSource _ledger;
    private readonly Lock _refreshing = new();
    private volatile CorpusSnapshot _snapshot;

    public CorpusIndex(StorePool stores, ICorpusEntitySource entities, ILedgerSource ledger)
    {
        _stores = stores;
        _entities = entities;
        _ledger = ledger;
        var started = Stopwatch.GetTimestamp();
        var documents = stores.Use(store =>
        {
            var facts = new Dictionary<long, DocumentFacts>();
            foreach (string key in store.GetFingerprints().Keys)
            {
                if (ReadFacts(store, key) is { } document) facts[document.Summary.Id] = document;
            }
            return facts;
        });
        _snapshot = CorpusSnapshot.Create(documents, entities, ledger);
        BuildTime = Stopwatch.GetElapsedTime(started);
    }

    public CorpusSnapshot Current => _snapshot;

    /// <summary>How long reading the store took at start.</summary>
    public TimeSpan BuildTime { get; }

    /// <summary>Reads one document again (after a correction) and swaps in a new snapshot.</summary>
    public void Refresh(string documentKey)
    {
        lock (_refreshing)
        {
            var document = _stores.Use(store => ReadFacts(store, documentKey));
            var documents = new Dictionary<long, DocumentFacts>(_snapshot.Documents);
            foreach (var stale in documents.Values.Where(d => d.Summary.Key == documentKey).ToList()) documents.Remove(stale.Summary.Id);
            if (document is not null) documents[document.Summary.Id] = document;
            _snapshot = CorpusSnapshot.Create(documents, _entities, _ledger);
        }
    }

    /// <summary>Gathers the corpus entities again (after a merge or split in the store) over the same documents.</summary>
    public void RefreshEntities()
    {
        lock (_refreshing)
        {
            _snapshot = CorpusSnapshot.Create(_snapshot.Documents, _entities, _ledger);
        }
    }

    private static DocumentFacts? ReadFacts(ICorpusStore store, string key)
    {
        var stored = store.FindDocument(key);
        if (stored is null || stored.Key != key) return null;
        var byLayer = FactLayers.ToDictionary(layer => layer, layer => store.GetAnnotations(stored.Id, layer), StringComparer.Ordinal);
        return DocumentFacts.Read(stored, layer => byLayer[layer]);
    }
}

/// <summary>One consistent state of the corpus index.</summary>
public sealed class CorpusSnapshot
{
    private const int MaxCachedResponses = 4096;

    private readonly Lazy<Network> _network;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _responses = new(StringComparer.Ordinal);
    private readonly Lazy<ImmutableArray<Place>> _places;
    private readonly Dictionary<(long, string), string> _memberOf;
    private readonly Dictionary<string, string> _byLocalId;

    private CorpusSnapshot(IReadOnlyDictionary<long, DocumentFacts> documents, ImmutableArray<CorpusEntity> entities, ImmutableArray<LedgerEntry> ledger)
    {
        Documents = documents;
        DocumentsByKey = documents.Values.ToDictionary(d => d.Summary.Key, d => d.Summary.Id, StringComparer.Ordinal);
        Ordered = documents.Values.Select(d => d.Summary)
            .OrderBy(d => d.Earliest ?? "9999", StringComparer.Ordinal).ThenBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Id).ToImmutableArray();
        Entities = entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        EntityList = entities.OrderByDescending(e => e.Occurrences.Sum(o => o.Mentions)).ThenBy(e => e.Id, StringComparer.Ordinal).ToImmutableArray();
        Ledger = ledger;
        _memberOf = new Dictionary<(long, string), string>();
        var byLocalId = new Dictionary<string, (string Entity, int Mentions)>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            foreach (var occurrence in entity.Occurrences)
            {
                _memberOf[(occurrence.Document, occurrence.DocumentEntity)] = entity.Id;
                if (!byLocalId.TryGetValue(occurrence.DocumentEntity, out var best) || occurrence.Mentions > best.Mentions)
                    byLocalId[occurrence.DocumentEntity] = (entity.Id, occurrence.Mentions);
            }
        }
        _byLocalId = byLocalId.ToDictionary(p => p.Key, p => p.Value.Entity, StringComparer.Ordinal);
        TimelineItems = CorpusViews.TimelineItems(documents.Values).Sort((a, b) => string.CompareOrdinal(a.From, b.From));
        _network = new Lazy<Network>(() => CorpusViews.Network(Documents.Values, Entities, resolve: EntityOf));
        _places = new Lazy<ImmutableArray<Place>>(() => CorpusViews.Places(Documents, EntityList));
    }

    public IReadOnlyDictionary<long, DocumentFacts> Documents { get; }

    public IReadOnlyDictionary<string, long> DocumentsByKey { get; }

    /// <summary>Document summaries by date (undated last), then name.</summary>
    public ImmutableArray<DocumentSummary> Ordered { get; }

    public IReadOnlyDictionary<string, CorpusEntity> Entities { get; }

    /// <summary>Corpus entities, most mentioned first.</summary>
    public ImmutableArray<CorpusEntity> EntityList { get; }

    public ImmutableArray<LedgerEntry> Ledger { get; }

    /// <summary>The id of the corpus entity that document entity <paramref name="localId"/> of <paramref name="document"/> belongs to, or null.</summary>
    public string? EntityOf(long document, string localId) => _memberOf.GetValueOrDefault((document, localId));

    /// <summary>
    /// The corpus entity an id of a link stands for: a corpus entity's own id, else a document entity's id (pages link
    /// mentions by those), taken as the corpus entity that has the most mentions under it.
    /// </summary>
    public string? ResolveEntity(string id) => Entities.ContainsKey(id) ? id : _byLocalId.GetValueOrDefault(id);

    /// <summary>Every dated event and temporal expression, earliest first.</summary>
    public ImmutableArray<TimelineItem> TimelineItems { get; }

    /// <summary>The whole corpus's network; a filtered one is computed on request.</summary>
    public Network Network => _network.Value;

    public ImmutableArray<Place> Places => _places.Value;

    /// <summary>
    /// The JSON of a response that depends on this snapshot only, made once: a snapshot never changes, and a
    /// correction makes a new one. At most <see cref="MaxCachedResponses"/> are kept.
    /// </summary>
    public byte[] CachedJson(string key, Func<object> make)
    {
        if (_responses.TryGetValue(key, out var cached)) return cached;
        byte[] json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(make(), System.Text.Json.JsonSerializerOptions.Web);
        if (_responses.Count < MaxCachedResponses) _responses.TryAdd(key, json);
        return json;
    }

    internal static CorpusSnapshot Create(IReadOnlyDictionary<long, DocumentFacts> documents, ICorpusEntitySource entities, ILedgerSource ledger)
    {
        var values = documents.Values.ToList();
        return new CorpusSnapshot(documents, entities.Gather(values), ledger.Build(values));
    }
}
