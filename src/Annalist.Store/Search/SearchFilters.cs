using Annalist.Core.Errors;

namespace Annalist.Store.Search;

/// <summary>
/// What a matching paragraph must also hold. Each person, place and speaker is a corpus entity id or a
/// name (as <see cref="ICorpusStore.FindEntities"/> finds it; every entity a name finds counts); every
/// filter given must hold at once. A paragraph mentions a person or place when one of the entity's
/// mentions lies in it; it is a speaker's when it overlaps one of the speaker's turns; it has an event
/// type when an event of that type lies in it; it is in a date range when a date expression in it, or the
/// document's own date, has a normalized interval overlapping the range.
/// </summary>
public sealed record SearchFilters
{
    public static SearchFilters None { get; } = new();

    public IReadOnlyList<string> Persons { get; init; } = [];

    public IReadOnlyList<string> Places { get; init; } = [];

    public IReadOnlyList<string> Speakers { get; init; } = [];

    /// <summary>Event types (<c>meeting</c>, <c>delivery</c>), case aside.</summary>
    public IReadOnlyList<string> EventTypes { get; init; } = [];

    /// <summary>The first day of the range: <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    public string? From { get; init; }

    /// <summary>The last day of the range, inclusive.</summary>
    public string? To { get; init; }

    public bool IsEmpty => Persons.Count == 0 && Places.Count == 0 && Speakers.Count == 0 && EventTypes.Count == 0 && From is null && To is null;

    /// <summary>The range as the facets store it: the first minute of <see cref="From"/>, the last of <see cref="To"/>.</summary>
    /// <exception cref="AnnalistException">ANL5010 when either is not a date.</exception>
    public (string? Earliest, string? Latest) Range()
    {
        string? earliest = null, latest = null;
        if (From is not null)
        {
            if (!DateInterval.TryParse(From, out earliest, out _)) throw new AnnalistException(ErrorCatalogue.InvalidFilterDate, From);
        }
        if (To is not null)
        {
            if (!DateInterval.TryParse(To, out _, out latest)) throw new AnnalistException(ErrorCatalogue.InvalidFilterDate, To);
        }
        return (earliest, latest);
    }
}
