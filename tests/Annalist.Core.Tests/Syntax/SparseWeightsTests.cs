using Annalist.Core.Syntax;

namespace Annalist.Core.Tests.Syntax;

public sealed class SparseWeightsTests
{
    // Rows of every size, from one entry (kept in the slot) through a few (spilled) to nearly every class (dense).
    private static (SparseWeights Weights, Dictionary<ulong, SortedDictionary<int, float>> Rows) Random(int classes, int features, int seed)
    {
        var random = new Random(seed);
        var builder = new SparseWeights.Builder(classes);
        var rows = new Dictionary<ulong, SortedDictionary<int, float>>();
        for (int f = 0; f < features; f++)
        {
            ulong key = (ulong)random.NextInt64(1, long.MaxValue);
            int size = f % 5 == 0 ? random.Next(classes / 2, classes + 1) : random.Next(1, 6);
            var row = new SortedDictionary<int, float>();
            foreach (int cls in Enumerable.Range(0, classes).OrderBy(_ => random.Next()).Take(size))
            {
                float weight = (float)(Half)((random.NextDouble() - 0.5) * 2048);
                if (weight == 0) continue;
                row[cls] = weight;
                builder.Add(key, (ushort)cls, weight);
            }
            rows[key] = row;
        }
        return (builder.Build(), rows);
    }

    [Theory]
    [InlineData(103, 1)]
    [InlineData(108, 2)]
    [InlineData(5, 3)]
    public void Scores_are_the_in_order_sums_to_the_last_bit(int classes, int seed)
    {
        var (weights, rows) = Random(classes, 3000, seed);
        var keys = rows.Keys.ToArray();
        var random = new Random(seed + 100);
        var scores = new float[weights.ScoreLength];
        var shortScores = new float[classes];
        for (int trial = 0; trial < 200; trial++)
        {
            // A mix of stored features and absent ones, repeated features included.
            var features = Enumerable.Range(0, 80).Select(_ => random.Next(4) == 0 ? (ulong)random.NextInt64(1, long.MaxValue) : keys[random.Next(keys.Length)]).ToArray();
            var expected = new float[classes];
            foreach (ulong feature in features)
            {
                if (!rows.TryGetValue(feature, out var row)) continue;
                foreach (var (cls, weight) in row) expected[cls] += weight;
            }
            weights.Score(features, scores);
            weights.Score(features, shortScores);
            for (int c = 0; c < classes; c++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(expected[c] + 0f), BitConverter.SingleToInt32Bits(scores[c] + 0f));
                Assert.Equal(scores[c], shortScores[c]);
            }
        }
    }

    [Fact]
    public void Entries_list_every_stored_weight_in_key_and_class_order()
    {
        var (weights, rows) = Random(40, 500, 9);
        var listed = weights.Entries().ToList();
        var expected = rows.OrderBy(r => r.Key).SelectMany(r => r.Value.Select(e => (r.Key, e.Key, e.Value))).ToList();
        Assert.Equal(expected, listed);
        Assert.Equal(expected.Count, weights.EntryCount);
    }

    [Fact]
    public void Weights_that_half_precision_cannot_hold_are_refused()
    {
        var builder = new SparseWeights.Builder(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add(7, 1, 0.1f));
        builder.Add(7, 1, 0);
        Assert.Equal(0, builder.Build().FeatureCount);
    }
}
