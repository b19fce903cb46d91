using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Syntax;
using Annalist.Core.Text;
using Annalist.Core.Time;

namespace Annalist.Core.Tests.Time;

public sealed class ClauseTenseTests
{
    // A Wednesday: the Friday before it is the 9th, the one after it the 16th.
    private const string Wednesday = "1956-03-14";

    private static readonly TimexOptions DocumentAnchored = new() { Anchoring = TimexAnchoring.Document };

    /// <summary>Text and Penn tags from <c>word/TAG</c> pairs separated by single spaces.</summary>
    private static (string Text, PosTag[] Tags) Tagged(string tagged)
    {
        var text = new System.Text.StringBuilder();
        var tags = new List<PosTag>();
        foreach (string pair in tagged.Split(' '))
        {
            int slash = pair.LastIndexOf('/');
            if (text.Length > 0 && pair[0] is not ('.' or ',' or ';' or '\'')) text.Append(' ');
            int start = text.Length;
            text.Append(pair, 0, slash);
            tags.Add(new PosTag(new TextSpan(start, text.Length), "X", pair[(slash + 1)..]));
        }
        return (text.ToString(), [.. tags]);
    }

    private static string Value(string tagged, string expression, string date, bool withTags = true)
    {
        var (text, tags) = Tagged(tagged);
        var timexes = new TimexAnnotator(DocumentAnchored).Recognize(text, new DocumentMetadata { Date = date }, null, withTags ? tags : null);
        return timexes.Single(t => text[t.Span.Start..t.Span.End] == expression).Value.ToTimex3();
    }

    [Fact]
    public void A_modal_the_word_lists_do_not_know_sends_a_weekday_forward()
    {
        const string tagged = "The/DT two/CD delegations/NNS should/MD reconvene/VB Friday/NNP ./.";
        Assert.Equal("1956-03-09", Value(tagged, "Friday", Wednesday, withTags: false));
        Assert.Equal("1956-03-16", Value(tagged, "Friday", Wednesday));
    }

    [Fact]
    public void A_modal_beyond_the_word_lists_reach_sends_a_month_forward()
    {
        const string tagged = "The/DT mission/NN will/MD then/RB leave/VB with/IN its/PRP$ escort/NN and/CC all/DT its/PRP$ heavy/JJ supplies/NNS for/IN the/DT border/NN in/IN November/NNP ./.";
        Assert.Equal("1955-11", Value(tagged, "November", "1956-02-01", withTags: false));
        Assert.Equal("1956-11", Value(tagged, "November", "1956-02-01"));
    }

    [Fact]
    public void A_participle_after_a_modal_is_future_and_one_after_have_is_past()
    {
        Assert.Equal("1956-03-16", Value("The/DT accord/NN may/MD be/VB signed/VBN Friday/NNP ./.", "Friday", Wednesday));
        Assert.Equal("1956-03-09", Value("The/DT accord/NN has/VBZ been/VBN signed/VBN Friday/NNP ./.", "Friday", Wednesday));
    }

    [Fact]
    public void The_verb_after_the_expression_counts_when_none_comes_before()
    {
        Assert.Equal("1956-03-16", Value("On/IN Friday/NNP ,/, the/DT council/NN may/MD vote/VB ./.", "Friday", Wednesday));
    }

    [Fact]
    public void The_search_stops_at_the_end_of_the_clause()
    {
        Assert.Equal("1956-03-09", Value("The/DT envoy/NN may/MD come/VB ./. Friday/NNP passed/VBD quietly/RB ./.", "Friday", Wednesday, withTags: false));
        Assert.Equal("1956-03-09", Value("The/DT envoy/NN may/MD come/VB ;/: Friday/NNP was/VBD quiet/JJ ./.", "Friday", Wednesday));
    }

    [Theory]
    [InlineData("The/DT minister/NN said/VBD Tuesday/NNP that/IN talks/NNS had/VBD failed/VBN ./.", "1956-03-13")]
    [InlineData("The/DT envoys/NNS will/MD meet/VB Tuesday/NNP in/IN Bonn/NNP ./.", "1956-03-20")]
    [InlineData("The/DT talks/NNS collapsed/VBD on/IN Tuesday/NNP ./.", "1956-03-13")]
    [InlineData("The/DT minister/NN said/VBD the/DT talks/NNS would/MD resume/VB Tuesday/NNP ./.", "1956-03-20")]
    public void A_weekday_in_a_story_dated_a_wednesday_takes_the_week_its_verb_points_to(string tagged, string value) =>
        Assert.Equal(value, Value(tagged, "Tuesday", Wednesday));

