using System.Collections.Immutable;
using Annalist.Core.Learning;
using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Discourse;

/// <summary>
/// Trains a <see cref="QuotationSpeakerModel"/>: an averaged perceptron that ranks the speaker options of
/// each quotation without an explicit cue, over documents already analyzed by the pipeline (their layers
/// up to <c>turns</c>) and their gold speakers. Each epoch runs the turn finder over every document in a
/// seeded order, so the conversation features (who spoke last, two back) come from the model's own
/// choices, as they will when it is used. Not thread-safe.
/// </summary>
public sealed class QuotationSpeakerTrainer
{
    private readonly List<(AnalyzedDocument Document, SpeakerGold[] Gold)> _documents = [];

    /// <summary>Adds a document and the gold speakers of its quotations.</summary>
    public void Add(AnalyzedDocument document, IEnumerable<SpeakerGold> gold) =>
        _documents.Add((document, [.. gold.OrderBy(g => g.Quotation)]));

    /// <summary>Per epoch: the ranking examples seen, how many the model got wrong, and how many had no right option at all.</summary>
    public IReadOnlyList<(int Examples, int Errors, int Unreachable)> EpochErrors => _epochs;

    private readonly List<(int Examples, int Errors, int Unreachable)> _epochs = [];

    /// <summary>Whether the model learns the first-person narrator as an option of its own (<see cref="QuotationSpeakerModel.OffersNarrator"/>).</summary>
    public bool Narrator { get; init; }

    /// <summary>Whether the model reads the narration's reported turns as turns of the conversation (<see cref="QuotationSpeakerModel.ReadsReportedTurns"/>).</summary>
    public bool ReportedHistory { get; init; }

    /// <summary>How the ranking is learnt (default: the averaged perceptron).</summary>
    public QuotationSpeakerRanker Ranker { get; init; }

    /// <summary>
    /// The perceptron's training beam (width, temperature, repeat penalty, as the decoder's <see cref="QuotationSpeakerModel.WithBeam"/>):
    /// with a width above 1 each training document is decoded with it and the weights learn from its histories by early update;
    /// 1 (default) learns greedily, each quotation on the model's own choices before it.
    /// </summary>
    public (int Width, double Temperature, double RepeatPenalty) TrainingBeam { get; init; } = (1, 0, 0);

    /// <summary>How the training beam's decoding goes on after an early update (default: from the gold history).</summary>
    public EarlyUpdate AfterEarlyUpdate { get; init; }

    /// <summary>The softmax ranker's AdaGrad learning rate.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>The softmax ranker's L2 penalty (on the features each step touches).</summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>
    /// Trains one model for each of <paramref name="orders"/> document orders (seeds <paramref name="seed"/>,
    /// <paramref name="seed"/> + 1, …) and averages their weights: the perceptron's choices carry from one quotation into
    /// the next, so a single order's model depends on the order more than on the data. <see cref="EpochErrors"/> are the
    /// last order's.
    /// </summary>
    public QuotationSpeakerModel Train(int epochs, int seed, int orders)
    {
        if (orders <= 1) return Train(epochs, seed);
        var models = new QuotationSpeakerModel[orders];
        for (int o = 0; o < orders; o++) models[o] = Train(epochs, seed + o);
        return QuotationSpeakerModel.Average(models);
    }

