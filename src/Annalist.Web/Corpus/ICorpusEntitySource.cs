using System.Collections.Immutable;

namespace Annalist.Web.Corpus;

/// <summary>
/// Where the reader's corpus entities come from: people, places and organizations gathered across documents.
/// The default, <see cref="SameIdEntitySource"/>, joins the document entities that share an id; a store that
/// resolves entities itself plugs in here instead.
/// </summary>
public interface ICorpusEntitySource
{
    ImmutableArray<CorpusEntity> Gather(IReadOnlyCollection<DocumentFacts> documents);
}

/// <summary>A person, place or organization of the corpus and the document entities it gathers.</summary>
/// <param name="Evidence">Why these document entities are one: each name variant with the documents that use it.</param>
public sealed record CorpusEntity(string Id, string Type, string Name, ImmutableArray<string> Aliases, ImmutableArray<string> Roles,
    ImmutableArray<EntityOccurrence> Occurrences, ImmutableArray<MergeEvidence> Evidence, string? Gazetteer, double? Latitude, double? Longitude);

/// <summary>A document entity gathered into a corpus entity.</summary>
public sealed record EntityOccurrence(long Document, string DocumentEntity, int Mentions);

public sealed record MergeEvidence(string Variant, string Reason, ImmutableArray<long> Documents);

/// <summary>Joins document entities whose ids (normalized names, such as <c>j-stalin</c>) and types are the same.</summary>
public sealed class SameIdEntitySource : ICorpusEntitySource
{
    public ImmutableArray<CorpusEntity> Gather(IReadOnlyCollection<DocumentFacts> documents)
    {
        var groups = new Dictionary<string, List<(DocumentFacts Document, DocumentEntity Entity)>>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var entity in document.Entities)
            {
                string key = entity.Id;
                if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
                list.Add((document, entity));
            }
        }
        var result = ImmutableArray.CreateBuilder<CorpusEntity>(groups.Count);
        foreach (var (id, members) in groups)
        {
            var first = members.MaxBy(m => m.Entity.Mentions.Length).Entity;
            string type = members.GroupBy(m => m.Entity.Type).MaxBy(g => g.Count())!.Key;
            var names = members.SelectMany(m => m.Entity.Aliases.Add(m.Entity.Name).Select(n => (Name: n, m.Document.Summary.Id)))
                .GroupBy(n => n.Name, StringComparer.Ordinal)
                .Select(g => new MergeEvidence(g.Key, "same normalized name", g.Select(x => x.Id).Distinct().Order().Take(50).ToImmutableArray()))
                .OrderByDescending(e => e.Documents.Length).ToImmutableArray();
            var placed = members.FirstOrDefault(m => m.Entity.Latitude is not null && m.Entity.Longitude is not null).Entity;
            result.Add(new CorpusEntity(id, type, first.Name, names.Select(n => n.Variant).ToImmutableArray(),
                members.SelectMany(m => m.Entity.Roles).Distinct(StringComparer.Ordinal).ToImmutableArray(),
                members.Select(m => new EntityOccurrence(m.Document.Summary.Id, m.Entity.Id, m.Entity.Mentions.Length)).ToImmutableArray(),
                names, placed?.Gazetteer ?? first.Gazetteer, placed?.Latitude, placed?.Longitude));
        }
        return result.ToImmutable();
    }
}
