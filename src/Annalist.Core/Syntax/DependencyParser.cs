using System.Buffers;
using Annalist.Core.Text;

namespace Annalist.Core.Syntax;

/// <summary>
/// A trained transition-based dependency parser: greedy arc-hybrid decoding scored by an averaged
/// perceptron over hashed features of words and predicted tags. Always returns one tree per sentence
/// (a single root, no cycles, a head for every word). Immutable and thread-safe.
/// </summary>
public sealed class DependencyParser
{
    internal const string Kind = "dependency-parser";

    private readonly SparseWeights _weights;
    private readonly string[] _relations;

    internal DependencyParser(string[] relations, int rootRelation, SparseWeights weights)
    {
        if (weights.ClassCount != ActionCount(relations.Length)) throw new ArgumentException("The weights do not match the relation table.");
        _relations = relations;
        RootRelation = rootRelation;
        _weights = weights;
    }

    /// <summary>The relations (UD, with subtypes) the parser assigns, by index.</summary>
    public IReadOnlyList<string> Relations => _relations;

    /// <summary>Index of the relation given to the sentence's root, or -1 when any may be.</summary>
    public int RootRelation { get; }

    public (int Features, int Entries) Size => (_weights.FeatureCount, _weights.EntryCount);

    /// <summary>The same parser without weights below <paramref name="minimumMagnitude"/>: what training with that minimum gives.</summary>
    internal DependencyParser Pruned(float minimumMagnitude) => new(_relations, RootRelation, _weights.Pruned(minimumMagnitude));

    internal static int ActionCount(int relations) => 1 + 2 * relations;

    /// <summary>
    /// Parses one sentence of <paramref name="words"/> (spans of <paramref name="text"/>) whose tags are
    /// given as <paramref name="universalTags"/> and <paramref name="languageTags"/>; writes each word's
    /// head (0-based word index, -1 for the root) and relation index.
    /// </summary>
    public void Parse(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> words, IReadOnlyList<string> universalTags, IReadOnlyList<string> languageTags, Span<int> heads, Span<int> relations)
    {
        var tags = new ulong[words.Length];
        for (int i = 0; i < tags.Length; i++) tags[i] = ParserFeatures.TagHash(universalTags[i], languageTags[i]);
        Parse(text, words, tags, heads, relations);
    }

    /// <summary>As the public overload, with tags given as the hashes <see cref="PartOfSpeechTagger.TagHashes"/> holds.</summary>
    // Fully optimized from the first call: a short run (one document) never waits for tiered compilation.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal void Parse(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> words, ReadOnlySpan<ulong> tagHashes, Span<int> heads, Span<int> relations)
    {
        int n = words.Length;
        if (heads.Length < n || relations.Length < n || tagHashes.Length < n) throw new ArgumentException("One head, relation and tag per word is needed.");
        if (n == 0) return;
        int m = n + 1;
        int[] ints = ArrayPool<int>.Shared.Rent(ArcHybridState.IntsPerWord * m);
        ulong[] longs = ArrayPool<ulong>.Shared.Rent(4 * m);
        try
        {
            var wordHashes = longs.AsSpan(2 * m, m);
            var tags = longs.AsSpan(3 * m, m);
            wordHashes[0] = ParserFeatures.RootWord;
            tags[0] = ParserFeatures.RootTag;
            for (int i = 0; i < n; i++)
            {
                wordHashes[i + 1] = FeatureHash.LowerChars(text.Slice(words[i].Start, words[i].Length));
                tags[i + 1] = tagHashes[i];
            }
            var state = new ArcHybridState(n, ints, longs.AsSpan(0, 2 * m));
            Span<ulong> features = stackalloc ulong[ParserFeatures.MaximumCount];
            Span<float> scores = stackalloc float[_weights.ScoreLength];
            while (!state.IsTerminal)
            {
                int action = OnlyValid(ref state, _relations.Length, RootRelation);
                if (action < 0)
                {
                    int count = ParserFeatures.Extract(ref state, wordHashes, tags, features);
                    _weights.Score(features[..count], scores);
                    action = BestValid(ref state, scores, _relations.Length, RootRelation);
                }
                Apply(ref state, action, _relations.Length);
            }
            for (int i = 0; i < n; i++)
            {
                heads[i] = state.Heads[i + 1] - 1;
                relations[i] = Math.Max(0, state.Labels[i + 1]);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ints);
            ArrayPool<ulong>.Shared.Return(longs);
        }
    }

    /// <summary>The best-scoring action the state allows; there is always one until the state is terminal.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static int BestValid(ref ArcHybridState state, scoped ReadOnlySpan<float> scores, int relationCount, int rootRelation)
    {
        int best = -1;
        float bestScore = float.NegativeInfinity;
        if (state.CanShift)
        {
            best = 0;
            bestScore = scores[0];
        }
        if (state.CanLeft)
        {
            for (int l = 0; l < relationCount; l++)
            {
                if (l == rootRelation) continue;
                if (scores[1 + l] > bestScore || best < 0) (best, bestScore) = (1 + l, scores[1 + l]);
            }
        }
        if (state.CanRight)
        {
            bool root = state.RightIsRoot;
            for (int l = 0; l < relationCount; l++)
            {
                if (rootRelation >= 0 && (l == rootRelation) != root) continue;
                int action = 1 + relationCount + l;
                if (scores[action] > bestScore || best < 0) (best, bestScore) = (action, scores[action]);
            }
        }
        return best;
    }

    /// <summary>
    /// The one action the state allows, when it allows only one, else -1: SHIFT while the stack holds only the
    /// root, and the final RIGHT onto the root when the root relation is fixed. <see cref="BestValid"/> would pick
    /// it whatever the scores, so it needs no features or scores (a fifth to a quarter of all transitions).
    /// </summary>
    internal static int OnlyValid(ref ArcHybridState state, int relationCount, int rootRelation)
    {
        if (state.CanLeft) return -1;
        bool right = state.CanRight;
        if (state.CanShift) return right ? -1 : 0;
        return right && state.RightIsRoot && rootRelation >= 0 ? 1 + relationCount + rootRelation : -1;
    }

    internal static bool IsValid(ref ArcHybridState state, int action, int relationCount, int rootRelation)
    {
        if (action == 0) return state.CanShift;
        if (action <= relationCount) return state.CanLeft && action - 1 != rootRelation;
        int label = action - 1 - relationCount;
        return state.CanRight && (rootRelation < 0 || (label == rootRelation) == state.RightIsRoot);
    }

    internal static void Apply(ref ArcHybridState state, int action, int relationCount)
    {
        if (action == 0) state.Shift();
        else if (action <= relationCount) state.Left(action - 1);
        else state.Right(action - 1 - relationCount);
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ModelFormat.Write(stream, Kind, writer =>
        {
            writer.WriteStrings(_relations);
            writer.WriteVarint((ulong)(RootRelation + 1));
            _weights.Write(writer);
        });
    }

    /// <exception cref="Errors.AnnalistException">ANL3051: the stream is not a readable parser model.</exception>
    public static DependencyParser Load(Stream stream) => ModelFormat.Read(stream, Kind, reader =>
    {
        string[] relations = reader.ReadStrings(1000);
        if (relations.Length == 0) throw new InvalidDataException("The relation table is empty.");
        int root = reader.ReadCount(relations.Length) - 1;
        var weights = SparseWeights.Read(reader);
        if (weights.ClassCount != ActionCount(relations.Length)) throw new InvalidDataException("The weights do not match the relation table.");
        return new DependencyParser(relations, root, weights);
    });
}
