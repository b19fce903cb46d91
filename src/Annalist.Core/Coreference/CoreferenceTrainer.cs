using Annalist.Core.Learning;
using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Coreference;

/// <summary>A mention of a gold coreference annotation: its span and the label of its cluster.</summary>
public readonly record struct CoreferenceGoldMention(TextSpan Span, string Cluster);

/// <summary>
/// Trains a <see cref="CoreferenceModel"/>, an averaged perceptron ranking each expression's options, over documents
/// already analyzed by the pipeline and their gold clusters. The given-name genders come first, from the gold: a
/// capitalized first word of a cluster's names takes the gender of the cluster's pronouns. Each epoch resolves the
/// documents in a seeded order, following the right option when there is one, so the people's pronoun counts are the
/// gold's. Not thread-safe.
/// </summary>
public sealed class CoreferenceTrainer
{
    private readonly List<(AnalyzedDocument Document, CoreferenceGoldMention[] Gold)> _documents = [];
    private readonly List<(int Examples, int Errors, int Unreachable)> _epochs = [];

    /// <summary>Adds a document and its gold mentions (any order).</summary>
    public void Add(AnalyzedDocument document, IEnumerable<CoreferenceGoldMention> gold) =>
        _documents.Add((document, [.. gold.OrderBy(g => g.Span.Start).ThenBy(g => g.Span.End)]));

    /// <summary>Per epoch: the expressions learnt from, those the model got wrong, and those without a right option.</summary>
    public IReadOnlyList<(int Examples, int Errors, int Unreachable)> EpochErrors => _epochs;

