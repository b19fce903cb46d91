namespace Annalist.Core.Syntax;

/// <summary>
/// Training-time weights of a multiclass averaged perceptron over hashed features. Each feature keeps
/// only the classes it was ever updated for, so memory follows the updates, not features × classes.
/// Averaging is lazy (Daumé's trick): a weight's running total catches up only when it changes.
/// Not thread-safe.
/// </summary>
internal sealed class AveragedPerceptron
{
    private sealed class Row
    {
        public ushort[] Classes = new ushort[2];
        public float[] Weights = new float[2];
        public double[] Totals = new double[2];
        public long[] Stamps = new long[2];
        public int Count;
    }

    private readonly Dictionary<ulong, Row> _rows = [];
    private long _instances;

    public AveragedPerceptron(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ClassCount = classCount;
    }

    public int ClassCount { get; }

    public int FeatureCount => _rows.Count;

    /// <summary>Adds the current weights of <paramref name="features"/> into <paramref name="scores"/> (cleared first).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (ulong feature in features)
        {
            if (!_rows.TryGetValue(feature, out var row)) continue;
            var classes = row.Classes;
            var weights = row.Weights;
            for (int i = 0; i < row.Count; i++) scores[classes[i]] += weights[i];
        }
    }

    /// <summary>Marks one training instance seen; call once per decision, whether or not it updates.</summary>
    public void Tick() => _instances++;

    /// <summary>Rewards <paramref name="truth"/> and penalizes <paramref name="guess"/> on every feature.</summary>
    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        if (truth == guess) return;
        foreach (ulong feature in features)
        {
            if (!_rows.TryGetValue(feature, out var row))
            {
                row = new Row();
                _rows[feature] = row;
            }
            Add(row, truth, 1f);
            Add(row, guess, -1f);
        }
    }

    private void Add(Row row, int cls, float delta)
    {
        int index = Array.IndexOf(row.Classes, (ushort)cls, 0, row.Count);
        if (index < 0)
        {
            if (row.Count == row.Classes.Length)
            {
                int size = row.Count * 2;
                Array.Resize(ref row.Classes, size);
                Array.Resize(ref row.Weights, size);
                Array.Resize(ref row.Totals, size);
                Array.Resize(ref row.Stamps, size);
            }
            index = row.Count++;
            row.Classes[index] = (ushort)cls;
            row.Weights[index] = 0;
            row.Totals[index] = 0;
            row.Stamps[index] = _instances;
        }
        row.Totals[index] += (_instances - row.Stamps[index]) * (double)row.Weights[index];
        row.Stamps[index] = _instances;
        row.Weights[index] += delta;
    }

    /// <summary>
    /// The averaged weights, scaled so the largest magnitude is 1024 and rounded to half precision,
    /// keeping entries whose scaled magnitude reaches <paramref name="minimumMagnitude"/>.
    /// </summary>
    public SparseWeights Average(float minimumMagnitude)
    {
        long now = Math.Max(1, _instances);
        var averaged = new List<(ulong Feature, ushort Class, double Weight)>();
        double largest = 0;
        foreach (var (feature, row) in _rows)
        {
            for (int i = 0; i < row.Count; i++)
            {
                double total = row.Totals[i] + (now - row.Stamps[i]) * (double)row.Weights[i];
                double weight = total / now;
                if (weight == 0) continue;
                averaged.Add((feature, row.Classes[i], weight));
                largest = Math.Max(largest, Math.Abs(weight));
            }
        }
        double scale = largest > 0 ? 1024 / largest : 1;
        var builder = new SparseWeights.Builder(ClassCount);
        foreach (var (feature, cls, weight) in averaged)
        {
            // Rounded to half precision here, as the model file stores it, so a trained model scores exactly as its file.
            float scaled = (float)(Half)(weight * scale);
            if (Math.Abs(scaled) >= minimumMagnitude) builder.Add(feature, cls, scaled);
        }
        return builder.Build();
    }
}
