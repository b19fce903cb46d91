using Annalist.Core.Text;
using Annalist.Core.Time;

namespace Annalist.Core.Tests.Time;

/// <summary>News conventions of the TimeML guidelines, anchored to the document's date.</summary>
public sealed class TimexNewsTests
{
    private static readonly TimexOptions DocumentAnchored = new() { Anchoring = TimexAnchoring.Document };

    private static Timex Find(string text, string expression, TimexOptions? options = null, string date = "2004-06-16")
    {
        var timexes = new TimexAnnotator(options ?? DocumentAnchored).Recognize(text, new DocumentMetadata { Date = date }, null);
        return timexes.Single(t => text[t.Span.Start..t.Span.End] == expression);
    }

    [Theory]
    [InlineData("The mill closed two years after the strike began.", "two years", "P2Y")]
    [InlineData("She returned home three weeks before he was released.", "three weeks", "P3W")]
    [InlineData("A ruling came some 90 days after the appeal was filed.", "90 days", "P90D")]
    public void A_before_or_after_with_a_complement_is_a_signal_outside_a_duration(string text, string expression, string value)
    {
        var timex = Find(text, expression);
        Assert.Equal(TimexType.Duration, timex.Value.Type);
        Assert.Equal(value, timex.Value.ToTimex3());
    }

    [Fact]
    public void A_before_or_after_closing_the_clause_stays_in_the_offset()
    {
        var timex = Find("The talks had collapsed two days before.", "two days before");
        Assert.Equal(TimexType.Date, timex.Value.Type);
    }

    [Theory]
    [InlineData("The rebels attacked the depot Monday night.", "Monday night", "2004-06-14TNI")]
    [InlineData("The minister flew out this morning.", "this morning", "2004-06-16TMO")]
    [InlineData("Crowds gathered again last night.", "last night", "2004-06-15TNI")]
    public void A_part_of_a_named_day_is_a_time_under_TimeMl(string text, string expression, string value)
    {
        var timex = Find(text, expression);
        Assert.Equal(value, timex.Value.ToTimex3());
        Assert.Equal(TimexType.Time, timex.Value.Type);
    }

    [Fact]
    public void A_weekend_stays_a_date()
    {
        var timex = Find("The markets were quiet over the weekend.", "the weekend");
        Assert.Equal(TimexType.Date, timex.Value.Type);
    }
}
