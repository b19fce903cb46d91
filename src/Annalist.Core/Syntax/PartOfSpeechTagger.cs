using System.Buffers;
using Annalist.Core.Text;

namespace Annalist.Core.Syntax;

/// <summary>
/// A trained part-of-speech tagger: greedy left-to-right averaged perceptron over hashed word, affix,
/// shape and context features, with a dictionary of frequent unambiguous words. Each class is one
/// (UPOS, XPOS) pair seen in training, so one decision yields both tags. Immutable and thread-safe.
/// </summary>
public sealed class PartOfSpeechTagger
{
    internal const string Kind = "pos-tagger";

    private readonly SparseWeights _weights;
    private readonly Dictionary<ulong, int> _dictionary;
    private readonly Dictionary<ulong, ulong> _ambiguityClasses;

    internal PartOfSpeechTagger(string[] universalTags, string[] languageTags, SparseWeights weights, Dictionary<ulong, int> dictionary, Dictionary<ulong, ulong> ambiguityClasses)
    {
        if (universalTags.Length != languageTags.Length || universalTags.Length != weights.ClassCount)
            throw new ArgumentException("Tag tables and weights disagree on the number of classes.");
        UniversalTags = universalTags;
        LanguageTags = languageTags;
        _weights = weights;
        _dictionary = dictionary;
        _ambiguityClasses = ambiguityClasses;
        TagHashes = [.. universalTags.Select((u, c) => ParserFeatures.TagHash(u, languageTags[c]))];
    }

    /// <summary>A stable hash of each class's tags, which the parser's features use.</summary>
    internal ulong[] TagHashes { get; }

    internal IReadOnlyDictionary<ulong, ulong> AmbiguityClasses => _ambiguityClasses;

    /// <summary>UPOS of each class.</summary>
    public IReadOnlyList<string> UniversalTags { get; }

    /// <summary>XPOS of each class.</summary>
    public IReadOnlyList<string> LanguageTags { get; }

    public int ClassCount => UniversalTags.Count;

    /// <summary>Features and (class, weight) entries stored; a measure of model size.</summary>
    public (int Features, int Entries, int DictionaryWords) Size => (_weights.FeatureCount, _weights.EntryCount, _dictionary.Count);

    /// <summary>
    /// Tags one sentence: <paramref name="words"/> are spans of <paramref name="text"/>, and
    /// <paramref name="classes"/> (same length) receives a class index per word. Allocates nothing for
    /// sentences up to a few hundred words (buffers are pooled beyond).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Tag(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> words, Span<int> classes)
    {
        if (classes.Length < words.Length) throw new ArgumentException("One class slot per word is needed.", nameof(classes));
        int n = words.Length;
        if (n == 0) return;
        WordFeatures[]? rented = null;
        ulong[]? rentedAmbiguity = null;
        Span<WordFeatures> padded = n <= 128
            ? stackalloc WordFeatures[n + 2 * TaggerFeatures.Padding]
            : (rented = ArrayPool<WordFeatures>.Shared.Rent(n + 2 * TaggerFeatures.Padding));
        Span<ulong> ambiguity = n <= 128
            ? stackalloc ulong[n + 2 * TaggerFeatures.Padding]
            : (rentedAmbiguity = ArrayPool<ulong>.Shared.Rent(n + 2 * TaggerFeatures.Padding));
        Span<ulong> features = stackalloc ulong[TaggerFeatures.MaximumCount];
        Span<float> scores = stackalloc float[_weights.ScoreLength];
        TaggerFeatures.Prepare(text, words, _ambiguityClasses, padded, ambiguity);
        int previous = -1, beforePrevious = -1;
        for (int i = 0; i < n; i++)
        {
            int cls = Predict(padded, ambiguity, i, previous, beforePrevious, features, scores);
            classes[i] = cls;
            beforePrevious = previous;
            previous = cls;
        }
        if (rented is not null) ArrayPool<WordFeatures>.Shared.Return(rented);
        if (rentedAmbiguity is not null) ArrayPool<ulong>.Shared.Return(rentedAmbiguity);
    }

    internal int Predict(ReadOnlySpan<WordFeatures> padded, ReadOnlySpan<ulong> ambiguity, int index, int previous, int beforePrevious, Span<ulong> features, Span<float> scores)
    {
        if (_dictionary.TryGetValue(padded[index + TaggerFeatures.Padding].Form, out int known)) return known;
        int count = TaggerFeatures.Extract(padded, ambiguity, index, previous, beforePrevious, features);
        _weights.Score(features[..count], scores);
        return ArgMax(scores[..ClassCount]);
    }

    internal static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best]) best = c;
        }
        return best;
    }

    /// <summary>Writes the model in Annalist's model format (see <c>models/README.md</c>).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ModelFormat.Write(stream, Kind, writer =>
        {
            writer.WriteStrings([.. UniversalTags]);
            writer.WriteStrings([.. LanguageTags]);
            writer.WriteVarint((ulong)_dictionary.Count);
            foreach (var (form, cls) in _dictionary.OrderBy(e => e.Key))
            {
                writer.WriteVarint(form);
                writer.WriteVarint((ulong)cls);
            }
            writer.WriteVarint((ulong)_ambiguityClasses.Count);
            foreach (var (form, ambiguity) in _ambiguityClasses.OrderBy(e => e.Key))
            {
                writer.WriteVarint(form);
                writer.WriteVarint(ambiguity);
            }
            _weights.Write(writer);
        });
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="Errors.AnnalistException">ANL3051: the stream is not a readable tagger model.</exception>
    public static PartOfSpeechTagger Load(Stream stream) => ModelFormat.Read(stream, Kind, reader =>
    {
        string[] universal = reader.ReadStrings(ushort.MaxValue);
        string[] language = reader.ReadStrings(ushort.MaxValue);
        if (universal.Length != language.Length || universal.Length == 0) throw new InvalidDataException("The tag tables disagree.");
        int entries = reader.ReadCount(1 << 24);
        var dictionary = new Dictionary<ulong, int>(entries);
        for (int i = 0; i < entries; i++)
        {
            ulong form = reader.ReadVarint();
            dictionary[form] = reader.ReadCount(universal.Length - 1);
        }
        int ambiguous = reader.ReadCount(1 << 24);
        var ambiguityClasses = new Dictionary<ulong, ulong>(ambiguous);
        for (int i = 0; i < ambiguous; i++)
        {
            ulong form = reader.ReadVarint();
            ambiguityClasses[form] = reader.ReadVarint();
        }
        var weights = SparseWeights.Read(reader);
        if (weights.ClassCount != universal.Length) throw new InvalidDataException("The weights do not match the tag table.");
        return new PartOfSpeechTagger(universal, language, weights, dictionary, ambiguityClasses);
    });
}
