using System.Collections.Immutable;
using Annalist.Evaluation.Scoring;

namespace Annalist.Evaluation;

/// <summary>The scores of one document, layer by layer.</summary>
public sealed record DocumentEvaluation(string Name, ImmutableArray<LayerScore> Layers);

/// <summary>
/// The result of one evaluation run: the per-layer scores micro-averaged over all documents (counts
/// summed, then divided) and each document's own scores. Layers appear in a fixed order.
/// </summary>
public sealed record EvaluationResult(int Documents, ImmutableArray<LayerScore> Layers, ImmutableArray<DocumentEvaluation> PerDocument)
{
    public static readonly ImmutableArray<string> LayerOrder =
        ["timexes", "entities", "turns", "events", "quantities", "editorial", "attributions", "dates", "persons", "participants"];

    public LayerScore? Layer(string name) => Layers.FirstOrDefault(l => l.Layer == name);

    public static EvaluationResult Combine(IReadOnlyList<DocumentEvaluation> documents)
    {
        var layers = documents.SelectMany(d => d.Layers)
            .GroupBy(l => l.Layer)
            .OrderBy(g => LayerOrder.IndexOf(g.Key) is int index && index >= 0 ? index : int.MaxValue)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => LayerScore.Combine(g.Key, g))
            .ToImmutableArray();
        return new EvaluationResult(documents.Count, layers, [.. documents]);
    }
}
