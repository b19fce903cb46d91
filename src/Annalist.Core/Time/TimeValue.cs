using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Calendars;

namespace Annalist.Core.Time;

/// <summary>The four TIMEX3 types.</summary>
public enum TimexType : byte
{
    Date,
    Time,
    Duration,
    Set,
}

/// <summary>The finest unit a point value states, from coarse to fine.</summary>
public enum TimeGranularity : byte
{
    Century,
    Decade,
    Year,
    Half,
    Season,
    Quarter,
    Month,
    Week,
    Day,
    PartOfDay,
    Hour,
    Minute,
}

/// <summary>A vague reference in place of a point (<c>now</c>, <c>recently</c>, <c>in the future</c>).</summary>
public enum TimeReference : byte
{
    None,
    Past,
    Present,
    Future,
}

/// <summary>TIMEX3 <c>mod</c> values.</summary>
public enum TimeModifier : byte
{
    None,
    Approximate,
    Start,
    Mid,
    End,
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
}

/// <summary>The calendar a date was written in. Values are always stored on the proleptic Gregorian calendar.</summary>
public enum WrittenCalendar : byte
{
    Gregorian,
    /// <summary>Written Old Style (Julian) and converted.</summary>
    Julian,
    /// <summary>Written in both styles (<c>25 October (7 November) 1917</c>); the Gregorian one is kept.</summary>
    Dual,
}

/// <summary>Units of a duration or of a set's period.</summary>
public enum TimeUnit : byte
{
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Year,
    Decade,
    Century,
}

/// <summary>
/// A normalized temporal value: a (possibly partial) point on the proleptic Gregorian calendar, a vague
/// reference, a duration or a set. Immutable. Years are historical: 1 is AD 1, -44 is 44 BC, and there is no
/// year 0. Unknown components are null and render as <c>X</c>. Renders as TIMEX3 (<see cref="ToTimex3"/>)
/// and EDTF (<see cref="ToEdtf"/>), and gives the earliest and latest instant it can denote.
/// </summary>
public sealed record TimeValue
{
    /// <summary>The TIMEX3 type.</summary>
    public TimexType Type { get; init; }

    public TimeReference Reference { get; init; }

    /// <summary>Historical year (negative for BC); for a century or decade, its first year (1900, 1940).</summary>
    public int? Year { get; init; }

    public int? Month { get; init; }

    public int? Day { get; init; }

    /// <summary>ISO week number, for <c>the following week</c>.</summary>
    public int? Week { get; init; }

    /// <summary>ISO day of week, 1 (Monday) to 7, when stated without a full date.</summary>
    public int? Weekday { get; init; }

    /// <summary>1 spring, 2 summer, 3 autumn, 4 winter.</summary>
    public int? Season { get; init; }

    public int? Quarter { get; init; }

    /// <summary>1 or 2: the first or second half of the year.</summary>
    public int? Half { get; init; }

    /// <summary>MO, AF, EV, NI or DT (daytime).</summary>
    public string? PartOfDay { get; init; }

    public int? Hour { get; init; }

    public int? Minute { get; init; }

    /// <summary>The finest unit stated, for points.</summary>
    public TimeGranularity Granularity { get; init; }

    /// <summary>For durations and sets: how many units (null: unspecified, rendered X).</summary>
    public double? Amount { get; init; }

    /// <summary>For durations and sets: the unit.</summary>
    public TimeUnit Unit { get; init; }

    /// <summary>
    /// Written as the TIMEX2 guidelines write it: a set as the pattern of its unit (<c>daily</c> → <c>XXXX-XX-XX</c>,
    /// <c>weekly</c> → <c>XXXX-WXX</c>); a duration of decades or centuries in its own unit (<c>the past decade</c> →
    /// <c>P1DE</c>, <c>two centuries</c> → <c>P2CE</c>) rather than in years.
    /// </summary>
    public bool UnitPattern { get; init; }

