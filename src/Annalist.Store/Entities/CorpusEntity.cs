using System.Collections.Immutable;
using Annalist.Core.Text;

namespace Annalist.Store.Entities;

/// <summary>
/// A person, place, organization or group across the corpus: the document entities gathered into it
/// (and into any entity a user merged into it).
/// </summary>
/// <param name="Name">Its canonical name: the fullest name its documents give it.</param>
/// <param name="Names">Every name and alias its documents use, fullest first.</param>
/// <param name="Gazetteers">Gazetteer entries (<c>geonames:…</c>) its places matched.</param>
public sealed record CorpusEntity(long Id, string Type, string Name, ImmutableArray<string> Names, ImmutableArray<string> Roles, int Documents, ImmutableArray<string> Gazetteers);

/// <summary>A corpus entity with what it was gathered from and where the corpus names it or gives it a turn.</summary>
/// <param name="Members">Its document entities, each with the rule and the names that put it here.</param>
/// <param name="MergedFrom">Entities a user merged into it.</param>
public sealed record CorpusEntityDetails(
    CorpusEntity Entity,
    IReadOnlyList<DocumentEntity> Members,
    IReadOnlyList<EntityOccurrence> Mentions,
    IReadOnlyList<EntityOccurrence> Turns,
    IReadOnlyList<long> MergedFrom);

/// <summary>Where a corpus entity occurs: in which document, at which span, with that text and some context.</summary>
public sealed record EntityOccurrence(string DocumentKey, string DocumentName, TextSpan Span, string Text, string Before, string After);

/// <summary>Which corpus entities <see cref="ICorpusStore.ListEntities"/> returns.</summary>
/// <param name="Type">Only this type (<c>person</c>, <c>place</c>, …).</param>
/// <param name="Name">Only those with a name like this (case, accents and titles aside; a surname finds all of it).</param>
public sealed record EntityQuery(string? Type = null, string? Name = null, int Limit = 100);