    public QuotationSpeakerModel Train(int epochs, int seed)
    {
        var learner = new Learner(Narrator, ReportedHistory, Ranker, TrainingBeam, LearningRate, L2) { AfterEarlyUpdate = AfterEarlyUpdate };
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
                TurnAnnotator.Find(document.Source.Text, document.Layers, document.Source.Metadata.Author, null, null, learner);
            }
            _epochs.Add((learner.Examples, learner.Errors, learner.Unreachable));
        }
        return learner.Averaged();
    }

    /// <summary>
    /// Re-runs the turns of <paramref name="document"/> with <paramref name="model"/> (null: the rules alone),
    /// as the annotator would, and returns the document with that <c>turns</c> layer.
    /// </summary>
    public static AnalyzedDocument WithTurns(AnalyzedDocument document, QuotationSpeakerModel? model)
    {
        var annotator = new TurnAnnotator(model);
        var (turns, participants, _) = TurnAnnotator.Find(document.Source.Text, document.Layers, document.Source.Metadata.Author, annotator.Id.ToString(), model, null);
        var layers = document.Layers
            .SetItem(LayerNames.Turns, new Layer<Turn>(LayerNames.Turns, annotator.Id, turns))
            .SetItem(LayerNames.Participants, new Layer<Participant>(LayerNames.Participants, annotator.Id, participants));
        return new AnalyzedDocument(document.Source, layers, document.Diagnostics, document.Timings, document.PipelineVersion);
    }

    /// <summary>
    /// How far <paramref name="model"/> could go on <paramref name="document"/>: for each quotation it decides (greedily, as
    /// trained), whether the gold speaker is among its options at all and whether its choice is one of them, by kind of quotation.
    /// </summary>
    public static SpeakerCeiling Probe(AnalyzedDocument document, IEnumerable<SpeakerGold> gold, QuotationSpeakerModel model)
    {
        var probe = new Prober(model) { Gold = [.. gold.OrderBy(g => g.Quotation)] };
        TurnAnnotator.Find(document.Source.Text, document.Layers, document.Source.Metadata.Author, null, null, probe);
        return probe.Ceiling;
    }

    private sealed class Prober(QuotationSpeakerModel model) : IQuotationSpeakerLearner
    {
        private static readonly HashSet<string> FirstPerson = ["i", "me", "my", "myself"];
        private static readonly HashSet<string> Groups = ["we", "us", "our", "they", "them", "their"];

        public QuotationSpeakerModel Model { get; } = model;

        public SpeakerGold[] Gold { get; init; } = [];

        public SpeakerCeiling Ceiling { get; private set; }

        public SpeakerGold? GoldFor(TextSpan content) => Learner.Overlapping(Gold, content);

        public void Learn(IReadOnlyList<ulong[]> options, bool[] right, bool pronounCue, TextSpan window, TextSpan quotation)
        {
            if (!right.Contains(true) && Learner.Overlapping(Gold, quotation) is { } gold)
            {
                // Why the right speaker is no option: a first-person narrator, a group, someone the window mentions
                // without a candidate for them (a nominal, a name the entities missed), or someone it does not mention.
                var why = gold.LastWords.Overlaps(FirstPerson) ? SpeakerCeiling.Missing.FirstPerson
                    : gold.LastWords.Overlaps(Groups) ? SpeakerCeiling.Missing.Group
                    : gold.Mentions.Any(m => m.Overlaps(window) && !m.Overlaps(quotation)) ? SpeakerCeiling.Missing.InWindow
                    : SpeakerCeiling.Missing.OutsideWindow;
                Ceiling = Ceiling with { Unreachable = Ceiling.Unreachable.SetItem(why, Ceiling.Unreachable.GetValueOrDefault(why) + 1) };
            }
            int best = 0;
            float bestScore = float.NegativeInfinity;
            for (int i = 0; i < options.Count; i++)
            {
                float score = Model.Score(options[i]);
                if (score > bestScore) (best, bestScore) = (i, score);
            }
            var kind = new SpeakerCeiling.Kind(1, right.Contains(true) ? 1 : 0, right.Length > 0 && right[best] ? 1 : 0);
            Ceiling = pronounCue ? Ceiling with { PronounCue = Ceiling.PronounCue + kind } : Ceiling with { Untagged = Ceiling.Untagged + kind };
        }
    }

    private sealed class Learner : IQuotationSequenceLearner
    {
        private readonly RankingPerceptron _perceptron = new();
        private readonly SoftmaxRanker? _softmax;
        private bool[]? _right;

        public Learner(bool narrator, bool reportedHistory, QuotationSpeakerRanker ranker, (int Width, double Temperature, double RepeatPenalty) beam, double learningRate, double l2)
        {
            _narrator = narrator;
            _reportedHistory = reportedHistory;
            if (ranker == QuotationSpeakerRanker.Softmax) _softmax = new SoftmaxRanker(learningRate, l2);
            TrainingBeam = _softmax is null ? beam : (1, 0, 0);
            Model = new QuotationSpeakerModel(_softmax?.Weights ?? _perceptron.Weights, narrator) { ReadsReportedTurns = reportedHistory };
        }

        private readonly bool _narrator;
        private readonly bool _reportedHistory;

        public QuotationSpeakerModel Model { get; }

        public (int Width, double Temperature, double RepeatPenalty) TrainingBeam { get; }

        public EarlyUpdate AfterEarlyUpdate { get; init; }

        public SpeakerGold[] Gold { get; set; } = [];

        public int Examples { get; set; }

        public int Errors { get; set; }

        public int Unreachable { get; set; }

        public SpeakerGold? GoldFor(TextSpan content) => Overlapping(Gold, content);

        /// <summary>The gold quotation that overlaps <paramref name="content"/> most.</summary>
        public static SpeakerGold? Overlapping(SpeakerGold[] golds, TextSpan content)
        {
            SpeakerGold? best = null;
            int bestOverlap = 0;
            foreach (var gold in golds)
            {
                if (gold.Quotation.Start >= content.End) break;
                int overlap = Math.Min(gold.Quotation.End, content.End) - Math.Max(gold.Quotation.Start, content.Start);
                if (overlap > bestOverlap) (best, bestOverlap) = (gold, overlap);
            }
            return best;
        }

        public void Learn(IReadOnlyList<ulong[]> options, bool[] right, bool pronounCue, TextSpan window, TextSpan quotation)
        {
            if (TrainingBeam.Width > 1)
            {
                // The beam decides and updates (Update); here only what is right is kept.
                _right = right;
                return;
            }
            if (!right.Contains(true))
            {
                Unreachable++;
                return;
            }
            Examples++;
            bool wrong;
            if (_softmax is not null) wrong = _softmax.Learn(options, right);
            else _perceptron.Learn(options, right, out wrong);
            if (wrong) Errors++;
        }

        public bool[]? TakeRight()
        {
            var right = _right;
            _right = null;
            return right;
        }

        public void Update(IEnumerable<ulong[]>? gold, IEnumerable<ulong[]>? predicted)
        {
            Examples++;
            if (gold is null || predicted is null)
            {
                _perceptron.Pass();
                return;
            }
            Errors++;
            _perceptron.Learn(gold, predicted);
        }

        public QuotationSpeakerModel Averaged()
        {
            var weights = _softmax?.Final() ?? _perceptron.Averaged();
            if (_reportedHistory) weights[TurnFinder.ReportedTurnsMarker] = 1;
            return new(weights, _narrator && weights.ContainsKey(TurnFinder.NarratorBias)) { ReadsReportedTurns = _reportedHistory };
        }
    }
}

