using Annalist.Core.Entities.Gazetteers;

namespace Annalist.Core.Entities.Tagging;

/// <summary>
/// Turns each token into hashed feature ids: word forms and their neighbours, affixes, word shape,
/// capitalization, position in the sentence, gazetteer, given-name and title-word
/// membership, whether the document also writes the word in lower case, and whether it writes it after a title elsewhere. Hashing means no strings are
/// made per token; the same input always gives the same ids. Thread-safe.
/// </summary>
public sealed partial class FeatureExtractor
{
    /// <summary>The most features one token can have.</summary>
    public const int MaxFeaturesPerToken = 64;

    private const int MaxWordLength = 64;

    /// <summary>Whether the <paramref name="position"/>-th feature of a token (as <see cref="Extract"/> writes them) is a form of the word itself, lower-cased or exact.</summary>
    internal static bool IsWordForm(int position) => position is 1 or 2;

    private readonly Gazetteer _gazetteer;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _commonWords;

    /// <param name="gazetteer">Place names and demonyms whose membership is a feature.</param>
    /// <param name="commonWords">Words known in lower case (from the training text); a capitalized word whose lower-case form is one of them is less likely a name.</param>
    /// <param name="clusters">Word clusters whose numbers (of the word and its neighbours) are features.</param>
    /// <param name="brown">Brown clusters whose path prefixes (of the word and its neighbours) are features.</param>
    /// <param name="givenNames">Given names whose membership (binned by frequency, of the word and the word before) is a feature.</param>
    public FeatureExtractor(Gazetteer gazetteer, IEnumerable<string>? commonWords = null, WordClusters? clusters = null, BrownClusters? brown = null, GivenNames? givenNames = null)
    {
        GivenNames = givenNames ?? GivenNames.Empty;
        Clusters = clusters ?? WordClusters.Empty;
        Brown = brown ?? BrownClusters.Empty;
        _gazetteer = gazetteer ?? throw new ArgumentNullException(nameof(gazetteer));
        CommonWords = [.. (commonWords ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _commonWords = new HashSet<string>(CommonWords, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The word clusters this extractor uses.</summary>
    public WordClusters Clusters { get; }

    /// <summary>The given names this extractor uses.</summary>
    public GivenNames GivenNames { get; }

    /// <summary>The Brown clusters this extractor uses.</summary>
    public BrownClusters Brown { get; }

    /// <summary>The lower-case vocabulary this extractor knows, sorted.</summary>
    public IReadOnlyList<string> CommonWords { get; }

    /// <summary>Whether the lower-case form of <paramref name="word"/> is in <see cref="CommonWords"/>.</summary>
    public bool IsCommonWord(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[MaxWordLength];
        word = Clip(word);
        int length = word.ToLowerInvariant(lower);
        return length > 0 && _commonWords.Contains(lower[..length]);
    }

    /// <summary>An extractor with the vocabulary stored in <paramref name="model"/>, and <paramref name="givenNames"/> (by default the shipped ones).</summary>
    public static FeatureExtractor For(PerceptronModel model, Gazetteer gazetteer, GivenNames? givenNames = null) => new(gazetteer, model.CommonWords, model.Clusters, model.Brown, givenNames ?? EntityModels.GivenNames);

    /// <summary>
    /// Writes the features of every token of <paramref name="input"/> into <paramref name="features"/>
    /// (<see cref="MaxFeaturesPerToken"/> slots per token) and their number into <paramref name="counts"/>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Extract(TaggingInput input, Span<uint> features, Span<int> counts)
    {
        int n = input.Count;
        if (features.Length < n * MaxFeaturesPerToken || counts.Length < n) throw new ArgumentException("Buffers too small for the input.");
        var context = DocumentContext.Build(input);
        var names = GivenNames.Count > 0 ? NameEvidence.Build(input) : null;
        var gazetteerTags = new byte[n];
        MarkGazetteerMatches(input, gazetteerTags);
        // One cluster lookup per token; neighbours read the array (0: no path).
        var paths = Brown.Count > 0 ? new uint[n] : null;
        if (paths is not null)
        {
            for (int i = 0; i < n; i++) paths[i] = Brown.TryGetPath(Clip(input.Word(i)), out uint path) ? path : 0;
        }
        for (int sentenceStart = 0; sentenceStart < n;)
        {
            int sentenceEnd = sentenceStart + 1;
            while (sentenceEnd < n && !input.SentenceStarts[sentenceEnd]) sentenceEnd++;
            byte casing = SentenceCasing(input, sentenceStart, sentenceEnd);
            for (int i = sentenceStart; i < sentenceEnd; i++)
                counts[i] = ExtractToken(input, i, sentenceStart, sentenceEnd, gazetteerTags, paths, context, names, casing, features.Slice(i * MaxFeaturesPerToken, MaxFeaturesPerToken));
            sentenceStart = sentenceEnd;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private int ExtractToken(TaggingInput input, int i, int sentenceStart, int sentenceEnd, byte[] gazetteerTags, uint[]? paths, DocumentContext context, NameEvidence? names, byte casing, Span<uint> output)
    {
        int count = 0;
        var word = Clip(input.Word(i));
        bool first = i == sentenceStart;
        bool capitalized = word.Length > 0 && char.IsUpper(word[0]);
        byte flags = Flags(word, first);

        output[count++] = Hash.Of(0);
        output[count++] = Hash.Lower(1, word);
        output[count++] = Hash.Exact(2, word);
        output[count++] = Neighbour(3, input, i - 1, sentenceStart, sentenceEnd);
        output[count++] = Neighbour(4, input, i + 1, sentenceStart, sentenceEnd);
        output[count++] = Neighbour(5, input, i - 2, sentenceStart, sentenceEnd);
        output[count++] = Neighbour(6, input, i + 2, sentenceStart, sentenceEnd);
        for (int k = 1; k <= 4 && k <= word.Length; k++)
        {
            output[count++] = Hash.Lower((byte)(6 + k), word[^k..]);
            output[count++] = Hash.Lower((byte)(10 + k), word[..k]);
        }
        uint shape = Hash.Shape(15, word);
        output[count++] = shape;
        output[count++] = Hash.Combine(Hash.Of(16, flags), 0);
        output[count++] = Hash.Combine(shape, first ? 1u : 2u);
        if (i - 1 >= sentenceStart) output[count++] = Hash.Shape(17, Clip(input.Word(i - 1)));
        if (i + 1 < sentenceEnd) output[count++] = Hash.Shape(18, Clip(input.Word(i + 1)));
        if (i - 1 >= sentenceStart) output[count++] = Hash.Combine(Hash.Lower(19, Clip(input.Word(i - 1))), shape);
        if (i + 1 < sentenceEnd) output[count++] = Hash.Combine(Hash.Lower(20, Clip(input.Word(i + 1))), shape);

        if (Clusters.Count > 0)
        {
            ushort cluster = Clusters.Of(word);
            output[count++] = Hash.Combine(Hash.Of(50, flags), cluster);
            output[count++] = Hash.Combine(Hash.Of(51), i - 1 >= sentenceStart ? Clusters.Of(Clip(input.Word(i - 1))) : 0x10000u);
            output[count++] = Hash.Combine(Hash.Of(52), i + 1 < sentenceEnd ? Clusters.Of(Clip(input.Word(i + 1))) : 0x10000u);
        }
        if (paths is not null)
        {
            uint path = paths[i];
            if (path != 0)
            {
                output[count++] = Hash.Combine(Hash.Of(53), BrownClusters.Prefix(path, 4));
                output[count++] = Hash.Combine(Hash.Of(54), BrownClusters.Prefix(path, 6));
                output[count++] = Hash.Combine(Hash.Of(55), BrownClusters.Prefix(path, 10));
                output[count++] = Hash.Combine(Hash.Of(56), BrownClusters.Prefix(path, 20));
                output[count++] = Hash.Combine(Hash.Of(57, flags), BrownClusters.Prefix(path, 6));
            }
            else output[count++] = Hash.Of(57, flags);
            if (i - 1 >= sentenceStart && paths[i - 1] is uint before and not 0)
            {
                output[count++] = Hash.Combine(Hash.Of(58), BrownClusters.Prefix(before, 6));
                output[count++] = Hash.Combine(Hash.Of(59), BrownClusters.Prefix(before, 10));
            }
            if (i + 1 < sentenceEnd && paths[i + 1] is uint after and not 0)
            {
                output[count++] = Hash.Combine(Hash.Of(60), BrownClusters.Prefix(after, 6));
                output[count++] = Hash.Combine(Hash.Of(61), BrownClusters.Prefix(after, 10));
            }
        }
        output[count++] = Hash.Of(21, gazetteerTags[i]);
        output[count++] = Hash.Of(22, i - 1 >= sentenceStart ? gazetteerTags[i - 1] : (byte)255);
        output[count++] = Hash.Of(23, i + 1 < sentenceEnd ? gazetteerTags[i + 1] : (byte)255);
        // Former states' names and demonyms serve the rules and lookups, not the tagger: as features they lowered its
        // cross-validated F1 (docs/layers/entities.md, session 11).
        if (_gazetteer.TryGetDemonym(word, out var people) && people.Kind != GazetteerKind.FormerCountry) output[count++] = Hash.Of(24, flags);

        if (names is not null) count = AppendGivenNameFeatures(word, capitalized, first, context, names, output, count);

        if (TitleLexicon.IsTitleWord(word)) output[count++] = Hash.Of(25, capitalized ? (byte)1 : (byte)0);
        if (i - 1 >= sentenceStart && TitleLexicon.IsTitleWord(input.Word(i - 1))) output[count++] = Hash.Of(26, flags);
        if (i - 2 >= sentenceStart && TitleLexicon.IsTitleWord(input.Word(i - 2))) output[count++] = Hash.Of(27, flags);

        // Templates 28–30 (part of speech) are left out: only GUM among the training corpora has tags, and
        // its gold tags taught the model to trust them more than predicted tags deserve (the sample record's
        // entity F1 fell from 0.95 to 0.68 with them). Tags still serve the name rules (demonym nouns).

        if (capitalized)
        {
            Span<char> lower = stackalloc char[MaxWordLength];
            int length = word.ToLowerInvariant(lower);
            bool common = _commonWords.Contains(lower[..length]);
            output[count++] = Hash.Of(33, (byte)((common ? 1 : 0) | (first ? 2 : 0)));
            output[count++] = Hash.Of(31, (byte)((context.SeenInLowerCase(word) ? 1 : 0) | (first ? 2 : 0)));
            if (first) output[count++] = Hash.Of(32, context.SeenCapitalizedInside(word) ? (byte)1 : (byte)0);
            output[count++] = Hash.Of(34, (byte)((context.SeenAfterTitle(word) ? 1 : 0) | (first ? 2 : 0)));
            if (casing != 0) output[count++] = Hash.Of(63, (byte)(casing | (common ? 4 : 0) | (first ? 8 : 0)));
        }
        if (casing != 0) output[count++] = Hash.Of(62, (byte)(casing | (capitalized ? 4 : 0)));
        return count;
    }

    /// <summary>
    /// 0 for a sentence in ordinary case, 1 for one in title case (a headline: most longer words capitalized),
    /// 2 for one in capitals (OCR'd newspapers, telegrams), where capitalization says little about names.
    /// </summary>
    private static byte SentenceCasing(TaggingInput input, int start, int end)
    {
        int words = 0, capitals = 0, longWords = 0, capitalizedLong = 0;
        for (int i = start; i < end; i++)
        {
            var word = input.Word(i);
            if (word.Length == 0 || !char.IsLetter(word[0])) continue;
            words++;
            bool upper = char.IsUpper(word[0]);
            if (upper && word.Length > 1 && !HasLowerCase(word)) capitals++;
            if (word.Length >= 4)
            {
                longWords++;
                if (upper) capitalizedLong++;
            }
        }
        if (words >= 3 && capitals * 10 >= words * 7) return 2;
        if (longWords >= 3 && capitalizedLong * 10 >= longWords * 8) return 1;
        return 0;
    }

    private static bool HasLowerCase(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (char.IsLower(c)) return true;
        }
        return false;
    }

    private static uint Neighbour(byte template, TaggingInput input, int index, int sentenceStart, int sentenceEnd)
    {
        if (index < sentenceStart) return Hash.Of(template, 1);
        if (index >= sentenceEnd) return Hash.Of(template, 2);
        return Hash.Lower(template, Clip(input.Word(index)));
    }

    private static ReadOnlySpan<char> Clip(ReadOnlySpan<char> word) => word.Length > MaxWordLength ? word[..MaxWordLength] : word;

    private static byte Flags(ReadOnlySpan<char> word, bool first)
    {
        bool upper = word.Length > 0 && char.IsUpper(word[0]);
        bool allUpper = upper, digit = false, hyphen = false, period = false;
        foreach (char c in word)
        {
            if (char.IsLower(c)) allUpper = false;
            else if (char.IsDigit(c)) digit = true;
            else if (c == '-') hyphen = true;
            else if (c == '.') period = true;
        }
        return (byte)((upper ? 1 : 0) | (allUpper && word.Length > 1 ? 2 : 0) | (digit ? 4 : 0) | (hyphen ? 8 : 0) | (period ? 16 : 0) | (first ? 32 : 0));
    }

    /// <summary>
    /// Marks tokens inside the longest gazetteer name starting at each position: kind × (begin, inside),
    /// and a separate mark for a demonym.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void MarkGazetteerMatches(TaggingInput input, byte[] tags)
    {
        Span<char> buffer = stackalloc char[256];
        int maxWords = Math.Min(_gazetteer.MaxWords, 6);
        for (int i = 0; i < input.Count; i++)
        {
            if (tags[i] != 0) continue;
            var first = input.Word(i);
            if (first.Length == 0 || !char.IsUpper(first[0])) continue;
            int bestLength = 0;
            GazetteerKind bestKind = default;
            int bestDetail = 0;
            int used = 0;
            for (int w = 0; w < maxWords && i + w < input.Count; w++)
            {
                var word = input.Word(i + w);
                if (w > 0)
                {
                    if (input.SentenceStarts[i + w] || used + 1 + word.Length > buffer.Length) break;
                    bool adjacent = input.Tokens[i + w].Start == input.Tokens[i + w - 1].End;
                    if (!adjacent) buffer[used++] = ' ';
                }
                if (used + word.Length > buffer.Length) break;
                word.CopyTo(buffer[used..]);
                used += word.Length;
                if (_gazetteer.TryGetPlace(buffer[..used], out var entry) && entry.Kind != GazetteerKind.FormerCountry)
                {
                    bestLength = w + 1;
                    bestKind = entry.Kind;
                    // Main names of large places are strong evidence; old or alternate names of small ones (a town once called Stalin) weak.
                    bool primary = entry.Kind != GazetteerKind.Place || buffer[..used].SequenceEqual(entry.Name);
                    int size = entry.Kind != GazetteerKind.Place ? 3 : entry.Population >= 1_000_000 ? 2 : entry.Population >= 100_000 ? 1 : 0;
                    bestDetail = (primary ? 4 : 0) | size;
                }
            }
            if (bestLength == 0) continue;
            tags[i] = (byte)(1 + (((int)bestKind << 4) | (bestDetail << 1)));
            for (int k = 1; k < bestLength; k++) tags[i + k] = (byte)(2 + (((int)bestKind << 4) | (bestDetail << 1)));
        }
    }

    /// <summary>The most features <see cref="AppendDocumentFeatures"/> adds to one token.</summary>
    public const int MaxDocumentFeaturesPerToken = 8;

    /// <summary>
    /// Adds to each token's features what a first pass (<paramref name="firstPass"/>, one label per token)
    /// said of it, of its neighbours, and of the other places the document writes the same capitalized word:
    /// how many of them it called a person, a place, an organization. A name is usually one thing throughout a
    /// document, and the other occurrences often have the clearer context (<c>said Florence</c>, <c>in Florence</c>).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void AppendDocumentFeatures(TaggingInput input, ReadOnlySpan<byte> firstPass, Span<uint> features, Span<int> counts)
    {
        int n = input.Count;
        if (firstPass.Length < n || features.Length < n * MaxFeaturesPerToken || counts.Length < n) throw new ArgumentException("Buffers too small for the input.");
        var votes = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var lookup = votes.GetAlternateLookup<ReadOnlySpan<char>>();
        var wordVotes = new int[]?[n];
        for (int i = 0; i < n; i++)
        {
            var word = Clip(input.Word(i));
            if (word.Length < 2 || !char.IsUpper(word[0])) continue;
            if (!lookup.TryGetValue(word, out var tally))
            {
                tally = new int[4];
                lookup[word] = tally;
            }
            tally[TypeIndex(firstPass[i])]++;
            wordVotes[i] = tally;
        }
        Span<int> others = stackalloc int[4];
        for (int i = 0; i < n; i++)
        {
            int count = counts[i];
            if (count + MaxDocumentFeaturesPerToken > MaxFeaturesPerToken) count = MaxFeaturesPerToken - MaxDocumentFeaturesPerToken;
            var output = features.Slice(i * MaxFeaturesPerToken, MaxFeaturesPerToken);
            byte own = firstPass[i];
            bool sentenceStart = input.SentenceStarts[i];
            byte previous = sentenceStart ? (byte)255 : firstPass[i - 1];
            byte next = i + 1 >= n || input.SentenceStarts[i + 1] ? (byte)255 : firstPass[i + 1];
            output[count++] = Hash.Of(40, own);
            output[count++] = Hash.Combine(Hash.Of(41, previous), own);
            output[count++] = Hash.Combine(Hash.Of(42, next), own);
            if (wordVotes[i] is { } tally)
            {
                int total = 0;
                for (int t = 0; t < 4; t++) total += others[t] = tally[t] - (t == TypeIndex(own) ? 1 : 0);
                if (total == 0) output[count++] = Hash.Of(43, sentenceStart ? (byte)1 : (byte)0);
                else
                {
                    int best = 0;
                    for (int t = 1; t < 4; t++)
                    {
                        if (others[t] > others[best]) best = t;
                        byte share = others[t] == 0 ? (byte)0 : others[t] == total ? (byte)3 : others[t] * 2 >= total ? (byte)2 : (byte)1;
                        output[count++] = Hash.Of((byte)(43 + t), share);
                    }
                    byte many = total >= 4 ? (byte)2 : total >= 2 ? (byte)1 : (byte)0;
                    output[count++] = Hash.Combine(Hash.Combine(Hash.Of(47, (byte)best), many), (uint)TypeIndex(own) | (sentenceStart ? 8u : 0u));
                }
            }
            counts[i] = count;
        }
    }

    /// <summary>0 outside a name, 1 person, 2 place, 3 organization.</summary>
    private static int TypeIndex(byte label) => label == NerLabel.Outside ? 0 : (label + 1) / 2;

    /// <summary>Per-document facts about words: whether each is also written in lower case, or capitalized inside a sentence.</summary>
    private sealed class DocumentContext
    {
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lower;
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _capitalizedInside;
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _afterTitle;

        private DocumentContext(HashSet<string> lower, HashSet<string> capitalizedInside, HashSet<string> afterTitle)
        {
            _lower = lower.GetAlternateLookup<ReadOnlySpan<char>>();
            _capitalizedInside = capitalizedInside.GetAlternateLookup<ReadOnlySpan<char>>();
            _afterTitle = afterTitle.GetAlternateLookup<ReadOnlySpan<char>>();
        }


        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public static DocumentContext Build(TaggingInput input)
        {
            var context = new DocumentContext(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
            for (int i = 0; i < input.Count; i++)
            {
                var word = Clip(input.Word(i));
                if (word.Length < 2 || !char.IsLetter(word[0])) continue;
                if (char.IsLower(word[0])) context._lower.Add(word);
                else
                {
                    if (!input.SentenceStarts[i] && !(i > 0 && IsOpening(input.Word(i - 1)))) context._capitalizedInside.Add(word);
                    // Capitalized words after a capitalized title, one name word between allowed (Mr. John Carver): names elsewhere too.
                    if (i > 0 && !input.SentenceStarts[i] && IsCapitalizedTitle(input.Word(i - 1))) context._afterTitle.Add(word);
                    else if (i > 1 && !input.SentenceStarts[i] && !input.SentenceStarts[i - 1] && IsCapitalizedTitle(input.Word(i - 2))
                        && input.Word(i - 1) is { Length: > 0 } between && char.IsUpper(between[0])) context._afterTitle.Add(word);
                }
            }
            return context;
        }

        public bool SeenInLowerCase(ReadOnlySpan<char> word)
        {
            Span<char> lower = stackalloc char[MaxWordLength];
            int length = word.ToLowerInvariant(lower);
            return length > 0 && _lower.Contains(lower[..length]);
        }

        public bool SeenCapitalizedInside(ReadOnlySpan<char> word) => _capitalizedInside.Contains(word);

        /// <summary>Whether the document writes <paramref name="word"/> somewhere right after a title (<c>Mr.</c>, <c>Captain</c>).</summary>
        public bool SeenAfterTitle(ReadOnlySpan<char> word) => _afterTitle.Contains(word);

        private static bool IsCapitalizedTitle(ReadOnlySpan<char> word) => word.Length > 0 && char.IsUpper(word[0]) && TitleLexicon.IsTitleWord(word);

        private static bool IsOpening(ReadOnlySpan<char> word) => word.Length == 1 && word[0] is '"' or '“' or '‘' or '\'' or ':' or '(' or '[' or '—' or '–';
    }
}
