namespace Annalist.Core.Syntax;

/// <summary>Settings of parser training; the defaults are the ones the shipped model was trained with.</summary>
public sealed record ParserTrainingOptions
{
    public int Epochs { get; init; } = 15;

    /// <summary>Seed of the shuffles, the exploration and the tag jackknifing.</summary>
    public int Seed { get; init; } = 20260101;

    /// <summary>From this epoch on, the trainer follows its own prediction (not the oracle's) with <see cref="ExplorationProbability"/>.</summary>
    public int ExplorationFromEpoch { get; init; } = 2;

    public double ExplorationProbability { get; init; } = 0.9;

    /// <summary>The training sentences are tagged by taggers trained on the other folds (1: gold tags are used).</summary>
    public int JackknifeFolds { get; init; } = 5;

    /// <summary>
    /// Averaged weights (scaled to a largest magnitude of 1024) below this are dropped from the model:
    /// 15 keeps a third of the size of 1 at the same EWT dev LAS (0.8205 against 0.8202).
    /// </summary>
    public float MinimumWeight { get; init; } = 15f;
}

/// <summary>
/// Trains a <see cref="DependencyParser"/>: online averaged perceptron over arc-hybrid transitions with
/// the dynamic oracle of Goldberg and Nivre (2013), so the parser also learns to recover from its own
/// mistakes. Deterministic for given data and options.
/// </summary>
public static class DependencyParserTrainer
{
    private sealed record Prepared(ulong[] Words, ulong[] Tags, int[] GoldHeads, int[] GoldLabels);