    public CoreferenceModel Train(int epochs, int seed, CoreferenceOptions? options = null)
    {
        options ??= CoreferenceOptions.Default;
        var learner = new Learner(LearnNames());
        var random = new Random(seed);
        var order = Enumerable.Range(0, _documents.Count).ToArray();
        _epochs.Clear();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            learner.Examples = learner.Errors = learner.Unreachable = 0;
            foreach (int d in order)
            {
                var (document, gold) = _documents[d];
                learner.Gold = gold;
                CoreferenceAnnotator.Find(document.Source.Text, document.Layers, learner.Model, options, learner);
            }
            _epochs.Add((learner.Examples, learner.Errors, learner.Unreachable));
        }
        return learner.Averaged();
    }

    /// <summary>The <c>coreference</c> layer <paramref name="model"/> makes for an analyzed document.</summary>
    public static Layer<CoreferenceLink> Resolve(AnalyzedDocument document, CoreferenceModel? model, CoreferenceOptions? options = null) =>
        new(LayerNames.Coreference, new CoreferenceAnnotator(model).Id, CoreferenceAnnotator.Find(document.Source.Text, document.Layers, model, options ?? CoreferenceOptions.Default, null));

    /// <summary>
    /// Out-of-fold links: each document's <c>coreference</c> layer remade by a model trained on the other folds' documents
    /// (<see cref="Folds"/>), so that a model trained over these layers (the quotation speakers) learns from links as good
    /// as those on unseen text, not from a model that has seen the documents' own gold. Returns the documents in order.
    /// </summary>
    public static AnalyzedDocument[] OutOfFold(IReadOnlyList<(AnalyzedDocument Document, IReadOnlyList<CoreferenceGoldMention> Gold)> documents, int folds, int epochs, int seed)
    {
        var result = new AnalyzedDocument[documents.Count];
        var positions = Enumerable.Range(0, documents.Count).ToArray();
        foreach (var (_, training, heldOut) in Folds.Of(positions, folds))
        {
            var trainer = new CoreferenceTrainer();
            foreach (int i in training) trainer.Add(documents[i].Document, documents[i].Gold);
            var model = trainer.Train(epochs, seed);
            foreach (int i in heldOut) result[i] = WithCoreference(documents[i].Document, model);
        }
        return result;
    }

    /// <summary>The document with its <c>coreference</c> layer remade by <paramref name="model"/> (null: recency and agreement alone).</summary>
    public static AnalyzedDocument WithCoreference(AnalyzedDocument document, CoreferenceModel? model) =>
        new(document.Source, document.Layers.SetItem(LayerNames.Coreference, Resolve(document, model)), document.Diagnostics, document.Timings, document.PipelineVersion);

    private Dictionary<string, ReferentGender> LearnNames()
    {
        var counts = new Dictionary<string, (int Masculine, int Feminine)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (document, gold) in _documents)
        {
            string text = document.Source.Text;
            var clusterGender = new Dictionary<string, (int M, int F)>(StringComparer.Ordinal);
            foreach (var mention in gold)
            {
                if (!ReferringWords.TryPronoun(text.AsSpan(mention.Span.Start, mention.Span.Length), out _, out var gender, out _, out _)) continue;
                var (m, f) = clusterGender.GetValueOrDefault(mention.Cluster);
                clusterGender[mention.Cluster] = gender == ReferentGender.Masculine ? (m + 1, f) : gender == ReferentGender.Feminine ? (m, f + 1) : (m, f);
            }
            foreach (var mention in gold)
            {
                if (!clusterGender.TryGetValue(mention.Cluster, out var g) || g.M + g.F == 0) continue;
                var span = text.AsSpan(mention.Span.Start, mention.Span.Length);
                int space = span.IndexOfAny(' ', '\n');
                var first = space < 0 ? span : span[..space];
                if (first.Length < 2 || !char.IsUpper(first[0]) || first.ContainsAny('.', '\'', '’')) continue;
                if (ReferringWords.TryPronoun(first, out _, out _, out _, out _) || ReferringWords.TryDeterminer(first, out _)
                    || ReferringWords.TryPersonNoun(first, out _, out _) || Entities.TitleLexicon.IsTitleWord(first)) continue;
                string key = first.ToString();
                var (cm, cf) = counts.GetValueOrDefault(key);
                counts[key] = g.M > g.F ? (cm + 1, cf) : g.F > g.M ? (cm, cf + 1) : (cm, cf);
            }
        }
        var names = new Dictionary<string, ReferentGender>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, (m, f)) in counts)
        {
            if (m >= 2 * f + 1 && m >= 1) names[name] = ReferentGender.Masculine;
            else if (f >= 2 * m + 1 && f >= 1) names[name] = ReferentGender.Feminine;
        }
        return names;
    }

    private sealed class Learner : ICoreferenceLearner
    {
        private readonly RankingPerceptron _perceptron = new();
        private readonly Dictionary<string, ReferentGender> _names;

        public Learner(Dictionary<string, ReferentGender> names)
        {
            _names = names;
            Model = new CoreferenceModel(_perceptron.Weights, names);
        }

        public CoreferenceModel Model { get; }

        public CoreferenceGoldMention[] Gold { get; set; } = [];

        public int Examples { get; set; }

        public int Errors { get; set; }

        public int Unreachable { get; set; }

        public bool[]? Right(TextSpan expression, TextSpan head, ReadOnlySpan<TextSpan?> antecedents)
        {
            string? cluster = expression == head ? Exact(expression) : Containing(head);
            if (cluster is null) return null;
            var right = new bool[antecedents.Length];
            bool any = false;
            for (int o = 0; o < antecedents.Length; o++)
            {
                if (antecedents[o] is not { } span) continue;
                string? other = Exact(span) ?? Containing(span);
                right[o] = other == cluster;
                any |= right[o];
            }
            right[^1] = !any;
            return right;
        }

        private string? Exact(TextSpan span)
        {
            int i = First(span.Start);
            for (; i < Gold.Length && Gold[i].Span.Start == span.Start; i++)
                if (Gold[i].Span.End == span.End) return Gold[i].Cluster;
            return null;
        }

        /// <summary>The cluster of the shortest gold mention holding <paramref name="span"/>.</summary>
        private string? Containing(TextSpan span)
        {
            string? best = null;
            int length = int.MaxValue;
            int end = First(span.Start + 1);
            for (int i = Math.Max(0, end - 200); i < end; i++)
            {
                var g = Gold[i].Span;
                if (g.Start <= span.Start && g.End >= span.End && g.Length < length) (best, length) = (Gold[i].Cluster, g.Length);
            }
            return best;
        }

        private int First(int start)
        {
            int lo = 0, hi = Gold.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (Gold[mid].Span.Start < start) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        public int Learn(ulong[][] options, bool[] right)
        {
            Examples++;
            int next = _perceptron.Learn(options, right, out bool wrong);
            if (wrong) Errors++;
            else if (Array.IndexOf(right, true) < 0) Unreachable++;
            return next;
        }

        public CoreferenceModel Averaged() =>
            new(_perceptron.Averaged(), new Dictionary<string, ReferentGender>(_names, StringComparer.OrdinalIgnoreCase));
    }
}
