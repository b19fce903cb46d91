using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Evaluation.Gold;
using Annalist.Evaluation.Scoring;
using Annalist.Evaluation.SystemOutput;

namespace Annalist.Evaluation;

/// <summary>
/// <c>annalist eval GOLD.json…</c>: runs a pipeline on each gold file's document and scores every
/// layer the gold file has. A gold file's reference time reaches the pipeline as the document's
/// metadata date. Bad gold files throw coded <see cref="Core.Errors.AnnalistException"/>s.
/// </summary>
public sealed class GoldEvaluator(AnalysisPipeline pipeline)
{
    private readonly GoldDocumentLoader _loader = new();

    /// <summary>Gold files, or folders whose <c>*.gold.json</c> files (below them, sorted) are meant.</summary>
    /// <exception cref="Core.Errors.AnnalistException">ANL1105 for a folder without gold files.</exception>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (string path in paths)
        {
            if (!Directory.Exists(path))
            {
                files.Add(path);
                continue;
            }
            var found = Directory.EnumerateFiles(path, "*.gold.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (found.Count == 0) throw new Core.Errors.AnnalistException(Core.Errors.ErrorCatalogue.NoEvaluationInput, path, "no *.gold.json files");
            files.AddRange(found);
        }
        return files;
    }

    public EvaluationResult Evaluate(IEnumerable<string> goldPaths, CancellationToken cancellationToken = default)
    {
        var documents = new List<DocumentEvaluation>();
        foreach (string path in ExpandPaths(goldPaths))
        {
            var gold = GoldFileReader.ReadFile(path);
            var (document, whitespaceEqual) = _loader.Load(gold);
            var resolved = GoldResolver.Resolve(gold, document.Text, whitespaceEqual, document.Name);
            var analyzed = pipeline.Analyze(document, cancellationToken);
            documents.Add(new DocumentEvaluation(document.Name, ScoreLayers(resolved, SystemLayers.From(analyzed), document.Name)));
        }
        return EvaluationResult.Combine(documents);
    }

    /// <summary>Scores the layers present in the gold file against <paramref name="system"/> (from a pipeline, or gold-as-system).</summary>
    public static ImmutableArray<LayerScore> ScoreLayers(ResolvedGold gold, SystemLayers system, string? documentName = null)
    {
        var file = gold.File;
        var layers = ImmutableArray.CreateBuilder<LayerScore>();
        var alignment = EntityAlignment.None;
        if (file.Entities is not null || file.Turns is not null || file.Events is not null)
        {
            var (entityScore, entityAlignment) = EntityScorer.Score(gold, system, documentName);
            alignment = entityAlignment;
            if (file.Entities is not null) layers.Add(entityScore);
        }
        if (file.Timexes is not null)
        {
            var goldTimexes = gold.Timexes.Select(t => new GoldTimexSpan(t.Span, gold.Text.Substring(t.Span.Start, t.Span.Length), t.Gold.Type, t.Gold.Value)).ToList();
            layers.Add(TimexScorer.Score(goldTimexes, system.Get(LayerNames.Timexes), system.Has(LayerNames.Timexes), documentName));
        }
        if (file.Turns is not null) layers.Add(TurnScorer.Score(gold, system, alignment, documentName));
        if (file.Events is not null) layers.Add(EventScorer.Score(gold, system, alignment, documentName));
        if (file.Quantities is not null) layers.Add(SpanLayerScorers.Quantities(gold, system, documentName));
        if (file.Editorial is not null) layers.Add(SpanLayerScorers.Editorial(gold, system, documentName));
        if (file.Attributions is not null) layers.Add(SpanLayerScorers.Attributions(gold, system, documentName));
        return layers.OrderBy(l => EvaluationResult.LayerOrder.IndexOf(l.Layer)).ToImmutableArray();
    }
}
