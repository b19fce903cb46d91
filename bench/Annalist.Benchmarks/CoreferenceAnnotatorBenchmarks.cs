using System.Diagnostics;
using System.Globalization;
using Annalist.Core.Annotations;
using Annalist.Core.Coreference;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using BenchmarkDotNet.Attributes;

namespace Annalist.Benchmarks.Coreference;

/// <summary>
/// The coreference component alone, on the layers the rest of the default pipeline made for it (tokens, pos, mentions, entities and
/// all): the shared seed record when <c>../shared</c> is present, else synthetic records. The upstream layers
/// are made once in setup, so the figure is the component's own, as in the component table of
/// <c>annalist bench</c>. Run: <c>dotnet run -c Release --project bench/Annalist.Benchmarks -- --filter '*CoreferenceAnnotatorBenchmarks*' --job short</c>;
/// <c>-- coreference</c> prints MB/s with a stopwatch instead.
/// </summary>
[MemoryDiagnoser]
public class CoreferenceAnnotatorBenchmarks
{
    private readonly CoreferenceAnnotator _coreference = new();
    private List<AnalysisState> _states = [];

    public static double Megabytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var upstream = new PipelineBuilder().AddRange(DefaultPipeline.Components().Where(c => c is not CoreferenceAnnotator)).Build();
        var texts = SeedRecords.Find() is { } seed ? [seed] : SyntheticRecords.Generate(300_000);
        _states = [.. texts.Select((text, i) => new AnalysisState(new SourceDocument($"record-{i}.txt", text), upstream.Analyze(new SourceDocument($"record-{i}.txt", text)).Layers))];
        Megabytes = texts.Sum(t => System.Text.Encoding.UTF8.GetByteCount(t)) / 1_000_000.0;
    }

    [Benchmark]
    public int Coreference()
    {
        int count = 0;
        foreach (var state in _states) count += _coreference.Annotate(state, CancellationToken.None).Layers.Count;
        return count;
    }

    /// <summary>MB/s of the component over a few seconds of repeats, on one core.</summary>
    public static int PrintMegabytesPerSecond()
    {
        var benchmark = new CoreferenceAnnotatorBenchmarks();
        benchmark.Setup();
        for (int i = 0; i < 20; i++) benchmark.Coreference();
        Thread.Sleep(300);
        // Processor time, not wall time: on a shared machine the wall clock counts other processes' turns.
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        int runs = 0;
        while (watch.Elapsed.TotalSeconds < 3 || runs < 50)
        {
            benchmark.Coreference();
            runs++;
        }
        process.Refresh();
        double seconds = (process.TotalProcessorTime - cpu).TotalSeconds / runs;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"coreference: {Megabytes:F3} MB in {seconds * 1000:F3} ms of processor time, {Megabytes / seconds:F1} MB/s on one core"));
        return 0;
    }
}
