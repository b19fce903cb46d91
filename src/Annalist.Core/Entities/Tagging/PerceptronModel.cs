using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Annalist.Core.Entities.Tagging;

/// <summary>
/// The weights of a first-order structured perceptron over the labels of a <see cref="LabelScheme"/>: one row of label
/// weights per hashed feature, and label-to-label transition weights. Immutable and thread-safe.
/// </summary>
public sealed class PerceptronModel
{
    private const string Magic = "ANLNER";
    private const int FormatVersion = 4;

    // Version 5 adds the label-pair tables (PairTemplates); a model without them is still written as version 4, byte for byte.
    private const int PairFormatVersion = 5;

    private readonly Dictionary<uint, int> _rows;
    private readonly float[] _weights;

    /// <param name="rows">Feature id → row number.</param>
    /// <param name="weights">Rows of <see cref="LabelScheme.Count"/> weights.</param>
    /// <param name="transitions">(<see cref="LabelScheme.Count"/> + 1) × <see cref="LabelScheme.Count"/> weights; row 0 is the sentence start.</param>
    /// <param name="commonWords">The lower-case vocabulary the feature extractor was trained with.</param>
    /// <param name="clusters">The word clusters the feature extractor was trained with.</param>
    /// <param name="brown">The Brown clusters the feature extractor was trained with.</param>
    /// <param name="scheme">The labels the weights are for (default BIO).</param>
    /// <param name="pairTemplates">The label-pair templates (<see cref="LabelPairFeatures"/>) whose tables <paramref name="pairRows"/> holds.</param>
    /// <param name="pairRows">Label-pair feature id → row number.</param>
    /// <param name="pairWeights">Rows of (<see cref="LabelScheme.Count"/> + 1) × <see cref="LabelScheme.Count"/> transition weights, added to <paramref name="transitions"/> at a token with that feature.</param>
    public PerceptronModel(Dictionary<uint, int> rows, float[] weights, float[] transitions, IReadOnlyList<string>? commonWords = null, WordClusters? clusters = null, BrownClusters? brown = null, LabelScheme? scheme = null,
        LabelPairTemplates pairTemplates = LabelPairTemplates.None, Dictionary<uint, int>? pairRows = null, float[]? pairWeights = null)
    {
        Scheme = scheme ?? LabelScheme.Bio;
        _labels = Scheme.Count;
        _stride = _labels < 8 ? 8 : 16;
        Brown = brown ?? BrownClusters.Empty;
        CommonWords = commonWords ?? [];
        Clusters = clusters ?? WordClusters.Empty;
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(transitions);
        if (weights.Length != rows.Count * _labels) throw new ArgumentException("One row of weights per feature is needed.", nameof(weights));
        if (transitions.Length != (_labels + 1) * _labels) throw new ArgumentException("Wrong number of transition weights.", nameof(transitions));
        _rows = rows;
        _weights = weights;
        Transitions = transitions;
        PairTemplates = pairTemplates;
        _pairRows = pairRows ?? [];
        _pairWeights = pairWeights ?? [];
        if (_pairWeights.Length != _pairRows.Count * transitions.Length) throw new ArgumentException("One table of transition weights per label-pair feature is needed.", nameof(pairWeights));
        (_table, _mask) = BuildTable(rows, weights, _labels, _stride);
    }

    // Scoring reads one slot per feature: the key and its label weights side by side (32 bytes for BIO's seven
    // labels, 64 for BILOU's thirteen), found by linear probing, so a feature costs one cache line instead of a
    // dictionary entry and a separate weight row.
    private readonly int _labels;
    private readonly int _stride;
    private readonly Dictionary<uint, int> _pairRows;
    private readonly float[] _pairWeights;

    /// <summary>The label-pair templates this model was trained with (<see cref="LabelPairTemplates.None"/>: one transition table for every token).</summary>
    public LabelPairTemplates PairTemplates { get; }

    /// <summary>The number of label-pair features with weights.</summary>
    public int PairFeatureCount => _pairRows.Count;

    /// <summary>
    /// Writes into <paramref name="transitions"/> the transition table of a token with label-pair features
    /// <paramref name="pairFeatures"/> (0: none): <see cref="Transitions"/> plus each known feature's table.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void PairTransitions(ReadOnlySpan<uint> pairFeatures, Span<float> transitions)
    {
        var table = Transitions.AsSpan();
        table.CopyTo(transitions);
        transitions = transitions[..table.Length];
        foreach (uint feature in pairFeatures)
        {
            if (feature == 0 || !_pairRows.TryGetValue(feature, out int row)) continue;
            var weights = _pairWeights.AsSpan(row * table.Length, table.Length);
            for (int k = 0; k < weights.Length; k++) transitions[k] += weights[k];
        }
    }
    private readonly uint[] _table;
    private readonly int _mask;

