using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Discourse;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Tests.Discourse;

public sealed class QuotationSpeakerBeamTests
{
    private static readonly AnalysisPipeline Pipeline = DefaultPipeline.Create();

    // Two long bare runs with a cue only now and then, a pronoun cue, an action beat and a newcomer: many
    // quotations the model decides, so a beam has hypotheses to keep apart.
    private const string Dialogue =
        "Marta Hollis found her brother in the orchard, where Pieter was mending the fence.\n\n"
        + "“You are late again.”\n\n“The cart lost a wheel.”\n\n“On the hill road?”\n\n“Where else would it be?”\n\n"
        + "“Father will be angry,” said Marta.\n\n“Father is always angry.”\n\n“Not with you.”\n\n"
        + "Pieter laid down his hammer. “Then let him be angry with me, for once.”\n\n"
        + "“He will,” she said. “Tonight.”\n\n"
        + "Old Anders came up the path with a lantern.\n\n“Is the fence done?”\n\n“Nearly.”\n\n“Good. Supper is cold.”\n\n"
        + "“We are coming,” said Pieter.\n\n“Both of you, then.”\n\n“Both of us.”\n";

    [Fact]
    public void A_beam_changes_who_speaks_but_never_which_turns_there_are()
    {
        var model = QuotationSpeakerModel.Shipped;
        Assert.NotNull(model);
        var analyzed = Pipeline.Analyze(new SourceDocument("t", Dialogue));
        var greedy = Turns(QuotationSpeakerTrainer.WithTurns(analyzed, model.WithBeam(1)));
        Assert.True(greedy.Count >= 15);
        foreach (int width in new[] { 2, 4, 8 })
        {
            var beam = Turns(QuotationSpeakerTrainer.WithTurns(analyzed, model.WithBeam(width)));
            Assert.Equal(greedy.Select(t => (t.Span, t.Cue, t.Mode)), beam.Select(t => (t.Span, t.Cue, t.Mode)));
            Assert.All(beam.Where(t => t.SpeakerText is not null), t => Assert.Contains(t.SpeakerText!.Split(' ')[^1], Dialogue));
        }
    }

    [Fact]
    public void A_beam_decodes_the_same_way_every_time()
    {
        var model = QuotationSpeakerModel.Shipped!.WithBeam(8);
        var analyzed = Pipeline.Analyze(new SourceDocument("t", Dialogue));
        var first = Turns(QuotationSpeakerTrainer.WithTurns(analyzed, model)).Select(t => t.SpeakerText);
        var second = Turns(QuotationSpeakerTrainer.WithTurns(analyzed, model)).Select(t => t.SpeakerText);
        Assert.Equal(first, second);
    }

    [Fact]
    public void The_width_and_temperature_are_the_decoders_not_the_weights()
    {
        var model = QuotationSpeakerModel.Shipped!;
        var wide = model.WithBeam(4, 2.0);
        Assert.Equal(4, wide.Beam);
        Assert.Equal(2.0, wide.BeamTemperature);
        Assert.Same(model.Weights, wide.Weights);
        Assert.Equal(1, model.WithBeam(0).Beam);
        Assert.Equal(2.0, wide.WithBeam(8).BeamTemperature);
        using var stream = new MemoryStream();
        wide.Write(stream);
        stream.Position = 0;
        Assert.Equal(QuotationSpeakerModel.DefaultBeam, QuotationSpeakerModel.Read(stream).Beam);
    }

    // Bare paragraphs between two people, a cue for the sixth. A beam scored too flat (softmax temperature 10) once gave
    // this run the wrong phase by leaving every other turn to no one; no option that names no one is now taken while
    // another names someone (TurnFinder.Speakers), so the run keeps its phase.
    private const string Kitchen =
        "The lamp had gone out in the kitchen. Greta stood by the window, and Tomas sat at the table with his boots still on.\n\n"
        + "“Did you lock the gate?”\n\n“I thought you had.”\n\n“I was at the well all evening.”\n\n“Then it is open.”\n\n"
        + "“And the goats?”\n\n“Gone up the hill, most likely,” said Tomas.\n\n“You had better go after them.”\n\n“In the dark?”\n\n"
        + "“There is a moon.”\n\n“Barely,” Greta said.\n";

