namespace Annalist.Core.Ledger;

/// <summary>
/// One line of the commitments table: who asked for, promised, ordered, granted, refused or delivered
/// what, to and for whom, how many, when, what became of it, and the words that say so.
/// </summary>
/// <param name="Document">The document's name.</param>
/// <param name="Event">The event's id in its document.</param>
/// <param name="Action"><c>asked for</c>, <c>promised</c>, <c>ordered</c>, <c>transferred</c>, <c>granted</c>, <c>refused</c>, <c>delivered</c> or <c>not delivered</c>.</param>
/// <param name="Who">Names of whoever acts: the requester, the one who promises, orders or grants.</param>
/// <param name="Via">Names of those who carry it out (the executor of an order, the source of a promise).</param>
/// <param name="To">Names of the addressee of a request or the recipient of what is given.</param>
/// <param name="For">Names of the beneficiary.</param>
/// <param name="Item">The thing, as written; null when the event names none.</param>
/// <param name="Quantity">How many, when stated.</param>
/// <param name="When">TIMEX3 value of when it was said or done, or null.</param>
/// <param name="Status">What became of it: <c>open</c>, <c>granted 30 of 50</c>, <c>answers e9</c>, <c>fulfilled</c>, <c>failed</c> …</param>
/// <param name="Evidence">The words of the record that state it.</param>
public sealed record CommitmentRow(string Document, string Event, string Action, IReadOnlyList<string> Who, IReadOnlyList<string> Via,
    IReadOnlyList<string> To, IReadOnlyList<string> For, string? Item, double? Quantity, string? When, string Status, string Evidence);

/// <summary>One participant of a dated event with the role it plays.</summary>
public readonly record struct TimelineParticipant(string Role, string Name);

/// <summary>
/// One line of the timeline: a dated event with its participants. <see cref="Earliest"/> and
/// <see cref="Latest"/> bound an uncertain date (a month, a season) to the minute; <see cref="Anchored"/> is
/// true when the record states no date for the event itself and the one before it in the narrative is used.
/// </summary>
public sealed record TimelineRow(string Document, string Event, string Type, bool Negative, string Start, string? End, string? Earliest, string? Latest,
    bool Anchored, IReadOnlyList<TimelineParticipant> Participants, string Evidence);
