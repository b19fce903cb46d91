namespace Annalist.Core.Time;

// How a history moves: what the narrative anchoring needs beyond the nearest preceding point.
internal sealed partial class TimexResolver
{
    /// <summary>
    /// <c>the previous year</c>, <c>the year before</c>: in a story, a glance back that does not move its point.
    /// </summary>
    private bool LooksBackAYear(TimexCandidate candidate) =>
        _options.Anchoring == TimexAnchoring.Narrative && (_reference is null || _options.Guidelines == TimexGuidelines.Timex2) && candidate.ShiftUnit == TimeUnit.Year && candidate.Shift < 0;
}

internal sealed partial class TimexResolver
{
    /// <summary>
    /// A decade or century counted from a year BC, where time runs towards smaller numbers: the decade after
    /// 490 BC is the 480s BC, the century before 387 BC (the fourth century BC) the fifth. Counted on BC
    /// numbers, not on astronomical years, whose truncation lands one decade or century off. False outside BC,
    /// or when the count crosses into AD (the general case handles that).
    /// </summary>
    private static bool TryShiftBcPeriod(TimeValue value, int year, TimeUnit unit, int shift, out TimeValue result)
    {
        result = value;
        if (year >= 0) return false;
        int bcYear = -year;
        if (unit == TimeUnit.Century && value.Granularity == TimeGranularity.Century)
        {
            // The nth century BC is stored as its first year, n hundred BC.
            int century = (bcYear - 1) / 100 + 1 - shift;
            if (century < 1) return false;
            result = value with { Year = -century * 100 };
            return true;
        }
        if (unit == TimeUnit.Decade && value.Granularity == TimeGranularity.Decade)
        {
            // The 480s BC (489-480 BC) are stored as 480 BC.
            int decade = bcYear / 10 - shift;
            if (decade < 1) return false;
            result = value with { Year = -decade * 10 };
            return true;
        }
        return false;
    }
}

internal sealed partial class TimexResolver
{
    /// <summary>The point resolved for the expression at <paramref name="start"/>, when it is the latest anchor.</summary>
    private TimeValue? RestatedPoint(int start) => _anchors.Count > 0 && _anchors[^1].Start == start ? _anchors[^1].Value : null;
}

internal sealed partial class TimexResolver
{
    /// <summary>Whether <paramref name="value"/> begins after <paramref name="point"/>, by the parts both state.</summary>
    private static bool LaterThan(TimeValue value, TimeValue point)
    {
        if (value.Year is not { } year || point.Year is not { } pointYear) return false;
        if (year != pointYear) return year > pointYear;
        if (value.Month is not { } month || point.Month is not { } pointMonth) return false;
        if (month != pointMonth) return month > pointMonth;
        return value.Day is { } day && point.Day is { } pointDay && day > pointDay;
    }

    /// <summary>A background year (<see cref="TimexCandidate.Background"/>) earlier than the story's latest point.</summary>
    private bool BeforeStory(TimexCandidate candidate, TimeValue value) =>
        candidate.Background && _anchors.Count > 0 && _anchors[^1].Value.Year is { } storyYear && value.Year < storyYear
        || candidate.Endpoint && _anchors.Count > 0 && _anchors[^1].Value.Year is { } spanYear && value.Year > spanYear;
}

internal sealed partial class TimexResolver
{
    // Where the open digression began in _anchors (-1: none), and the paragraph it is in.
    private int _digressionMark = -1;
    private int _digressionParagraph = -1;
    private bool _digressionAhead;
    // The paragraph of the latest point, and how many points it has given.
    private int _pointParagraph = -1;
    private int _paragraphPoints;

    /// <summary>
    /// A history that has reached a year and then, in the middle of a paragraph, names an earlier one (<c>This followed the
    /// election of December 2005.</c>) looks back: what follows in that paragraph counts from the earlier date, and the next
    /// paragraph resumes the story from the point it had reached. A paragraph that opens with the earlier year goes back as a
    /// whole and takes the story with it.
    /// </summary>
    private void OpenDigression(TimexCandidate candidate, TimeValue value)
    {
        if (candidate.Paragraph < 0) return;
        if (candidate.Paragraph != _pointParagraph)
        {
            _pointParagraph = candidate.Paragraph;
            _paragraphPoints = 0;
        }
        bool midParagraph = _paragraphPoints++ > 0;
        if (_digressionMark >= 0 || !midParagraph || _anchors.Count == 0) return;
        if (_anchors[^1].Value.Year is not { } storyYear || value.Year is not { } year || year >= storyYear && year <= storyYear + 1) return;
        _digressionMark = _anchors.Count;
        _digressionParagraph = candidate.Paragraph;
        _digressionAhead = year > storyYear;
    }

