using Annalist.Core.Pipeline;
using Annalist.Core.Syntax;
using Annalist.Core.Text;
using BenchmarkDotNet.Attributes;

namespace Annalist.Benchmarks;

/// <summary>
/// The whole default pipeline on about 1 MB of <see cref="SyntheticRecords"/> cut into records: one record
/// after another on one core, the same records on all cores (<see cref="AnalysisPipeline.AnalyzeMany"/>), and
/// on one core with every sentence parsed, which is what the default selection of sentences saves. Run:
/// <c>dotnet run -c Release --project bench/Annalist.Benchmarks -- --filter '*PipelineBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private List<SourceDocument> _documents = null!;
    private AnalysisPipeline _default = null!;
    private AnalysisPipeline _everySentence = null!;

    [GlobalSetup]
    public void Setup()
    {
        _documents = [.. SyntheticRecords.Generate(1_000_000).Select((text, i) => new SourceDocument($"record-{i}", text))];
        _default = DefaultPipeline.Create();
        _everySentence = new PipelineBuilder().AddRange(DefaultPipeline.Components().Where(c => c is not DependencyAnnotator))
            .Add(new DependencyAnnotator(options: DependencyAnnotatorOptions.EverySentence)).Build();
        Console.WriteLine($"// {_documents.Count:N0} records, {_documents.Sum(d => d.Length):N0} chars");
    }

    [Benchmark(Baseline = true)]
    public int OneCore() => Run(_default, 1);

    [Benchmark]
    public int AllCores() => Run(_default, Environment.ProcessorCount);

    [Benchmark]
    public int OneCoreEverySentenceParsed() => Run(_everySentence, 1);

    private int Run(AnalysisPipeline pipeline, int cores)
    {
        int layers = 0;
        foreach (var analyzed in pipeline.AnalyzeMany(_documents, cores)) layers += analyzed.Layers.Count;
        return layers;
    }
}
