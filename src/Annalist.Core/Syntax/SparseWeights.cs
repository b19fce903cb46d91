using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Annalist.Core.Syntax;

/// <summary>
/// Read-only weights of a linear multiclass model: for each hashed feature, its (class, weight) entries,
/// weights in half precision as the model file stores them. An open-addressing table of 16-byte slots,
/// four to a cache line, finds a feature. A feature with one or two entries keeps them in its slot, so
/// its lookup costs one memory access; one with a few more keeps them in a side array; one with many
/// (the frequent features: bias, tags, tag pairs, which carry most of the score mass) keeps a dense row
/// of every class, added with vector instructions. Thread-safe.
/// </summary>
internal sealed class SparseWeights
{
    // A slot is two ulongs: the feature's key (0: empty), then either two 32-bit entries, or a marker in
    // the low half (the entry count of a spilled feature, or the dense flag) and an index in the high half.
    //
    // An entry is the float bits of its weight with the class in the low 13 bits: a half-precision value
    // widened to float has 10 significant mantissa bits, so those 13 bits are always zero.
    private const uint ClassMask = 0x1FFF;
    private const uint ExponentMask = 0x7F80_0000;

    // No finite weight has the exponent of infinity, so it marks a slot whose entries live elsewhere.
    private const uint SpillMarker = ExponentMask;
    private const uint DenseMarker = ExponentMask | 0x0040_0000;
    private const int SlotsPerLine = 4;
    private const int MaximumBatch = 128;
    private const int MaximumClassCount = (int)ClassMask + 1;

    // Dense rows are padded to this many classes, a multiple of every vector width in use.
    private const int RowAlignment = 16;

    private readonly ulong[] _table;
    private readonly int _first;
    private readonly int _mask;
    private readonly uint[] _spilled;
    private readonly float[] _dense;
    private readonly int _stride;

    private SparseWeights(int classCount, ulong[] table, int first, int slotCount, uint[] spilled, float[] dense, int featureCount, int entryCount)
    {
        ClassCount = classCount;
        _table = table;
        _first = first;
        _mask = slotCount - 1;
        _spilled = spilled;
        _dense = dense;
        _stride = RowStride(classCount);
        FeatureCount = featureCount;
        EntryCount = entryCount;
    }

    public int ClassCount { get; }

    public int FeatureCount { get; }

    public int EntryCount { get; }

    /// <summary>Bytes the lookup table, spilled entries and dense rows occupy.</summary>
    public long MemoryBytes => (long)_table.Length * sizeof(ulong) + (long)_spilled.Length * sizeof(uint) + (long)_dense.Length * sizeof(float);

    /// <summary>The length of a score buffer that <see cref="Score"/> fills without copying: the class count rounded up.</summary>
    public int ScoreLength => _stride;

    private static int RowStride(int classCount) => (classCount + RowAlignment - 1) / RowAlignment * RowAlignment;

    // A feature with at least this many entries gets a dense row: adding the row in vectors is then cheaper than entry by entry.
    private static int DenseThreshold(int classCount) => Math.Max(8, RowStride(classCount) / 8);

