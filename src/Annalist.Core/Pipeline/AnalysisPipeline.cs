using System.Collections.Immutable;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Text;

namespace Annalist.Core.Pipeline;

/// <summary>A frozen, ordered set of components. Thread-safe: analyze any number of documents at once.</summary>
public sealed class AnalysisPipeline
{
    internal AnalysisPipeline(IReadOnlyList<Annotator> components)
    {
        Components = [.. components];
        Version = ComputeVersion(Components);
    }

    /// <summary>The components in the order they run.</summary>
    public ImmutableArray<Annotator> Components { get; }

    /// <summary>A short fingerprint of every component id, in order; it changes when any component's version does.</summary>
    public string Version { get; }

    public IEnumerable<string> ProducedLayers => Components.SelectMany(c => c.Produces);

    /// <summary>
    /// Runs every component on <paramref name="document"/>. A component that throws (a bug, never the
    /// text's fault) leaves its layers out and records diagnostic ANL2900; components needing them are skipped.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    public AnalyzedDocument Analyze(SourceDocument document, CancellationToken cancellationToken = default) => Analyze(document, null, cancellationToken);

    /// <summary>As <see cref="Analyze(SourceDocument, CancellationToken)"/>, telling <paramref name="progress"/> (on this thread) before each component runs.</summary>
    public AnalyzedDocument Analyze(SourceDocument document, IProgress<AnalysisStep>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var state = new AnalysisState(document, ImmutableDictionary<string, Layer>.Empty.WithComparers(StringComparer.Ordinal));
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var timings = ImmutableArray.CreateBuilder<ComponentTiming>(Components.Length);
        for (int index = 0; index < Components.Length; index++)
        {
            var component = Components[index];
            cancellationToken.ThrowIfCancellationRequested();
            if (!HasAll(state, component.Requires))
            {
                timings.Add(new ComponentTiming(component.Id, TimeSpan.Zero));
                continue;
            }
            progress?.Report(new AnalysisStep(document.Name, document.Length, component.Id, index + 1, Components.Length));
            long started = Stopwatch.GetTimestamp();
            try
            {
                var result = component.Annotate(state, cancellationToken);
                foreach (var layer in result.Layers)
                {
                    if (!component.Produces.Contains(layer.Name))
                        throw new InvalidOperationException(ErrorCatalogue.UndeclaredLayer.Format(component.Id, layer.Name));
                    if (layer.AlignedTo is { } target)
                        CheckAlignment(layer, state.Layers.GetValueOrDefault(target) ?? result.Layers.FirstOrDefault(l => l.Name == target));
                }
                state = state.With(result.Layers);
                diagnostics.AddRange(result.Diagnostics);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                diagnostics.Add(Diagnostic.From(ErrorCatalogue.ComponentFailed, null, component.Id.ToString(), component.Id, exception.Message));
            }
            timings.Add(new ComponentTiming(component.Id, Stopwatch.GetElapsedTime(started)));
        }
        return new AnalyzedDocument(document, state.Layers, diagnostics.ToImmutable(), timings.MoveToImmutable(), Version);
    }

    /// <summary>
    /// Analyzes a stream of documents on up to <paramref name="maxDegreeOfParallelism"/> cores (all by
    /// default), yielding results in input order as they complete; reads the input lazily. <paramref name="progress"/>
    /// hears each component start, from the thread running it.
    /// </summary>
    public IEnumerable<AnalyzedDocument> AnalyzeMany(
        IEnumerable<SourceDocument> documents,
        int maxDegreeOfParallelism = 0,
        CancellationToken cancellationToken = default,
        IProgress<AnalysisStep>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        int degree = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        // On one core, PLINQ would add a consumer thread that waits, and spins, beside the one doing the work.
        if (degree == 1) return AnalyzeInTurn(documents, progress, cancellationToken);
        return documents
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(degree)
            .WithCancellation(cancellationToken)
            .WithExecutionMode(ParallelExecutionMode.ForceParallelism)
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(document => Analyze(document, progress, cancellationToken));
    }

    private IEnumerable<AnalyzedDocument> AnalyzeInTurn(IEnumerable<SourceDocument> documents, IProgress<AnalysisStep>? progress, CancellationToken cancellationToken)
    {
        foreach (var document in documents) yield return Analyze(document, progress, cancellationToken);
    }

    private static bool HasAll(AnalysisState state, IReadOnlyList<string> layers)
    {
        for (int i = 0; i < layers.Count; i++)
        {
            if (!state.Layers.ContainsKey(layers[i])) return false;
        }
        return true;
    }

    // Spans, not annotations: reading an annotation would box every item of a struct layer.
    private static void CheckAlignment(Layer layer, Layer? target)
    {
        if (target is null || target.Count != layer.Count)
            throw new InvalidOperationException($"Layer '{layer.Name}' claims alignment to '{layer.AlignedTo}' but its items do not match it one to one.");
        for (int i = 0; i < layer.Count; i++)
        {
            if (layer.GetSpan(i) != target.GetSpan(i))
                throw new InvalidOperationException($"Layer '{layer.Name}' item {i} does not have the span of '{layer.AlignedTo}' item {i}.");
        }
    }

    private static string ComputeVersion(ImmutableArray<Annotator> components)
    {
        string ids = string.Join(";", components.Select(c => c.Id.ToString()));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ids)))[..12];
    }
}
