using Annalist.Core.Syntax;
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
    [InlineData("A ruling came some 90 days after the appeal was filed.", "some 90 days", "P90D")]
    public void A_before_or_after_with_a_complement_is_a_signal_outside_a_duration(string text, string expression, string value)
    {
        var timex = Find(text, expression);
        Assert.Equal(TimexType.Duration, timex.Value.Type);
        Assert.Equal(value, timex.Value.ToTimex3());
    }

    [Theory]
    [InlineData("Floods this past weekend closed the road.", "this past weekend", "2004-W24-WE")]
    [InlineData("Floods the past weekend closed the road.", "the past weekend", "2004-W24-WE")]
    [InlineData("Prices fell this past week.", "this past week", "2004-W24")]
    [InlineData("Sales fell in the second half of last year.", "the second half of last year", "2003-H2")]
    [InlineData("Sales will rise in the first quarter of next year.", "the first quarter of next year", "2005-Q1")]
    [InlineData("The new line opens in the fall.", "the fall", "2004-FA")]
    public void A_news_period_is_one_expression_counted_from_the_writer(string text, string expression, string value) =>
        Assert.Equal(value, Find(text, expression).Value.ToTimex3());

    [Theory]
    [InlineData("The climber was badly hurt in the fall.")]
    [InlineData("Stocks rallied after the fall of the dollar.")]
    [InlineData("Investors watched the fall in prices during the fall of the regime.")]
    public void A_fall_that_is_no_season_stays_unmarked(string text) =>
        Assert.DoesNotContain(new TimexAnnotator(DocumentAnchored).Recognize(text, new DocumentMetadata { Date = "2004-06-16" }, null),
            t => text[t.Span.Start..t.Span.End].Contains("fall", StringComparison.Ordinal));

    [Fact]
    public void Some_before_a_count_is_an_approximation_inside_the_expression()
    {
        var timex = Find("The dam was built to last some 50 years.", "some 50 years");
        Assert.Equal("P50Y", timex.Value.ToTimex3());
        Assert.Equal("APPROX", timex.Value.ModifierName);
        Assert.Empty(new TimexAnnotator(DocumentAnchored).Recognize("Some 20 people were hurt.", new DocumentMetadata { Date = "2004-06-16" }, null));
    }

    [Fact]
    public void The_fiscal_year_that_ended_is_a_report_period() =>
        Assert.Equal("P1Y", Find("The fiscal year that ended in March was its best.", "The fiscal year").Value.ToTimex3());

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

    [Theory]
    [InlineData("The brewer posted a loss for the fourth quarter.", "the fourth quarter", "2003-Q4")]
    [InlineData("Output recovered in the second half, the ministry said.", "the second half", "2003-H2")]
    [InlineData("Exports rose in the first quarter.", "the first quarter", "2004-Q1")]
    [InlineData("The brewer will open a plant in the fourth quarter.", "the fourth quarter", "2004-Q4")]
    public void A_report_period_without_a_year_that_has_not_begun_is_last_years(string text, string expression, string value) =>
        Assert.Equal(value, Find(text, expression).Value.ToTimex3());

    [Theory]
    [InlineData("Prices fell in the first half of the year.", "the first half of the year", "2004-H1")]
    [InlineData("Sales may slow in the second quarter of this year.", "the second quarter of this year", "2004-Q2")]
    public void Of_the_year_belongs_to_a_quarter_or_half(string text, string expression, string value) =>
        Assert.Equal(value, Find(text, expression).Value.ToTimex3());

    [Theory]
    [InlineData("The/DT trial/NN opens/VBZ Monday/NNP ./.", "2004-06-21")]
    [InlineData("The/DT trial/NN opened/VBD Monday/NNP ./.", "2004-06-14")]
    [InlineData("Voters/NNS go/VBP to/TO the/DT polls/NNS Monday/NNP ./.", "2004-06-21")]
    public void A_weekday_in_a_present_tense_clause_is_one_to_come(string tagged, string value)
    {
        var text = new System.Text.StringBuilder();
        var tags = new List<PosTag>();
        foreach (string pair in tagged.Split(' '))
        {
            int slash = pair.LastIndexOf('/');
            if (text.Length > 0 && pair[0] != '.') text.Append(' ');
            int start = text.Length;
            text.Append(pair, 0, slash);
            tags.Add(new PosTag(new TextSpan(start, text.Length), "X", pair[(slash + 1)..]));
        }
        var timexes = new TimexAnnotator(DocumentAnchored).Recognize(text.ToString(), new DocumentMetadata { Date = "2004-06-16" }, null, tags);
        Assert.Equal(value, Assert.Single(timexes).Value.ToTimex3());
    }

    [Theory]
    [InlineData("The mine closed in August.", "August", "2003-08")]
    [InlineData("The accord was signed in July.", "July", "2003-07")]
    [InlineData("The accord will be signed in July.", "July", "2004-07")]
    [InlineData("The results are to be published in August.", "August", "2004-08")]
    public void A_month_just_after_a_past_verb_lies_before_the_report(string text, string expression, string value) =>
        Assert.Equal(value, Find(text, expression).Value.ToTimex3());

    [Theory]
    [InlineData("The markets were quiet over the weekend.", "the weekend", "2004-W24-WE")]
    [InlineData("The runoff is planned for this weekend.", "this weekend", "2004-W25-WE")]
    [InlineData("The shops will stay closed until Friday.", "Friday", "2004-06-18")]
    [InlineData("The shops stayed closed until Friday.", "Friday", "2004-06-11")]
    public void Weekends_and_weekdays_take_the_side_their_clause_speaks_of(string text, string expression, string value) =>
        Assert.Equal(value, Find(text, expression).Value.ToTimex3());

    [Theory]
    [InlineData("Sales slowed in the current quarter.", "the current quarter", "2004-Q2")]
    [InlineData("Costs will rise in the current fiscal year.", "the current fiscal year", "2004")]
    public void The_current_unit_is_the_one_the_document_date_lies_in(string text, string expression, string value) =>
        Assert.Equal(value, Find(text, expression).Value.ToTimex3());

    [Fact]
    public void The_current_account_is_no_time()
    {
        var timexes = new TimexAnnotator(DocumentAnchored).Recognize("The current account deficit widened.", new DocumentMetadata { Date = "2004-06-16" }, null);
        Assert.Empty(timexes);
    }

    [Theory]
    [InlineData("A ruling is expected the week of June 28.", "the week of June 28", "2004-W27")]
    [InlineData("Trading was thin the week of Jan. 3, 2005.", "the week of Jan. 3, 2005", "2005-W01")]
    public void The_week_of_a_day_is_that_days_week(string text, string expression, string value) =>
        Assert.Equal(value, Find(text, expression).Value.ToTimex3());
}