    /// <summary>
    /// Adds the weights of <paramref name="features"/> into <paramref name="scores"/> (cleared first),
    /// feature by feature and, within one, class by class, so the sums are the same to the last bit
    /// whatever the memory layout.
    /// </summary>
    /// <remarks>A buffer of <see cref="ScoreLength"/> or more is filled in place (the scores past the classes are meaningless); a shorter one, of at least <see cref="ClassCount"/>, through a copy.</remarks>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        if (scores.Length < ClassCount) throw new ArgumentException("One score per class is needed.", nameof(scores));
        if (scores.Length < _stride)
        {
            Span<float> padded = _stride <= 1024 ? stackalloc float[_stride] : new float[_stride];
            Score(features, padded);
            padded[..scores.Length].CopyTo(scores);
            return;
        }
        scores.Clear();
        for (int i = 0; i < features.Length; i += MaximumBatch) Add(features.Slice(i, Math.Min(MaximumBatch, features.Length - i)), scores[.._stride]);
    }

    // Three passes, so that the cache misses of one pass are independent loads the processor overlaps:
    // first prefetch (or, without SSE, touch) every feature's home line, then probe (now cached) and touch spilled entries, then add.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        ref ulong table = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_table), _first);
        int mask = _mask;
        Span<int> found = stackalloc int[features.Length];
        ulong touched = 0;
        if (Sse.IsSupported)
        {
            // Prefetches retire at once, so every home line is requested before the first arrives; the table is pinned.
            for (int i = 0; i < features.Length; i++)
            {
                int home = Home(features[i], mask);
                found[i] = home;
                unsafe
                {
                    Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref table, 2 * home)));
                }
            }
        }
        else
        {
            for (int i = 0; i < features.Length; i++)
            {
                int home = Home(features[i], mask);
                found[i] = home;
                touched ^= Unsafe.Add(ref table, 2 * home);
            }
        }
        for (int i = 0; i < features.Length; i++)
        {
            int slot = found[i];
            ulong feature = features[i];
            while (true)
            {
                ulong key = Unsafe.Add(ref table, 2 * slot);
                if (key == feature) break;
                if (key == 0)
                {
                    slot = -1;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            found[i] = slot;
            if (slot >= 0)
            {
                ulong entries = Unsafe.Add(ref table, 2 * slot + 1);
                if (IsElsewhere((uint)entries))
                {
                    touched ^= (uint)entries == DenseMarker
                        ? BitConverter.SingleToUInt32Bits(_dense[(int)(entries >> 32) * _stride])
                        : _spilled[(int)(entries >> 32)];
                }
            }
        }
        for (int i = 0; i < features.Length; i++)
        {
            int slot = found[i];
            if (slot < 0) continue;
            ulong entries = Unsafe.Add(ref table, 2 * slot + 1);
            uint first = (uint)entries;
            if (!IsElsewhere(first))
            {
                AddEntry(first, scores);
                uint second = (uint)(entries >> 32);
                if (second != 0) AddEntry(second, scores);
            }
            else if (first == DenseMarker) AddRow(_dense.AsSpan((int)(entries >> 32) * _stride, _stride), scores);
            else
            {
                foreach (uint entry in _spilled.AsSpan((int)(entries >> 32), (int)(first & ~SpillMarker))) AddEntry(entry, scores);
            }
        }
        // Keeps the touching loads from being optimized away; never true for real data.
        if (touched == 1) scores[0] += 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddEntry(uint entry, Span<float> scores) => scores[(int)(entry & ClassMask)] += BitConverter.UInt32BitsToSingle(entry & ~ClassMask);

    // Lane by lane, so each class's sum is built in the same order as entry by entry; a class the row
    // does not hold adds +0, which leaves every sum as it was.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(ReadOnlySpan<float> row, Span<float> scores)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var rows = MemoryMarshal.Cast<float, Vector<float>>(row);
            var sums = MemoryMarshal.Cast<float, Vector<float>>(scores[..row.Length]);
            for (int v = 0; v < rows.Length; v++) sums[v] += rows[v];
            i = rows.Length * Vector<float>.Count;
        }
        for (; i < row.Length; i++) scores[i] += row[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Home(ulong feature, int mask) => (int)(feature >> 20) & mask & ~(SlotsPerLine - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsElsewhere(uint first) => (first & ExponentMask) == ExponentMask;

    private static uint Pack(int cls, float weight)
    {
        uint bits = BitConverter.SingleToUInt32Bits(weight);
        if (weight == 0 || !float.IsFinite(weight) || (bits & ClassMask) != 0)
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "Weights must be non-zero and representable in half precision.");
        return bits | (uint)cls;
    }

    /// <summary>Every stored (feature, class, weight), features in key order and classes in increasing order within one.</summary>
    public IEnumerable<(ulong Feature, int Class, float Weight)> Entries()
    {
        var keys = new List<(ulong Key, int Slot)>(FeatureCount);
        for (int slot = 0; slot <= _mask; slot++)
        {
            ulong key = _table[_first + 2 * slot];
            if (key != 0) keys.Add((key, slot));
        }
        keys.Sort((a, b) => a.Key.CompareTo(b.Key));
        foreach (var (key, slot) in keys)
        {
            ulong entries = _table[_first + 2 * slot + 1];
            uint first = (uint)entries;
            if (first == DenseMarker)
            {
                int row = (int)(entries >> 32) * _stride;
                for (int cls = 0; cls < ClassCount; cls++)
                {
                    if (_dense[row + cls] != 0) yield return (key, cls, _dense[row + cls]);
                }
            }
            else if (IsElsewhere(first))
            {
                int start = (int)(entries >> 32), count = (int)(first & ~SpillMarker);
                for (int i = start; i < start + count; i++) yield return Unpack(key, _spilled[i]);
            }
            else
            {
                yield return Unpack(key, first);
                if ((uint)(entries >> 32) is var second and not 0) yield return Unpack(key, second);
            }
        }
    }

    private static (ulong, int, float) Unpack(ulong key, uint entry) => (key, (int)(entry & ClassMask), BitConverter.UInt32BitsToSingle(entry & ~ClassMask));

    /// <summary>A copy without the entries whose magnitude is below <paramref name="minimumMagnitude"/>.</summary>
    public SparseWeights Pruned(float minimumMagnitude)
    {
        var builder = new Builder(ClassCount, FeatureCount);
        foreach (var (feature, cls, weight) in Entries())
        {
            if (Math.Abs(weight) >= minimumMagnitude) builder.Add(feature, (ushort)cls, weight);
        }
        return builder.Build();
    }

    /// <summary>Writes the weights: features in key order as delta-coded keys, entries with half-precision weights.</summary>
    public void Write(ModelWriter writer)
    {
        writer.WriteVarint((ulong)ClassCount);
        writer.WriteVarint((ulong)FeatureCount);
        ulong previous = 0;
        var row = new List<(int Class, float Weight)>();
        ulong current = 0;
        foreach (var (feature, cls, weight) in Entries())
        {
            if (feature != current && row.Count > 0)
            {
                WriteRow(writer, current, ref previous, row);
                row.Clear();
            }
            current = feature;
            row.Add((cls, weight));
        }
        if (row.Count > 0) WriteRow(writer, current, ref previous, row);
    }

    private static void WriteRow(ModelWriter writer, ulong feature, ref ulong previous, List<(int Class, float Weight)> row)
    {
        writer.WriteVarint(feature - previous);
        previous = feature;
        writer.WriteVarint((ulong)row.Count);
        foreach (var (cls, weight) in row)
        {
            writer.WriteVarint((ulong)cls);
            writer.WriteHalf(weight);
        }
    }

    public static SparseWeights Read(ModelReader reader)
    {
        int classCount = reader.ReadCount(MaximumClassCount);
        int features = reader.ReadCount(1 << 26);
        var keys = new ulong[features];
        var starts = new int[features + 1];
        var entries = new List<uint>(features * 3);
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
            int previousClass = -1;
            for (int i = 0; i < count; i++)
            {
                int cls = reader.ReadCount(classCount - 1);
                float weight = reader.ReadHalf();
                if (cls <= previousClass) throw new InvalidDataException("A feature's classes are not strictly increasing.");
                previousClass = cls;
                if (weight == 0) continue;
                if (!float.IsFinite(weight)) throw new InvalidDataException("A weight is not finite.");
                entries.Add(Pack(cls, weight));
            }
        }
        starts[features] = entries.Count;
        return Layout(classCount, keys, starts, [.. entries]);
    }

    /// <summary>Places features, given in increasing key order with their entries contiguous, in the probe table.</summary>
    private static SparseWeights Layout(int classCount, ulong[] keys, int[] starts, uint[] entries)
    {
        int features = 0, spilled = 0, rows = 0;
        int threshold = DenseThreshold(classCount), stride = RowStride(classCount);
        for (int f = 0; f < keys.Length; f++)
        {
            int count = starts[f + 1] - starts[f];
            if (count > 0) features++;
            if (count >= threshold) rows++;
            else if (count > 2) spilled += count;
        }
        // At most four features in five slots: a lookup mostly ends on its home line.
        int size = 2 * SlotsPerLine;
        while (size < features + features / 4) size <<= 1;
        // Over-allocated by one line and pinned, so the slots can start on a 64-byte boundary.
        var table = GC.AllocateArray<ulong>(2 * size + 2 * SlotsPerLine, pinned: true);
        int first = (int)((64 - (Marshal.UnsafeAddrOfPinnedArrayElement(table, 0) & 63)) & 63) / sizeof(ulong);
        var spill = new uint[spilled];
        var dense = new float[rows * stride];
        int next = 0, nextRow = 0;
        for (int f = 0; f < keys.Length; f++)
        {
            int start = starts[f], count = starts[f + 1] - start;
            if (count == 0) continue;
            int slot = Home(keys[f], size - 1);
            while (table[first + 2 * slot] != 0) slot = (slot + 1) & (size - 1);
            table[first + 2 * slot] = keys[f];
            if (count <= 2) table[first + 2 * slot + 1] = entries[start] | (count == 2 ? (ulong)entries[start + 1] << 32 : 0);
            else if (count >= threshold)
            {
                table[first + 2 * slot + 1] = DenseMarker | ((ulong)nextRow << 32);
                for (int e = start; e < start + count; e++) dense[nextRow * stride + (int)(entries[e] & ClassMask)] = BitConverter.UInt32BitsToSingle(entries[e] & ~ClassMask);
                nextRow++;
            }
            else
            {
                table[first + 2 * slot + 1] = (SpillMarker | (uint)count) | ((ulong)next << 32);
                Array.Copy(entries, start, spill, next, count);
                next += count;
            }
        }
        return new SparseWeights(classCount, table, first, size, spill, dense, features, entries.Length);
    }

    /// <summary>Collects entries, then lays them out in the probe table.</summary>
    public sealed class Builder
    {
        private readonly int _classCount;
        private readonly Dictionary<ulong, List<(ushort Class, float Weight)>> _entries;

        public Builder(int classCount, int capacity = 0)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, MaximumClassCount);
            _classCount = classCount;
            _entries = new Dictionary<ulong, List<(ushort, float)>>(capacity);
        }

        /// <summary>Adds one entry; <paramref name="weight"/> must be representable in half precision, and a zero weight is dropped.</summary>
        public void Add(ulong feature, ushort cls, float weight)
        {
            if (feature == 0) throw new ArgumentOutOfRangeException(nameof(feature), "Feature hash 0 is reserved.");
            if (cls >= _classCount) throw new ArgumentOutOfRangeException(nameof(cls));
            if (weight == 0) return;
            _ = Pack(cls, weight);
            if (!_entries.TryGetValue(feature, out var list)) _entries[feature] = list = new List<(ushort, float)>(2);
            list.Add((cls, weight));
        }

        public SparseWeights Build()
        {
            // Key order makes the layout independent of insertion order.
            var ordered = _entries.OrderBy(e => e.Key).ToArray();
            var keys = new ulong[ordered.Length];
            var starts = new int[ordered.Length + 1];
            var entries = new uint[ordered.Sum(e => e.Value.Count)];
            int next = 0;
            for (int f = 0; f < ordered.Length; f++)
            {
                keys[f] = ordered[f].Key;
                starts[f] = next;
                int previous = -1;
                foreach (var (cls, weight) in ordered[f].Value.OrderBy(e => e.Class))
                {
                    if (cls == previous) throw new InvalidOperationException($"Feature {ordered[f].Key} has two weights for class {cls}.");
                    previous = cls;
                    entries[next++] = Pack(cls, weight);
                }
            }
            starts[ordered.Length] = next;
            return Layout(_classCount, keys, starts, entries);
        }
    }
}