    /// <summary>For a set: TIMEX3 <c>freq</c> such as <c>2X</c>, or null.</summary>
    public string? Frequency { get; init; }

    /// <summary>For a set: TIMEX3 <c>quant</c> such as <c>EVERY</c>, or null.</summary>
    public string? Quantifier { get; init; }

    public TimeModifier Modifier { get; init; }

    public WrittenCalendar Calendar { get; init; }

    /// <summary>True when the value is a guess the text marks as uncertain (EDTF <c>?</c>).</summary>
    public bool Uncertain { get; init; }

    public static TimeValue FromReference(TimeReference reference) => new() { Type = TimexType.Date, Reference = reference };

    public static TimeValue FromDate(int? year, int? month = null, int? day = null)
    {
        var granularity = day is not null ? TimeGranularity.Day : month is not null ? TimeGranularity.Month : TimeGranularity.Year;
        return new TimeValue { Type = TimexType.Date, Year = year, Month = month, Day = day, Granularity = granularity };
    }

    public static TimeValue FromDuration(double? amount, TimeUnit unit) => new() { Type = TimexType.Duration, Amount = amount, Unit = unit };

    /// <summary>True when the year, month and day are all known and form a real date.</summary>
    public bool HasFullDate => Year is not null && Month is not null && Day is not null && TryGetDate(out _);

    /// <summary>True for points (dates and times) rather than durations, sets or references.</summary>
    public bool IsPoint => Reference == TimeReference.None && Type is TimexType.Date or TimexType.Time;

    /// <summary>The stated date as a Gregorian <see cref="LocalDate"/>, when year, month and day are known.</summary>
    public bool TryGetDate(out LocalDate date)
    {
        date = default;
        if (Year is not { } year || Month is not { } month || Day is not { } day) return false;
        int iso = ToIsoYear(year);
        if (iso < -9998 || iso > 9999 || month < 1 || month > 12 || day < 1) return false;
        if (day > CalendarSystem.Iso.GetDaysInMonth(iso, month)) return false;
        date = new LocalDate(iso, month, day);
        return true;
    }

    /// <summary>The same value with the date moved to <paramref name="date"/> (Gregorian), keeping time fields.</summary>
    public TimeValue WithDate(LocalDate date) => this with { Year = FromIsoYear(date.Year), Month = date.Month, Day = date.Day, Week = null, Weekday = null };

    /// <summary>Astronomical year numbering as NodaTime's ISO calendar uses it: 1 BC is 0.</summary>
    public static int ToIsoYear(int historicalYear) => historicalYear < 0 ? historicalYear + 1 : historicalYear;

    public static int FromIsoYear(int isoYear) => isoYear <= 0 ? isoYear - 1 : isoYear;

    /// <summary>
    /// Converts a Julian (Old Style) date to this Gregorian value; false when the date does not exist on
    /// the Julian calendar.
    /// </summary>
    public static bool TryFromJulian(int year, int month, int day, out LocalDate gregorian)
    {
        gregorian = default;
        int iso = ToIsoYear(year);
        if (iso < -9997 || iso > 9998 || month < 1 || month > 12 || day < 1) return false;
        if (day > CalendarSystem.Julian.GetDaysInMonth(iso, month)) return false;
        gregorian = new LocalDate(iso, month, day, CalendarSystem.Julian).WithCalendar(CalendarSystem.Iso);
        return true;
    }

