using NodaTime;
using NodaTime.Calendars;

namespace Annalist.Core.Time;

/// <summary>
/// Anchors recognized expressions in text order. Keeps the points resolved so far; an underspecified
/// expression takes what it lacks from the nearest preceding point that states it (narrative), or from
/// the reference date (document, given), and then becomes an anchor itself.
/// </summary>
internal sealed partial class TimexResolver
{
    private readonly TimexOptions _options;
    private readonly TimeValue? _reference;
    private readonly TimexAnchorSource _referenceSource;
    private readonly List<(int Start, TimeValue Value)> _anchors = [];
    private bool _bcNarrative;
    private int _openAside = -1;
    private (int Start, TimeValue Value)? _lastQuarter;
    private int _asideMark;

    /// <summary>Whether an expression resolved so far, or the document's date, gives a point to count from.</summary>
    public bool HasAnchor => _anchors.Count > 0 || _reference is not null;

    public TimexResolver(TimexOptions options, LocalDate? documentDate)
    {
        _options = options;
        LocalDate? reference = options.Anchoring == TimexAnchoring.Given ? options.ReferenceDate : documentDate;
        if (reference is { } date)
        {
            _reference = TimeValue.FromDate(TimeValue.FromIsoYear(date.Year), date.Month, date.Day);
            _referenceSource = options.Anchoring == TimexAnchoring.Given ? TimexAnchorSource.Given : TimexAnchorSource.Document;
        }
    }

    // The candidate being resolved refers back to the story (that year, the following month).
    private bool _anaphoric;

