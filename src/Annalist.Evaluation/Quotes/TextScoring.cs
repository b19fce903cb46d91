using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Evaluation.Scoring;
using Annalist.Evaluation.SystemOutput;

namespace Annalist.Evaluation.Quotes;

/// <summary>Scoring of corpora given as plain text with stand-off gold: each document analyzed from its text alone, then scored.</summary>
internal static class TextScoring
{
    public static EvaluationResult Evaluate<T>(AnalysisPipeline pipeline, IEnumerable<T> documents, Func<T, string> name, Func<T, string> text,
        Func<T, SystemLayers, LayerScore> score, CancellationToken cancellationToken)
    {
        var scored = new List<DocumentEvaluation>();
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var analyzed = pipeline.Analyze(new SourceDocument(name(document), text(document)), cancellationToken);
            scored.Add(new DocumentEvaluation(name(document), [score(document, SystemLayers.From(analyzed))]));
        }
        return EvaluationResult.Combine(scored);
    }
}
