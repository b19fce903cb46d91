using Annalist.Core.Annotations;
using Annalist.Core.Discourse;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Tests.Discourse;

public sealed class NarratorOptionTests
{
    private static readonly AnalysisPipeline Pipeline = DefaultPipeline.Create();

    // Told in the first person; the untagged reply stands where no “I” is near in its own paragraph.
    private const string FirstPerson =
        "I walked down to the harbour that morning, as I did most days. My boots were wet and my hands were cold.\n\n"
        + "Old Pieter was mending a net on the quay. He looked up when he saw me.\n\n"
        + "“You are late today,” said Pieter.\n\n"
        + "“The road was flooded past the mill.”\n";

    // The same scene told in the third person: the narration says “I” nowhere.
    private const string ThirdPerson =
        "Anna walked down to the harbour that morning, as she did most days. Her boots were wet and her hands were cold.\n\n"
        + "Old Pieter was mending a net on the quay. He looked up when he saw her.\n\n"
        + "“You are late today,” said Pieter.\n\n"
        + "“The road was flooded past the mill.”\n";

    /// <summary>A model that knows only the narrator's bias: the narrator wins wherever it is offered.</summary>
    private static QuotationSpeakerModel NarratorOnly() => new(new Dictionary<ulong, float> { [TurnFinder.NarratorBias] = 1f }, offersNarrator: true);

    [Fact]
    public void A_model_trained_with_the_narrator_gives_an_untagged_reply_of_a_first_person_story_to_I()
    {
        var turns = Turns(FirstPerson, NarratorOnly());
        var reply = Assert.Single(turns, t => FirstPerson[t.Span.Start..t.Span.End].StartsWith("The road", StringComparison.Ordinal));
        Assert.Equal("I", reply.SpeakerText);
        // An explicit cue stays the rules..
        var tagged = Assert.Single(turns, t => FirstPerson[t.Span.Start..t.Span.End].StartsWith("You are", StringComparison.Ordinal));
        Assert.Equal("Pieter", tagged.SpeakerText);
    }

    [Fact]
    public void A_story_told_in_the_third_person_has_no_narrator_option()
    {
        var turns = Turns(ThirdPerson, NarratorOnly());
        Assert.DoesNotContain(turns, t => t.SpeakerText == "I");
    }

    [Fact]
    public void A_metadata_author_is_the_narrator()
    {
        var analyzed = Pipeline.Analyze(new SourceDocument("t", FirstPerson, new DocumentMetadata { Author = "Maren Holt" }));
        var (turns, _, _) = TurnAnnotator.Find(FirstPerson, analyzed.Layers, "Maren Holt", null, NarratorOnly(), null);
        var reply = Assert.Single(turns, t => FirstPerson[t.Span.Start..t.Span.End].StartsWith("The road", StringComparison.Ordinal));
        Assert.Equal("Maren Holt", reply.SpeakerText);
    }

    [Fact]
    public void The_shipped_model_and_one_trained_without_the_option_offer_no_narrator()
    {
        Assert.False(QuotationSpeakerModel.Shipped?.OffersNarrator ?? false);
        Assert.False(new QuotationSpeakerTrainer().Train(1, 1).OffersNarrator);
    }

    [Fact]
    public void A_model_trained_with_the_option_carries_it_through_writing_and_reading()
    {
        var analyzed = Pipeline.Analyze(new SourceDocument("t", FirstPerson));
        var trainer = new QuotationSpeakerTrainer { Narrator = true };
        int open = FirstPerson.IndexOf("“The road", StringComparison.Ordinal);
        int close = FirstPerson.IndexOf('”', open);
        int i = FirstPerson.IndexOf("I walked", StringComparison.Ordinal);
        trainer.Add(analyzed, [new SpeakerGold(new TextSpan(open, close + 1), [new TextSpan(i, i + 1)], ["i"])]);
        var model = trainer.Train(3, 7);
        Assert.True(model.OffersNarrator);
        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;
        Assert.True(QuotationSpeakerModel.Read(stream).OffersNarrator);
    }

    private static List<Turn> Turns(string text, QuotationSpeakerModel model)
    {
        var analyzed = Pipeline.Analyze(new SourceDocument("t", text));
        return [.. QuotationSpeakerTrainer.WithTurns(analyzed, model).GetLayer<Turn>(LayerNames.Turns)];
    }
}
