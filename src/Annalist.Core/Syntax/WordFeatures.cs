namespace Annalist.Core.Syntax;

/// <summary>The hashed properties of one word that tagger and parser features are built from; computed once per word.</summary>
internal readonly struct WordFeatures
{
    public readonly ulong Form;
    public readonly ulong Lower;
    public readonly ulong Shape;
    public readonly ulong Prefix1;
    public readonly ulong Prefix2;
    public readonly ulong Prefix3;
    public readonly ulong Suffix1;
    public readonly ulong Suffix2;
    public readonly ulong Suffix3;
    public readonly ulong Suffix4;

    private WordFeatures(ulong form, ulong lower, ulong shape, ulong p1, ulong p2, ulong p3, ulong s1, ulong s2, ulong s3, ulong s4)
    {
        Form = form;
        Lower = lower;
        Shape = shape;
        Prefix1 = p1;
        Prefix2 = p2;
        Prefix3 = p3;
        Suffix1 = s1;
        Suffix2 = s2;
        Suffix3 = s3;
        Suffix4 = s4;
    }

    /// <summary>Placeholder for positions before the sentence, after it, or the parser's root.</summary>
    public static WordFeatures Boundary(int symbol)
    {
        ulong h = FeatureHash.Symbol(symbol);
        return new WordFeatures(h, h, h, h, h, h, h, h, h, h);
    }

    public static WordFeatures Of(ReadOnlySpan<char> word)
    {
        ulong form = FeatureHash.Chars(word);
        ulong lower = FeatureHash.LowerChars(word);
        return new WordFeatures(
            form,
            lower,
            ShapeOf(word),
            Prefix(word, 1),
            Prefix(word, 2),
            Prefix(word, 3),
            Suffix(word, 1),
            Suffix(word, 2),
            Suffix(word, 3),
            Suffix(word, 4));
    }

    // Affixes are hashed with their length so that "ab" as a prefix of length 2 and a whole word "ab" differ.
    private static ulong Prefix(ReadOnlySpan<char> word, int length) =>
        word.Length <= length ? FeatureHash.Symbol(10 + length) : FeatureHash.Feature(length, FeatureHash.LowerChars(word[..length]));

    private static ulong Suffix(ReadOnlySpan<char> word, int length) =>
        word.Length <= length ? FeatureHash.Symbol(20 + length) : FeatureHash.Feature(100 + length, FeatureHash.LowerChars(word[^length..]));

    /// <summary>Upper → X, lower → x, digit → d, other characters as themselves, runs of a class cut at two.</summary>
    private static ulong ShapeOf(ReadOnlySpan<char> word)
    {
        ulong hash = 14695981039346656037UL;
        char previous = '\0';
        int run = 0;
        foreach (char raw in word)
        {
            char c = FeatureHash.Normalize(raw);
            char shape = char.IsUpper(c) ? 'X' : char.IsLetter(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (shape == previous)
            {
                if (++run > 2) continue;
            }
            else
            {
                previous = shape;
                run = 1;
            }
            hash = (hash ^ shape) * 1099511628211UL;
        }
        return FeatureHash.Feature(200, hash);
    }
}