/// <summary>How <see cref="QuotationSpeakerTrainer"/> learns the ranking of a quotation's speaker options.</summary>
public enum QuotationSpeakerRanker
{
    /// <summary>An averaged ranking perceptron (greedy, or over the beam's histories with <see cref="QuotationSpeakerTrainer.TrainingBeam"/>).</summary>
    Perceptron,

    /// <summary>A log-linear (softmax) ranker trained by AdaGrad with L2, one quotation at a time.</summary>
    Softmax,
}

/// <summary>
/// What the options of the quotations a speaker model decides allow: per kind (a pronoun cue, no cue), how many it
/// decided, how many had the gold speaker among their options (an oracle's accuracy), and how many it got right.
/// </summary>
public readonly record struct SpeakerCeiling(SpeakerCeiling.Kind PronounCue, SpeakerCeiling.Kind Untagged)
{
    /// <summary>Why a decided quotation had no right option, as far as the gold tells.</summary>
    public enum Missing { FirstPerson, Group, InWindow, OutsideWindow }

    /// <summary>The quotations without a right option, by why.</summary>
    public ImmutableDictionary<Missing, int> Unreachable
    {
        get => _unreachable ?? ImmutableDictionary<Missing, int>.Empty;
        init => _unreachable = value;
    }

    private readonly ImmutableDictionary<Missing, int>? _unreachable;

    /// <summary>Quotations decided, with a right option, decided right.</summary>
    public readonly record struct Kind(int Decided, int Reachable, int Right)
    {
        public static Kind operator +(Kind a, Kind b) => new(a.Decided + b.Decided, a.Reachable + b.Reachable, a.Right + b.Right);
    }

    public static SpeakerCeiling operator +(SpeakerCeiling a, SpeakerCeiling b)
    {
        var unreachable = a.Unreachable;
        foreach (var (why, count) in b.Unreachable) unreachable = unreachable.SetItem(why, unreachable.GetValueOrDefault(why) + count);
        return new(a.PronounCue + b.PronounCue, a.Untagged + b.Untagged) { Unreachable = unreachable };
    }

    /// <summary>Equal when every count is.</summary>
    public bool Equals(SpeakerCeiling other) =>
        PronounCue == other.PronounCue && Untagged == other.Untagged && Unreachable.Count == other.Unreachable.Count
        && Unreachable.All(u => other.Unreachable.GetValueOrDefault(u.Key) == u.Value);

    public override int GetHashCode() => HashCode.Combine(PronounCue, Untagged, Unreachable.Count);
}