    /// <summary>
    /// Resolves one candidate; call in text order. An <paramref name="aside"/> (the start of the parentheses
    /// or quotation it is in, else -1) is resolved and anchors what follows inside the same aside, but not
    /// what follows it. Null when the context shows it is no time after all (a
    /// small number outside an ancient narrative). <paramref name="unresolved"/> is true when it needed an anchor and found none.
    /// </summary>
    public Timex? Resolve(TimexCandidate candidate, bool editorial, out bool unresolved, int aside = -1)
    {
        unresolved = false;
        _anaphoric = candidate.Anaphoric;
        _deictic = candidate.Deictic;
        if (_openAside >= 0 && aside != _openAside)
        {
            _anchors.RemoveRange(_asideMark, _anchors.Count - _asideMark);
            _openAside = -1;
        }
        EndDigression(candidate.Paragraph);
        var value = candidate.Value;
        int? anchorStart = null;
        var source = TimexAnchorSource.None;

        if (candidate.TwoDigitYear && value.Year is { } shortYear)
        {
            int? context = FindAnchor(Need.Year, candidate.Deictic, out _, out _)?.Year;
            value = value with { Year = WithCentury(shortYear, context) };
        }
        if (candidate.EraOpen && value.Year is { } open)
        {
            // A bare number below 1000 is a year only in a narrative of ancient dates.
            bool ancient = _anchors.Count > 0 && _anchors[^1].Value.Year is { } last && last < 1000;
            if (!_bcNarrative && !ancient)
            {
                unresolved = false;
                return null;
            }
            if (_bcNarrative) value = value with { Year = -open };
        }
        if (candidate.Need == AnchorNeed.None && value.Year is { } stated && !candidate.EraOpen) _bcNarrative = stated < 0;

        switch (candidate.Need)
        {
            case AnchorNeed.Fill when candidate.Holiday is not null:
            {
                var anchor = FindAnchor(Need.Year, candidate.Deictic, out anchorStart, out source);
                if (anchor is null) unresolved = true;
                else
                {
                    // The year that puts the holiday nearest its anchor, as for a month: in January, Thanksgiving is last November's.
                    var month = value with { Month = candidate.Holiday is Holiday.Thanksgiving or Holiday.Election ? 11 : 4 };
                    value = value with { Year = NearestYear(month, anchor, ReferenceIsAnchor(anchor), candidate.Tense) };
                }
                break;
            }
            case AnchorNeed.Fill:
            {
                var need = value.Month is not null || value.Season is not null || value.Quarter is not null || value.Half is not null ? Need.Year
                    : value.Day is not null ? Need.Month
                    : Need.Day;
                if (value.Year is not null && need == Need.Year) break;
                var anchor = FindAnchor(need, candidate.Deictic, out anchorStart, out source);
                anchor = NoLaterThanTheReport(anchor, need, candidate, ref source, ref anchorStart);
                anchor = NoEarlierThanTheReport(anchor, need, candidate, ref source, ref anchorStart);
                if (anchor is null)
                {
                    unresolved = true;
                    break;
                }
                value = candidate.SameYear && anchor.Year is { } sameYear ? value with { Year = sameYear } : Fill(value, anchor, need, candidate.Tense);
                if (candidate.Pluperfect && source == TimexAnchorSource.Narrative) value = NotAfter(value, anchor);
                if (candidate.Shift != 0 && value.Month is { } month && anchor.Month is { } anchorMonth && anchor.Year is { } anchorYear)
                {
                    // "last December" is the latest December before the anchor; "next March" the first after it.
                    int year = NearestYearOf(month, value.Day, anchorMonth, anchor.Day, anchorYear, candidate.Shift);
                    value = value with { Year = year == 0 ? (candidate.Shift < 0 ? -1 : 1) : year };
                }
                break;
            }
            case AnchorNeed.Shift when candidate.ReportedQuarter || (candidate.CountedYears && RecentQuarter(candidate.Start) is not null):
            {
                var reported = ReportedQuarter(candidate.LatestQuarter, out anchorStart, out source);
                if (reported is null)
                {
                    unresolved = true;
                    break;
                }
                int year = candidate.Value.Year ?? reported.Year!.Value + candidate.Shift;
                if (candidate.Value.Year is null && reported.Year < 0 != year < 0) year += candidate.Shift;
                value = value with { Type = TimexType.Date, Year = year, Quarter = candidate.Value.Quarter ?? reported.Quarter, Granularity = TimeGranularity.Quarter };
                break;
            }
            case AnchorNeed.Shift when candidate.Restates is { } restated && RestatedPoint(restated) is { } point:
                value = point with { Modifier = TimeModifier.None };
                anchorStart = restated;
                source = TimexAnchorSource.Narrative;
                break;
            case AnchorNeed.Shift:
            {
                var need = candidate.ShiftUnit switch
                {
                    TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second => Need.Hour,
                    TimeUnit.Day => Need.Day,
                    TimeUnit.Week => Need.Week,
                    TimeUnit.Month or TimeUnit.Quarter => Need.Month,
                    _ => Need.Year,
                };
                var anchor = FindAnchor(need, candidate.Deictic, out anchorStart, out source);
                if (anchor is not null && need is Need.Day or Need.Week && Superseded(anchor, anchorStart, source)) anchor = null;
                if (anchor is null && PartialValue(value, candidate.ShiftUnit, candidate.Shift, out var partialStart) is { } partial)
                {
                    value = partial;
                    anchorStart = partialStart;
                    source = TimexAnchorSource.Narrative;
                    break;
                }
                if (anchor is null && candidate.ShiftUnit is TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second)
                {
                    // "72 hours after" with no clock time to count from: keep the length of time.
                    value = TimeValue.FromDuration(Math.Abs(candidate.Shift), candidate.ShiftUnit);
                    break;
                }
                if (anchor is null || !TryShift(value, anchor, candidate.ShiftUnit, candidate.Shift, out var shifted))
                {
                    unresolved = true;
                    break;
                }
                if (value.PartOfDay == "WE" && candidate.Shift == 0 && !WeekendAhead(candidate) && anchor.TryGetDate(out var weekendAnchor) && (int)weekendAnchor.DayOfWeek < 6
                    && TryShift(value, anchor, TimeUnit.Week, -1, out var lastWeekend))
                {
                    // On a weekday, "the weekend" is the one just past.
                    shifted = lastWeekend;
                }
                if (candidate.ShiftUnit == TimeUnit.Year && candidate.Shift != 0 && SeasonMonth(value.Season) is { } seasonMonth
                    && anchor.Month is null && SeasonMonth(anchor.Season) is { } anchorSeasonMonth && anchor.Year is { } seasonYear)
                {
                    // After a season, "the next spring" is the first spring after it: the one following winter 1778 is spring 1778.
                    int step = candidate.Shift > 0 ? (seasonMonth > anchorSeasonMonth ? 0 : 1) : (seasonMonth < anchorSeasonMonth ? 0 : -1);
                    int year = seasonYear + step;
                    shifted = shifted with { Year = year == 0 ? step : year };
                }
                if (WinterAfterAutumn(candidate, value, anchor)) shifted = shifted with { Year = shifted.Year + 1 };
                value = shifted;
                break;
            }
            case AnchorNeed.Weekday:
            {
                var anchor = FindAnchor(Need.Day, deictic: true, out anchorStart, out source);
                if (anchor is null || !anchor.TryGetDate(out var date) || value.Weekday is not { } weekday)
                {
                    unresolved = true;
                    break;
                }
                int direction = candidate.Shift;
                if (direction == 0) direction = candidate.Tense > 0 || source == TimexAnchorSource.Narrative ? 1 : -1;
                int offset = weekday - (int)date.DayOfWeek;
                if (direction > 0)
                {
                    if (offset < 0 || (offset == 0 && candidate.Shift != 0)) offset += 7;
                }
                else if (offset > 0 || (offset == 0 && candidate.Shift != 0)) offset -= 7;
                value = value.WithDate(date.PlusDays(offset)) with { Weekday = null };
                break;
            }
            case AnchorNeed.Same:
                if (_anchors.Count > 0)
                {
                    (int sameStart, var same) = _anchors[^1];
                    value = same with { Modifier = TimeModifier.None };
                    anchorStart = sameStart;
                    source = TimexAnchorSource.Narrative;
                }
                else
                {
                    value = TimeValue.FromReference(TimeReference.Present);
                }
                break;
            case AnchorNeed.Today:
                if (_reference is not null)
                {
                    value = _reference with { PartOfDay = value.PartOfDay, Granularity = value.Granularity };
                    source = _referenceSource;
                }
                else
                {
                    value = TimeValue.FromReference(TimeReference.Present);
                }
                break;
        }

        if (candidate.Holiday is { } movable && value.Year is { } holidayYear && MovableHoliday(movable, holidayYear) is { } holidayDate)
            value = value.WithDate(holidayDate);
        if (candidate.WeekOf) value = WeekContaining(value);
        // An aside in parentheses ("(15 October 1951)") dates something else; the story does not move to it.
        // So does a look back by years ("two decades earlier"): the story stays where it was.
        bool lookBack = candidate.Need == AnchorNeed.Shift && candidate.Shift < 0 && !candidate.ReportedQuarter
            && (candidate.CountedYears || candidate.ShiftUnit is TimeUnit.Decade or TimeUnit.Century || LooksBackAYear(candidate));
        // And a plan or forecast ("a campaign planned for 1976") is no step of the story.
        bool prospect = candidate.Need == AnchorNeed.None && candidate.Tense > 0 && _anchors.Count > 0
            && _anchors[^1].Value.Year is { } storyYear && value.Year > storyYear;
        // So, in a story, does a month or day of what was then to come ("docks to be completed by December").
        prospect |= candidate.ForwardGlance && source == TimexAnchorSource.Narrative && _anchors.Count > 0 && LaterThan(value, _anchors[^1].Value);
        prospect |= AheadOfRecord(candidate, value, source);
        if (value.IsPoint && value.Year is not null && !unresolved && !(lookBack && _anchors.Count > 0) && !prospect && !FromWriting(anchorStart, value) && !BeforeStory(candidate, value) && !candidate.ModifiesNoun && !candidate.OtherStoryLine)
        {
            if (aside >= 0 && _openAside != aside && _anchors.Count > 0)
            {
                _openAside = aside;
                _asideMark = _anchors.Count;
            }
            if (aside < 0) OpenDigression(candidate, value);
            _anchors.Add((candidate.Start, value));
            if (value.Granularity == TimeGranularity.Quarter && value.Quarter is not null && candidate.Shift == 0 && !candidate.CountedYears
                && !(candidate.ReportedQuarter && candidate.Value.Year is not null))
                _lastQuarter = (candidate.Start, value);
        }
        if (source != TimexAnchorSource.Narrative) anchorStart = null;
        return new Timex(new Text.TextSpan(candidate.Start, candidate.End), value, anchorStart, source, editorial);
    }

