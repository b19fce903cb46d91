using System.Collections.Immutable;

namespace Annalist.Store.Entities;

/// <summary>
/// One entity of one stored document (a row of its <c>entities</c> layer) as the corpus sees it: what
/// it is called and which corpus entity it was gathered into, by which rule, on what evidence.
/// </summary>
/// <param name="LocalId">Its <c>id</c> in the document's <c>entities</c> layer.</param>
/// <param name="Names">Its name, then its other aliases, as the document wrote them.</param>
/// <param name="Gazetteer">The gazetteer entry a place matched (<c>geonames:…</c>), if any.</param>
/// <param name="BlockKey">The key it is compared under: type and surname, type and folded name, or gazetteer id.</param>
public sealed record DocumentEntity(
    long DocumentId,
    string DocumentKey,
    string LocalId,
    string Type,
    ImmutableArray<string> Names,
    ImmutableArray<string> Roles,
    string? Gazetteer,
    string BlockKey)
{
    public string Name => Names.IsDefaultOrEmpty ? LocalId : Names[0];

    /// <summary>The corpus entity it belongs to; 0 until gathered.</summary>
    public long EntityId { get; init; }

    /// <summary>The rule that gathered it: <c>first</c>, <c>same-name</c>, <c>given-names</c>, <c>initials</c>, <c>surname</c>, <c>surname+role</c>, <c>surname, most documents</c>, <c>surname, ambiguous</c>, <c>gazetteer</c>, <c>user-split</c>.</summary>
    public string Rule { get; init; } = "first";

    /// <summary>The names the rule compared, for people to judge the merge.</summary>
    public string Evidence { get; init; } = "";

    public bool IsPerson => Type == "person";
}

/// <summary>A document entity's identity across re-analyses: the document's key and the entity's id in it.</summary>
public readonly record struct EntityMemberKey(string DocumentKey, string LocalId);
