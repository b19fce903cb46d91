using Annalist.Web.Corpus;

namespace Annalist.Web.Tests.Corpus;

public sealed class IsoRangeTests
{
    [Theory]
    [InlineData("1956", "1956-01-01T00:00", "1956-12-31T23:59")]
    [InlineData("1956-02", "1956-02-01T00:00", "1956-02-29T23:59")]
    [InlineData("1957-02", "1957-02-01T00:00", "1957-02-28T23:59")]
    [InlineData("1944-01-07", "1944-01-07T00:00", "1944-01-07T23:59")]
    [InlineData("1944-01-07T15:30", "1944-01-07T00:00", "1944-01-07T23:59")]
    public void A_calendar_value_denotes_its_whole_year_month_or_day(string value, string earliest, string latest)
    {
        Assert.True(IsoRange.TryParse(value, out string from, out string to));
        Assert.Equal(earliest, from);
        Assert.Equal(latest, to);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("PRESENT_REF")]
    [InlineData("P1M")]
    [InlineData("1956-SU")]
    [InlineData("1956-13")]
    [InlineData("1957-02-29")]
    [InlineData("last week")]
    public void Anything_else_has_no_range(string? value)
    {
        Assert.False(IsoRange.TryParse(value, out _, out _));
    }
}