    /// <summary>A quarter mentioned in the last few sentences, which <c>a year earlier</c> then counts from.</summary>
    private TimeValue? RecentQuarter(int start) => _lastQuarter is { } last && start - last.Start < 600 ? last.Value : null;

    /// <summary>
    /// The quarter a report is about: the last one mentioned; else, counting from the document's date, the
    /// quarter before it (results are reported once a quarter has ended); else the narrative anchor's.
    /// </summary>
    private TimeValue? ReportedQuarter(bool latest, out int? start, out TimexAnchorSource source)
    {
        if (_lastQuarter is { } last && !(latest && _reference is not null))
        {
            start = last.Start;
            source = TimexAnchorSource.Narrative;
            return last.Value;
        }
        start = null;
        source = TimexAnchorSource.None;
        var anchor = latest && _reference is not null ? _reference : FindAnchor(Need.Month, deictic: false, out start, out source);
        if (ReferenceEquals(anchor, _reference) && anchor is not null)
        {
            start = null;
            source = _referenceSource;
        }
        if (anchor?.Year is not { } year || anchor.Month is not { } month) return null;
        int quarter = (month - 1) / 3 + 1;
        if (ReferenceIsAnchor(anchor))
        {
            quarter--;
            if (quarter == 0)
            {
                quarter = 4;
                year = year == 1 ? -1 : year - 1;
            }
        }
        return new TimeValue { Type = TimexType.Date, Year = year, Quarter = quarter, Granularity = TimeGranularity.Quarter };
    }

