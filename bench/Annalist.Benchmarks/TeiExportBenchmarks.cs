using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Formats.Export;
using Annalist.Formats.Export.Tei;
using BenchmarkDotNet.Attributes;

namespace Annalist.Benchmarks;

/// <summary>
/// The TEI writer alone: about 2 MB of synthetic records, analyzed and turned into export documents once in
/// setup, written to a null stream (so the figure excludes analysis and disk). One operation writes every
/// document; <see cref="BuildModelAndWriteTei"/> adds reading the analysis into the export model.
/// </summary>
[MemoryDiagnoser]
public class TeiExportBenchmarks
{
    private List<Core.Annotations.AnalyzedDocument> _analyses = [];
    private List<ExportDocument> _documents = [];
    private readonly TeiExportWriter _writer = new();

    [GlobalSetup]
    public void Setup()
    {
        var pipeline = DefaultPipeline.Create();
        _analyses = SyntheticRecords.Generate(2_000_000)
            .Select((text, i) => pipeline.Analyze(new SourceDocument($"record-{i}.txt", text)))
            .ToList();
        _documents = _analyses.Select(analysis => ExportDocument.FromAnalysis(analysis)).ToList();
    }

    [Benchmark]
    public void WriteTei()
    {
        foreach (var document in _documents) _writer.Write(document, Stream.Null);
    }

    [Benchmark]
    public void BuildModelAndWriteTei()
    {
        foreach (var analysis in _analyses) _writer.Write(ExportDocument.FromAnalysis(analysis), Stream.Null);
    }
}
