using System.Collections.Immutable;

namespace Annalist.Evaluation.Scoring;

/// <summary>
/// The score of one layer on one or more documents: raw counts (which sum across documents, so
/// aggregates are micro-averaged), whether the system produced the layer at all, and every miss,
/// spurious item and mismatch as a readable line.
/// </summary>
public sealed record LayerScore(
    string Layer,
    bool Produced,
    ImmutableDictionary<string, long> Counts,
    ImmutableArray<string> Misses,
    ImmutableArray<string> Spurious,
    ImmutableArray<string> Mismatches)
{
    /// <summary>The layer's metrics (fractions in [0, 1]), computed from <see cref="Counts"/>, in report order.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Metrics => LayerMetrics.Compute(Layer, Counts);

    public long Count(string name) => Counts.GetValueOrDefault(name);

    /// <summary>Sums counts and concatenates findings; a layer is produced when any document produced it.</summary>
    public static LayerScore Combine(string layer, IEnumerable<LayerScore> scores)
    {
        var counts = ImmutableDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        var misses = ImmutableArray.CreateBuilder<string>();
        var spurious = ImmutableArray.CreateBuilder<string>();
        var mismatches = ImmutableArray.CreateBuilder<string>();
        bool produced = false, any = false;
        foreach (var score in scores)
        {
            any = true;
            produced |= score.Produced;
            foreach (var (name, value) in score.Counts) counts[name] = counts.GetValueOrDefault(name) + value;
            misses.AddRange(score.Misses);
            spurious.AddRange(score.Spurious);
            mismatches.AddRange(score.Mismatches);
        }
        return new LayerScore(layer, produced || !any, counts.ToImmutable(), misses.ToImmutable(), spurious.ToImmutable(), mismatches.ToImmutable());
    }
}

/// <summary>Accumulates the counts and findings of one layer while a scorer runs.</summary>
internal sealed class LayerScoreBuilder(string layer, bool produced, string? documentName)
{
    private readonly ImmutableDictionary<string, long>.Builder _counts = ImmutableDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
    private readonly ImmutableArray<string>.Builder _misses = ImmutableArray.CreateBuilder<string>();
    private readonly ImmutableArray<string>.Builder _spurious = ImmutableArray.CreateBuilder<string>();
    private readonly ImmutableArray<string>.Builder _mismatches = ImmutableArray.CreateBuilder<string>();
    private readonly string _prefix = documentName is null ? "" : documentName + ": ";

    public void Add(string name, long value = 1) => _counts[name] = _counts.GetValueOrDefault(name) + value;

    /// <summary>Makes a count present (as 0) so it shows and sums even when nothing was counted.</summary>
    public void Declare(params string[] names)
    {
        foreach (string name in names) _counts[name] = _counts.GetValueOrDefault(name);
    }

    public void Miss(string line) => _misses.Add(_prefix + line);

    public void Spurious(string line) => _spurious.Add(_prefix + line);

    public void Mismatch(string line) => _mismatches.Add(_prefix + line);

    public LayerScore Build() => new(layer, produced, _counts.ToImmutable(), _misses.ToImmutable(), _spurious.ToImmutable(), _mismatches.ToImmutable());
}