    private static (uint[] Table, int Mask) BuildTable(Dictionary<uint, int> rows, float[] weights, int labels, int stride)
    {
        int capacity = 16;
        while (capacity < rows.Count * 2) capacity <<= 1;
        var table = new uint[capacity * stride];
        int mask = capacity - 1;
        foreach (var (feature, row) in rows)
        {
            if (feature == 0) continue; // 0 marks an empty slot; a feature hashing to 0 is as if unseen
            int slot = Slot(feature, mask);
            while (table[slot * stride] != 0) slot = (slot + 1) & mask;
            table[slot * stride] = feature;
            for (int label = 0; label < labels; label++)
                table[slot * stride + 1 + label] = BitConverter.SingleToUInt32Bits(weights[row * labels + label]);
        }
        return (table, mask);
    }

    /// <summary>The labels this model scores and decodes over.</summary>
    public LabelScheme Scheme { get; }

    private static int Slot(uint feature, int mask) => (int)((feature * 0x9E3779B1u) >> 7) & mask;

    /// <summary>The slot holding <paramref name="feature"/>'s weights (open addressing, linear probing), or -1 when the model lacks it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SlotOf(uint feature)
    {
        if (feature == 0) return -1;
        var table = _table;
        int stride = _stride, slot = Slot(feature, _mask);
        uint key;
        while ((key = table[slot * stride]) != feature && key != 0) slot = (slot + 1) & _mask;
        return key == 0 ? -1 : slot;
    }

    public int FeatureCount => _rows.Count;

    /// <summary>The lower-case vocabulary of the training text, which <see cref="FeatureExtractor"/> needs to reproduce the features.</summary>
    public IReadOnlyList<string> CommonWords { get; }

    /// <summary>The word clusters of the training text, which <see cref="FeatureExtractor"/> needs to reproduce the features.</summary>
    public WordClusters Clusters { get; }

    /// <summary>The Brown clusters whose path prefixes <see cref="FeatureExtractor"/> reads.</summary>
    public BrownClusters Brown { get; }

    /// <summary>Row <c>previous + 1</c>, column <c>label</c>; row 0 scores the first label of a sentence.</summary>
    public float[] Transitions { get; }

    /// <summary>
    /// A second pass, trained on this model's labels of held-out documents: it sees the same features and
    /// <see cref="FeatureExtractor.AppendDocumentFeatures"/> (what the first pass said of the word elsewhere in
    /// the document), and its labels are the tagger's. Null for a single-pass model.
    /// </summary>
    public PerceptronModel? DocumentStage { get; private init; }

    /// <summary>This model with <paramref name="second"/> as its <see cref="DocumentStage"/>.</summary>
    public PerceptronModel WithDocumentStage(PerceptronModel second) => new(_rows, _weights, Transitions, CommonWords, Clusters, Brown, Scheme, PairTemplates, _pairRows, _pairWeights) { DocumentStage = second };

