using System.Diagnostics;
using Annalist.Core.Pipeline;

namespace Annalist.Cli.Benchmarking;

/// <summary>Speed of one run of the pipeline over a corpus.</summary>
public sealed record PipelineRun(int Cores, TimeSpan Elapsed, IReadOnlyList<ComponentTotal> Components, long AllocatedBytes)
{
    public double WordsPerSecond(BenchmarkCorpus corpus) => corpus.Words / Elapsed.TotalSeconds;

    public double MegabytesPerSecond(BenchmarkCorpus corpus) => corpus.Megabytes / Elapsed.TotalSeconds;
}

/// <summary>The time one component spent over a whole corpus, summed over documents and threads.</summary>
public sealed record ComponentTotal(string Component, TimeSpan Elapsed);

/// <summary>Times the full pipeline over a corpus, on one core and on all of them.</summary>
public static class PipelineBenchmark
{
    public static PipelineRun Run(AnalysisPipeline pipeline, BenchmarkCorpus corpus, int cores, CancellationToken cancellationToken)
    {
        var totals = pipeline.Components.ToDictionary(c => c.Id.ToString(), _ => 0L);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        long started = Stopwatch.GetTimestamp();
        foreach (var analyzed in pipeline.AnalyzeMany(corpus.Documents, cores, cancellationToken))
        {
            foreach (var timing in analyzed.Timings) totals[timing.Component.ToString()] += timing.Elapsed.Ticks;
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        long allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        var components = pipeline.Components
            .Select(c => new ComponentTotal(c.Id.ToString(), TimeSpan.FromTicks(totals[c.Id.ToString()])))
            .ToList();
        return new PipelineRun(cores, elapsed, components, allocated);
    }

    /// <summary>Runs every component once on a small document, so that models load before timing starts.</summary>
    public static void WarmUp(AnalysisPipeline pipeline, BenchmarkCorpus corpus, CancellationToken cancellationToken)
    {
        if (corpus.Documents.Count > 0) pipeline.Analyze(corpus.Documents[0], cancellationToken);
    }
}
