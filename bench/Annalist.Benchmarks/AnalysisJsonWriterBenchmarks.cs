using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Formats.Json;
using BenchmarkDotNet.Attributes;

namespace Annalist.Benchmarks;

/// <summary>
/// The JSON writer alone: about 5 MB of synthetic records, analyzed once by the default pipeline in setup,
/// written to a null stream (so the figure excludes disk). One operation writes every document.
/// </summary>
[MemoryDiagnoser]
public class AnalysisJsonWriterBenchmarks
{
    private List<AnalyzedDocument> _analyses = [];

    [GlobalSetup]
    public void Setup()
    {
        var pipeline = DefaultPipeline.Create();
        _analyses = SyntheticRecords.Generate(5_000_000)
            .Select((text, i) => pipeline.Analyze(new SourceDocument($"record-{i}.txt", text)))
            .ToList();
    }

    [Benchmark]
    public void WriteJson()
    {
        using var writer = new AnalysisJsonWriter(Stream.Null);
        foreach (var analysis in _analyses)
        {
            writer.Write(analysis);
            writer.Flush();
        }
    }
}
