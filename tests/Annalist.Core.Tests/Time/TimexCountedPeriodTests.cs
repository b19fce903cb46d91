using Annalist.Core.Text;
using Annalist.Core.Time;

namespace Annalist.Core.Tests.Time;

/// <summary>
/// <see cref="TimexOptions.TimeMlCountedPeriods"/>: TimeML's readings of <c>N units later</c> and <c>the past year</c>,
/// and the readings a record keeps without it.
/// </summary>
public sealed class TimexCountedPeriodTests
{
    private static readonly TimexOptions TimeMlPeriods = new() { TimeMlCountedPeriods = true };

    private static IReadOnlyList<Timex> Recognize(string text, TimexOptions options, string? date = "1961-03-08") =>
        new TimexAnnotator(options).Recognize(text, new DocumentMetadata { Date = date }, null);

    private static string Covered(string text, Timex timex) => text[timex.Span.Start..timex.Span.End];

    [Theory]
    [InlineData("The envoy left for Lisbon, and three days later the cable arrived.", "three days", "P3D")]
    [InlineData("Two weeks later the committee met again.", "Two weeks", "P2W")]
    [InlineData("The ship sailed on 2 May and docked 11 days later.", "11 days", "P11D")]
    [InlineData("A few days later the border was closed.", "A few days", "PXD")]
    public void A_count_before_later_is_the_duration_alone(string text, string expression, string value)
    {
        var timexes = Recognize(text, TimeMlPeriods);
        var timex = Assert.Single(timexes, t => Covered(text, t).StartsWith(expression, StringComparison.Ordinal));
        Assert.Equal(expression, Covered(text, timex));
        Assert.Equal(TimexType.Duration, timex.Value.Type);
        Assert.Equal(value, timex.Value.ToTimex3());
        Assert.DoesNotContain(timexes, t => Covered(text, t).Contains("later", StringComparison.Ordinal));
    }

    [Fact]
    public void A_count_before_earlier_stays_a_date()
    {
        const string text = "Sales reached $4 million, against $3 million a year earlier.";
        var timex = Assert.Single(Recognize(text, TimeMlPeriods));
        Assert.Equal("a year earlier", Covered(text, timex));
        Assert.Equal(TimexType.Date, timex.Value.Type);
    }

    [Theory]
    [InlineData("Prices have doubled in the past year.", "the past year")]
    [InlineData("Exports fell sharply during the last year.", "the last year")]
    public void The_past_year_is_the_calendar_year_before_the_documents(string text, string expression)
    {
        var timex = Assert.Single(Recognize(text, TimeMlPeriods));
        Assert.Equal(expression, Covered(text, timex));
        Assert.Equal(TimexType.Date, timex.Value.Type);
        Assert.Equal("1960", timex.Value.ToTimex3());
    }

    [Fact]
    public void The_past_decade_stays_a_duration()
    {
        const string text = "The town has grown in the past decade.";
        var timex = Assert.Single(Recognize(text, TimeMlPeriods));
        Assert.Equal("P10Y", timex.Value.ToTimex3());
    }

    [Theory]
    [InlineData(false, TimexGuidelines.TimeMl)]
    [InlineData(true, TimexGuidelines.Timex2)]
    public void Without_the_TimeML_setting_later_is_a_date_counted_from_its_anchor(bool counted, TimexGuidelines guidelines)
    {
        const string text = "The treaty was signed on 4 April 1949, and three days later the cabinet resigned.";
        var options = new TimexOptions { TimeMlCountedPeriods = counted, Guidelines = guidelines };
        var timex = Assert.Single(Recognize(text, options, null), t => Covered(text, t).StartsWith("three", StringComparison.Ordinal));
        Assert.Equal("three days later", Covered(text, timex));
        Assert.Equal("1949-04-07", timex.Value.ToTimex3());
    }

    [Theory]
    [InlineData(false, TimexGuidelines.TimeMl)]
    [InlineData(true, TimexGuidelines.Timex2)]
    public void Without_the_TimeML_setting_the_past_year_is_twelve_months(bool counted, TimexGuidelines guidelines)
    {
        const string text = "Prices have doubled in the past year.";
        var timex = Assert.Single(Recognize(text, new TimexOptions { TimeMlCountedPeriods = counted, Guidelines = guidelines }));
        Assert.Equal("P1Y", timex.Value.ToTimex3());
    }
}