    private enum Need : byte
    {
        Year,
        Month,
        Week,
        Day,
        Hour,
    }

    private static bool Has(TimeValue value, Need need) => need switch
    {
        Need.Year => value.Year is not null,
        Need.Month => value.Year is not null && value.Month is not null,
        Need.Week => value.Year is not null && (value.Week is not null || value.Day is not null && value.Month is not null),
        Need.Day => value.Year is not null && value.Month is not null && value.Day is not null,
        _ => value.Year is not null && value.Month is not null && value.Day is not null && value.Hour is not null,
    };

    private TimeValue? FindAnchor(Need need, bool deictic, out int? start, out TimexAnchorSource source)
    {
        start = null;
        source = TimexAnchorSource.None;
        // Deictic words (yesterday, last year, Monday) and missing years count from the time of writing
        // whenever the document has a date; in document and given modes everything does.
        // Anaphors (that year, the following month, the next day) refer back to the story first whatever the mode.
        bool referenceFirst = !_anaphoric && (deictic || need == Need.Year || _options.Anchoring != TimexAnchoring.Narrative);
        if (referenceFirst && _reference is not null && Has(_reference, need))
        {
            source = _referenceSource;
            return _reference;
        }
        if (SpokenFromWriting(need) is { } writing)
        {
            start = writing.Start;
            source = TimexAnchorSource.Narrative;
            return writing.Value;
        }
        for (int i = _anchors.Count - 1; i >= 0; i--)
        {
            if (Has(_anchors[i].Value, need))
            {
                start = _anchors[i].Start;
                source = TimexAnchorSource.Narrative;
                return _anchors[i].Value;
            }
        }
        if (_reference is not null && Has(_reference, need))
        {
            source = _referenceSource;
            return _reference;
        }
        return null;
    }

