namespace Annalist.Core.Syntax;

/// <summary>The tagger's feature templates, shared by training and tagging so they cannot drift apart.</summary>
internal static class TaggerFeatures
{
    /// <summary>Words on each side of the sentence kept as boundary placeholders in the padded word array.</summary>
    public const int Padding = 2;

    public const int MaximumCount = 34;

    private static readonly WordFeatures Start = WordFeatures.Boundary(1);
    private static readonly WordFeatures End = WordFeatures.Boundary(2);
    private static readonly ulong NoTag = FeatureHash.Symbol(3);
    private static readonly ulong Bias = FeatureHash.Symbol(4);
    private static readonly ulong UnknownAmbiguity = FeatureHash.Symbol(5);

    /// <summary>
    /// Fills <paramref name="padded"/> (length n + 2·<see cref="Padding"/>) with the words and boundaries,
    /// and <paramref name="ambiguity"/> (same length) with each word's ambiguity class: the hash of the set
    /// of classes the word had in training, looked up by lower-case form.
    /// </summary>
    public static void Prepare(ReadOnlySpan<char> text, ReadOnlySpan<Text.TextSpan> words, IReadOnlyDictionary<ulong, ulong> ambiguityClasses, Span<WordFeatures> padded, Span<ulong> ambiguity)
    {
        padded[0] = Start;
        padded[1] = Start;
        ambiguity[0] = ambiguity[1] = Start.Form;
        for (int i = 0; i < words.Length; i++)
        {
            var word = WordFeatures.Of(text.Slice(words[i].Start, words[i].Length));
            padded[i + Padding] = word;
            ambiguity[i + Padding] = ambiguityClasses.TryGetValue(word.Lower, out ulong known) ? known : UnknownAmbiguity;
        }
        padded[words.Length + Padding] = End;
        padded[words.Length + Padding + 1] = End;
        ambiguity[words.Length + Padding] = ambiguity[words.Length + Padding + 1] = End.Form;
    }

    /// <summary>Writes the features of word <paramref name="index"/> given the two previous classes (-1: none); returns their count.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static int Extract(ReadOnlySpan<WordFeatures> padded, ReadOnlySpan<ulong> ambiguity, int index, int previous, int beforePrevious, Span<ulong> features)
    {
        int p = index + Padding;
        ref readonly var w = ref padded[p];
        ref readonly var w1 = ref padded[p - 1];
        ref readonly var w2 = ref padded[p - 2];
        ref readonly var n1 = ref padded[p + 1];
        ref readonly var n2 = ref padded[p + 2];
        ulong t1 = previous < 0 ? NoTag : (ulong)previous + 1;
        ulong t2 = beforePrevious < 0 ? NoTag : (ulong)beforePrevious + 1;
        ulong first = index == 0 ? 1UL : 2UL;
        int k = 0;
        features[k++] = Bias;
        features[k++] = FeatureHash.Feature(1, w.Lower);
        features[k++] = FeatureHash.Feature(2, w.Form);
        features[k++] = FeatureHash.Feature(3, w.Suffix1);
        features[k++] = FeatureHash.Feature(4, w.Suffix2);
        features[k++] = FeatureHash.Feature(5, w.Suffix3);
        features[k++] = FeatureHash.Feature(6, w.Suffix4);
        features[k++] = FeatureHash.Feature(7, w.Prefix1);
        features[k++] = FeatureHash.Feature(8, w.Prefix2);
        features[k++] = FeatureHash.Feature(9, w.Prefix3);
        features[k++] = FeatureHash.Feature(10, w.Shape);
        features[k++] = FeatureHash.Feature(11, w.Shape, first);
        features[k++] = FeatureHash.Feature(12, w1.Lower);
        features[k++] = FeatureHash.Feature(13, w2.Lower);
        features[k++] = FeatureHash.Feature(14, n1.Lower);
        features[k++] = FeatureHash.Feature(15, n2.Lower);
        features[k++] = FeatureHash.Feature(16, w1.Suffix3);
        features[k++] = FeatureHash.Feature(17, n1.Suffix3);
        features[k++] = FeatureHash.Feature(18, t1);
        features[k++] = FeatureHash.Feature(19, t2);
        features[k++] = FeatureHash.Feature(20, t1, t2);
        features[k++] = FeatureHash.Feature(21, t1, w.Lower);
        features[k++] = FeatureHash.Feature(22, w1.Lower, w.Lower);
        features[k++] = FeatureHash.Feature(23, w.Lower, n1.Lower);
        features[k++] = FeatureHash.Feature(24, n1.Shape);
        features[k++] = FeatureHash.Feature(25, w1.Shape, w.Shape);
        features[k++] = FeatureHash.Feature(26, t1, n1.Lower);
        features[k++] = FeatureHash.Feature(27, w.Suffix3, first);
        features[k++] = FeatureHash.Feature(28, ambiguity[p]);
        features[k++] = FeatureHash.Feature(29, ambiguity[p + 1]);
        features[k++] = FeatureHash.Feature(30, ambiguity[p + 2]);
        features[k++] = FeatureHash.Feature(31, ambiguity[p], ambiguity[p + 1]);
        features[k++] = FeatureHash.Feature(32, t1, ambiguity[p]);
        features[k++] = FeatureHash.Feature(33, ambiguity[p - 1], ambiguity[p]);
        return k;
    }
}
