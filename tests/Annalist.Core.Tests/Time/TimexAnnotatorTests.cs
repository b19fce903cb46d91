using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Core.Time;
using FsCheck.Xunit;
using NodaTime;

namespace Annalist.Core.Tests.Time;

public sealed class TimexAnnotatorTests
{
    private static IReadOnlyList<Timex> Run(string text, TimexOptions? options = null, string? date = null, List<Diagnostic>? diagnostics = null) =>
        new TimexAnnotator(options).Recognize(text, date is null ? null : new DocumentMetadata { Date = date }, diagnostics);

    private static string Value(IReadOnlyList<Timex> timexes, string text, string expression) =>
        timexes.Single(t => text[t.Span.Start..t.Span.End] == expression).Value.ToTimex3();

    [Fact]
    public void Document_anchoring_resolves_deictic_words_from_the_document_date()
    {
        const string text = "The minister said yesterday that last year was hard and that talks resume next week.";
        var timexes = Run(text, new TimexOptions { Anchoring = TimexAnchoring.Document }, "1956-03-14");
        Assert.Equal("1956-03-13", Value(timexes, text, "yesterday"));
        Assert.Equal("1955", Value(timexes, text, "last year"));
        Assert.Equal("1956-W12", Value(timexes, text, "next week"));
        Assert.All(timexes, t => Assert.Equal(TimexAnchorSource.Document, t.AnchorSource));
        Assert.All(timexes, t => Assert.Null(t.Anchor));
    }

    [Theory]
    [InlineData("Talks are set to resume Monday in Geneva.", "Monday", "1956-03-19")]
    [InlineData("The envoy is to meet the king Monday.", "Monday", "1956-03-19")]
    [InlineData("The boy could leave as early as Monday, his father said.", "Monday", "1956-03-19")]
    [InlineData("The offer had been scheduled to expire Monday.", "Monday", "1956-03-12")]
    [InlineData("The vote went ahead as previously planned Monday.", "Monday", "1956-03-12")]
    [InlineData("The talks will open at 9 a.m. EST Monday.", "9 a.m. EST Monday", "1956-03-19T09:00")]
    public void A_weekday_takes_the_side_of_the_document_date_its_clause_speaks_of(string text, string weekday, string expected)
    {
        var timexes = Run(text, new TimexOptions { Anchoring = TimexAnchoring.Document }, "1956-03-14");
        Assert.Equal(expected, Value(timexes, text, weekday));
    }

    [Fact]
    public void An_anaphor_refers_back_to_the_story_even_when_the_document_date_anchors()
    {
        const string text = "He fled to Lisbon in June 1961 and returned later that year; the following year he was arrested. Last year he died.";
        var timexes = Run(text, new TimexOptions { Anchoring = TimexAnchoring.Document }, "1975-05-02");
        Assert.Equal("1961", Value(timexes, text, "later that year"));
        Assert.Equal("1962", Value(timexes, text, "the following year"));
        Assert.Equal("1974", Value(timexes, text, "Last year"));
    }

    [Fact]
    public void A_bare_number_far_from_the_document_date_is_no_year()
    {
        const string text = "Reporting Secto 1288 of May 3 and Paris 2016, the consul said the 1955 harvest and that of 1846 were poor.";
        var timexes = Run(text, new TimexOptions { Anchoring = TimexAnchoring.Document }, "1956-05-04");
        var written = timexes.Select(t => text[t.Span.Start..t.Span.End]).ToList();
        Assert.DoesNotContain("1288", written);
        Assert.DoesNotContain("2016", written);
        Assert.Equal("1955", Value(timexes, text, "1955"));
        Assert.Equal("1846", Value(timexes, text, "1846"));
        Assert.Equal("1956-05-03", Value(timexes, text, "May 3"));
    }

    [Fact]
    public void A_holiday_without_a_year_is_the_one_nearest_the_document_date()
    {
        const string text = "The refugees landed on Thanksgiving Day, and the family will gather again at Easter.";
        var timexes = Run(text, new TimexOptions { Anchoring = TimexAnchoring.Document }, "1962-01-12");
        Assert.Equal("1961-11-23", Value(timexes, text, "Thanksgiving Day"));
        Assert.Equal("1962-04-22", Value(timexes, text, "Easter"));
    }

    [Fact]
    public void A_month_in_a_clause_about_the_future_lies_after_the_document_date()
    {
        const string text = "The dividend is payable Feb. 1. The board met in August. The envoy will arrive in March.";
        var timexes = Run(text, new TimexOptions { Anchoring = TimexAnchoring.Document }, "1971-11-20");
        Assert.Equal("1972-02-01", Value(timexes, text, "Feb. 1"));
        Assert.Equal("1971-08", Value(timexes, text, "August"));
        Assert.Equal("1972-03", Value(timexes, text, "March"));
    }

    [Fact]
    public void A_past_verb_nearer_the_weekday_outweighs_an_earlier_future_cue()
    {
        const string text = "The ministers would appeal the ruling announced Tuesday. The results will be announced Friday.";
        var timexes = Run(text, new TimexOptions { Anchoring = TimexAnchoring.Document }, "1983-06-16");
        Assert.Equal("1983-06-14", Value(timexes, text, "Tuesday"));
        Assert.Equal("1983-06-17", Value(timexes, text, "Friday"));
    }

