using System.Runtime.CompilerServices;

namespace Annalist.Core.Syntax;

/// <summary>
/// The parser's feature templates (after Zhang and Nivre 2011, mapped to arc-hybrid positions: stack
/// s0–s2, buffer b0–b2, their leftmost and rightmost children, distance, valency and label sets), shared
/// by training and parsing. Words are lower-case form hashes, tags are the tagger's (UPOS, XPOS) hashes.
/// </summary>
internal static class ParserFeatures
{
    public const int MaximumCount = 80;

    public static readonly ulong RootWord = FeatureHash.Symbol(40);
    public static readonly ulong RootTag = FeatureHash.Symbol(41);
    private static readonly ulong None = FeatureHash.Symbol(42);
    private static readonly ulong Bias = FeatureHash.Symbol(43);

    /// <summary>Hash of a word's tags, the parser's view of a tagger class.</summary>
    public static ulong TagHash(string universal, string language) => FeatureHash.Feature(300, FeatureHash.Chars(universal), FeatureHash.Chars(language));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Extract(ref ArcHybridState state, scoped ReadOnlySpan<ulong> words, scoped ReadOnlySpan<ulong> tags, scoped Span<ulong> f)
    {
        int s0 = state.Stack(0), s1 = state.Stack(1), s2 = state.Stack(2);
        int b0 = state.Input(0), b1 = state.Input(1), b2 = state.Input(2);
        int s0l = Child(state.Left1, s0), s0r = Child(state.Right1, s0), s0l2 = Child(state.Left2, s0), s0r2 = Child(state.Right2, s0);
        int s1l = Child(state.Left1, s1), s1r = Child(state.Right1, s1);
        int b0l = Child(state.Left1, b0), b0l2 = Child(state.Left2, b0);

        ulong s0w = W(words, s0), s0t = W(tags, s0), s1w = W(words, s1), s1t = W(tags, s1), s2t = W(tags, s2);
        ulong b0w = W(words, b0), b0t = W(tags, b0), b1w = W(words, b1), b1t = W(tags, b1), b2w = W(words, b2), b2t = W(tags, b2);
        ulong s0lt = W(tags, s0l), s0rt = W(tags, s0r), b0lt = W(tags, b0l), s0l2t = W(tags, s0l2), s0r2t = W(tags, s0r2), b0l2t = W(tags, b0l2);
        ulong s0ll = L(state.Labels, s0l), s0rl = L(state.Labels, s0r), b0ll = L(state.Labels, b0l), s1rl = L(state.Labels, s1r), s1ll = L(state.Labels, s1l);
        ulong distance = s0 > 0 && b0 > 0 ? Bucket(b0 - s0) : None;
        ulong s0vl = Count(state.LeftCount, s0), s0vr = Count(state.RightCount, s0), b0vl = Count(state.LeftCount, b0), s1vr = Count(state.RightCount, s1);
        ulong s0ls = s0 >= 0 ? state.LeftLabels[s0] + 1 : None, s0rs = s0 >= 0 ? state.RightLabels[s0] + 1 : None, b0ls = b0 >= 0 ? state.LeftLabels[b0] + 1 : None;

        int k = 0;
        f[k++] = Bias;
        f[k++] = FeatureHash.Feature(1, s0w);
        f[k++] = FeatureHash.Feature(2, s0t);
        f[k++] = FeatureHash.Feature(3, s0w, s0t);
        f[k++] = FeatureHash.Feature(4, s1w);
        f[k++] = FeatureHash.Feature(5, s1t);
        f[k++] = FeatureHash.Feature(6, s1w, s1t);
        f[k++] = FeatureHash.Feature(7, b0w);
        f[k++] = FeatureHash.Feature(8, b0t);
        f[k++] = FeatureHash.Feature(9, b0w, b0t);
        f[k++] = FeatureHash.Feature(10, b1w);
        f[k++] = FeatureHash.Feature(11, b1t);
        f[k++] = FeatureHash.Feature(12, b1w, b1t);
        f[k++] = FeatureHash.Feature(13, b2w);
        f[k++] = FeatureHash.Feature(14, b2t);
        f[k++] = FeatureHash.Feature(15, s2t);

        f[k++] = FeatureHash.Feature(16, FeatureHash.Feature(0, s0w, s0t), b0w, b0t);
        f[k++] = FeatureHash.Feature(17, s0w, s0t, b0w);
        f[k++] = FeatureHash.Feature(18, s0w, b0w, b0t);
        f[k++] = FeatureHash.Feature(19, s0w, s0t, b0t);
        f[k++] = FeatureHash.Feature(20, s0t, b0w, b0t);
        f[k++] = FeatureHash.Feature(21, s0w, b0w);
        f[k++] = FeatureHash.Feature(22, s0t, b0t);
        f[k++] = FeatureHash.Feature(23, b0t, b1t);
        f[k++] = FeatureHash.Feature(24, s0w, s1w);
        f[k++] = FeatureHash.Feature(25, s0t, s1t);
        f[k++] = FeatureHash.Feature(26, s0w, s0t, s1t);
        f[k++] = FeatureHash.Feature(27, s0t, s1w, s1t);
        f[k++] = FeatureHash.Feature(28, s1t, b0t);
        f[k++] = FeatureHash.Feature(29, s1w, b0w);
        f[k++] = FeatureHash.Feature(30, b0w, b1w);
        f[k++] = FeatureHash.Feature(31, b0w, b0t, b1t);

        f[k++] = FeatureHash.Feature(32, b0t, b1t, b2t);
        f[k++] = FeatureHash.Feature(33, s0t, b0t, b1t);
        f[k++] = FeatureHash.Feature(34, s1t, s0t, b0t);
        f[k++] = FeatureHash.Feature(35, s2t, s1t, s0t);
        f[k++] = FeatureHash.Feature(36, s0t, s0lt, b0t);
        f[k++] = FeatureHash.Feature(37, s0t, s0rt, b0t);
        f[k++] = FeatureHash.Feature(38, s0t, b0t, b0lt);
        f[k++] = FeatureHash.Feature(39, s1t, s0t, s0lt);
        f[k++] = FeatureHash.Feature(40, s1t, s0t, s0rt);
        f[k++] = FeatureHash.Feature(41, s1t, W(tags, s1r), s0t);

        f[k++] = FeatureHash.Feature(42, s0w, distance);
        f[k++] = FeatureHash.Feature(43, s0t, distance);
        f[k++] = FeatureHash.Feature(44, b0w, distance);
        f[k++] = FeatureHash.Feature(45, b0t, distance);
        f[k++] = FeatureHash.Feature(46, s0w, b0w, distance);
        f[k++] = FeatureHash.Feature(47, s0t, b0t, distance);

        f[k++] = FeatureHash.Feature(48, s0w, s0vr);
        f[k++] = FeatureHash.Feature(49, s0t, s0vr);
        f[k++] = FeatureHash.Feature(50, s0w, s0vl);
        f[k++] = FeatureHash.Feature(51, s0t, s0vl);
        f[k++] = FeatureHash.Feature(52, b0w, b0vl);
        f[k++] = FeatureHash.Feature(53, b0t, b0vl);
        f[k++] = FeatureHash.Feature(54, s1t, s1vr);

        f[k++] = FeatureHash.Feature(55, W(words, s0l));
        f[k++] = FeatureHash.Feature(56, s0lt);
        f[k++] = FeatureHash.Feature(57, s0ll);
        f[k++] = FeatureHash.Feature(58, W(words, s0r));
        f[k++] = FeatureHash.Feature(59, s0rt);
        f[k++] = FeatureHash.Feature(60, s0rl);
        f[k++] = FeatureHash.Feature(61, W(words, b0l));
        f[k++] = FeatureHash.Feature(62, b0lt);
        f[k++] = FeatureHash.Feature(63, b0ll);
        f[k++] = FeatureHash.Feature(64, W(tags, s1r), s1rl);
        f[k++] = FeatureHash.Feature(65, W(tags, s1l), s1ll);

        f[k++] = FeatureHash.Feature(66, s0l2t, L(state.Labels, s0l2));
        f[k++] = FeatureHash.Feature(67, s0r2t, L(state.Labels, s0r2));
        f[k++] = FeatureHash.Feature(68, b0l2t, L(state.Labels, b0l2));
        f[k++] = FeatureHash.Feature(69, s0t, s0lt, s0l2t);
        f[k++] = FeatureHash.Feature(70, s0t, s0rt, s0r2t);
        f[k++] = FeatureHash.Feature(71, b0t, b0lt, b0l2t);

        f[k++] = FeatureHash.Feature(72, s0w, s0rs);
        f[k++] = FeatureHash.Feature(73, s0t, s0rs);
        f[k++] = FeatureHash.Feature(74, s0w, s0ls);
        f[k++] = FeatureHash.Feature(75, s0t, s0ls);
        f[k++] = FeatureHash.Feature(76, b0w, b0ls);
        f[k++] = FeatureHash.Feature(77, b0t, b0ls);
        f[k++] = FeatureHash.Feature(78, s0t, b0t, b1t == None ? 1UL : 2UL);
        f[k++] = FeatureHash.Feature(79, s1 == 0 ? 1UL : 2UL, s0t, b0t);
        return k;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Child(Span<int> children, int word) => word >= 0 && children[word] > 0 ? children[word] : -1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong W(ReadOnlySpan<ulong> values, int word) => word >= 0 ? values[word] : None;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong L(Span<int> labels, int word) => word >= 0 && labels[word] >= 0 ? (ulong)labels[word] + 100 : None;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Count(Span<int> counts, int word) => word >= 0 ? (ulong)Math.Min(counts[word], 5) + 200 : None;

    private static ulong Bucket(int distance) => (ulong)(distance <= 4 ? distance : distance <= 7 ? 5 : distance <= 12 ? 6 : 7) + 300;
}
