using Annalist.Core.Time;
using NodaTime;

namespace Annalist.Core.Tests.Time;

public sealed class TimeValueTests
{
    [Fact]
    public void A_full_date_renders_the_same_in_TIMEX3_and_EDTF()
    {
        var value = TimeValue.FromDate(1944, 1, 14);
        Assert.Equal("1944-01-14", value.ToTimex3());
        Assert.Equal("1944-01-14", value.ToEdtf());
        Assert.True(value.HasFullDate);
    }

    [Fact]
    public void A_time_renders_minutes_in_TIMEX3_and_seconds_in_EDTF()
    {
        var value = TimeValue.FromDate(1944, 2, 23) with { Type = TimexType.Time, Hour = 3, Minute = 0, Granularity = TimeGranularity.Minute };
        Assert.Equal("1944-02-23T03:00", value.ToTimex3());
        Assert.Equal("1944-02-23T03:00:00", value.ToEdtf());
    }

    [Fact]
    public void Unknown_components_render_as_X()
    {
        var value = new TimeValue { Type = TimexType.Date, Day = 14, Granularity = TimeGranularity.Day };
        Assert.Equal("XXXX-XX-14", value.ToTimex3());
        Assert.False(value.TryGetInterval(out _, out _));
    }

    [Fact]
    public void An_approximate_month_is_marked_with_a_tilde_in_EDTF()
    {
        var value = TimeValue.FromDate(1944, 1) with { Modifier = TimeModifier.Approximate };
        Assert.Equal("1944-01", value.ToTimex3());
        Assert.Equal("1944-01~", value.ToEdtf());
        Assert.Equal("APPROX", value.ModifierName);
    }

    [Fact]
    public void Seasons_use_TIMEX3_codes_and_EDTF_numbers()
    {
        var spring = new TimeValue { Type = TimexType.Date, Year = 1944, Season = 1, Granularity = TimeGranularity.Season };
        Assert.Equal("1944-SP", spring.ToTimex3());
        Assert.Equal("1944-21", spring.ToEdtf());
        Assert.True(spring.TryGetInterval(out var earliest, out var latest));
        Assert.Equal(new LocalDateTime(1944, 3, 1, 0, 0), earliest);
        Assert.Equal(new LocalDateTime(1944, 5, 31, 23, 59), latest);
    }

    [Fact]
    public void Decades_and_centuries_truncate_in_TIMEX3_and_use_X_in_EDTF()
    {
        var decade = new TimeValue { Type = TimexType.Date, Year = 1940, Granularity = TimeGranularity.Decade };
        var century = new TimeValue { Type = TimexType.Date, Year = 1900, Granularity = TimeGranularity.Century };
        Assert.Equal("194", decade.ToTimex3());
        Assert.Equal("194X", decade.ToEdtf());
        Assert.Equal("19", century.ToTimex3());
        Assert.Equal("19XX", century.ToEdtf());
        Assert.True(century.TryGetInterval(out var earliest, out var latest));
        Assert.Equal(1900, earliest.Year);
        Assert.Equal(1999, latest.Year);
    }

    [Fact]
    public void Early_late_and_mid_become_EDTF_intervals_over_a_third_of_the_period()
    {
        var early = TimeValue.FromDate(1944) with { Modifier = TimeModifier.Start };
        Assert.Equal("1944", early.ToTimex3());
        Assert.Equal("1944-01/1944-04", early.ToEdtf());
        var late = TimeValue.FromDate(1944, 9) with { Modifier = TimeModifier.End };
        Assert.True(late.TryGetInterval(out var earliest, out var latest));
        Assert.Equal(new LocalDate(1944, 9, 21), earliest.Date);
        Assert.Equal(new LocalDate(1944, 9, 30), latest.Date);
    }

    [Fact]
    public void BC_years_render_with_a_prefix_in_TIMEX3_and_astronomically_in_EDTF()
    {
        var value = TimeValue.FromDate(-44, 3, 15);
        Assert.Equal("BC0044-03-15", value.ToTimex3());
        Assert.Equal("-0043-03-15", value.ToEdtf());
        Assert.True(value.TryGetDate(out var date));
        Assert.Equal(-43, date.Year);
    }

    [Fact]
    public void Julian_dates_convert_to_Gregorian()
    {
        Assert.True(TimeValue.TryFromJulian(1917, 10, 25, out var gregorian));
        Assert.Equal(new LocalDate(1917, 11, 7), gregorian);
        Assert.True(TimeValue.TryFromJulian(1700, 2, 29, out var leap));
        Assert.Equal(new LocalDate(1700, 3, 11), leap);
        Assert.False(TimeValue.TryFromJulian(1917, 2, 30, out _));
    }

    [Fact]
    public void Impossible_dates_have_no_interval()
    {
        var value = TimeValue.FromDate(1943, 2, 29);
        Assert.False(value.HasFullDate);
        Assert.False(value.TryGetInterval(out _, out _));
    }

    [Theory]
    [InlineData(3.0, TimeUnit.Day, "P3D")]
    [InlineData(4.0, TimeUnit.Hour, "PT4H")]
    [InlineData(30.0, TimeUnit.Minute, "PT30M")]
    [InlineData(18.0, TimeUnit.Month, "P18M")]
    [InlineData(2.0, TimeUnit.Decade, "P20Y")]
    [InlineData(0.5, TimeUnit.Day, "PT12H")]
    [InlineData(0.5, TimeUnit.Year, "P6M")]
    [InlineData(null, TimeUnit.Year, "PXY")]
    [InlineData(null, TimeUnit.Decade, "PXDE")]
    public void Durations_render_as_ISO_periods(double? amount, TimeUnit unit, string expected)
    {
        var value = TimeValue.FromDuration(amount, unit);
        Assert.Equal(expected, value.ToTimex3());
        Assert.Null(value.ToEdtf());
    }

    [Fact]
    public void References_and_sets_render_as_TIMEX3_but_have_no_EDTF_or_interval()
    {
        Assert.Equal("PAST_REF", TimeValue.FromReference(TimeReference.Past).ToTimex3());
        Assert.Equal("PRESENT_REF", TimeValue.FromReference(TimeReference.Present).ToTimex3());
        var everyMonday = new TimeValue { Type = TimexType.Set, Weekday = 1, Granularity = TimeGranularity.Day };
        Assert.Equal("XXXX-WXX-1", everyMonday.ToTimex3());
        Assert.Null(everyMonday.ToEdtf());
        Assert.False(everyMonday.TryGetInterval(out _, out _));
        var twiceAYear = new TimeValue { Type = TimexType.Set, Amount = 1, Unit = TimeUnit.Year, Frequency = "2X" };
        Assert.Equal("P1Y", twiceAYear.ToTimex3());
    }

    [Fact]
    public void ISO_weeks_and_quarters_have_intervals()
    {
        var week = new TimeValue { Type = TimexType.Date, Year = 1945, Week = 20, Granularity = TimeGranularity.Week };
        Assert.Equal("1945-W20", week.ToTimex3());
        Assert.True(week.TryGetInterval(out var monday, out var sunday));
        Assert.Equal(IsoDayOfWeek.Monday, monday.DayOfWeek);
        Assert.Equal(6, Period.Between(monday.Date, sunday.Date, PeriodUnits.Days).Days);
        var quarter = new TimeValue { Type = TimexType.Date, Year = 1998, Quarter = 3, Granularity = TimeGranularity.Quarter };
        Assert.Equal("1998-Q3", quarter.ToTimex3());
        Assert.Equal("1998-35", quarter.ToEdtf());
    }
}