    /// <summary>The TIMEX3 <c>value</c> attribute.</summary>
    public string ToTimex3()
    {
        if (Reference != TimeReference.None)
        {
            return Reference switch
            {
                TimeReference.Past => "PAST_REF",
                TimeReference.Present => "PRESENT_REF",
                _ => "FUTURE_REF",
            };
        }
        var builder = new StringBuilder(24);
        switch (Type)
        {
            case TimexType.Duration when UnitPattern && Unit is TimeUnit.Decade or TimeUnit.Century && Amount is { } periods && periods == Math.Floor(periods):
                builder.Append('P').Append(periods.ToString("0", CultureInfo.InvariantCulture)).Append(Unit == TimeUnit.Decade ? "DE" : "CE");
                break;
            case TimexType.Duration:
                AppendPeriod(builder, Amount, Unit);
                break;
            case TimexType.Set when UnitPattern:
                builder.Append(Unit switch
                {
                    TimeUnit.Hour => "XXXX-XX-XXTXX",
                    TimeUnit.Day => "XXXX-XX-XX",
                    TimeUnit.Week => "XXXX-WXX",
                    TimeUnit.Month => "XXXX-XX",
                    _ => "XXXX",
                });
                break;
            case TimexType.Set when Year is null && Month is null && Day is null && Weekday is null && PartOfDay is null && Hour is null:
                AppendPeriod(builder, Amount ?? 1, Unit);
                break;
            default:
                AppendPoint(builder, timex: true);
                break;
        }
        return builder.ToString();
    }

    /// <summary>
    /// The Extended Date/Time Format (ISO 8601-2) rendering: <c>1944-01-07</c>, <c>1944-01~</c>, <c>1944-21</c>
    /// (spring), <c>194X</c>, <c>1944-01/1944-04</c> (early 1944). Null for durations, sets and references,
    /// which EDTF cannot state as a date.
    /// </summary>
    public string? ToEdtf()
    {
        if (!IsPoint || Year is null && Month is null && Day is null) return null;
        if (Modifier is TimeModifier.Start or TimeModifier.Mid or TimeModifier.End && TryGetInterval(out var first, out var last))
            return Edtf(first, Granularity) + "/" + Edtf(last, Granularity);
        var builder = new StringBuilder(24);
        AppendPoint(builder, timex: false);
        if (Modifier == TimeModifier.Approximate) builder.Append(Uncertain ? '%' : '~');
        else if (Uncertain) builder.Append('?');
        return builder.ToString();
    }

