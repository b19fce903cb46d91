using Annalist.Core.Annotations;
using Annalist.Core.Discourse;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Tests.Discourse;

/// <summary>The narration's reported turns read as the conversation before a quotation (<c>train quotes --reported-history</c>).</summary>
public sealed class ReportedHistoryTests
{
    private static readonly AnalysisPipeline Pipeline = DefaultPipeline.Create();

    // Reported questions and answers between bare quotations: the history the model reads gains a turn before each reply.
    private const string Crossing =
        "Hanna Verlaine met the ferryman at the landing before dawn.\n\n"
        + "She asked him whether the river was high.\n\n“Higher than last spring.”\n\n“Then we wait.”\n\n"
        + "The ferryman told her that the crossing would open at noon.\n\n“Noon is too late.”\n\n“It is the river's hour, not mine.”\n";

    [Fact]
    public void Reading_reported_turns_changes_who_speaks_but_never_which_turns_there_are()
    {
        var shipped = QuotationSpeakerModel.Shipped;
        Assert.NotNull(shipped);
        var reading = new QuotationSpeakerModel(shipped.Weights, shipped.OffersNarrator) { ReadsReportedTurns = true };
        var analyzed = Pipeline.Analyze(new SourceDocument("t", Crossing));
        var plain = Turns(QuotationSpeakerTrainer.WithTurns(analyzed, shipped));
        var withReported = Turns(QuotationSpeakerTrainer.WithTurns(analyzed, reading));
        // The pre-pass found what the real pass finds, and left no trace of its own.
        Assert.Contains(withReported, t => t.Mode == TurnMode.Reported && t.SpeakerText is not null);
        Assert.Equal(plain.Select(t => (t.Span, t.Cue, t.Mode)), withReported.Select(t => (t.Span, t.Cue, t.Mode)));
        Assert.Equal(plain.Where(t => t.Mode == TurnMode.Reported).Select(t => t.SpeakerText), withReported.Where(t => t.Mode == TurnMode.Reported).Select(t => t.SpeakerText));
        Assert.Equal(withReported.Select(t => t.SpeakerText), Turns(QuotationSpeakerTrainer.WithTurns(analyzed, reading)).Select(t => t.SpeakerText));
    }

    [Fact]
    public void The_setting_is_kept_by_the_decoders_settings_and_by_averaging()
    {
        var model = new QuotationSpeakerModel([], false) { ReadsReportedTurns = true };
        Assert.True(model.WithBeam(4, 1, 0).ReadsReportedTurns);
        Assert.True(QuotationSpeakerModel.Average([model, QuotationSpeakerModel.Empty]).ReadsReportedTurns);
        Assert.False(QuotationSpeakerModel.Empty.WithBeam(4).ReadsReportedTurns);
    }

    [Fact]
    public void The_model_file_records_the_setting()
    {
        foreach (bool reads in new[] { true, false })
        {
            var trainer = new QuotationSpeakerTrainer { ReportedHistory = reads };
            var model = trainer.Train(1, seed: 7);
            using var file = new MemoryStream();
            model.Write(file);
            file.Position = 0;
            Assert.Equal(reads, QuotationSpeakerModel.Read(file).ReadsReportedTurns);
        }
        Assert.False(QuotationSpeakerModel.Shipped!.ReadsReportedTurns);
    }

    [Fact]
    public void A_trainer_told_to_read_them_trains_a_model_that_does()
    {
        var analyzed = Pipeline.Analyze(new SourceDocument("t", Crossing));
        var trainer = new QuotationSpeakerTrainer { ReportedHistory = true, TrainingBeam = (4, 0, 0) };
        trainer.Add(analyzed, []);
        Assert.True(trainer.Train(2, seed: 7).ReadsReportedTurns);
        Assert.False(new QuotationSpeakerTrainer().Train(1, seed: 7).ReadsReportedTurns);
    }

    private static List<Turn> Turns(AnalyzedDocument document) => [.. document.GetLayer<Turn>(LayerNames.Turns)];
}
