using Annalist.Core.Text;
using Annalist.Evaluation.SystemOutput;

namespace Annalist.Evaluation.Scoring;

/// <summary>A gold temporal expression to score against: its extent, TIMEX3 type and value.</summary>
public sealed record GoldTimexSpan(TextSpan Span, string Text, string? Type, string? Value);

/// <summary>
/// TempEval-3 timex scoring. Gold and system expressions are paired one to one, identical extents
/// first, then by largest overlap. Strict counts identical extents; relaxed counts every pair; value
/// and type are checked over relaxed pairs whose gold expression has one (some TIMEX2 gold has no
/// value). Counts: gold, system, strict, relaxed, value_scored, value_correct, type_scored, type_correct.
/// </summary>
public static class TimexScorer
{
    public const string Layer = "timexes";

    public static LayerScore Score(IReadOnlyList<GoldTimexSpan> gold, IReadOnlyList<SystemItem> system, bool produced, string? documentName = null)
    {
        var score = new LayerScoreBuilder(Layer, produced, documentName);
        score.Declare(LayerMetrics.Gold, LayerMetrics.System, "strict", "relaxed", "value_scored", "value_correct", "type_scored", "type_correct");
        score.Add(LayerMetrics.Gold, gold.Count);
        score.Add(LayerMetrics.System, system.Count);
        var pairs = SpanMatcher.Pair(gold, g => g.Span, system, s => s.Span);
        var systemUsed = new bool[system.Count];
        for (int g = 0; g < gold.Count; g++)
        {
            var expected = gold[g];
            int s = pairs[g];
            if (s < 0)
            {
                score.Miss($"{Describe(expected.Span, expected.Text)} {expected.Type} {expected.Value}");
                continue;
            }
            systemUsed[s] = true;
            var found = system[s];
            score.Add("relaxed");
            if (found.Span == expected.Span) score.Add("strict");
            string? value = found.Fields.String("value");
            string? type = found.Fields.String("type");
            bool valueRight = string.Equals(Normalize(value), Normalize(expected.Value), StringComparison.Ordinal);
            bool typeRight = string.Equals(Normalize(type), Normalize(expected.Type), StringComparison.OrdinalIgnoreCase);
            if (Normalize(expected.Value) is not null)
            {
                score.Add("value_scored");
                if (valueRight) score.Add("value_correct");
            }
            if (Normalize(expected.Type) is not null)
            {
                score.Add("type_scored");
                if (typeRight) score.Add("type_correct");
            }
            if (!valueRight || !typeRight || found.Span != expected.Span)
                score.Mismatch($"{Describe(expected.Span, expected.Text)} {expected.Type} {expected.Value} ← system {Describe(found.Span, found.Text)} {type} {value}");
        }
        for (int s = 0; s < system.Count; s++)
        {
            if (!systemUsed[s]) score.Spurious($"{Describe(system[s].Span, system[s].Text)} {system[s].Fields.String("type")} {system[s].Fields.String("value")}");
        }
        return score.Build();
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static string Describe(TextSpan span, string text) => $"{span.Start}-{span.End} \"{Gold.GoldResolver.Shorten(text.ReplaceLineEndings(" "))}\"";
}

/// <summary>One-to-one pairing of gold and system spans: identical extents first, then the largest overlap.</summary>
internal static class SpanMatcher
{
    /// <summary>For each gold item, the index of its system partner or -1.</summary>
    public static int[] Pair<TGold, TSystem>(IReadOnlyList<TGold> gold, Func<TGold, TextSpan> goldSpan, IReadOnlyList<TSystem> system, Func<TSystem, TextSpan> systemSpan, Func<TGold, TSystem, bool>? compatible = null)
    {
        var result = new int[gold.Count];
        Array.Fill(result, -1);
        var used = new bool[system.Count];
        for (int g = 0; g < gold.Count; g++)
        {
            for (int s = 0; s < system.Count; s++)
            {
                if (!used[s] && systemSpan(system[s]) == goldSpan(gold[g]) && (compatible?.Invoke(gold[g], system[s]) ?? true))
                {
                    result[g] = s;
                    used[s] = true;
                    break;
                }
            }
        }
        for (int g = 0; g < gold.Count; g++)
        {
            if (result[g] >= 0) continue;
            var span = goldSpan(gold[g]);
            int best = -1, bestOverlap = 0;
            for (int s = 0; s < system.Count; s++)
            {
                if (used[s]) continue;
                var other = systemSpan(system[s]);
                int overlap = Math.Min(span.End, other.End) - Math.Max(span.Start, other.Start);
                bool touches = overlap > 0 || (span.IsEmpty && other.Contains(span.Start));
                if (touches && overlap >= bestOverlap && (best < 0 || overlap > bestOverlap) && (compatible?.Invoke(gold[g], system[s]) ?? true))
                {
                    best = s;
                    bestOverlap = overlap;
                }
            }
            if (best >= 0)
            {
                result[g] = best;
                used[best] = true;
            }
        }
        return result;
    }
}