    /// <summary>Sets <paramref name="scores"/> (one per label of <see cref="Scheme"/>) to the sum of the weights of <paramref name="features"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        int labels = _labels, stride = _stride;
        scores = scores[..labels];
        var table = _table;
        if (Vector256.IsHardwareAccelerated)
        {
            // Whole slots are summed, key lane included (its sum is meaningless and dropped): one or two loads a feature.
            var first = Vector256<float>.Zero;
            var second = Vector256<float>.Zero;
            ref float slots = ref Unsafe.As<uint, float>(ref MemoryMarshal.GetArrayDataReference(table));
            foreach (uint feature in features)
            {
                int slot = SlotOf(feature);
                if (slot < 0) continue;
                first += Vector256.LoadUnsafe(ref slots, (nuint)(slot * stride));
                if (stride > 8) second += Vector256.LoadUnsafe(ref slots, (nuint)(slot * stride + 8));
            }
            Span<float> sums = stackalloc float[16];
            first.CopyTo(sums);
            second.CopyTo(sums[8..]);
            sums.Slice(1, labels).CopyTo(scores);
            return;
        }
        scores.Clear();
        foreach (uint feature in features)
        {
            int slot = SlotOf(feature);
            if (slot < 0) continue;
            var weights = MemoryMarshal.Cast<uint, float>(table.AsSpan(slot * stride + 1, labels));
            for (int label = 0; label < weights.Length; label++) scores[label] += weights[label];
        }
    }

    /// <summary>Writes the model as gzip'd binary: feature ids sorted, weights as half-precision floats; then the document stage, if any.</summary>
    public void Write(Stream output)
    {
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        bool pairs = PairTemplates != LabelPairTemplates.None;
        writer.Write(Magic);
        writer.Write(pairs ? PairFormatVersion : FormatVersion);
        writer.Write(_labels);
        if (pairs) writer.Write((byte)PairTemplates);
        writer.Write(CommonWords.Count);
        foreach (string word in CommonWords) writer.Write(word);
        writer.Write(Clusters.Count);
        foreach (var (word, cluster) in Clusters.Entries)
        {
            writer.Write(word);
            writer.Write(cluster);
        }
        writer.Write(Brown.Count);
        foreach (var (word, path) in Brown.Entries)
        {
            writer.Write(word);
            writer.Write(path);
        }
        WriteBody(writer, pairs);
        writer.Write(DocumentStage is not null);
        DocumentStage?.WriteBody(writer, pairs);
    }

    private void WriteBody(BinaryWriter writer, bool pairs)
    {
        foreach (float t in Transitions) writer.Write(t);
        var ordered = _rows.OrderBy(p => p.Key).ToArray();
        writer.Write(ordered.Length);
        uint previous = 0;
        foreach (var (feature, _) in ordered)
        {
            writer.Write7BitEncodedInt64(feature - previous);
            previous = feature;
        }
        foreach (var (_, row) in ordered)
        {
            for (int label = 0; label < _labels; label++) writer.Write((Half)_weights[row * _labels + label]);
        }
        if (!pairs) return;
        var orderedPairs = _pairRows.OrderBy(p => p.Key).ToArray();
        writer.Write(orderedPairs.Length);
        previous = 0;
        foreach (var (feature, _) in orderedPairs)
        {
            writer.Write7BitEncodedInt64(feature - previous);
            previous = feature;
        }
        int size = Transitions.Length;
        foreach (var (_, row) in orderedPairs)
        {
            for (int k = 0; k < size; k++) writer.Write((Half)_pairWeights[row * size + k]);
        }
    }

    /// <exception cref="InvalidDataException">The stream is not a model of this format.</exception>
    public static PerceptronModel Read(Stream input)
    {
        using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(gzip, 1 << 16);
        using var reader = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
        int version = reader.ReadString() == Magic ? reader.ReadInt32() : -1;
        if (version is not (3 or FormatVersion or PairFormatVersion) || LabelScheme.ForCount(reader.ReadInt32()) is not { } scheme)
            throw new InvalidDataException("Not an Annalist entity tagger model of this version.");
        var pairTemplates = version >= PairFormatVersion ? (LabelPairTemplates)reader.ReadByte() : LabelPairTemplates.None;
        var words = new string[CheckedCount(reader.ReadInt32())];
        for (int i = 0; i < words.Length; i++) words[i] = reader.ReadString();
        int clusterCount = CheckedCount(reader.ReadInt32());
        var table = new Dictionary<string, ushort>(clusterCount, StringComparer.Ordinal);
        for (int i = 0; i < clusterCount; i++) table[reader.ReadString()] = reader.ReadUInt16();
        var clusters = new WordClusters(table);
        var paths = new Dictionary<string, uint>(StringComparer.Ordinal);
        int brownCount = version >= 4 ? CheckedCount(reader.ReadInt32()) : 0;
        for (int i = 0; i < brownCount; i++) paths[reader.ReadString()] = reader.ReadUInt32();
        var brown = paths.Count == 0 ? BrownClusters.Empty : new BrownClusters(paths);
        var first = ReadBody(reader, words, clusters, brown, scheme, pairTemplates);
        return reader.ReadBoolean() ? first.WithDocumentStage(ReadBody(reader, words, clusters, brown, scheme, pairTemplates)) : first;
    }

    // A damaged or foreign stream must fail as bad data, not as an attempt to allocate billions of entries.
    private static int CheckedCount(int count) =>
        count is >= 0 and <= 50_000_000 ? count : throw new InvalidDataException("Not an Annalist entity tagger model of this version.");

    private static PerceptronModel ReadBody(BinaryReader reader, string[] words, WordClusters clusters, BrownClusters brown, LabelScheme scheme, LabelPairTemplates pairTemplates)
    {
        var transitions = new float[(scheme.Count + 1) * scheme.Count];
        for (int i = 0; i < transitions.Length; i++) transitions[i] = reader.ReadSingle();
        int count = CheckedCount(reader.ReadInt32());
        var rows = new Dictionary<uint, int>(count);
        uint feature = 0;
        for (int i = 0; i < count; i++)
        {
            feature += (uint)reader.Read7BitEncodedInt64();
            rows[feature] = i;
        }
        var weights = new float[count * scheme.Count];
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)reader.ReadHalf();
        if (pairTemplates == LabelPairTemplates.None) return new PerceptronModel(rows, weights, transitions, words, clusters, brown, scheme);
        int pairCount = CheckedCount(reader.ReadInt32());
        var pairRows = new Dictionary<uint, int>(pairCount);
        feature = 0;
        for (int i = 0; i < pairCount; i++)
        {
            feature += (uint)reader.Read7BitEncodedInt64();
            pairRows[feature] = i;
        }
        var pairWeights = new float[pairCount * transitions.Length];
        for (int i = 0; i < pairWeights.Length; i++) pairWeights[i] = (float)reader.ReadHalf();
        return new PerceptronModel(rows, weights, transitions, words, clusters, brown, scheme, pairTemplates, pairRows, pairWeights);
    }
}
