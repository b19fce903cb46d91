using Annalist.Core.Text;
using Annalist.Core.Time;

namespace Annalist.Core.Tests.Time;

/// <summary>News reports against their date: days to come (deadlines put off, days intended), a year's quarter, positioned parts of days.</summary>
public sealed class TimexNewsReportTests
{
    private static readonly TimexOptions DocumentAnchored = new() { Anchoring = TimexAnchoring.Document };

    // 2004-06-16 is a Wednesday.
    private static string ValueOf(string text, string expression, string date = "2004-06-16")
    {
        var timexes = new TimexAnnotator(DocumentAnchored).Recognize(text, new DocumentMetadata { Date = date }, null);
        return timexes.Single(t => text[t.Span.Start..t.Span.End] == expression).Value.ToTimex3();
    }

    [Theory]
    [InlineData("The council postponed until Tuesday its vote on the harbour levy.", "Tuesday", "2004-06-22")]
    [InlineData("The ministry extended its deadline until 9 a.m. Friday.", "9 a.m. Friday", "2004-06-18T09:00")]
    [InlineData("The judge adjourned the hearing until Monday morning.", "Monday morning", "2004-06-21TMO")]
    [InlineData("The tenants have until Thursday to leave the building.", "Thursday", "2004-06-17")]
    public void A_day_a_deadline_is_put_off_to_lies_ahead(string text, string expression, string value) =>
        Assert.Equal(value, ValueOf(text, expression));

    [Theory]
    [InlineData("The ferry ran until Tuesday, when the storm closed the port.", "Tuesday", "2004-06-15")]
    [InlineData("The embassy had given the crew until Monday to leave.", "Monday", "2004-06-14")]
    public void Until_without_a_deferral_keeps_a_past_day(string text, string expression, string value) =>
        Assert.Equal(value, ValueOf(text, expression));

    [Theory]
    [InlineData("Growers were planning to block the bridge on Monday.", "Monday", "2004-06-21")]
    [InlineData("The union said it intends to strike Friday.", "Friday", "2004-06-18")]
    public void A_day_someone_intends_something_for_lies_ahead(string text, string expression, string value) =>
        Assert.Equal(value, ValueOf(text, expression));

    [Theory]
    [InlineData("The lenders extended the credit line through April.", "April", "2005-04")]
    [InlineData("The mill ran short shifts through April.", "April", "2004-04")]
    public void Through_after_a_deferral_runs_to_a_month_ahead(string text, string expression, string value) =>
        Assert.Equal(value, ValueOf(text, expression, "2004-11-16"));

    [Fact]
    public void An_ed_adjective_after_a_determiner_is_no_past_verb() =>
        Assert.Equal("2005-01", ValueOf("The bonus would be paid on a still unspecified date in January.", "January", "2004-10-20"));

    [Theory]
    [InlineData("Margins narrowed in this year's third quarter.", "this year's third quarter", "2004-Q3")]
    [InlineData("The plant may open in next year's first quarter.", "next year's first quarter", "2005-Q1")]
    [InlineData("Sales slipped in last year's second half.", "last year's second half", "2003-H2")]
    public void A_years_quarter_with_a_possessive_is_one_expression(string text, string expression, string value) =>
        Assert.Equal(value, ValueOf(text, expression));

    [Theory]
    [InlineData("Shares slipped at mid-afternoon yesterday.", "mid-afternoon yesterday", "2004-06-15TAF")]
    [InlineData("The strikers marched late morning Monday.", "late morning Monday", "2004-06-14TMO")]
    [InlineData("Bonds rallied in late afternoon trading.", "late afternoon", "2004-06-16TAF")]
    public void A_positioned_part_of_a_day_is_that_part_of_its_day(string text, string expression, string value) =>
        Assert.Equal(value, ValueOf(text, expression));

    [Theory]
    [InlineData("The clinic was burned last Oct. 23 by two men.", "last Oct. 23", "2003-10-23")]
    [InlineData("The clinic reopened last June 2 after repairs.", "last June 2", "2004-06-02")]
    [InlineData("The vote falls next Jan. 9 at the earliest.", "next Jan. 9", "2005-01-09")]
    public void A_day_after_last_or_next_and_a_month_is_that_day_of_the_months_nearest_year(string text, string expression, string value) =>
        Assert.Equal(value, ValueOf(text, expression));

    [Theory]
    [InlineData("The lender expects to finish the sale by year-end.", "year-end", "2004")]
    [InlineData("Shares have fallen since year-end.", "year-end", "2003")]
    public void Year_end_after_a_preposition_is_the_end_of_the_documents_year_or_the_last_one_past(string text, string expression, string value) =>
        Assert.Equal(value, ValueOf(text, expression));

    [Theory]
    [InlineData("The campaign will be a long one from now to Election Day.", "Election Day", "2004-11-02")]
    [InlineData("Truman won on Election Day 1948 against the polls.", "Election Day 1948", "1948-11-02")]
    [InlineData("Turnout on Election Day 2016 fell in the cities.", "Election Day 2016", "2016-11-08")]
    public void Election_day_is_the_tuesday_after_the_first_monday_in_november(string text, string expression, string value) =>
        Assert.Equal(value, ValueOf(text, expression));

    [Fact]
    public void An_election_day_written_lowercase_is_no_holiday()
    {
        const string text = "The polls on election day were quiet.";
        Assert.Empty(new TimexAnnotator(DocumentAnchored).Recognize(text, new DocumentMetadata { Date = "2004-06-16" }, null));
    }

    [Theory]
    [InlineData("The merger should close around year end.", "around year end")]
    [InlineData("The merger should close about year-end.", "about year-end")]
    public void Year_end_after_an_approximation_is_the_last_month_of_the_documents_year(string text, string expression)
    {
        var timexes = new TimexAnnotator(DocumentAnchored).Recognize(text, new DocumentMetadata { Date = "2004-06-16" }, null);
        var timex = timexes.Single(t => text[t.Span.Start..t.Span.End] == expression);
        Assert.Equal("2004-12", timex.Value.ToTimex3());
        Assert.Equal(TimeModifier.Approximate, timex.Value.Modifier);
    }
}
