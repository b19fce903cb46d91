using System.Diagnostics;
using System.Globalization;
using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using BenchmarkDotNet.Attributes;

namespace Annalist.Benchmarks;

/// <summary>
/// One component alone, on the layers the rest of the default pipeline made for it: the shared seed record when
/// <c>../shared</c> is present, else synthetic records. The upstream layers are made once in setup, so the figure
/// is the component's own, as in the component table of <c>annalist bench</c>.
/// </summary>
[MemoryDiagnoser]
public abstract class ComponentAloneBenchmark<TComponent> where TComponent : Annotator, new()
{
    private readonly TComponent _component = new();
    private List<AnalysisState> _states = [];

    public double Megabytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var upstream = new PipelineBuilder().AddRange(DefaultPipeline.Components().Where(c => c is not TComponent)).Build();
        var texts = SeedRecords.Find() is { } seed ? [seed] : SyntheticRecords.Generate(300_000);
        _states = [.. texts.Select((text, i) => new AnalysisState(new SourceDocument($"record-{i}.txt", text), upstream.Analyze(new SourceDocument($"record-{i}.txt", text)).Layers))];
        Megabytes = texts.Sum(t => System.Text.Encoding.UTF8.GetByteCount(t)) / 1_000_000.0;
    }

    [Benchmark]
    public int Component()
    {
        int count = 0;
        foreach (var state in _states) count += _component.Annotate(state, CancellationToken.None).Layers.Count;
        return count;
    }

    /// <summary>Prints MB/s of the component over a few seconds of repeats, on one core, labelled <paramref name="name"/>.</summary>
    protected int PrintMegabytesPerSecond(string name)
    {
        Setup();
        for (int i = 0; i < 20; i++) Component();
        Thread.Sleep(300);
        // Processor time, not wall time: on a shared machine the wall clock counts other processes' turns.
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        int runs = 0;
        while (watch.Elapsed.TotalSeconds < 3 || runs < 50)
        {
            Component();
            runs++;
        }
        process.Refresh();
        double seconds = (process.TotalProcessorTime - cpu).TotalSeconds / runs;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {Megabytes:F3} MB in {seconds * 1000:F3} ms of processor time, {Megabytes / seconds:F1} MB/s on one core"));
        return 0;
    }
}
