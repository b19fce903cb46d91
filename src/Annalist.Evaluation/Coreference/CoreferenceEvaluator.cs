using Annalist.Core.Annotations;
using Annalist.Core.Coreference;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Evaluation.Scoring;
using Annalist.Evaluation.SystemOutput;

namespace Annalist.Evaluation.Coreference;

/// <summary>
/// <c>annalist eval coref</c>: the <c>coreference</c> layer against gold clusters. A system pronoun is scored when a
/// gold mention has exactly its span; its antecedent is right when it lies in the pronoun's gold cluster (the shortest
/// gold mention holding the antecedent's span names its cluster), and "new" is right when no mention of that cluster
/// comes before the pronoun. Noun phrases are scored alike, their gold mention being the shortest one holding their
/// last word. Counts: <c>n</c>, <c>correct</c> (pronouns), <c>nominal_n</c>, <c>nominal_correct</c>, and
/// <c>gold_pronouns</c>, the gold mentions that are third-person pronouns (for <c>pronoun_recall</c>).
/// </summary>
public sealed class CoreferenceEvaluator(AnalysisPipeline pipeline)
{
    /// <summary>Whether the findings list each wrong antecedent (never for held-out documents).</summary>
    public bool ListErrors { get; init; }

    public EvaluationResult Evaluate(IEnumerable<CoreferenceDocument> documents, CancellationToken cancellationToken = default)
    {
        var scored = new List<DocumentEvaluation>();
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var analyzed = pipeline.Analyze(new SourceDocument(document.Name, document.Text), cancellationToken);
            scored.Add(new DocumentEvaluation(document.Name, [Score(document, SystemLayers.From(analyzed), ListErrors)]));
        }
        return EvaluationResult.Combine(scored);
    }

    /// <summary>Scores the layers a system made for <paramref name="document"/>.</summary>
    public static LayerScore Score(CoreferenceDocument document, SystemLayers system, bool listErrors = false)
    {
        var score = new LayerScoreBuilder("coreference", system.Has(LayerNames.Coreference), document.Name);
        score.Declare("n", "correct", "nominal_n", "nominal_correct", "gold_pronouns", "b3_mentions", "b3_precision_millionths", "b3_recall_millionths");
        var gold = document.Mentions.OrderBy(m => m.Span.Start).ThenBy(m => m.Span.End).ToArray();
        var firstOfCluster = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var mention in gold)
        {
            firstOfCluster.TryAdd(mention.Cluster, mention.Span.Start);
            if (ReferringWords.TryPronoun(document.Text.AsSpan(mention.Span.Start, mention.Span.Length), out _, out _, out _, out _)) score.Add("gold_pronouns");
        }
        foreach (var item in system.Get(LayerNames.Coreference))
        {
            bool pronoun = item.Fields.String("kind") == "pronoun";
            string? cluster = pronoun ? Exact(gold, item.Span) : Containing(gold, LastWord(document.Text, item.Span));
            if (cluster is null) continue;
            var antecedent = item.Fields.Span("antecedent");
            bool right = antecedent is null
                ? firstOfCluster[cluster] >= item.Span.Start
                : (Exact(gold, antecedent.Span) ?? Containing(gold, antecedent.Span)) == cluster;
            score.Add(pronoun ? "n" : "nominal_n");
            if (right) score.Add(pronoun ? "correct" : "nominal_correct");
            else if (listErrors) score.Mismatch($"{item.Span.Start}-{item.Span.End} \"{item.Text}\" ({cluster}) ← {(antecedent is null ? "new" : $"\"{antecedent.Text}\" at {antecedent.Span.Start}")}");
        }
        AddBCubed(score, document, gold, system);
        return score.Build();
    }

    /// <summary>
    /// B³ over the gold clusters a third-person pronoun refers to (people, mostly): each of their mentions takes the
    /// system's entity of the coreference link or name mention with its span, or else ending where it ends (the head);
    /// one the system has nothing for is a cluster of its own. Sums of per-mention precision and recall are counted in
    /// millionths so that pooled documents give the mention-averaged score.
    /// </summary>
    private static void AddBCubed(LayerScoreBuilder score, CoreferenceDocument document, CoreferenceGoldMention[] gold, SystemLayers system)
    {
        var personClusters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in gold)
        {
            if (ReferringWords.TryPronoun(document.Text.AsSpan(mention.Span.Start, mention.Span.Length), out _, out _, out _, out _)) personClusters.Add(mention.Cluster);
        }
        if (personClusters.Count == 0) return;
        var bySpan = new Dictionary<(int, int), string>();
        var byEnd = new Dictionary<int, (int Start, string Entity)>();
        void Note(TextSpan span, string? entity)
        {
            if (entity is null) return;
            bySpan.TryAdd((span.Start, span.End), entity);
            if (!byEnd.TryGetValue(span.End, out var known) || span.Start > known.Start) byEnd[span.End] = (span.Start, entity);
        }
        foreach (var item in system.Get(LayerNames.Mentions)) Note(item.Span, item.Fields.String("entity"));
        foreach (var item in system.Get(LayerNames.Coreference)) Note(item.Span, item.Fields.String("entity"));
        var scored = gold.Where(g => personClusters.Contains(g.Cluster)).ToArray();
        var entityOf = new string[scored.Length];
        for (int i = 0; i < scored.Length; i++)
        {
            var span = scored[i].Span;
            entityOf[i] = bySpan.TryGetValue((span.Start, span.End), out var exact) ? exact
                : byEnd.TryGetValue(span.End, out var head) && head.Start >= span.Start ? head.Entity
                : $"\0singleton-{i}";
        }
        var systemSizes = entityOf.GroupBy(e => e, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var goldSizes = scored.GroupBy(g => g.Cluster, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var both = new Dictionary<(string, string), int>();
        for (int i = 0; i < scored.Length; i++) both[(entityOf[i], scored[i].Cluster)] = both.GetValueOrDefault((entityOf[i], scored[i].Cluster)) + 1;
        double precision = 0, recall = 0;
        for (int i = 0; i < scored.Length; i++)
        {
            int shared = both[(entityOf[i], scored[i].Cluster)];
            precision += shared / (double)systemSizes[entityOf[i]];
            recall += shared / (double)goldSizes[scored[i].Cluster];
        }
        score.Add("b3_mentions", scored.Length);
        score.Add("b3_precision_millionths", (long)Math.Round(precision * 1e6));
        score.Add("b3_recall_millionths", (long)Math.Round(recall * 1e6));
    }

    private static TextSpan LastWord(string text, TextSpan span)
    {
        int start = span.End;
        while (start > span.Start && !char.IsWhiteSpace(text[start - 1])) start--;
        return new TextSpan(start, span.End);
    }

    private static string? Exact(CoreferenceGoldMention[] gold, TextSpan span)
    {
        for (int i = First(gold, span.Start); i < gold.Length && gold[i].Span.Start == span.Start; i++)
            if (gold[i].Span.End == span.End) return gold[i].Cluster;
        return null;
    }

    private static string? Containing(CoreferenceGoldMention[] gold, TextSpan span)
    {
        string? best = null;
        int length = int.MaxValue;
        int end = First(gold, span.Start + 1);
        for (int i = Math.Max(0, end - 300); i < end; i++)
        {
            var g = gold[i].Span;
            if (g.Start <= span.Start && g.End >= span.End && g.Length < length) (best, length) = (gold[i].Cluster, g.Length);
        }
        return best;
    }

    private static int First(CoreferenceGoldMention[] gold, int start)
    {
        int lo = 0, hi = gold.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (gold[mid].Span.Start < start) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
