namespace Annalist.Core.Entities.Tagging;

/// <summary>
/// Which properties of a token are conjoined with the label pair (previous label, label) that ends on it: each set
/// template gives the token one feature whose weights form a transition table of its own
/// (<see cref="PerceptronModel.PairTemplates"/>), so that, say, a capitalized common word may open a name after a
/// name but not after an ordinary word. None: the first-order model's one transition table.
/// </summary>
[Flags]
public enum LabelPairTemplates : byte
{
    None = 0,

    /// <summary>The word's shape (<c>Xx</c>, <c>X.</c>, <c>x</c>).</summary>
    Shape = 1,

    /// <summary>The word's Brown cluster, its path's 4-bit prefix, × capitalized.</summary>
    Brown = 2,

    /// <summary>Capitalized × a known lower-case word × the sentence's first word.</summary>
    Case = 4,

    /// <summary>The word itself, lower-cased.</summary>
    Word = 8,
}

/// <summary>The label-pair features of each token: at most <see cref="MaxPerToken"/> hashed ids per token, 0 in unused slots.</summary>
public static class LabelPairFeatures
{
    public const int MaxPerToken = 4;

    private const int MaxWordLength = 64;

    /// <summary>Parses a comma-separated list of template names (<c>shape,brown</c>), or null when one is unknown.</summary>
    public static LabelPairTemplates? Parse(string? text)
    {
        var templates = LabelPairTemplates.None;
        foreach (string name in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<LabelPairTemplates>(name, ignoreCase: true, out var template) || int.TryParse(name, out _)) return null;
            templates |= template;
        }
        return templates;
    }

    /// <summary>Writes <see cref="MaxPerToken"/> ids per token of <paramref name="input"/> into <paramref name="output"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Extract(FeatureExtractor extractor, LabelPairTemplates templates, TaggingInput input, Span<uint> output)
    {
        int n = input.Count;
        if (output.Length < n * MaxPerToken) throw new ArgumentException("Buffer too small for the input.");
        output[..(n * MaxPerToken)].Clear();
        if (templates == LabelPairTemplates.None) return;
        var brown = extractor.Brown;
        for (int i = 0; i < n; i++)
        {
            var word = input.Word(i);
            if (word.Length > MaxWordLength) word = word[..MaxWordLength];
            bool capitalized = word.Length > 0 && char.IsUpper(word[0]);
            var slots = output.Slice(i * MaxPerToken, MaxPerToken);
            int k = 0;
            if ((templates & LabelPairTemplates.Shape) != 0) slots[k++] = Hash.Shape(70, word);
            if ((templates & LabelPairTemplates.Brown) != 0)
            {
                slots[k++] = brown.Count > 0 && brown.TryGetPath(word, out uint path)
                    ? Hash.Combine(Hash.Of(71, capitalized ? (byte)1 : (byte)0), BrownClusters.Prefix(path, 4))
                    : Hash.Of(71, capitalized ? (byte)3 : (byte)2);
            }
            if ((templates & LabelPairTemplates.Case) != 0)
            {
                bool common = capitalized && extractor.IsCommonWord(word);
                slots[k++] = Hash.Of(72, (byte)((capitalized ? 1 : 0) | (common ? 2 : 0) | (input.SentenceStarts[i] ? 4 : 0)));
            }
            if ((templates & LabelPairTemplates.Word) != 0) slots[k++] = Hash.Lower(73, word);
        }
    }
}