    /// <summary>
    /// The first and last instant (to the minute) the value can denote, on the proleptic Gregorian
    /// calendar: <c>1944</c> gives 1944-01-01T00:00 and 1944-12-31T23:59. False when the year is unknown
    /// or the value is no point.
    /// </summary>
    public bool TryGetInterval(out LocalDateTime earliest, out LocalDateTime latest)
    {
        earliest = latest = default;
        if (!IsPoint || Year is not { } year) return false;
        int iso = ToIsoYear(year);
        if (iso < -9990 || iso > 9990) return false;
        LocalDate from, to;
        switch (Granularity)
        {
            case TimeGranularity.Century:
                from = new LocalDate(iso, 1, 1);
                to = new LocalDate(Math.Min(iso + 99, 9990), 12, 31);
                break;
            case TimeGranularity.Decade when year < 0:
                // The 480s BC (stored as 480 BC) run from 489 BC to 480 BC.
                from = new LocalDate(iso - 9, 1, 1);
                to = new LocalDate(iso, 12, 31);
                break;
            case TimeGranularity.Decade:
                from = new LocalDate(iso, 1, 1);
                to = new LocalDate(iso + 9, 12, 31);
                break;
            case TimeGranularity.Season when Season is { } season:
                (from, to) = SeasonBounds(iso, season);
                break;
            case TimeGranularity.Quarter when Quarter is { } quarter and >= 1 and <= 4:
                from = new LocalDate(iso, quarter * 3 - 2, 1);
                to = new LocalDate(iso, quarter * 3, 1).PlusMonths(1).PlusDays(-1);
                break;
            case TimeGranularity.Half when Half is { } half and (1 or 2):
                from = new LocalDate(iso, half * 6 - 5, 1);
                to = new LocalDate(iso, half * 6, 1).PlusMonths(1).PlusDays(-1);
                break;
            case TimeGranularity.Week when Week is { } week:
                if (week < 1 || week > WeekYearRules.Iso.GetWeeksInWeekYear(iso)) return false;
                from = LocalDate.FromWeekYearWeekAndDay(iso, week, IsoDayOfWeek.Monday);
                to = from.PlusDays(6);
                break;
            default:
                if (Month is not { } month)
                {
                    from = new LocalDate(iso, 1, 1);
                    to = new LocalDate(iso, 12, 31);
                }
                else if (Day is null)
                {
                    if (month < 1 || month > 12) return false;
                    from = new LocalDate(iso, month, 1);
                    to = from.PlusMonths(1).PlusDays(-1);
                }
                else if (TryGetDate(out var date))
                {
                    from = to = date;
                }
                else return false;
                break;
        }
        if (Modifier is TimeModifier.Start or TimeModifier.Mid or TimeModifier.End && Granularity == TimeGranularity.Year && Month is null)
        {
            // Early 1944 is January to April, mid-1944 May to August, late 1944 September to December.
            int firstMonth = Modifier switch { TimeModifier.Start => 1, TimeModifier.Mid => 5, _ => 9 };
            from = new LocalDate(iso, firstMonth, 1);
            to = from.PlusMonths(4).PlusDays(-1);
        }
        else if (Modifier is TimeModifier.Start or TimeModifier.Mid or TimeModifier.End && Granularity == TimeGranularity.Month && Day is null)
        {
            // Early, mid and late month: days 1–10, 11–20, 21 to the end.
            (from, to) = Modifier switch
            {
                TimeModifier.Start => (from, from.PlusDays(9)),
                TimeModifier.Mid => (from.PlusDays(10), from.PlusDays(19)),
                _ => (from.PlusDays(20), to),
            };
        }
        else if (Modifier is TimeModifier.Start or TimeModifier.Mid or TimeModifier.End)
        {
            int days = Period.Between(from, to, PeriodUnits.Days).Days + 1;
            int third = Math.Max(1, days / 3);
            (from, to) = Modifier switch
            {
                TimeModifier.Start => (from, from.PlusDays(third - 1)),
                TimeModifier.Mid => (from.PlusDays(third), to.PlusDays(-third)),
                _ => (to.PlusDays(1 - third), to),
            };
        }
        LocalTime start = LocalTime.Midnight, end = new LocalTime(23, 59);
        if (Day is not null && Granularity >= TimeGranularity.PartOfDay)
        {
            if (Hour is { } hour and >= 0 and <= 23)
            {
                start = new LocalTime(hour, Minute ?? 0);
                end = new LocalTime(hour, Minute ?? 59);
            }
            else if (PartOfDay is { } part)
            {
                (start, end) = part switch
                {
                    "MO" => (new LocalTime(6, 0), new LocalTime(11, 59)),
                    "AF" => (new LocalTime(12, 0), new LocalTime(17, 59)),
                    "EV" => (new LocalTime(18, 0), new LocalTime(21, 59)),
                    "NI" => (new LocalTime(21, 0), new LocalTime(23, 59)),
                    _ => (new LocalTime(6, 0), new LocalTime(17, 59)),
                };
            }
        }
        earliest = from.At(start);
        latest = to.At(end);
        return true;
    }

    private static (LocalDate From, LocalDate To) SeasonBounds(int isoYear, int season) => season switch
    {
        1 => (new LocalDate(isoYear, 3, 1), new LocalDate(isoYear, 5, 31)),
        2 => (new LocalDate(isoYear, 6, 1), new LocalDate(isoYear, 8, 31)),
        3 => (new LocalDate(isoYear, 9, 1), new LocalDate(isoYear, 11, 30)),
        _ => (new LocalDate(isoYear - 1, 12, 1), new LocalDate(isoYear, 3, 1).PlusDays(-1)),
    };

