using NodaTime;

namespace Annalist.Core.Time;

/// <summary>What an underspecified expression (<c>the 14th</c>, <c>two days later</c>, <c>Monday</c>) is anchored to.</summary>
public enum TimexAnchoring
{
    /// <summary>
    /// The nearest preceding expression of enough granularity; the document's date only when none
    /// precedes. Suits diaries, memoranda and histories that date events relative to each other.
    /// </summary>
    Narrative,

    /// <summary>
    /// The document's own date (<see cref="Text.DocumentMetadata.Date"/>) for deictic expressions
    /// (<c>yesterday</c>, <c>last year</c>) and missing years; the narrative for anaphoric ones
    /// (<c>the next day</c>, <c>that evening</c>). Suits news and dispatches.
    /// </summary>
    Document,

    /// <summary>Like <see cref="Document"/>, with <see cref="TimexOptions.ReferenceDate"/> as the document's date.</summary>
    Given,
}

/// <summary>How to read an all-numeric date with slashes, such as <c>7/1/44</c>.</summary>
public enum SlashDateOrder
{
    /// <summary>Month first (American usage, and that of the FRUS series): <c>7/1/44</c> is 1 July 1944.</summary>
    MonthFirst,

    /// <summary>Day first (European usage): <c>7/1/44</c> is 7 January 1944.</summary>
    DayFirst,
}

/// <summary>Settings of <see cref="TimexAnnotator"/>. Immutable.</summary>
public sealed record TimexOptions
{
    public static TimexOptions Default { get; } = new();

    public TimexAnchoring Anchoring { get; init; } = TimexAnchoring.Narrative;

    /// <summary>The reference date for <see cref="TimexAnchoring.Given"/>; ignored otherwise.</summary>
    public LocalDate? ReferenceDate { get; init; }

    /// <summary>
    /// Slash dates are read in this order unless the first number cannot be a month (or day): <c>25/12/44</c>
    /// is always 25 December. Dotted dates (<c>7.1.1944</c>, <c>7.I.1944</c>) are always day first.
    /// </summary>
    public SlashDateOrder SlashDates { get; init; } = SlashDateOrder.MonthFirst;
}
