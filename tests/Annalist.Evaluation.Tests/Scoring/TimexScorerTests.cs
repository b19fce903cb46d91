using Annalist.Core.Text;
using Annalist.Evaluation.Scoring;
using Annalist.Evaluation.SystemOutput;

namespace Annalist.Evaluation.Tests.Scoring;

public class TimexScorerTests
{
    private const string Text = "They fought for years, from the spring of 1915 until late 1918.";

    private static GoldTimexSpan Gold(string text, string? type, string? value)
    {
        int start = Text.IndexOf(text, StringComparison.Ordinal);
        return new GoldTimexSpan(new TextSpan(start, start + text.Length), text, type, value);
    }

    private static SystemItem System(string text, string type, string value)
    {
        int start = Text.IndexOf(text, StringComparison.Ordinal);
        return new SystemItem(new TextSpan(start, start + text.Length), text, FieldBag.Of(("type", type), ("value", value)));
    }

    private static double Metric(LayerScore score, string name) => score.Metrics.Single(m => m.Key == name).Value;

    [Fact]
    public void Gold_without_a_value_is_left_out_of_value_accuracy_but_not_out_of_extent()
    {
        var gold = new[] { Gold("years", null, null), Gold("the spring of 1915", "DATE", "1915-SP") };
        var system = new[] { System("years", "DURATION", "PXY"), System("the spring of 1915", "DATE", "1915-SP") };

        var score = TimexScorer.Score(gold, system, produced: true);

        Assert.Equal(1.0, Metric(score, "relaxed_f1"));
        Assert.Equal(1.0, Metric(score, "value_accuracy"));
        Assert.Equal(1, score.Count("value_scored"));
    }

    [Fact]
    public void One_long_system_expression_matches_one_gold_expression_only()
    {
        var gold = new[] { Gold("the spring of 1915", "DATE", "1915-SP"), Gold("late 1918", "DATE", "1918") };
        var system = new[] { System("the spring of 1915 until late 1918", "DATE", "1915") };

        var score = TimexScorer.Score(gold, system, produced: true);

        Assert.Equal(1, score.Count("relaxed"));
        Assert.Equal(0, score.Count("strict"));
        Assert.Single(score.Misses);
        Assert.Equal(2 * 1.0 * 0.5 / 1.5, Metric(score, "relaxed_f1"), 6);
    }
}
