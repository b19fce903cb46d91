using System.Runtime.CompilerServices;

namespace Annalist.Core.Syntax;

/// <summary>
/// Read-only weights of a linear multiclass model: for each hashed feature, a short list of
/// (class, weight) entries. An open-addressing table finds a feature's entries; scoring touches only
/// those, so it costs little more than one probe per feature. Thread-safe.
/// </summary>
internal sealed class SparseWeights
{
    private readonly ulong[] _keys;
    private readonly int[] _starts;
    private readonly int[] _counts;
    private readonly ushort[] _classes;
    private readonly float[] _weights;
    private readonly int _mask;

    private SparseWeights(int classCount, ulong[] keys, int[] starts, int[] counts, ushort[] classes, float[] weights)
    {
        ClassCount = classCount;
        _keys = keys;
        _starts = starts;
        _counts = counts;
        _classes = classes;
        _weights = weights;
        _mask = keys.Length - 1;
        FeatureCount = counts.Count(c => c > 0);
    }

    public int ClassCount { get; }

    public int FeatureCount { get; }

    public int EntryCount => _classes.Length;

    /// <summary>Adds the weights of <paramref name="features"/> into <paramref name="scores"/> (cleared first).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        var classes = _classes;
        var weights = _weights;
        foreach (ulong feature in features)
        {
            int slot = Find(feature);
            if (slot < 0) continue;
            int start = _starts[slot];
            int end = start + _counts[slot];
            for (int i = start; i < end; i++) scores[classes[i]] += weights[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(ulong feature)
    {
        int slot = (int)(feature >> 20) & _mask;
        while (true)
        {
            ulong key = _keys[slot];
            if (key == feature) return slot;
            if (key == 0) return -1;
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Writes the weights: features in key order as delta-coded keys, entries with half-precision weights.</summary>
    public void Write(ModelWriter writer)
    {
        var order = Enumerable.Range(0, _keys.Length).Where(i => _counts[i] > 0).OrderBy(i => _keys[i]).ToArray();
        writer.WriteVarint((ulong)ClassCount);
        writer.WriteVarint((ulong)order.Length);
        ulong previous = 0;
        foreach (int slot in order)
        {
            writer.WriteVarint(_keys[slot] - previous);
            previous = _keys[slot];
            writer.WriteVarint((ulong)_counts[slot]);
            for (int i = _starts[slot]; i < _starts[slot] + _counts[slot]; i++)
            {
                writer.WriteVarint(_classes[i]);
                writer.WriteHalf(_weights[i]);
            }
        }
    }

    public static SparseWeights Read(ModelReader reader)
    {
        int classCount = reader.ReadCount(ushort.MaxValue);
        int features = reader.ReadCount(1 << 26);
        var builder = new Builder(classCount, features);
        ulong key = 0;
        for (int f = 0; f < features; f++)
        {
            key += reader.ReadVarint();
            int count = reader.ReadCount(classCount);
            for (int i = 0; i < count; i++)
            {
                int cls = reader.ReadCount(classCount - 1);
                builder.Add(key, (ushort)cls, reader.ReadHalf());
            }
        }
        return builder.Build();
    }

    /// <summary>Collects entries, then lays them out in the probe table.</summary>
    public sealed class Builder
    {
        private readonly int _classCount;
        private readonly Dictionary<ulong, List<(ushort Class, float Weight)>> _entries;

        public Builder(int classCount, int capacity = 0)
        {
            _classCount = classCount;
            _entries = new Dictionary<ulong, List<(ushort, float)>>(capacity);
        }

        public void Add(ulong feature, ushort cls, float weight)
        {
            if (feature == 0) throw new ArgumentOutOfRangeException(nameof(feature), "Feature hash 0 is reserved.");
            if (cls >= _classCount) throw new ArgumentOutOfRangeException(nameof(cls));
            if (!_entries.TryGetValue(feature, out var list)) _entries[feature] = list = new List<(ushort, float)>(2);
            list.Add((cls, weight));
        }

        public SparseWeights Build()
        {
            int size = 16;
            while (size < _entries.Count * 2) size <<= 1;
            var keys = new ulong[size];
            var starts = new int[size];
            var counts = new int[size];
            int total = _entries.Values.Sum(l => l.Count);
            var classes = new ushort[total];
            var weights = new float[total];
            int next = 0;
            // Key order makes the layout, and so the floating-point summation order, independent of insertion order.
            foreach (var (feature, list) in _entries.OrderBy(e => e.Key))
            {
                int slot = (int)(feature >> 20) & (size - 1);
                while (keys[slot] != 0) slot = (slot + 1) & (size - 1);
                keys[slot] = feature;
                starts[slot] = next;
                counts[slot] = list.Count;
                foreach (var (cls, weight) in list.OrderBy(e => e.Class))
                {
                    classes[next] = cls;
                    weights[next] = weight;
                    next++;
                }
            }
            return new SparseWeights(_classCount, keys, starts, counts, classes, weights);
        }
    }
}