    /// <summary>
    /// Trains on <paramref name="sentences"/> (trees only), tagged as <paramref name="options"/> says, the
    /// jackknife taggers trained with <paramref name="taggerOptions"/>; <paramref name="progress"/> hears
    /// after each epoch its number and the share of decisions the oracle agreed with.
    /// </summary>
    public static DependencyParser Train(IReadOnlyList<TreebankSentence> sentences, ParserTrainingOptions? options = null, TaggerTrainingOptions? taggerOptions = null, Action<int, double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        options ??= new ParserTrainingOptions();
        var trees = sentences.Where(s => s.Count > 0 && s.IsTree()).ToArray();
        var (relations, relationOf, rootRelation) = BuildRelations(trees);
        var tags = PredictedTags(trees, options, taggerOptions ?? new TaggerTrainingOptions());
        var prepared = trees.Select((s, i) => Prepare(s, tags[i], relationOf)).ToArray();

        int relationCount = relations.Length;
        int actions = DependencyParser.ActionCount(relationCount);
        var model = new AveragedPerceptron(actions);
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, prepared.Length).ToArray();
        int longest = prepared.Max(p => p.GoldHeads.Length);
        var ints = new int[ArcHybridState.IntsPerWord * longest];
        var sets = new ulong[2 * longest];
        var scores = new float[actions];
        var costs = new int[actions];
        Span<ulong> features = stackalloc ulong[ParserFeatures.MaximumCount];
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            long agreed = 0, decisions = 0;
            bool explore = epoch >= options.ExplorationFromEpoch;
            foreach (int s in order)
            {
                var sentence = prepared[s];
                var state = new ArcHybridState(sentence.GoldHeads.Length - 1, ints, sets);
                while (!state.IsTerminal)
                {
                    int count = ParserFeatures.Extract(ref state, sentence.Words, sentence.Tags, features);
                    model.Score(features[..count], scores);
                    int guess = DependencyParser.BestValid(ref state, scores, relationCount, rootRelation);
                    int best = Oracle(ref state, sentence, scores, costs, relationCount, rootRelation);
                    model.Tick();
                    decisions++;
                    if (costs[guess] > costs[best]) model.Update(features[..count], best, guess);
                    else agreed++;
                    int next = explore && random.NextDouble() < options.ExplorationProbability ? guess : best;
                    DependencyParser.Apply(ref state, next, relationCount);
                }
            }
            progress?.Invoke(epoch, decisions == 0 ? 0 : (double)agreed / decisions);
        }
        return new DependencyParser(relations, rootRelation, model.Average(options.MinimumWeight));
    }

    /// <summary>Fills <paramref name="costs"/> for the valid actions (gold arcs each would make unreachable) and returns the best-scoring cheapest one.</summary>
    private static int Oracle(ref ArcHybridState state, Prepared sentence, scoped ReadOnlySpan<float> scores, scoped Span<int> costs, int relationCount, int rootRelation)
    {
        var heads = sentence.GoldHeads;
        var labels = sentence.GoldLabels;
        int n = state.WordCount;
        int s0 = state.Stack(0), s1 = state.Stack(1), b0 = state.Input(0);

        int childrenOfS0InBuffer = 0;
        if (s0 >= 0)
        {
            for (int d = state.Buffer; d <= n; d++)
            {
                if (heads[d] == s0) childrenOfS0InBuffer++;
            }
        }
        int shiftCost = 0;
        if (b0 > 0)
        {
            int stackSize = state.StackSize;
            for (int depth = 0; depth < stackSize; depth++)
            {
                int item = state.Stack(depth);
                if (depth > 0 && heads[b0] == item) shiftCost++;
                if (item > 0 && heads[item] == b0) shiftCost++;
            }
        }
        int leftBase = s0 > 0 ? childrenOfS0InBuffer + (heads[s0] == s1 || heads[s0] > b0 ? 1 : 0) : 0;
        int rightBase = s0 > 0 ? childrenOfS0InBuffer + (b0 > 0 && heads[s0] >= b0 ? 1 : 0) : 0;

        int best = -1, bestCost = int.MaxValue;
        float bestScore = float.NegativeInfinity;
        int actions = costs.Length;
        for (int a = 0; a < actions; a++)
        {
            if (!DependencyParser.IsValid(ref state, a, relationCount, rootRelation))
            {
                costs[a] = int.MaxValue;
                continue;
            }
            int cost;
            if (a == 0) cost = shiftCost;
            else if (a <= relationCount) cost = leftBase + (heads[s0] == b0 && labels[s0] != a - 1 ? 1 : 0);
            else cost = rightBase + (heads[s0] == s1 && labels[s0] != a - 1 - relationCount ? 1 : 0);
            costs[a] = cost;
            if (cost < bestCost || (cost == bestCost && scores[a] > bestScore))
            {
                best = a;
                bestCost = cost;
                bestScore = scores[a];
            }
        }
        return best;
    }

    private static (string[] Relations, Dictionary<string, int> RelationOf, int Root) BuildRelations(TreebankSentence[] trees)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var rootCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            for (int i = 0; i < tree.Count; i++)
            {
                counts[tree.Relations[i]] = counts.GetValueOrDefault(tree.Relations[i]) + 1;
                if (tree.Heads[i] == 0) rootCounts[tree.Relations[i]] = rootCounts.GetValueOrDefault(tree.Relations[i]) + 1;
            }
        }
        string[] relations = [.. counts.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key)];
        var relationOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < relations.Length; i++) relationOf[relations[i]] = i;
        // A single relation used for every root and nowhere else becomes the root relation, as "root" is in UD.
        int root = -1;
        if (rootCounts.Count == 1)
        {
            var (name, used) = rootCounts.First();
            if (counts[name] == used) root = relationOf[name];
        }
        return (relations, relationOf, root);
    }

    private static ulong[][] PredictedTags(TreebankSentence[] trees, ParserTrainingOptions options, TaggerTrainingOptions taggerOptions)
    {
        var tags = new ulong[trees.Length][];
        if (options.JackknifeFolds <= 1)
        {
            for (int i = 0; i < trees.Length; i++)
                tags[i] = [.. Enumerable.Range(0, trees[i].Count).Select(w => ParserFeatures.TagHash(trees[i].UniversalTags[w], trees[i].LanguageTags[w]))];
            return tags;
        }
        int folds = options.JackknifeFolds;
        for (int fold = 0; fold < folds; fold++)
        {
            var training = trees.Where((_, i) => i % folds != fold).ToArray();
            var tagger = PartOfSpeechTaggerTrainer.Train(training, taggerOptions with { Seed = taggerOptions.Seed + fold });
            for (int i = fold; i < trees.Length; i += folds)
            {
                var (text, words) = trees[i].Layout();
                var classes = new int[words.Length];
                tagger.Tag(text, words, classes);
                tags[i] = [.. classes.Select(c => tagger.TagHashes[c])];
            }
        }
        return tags;
    }

    private static Prepared Prepare(TreebankSentence sentence, ulong[] tags, Dictionary<string, int> relationOf)
    {
        int m = sentence.Count + 1;
        var words = new ulong[m];
        var tagHashes = new ulong[m];
        var heads = new int[m];
        var labels = new int[m];
        words[0] = ParserFeatures.RootWord;
        tagHashes[0] = ParserFeatures.RootTag;
        heads[0] = -1;
        labels[0] = -1;
        for (int i = 0; i < sentence.Count; i++)
        {
            words[i + 1] = FeatureHash.LowerChars(sentence.Forms[i]);
            tagHashes[i + 1] = tags[i];
            heads[i + 1] = sentence.Heads[i];
            labels[i + 1] = relationOf[sentence.Relations[i]];
        }
        return new Prepared(words, tagHashes, heads, labels);
    }
}
