using NodaTime;

namespace Annalist.Core.Time;

internal sealed partial class TimexResolver
{
    /// <summary>
    /// A quarter or half written without a year in a report: one that has not begun by the report's date is
    /// last year's unless the clause speaks of the future (in March, <c>a loss for the fourth quarter</c> is
    /// the fourth quarter just past); null when the rule does not apply.
    /// </summary>
    private static int? ReportPeriodYear(TimeValue value, TimeValue reference, int tense)
    {
        if (reference.Year is not { } year || reference.Month is not { } month || tense > 0) return null;
        int firstMonth = value.Quarter is { } quarter ? (quarter - 1) * 3 + 1 : value.Half is { } half ? (half - 1) * 6 + 1 : 0;
        if (firstMonth == 0) return null;
        return firstMonth > month ? (year == 1 ? -1 : year - 1) : null;
    }

    /// <summary>
    /// On a weekday the weekend is the one just past, unless the clause speaks of the future (<c>talks will resume
    /// after the weekend</c>) or it is <c>this weekend</c>, the weekend of the document's week as <c>this week</c> is its week.
    /// </summary>
    private static bool WeekendAhead(TimexCandidate candidate) => candidate.Tense > 0 || candidate.ThisWeekend;

    /// <summary>The ISO week a resolved day lies in (<c>the week of March 6</c>, 2000: <c>2000-W10</c>); the value unchanged when it has no day.</summary>
    private static TimeValue WeekContaining(TimeValue value)
    {
        if (!value.TryGetDate(out var date)) return value;
        return value with
        {
            Year = TimeValue.FromIsoYear(NodaTime.Calendars.WeekYearRules.Iso.GetWeekYear(date)),
            Week = NodaTime.Calendars.WeekYearRules.Iso.GetWeekOfWeekYear(date),
            Month = null,
            Day = null,
            Weekday = null,
            Granularity = TimeGranularity.Week,
        };
    }

    /// <summary>
    /// The year of <c>last</c>/<c>next</c> and a month: <c>last December</c> is the latest December before the anchor's
    /// month, <c>next March</c> the first after it; with a day the day decides (<c>last June 2</c> written on June 16 is
    /// that year's).
    /// </summary>
    private static int NearestYearOf(int month, int? day, int anchorMonth, int? anchorDay, int anchorYear, int shift)
    {
        int written = month * 32 + (day is { } d && anchorDay is not null ? d : 0);
        int now = anchorMonth * 32 + (day is not null && anchorDay is { } a ? a : 0);
        return shift < 0 ? (written < now ? anchorYear : anchorYear - 1) : (written > now ? anchorYear : anchorYear + 1);
    }

    /// <summary>
    /// Election Day in the United States, <c>the Tuesday next after the first Monday in November</c> (2 U.S.C. § 7):
    /// a Tuesday from the 2nd to the 8th.
    /// </summary>
    private static LocalDate ElectionDay(int year)
    {
        var first = new LocalDate(year, 11, 1);
        int toMonday = ((int)IsoDayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.PlusDays(toMonday + 1);
    }

    /// <summary>
    /// A clock time in a past clause took place by the time of writing: the story's last day, when that lies after the
    /// document's date (<c>could reach the coast by early Wednesday. At 5 a.m. the storm was …</c> in a Monday report),
    /// gives way to the document's date.
    /// </summary>
    private TimeValue? NoLaterThanTheReport(TimeValue? anchor, Need need, TimexCandidate candidate, ref TimexAnchorSource source, ref int? start)
    {
        if (need != Need.Day || candidate.Tense >= 0 || source != TimexAnchorSource.Narrative || anchor is null || _reference is null) return anchor;
        if (!anchor.TryGetDate(out var day) || !_reference.TryGetDate(out var written) || day <= written) return anchor;
        source = _referenceSource;
        start = null;
        return _reference;
    }

    /// <summary>
    /// A clock time in a clause about what is to come lies on or after the day of writing: a date of the text before the
    /// document's date (<c>the first round, held on May 18. Polls open at 7 a.m.</c> in a report of the run-off's week) gives
    /// way to the latest one on or after it (the Sunday of the vote), else to the document's date.
    /// </summary>
    private TimeValue? NoEarlierThanTheReport(TimeValue? anchor, Need need, TimexCandidate candidate, ref TimexAnchorSource source, ref int? start)
    {
        if (need != Need.Day || candidate.Tense <= 0 || candidate.Value.Hour is null || source != TimexAnchorSource.Narrative || anchor is null || _reference is null) return anchor;
        if (!anchor.TryGetDate(out var day) || !_reference.TryGetDate(out var written) || day >= written) return anchor;
        for (int i = _anchors.Count - 1; i >= 0; i--)
        {
            if (_anchors[i].Value.TryGetDate(out var later) && later >= written)
            {
                start = _anchors[i].Start;
                return _anchors[i].Value;
            }
        }
        source = _referenceSource;
        start = null;
        return _reference;
    }
}