    private static string Edtf(LocalDateTime value, TimeGranularity granularity)
    {
        var builder = new StringBuilder(20);
        AppendEdtfYear(builder, value.Year);
        if (granularity >= TimeGranularity.Month || granularity == TimeGranularity.Year || granularity == TimeGranularity.Season)
            builder.Append('-').Append(Two(value.Month));
        if (granularity >= TimeGranularity.Month) builder.Append('-').Append(Two(value.Day));
        return builder.ToString();
    }

    private static void AppendEdtfYear(StringBuilder builder, int isoYear)
    {
        if (isoYear < 0) builder.Append('-');
        builder.Append(Math.Abs(isoYear).ToString("D4", CultureInfo.InvariantCulture));
    }

    private void AppendPoint(StringBuilder builder, bool timex)
    {
        bool weekdayOnly = Weekday is not null && Day is null;
        if (Year is not { } year)
        {
            builder.Append("XXXX");
        }
        else if (timex)
        {
            if (year < 0) builder.Append("BC");
            // The fourth century BC (400-301 BC) is BC03, as the nineteenth (1801-1900) is 18: the digits most of its years begin with.
            int shown = year < 0 && Granularity == TimeGranularity.Century ? Math.Abs(year) - 1 : Math.Abs(year);
            string digits = shown.ToString("D4", CultureInfo.InvariantCulture);
            builder.Append(Granularity switch
            {
                TimeGranularity.Century => digits[..2],
                TimeGranularity.Decade => digits[..3],
                _ => digits,
            });
        }
        else
        {
            int iso = ToIsoYear(year);
            string digits = Math.Abs(iso).ToString("D4", CultureInfo.InvariantCulture);
            if (iso < 0) builder.Append('-');
            builder.Append(Granularity switch
            {
                TimeGranularity.Century => digits[..2] + "XX",
                TimeGranularity.Decade => digits[..3] + "X",
                _ => digits,
            });
        }
        if (Granularity is TimeGranularity.Century or TimeGranularity.Decade) return;
        if (Granularity == TimeGranularity.Season && Season is { } season)
        {
            builder.Append('-').Append(timex ? SeasonCode(season) : (20 + season).ToString(CultureInfo.InvariantCulture));
            return;
        }
        if (Granularity == TimeGranularity.Half && Half is { } half)
        {
            builder.Append('-').Append(timex ? "H" + half : (39 + half).ToString(CultureInfo.InvariantCulture));
            return;
        }
        if (Granularity == TimeGranularity.Quarter && Quarter is { } quarter)
        {
            builder.Append('-').Append(timex ? "Q" + quarter : (32 + quarter).ToString(CultureInfo.InvariantCulture));
            return;
        }
        if (Week is { } week && Day is null)
        {
            builder.Append("-W").Append(Two(week));
            if (Weekday is { } wd) builder.Append('-').Append(wd);
            else if (PartOfDay == "WE") builder.Append("-WE");
            return;
        }
        if (Granularity == TimeGranularity.Week && Week is null && Day is null)
        {
            builder.Append("-WXX");
            return;
        }
        if (weekdayOnly)
        {
            if (!timex) return;
            builder.Append("-WXX-").Append(Weekday);
            if (Hour is { } weekdayHour) builder.Append('T').Append(Two(weekdayHour)).Append(':').Append(Two(Minute ?? 0));
            else if (PartOfDay is { } weekdayPart) builder.Append('T').Append(weekdayPart);
            return;
        }
        if (Granularity == TimeGranularity.Year && Month is null) return;
        builder.Append('-').Append(Month is { } month ? Two(month) : "XX");
        if (Granularity == TimeGranularity.Month && Day is null) return;
        builder.Append('-').Append(Day is { } day ? Two(day) : "XX");
        if (Hour is { } hour)
        {
            builder.Append('T').Append(Two(hour)).Append(':').Append(Two(Minute ?? 0));
            if (!timex) builder.Append(":00");
        }
        else if (PartOfDay is { } part && timex)
        {
            builder.Append('T').Append(part);
        }
    }

    private static string SeasonCode(int season) => season switch { 1 => "SP", 2 => "SU", 3 => "FA", _ => "WI" };

