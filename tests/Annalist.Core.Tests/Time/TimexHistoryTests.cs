using Annalist.Core.Text;
using Annalist.Core.Time;

namespace Annalist.Core.Tests.Time;

/// <summary>Narrative anchoring in histories: what depends on the guidelines or on the document having a date.</summary>
public sealed class TimexHistoryTests
{
    private static IReadOnlyList<Timex> Run(string text, TimexOptions? options = null, string? date = null) =>
        new TimexAnnotator(options).Recognize(text, date is null ? null : new DocumentMetadata { Date = date });

    private static string Value(IReadOnlyList<Timex> timexes, string text, string expression) =>
        timexes.Single(t => text[t.Span.Start..t.Span.End] == expression).Value.ToTimex3();

    [Fact]
    public void An_offset_from_an_event_is_a_date_in_a_history_and_a_duration_under_a_dateline()
    {
        const string text = "The blockade began on 3 March 1861. Eight days after the blockade began, the ports closed.";
        Assert.Equal("1861-03-11", Value(Run(text), text, "Eight days"));
        Assert.Equal("P8D", Value(Run(text, date: "1861-05-01"), text, "Eight days"));
        Assert.Equal("1861-03-11", Value(Run(text, new TimexOptions { Guidelines = TimexGuidelines.Timex2 }, "1861-05-01"), text, "Eight days"));
    }

    [Fact]
    public void A_look_back_by_a_year_keeps_the_story_in_a_history_only()
    {
        const string text = "In May 1950 the army crossed the river. The previous year the harvest had failed. In June the army rested.";
        Assert.Equal("1950-06", Value(Run(text), text, "June"));
        Assert.Equal("1949", Value(Run(text), text, "The previous year"));
    }

    [Fact]
    public void Timex2_gives_at_this_time_the_present_and_at_that_time_the_story_point()
    {
        const string text = "In March 1921 the envoys left; at that time the roads were open, and at this time they are closed.";
        var timex2 = Run(text, new TimexOptions { Guidelines = TimexGuidelines.Timex2 });
        Assert.Equal("1921-03", Value(timex2, text, "that time"));
        Assert.Equal("PRESENT_REF", Value(timex2, text, "this time"));
        Assert.DoesNotContain(Run(text), t => text[t.Span.Start..t.Span.End] == "this time");
    }

    [Fact]
    public void Timex2_keeps_decades_and_centuries_as_their_own_units()
    {
        const string text = "In the past decade the city grew; over two centuries it had changed little.";
        Assert.Equal("P10Y", Value(Run(text), text, "the past decade"));
        var timex2 = Run(text, new TimexOptions { Guidelines = TimexGuidelines.Timex2 });
        Assert.Equal("P1DE", Value(timex2, text, "the past decade"));
        Assert.Equal("P2CE", Value(timex2, text, "two centuries"));
    }

    [Fact]
    public void Centuries_BC_count_on_BC_numbers()
    {
        const string text = "In the 9th century BC the city was founded; in 387 BC a treaty undid the gains of the previous century.";
        var timexes = Run(text);
        Assert.Equal("BC08", Value(timexes, text, "the 9th century BC"));
        Assert.Equal("BC04", Value(timexes, text, "the previous century"));
        var century = timexes.Single(t => text[t.Span.Start..t.Span.End] == "the 9th century BC");
        Assert.True(century.Value.TryGetInterval(out var earliest, out var latest));
        Assert.Equal(-899, earliest.Year);
        Assert.Equal(-800, latest.Year);
    }
}