    [Fact]
    public void The_quarter_of_a_report_is_the_last_one_mentioned_else_the_one_before_the_document_date()
    {
        const string text = "Sales rose in the latest quarter. The company had lost money a year ago.";
        var timexes = Run(text, new TimexOptions { Anchoring = TimexAnchoring.Document }, "1962-10-20");
        Assert.Equal("1962-Q3", Value(timexes, text, "the latest quarter"));
        Assert.Equal("1961-Q3", Value(timexes, text, "a year ago"));

        const string named = "Profit fell in the second quarter. For the quarter, sales were flat; in the year-earlier period they grew.";
        timexes = Run(named, new TimexOptions { Anchoring = TimexAnchoring.Document }, "1962-10-20");
        Assert.Equal("1962-Q2", Value(timexes, named, "the quarter"));
        Assert.Equal("1961-Q2", Value(timexes, named, "the year-earlier period"));
    }

    [Fact]
    public void Timex2_guidelines_mark_temporal_adjectives_and_anaphors_that_TimeML_leaves_out()
    {
        const string text = "In March 1921 the former minister met recent arrivals and current staff; at that time, future talks at night were planned.";
        var timeMl = Run(text);
        Assert.DoesNotContain(timeMl, t => text[t.Span.Start..t.Span.End] is "former" or "recent" or "current" or "future" or "that time" or "night");

        var timex2 = Run(text, new TimexOptions { Guidelines = TimexGuidelines.Timex2 });
        Assert.Equal("PAST_REF", Value(timex2, text, "former"));
        Assert.Equal("PAST_REF", Value(timex2, text, "recent"));
        Assert.Equal("PRESENT_REF", Value(timex2, text, "current"));
        Assert.Equal("FUTURE_REF", Value(timex2, text, "future"));
        Assert.Equal("1921-03", Value(timex2, text, "that time"));
        Assert.Equal("XXXX-XX-XXTNI", Value(timex2, text, "night"));
        Assert.Equal(timex2.Single(t => text[t.Span.Start..t.Span.End] == "March 1921").Span.Start, timex2.Single(t => text[t.Span.Start..t.Span.End] == "that time").Anchor);
    }

    [Fact]
    public void Timex2_guidelines_write_a_set_as_the_pattern_of_its_unit()
    {
        const string text = "The convoys sailed daily, the council met weekly, the fair came annually and every Monday brought mail.";
        var timeMl = Run(text);
        Assert.Equal("P1D", Value(timeMl, text, "daily"));

        var timex2 = Run(text, new TimexOptions { Guidelines = TimexGuidelines.Timex2 });
        Assert.Equal("XXXX-XX-XX", Value(timex2, text, "daily"));
        Assert.Equal("XXXX-WXX", Value(timex2, text, "weekly"));
        Assert.Equal("XXXX", Value(timex2, text, "annually"));
        Assert.Equal("XXXX-WXX-1", Value(timex2, text, "every Monday"));
    }

    [Fact]
    public void The_latest_quarter_is_the_one_before_the_document_date_even_after_a_forecast()
    {
        const string text = "The firm expects a better fourth quarter. In the latest quarter it lost money; in the quarter a year ago it lost more.";
        var timexes = Run(text, new TimexOptions { Anchoring = TimexAnchoring.Document }, "1962-10-20");
        Assert.Equal("1962-Q3", Value(timexes, text, "the latest quarter"));
        Assert.Equal("1961-Q3", Value(timexes, text, "the quarter a year ago"));
    }

    [Fact]
    public void A_month_up_to_two_months_after_the_document_date_across_the_new_year_is_next_years()
    {
        const string text = "The loan falls due in January; the plant closed in March.";
        var timexes = Run(text, new TimexOptions { Anchoring = TimexAnchoring.Document }, "1962-11-20");
        Assert.Equal("1963-01", Value(timexes, text, "January"));
        Assert.Equal("1962-03", Value(timexes, text, "March"));
    }

    [Fact]
    public void A_given_date_overrides_the_document_date()
    {
        const string text = "He arrived two days ago.";
        var timexes = Run(text, new TimexOptions { Anchoring = TimexAnchoring.Given, ReferenceDate = new LocalDate(1950, 6, 25) }, "1999-01-01");
        Assert.Equal("1950-06-23", Value(timexes, text, "two days ago"));
        Assert.Equal(TimexAnchorSource.Given, timexes[0].AnchorSource);
    }

    [Fact]
    public void Narrative_anchoring_falls_back_to_the_document_date_for_the_first_underspecified_expression()
    {
        const string text = "On the 14th the convoy sailed. Two days later it docked.";
        var timexes = Run(text, date: "January 10, 1942");
        Assert.Equal("1942-01-14", Value(timexes, text, "the 14th"));
        Assert.Equal(TimexAnchorSource.Document, timexes[0].AnchorSource);
        Assert.Equal("1942-01-16", Value(timexes, text, "Two days later"));
        Assert.Equal(timexes[0].Span.Start, timexes[1].Anchor);
    }

