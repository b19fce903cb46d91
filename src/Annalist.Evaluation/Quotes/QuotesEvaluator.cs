using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Evaluation.Scoring;
using Annalist.Evaluation.SystemOutput;

namespace Annalist.Evaluation.Quotes;

/// <summary>
/// <c>annalist eval quotes litbank</c>: each gold quotation against the system's <c>turns</c>. A quotation
/// is found when a turn overlaps it (the one overlapping most); its speaker is right when the turn's
/// <c>speaker_text</c> is, word for word, a mention of the gold speaker's cluster, or when its speaker
/// entity is that cluster: a system entity stands for the gold cluster that most of its mentions overlap.
/// A turn without an entity is also right when some mention of the gold cluster ends in the word its
/// <c>speaker_text</c> ends in. A first- or second-person pronoun (<c>I</c>, <c>we</c>, <c>you</c>) names the
/// cluster only by its mentions outside quotations (a first-person narrator): every speaker says <c>I</c> in
/// their own words. Speaker accuracy is over all gold quotations, so
/// a quotation no turn covers counts as wrong. Counts: n, found, correct.
/// </summary>
public sealed class QuotesEvaluator(AnalysisPipeline pipeline)
{
    public EvaluationResult Evaluate(IEnumerable<QuotationDocument> documents, CancellationToken cancellationToken = default) =>
        TextScoring.Evaluate(pipeline, documents, d => d.Name, d => d.Text, Score, cancellationToken);

    /// <summary>Scores the layers a system made for <paramref name="document"/>.</summary>
    public static LayerScore Score(QuotationDocument document, SystemLayers system)
    {
        var score = new LayerScoreBuilder("quotes", system.Has(LayerNames.Turns), document.Name);
        score.Declare("n", "found", "correct");
        var turns = system.Get(LayerNames.Turns);
        var clusters = ClustersOfEntities(document, system);
        foreach (var quotation in document.Quotations)
        {
            score.Add("n");
            string quoted = Describe(document.Text, quotation.Span);
            var turn = MostOverlapping(turns, quotation.Span);
            if (turn is null)
            {
                int before = Math.Max(0, quotation.Span.Start - 50);
                score.Miss($"{quotation.Id} {quoted} ({quotation.Speaker}): no turn, after \"{document.Text[before..quotation.Span.Start].Replace('\n', '¶')}\"");
                continue;
            }
            score.Add("found");
            var speakers = turn.Fields.Strings("speakers");
            string? text = turn.Fields.String("speaker_text");
            bool right = text is not null && NamedExactly(document, quotation.Speaker, text)
                || (speakers.Count > 0
                    ? speakers.Any(s => clusters.TryGetValue(s, out var c) && c == quotation.Speaker)
                    : text is not null && NamesCluster(document, quotation.Speaker, text));
            if (right) score.Add("correct");
            else score.Mismatch($"{quotation.Id} {quoted} ({quotation.Speaker}) ← {text ?? "no speaker"}{(speakers.Count > 0 ? " [" + string.Join(",", speakers.Select(s => clusters.GetValueOrDefault(s) ?? s)) + "]" : "")}{CueNote(document.Text, turn)}");
        }
        return score.Build();
    }

    private static string CueNote(string text, SystemItem turn) =>
        turn.Fields.Span("cue") is { } cue ? $" (cue \"{cue.Text.Replace('\n', ' ')}\")" : " (no cue)";

    private static string Describe(string text, TextSpan span)
    {
        string covered = text.Substring(span.Start, Math.Min(span.Length, 60)).Replace('\n', ' ');
        return $"{span.Start}-{span.End} \"{covered}{(span.Length > 60 ? "…" : "")}\"";
    }

    private static SystemItem? MostOverlapping(IReadOnlyList<SystemItem> items, TextSpan span)
    {
        SystemItem? best = null;
        int bestOverlap = 0;
        foreach (var item in items)
        {
            int overlap = Math.Min(item.Span.End, span.End) - Math.Max(item.Span.Start, span.Start);
            if (overlap > bestOverlap) (best, bestOverlap) = (item, overlap);
        }
        return best;
    }

    /// <summary>Each system entity's gold cluster: the one most of its mentions overlap.</summary>
    private static Dictionary<string, string> ClustersOfEntities(QuotationDocument document, SystemLayers system)
    {
        var votes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        int g = 0;
        var gold = document.Mentions;
        foreach (var mention in system.Get(LayerNames.Mentions))
        {
            if (mention.Fields.String("entity") is not { } entity) continue;
            while (g < gold.Length && gold[g].Span.End <= mention.Span.Start - 200) g++;
            for (int k = g; k < gold.Length && gold[k].Span.Start < mention.Span.End; k++)
            {
                if (!gold[k].Span.Overlaps(mention.Span)) continue;
                var counts = votes.TryGetValue(entity, out var c) ? c : votes[entity] = new(StringComparer.Ordinal);
                counts[gold[k].Cluster] = counts.GetValueOrDefault(gold[k].Cluster) + 1;
            }
        }
        return votes.ToDictionary(v => v.Key, v => v.Value.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key, StringComparer.Ordinal);
    }

    /// <summary>Some mention of the gold cluster is, word for word, the text the system names the speaker with.</summary>
    private static bool NamedExactly(QuotationDocument document, string cluster, string speakerText) =>
        document.Mentions.Any(m => m.Cluster == cluster && m.Span.Length == speakerText.Length
            && string.Compare(document.Text, m.Span.Start, speakerText, 0, speakerText.Length, StringComparison.OrdinalIgnoreCase) == 0
            && (!IsPersonalPronoun(speakerText) || !InsideQuotation(document, m.Span)));

    /// <summary>A first- or second-person pronoun, which names a speaker only in narration.</summary>
    internal static bool IsPersonalPronoun(string word) =>
        word.Trim().ToLowerInvariant() is "i" or "me" or "my" or "we" or "us" or "our" or "you" or "your";

    /// <summary>The span lies inside one of the document's gold quotations.</summary>
    internal static bool InsideQuotation(QuotationDocument document, TextSpan span) =>
        document.Quotations.Any(q => q.Span.Start <= span.Start && span.End <= q.Span.End);

    private static bool NamesCluster(QuotationDocument document, string cluster, string speakerText)
    {
        string last = LastWord(speakerText);
        if (last.Length == 0) return false;
        bool pronoun = IsPersonalPronoun(last);
        return document.Mentions.Any(m => m.Cluster == cluster && LastWord(document.Text.Substring(m.Span.Start, m.Span.Length)).Equals(last, StringComparison.OrdinalIgnoreCase)
            && (!pronoun || !InsideQuotation(document, m.Span)));
    }

    internal static string LastWord(string text)
    {
        var trimmed = text.AsSpan().TrimEnd(" .,;:!?");
        if (trimmed.EndsWith("’s", StringComparison.Ordinal) || trimmed.EndsWith("'s", StringComparison.Ordinal)) trimmed = trimmed[..^2];
        int space = trimmed.LastIndexOf(' ');
        return trimmed[(space + 1)..].ToString();
    }
}
