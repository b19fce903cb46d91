using System.Collections.Immutable;
using System.Globalization;
using Annalist.Store;
using StoreEntities = Annalist.Store.Entities;

namespace Annalist.Web.Corpus;

/// <summary>
/// The store's own corpus entities (gathered at ingest, with the user's merges and splits applied): each becomes
/// a <see cref="CorpusEntity"/> whose id is the store's entity id, whose occurrences are its document entities and
/// whose evidence is the rule and the names that gathered each of them. A store that holds no corpus entities
/// (one ingested before they existed) falls back to <see cref="SameIdEntitySource"/>.
/// </summary>
public sealed class StoreCorpusEntitySource : ICorpusEntitySource
{
    private readonly StorePool _stores;
    private readonly ICorpusEntitySource _fallback;

    public StoreCorpusEntitySource(StorePool stores, ICorpusEntitySource? fallback = null)
    {
        _stores = stores;
        _fallback = fallback ?? new SameIdEntitySource();
    }

    public ImmutableArray<CorpusEntity> Gather(IReadOnlyCollection<DocumentFacts> documents)
    {
        var details = _stores.Use(store =>
        {
            // GetEntity would also read each entity's mentions from the facets; the index has them already.
            var list = new List<(StoreEntities.CorpusEntity Entity, IReadOnlyList<StoreEntities.DocumentEntity> Members)>();
            foreach (var entity in store.ListEntities(new StoreEntities.EntityQuery(Limit: int.MaxValue))) list.Add((entity, store.GetEntityMembers(entity.Id)));
            return list;
        });
        if (details.Count == 0) return _fallback.Gather(documents);

        var byDocument = documents.ToDictionary(d => d.Summary.Id);
        var result = ImmutableArray.CreateBuilder<CorpusEntity>(details.Count);
        foreach (var found in details)
        {
            var occurrences = ImmutableArray.CreateBuilder<EntityOccurrence>();
            var local = new List<DocumentEntity>();
            foreach (var member in found.Members)
            {
                // A member of a document that the index does not hold (not yet re-read) has no mentions to show.
                if (!byDocument.TryGetValue(member.DocumentId, out var document)) continue;
                var entity = document.Entities.FirstOrDefault(e => e.Id == member.LocalId);
                if (entity is null) continue;
                local.Add(entity);
                occurrences.Add(new EntityOccurrence(member.DocumentId, member.LocalId, entity.Mentions.Length));
            }
            if (occurrences.Count == 0) continue;
            var evidence = found.Members.Where(m => byDocument.ContainsKey(m.DocumentId))
                .GroupBy(m => (m.Name, Reason: Reason(m)))
                .Select(g => new MergeEvidence(g.Key.Name, g.Key.Reason, [.. g.Select(m => m.DocumentId).Distinct().Order().Take(50)]))
                .OrderByDescending(e => e.Documents.Length).ThenBy(e => e.Variant, StringComparer.Ordinal).ToImmutableArray();
            var placed = local.FirstOrDefault(e => e.Latitude is not null && e.Longitude is not null);
            var store = found.Entity;
            result.Add(new CorpusEntity(store.Id.ToString(CultureInfo.InvariantCulture), store.Type, store.Name, store.Names, store.Roles,
                occurrences.ToImmutable(), evidence, placed?.Gazetteer ?? store.Gazetteers.FirstOrDefault() ?? local.FirstOrDefault(e => e.Gazetteer is not null)?.Gazetteer,
                placed?.Latitude, placed?.Longitude));
        }
        return result.ToImmutable();
    }

    private static string Reason(StoreEntities.DocumentEntity member) =>
        string.IsNullOrWhiteSpace(member.Evidence) ? member.Rule : $"{member.Rule}: {member.Evidence}";
}
