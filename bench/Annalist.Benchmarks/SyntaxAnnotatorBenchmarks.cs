using Annalist.Core.Pipeline;
using Annalist.Core.Quotations;
using Annalist.Core.Segmentation;
using Annalist.Core.Syntax;
using Annalist.Core.Text;
using Annalist.Core.Tokens;
using BenchmarkDotNet.Attributes;

namespace Annalist.Benchmarks;

/// <summary>
/// The syntax stage as the pipeline runs it, on about 1 MB of <see cref="SyntheticRecords"/>: segmentation
/// and tags alone, then with the parser (reusing the tags) parsing every sentence, only the triggered ones
/// (the default: sentences with an event trigger), and the triggered ones plus every quoted sentence
/// (session 2's selection); the differences are what parsing costs. Run:
/// <c>dotnet run -c Release --project bench/Annalist.Benchmarks -- --filter '*SyntaxAnnotatorBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class SyntaxAnnotatorBenchmarks
{
    private SourceDocument _document = null!;
    private AnalysisPipeline _tags = null!;
    private AnalysisPipeline _allSentences = null!;
    private AnalysisPipeline _triggeredSentences = null!;
    private AnalysisPipeline _triggeredAndQuotedSentences = null!;

    [GlobalSetup]
    public void Setup()
    {
        _document = new SourceDocument("synthetic", string.Join("\n\n", SyntheticRecords.Generate(1_000_000)));
        _tags = Upstream().Build();
        _allSentences = Upstream().Add(new DependencyAnnotator(options: DependencyAnnotatorOptions.EverySentence)).Build();
        _triggeredSentences = Upstream().Add(new DependencyAnnotator()).Build();
        _triggeredAndQuotedSentences = Upstream().Add(new DependencyAnnotator(options: DependencyAnnotatorOptions.Default with { ParseQuotations = true })).Build();
    }

    private static PipelineBuilder Upstream() =>
        new PipelineBuilder().Add(new ParagraphAnnotator()).Add(new TokenAnnotator()).Add(new SentenceAnnotator()).Add(new QuotationAnnotator()).Add(new PosTagAnnotator());

    [Benchmark(Baseline = true)]
    public int SegmentationAndTags() => _tags.Analyze(_document).Layers.Count;

    [Benchmark]
    public int ParseAllSentences() => _allSentences.Analyze(_document).Layers.Count;

    [Benchmark]
    public int ParseTriggeredSentences() => _triggeredSentences.Analyze(_document).Layers.Count;

    [Benchmark]
    public int ParseTriggeredAndQuotedSentences() => _triggeredAndQuotedSentences.Analyze(_document).Layers.Count;
}
