using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Text;
using Annalist.Evaluation.Quotes;
using Annalist.Evaluation.Scoring;
using Annalist.Evaluation.SystemOutput;

namespace Annalist.Evaluation.Tests.Quotes;

public class QuotesEvaluatorTests
{
    private const string Text = "“Come in,” said Ellen. “No,” said the boy.";

    private static readonly QuotationDocument Document = new("d", Text,
        [new GoldQuotation("Q1", new TextSpan(0, 10), "Ellen-1"), new GoldQuotation("Q2", new TextSpan(23, 28), "boy-2")],
        [new GoldClusterMention(new TextSpan(16, 21), "Ellen-1"), new GoldClusterMention(new TextSpan(34, 41), "boy-2")]);

    private static double Metric(LayerScore score, string name) =>
        LayerMetrics.Compute("quotes", score.Counts).Single(m => m.Key == name).Value;

    private static SystemItem Turn(int start, int end, string? entity, string? speakerText)
    {
        var fields = FieldBag.Of(("speakers", entity is null ? ImmutableArray<string>.Empty : [entity]), ("speaker_text", speakerText));
        return new SystemItem(new TextSpan(start, end), Text[start..end], fields);
    }

    [Fact]
    public void Speakers_count_by_their_entity_s_cluster_or_by_the_words_naming_them()
    {
        var system = SystemLayers.Empty(Text)
            .With(LayerNames.Mentions, [new SystemItem(new TextSpan(16, 21), "Ellen", FieldBag.Of(("type", "person"), ("entity", "ellen")))])
            .With(LayerNames.Turns, [Turn(1, 9, "ellen", "Ellen"), Turn(24, 27, null, "the boy")]);

        var score = QuotesEvaluator.Score(Document, system);

        Assert.Equal(1.0, Metric(score, "speaker_accuracy"));
        Assert.Equal(2, Metric(score, "n"));
    }

    [Fact]
    public void A_wrong_speaker_and_a_quotation_without_a_turn_both_count_against_accuracy()
    {
        var system = SystemLayers.Empty(Text)
            .With(LayerNames.Mentions, [new SystemItem(new TextSpan(16, 21), "Ellen", FieldBag.Of(("type", "person"), ("entity", "ellen")))])
            .With(LayerNames.Turns, [Turn(24, 27, "ellen", "Ellen")]);

        var score = QuotesEvaluator.Score(Document, system);

        Assert.Equal(0.0, Metric(score, "speaker_accuracy"));
        Assert.Equal(0.5, Metric(score, "found"));
    }

    [Fact]
    public void I_names_only_a_speaker_the_narration_calls_I_not_one_who_says_I_in_a_quotation()
    {
        const string text = "“I will go,” said Tom. “So will I,” I answered.";
        //                   0         1         2         3         4
        var document = new QuotationDocument("d", text,
            [new GoldQuotation("Q1", new TextSpan(0, 12), "Tom-1"), new GoldQuotation("Q2", new TextSpan(23, 35), "narrator-0")],
            [new GoldClusterMention(new TextSpan(1, 2), "Tom-1"), new GoldClusterMention(new TextSpan(18, 21), "Tom-1"),
             new GoldClusterMention(new TextSpan(32, 33), "narrator-0"), new GoldClusterMention(new TextSpan(36, 37), "narrator-0")]);
        var system = SystemLayers.Empty(text).With(LayerNames.Turns,
        [
            new SystemItem(new TextSpan(1, 11), text[1..11], FieldBag.Of(("speakers", ImmutableArray<string>.Empty), ("speaker_text", "I"))),
            new SystemItem(new TextSpan(24, 34), text[24..34], FieldBag.Of(("speakers", ImmutableArray<string>.Empty), ("speaker_text", "I"))),
        ]);

        var score = QuotesEvaluator.Score(document, system);

        Assert.Equal(0.5, Metric(score, "speaker_accuracy"));
        Assert.Contains(score.Mismatches, m => m.Contains("Q1 ", StringComparison.Ordinal));
    }
}