    [Fact]
    public void A_month_without_a_year_takes_the_nearest_year_to_the_document_date()
    {
        const string text = "Sales fell in December and will recover by March.";
        var timexes = Run(text, new TimexOptions { Anchoring = TimexAnchoring.Document }, "1999-01-20");
        Assert.Equal("1998-12", Value(timexes, text, "December"));
        Assert.Equal("1999-03", Value(timexes, text, "March"));
    }

    [Fact]
    public void Day_first_slash_policy_reads_the_first_number_as_the_day()
    {
        const string text = "Received 7/1/44.";
        Assert.Equal("1944-07-01", Value(Run(text), text, "7/1/44"));
        Assert.Equal("1944-01-07", Value(Run(text, new TimexOptions { SlashDates = SlashDateOrder.DayFirst }), text, "7/1/44"));
    }

    [Fact]
    public void An_expression_with_nothing_to_anchor_to_leaves_a_diagnostic()
    {
        var diagnostics = new List<Diagnostic>();
        var timexes = Run("Two days later the reply came.", diagnostics: diagnostics);
        Assert.Single(timexes);
        Assert.Contains(diagnostics, d => d.Code == "ANL2401");
    }

    [Fact]
    public void An_impossible_date_is_kept_with_a_warning()
    {
        var diagnostics = new List<Diagnostic>();
        var timexes = Run("It was dated February 30, 1943.", diagnostics: diagnostics);
        Assert.Equal("1943-02-30", timexes.Single().Value.ToTimex3());
        Assert.Contains(diagnostics, d => d.Code == "ANL2402");
    }

    [Fact]
    public void An_unreadable_document_date_leaves_a_diagnostic()
    {
        var diagnostics = new List<Diagnostic>();
        Run("Nothing here.", date: "sometime", diagnostics: diagnostics);
        Assert.Contains(diagnostics, d => d.Code == "ANL2403");
    }

    [Theory]
    [InlineData("1944-01-07", 1944, 1, 7)]
    [InlineData("7 January 1944", 1944, 1, 7)]
    [InlineData("March 9, 1951", 1951, 3, 9)]
    [InlineData("1998-03-05T09:00:00", 1998, 3, 5)]
    public void Document_dates_are_read_in_several_forms(string written, int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), TimexAnnotator.TryReadDocumentDate(written));

    [Fact]
    public void The_layer_is_produced_by_the_default_pipeline_with_its_fields()
    {
        var analyzed = DefaultPipeline.Create().Analyze(new SourceDocument("t", "On [March 3, 1921] they met."));
        var layer = analyzed.GetLayer<Timex>(LayerNames.Timexes);
        Assert.Equal(TimexAnnotator.ComponentId, layer.Producer);
        var timex = Assert.Single(layer);
        Assert.True(timex.Editorial);
        var fields = new Dictionary<string, object?>();
        timex.WriteFields(new RecordingWriter(fields));
        foreach (string field in new[] { "type", "value", "edtf", "anchor", "mod", "editorial", "calendar", "earliest", "latest" })
            Assert.True(fields.ContainsKey(field), field);
        Assert.Equal("DATE", fields["type"]);
        Assert.Equal("1921-03-03", fields["value"]);
        Assert.Equal("1921-03-03T00:00", fields["earliest"]);
    }

    [Property(MaxTest = 300)]
    public bool Never_throws_and_spans_stay_inside_the_text(string? text)
    {
        text ??= string.Empty;
        var timexes = Run(text, date: "1944-01-07");
        return timexes.All(t => t.Span.Start >= 0 && t.Span.End <= text.Length && t.Span.Start < t.Span.End);
    }

    [Fact]
    public void Never_throws_on_dense_temporal_noise()
    {
        const string noise = "the 31st of the same 1944 BC at 99:99 o'clock the next the 0th 00/00/00 9.XIII.1944 Feb. 30, -5 , – — (O.S.) (7 ) early late mid- 1930's '  s ";
        for (int cut = 0; cut <= noise.Length; cut++)
        {
            var timexes = Run(noise[..cut], new TimexOptions { Anchoring = TimexAnchoring.Document }, "1944-01-07");
            Assert.All(timexes, t => Assert.True(t.Span.End <= cut));
        }
    }

    private sealed class RecordingWriter(Dictionary<string, object?> fields) : IFieldWriter
    {
        public void String(string name, string? value) => fields[name] = value;

        public void Number(string name, long value) => fields[name] = value;

        public void Number(string name, double value) => fields[name] = value;

        public void Boolean(string name, bool value) => fields[name] = value;

        public void Null(string name) => fields[name] = null;

        public void Span(string name, TextSpan? span) => fields[name] = span;

        public void StringList(string name, IReadOnlyList<string> values) => fields[name] = values;

        public void Object(string name, Action<IFieldWriter> write) => fields[name] = write;

        public void ObjectList<T>(string name, IReadOnlyList<T> items, Action<IFieldWriter, T> write) => fields[name] = items;
    }
}
