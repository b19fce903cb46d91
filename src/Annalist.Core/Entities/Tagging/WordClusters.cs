namespace Annalist.Core.Entities.Tagging;

/// <summary>
/// Words grouped by the company they keep: each word of a training text seen often enough is put in one of
/// a few hundred clusters by spherical k-means over the counts of its left and right neighbours among the
/// text's most frequent words. Words used alike (given names, towns, ranks) share a cluster, so the tagger
/// generalizes from names it was taught to names it never saw labeled. Immutable and thread-safe once built.
/// </summary>
public sealed class WordClusters
{
    /// <summary>The cluster of a word the table does not hold.</summary>
    public const ushort Unknown = ushort.MaxValue;

    private readonly Dictionary<string, ushort> _clusters;
    private readonly Dictionary<string, ushort>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordClusters(IReadOnlyDictionary<string, ushort> clusters)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        _clusters = new Dictionary<string, ushort>(clusters, StringComparer.Ordinal);
        _lookup = _clusters.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>No clusters: every word is <see cref="Unknown"/>.</summary>
    public static WordClusters Empty { get; } = new(new Dictionary<string, ushort>());

    public int Count => _clusters.Count;

    /// <summary>The words and their clusters, sorted by word (for writing).</summary>
    public IEnumerable<KeyValuePair<string, ushort>> Entries => _clusters.OrderBy(p => p.Key, StringComparer.Ordinal);

    /// <summary>The cluster of <paramref name="word"/> as written, or <see cref="Unknown"/>.</summary>
    public ushort Of(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out ushort cluster) ? cluster : Unknown;

    /// <summary>Options of <see cref="Build"/>.</summary>
    public sealed record Options
    {
        public int Clusters { get; init; } = 256;

        /// <summary>How many of the most frequent words serve as context.</summary>
        public int ContextWords { get; init; } = 600;

        /// <summary>Words seen fewer times than this are left out.</summary>
        public int MinimumCount { get; init; } = 3;

        public int Iterations { get; init; } = 10;

        public int Seed { get; init; } = 20260101;
    }

    /// <summary>Clusters the words of <paramref name="sentences"/>. Deterministic for the same text and options.</summary>
    public static WordClusters Build(IEnumerable<IReadOnlyList<string>> sentences, Options? options = null)
    {
        options ??= new Options();
        var all = sentences as IReadOnlyList<IReadOnlyList<string>> ?? [.. sentences];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowerCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in all)
        {
            foreach (string word in sentence)
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
                string lower = word.ToLowerInvariant();
                lowerCounts[lower] = lowerCounts.GetValueOrDefault(lower) + 1;
            }
        }
        var contextIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, _) in lowerCounts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(options.ContextWords))
            contextIndex[word] = contextIndex.Count;
        var words = counts.Where(p => p.Value >= options.MinimumCount).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        var wordIndex = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++) wordIndex[words[i]] = i;

        // Context dimensions: left neighbour (0..C-1), right neighbour (C..2C-1), sentence edges (2C, 2C+1).
        int dimensions = 2 * contextIndex.Count + 2;
        var vectors = new Dictionary<int, float>[words.Length];
        for (int i = 0; i < words.Length; i++) vectors[i] = [];
        foreach (var sentence in all)
        {
            for (int k = 0; k < sentence.Count; k++)
            {
                if (!wordIndex.TryGetValue(sentence[k], out int w)) continue;
                var vector = vectors[w];
                int left = k == 0 ? 2 * contextIndex.Count : contextIndex.GetValueOrDefault(sentence[k - 1].ToLowerInvariant(), -1);
                int right = k + 1 == sentence.Count ? 2 * contextIndex.Count + 1 : contextIndex.GetValueOrDefault(sentence[k + 1].ToLowerInvariant(), -1);
                if (right >= 0 && right < contextIndex.Count) right += contextIndex.Count;
                if (left >= 0) vector[left] = vector.GetValueOrDefault(left) + 1;
                if (right >= 0) vector[right] = vector.GetValueOrDefault(right) + 1;
            }
        }
        var sparse = new (int[] Dimensions, float[] Values)[words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            var entries = vectors[i].OrderBy(p => p.Key).ToArray();
            var values = entries.Select(p => MathF.Log(1 + p.Value)).ToArray();
            float norm = MathF.Sqrt(values.Sum(v => v * v));
            if (norm > 0) for (int k = 0; k < values.Length; k++) values[k] /= norm;
            sparse[i] = (entries.Select(p => p.Key).ToArray(), values);
        }
        vectors = null!;

        int clusters = Math.Min(options.Clusters, Math.Max(1, words.Length));
        var centroids = new float[clusters * dimensions];
        // Seeds: words of every frequency band, picked by the seeded generator.
        var byFrequency = Enumerable.Range(0, words.Length).OrderByDescending(i => counts[words[i]]).ThenBy(i => i).ToArray();
        var random = new Random(options.Seed);
        for (int c = 0; c < clusters; c++)
        {
            int band = byFrequency.Length * c / clusters, width = Math.Max(1, byFrequency.Length / clusters);
            int seed = byFrequency[Math.Min(byFrequency.Length - 1, band + random.Next(width))];
            var (dims, values) = sparse[seed];
            for (int k = 0; k < dims.Length; k++) centroids[c * dimensions + dims[k]] = values[k];
        }
        var assignment = new ushort[words.Length];
        for (int iteration = 0; iteration < options.Iterations; iteration++)
        {
            for (int i = 0; i < words.Length; i++)
            {
                var (dims, values) = sparse[i];
                float best = float.NegativeInfinity;
                int arg = 0;
                for (int c = 0; c < clusters; c++)
                {
                    float dot = 0;
                    int offset = c * dimensions;
                    for (int k = 0; k < dims.Length; k++) dot += centroids[offset + dims[k]] * values[k];
                    if (dot > best) { best = dot; arg = c; }
                }
                assignment[i] = (ushort)arg;
            }
            Array.Clear(centroids);
            for (int i = 0; i < words.Length; i++)
            {
                var (dims, values) = sparse[i];
                int offset = assignment[i] * dimensions;
                for (int k = 0; k < dims.Length; k++) centroids[offset + dims[k]] += values[k];
            }
            for (int c = 0; c < clusters; c++)
            {
                var centroid = centroids.AsSpan(c * dimensions, dimensions);
                float norm = 0;
                foreach (float v in centroid) norm += v * v;
                norm = MathF.Sqrt(norm);
                if (norm > 0) foreach (ref float v in centroid) v /= norm;
            }
        }
        var table = new Dictionary<string, ushort>(words.Length, StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++) table[words[i]] = assignment[i];
        return new WordClusters(table);
    }
}
