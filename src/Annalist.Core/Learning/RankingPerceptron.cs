namespace Annalist.Core.Learning;

/// <summary>
/// The feature-hash → weight table of a linear model that ranks options by the sum of their hashed features'
/// weights (the quotation-speaker and coreference models), and how such a table is written to a model file.
/// </summary>
internal static class SparseWeights
{
    public static float Score(Dictionary<ulong, float> weights, ReadOnlySpan<ulong> features)
    {
        float sum = 0;
        foreach (ulong f in features)
        {
            if (weights.TryGetValue(f, out float w)) sum += w;
        }
        return sum;
    }

    /// <summary>Writes the count, then each non-zero (hash, weight) pair sorted by hash, so that a retrained model's file is reproducible.</summary>
    public static void Write(BinaryWriter writer, Dictionary<ulong, float> weights)
    {
        var kept = weights.Where(w => w.Value != 0).OrderBy(w => w.Key).ToList();
        writer.Write(kept.Count);
        foreach (var (key, weight) in kept)
        {
            writer.Write(key);
            writer.Write(weight);
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote; throws <see cref="InvalidDataException"/> naming <paramref name="model"/> on an implausible count.</summary>
    public static Dictionary<ulong, float> Read(BinaryReader reader, int maxCount, string model)
    {
        int count = reader.ReadInt32();
        if (count < 0 || count > maxCount) throw new InvalidDataException($"Implausible feature count in a {model}.");
        var weights = new Dictionary<ulong, float>(count);
        for (int i = 0; i < count; i++) weights[reader.ReadUInt64()] = reader.ReadSingle();
        return weights;
    }
}

/// <summary>
/// An averaged perceptron over ranked options: each example promotes the best-scoring right option over the
/// predicted one when the prediction is wrong, and <see cref="Averaged"/> gives the weights averaged over every
/// step (kept lazily per feature, so an update costs its features only).
/// </summary>
internal sealed class RankingPerceptron
{
    private readonly Dictionary<ulong, (double Total, int Stamp)> _totals = [];
    private int _step;

    /// <summary>The live weights; the model being trained scores with them.</summary>
    public Dictionary<ulong, float> Weights { get; } = [];

    /// <summary>
    /// Learns from one example whose right options are marked in <paramref name="right"/>: returns the option to
    /// go on with (the prediction when right, else the best right option) and whether the prediction was wrong.
    /// </summary>
    public int Learn(IReadOnlyList<ulong[]> options, bool[] right, out bool wrong)
    {
        _step++;
        int predicted = 0, target = -1;
        float bestScore = float.NegativeInfinity, bestRight = float.NegativeInfinity;
        for (int i = 0; i < options.Count; i++)
        {
            float score = SparseWeights.Score(Weights, options[i]);
            if (score > bestScore) (predicted, bestScore) = (i, score);
            if (right[i] && score > bestRight) (target, bestRight) = (i, score);
        }
        wrong = target >= 0 && !right[predicted];
        if (!wrong) return predicted;
        foreach (ulong f in options[target]) Update(f, 1);
        foreach (ulong f in options[predicted]) Update(f, -1);
        return target;
    }

    /// <summary>
    /// One step of a structured (beam) update: every feature of <paramref name="promote"/>'s option lists gains one, every
    /// feature of <paramref name="demote"/>'s loses one (what the two share cancels). Counts as a step of the average.
    /// </summary>
    public void Learn(IEnumerable<ulong[]> promote, IEnumerable<ulong[]> demote)
    {
        _step++;
        foreach (var features in promote)
            foreach (ulong f in features) Update(f, 1);
        foreach (var features in demote)
            foreach (ulong f in features) Update(f, -1);
    }

    /// <summary>Counts a step of the average without changing a weight (a decision the model got right).</summary>
    public void Pass() => _step++;

    private void Update(ulong feature, float delta)
    {
        float current = Weights.GetValueOrDefault(feature);
        var (total, stamp) = _totals.GetValueOrDefault(feature);
        _totals[feature] = (total + (double)current * (_step - stamp), _step);
        Weights[feature] = current + delta;
    }

    /// <summary>The weights averaged over all steps so far, without those that average to nothing.</summary>
    public Dictionary<ulong, float> Averaged()
    {
        var averaged = new Dictionary<ulong, float>(Weights.Count);
        foreach (var (feature, weight) in Weights)
        {
            var (total, stamp) = _totals[feature];
            double sum = total + (double)weight * (_step - stamp);
            float value = (float)(sum / Math.Max(1, _step));
            if (Math.Abs(value) > 1e-6f) averaged[feature] = value;
        }
        return averaged;
    }
}
