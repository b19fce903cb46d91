namespace Annalist.Core.Syntax;

/// <summary>Settings of tagger training; the defaults are the ones the shipped model was trained with.</summary>
public sealed record TaggerTrainingOptions
{
    public int Epochs { get; init; } = 10;

    /// <summary>Seed of the per-epoch shuffle; the same data, options and seed give the same model.</summary>
    public int Seed { get; init; } = 20260101;

    /// <summary>A word enters the tag dictionary when seen this often…</summary>
    public int DictionaryMinimumCount { get; init; } = 20;

    /// <summary>…with one class at least this share of the time.</summary>
    public double DictionaryMinimumShare { get; init; } = 0.995;

    /// <summary>Averaged weights (scaled to a largest magnitude of 1024) below this are dropped from the model.</summary>
    public float MinimumWeight { get; init; } = 0.5f;

    /// <summary>A word gets an ambiguity class when seen this often; a class joins it when it has this share of the word's uses.</summary>
    public int AmbiguityMinimumCount { get; init; } = 3;

    public double AmbiguityMinimumShare { get; init; } = 0.02;
}

/// <summary>Trains a <see cref="PartOfSpeechTagger"/> from gold-tagged sentences. Deterministic for given data and options.</summary>
public static class PartOfSpeechTaggerTrainer
{
    /// <summary>Trains on <paramref name="sentences"/>; <paramref name="progress"/> hears after each epoch its number and the share of words tagged right while training.</summary>
    public static PartOfSpeechTagger Train(IReadOnlyList<TreebankSentence> sentences, TaggerTrainingOptions? options = null, Action<int, double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        options ??= new TaggerTrainingOptions();
        var (universal, language, classOf) = BuildClasses(sentences);
        var ambiguityClasses = BuildAmbiguityClasses(sentences, classOf, options);
        var prepared = sentences.Where(s => s.Count > 0).Select(s => Prepare(s, classOf, ambiguityClasses)).ToArray();
        var dictionary = BuildDictionary(prepared, classOf.Count, options);

        var model = new AveragedPerceptron(universal.Length);
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, prepared.Length).ToArray();
        Span<ulong> features = stackalloc ulong[TaggerFeatures.MaximumCount];
        var scores = new float[universal.Length];
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            long right = 0, total = 0;
            foreach (int s in order)
            {
                var (padded, ambiguity, gold) = prepared[s];
                int previous = -1, beforePrevious = -1;
                for (int i = 0; i < gold.Length; i++)
                {
                    int guess;
                    if (dictionary.TryGetValue(padded[i + TaggerFeatures.Padding].Form, out int known)) guess = known;
                    else
                    {
                        int count = TaggerFeatures.Extract(padded, ambiguity, i, previous, beforePrevious, features);
                        model.Score(features[..count], scores);
                        guess = PartOfSpeechTagger.ArgMax(scores);
                        model.Tick();
                        model.Update(features[..count], gold[i], guess);
                    }
                    if (guess == gold[i]) right++;
                    total++;
                    beforePrevious = previous;
                    previous = guess;
                }
            }
            progress?.Invoke(epoch, total == 0 ? 0 : (double)right / total);
        }
        return new PartOfSpeechTagger(universal, language, model.Average(options.MinimumWeight), dictionary, ambiguityClasses);
    }

    private static (string[] Universal, string[] Language, Dictionary<(string, string), int> ClassOf) BuildClasses(IReadOnlyList<TreebankSentence> sentences)
    {
        var counts = new Dictionary<(string, string), int>();
        foreach (var sentence in sentences)
        {
            for (int i = 0; i < sentence.Count; i++)
            {
                var key = (sentence.UniversalTags[i], sentence.LanguageTags[i]);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        var ordered = counts.OrderByDescending(e => e.Value).ThenBy(e => e.Key.Item1, StringComparer.Ordinal).ThenBy(e => e.Key.Item2, StringComparer.Ordinal).Select(e => e.Key).ToArray();
        var classOf = new Dictionary<(string, string), int>();
        for (int c = 0; c < ordered.Length; c++) classOf[ordered[c]] = c;
        return ([.. ordered.Select(k => k.Item1)], [.. ordered.Select(k => k.Item2)], classOf);
    }

    private static (WordFeatures[] Padded, ulong[] Ambiguity, int[] Gold) Prepare(TreebankSentence sentence, Dictionary<(string, string), int> classOf, Dictionary<ulong, ulong> ambiguityClasses)
    {
        var (text, words) = sentence.Layout();
        var padded = new WordFeatures[words.Length + 2 * TaggerFeatures.Padding];
        var ambiguity = new ulong[padded.Length];
        TaggerFeatures.Prepare(text, words, ambiguityClasses, padded, ambiguity);
        var gold = new int[sentence.Count];
        for (int i = 0; i < gold.Length; i++) gold[i] = classOf[(sentence.UniversalTags[i], sentence.LanguageTags[i])];
        return (padded, ambiguity, gold);
    }

    private static Dictionary<ulong, ulong> BuildAmbiguityClasses(IReadOnlyList<TreebankSentence> sentences, Dictionary<(string, string), int> classOf, TaggerTrainingOptions options)
    {
        var counts = new Dictionary<ulong, Dictionary<int, int>>();
        foreach (var sentence in sentences)
        {
            for (int i = 0; i < sentence.Count; i++)
            {
                ulong lower = FeatureHash.LowerChars(sentence.Forms[i]);
                if (!counts.TryGetValue(lower, out var perClass)) counts[lower] = perClass = [];
                int cls = classOf[(sentence.UniversalTags[i], sentence.LanguageTags[i])];
                perClass[cls] = perClass.GetValueOrDefault(cls) + 1;
            }
        }
        var classes = new Dictionary<ulong, ulong>();
        foreach (var (lower, perClass) in counts)
        {
            int total = perClass.Values.Sum();
            if (total < options.AmbiguityMinimumCount) continue;
            ulong hash = FeatureHash.Symbol(6);
            foreach (int cls in perClass.Where(e => e.Value >= options.AmbiguityMinimumShare * total).Select(e => e.Key).Order())
                hash = FeatureHash.Feature(cls, hash);
            classes[lower] = hash;
        }
        return classes;
    }

    private static Dictionary<ulong, int> BuildDictionary((WordFeatures[] Padded, ulong[] Ambiguity, int[] Gold)[] sentences, int classCount, TaggerTrainingOptions options)
    {
        var counts = new Dictionary<ulong, int[]>();
        foreach (var (padded, _, gold) in sentences)
        {
            for (int i = 0; i < gold.Length; i++)
            {
                ulong form = padded[i + TaggerFeatures.Padding].Form;
                if (!counts.TryGetValue(form, out var perClass)) counts[form] = perClass = new int[classCount];
                perClass[gold[i]]++;
            }
        }
        var dictionary = new Dictionary<ulong, int>();
        foreach (var (form, perClass) in counts)
        {
            int total = perClass.Sum();
            int best = Array.IndexOf(perClass, perClass.Max());
            if (total >= options.DictionaryMinimumCount && perClass[best] >= options.DictionaryMinimumShare * total) dictionary[form] = best;
        }
        return dictionary;
    }
}
