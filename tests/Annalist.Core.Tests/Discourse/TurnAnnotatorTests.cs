using Annalist.Core.Annotations;
using Annalist.Core.Discourse;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Tests.Discourse;

public sealed class TurnAnnotatorTests
{
    private static readonly AnalysisPipeline WithEntities = DefaultPipeline.Create();

    private static readonly AnalysisPipeline WithoutEntities = new PipelineBuilder()
        .AddRange(DefaultPipeline.Components())
        .RemoveProducerOf(LayerNames.Entities)
        .RemoveProducerOf(LayerNames.Coreference)
        .Build();

    private static Layer<Turn> Turns(AnalysisPipeline pipeline, string text) =>
        pipeline.Analyze(new SourceDocument("t", text)).GetLayer<Turn>(LayerNames.Turns);

    [Fact]
    public void Without_an_entity_layer_speakers_stay_empty_and_the_speaker_text_says_who()
    {
        var turn = Assert.Single(Turns(WithoutEntities, "Novak replied: “The answer is no.”"));
        Assert.Empty(turn.Speakers);
        Assert.Equal("Novak", turn.SpeakerText);
        Assert.Equal(TurnMode.Direct, turn.Mode);
        Assert.Equal("Novak replied:", turn.Cue is { } cue ? "Novak replied: “The answer is no.”"[cue.Start..cue.End] : null);
    }

    [Fact]
    public void A_diary_s_first_person_speaks_as_its_author_from_the_metadata()
    {
        const string text = "Went to the ministry at ten. I told the clerk that the papers were late.";
        var withAuthor = WithoutEntities.Analyze(new SourceDocument("diary", text, new DocumentMetadata { Author = "Edda Lund" })).GetLayer<Turn>(LayerNames.Turns);
        var withoutAuthor = Turns(WithoutEntities, text);

        Assert.Equal("Edda Lund", Assert.Single(withAuthor).SpeakerText);
        Assert.Equal("I", Assert.Single(withoutAuthor).SpeakerText);
    }

    [Fact]
    public void With_an_entity_layer_the_same_person_speaks_under_both_of_his_names()
    {
        const string text = "Gen. Marko Novak arrived late. Novak: “Forgive me.” Later Marko Novak said: “We can begin.”";
        var turns = Turns(WithEntities, text);
        Assert.Equal(2, turns.Count);
        Assert.NotEmpty(turns[0].Speakers);
        Assert.Equal(turns[0].Speakers.ToArray(), turns[1].Speakers.ToArray());
    }

    [Fact]
    public void The_pronoun_of_a_reported_cue_takes_the_most_recent_subject()
    {
        const string text = "The delegates sat down. Mr. Lind opened the session. He said that the agenda was agreed.";
        var turn = Assert.Single(Turns(WithoutEntities, text));
        Assert.Equal(TurnMode.Reported, turn.Mode);
        Assert.Equal("Mr. Lind", turn.SpeakerText);
        Assert.Equal("the agenda was agreed.", text[turn.Span.Start..turn.Span.End]);
    }

    [Theory]
    [InlineData("")]
    [InlineData(":")]
    [InlineData("“")]
    [InlineData("said that")]
    [InlineData("A: ")]
    [InlineData("Participants:\n\n\n")]
    [InlineData("He said: “” she said, “")]
    [InlineData("[said:] “x” , said , who said that who said that")]
    public void Odd_text_gives_results_never_an_exception(string text)
    {
        var analyzed = WithEntities.Analyze(new SourceDocument("odd", text));
        Assert.True(analyzed.HasLayer(LayerNames.Turns));
        Assert.True(analyzed.HasLayer(LayerNames.Participants));
        Assert.DoesNotContain(analyzed.Diagnostics, d => d.Code == Errors.ErrorCatalogue.ComponentFailed.Code);
        foreach (var turn in analyzed.GetLayer<Turn>(LayerNames.Turns))
            Assert.True(turn.Span.Start >= 0 && turn.Span.End <= text.Length && turn.Span.Start <= turn.Span.End);
    }

    [Fact]
    public void A_cue_whose_pronoun_has_no_antecedent_leaves_the_speaker_empty_with_a_diagnostic()
    {
        var analyzed = WithoutEntities.Analyze(new SourceDocument("t", "He then added that the matter was urgent."));
        var turn = Assert.Single(analyzed.GetLayer<Turn>(LayerNames.Turns));
        Assert.Null(turn.SpeakerText);
        Assert.Contains(analyzed.Diagnostics, d => d.Code == Errors.ErrorCatalogue.UnnamedSpeaker.Code && d.Span == turn.Cue);
    }
}
