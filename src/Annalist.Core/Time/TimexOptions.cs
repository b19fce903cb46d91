using NodaTime;

namespace Annalist.Core.Time;

/// <summary>What an underspecified expression (<c>the 14th</c>, <c>two days later</c>, <c>Monday</c>) is anchored to.</summary>
public enum TimexAnchoring
{
    /// <summary>
    /// Anaphoric expressions (<c>the 14th of the same month</c>, <c>two days later</c>, <c>that evening</c>,
    /// <c>23 o'clock</c>) take what they lack from the nearest preceding expression of enough granularity.
    /// Deictic ones (<c>yesterday</c>, <c>last year</c>, <c>Monday</c>) and missing years count from the
    /// document's date when it has one. The document's date is also the fallback when nothing precedes.
    /// Suits diaries, memoranda and histories that date events relative to each other.
    /// </summary>
    Narrative,

    /// <summary>
    /// Every underspecified expression counts from the document's own date
    /// (<see cref="Text.DocumentMetadata.Date"/>); the narrative only when the document has none. Suits
    /// news and dispatches whose every relative date is relative to their dateline.
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

/// <summary>Which annotation guidelines decide what counts as a temporal expression.</summary>
public enum TimexGuidelines
{
    /// <summary>TimeML's TIMEX3 (TempEval-3): adjectives such as <c>former</c> and anaphors such as <c>at that time</c> are not expressions.</summary>
    TimeMl,

    /// <summary>
    /// The TIMEX2 guidelines (ACE, WikiWars), which also mark the temporal adjectives <c>former</c>,
    /// <c>recent</c> (<c>PAST_REF</c>), <c>current</c>, <c>present-day</c> (<c>PRESENT_REF</c>) and
    /// <c>future</c> (<c>FUTURE_REF</c>), the anaphors <c>at that time</c>, <c>by this time</c>, <c>during
    /// this period</c>, <c>at the same time</c> (valued as the narrative point they refer back to), and
    /// <c>at night</c>, <c>night attacks</c>, <c>daytime</c>; a vague <c>a few days later</c> is
    /// <c>FUTURE_REF</c> (after its anchor) where TimeML gives <c>PAST_REF</c> (before the writer).
    /// </summary>
    Timex2,
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

    /// <summary>What counts as an expression; TimeML by default.</summary>
    public TimexGuidelines Guidelines { get; init; } = TimexGuidelines.TimeMl;

    /// <summary>
    /// Under <see cref="TimexGuidelines.TimeMl"/> only: reads counted periods as TimeML's annotated news does rather than
    /// as a history needs them. <c>three days later</c> is the duration <c>three days</c> (<c>P3D</c>; <c>a few days
    /// later</c> likewise <c>PXD</c>), <c>later</c> a signal outside the expression (<c>a year earlier</c> stays a date);
    /// <c>the past year</c> is the calendar year before the document's (<c>1997</c> in a 1998 story), as <c>last year</c>
    /// is (decades keep the duration). Off by default:
    /// a record's <c>three days later</c> is the day it names and its <c>the past year</c> the twelve months before it.
    /// <c>annalist eval timeml</c> turns it on for TIMEX3 gold.
    /// </summary>
    public bool TimeMlCountedPeriods { get; init; }
}
