using Annalist.Core.Annotations;
using Annalist.Core.Coreference;
using Annalist.Core.Text;
using Annalist.Evaluation.Coreference;
using Annalist.Evaluation.SystemOutput;

namespace Annalist.Evaluation.Tests.Coreference;

public sealed class CoreferenceEvaluatorTests
{
    private const string Text = "Ines Varro met Ugo Pell. She smiled, and he bowed. He left.";

    private static TextSpan Span(string word, int occurrence = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++) at = Text.IndexOf(word, at + 1, StringComparison.Ordinal);
        return new TextSpan(at, at + word.Length);
    }

    /// <summary>The first word of a phrase, found by the phrase: "he" alone is also inside "the".</summary>
    private static TextSpan Head(string phrase) => new(Span(phrase).Start, Span(phrase).Start + phrase.IndexOf(' '));

    private static readonly CoreferenceDocument Gold = new("t", Text,
    [
        new(Span("Ines Varro"), "ines"), new(Span("Ugo Pell"), "ugo"), new(Span("She"), "ines"),
        new(Head("he bowed"), "ugo"), new(Head("He left"), "ugo"),
    ]);

    private static SystemItem Pronoun(TextSpan span, TextSpan? antecedent) =>
        new(span, Text[span.Start..span.End], FieldBag.Of(("kind", "pronoun"), ("entity", "x"),
            ("antecedent", antecedent is { } a ? new SpanField(a, Text[a.Start..a.End]) : null), ("new", antecedent is null)));

    [Fact]
    public void An_antecedent_in_the_gold_cluster_is_right_and_one_outside_it_wrong()
    {
        var system = SystemLayers.Empty(Text).With(LayerNames.Coreference,
        [
            Pronoun(Span("She"), Span("Ines Varro")),
            Pronoun(Head("he bowed"), Span("She")),
            Pronoun(Head("He left"), Head("he bowed")),
        ]);
        var score = CoreferenceEvaluator.Score(Gold, system, listErrors: true);
        Assert.Equal(3, score.Counts["n"]);
        Assert.Equal(2, score.Counts["correct"]);
        Assert.Equal(3, score.Counts["gold_pronouns"]);
        Assert.Single(score.Mismatches);
    }

    [Fact]
    public void New_is_right_only_for_the_first_mention_of_a_cluster()
    {
        var gold = Gold with { Mentions = [new(Span("She"), "ines"), new(Head("He left"), "ugo"), new(Head("he bowed"), "ugo")] };
        var system = SystemLayers.Empty(Text).With(LayerNames.Coreference,
        [
            Pronoun(Span("She"), null),
            Pronoun(Head("he bowed"), null),
            Pronoun(Head("He left"), null),
        ]);
        var score = CoreferenceEvaluator.Score(gold, system);
        Assert.Equal(3, score.Counts["n"]);
        Assert.Equal(2, score.Counts["correct"]);
        Assert.Empty(score.Mismatches);
    }

    [Fact]
    public void Pronouns_the_gold_does_not_mark_are_not_scored()
    {
        var gold = Gold with { Mentions = [new(Span("Ines Varro"), "ines")] };
        var system = SystemLayers.Empty(Text).With(LayerNames.Coreference, [Pronoun(Span("She"), Span("Ines Varro"))]);
        var score = CoreferenceEvaluator.Score(gold, system);
        Assert.Equal(0, score.Counts["n"]);
    }

    [Fact]
    public void Gum_brackets_become_mentions_of_their_entities()
    {
        string path = Path.Combine(Path.GetTempPath(), $"annalist-gum-{Guid.NewGuid():N}.conllu");
        File.WriteAllText(path, string.Join('\n',
            "# newdoc id = GUM_test_one", "# newpar", "# sent_id = t-1", "# text = Ada Lind came home.",
            "1\tAda\tAda\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person-new",
            "2\tLind\tLind\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)",
            "3\tcame\tcome\tVERB\tVBD\t_\t0\troot\t_\t_",
            "4\thome\thome\tADV\tRB\t_\t3\tadvmod\t_\tEntity=(2-place-new)|SpaceAfter=No",
            "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_", "",
            "# sent_id = t-2", "# text = She slept.",
            "1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-giv)",
            "2\tslept\tsleep\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No",
            "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_", "", ""));
        try
        {
            var document = GumCoreferenceReader.Read(path);
            Assert.Equal("Ada Lind came home. She slept.", document.Text);
            Assert.Equal([("Ada Lind", "1"), ("home", "2"), ("She", "1")], document.Mentions.Select(m => (document.Text[m.Span.Start..m.Span.End], m.Cluster)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static SystemItem Linked(TextSpan span, string entity) =>
        new(span, Text[span.Start..span.End], FieldBag.Of(("kind", "pronoun"), ("entity", entity), ("antecedent", null), ("new", false)));

    [Fact]
    public void BCubed_weighs_each_mention_of_a_pronoun_cluster_by_the_overlap_of_its_system_and_gold_clusters()
    {
        var system = SystemLayers.Empty(Text)
            .With(LayerNames.Mentions, [Linked(Span("Ines Varro"), "e1"), Linked(Span("Ugo Pell"), "e2")])
            .With(LayerNames.Coreference, [Linked(Span("She"), "e1"), Linked(Head("he bowed"), "e1"), Linked(Head("He left"), "e2")]);
        var counts = CoreferenceEvaluator.Score(Gold, system).Counts;
        // System {Ines Varro, She, he} and {Ugo Pell, He} against gold {Ines Varro, She} and {Ugo Pell, he, He}: 11/3 of 5 each way.
        Assert.Equal(5, counts["b3_mentions"]);
        Assert.Equal(11 / 3.0, counts["b3_precision_millionths"] / 1e6, 5);
        Assert.Equal(11 / 3.0, counts["b3_recall_millionths"] / 1e6, 5);
        var metrics = Annalist.Evaluation.Scoring.LayerMetrics.Compute("coreference", counts).ToDictionary(m => m.Key, m => m.Value);
        Assert.Equal(11 / 15.0, metrics["b3_f1"], 5);
    }

    [Fact]
    public void BCubed_counts_a_mention_the_system_left_unmarked_as_a_cluster_of_its_own()
    {
        var system = SystemLayers.Empty(Text).With(LayerNames.Mentions, [Linked(Span("Ines Varro"), "e1"), Linked(Span("Ugo Pell"), "e2")]);
        var counts = CoreferenceEvaluator.Score(Gold, system).Counts;
        Assert.Equal(5 * 1e6, counts["b3_precision_millionths"], 0);
        Assert.Equal((1 / 2.0 + 1 / 2.0 + 3 * (1 / 3.0)) * 1e6, counts["b3_recall_millionths"], 0);
    }
}