    [Fact]
    public void A_weekday_after_since_lies_behind_whatever_the_clause_says()
    {
        Assert.Equal("1956-03-13", Value("Since/IN Tuesday/NNP ,/, the/DT shares/NNS have/VBP gained/VBN ./.", "Tuesday", Wednesday));
        Assert.Equal("1956-03-09", Value("Prices/NNS are/VBP up/RB sharply/RB since/IN Friday/NNP ./.", "Friday", Wednesday));
        Assert.Equal("1956-03-16", Value("Prices/NNS are/VBP up/RB sharply/RB before/IN Friday/NNP ./.", "Friday", Wednesday));
    }

    [Fact]
    public void A_verb_of_intention_tagged_as_a_noun_still_sends_a_weekday_forward()
    {
        Assert.Equal("1956-03-20", Value("On/IN Tuesday/NNP ,/, the/DT league/NN plans/NNS to/TO screen/VB an/DT advertisement/NN filmed/VBN earlier/RBR ./.", "Tuesday", Wednesday));
        Assert.Equal("1956-03-13", Value("On/IN Tuesday/NNP ,/, the/DT plans/NNS were/VBD dropped/VBN ./.", "Tuesday", Wednesday));
    }

    [Fact]
    public void A_possessive_expression_takes_no_tense_from_the_clause()
    {
        Assert.Equal("1956-03-09", Value("Friday/NNP 's/POS vote/NN may/MD settle/VB it/PRP ./.", "Friday", Wednesday));
    }

    [Fact]
    public void The_default_pipeline_tags_before_it_anchors()
    {
        const string text = "The two delegations should reconvene Friday.";
        var document = new SourceDocument("minute", text, new DocumentMetadata { Date = Wednesday });
        var pipeline = DefaultPipeline.Create();
        var order = pipeline.Components.Select(c => c.Id.Name).ToList();
        Assert.True(order.IndexOf(PosTagAnnotator.ComponentId.Name) < order.IndexOf(TimexAnnotator.ComponentId.Name));
        var timexes = pipeline.Analyze(document).GetLayer<Timex>(LayerNames.Timexes).Items;
        var friday = Assert.Single(timexes, t => text[t.Span.Start..t.Span.End] == "Friday");
        Assert.Equal("1956-03-16", friday.Value.ToTimex3());
        var alone = new TimexAnnotator().Recognize(text, new DocumentMetadata { Date = Wednesday });
        Assert.Equal("1956-03-09", Assert.Single(alone).Value.ToTimex3());
    }

    [Fact]
    public void A_verb_of_scheduled_events_read_as_a_noun_after_a_plural_subject_sends_a_weekday_forward()
    {
        Assert.Equal("1956-03-16", Value("Rovers/NNP host/NN Albion/NNP on/IN Friday/NNP in/IN a/DT match/NN moved/VBN from/IN Sunday/NNP ./.", "Friday", Wednesday));
        Assert.Equal("1956-03-16", Value("Ministers/NNS from/IN ten/CD countries/NNS gather/RBR in/IN Lisbon/NNP on/IN Friday/NNP to/TO sign/VB an/DT accord/NN that/WDT took/VBD years/NNS ./.", "Friday", Wednesday));
    }

    [Fact]
    public void A_noun_after_a_singular_name_stays_a_noun()
    {
        Assert.Equal("1956-03-09", Value("The/DT Senate/NNP vote/NN Friday/NNP was/VBD close/JJ ./.", "Friday", Wednesday));
    }

    [Fact]
    public void A_clock_time_in_a_present_clause_takes_no_day_before_the_report()
    {
        const string tagged = "Voters/NNS choose/VBP on/IN Sunday/NNP after/IN a/DT first/JJ round/NN held/VBN on/IN March/NNP 4/CD ./. Polls/NNS open/VBP at/IN 7/CD a.m./NN";
        // As news is read for TimeML: the document's date for what is deictic, the story for what is not.
        var (text, tags) = Tagged(tagged);
        var timexes = new TimexAnnotator().Recognize(text, new DocumentMetadata { Date = Wednesday }, null, tags);
        Assert.Equal("1956-03-18T07:00", timexes.Single(t => text[t.Span.Start..t.Span.End] == "7 a.m.").Value.ToTimex3());
    }

    [Fact]
    public void A_present_passive_of_planning_looks_ahead_in_a_report_but_not_in_a_history()
    {
        const string tagged = "In/IN June/NNP 1885/CD the/DT fort/NN surrendered/VBD ./. The/DT date/NN is/VBZ set/VBN by/IN most/JJS historians/NNS at/IN 26/CD January/NNP ./.";
        var (text, tags) = Tagged(tagged);
        var history = new TimexAnnotator(new TimexOptions { Anchoring = TimexAnchoring.Narrative }).Recognize(text, null, null, tags);
        Assert.Equal("1885-01-26", history.Single(t => text[t.Span.Start..t.Span.End] == "26 January").Value.ToTimex3());
        const string report = "The/DT vote/NN is/VBZ set/VBN for/IN 26/CD January/NNP ./.";
        Assert.Equal("1886-01-26", Value(report, "26 January", "1885-06-30"));
    }
}
