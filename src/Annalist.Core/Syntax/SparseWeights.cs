using System.Runtime.CompilerServices;

namespace Annalist.Core.Syntax;

/// <summary>
/// Read-only weights of a linear multiclass model: for each hashed feature, a short list of
/// (class, weight) entries. An open-addressing table of 16-byte slots finds a feature's entries;
/// scoring touches only those. Thread-safe.
/// </summary>
internal sealed class SparseWeights
{
    private readonly struct Slot(ulong key, int start, int count)
    {
        public readonly ulong Key = key;
        public readonly int Start = start;
        public readonly int Count = count;
    }

    private readonly struct Entry(int cls, float weight)
    {
        public readonly int Class = cls;
        public readonly float Weight = weight;
    }

    private const int MaximumBatch = 128;

    private readonly Slot[] _slots;
    private readonly Entry[] _entries;
    private readonly int _mask;

    private SparseWeights(int classCount, Slot[] slots, Entry[] entries)
    {
        ClassCount = classCount;
        _slots = slots;
        _entries = entries;
        _mask = slots.Length - 1;
        int features = 0;
        foreach (var slot in slots)
        {
            if (slot.Count > 0) features++;
        }
        FeatureCount = features;
    }

    public int ClassCount { get; }

    public int FeatureCount { get; }

    public int EntryCount => _entries.Length;

    /// <summary>Adds the weights of <paramref name="features"/> into <paramref name="scores"/> (cleared first).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        if (features.Length > MaximumBatch)
        {
            for (int i = 0; i < features.Length; i += MaximumBatch) Add(features.Slice(i, Math.Min(MaximumBatch, features.Length - i)), scores);
        }
        else Add(features, scores);
    }

    // Three passes so that the cache misses of one pass are independent loads the processor overlaps:
    // first touch every feature's home slot, then probe (now cached) and touch the first entry, then add.
    private void Add(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var slots = _slots;
        var entries = _entries;
        Span<int> found = stackalloc int[features.Length];
        ulong touched = 0;
        for (int i = 0; i < features.Length; i++)
        {
            int home = (int)(features[i] >> 20) & _mask;
            found[i] = home;
            touched ^= slots[home].Key;
        }
        float first = 0;
        for (int i = 0; i < features.Length; i++)
        {
            int slot = found[i];
            ulong feature = features[i];
            while (true)
            {
                ulong key = slots[slot].Key;
                if (key == feature) break;
                if (key == 0)
                {
                    slot = -1;
                    break;
                }
                slot = (slot + 1) & _mask;
            }
            found[i] = slot;
            if (slot >= 0 && slots[slot].Count > 0) first += entries[slots[slot].Start].Weight;
        }
        for (int i = 0; i < features.Length; i++)
        {
            int slot = found[i];
            if (slot < 0) continue;
            int start = slots[slot].Start;
            int end = start + slots[slot].Count;
            for (int e = start; e < end; e++) scores[entries[e].Class] += entries[e].Weight;
        }
        // Keeps the touching loads from being optimized away; never true for real data.
        if (touched == 1 && first == float.MaxValue) scores[0] += 0;
    }

    /// <summary>A copy without the entries whose magnitude is below <paramref name="minimumMagnitude"/>.</summary>
    public SparseWeights Pruned(float minimumMagnitude)
    {
        var builder = new Builder(ClassCount, FeatureCount);
        foreach (var slot in _slots)
        {
            for (int i = slot.Start; i < slot.Start + slot.Count; i++)
            {
                if (Math.Abs(_entries[i].Weight) >= minimumMagnitude) builder.Add(slot.Key, (ushort)_entries[i].Class, _entries[i].Weight);
            }
        }
        return builder.Build();
    }

    /// <summary>Writes the weights: features in key order as delta-coded keys, entries with half-precision weights.</summary>
    public void Write(ModelWriter writer)
    {
        var used = _slots.Where(slot => slot.Count > 0).OrderBy(slot => slot.Key).ToArray();
        writer.WriteVarint((ulong)ClassCount);
        writer.WriteVarint((ulong)used.Length);
        ulong previous = 0;
        foreach (var slot in used)
        {
            writer.WriteVarint(slot.Key - previous);
            previous = slot.Key;
            writer.WriteVarint((ulong)slot.Count);
            for (int i = slot.Start; i < slot.Start + slot.Count; i++)
            {
                writer.WriteVarint((ulong)_entries[i].Class);
                writer.WriteHalf(_entries[i].Weight);
            }
        }
    }

    public static SparseWeights Read(ModelReader reader)
    {
        int classCount = reader.ReadCount(ushort.MaxValue);
        int features = reader.ReadCount(1 << 26);
        var keys = new ulong[features];
        var starts = new int[features + 1];
        var entries = new List<Entry>(features * 3);
        ulong key = 0;
        for (int f = 0; f < features; f++)
        {
            ulong delta = reader.ReadVarint();
            if (delta == 0 && f > 0) throw new InvalidDataException("Feature keys are not strictly increasing.");
            key += delta;
            if (key == 0) throw new InvalidDataException("Feature hash 0 is reserved.");
            keys[f] = key;
            starts[f] = entries.Count;
            int count = reader.ReadCount(classCount);
            for (int i = 0; i < count; i++)
            {
                int cls = reader.ReadCount(classCount - 1);
                entries.Add(new Entry(cls, reader.ReadHalf()));
            }
        }
        starts[features] = entries.Count;
        return Layout(classCount, keys, starts, [.. entries]);
    }

    /// <summary>Places features, given in increasing key order with their entries contiguous, in the probe table.</summary>
    private static SparseWeights Layout(int classCount, ulong[] keys, int[] starts, Entry[] entries)
    {
        int features = keys.Length;
        int size = 16;
        while (size < features * 2) size <<= 1;
        var slots = new Slot[size];
        for (int f = 0; f < features; f++)
        {
            int slot = (int)(keys[f] >> 20) & (size - 1);
            while (slots[slot].Key != 0) slot = (slot + 1) & (size - 1);
            slots[slot] = new Slot(keys[f], starts[f], starts[f + 1] - starts[f]);
        }
        return new SparseWeights(classCount, slots, entries);
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
            // Key order makes the layout, and so the floating-point summation order, independent of insertion order.
            var ordered = _entries.OrderBy(e => e.Key).ToArray();
            var keys = new ulong[ordered.Length];
            var starts = new int[ordered.Length + 1];
            var entries = new Entry[ordered.Sum(e => e.Value.Count)];
            int next = 0;
            for (int f = 0; f < ordered.Length; f++)
            {
                keys[f] = ordered[f].Key;
                starts[f] = next;
                foreach (var (cls, weight) in ordered[f].Value.OrderBy(e => e.Class)) entries[next++] = new Entry(cls, weight);
            }
            starts[ordered.Length] = next;
            return Layout(_classCount, keys, starts, entries);
        }
    }
}