    private static string Two(int value) => value.ToString("D2", CultureInfo.InvariantCulture);

    private static void AppendPeriod(StringBuilder builder, double? amount, TimeUnit unit)
    {
        if (amount is { } fraction && fraction != Math.Floor(fraction))
        {
            // Half a day is PT12H, half a year P6M: TIMEX3 values prefer whole numbers of a smaller unit.
            (double factor, TimeUnit smaller) = unit switch
            {
                TimeUnit.Day => (24.0, TimeUnit.Hour),
                TimeUnit.Hour => (60.0, TimeUnit.Minute),
                TimeUnit.Minute => (60.0, TimeUnit.Second),
                TimeUnit.Year => (12.0, TimeUnit.Month),
                TimeUnit.Week => (7.0, TimeUnit.Day),
                TimeUnit.Decade => (10.0, TimeUnit.Year),
                TimeUnit.Century => (100.0, TimeUnit.Year),
                _ => (1.0, unit),
            };
            double whole = Math.Floor(fraction), rest = (fraction - whole) * factor;
            if (whole >= 1 && rest == Math.Floor(rest) && unit is TimeUnit.Year or TimeUnit.Day or TimeUnit.Hour or TimeUnit.Minute)
            {
                // Five and a half hours is PT5H30M; two and a half days P2DT12H.
                AppendPeriod(builder, whole, unit);
                if (smaller is TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second && unit is TimeUnit.Day) builder.Append('T');
                builder.Append(rest.ToString("0", CultureInfo.InvariantCulture)).Append(smaller switch
                {
                    TimeUnit.Month => 'M',
                    TimeUnit.Hour => 'H',
                    TimeUnit.Minute => 'M',
                    _ => 'S',
                });
                return;
            }
            if (smaller != unit && fraction * factor == Math.Floor(fraction * factor))
            {
                AppendPeriod(builder, fraction * factor, smaller);
                return;
            }
        }
        builder.Append('P');
        if (unit is TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second) builder.Append('T');
        double? scaled = amount;
        string letter;
        switch (unit)
        {
            case TimeUnit.Second: letter = "S"; break;
            case TimeUnit.Minute: letter = "M"; break;
            case TimeUnit.Hour: letter = "H"; break;
            case TimeUnit.Day: letter = "D"; break;
            case TimeUnit.Week: letter = "W"; break;
            case TimeUnit.Month: letter = "M"; break;
            case TimeUnit.Season: letter = "M"; scaled = amount * 3; break;
            case TimeUnit.Quarter: letter = "Q"; break;
            case TimeUnit.Decade: letter = amount is null ? "DE" : "Y"; scaled = amount * 10; break;
            case TimeUnit.Century: letter = amount is null ? "CE" : "Y"; scaled = amount * 100; break;
            default: letter = "Y"; break;
        }
        if (scaled is { } value) builder.Append(value.ToString("0.##", CultureInfo.InvariantCulture));
        else builder.Append('X');
        builder.Append(letter);
    }

    /// <summary>The TIMEX3 <c>mod</c> attribute, or null.</summary>
    public string? ModifierName => Modifier switch
    {
        TimeModifier.None => null,
        TimeModifier.Approximate => "APPROX",
        TimeModifier.Start => "START",
        TimeModifier.Mid => "MID",
        TimeModifier.End => "END",
        TimeModifier.Before => "BEFORE",
        TimeModifier.After => "AFTER",
        TimeModifier.OnOrBefore => "ON_OR_BEFORE",
        TimeModifier.OnOrAfter => "ON_OR_AFTER",
        TimeModifier.LessThan => "LESS_THAN",
        TimeModifier.MoreThan => "MORE_THAN",
        TimeModifier.EqualOrLess => "EQUAL_OR_LESS",
        _ => "EQUAL_OR_MORE",
    };

    public override string ToString() => ToTimex3();
}
