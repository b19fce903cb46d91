using Annalist.Core.Annotations;
using Annalist.Evaluation.Gold;
using Annalist.Evaluation.SystemOutput;

namespace Annalist.Evaluation.Scoring;

/// <summary>
/// The span-and-label layers, each paired one to one: quantities (overlap, then equal value or min
/// and max, and unit and qualifier where the gold gives them), editorial marks (identical extent and
/// kind) and attributions (overlap and evidentiality). Counts: gold, system, matched.
/// </summary>
public static class SpanLayerScorers
{
    public static LayerScore Quantities(ResolvedGold gold, SystemLayers system, string? documentName = null) =>
        Score(LayerNames.Quantities, gold.Quantities, q => q.Span, q => $"{q.Gold.Value?.ToString() ?? $"{q.Gold.Min}-{q.Gold.Max}"} {q.Gold.Unit} {q.Gold.Qualifier}".TrimEnd(), q => q.Gold.Text,
            system, exact: false, (q, s) => QuantityAgrees(q.Gold, s.Fields), documentName);

    public static LayerScore Editorial(ResolvedGold gold, SystemLayers system, string? documentName = null) =>
        Score(LayerNames.Editorial, gold.Editorial, e => e.Span, e => e.Gold.Kind, e => e.Gold.Text,
            system, exact: true, (e, s) => string.Equals(e.Gold.Kind, s.Fields.String("kind"), StringComparison.Ordinal), documentName);

    public static LayerScore Attributions(ResolvedGold gold, SystemLayers system, string? documentName = null) =>
        Score(LayerNames.Attributions, gold.Attributions, a => a.Span, a => a.Gold.Evidentiality, a => a.Gold.Text,
            system, exact: false, (a, s) => string.Equals(a.Gold.Evidentiality, s.Fields.String("evidentiality"), StringComparison.OrdinalIgnoreCase), documentName);

    private static bool QuantityAgrees(GoldQuantity gold, FieldBag system)
    {
        if (gold.Value is { } value)
        {
            if (system.Number("value") != value) return false;
        }
        else if (system.Number("min") != gold.Min || system.Number("max") != gold.Max) return false;
        if (gold.Unit is { } unit && (system.String("unit") is not { } systemUnit
            || !(systemUnit.Contains(unit, StringComparison.OrdinalIgnoreCase) || unit.Contains(systemUnit, StringComparison.OrdinalIgnoreCase)))) return false;
        if (gold.Qualifier is { } qualifier && !string.Equals(qualifier, system.String("qualifier"), StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }

    private static LayerScore Score<T>(
        string layer,
        IReadOnlyList<T> gold,
        Func<T, Core.Text.TextSpan> span,
        Func<T, string> label,
        Func<T, string> text,
        SystemLayers system,
        bool exact,
        Func<T, SystemItem, bool> agrees,
        string? documentName)
    {
        var score = new LayerScoreBuilder(layer, system.Has(layer), documentName);
        score.Declare(LayerMetrics.Gold, LayerMetrics.System, LayerMetrics.Matched);
        var items = system.Get(layer);
        score.Add(LayerMetrics.Gold, gold.Count);
        score.Add(LayerMetrics.System, items.Length);
        var pairs = SpanMatcher.Pair(gold, span, items, s => s.Span, (g, s) => agrees(g, s) && (!exact || s.Span == span(g)));
        var used = new bool[items.Length];
        for (int g = 0; g < gold.Count; g++)
        {
            if (pairs[g] >= 0)
            {
                used[pairs[g]] = true;
                score.Add(LayerMetrics.Matched);
            }
            else score.Miss($"{label(gold[g])} {TimexScorer.Describe(span(gold[g]), text(gold[g]))}");
        }
        for (int s = 0; s < items.Length; s++)
        {
            if (!used[s]) score.Spurious($"{Label(layer, items[s].Fields)} {TimexScorer.Describe(items[s].Span, items[s].Text)}");
        }
        return score.Build();
    }

    private static string Label(string layer, FieldBag fields) => layer switch
    {
        LayerNames.Editorial => fields.String("kind") ?? "",
        LayerNames.Attributions => fields.String("evidentiality") ?? "",
        _ => $"{fields.String("value") ?? $"{fields.String("min")}-{fields.String("max")}"} {fields.String("unit")} {fields.String("qualifier")}".TrimEnd(),
    };
}
