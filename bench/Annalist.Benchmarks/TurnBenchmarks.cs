using Annalist.Core.Discourse;
using Annalist.Core.Pipeline;
using Annalist.Core.Quotations;
using Annalist.Core.Segmentation;
using Annalist.Core.Text;
using Annalist.Core.Tokens;
using Annalist.Benchmarks.EditorialAndQuotations;
using BenchmarkDotNet.Attributes;

namespace Annalist.Benchmarks.Discourse;

/// <summary>
/// Cost of the turns component on <see cref="DialogueCorpus"/>: segmentation and quotations alone, then
/// with turns added (without entities); the difference is what finding turns and participants costs. Run:
/// <c>dotnet run -c Release --project bench/Annalist.Benchmarks -- --filter '*TurnBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class TurnBenchmarks
{
    private SourceDocument _document = null!;
    private AnalysisPipeline _withoutTurns = null!;
    private AnalysisPipeline _withTurns = null!;

    [GlobalSetup]
    public void Setup()
    {
        _document = new SourceDocument("dialogue-corpus", DialogueCorpus.Text);
        _withoutTurns = Upstream().Build();
        _withTurns = Upstream().Add(new TurnAnnotator()).Build();
    }

    private static PipelineBuilder Upstream() =>
        new PipelineBuilder().Add(new ParagraphAnnotator()).Add(new TokenAnnotator()).Add(new SentenceAnnotator()).Add(new QuotationAnnotator());

    [Benchmark(Baseline = true)]
    public int SegmentationAndQuotations() => _withoutTurns.Analyze(_document).Layers.Count;

    [Benchmark]
    public int WithTurns() => _withTurns.Analyze(_document).Layers.Count;
}