    /// <summary>
    /// With no anchor fine enough, the nearest one that states at least a year: <c>three days later</c>
    /// after <c>in 1980</c> is some day of 1980 (<c>1980-XX-XX</c>), not a day of the document's date.
    /// </summary>
    private TimeValue? FindPartialAnchor(out int? start)
    {
        start = null;
        for (int i = _anchors.Count - 1; i >= 0; i--)
        {
            if (_anchors[i].Value.Year is not null && _anchors[i].Value.Granularity >= TimeGranularity.Year)
            {
                start = _anchors[i].Start;
                return _anchors[i].Value;
            }
        }
        return null;
    }

    private TimeValue? PartialValue(TimeValue value, TimeUnit unit, int shift, out int? start)
    {
        var anchor = FindPartialAnchor(out start);
        if (anchor is null) return null;
        if (unit is TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second) return null;
        bool sameMonth = shift == 0 || unit is TimeUnit.Hour;
        return value with
        {
            Year = anchor.Year,
            Month = value.Month ?? (sameMonth && unit == TimeUnit.Day ? anchor.Month : null),
            Day = value.Day,
            Week = null,
            Weekday = null,
            Granularity = value.Granularity,
        };
    }

    private TimeValue Fill(TimeValue value, TimeValue anchor, Need need, int tense)
    {
        var filled = value with { Year = value.Year ?? NearestYear(value, WithLatestMonth(anchor), ReferenceIsAnchor(anchor), tense) };
        if (need >= Need.Month) filled = filled with { Month = value.Month ?? anchor.Month };
        if (need >= Need.Day) filled = filled with { Month = value.Month ?? anchor.Month, Day = value.Day ?? anchor.Day };
        if (need == Need.Day && filled.TryGetDate(out var date) && ShouldRollOver(value, LatestTimeOn(date) ?? anchor))
            filled = filled.WithDate(date.PlusDays(1));
        return filled;
    }

    /// <summary>The latest anchor on <paramref name="date"/> that states a time or part of day, looking back over that day only.</summary>
    private TimeValue? LatestTimeOn(LocalDate date)
    {
        for (int i = _anchors.Count - 1; i >= 0; i--)
        {
            var anchor = _anchors[i].Value;
            if (!anchor.TryGetDate(out var anchorDate) || anchorDate != date) return null;
            if (anchor.Hour is not null || anchor.PartOfDay is not null) return anchor;
        }
        return null;
    }

    /// <summary>
    /// The year that puts a month written without one nearest the anchor: in a text of January 1945,
    /// <c>December</c> is December 1944; in one of November 1944, <c>January</c> is January 1945. A report
    /// mostly looks back, unless the clause speaks of the future (<paramref name="tense"/> +1: <c>will be paid
    /// in January</c>). In a narrative a season counts by its middle month, winter by its January, so the
    /// winter after an autumn is the next year's.
    /// </summary>
    private static int? NearestYear(TimeValue value, TimeValue anchor, bool reportDate, int tense = 0)
    {
        if (reportDate && value.Month is null && ReportPeriodYear(value, anchor, tense) is { } periodYear) return periodYear;
        int? valueMonth = value.Month ?? (reportDate ? null : SeasonMonth(value.Season));
        // Only a season orders against a season: September after "the winter of 1916" is still 1916's.
        int? anchorMonthOrSeason = anchor.Month ?? (reportDate || value.Season is null ? null : SeasonMonth(anchor.Season));
        if (anchor.Year is not { } year || anchorMonthOrSeason is not { } anchorMonth || valueMonth is not { } month) return anchor.Year;
        int difference = month - anchorMonth;
        // A clause about what is (or, in a history, was) to come lies ahead: would follow him on 16 October, after January.
        if (tense > 0) return difference >= 0 ? year : year == -1 ? 1 : year + 1;
        if (reportDate && tense <= -2 && difference > 0) return year == 1 ? -1 : year - 1;
        // A report mostly looks back: with no tense to go by, a month more than five months after its date is
        // last year's, and one up to five months ahead across the new year next year's.
        int after = reportDate ? 3 : 6;
        if (difference > after) return year == 1 ? -1 : year - 1;
        if (reportDate ? difference < -(12 - after) : difference < -6) return year == -1 ? 1 : year + 1;
        return year;
    }

