using System.Collections.Immutable;
using Annalist.Core.Discourse;

namespace Annalist.Evaluation.Quotes;

/// <summary>The training view of a LitBank document's quotations: for each, the spans and last words of its speaker's coreference mentions.</summary>
public static class QuotationSpeakerGold
{
    public static IEnumerable<SpeakerGold> Of(QuotationDocument document)
    {
        var byCluster = document.Mentions.GroupBy(m => m.Cluster, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var quotation in document.Quotations)
        {
            var mentions = byCluster.GetValueOrDefault(quotation.Speaker) ?? [];
            // “I” names the speaker only where the narration says it (a first-person narrator), as the evaluator counts it.
            var words = mentions.Select(m => (Mention: m, Word: QuotesEvaluator.LastWord(document.Text.Substring(m.Span.Start, m.Span.Length)).ToLowerInvariant()))
                .Where(x => x.Word.Length > 0 && !(QuotesEvaluator.IsPersonalPronoun(x.Word) && QuotesEvaluator.InsideQuotation(document, x.Mention.Span)))
                .Select(x => x.Word).ToImmutableHashSet(StringComparer.Ordinal);
            yield return new SpeakerGold(quotation.Span, [.. mentions.Select(m => m.Span)], words);
        }
    }
}