    [Fact]
    public void The_shipped_beam_keeps_a_bare_run_in_phase()
    {
        var analyzed = Pipeline.Analyze(new SourceDocument("t", Kitchen));
        string[] speakers = [.. Turns(QuotationSpeakerTrainer.WithTurns(analyzed, QuotationSpeakerModel.Shipped)).Select(t => t.SpeakerText ?? "?")];

        Assert.Equal(10, speakers.Length);
        // From the fourth quotation to the ninth the two alternate, the cued sixth Tomas's.
        Assert.Equal<string>(["Tomas", "Greta", "Tomas", "Greta", "Tomas", "Greta"], speakers[3..9]);
        Assert.DoesNotContain("?", speakers);
    }

    // QuotationSpeakerModelTests' text: the object of the sentence before each untagged question is the one who asks.
    private const string Text = QuotationSpeakerModelTests.Text;

    [Fact]
    public void The_probe_counts_what_the_options_hold_and_what_the_model_chose()
    {
        var analyzed = Pipeline.Analyze(new SourceDocument("t", Text));
        var trainer = new QuotationSpeakerTrainer();
        trainer.Add(analyzed, Gold());
        var trained = trainer.Train(8, seed: 7);
        var untrained = new QuotationSpeakerTrainer().Train(1, 1);

        var ceiling = QuotationSpeakerTrainer.Probe(analyzed, Gold(), trained);
        var before = QuotationSpeakerTrainer.Probe(analyzed, Gold(), untrained);

        Assert.Equal(new SpeakerCeiling.Kind(0, 0, 0), ceiling.PronounCue);
        Assert.Equal(new SpeakerCeiling.Kind(3, 3, 3), ceiling.Untagged);
        Assert.Equal(3, before.Untagged.Reachable);
        Assert.True(before.Untagged.Right < 3);
        // Without a gold speaker for the quotations, nothing is decided against it.
        Assert.Equal(new SpeakerCeiling(), QuotationSpeakerTrainer.Probe(analyzed, [], trained));
    }

    [Fact]
    public void Training_over_the_beams_histories_learns_who_speaks_and_reproducibly()
    {
        var analyzed = Pipeline.Analyze(new SourceDocument("t", Text));
        var trainer = new QuotationSpeakerTrainer { TrainingBeam = (4, 0, 0) };
        trainer.Add(analyzed, Gold());

        var model = trainer.Train(8, seed: 7);
        var (examples, errors, _) = trainer.EpochErrors[0];
        Assert.True(examples > 0 && errors > 0);
        Assert.Equal(0, trainer.EpochErrors[^1].Errors);
        Assert.Equal(QuotationSpeakerModelTests.Expected, Speakers(QuotationSpeakerTrainer.WithTurns(analyzed, model.WithBeam(4, 0))));
        Assert.Equal(model.Weights, trainer.Train(8, seed: 7).Weights);
    }

    [Fact]
    public void The_softmax_ranker_learns_who_speaks()
    {
        var analyzed = Pipeline.Analyze(new SourceDocument("t", Text));
        var trainer = new QuotationSpeakerTrainer { Ranker = QuotationSpeakerRanker.Softmax, LearningRate = 0.5 };
        trainer.Add(analyzed, Gold());

        var model = trainer.Train(8, seed: 7);
        Assert.Equal(QuotationSpeakerModelTests.Expected, Speakers(QuotationSpeakerTrainer.WithTurns(analyzed, model.WithBeam(8, 1))));
        Assert.Equal(model.Weights, trainer.Train(8, seed: 7).Weights);
    }

    private static string?[] Speakers(AnalyzedDocument document) => [.. Turns(document).Select(t => t.SpeakerText?.Split(' ')[^1])];

    private static IEnumerable<SpeakerGold> Gold() => QuotationSpeakerModelTests.Gold();

    private static List<Turn> Turns(AnalyzedDocument document) => [.. document.GetLayer<Turn>(LayerNames.Turns)];
}
