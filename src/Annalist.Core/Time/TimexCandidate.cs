namespace Annalist.Core.Time;

/// <summary>How a recognized expression gets what it does not state.</summary>
internal enum AnchorNeed : byte
{
    /// <summary>Complete as written, or not a point (durations, sets, references).</summary>
    None,
    /// <summary>Missing coarser fields (year; year and month; the date of a clock time) come from the anchor.</summary>
    Fill,
    /// <summary>The anchor, truncated to <see cref="TimexCandidate.ShiftUnit"/>, moved by <see cref="TimexCandidate.Shift"/> units.</summary>
    Shift,
    /// <summary>A weekday near the anchor: before it (-1), after it (+1), or on the natural side (0).</summary>
    Weekday,
    /// <summary><c>today</c>: the document's date, or a present reference when the document has none.</summary>
    Today,
    /// <summary><c>at that time</c>: the latest point of the narrative as it stands, or a present reference when there is none.</summary>
    Same,
}

/// <summary>An expression the grammar found, before anchoring.</summary>
internal sealed class TimexCandidate
{
    public required int Start { get; init; }

    public required int End { get; set; }

    public required TimeValue Value { get; set; }

    public AnchorNeed Need { get; set; }

    public TimeUnit ShiftUnit { get; init; }

    public int Shift { get; init; }

    /// <summary>Relative to the speaker's now (<c>yesterday</c>, <c>last year</c>, <c>ago</c>) rather than to the story.</summary>
    public bool Deictic { get; init; }

    /// <summary>+1 when the clause speaks of the future (a bare weekday then lies after its anchor, a bare month on or after the document date), -1 of the past, else 0.</summary>
    public int Tense { get; set; }

    /// <summary>A movable holiday whose day is computed once the year is known.</summary>
    public Holiday? Holiday { get; init; }

    /// <summary>A two-digit year (<c>7/1/44</c>) whose century comes from the context.</summary>
    public bool TwoDigitYear { get; init; }

    /// <summary>
    /// Counted from the quarter a report is about (<c>the quarter</c>, <c>the year-ago quarter</c>, <c>a year
    /// earlier</c> after a quarter): the last quarter mentioned, else the one before the document date's.
    /// </summary>
    public bool ReportedQuarter { get; init; }

    /// <summary><c>the latest quarter</c>: the one before the document date's even when another was mentioned since.</summary>
    public bool LatestQuarter { get; init; }

    /// <summary><c>a year ago</c>, <c>two years earlier</c>: after a quarter, the same quarter that many years before.</summary>
    public bool CountedYears { get; init; }

    /// <summary><c>that year</c>, <c>the following month</c>, <c>the next day</c>: anchored to the story before the document's date.</summary>
    public bool Anaphoric { get; set; }

    /// <summary>
    /// <c>this September</c>: the month of the anchor's own year, whichever side of the anchor it lies; in a history also a
    /// sentence's opening month after an earlier month of the calendar (<c>In December, …</c> after May).
    /// </summary>
    public bool SameYear { get; set; }

    /// <summary><c>this weekend</c>: the weekend of the anchor's week, never the one before it.</summary>
    public bool ThisWeekend { get; set; }

    /// <summary><c>the week of March 6</c>: the ISO week the resolved day lies in.</summary>
    public bool WeekOf { get; set; }

    /// <summary>A year below 1000 with no era, read as BC when the narrative is in BC.</summary>
    public bool EraOpen { get; init; }

    /// <summary>
    /// A bare four-digit year with nothing before it that makes it one (no preposition, month, article or era):
    /// centuries before the document's date it is a telegram or statute number, not a year.
    /// </summary>
    public bool UncuedYear { get; init; }

    /// <summary>
    /// The start of the date this offset stands in apposition to (<c>27 June 1950, two days after the invasion</c>):
    /// it restates that date rather than counting from it. Narrative anchoring only.
    /// </summary>
    public int? Restates { get; set; }

    /// <summary>
    /// An offset from an event named after it (<c>eight days</c> in <c>eight days after the siege began</c>): in a
    /// story without a document date (a history) a date counted from the story's point; otherwise a duration.
    /// </summary>
    public bool EventOffset { get; init; }

    /// <summary>
    /// A length of time right before <c>before</c> (-1) or <c>after</c> (+1), narrative anchoring only: when a date follows
    /// the signal (<c>three days before Christmas</c>), the offset is the date counted from it (<see cref="CountsOffset"/>).
    /// </summary>
    public int Signal { get; init; }

    /// <summary>On a date: the offset before it (<see cref="Signal"/>) that counts from it.</summary>
    public TimexCandidate? CountsOffset { get; set; }

    /// <summary>
    /// A year of the story's background (<c>forces that had invaded in late 1943</c>, <c>the 1614 rules</c>): dated,
    /// but when it lies before the story's point it does not move the story back.
    /// </summary>
    public bool Background { get; set; }

    /// <summary>
    /// The end of a span the clause states (<c>an assault that lasted until the fall of the capital in February
    /// 1945</c>): when it lies after the story's point, the story stays where the span began.
    /// </summary>
    public bool Endpoint { get; set; }

    /// <summary>
    /// In a history, where the paragraph the expression is in begins (-1 outside one): a look back to an earlier year in
    /// the middle of a paragraph lasts until the paragraph ends.
    /// </summary>
    public int Paragraph { get; set; } = -1;

    /// <summary>
    /// A month or season that modifies the noun after it (<c>the March accession</c>, <c>the summer offensive</c>): it takes its
    /// year from the story but names a thing of the story's background, so the story's point does not move to it.
    /// </summary>
    public bool ModifiesNoun { get; init; }

    /// <summary>The start of the date written after this clock time that gave it its day (<c>At 5:34 AM … on March 20, 2003</c>).</summary>
    public int? DatedBy { get; set; }

    /// <summary>A month or season without its year in a clause in the pluperfect (<c>had spent the spring</c>): it lies before the story's point.</summary>
    public bool Pluperfect { get; set; }

    /// <summary>A date of another story line than the narrative's (<c>a history published in 1923</c>): it dates what it says and anchors nothing.</summary>
    public bool OtherStoryLine { get; set; }

    /// <summary>
    /// In a story, a month or day in a clause of what was then to come (<c>docks that were to be completed by December</c>):
    /// valued ahead of the story's point, which does not move to it.
    /// </summary>
    public bool ForwardGlance { get; set; }

    /// <summary>A period of unstated length only a history refers to (<c>the intervening years</c>): dropped where the text has a date of its own.</summary>
    public bool HistoryPeriod { get; init; }
}
