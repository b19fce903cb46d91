using System.Diagnostics;
using System.Runtime;
using Annalist.Core.Pipeline;

namespace Annalist.Cli.Benchmarking;

/// <summary>Speed of one run of the pipeline over a corpus: wall-clock time, and the processor time the process used meanwhile.</summary>
public sealed record PipelineRun(int Cores, TimeSpan Elapsed, IReadOnlyList<ComponentTotal> Components, long AllocatedBytes, TimeSpan ProcessorTime = default)
{
    public double WordsPerSecond(BenchmarkCorpus corpus) => corpus.Words / Elapsed.TotalSeconds;

    public double MegabytesPerSecond(BenchmarkCorpus corpus) => corpus.Megabytes / Elapsed.TotalSeconds;

    /// <summary>
    /// Words per second of processor time, summed over cores: what one core would do with no other work on
    /// the machine. Wall-clock figures fall when other processes take the cores; this one much less.
    /// </summary>
    public double WordsPerProcessorSecond(BenchmarkCorpus corpus) => ProcessorTime > TimeSpan.Zero ? corpus.Words / ProcessorTime.TotalSeconds : 0;

    /// <summary>Processor time over wall-clock time: how many cores the run kept busy on average.</summary>
    public double CoresBusy => Elapsed > TimeSpan.Zero ? ProcessorTime / Elapsed : 0;
}

/// <summary>The time one component spent over a whole corpus, summed over documents and threads.</summary>
public sealed record ComponentTotal(string Component, TimeSpan Elapsed);

/// <summary>What the warm-up before timing did.</summary>
public sealed record WarmUpRun(int Documents, TimeSpan Elapsed, long CompiledMethods);

/// <summary>Times the full pipeline over a corpus, on one core and on all of them.</summary>
public static class PipelineBenchmark
{
    /// <summary>How long the JIT must have compiled nothing before the warm-up ends.</summary>
    public static readonly TimeSpan QuietTime = TimeSpan.FromSeconds(1);

    /// <summary>The warm-up ends this long after its minimum, quiet JIT or not.</summary>
    public static readonly TimeSpan MaximumExtraWarmUpTime = TimeSpan.FromSeconds(60);

    public static PipelineRun Run(AnalysisPipeline pipeline, BenchmarkCorpus corpus, int cores, CancellationToken cancellationToken)
    {
        var totals = pipeline.Components.ToDictionary(c => c.Id.ToString(), _ => 0L);
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        process.Refresh();
        var processorBefore = process.TotalProcessorTime;
        long started = Stopwatch.GetTimestamp();
        foreach (var analyzed in pipeline.AnalyzeMany(corpus.Documents, cores, cancellationToken))
        {
            foreach (var timing in analyzed.Timings) totals[timing.Component.ToString()] += timing.Elapsed.Ticks;
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        var processor = process.TotalProcessorTime - processorBefore;
        long allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        var components = pipeline.Components
            .Select(c => new ComponentTotal(c.Id.ToString(), TimeSpan.FromTicks(totals[c.Id.ToString()])))
            .ToList();
        return new PipelineRun(cores, elapsed, components, allocated, processor);
    }

    /// <summary>
    /// Analyzes the corpus's distinct documents in turn, on all cores, for at least <paramref name="minimum"/> and
    /// until the JIT has compiled nothing for <see cref="QuietTime"/> (at most <see cref="MaximumExtraWarmUpTime"/> more), so
    /// that models are loaded and tiered compilation has replaced the hot methods' first, slow code before timing
    /// starts: else the first timed run pays for the JIT, whose background compiling also counts as processor time.
    /// A zero <paramref name="minimum"/> analyzes one document, which only loads the models.
    /// </summary>
    public static WarmUpRun WarmUp(AnalysisPipeline pipeline, BenchmarkCorpus corpus, TimeSpan minimum, CancellationToken cancellationToken)
    {
        var distinct = corpus.Documents.Distinct().ToList();
        if (distinct.Count == 0) return new WarmUpRun(0, TimeSpan.Zero, 0);
        long started = Stopwatch.GetTimestamp();
        pipeline.Analyze(distinct[0], cancellationToken);
        int documents = 1;
        if (minimum <= TimeSpan.Zero) return new WarmUpRun(documents, Stopwatch.GetElapsedTime(started), JitInfo.GetCompiledMethodCount());
        long compiled = JitInfo.GetCompiledMethodCount();
        long quietSince = Stopwatch.GetTimestamp();
        while (true)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed >= minimum + MaximumExtraWarmUpTime || (elapsed >= minimum && Stopwatch.GetElapsedTime(quietSince) >= QuietTime)) break;
            var batch = Enumerable.Range(0, 2 * Environment.ProcessorCount).Select(i => distinct[(documents + i) % distinct.Count]).ToList();
            foreach (var _ in pipeline.AnalyzeMany(batch, Environment.ProcessorCount, cancellationToken)) documents++;
            long now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quietSince = Stopwatch.GetTimestamp();
            }
        }
        return new WarmUpRun(documents, Stopwatch.GetElapsedTime(started), compiled);
    }
}
