using System.Collections.Immutable;

namespace Annalist.Core.Entities.Authorities;

/// <summary>
/// One person of an authority list: the user's <see cref="Id"/>, the <see cref="Name"/> as the list writes
/// it (<c>Carver, Alice Mae</c> or <c>Alice Mae Carver</c>), other forms the person goes by
/// (<see cref="Variants"/>: spellings, transliterations, nicknames), a <see cref="Description"/> whose words
/// help choose between namesakes, and the years that bound when the person can be meant. Years are
/// historical (negative for BC); null where unknown. <see cref="Line"/> is the entry's line in its file (0 if none).
/// <see cref="Prominence"/> is how often the collection the list belongs to names the person in full (0 when unknown);
/// it decides between namesakes that nothing else tells apart (a bare <c>Dulles</c> in a volume about the Secretary).
/// </summary>
public sealed record AuthorityEntry(
    string Id,
    string Name,
    ImmutableArray<string> Variants,
    string? Description,
    int? Birth = null,
    int? Death = null,
    int? ActiveFrom = null,
    int? ActiveTo = null,
    int Line = 0,
    int Prominence = 0);