    /// <summary>
    /// A year anchor that states no month takes the latest month the story has reached in that year:
    /// after <c>7 December</c> … <c>1941</c>, <c>in January</c> is January 1942.
    /// </summary>
    private TimeValue WithLatestMonth(TimeValue anchor)
    {
        if (anchor.Month is not null || anchor.Year is not { } year || ReferenceIsAnchor(anchor) || anchor.Granularity != TimeGranularity.Year) return anchor;
        for (int i = _anchors.Count - 1, looked = 0; i >= 0 && looked < 4; i--, looked++)
        {
            var earlier = _anchors[i].Value;
            if (earlier.Year != year) continue;
            if (earlier.Month is { } month) return anchor with { Month = month };
        }
        return anchor;
    }

    /// <summary>
    /// <c>that winter</c> after an autumn or a month from September on is the winter that follows it, counted (as every winter
    /// is) by its January: after <c>the autumn of 2013</c>, winter 2014.
    /// </summary>
    private static bool WinterAfterAutumn(TimexCandidate candidate, TimeValue value, TimeValue anchor) =>
        candidate.ShiftUnit == TimeUnit.Year && candidate.Shift == 0 && !candidate.Deictic && value.Season == 4 && value.Month is null
        && anchor.Year is { } year && year != -1 && (anchor.Month is >= 9 || anchor.Month is null && anchor.Season == 3);

    private static int? SeasonMonth(int? season) => season switch
    {
        1 => 4,
        2 => 7,
        3 => 10,
        4 => 1,
        _ => null,
    };

    private bool ReferenceIsAnchor(TimeValue anchor) => ReferenceEquals(anchor, _reference);

    /// <summary>
    /// A morning time after an evening anchor on the same day is the next morning: a dinner from
    /// 23:00 until 3 in the morning ends on the following day.
    /// </summary>
    private static bool ShouldRollOver(TimeValue value, TimeValue anchor)
    {
        int anchorHour = anchor.Hour ?? anchor.PartOfDay switch { "EV" => 18, "NI" => 21, _ => -1 };
        if (anchorHour < 18) return false;
        if (value.Hour is { } hour) return hour < 12 && hour < anchorHour;
        return value.PartOfDay == "MO";
    }

    /// <summary><paramref name="shift"/> units from <paramref name="anchor"/>, at the unit's granularity; null where the anchor is too coarse.</summary>
    internal static TimeValue? CountFrom(TimeValue anchor, TimeUnit unit, int shift)
    {
        var granularity = unit switch
        {
            TimeUnit.Day => TimeGranularity.Day,
            TimeUnit.Week => TimeGranularity.Week,
            TimeUnit.Month => TimeGranularity.Month,
            _ => TimeGranularity.Year,
        };
        return TryShift(new TimeValue { Type = TimexType.Date, Granularity = granularity }, anchor, unit, shift, out var result) ? result : null;
    }