    /// <summary>Ends a digression when the story has moved on to another paragraph: the points it gave no longer anchor.</summary>
    private void EndDigression(int paragraph)
    {
        if (_digressionMark < 0 || paragraph == _digressionParagraph) return;
        // A leap ahead that the paragraph goes on to tell from (By 1919 … in January 1919 … on 3 February) is the story's.
        bool toldOn = _digressionAhead && _anchors.Count - _digressionMark > 1;
        if (_digressionMark <= _anchors.Count && !toldOn) _anchors.RemoveRange(_digressionMark, _anchors.Count - _digressionMark);
        _digressionMark = -1;
    }
}

internal sealed partial class TimexResolver
{
    /// <summary>
    /// A month or season the pluperfect places before the story's point: the latest one that begins by the anchor's month
    /// (after <c>17 December 1919</c>, <c>had spent the spring</c> is the spring of 1919, not the nearer one of 1920).
    /// </summary>
    private static TimeValue NotAfter(TimeValue value, TimeValue anchor)
    {
        if (value.Year is not { } year || anchor.Year is not { } anchorYear || anchor.Month is not { } anchorMonth) return value;
        int? first = value.Month ?? value.Season switch { 1 => 3, 2 => 6, 3 => 9, 4 => 12, _ => null };
        if (first is not { } month) return value;
        // A winter is named by its January and begins the December before.
        int startYear = value.Season == 4 && value.Month is null ? year - 1 : year;
        for (int step = 0; step < 2 && (startYear > anchorYear || startYear == anchorYear && month > anchorMonth); step++)
        {
            year = year == 1 ? -1 : year - 1;
            startYear = startYear == 1 ? -1 : startYear - 1;
        }
        return value with { Year = year };
    }
}

internal sealed partial class TimexResolver
{
    /// <summary>
    /// A day a history has gone back from: the story's latest point states no day and lies in an earlier month (<c>… 1 June
    /// 1916 … [on another front, in 1915] The attack began in October; four days later …</c>). Counting days from the old
    /// day would date the offset in the wrong month; it is some day of the newer point's year, as with no day to count from.
    /// </summary>
    private bool Superseded(TimeValue anchor, int? anchorStart, TimexAnchorSource source)
    {
        if (source != TimexAnchorSource.Narrative || _reference is not null || _options.Anchoring != TimexAnchoring.Narrative || _anchors.Count == 0) return false;
        var latest = _anchors[^1];
        if (latest.Start == anchorStart || latest.Value.Day is not null || latest.Value.Week is not null || latest.Value.Year is null) return false;
        if (latest.Value.Granularity < TimeGranularity.Year) return false;
        // Only a point before the day: a later one is as often a glance ahead (by the end of 2011) as a step of the story.
        if (anchor.Year is not { } dayYear || anchor.Month is not { } dayMonth) return false;
        return latest.Value.Year < dayYear || latest.Value.Year == dayYear && latest.Value.Month is { } month && month < dayMonth;
    }
}

internal sealed partial class TimexResolver
{
    // The dateline of a dated record told as a story (a memorandum, a diary entry): the time of writing.
    private (int Start, TimeValue Value)? _writing;
    // The candidate being resolved counts from the time of speaking (this month, last December, next week).
    private bool _deictic;

    /// <summary>
    /// Gives the record's dateline (<c>Washington, March 14, 1952.</c>): deictic expressions of the record (<c>this month</c>,
    /// <c>last December</c>, <c>next week</c>) count from it, as they count from the time of speaking or writing, not from
    /// the point the story has reached.
    /// </summary>
    public void DateWriting(int start, TimeValue value) => _writing = (start, value);

    private (int Start, TimeValue Value)? SpokenFromWriting(Need need) =>
        _deictic && !_anaphoric && _options.Anchoring == TimexAnchoring.Narrative && _writing is { } writing && Has(writing.Value, need) ? writing : null;

    /// <summary>
    /// A deictic expression read from the dateline that looks back or ahead from it (<c>last December</c>, <c>the 3rd of this
    /// month</c>) is an aside, no step of the story; one of the day of writing itself (<c>this afternoon</c>) is the story's present.
    /// </summary>
    private bool FromWriting(int? anchorStart, TimeValue value) =>
        _deictic && _writing is { } writing && anchorStart == writing.Start && !OnTheDay(value, writing.Value);

    private static bool OnTheDay(TimeValue value, TimeValue day) =>
        value.Season is null && value.Week is null && value.Year == day.Year && value.Month == day.Month && value.Day == day.Day;

    /// <summary>
    /// In a dated record, a month or day of what was then to come (<c>would need the grain before the end of June</c>, <c>will
    /// sail by May</c>): a date in a clause about the future, later than the story's point, does not move it.
    /// </summary>
    private bool AheadOfRecord(TimexCandidate candidate, TimeValue value, TimexAnchorSource source) =>
        _writing is not null && candidate.Need == AnchorNeed.Fill && candidate.Tense > 0 && source == TimexAnchorSource.Narrative
        && _anchors.Count > 0 && LaterThan(value, _anchors[^1].Value);
}