    private static bool TryShift(TimeValue value, TimeValue anchor, TimeUnit unit, int shift, out TimeValue result)
    {
        result = value;
        switch (unit)
        {
            case TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second:
            {
                if (!anchor.TryGetDate(out var date) || anchor.Hour is not { } hour) return false;
                var moved = date.At(new LocalTime(hour, anchor.Minute ?? 0)).PlusHours(unit == TimeUnit.Hour ? shift : 0).PlusMinutes(unit == TimeUnit.Minute ? shift : 0);
                result = value.WithDate(moved.Date) with { Type = TimexType.Time, Hour = moved.Hour, Minute = moved.Minute, Granularity = TimeGranularity.Minute };
                return true;
            }
            case TimeUnit.Day:
            {
                if (!anchor.TryGetDate(out var date)) return false;
                var granularity = value.Granularity > TimeGranularity.Day ? value.Granularity : TimeGranularity.Day;
                result = value.WithDate(date.PlusDays(shift)) with { Granularity = granularity };
                return true;
            }
            case TimeUnit.Week:
            {
                int weekYear, week;
                if (anchor.TryGetDate(out var date))
                {
                    var moved = date.PlusWeeks(shift);
                    weekYear = WeekYearRules.Iso.GetWeekYear(moved);
                    week = WeekYearRules.Iso.GetWeekOfWeekYear(moved);
                }
                else if (anchor.Week is { } anchorWeek && anchor.Year is { } anchorYear)
                {
                    int iso = TimeValue.ToIsoYear(anchorYear);
                    if (anchorWeek < 1 || anchorWeek > WeekYearRules.Iso.GetWeeksInWeekYear(iso)) return false;
                    var moved = LocalDate.FromWeekYearWeekAndDay(iso, anchorWeek, IsoDayOfWeek.Monday).PlusWeeks(shift);
                    weekYear = WeekYearRules.Iso.GetWeekYear(moved);
                    week = WeekYearRules.Iso.GetWeekOfWeekYear(moved);
                }
                else return false;
                result = value with { Year = TimeValue.FromIsoYear(weekYear), Week = week, Month = null, Day = null, Granularity = TimeGranularity.Week };
                return true;
            }
            case TimeUnit.Month or TimeUnit.Quarter:
            {
                if (anchor.Year is not { } year || anchor.Month is not { } month) return false;
                int months = unit == TimeUnit.Quarter ? shift * 3 : shift;
                int index = TimeValue.ToIsoYear(year) * 12 + (month - 1) + months;
                int yearIndex = (int)Math.Floor(index / 12.0);
                int newYear = TimeValue.FromIsoYear(yearIndex);
                int newMonth = index - yearIndex * 12 + 1;
                if (unit == TimeUnit.Quarter)
                {
                    result = value with { Year = newYear, Quarter = (newMonth - 1) / 3 + 1, Granularity = TimeGranularity.Quarter };
                    return true;
                }
                var granularity = value.Day is not null ? TimeGranularity.Day : value.Granularity > TimeGranularity.Month ? value.Granularity : TimeGranularity.Month;
                result = value with { Year = newYear, Month = newMonth, Granularity = granularity };
                return true;
            }
            default:
            {
                if (anchor.Year is not { } year) return false;
                if (TryShiftBcPeriod(value, year, unit, shift, out result)) return true;
                int step = unit switch { TimeUnit.Decade => 10, TimeUnit.Century => 100, _ => 1 } * shift;
                int iso = TimeValue.ToIsoYear(year);
                // "the last decade" is a decade; "a decade ago" the year ten years back.
                if (unit == TimeUnit.Decade && value.Granularity == TimeGranularity.Decade) iso = iso - ((iso % 10) + 10) % 10;
                if (unit == TimeUnit.Century && value.Granularity == TimeGranularity.Century) iso = iso - ((iso % 100) + 100) % 100;
                result = value with { Year = TimeValue.FromIsoYear(iso + step) };
                return true;
            }
        }
    }

    /// <summary>Easter Sunday (Gregorian computus) or the fourth Thursday of November.</summary>
    private static LocalDate? MovableHoliday(Holiday holiday, int year)
    {
        if (year < 1583 || year > 9999) return null;
        if (holiday == Holiday.Thanksgiving)
        {
            var first = new LocalDate(year, 11, 1);
            int toThursday = ((int)IsoDayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7;
            return first.PlusDays(toThursday + 21);
        }
        if (holiday == Holiday.Election) return ElectionDay(year);
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new LocalDate(year, month, day);
    }

    /// <summary>A two-digit year in the century of the context, falling within 89 years before to 10 after it.</summary>
    private static int WithCentury(int twoDigits, int? context)
    {
        if (twoDigits >= 100) return twoDigits;
        int reference = context is > 0 ? context.Value : 1950;
        int year = reference / 100 * 100 + twoDigits;
        if (year > reference + 10) year -= 100;
        else if (year < reference - 89) year += 100;
        return year;
    }
}
