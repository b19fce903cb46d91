using Annalist.Core.Annotations;
using Annalist.Core.Editorial;
using Annalist.Core.Pipeline;
using Annalist.Core.Quotations;
using Annalist.Core.Segmentation;
using Annalist.Core.Text;
using Annalist.Core.Tokens;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Annalist.Benchmarks.EditorialAndQuotations;

/// <summary>
/// Throughput of the editorial and quotation components on <see cref="DialogueCorpus"/> (≥ 5 MB). The
/// quotation benchmark is given paragraphs and sentences made once beforehand, so it measures the
/// pairing and the unclosed-quotation heuristic alone. Run:
/// <c>dotnet run -c Release --project bench/Annalist.Benchmarks -- --filter '*EditorialAndQuotation*' --job short</c>
/// </summary>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class EditorialAndQuotationBenchmarks
{
    private string _text = "";
    private TextSpan[] _paragraphs = [];
    private TextSpan[] _sentences = [];

    [GlobalSetup]
    public void Setup()
    {
        _text = DialogueCorpus.Text;
        var segmentation = new PipelineBuilder()
            .Add(new ParagraphAnnotator()).Add(new TokenAnnotator()).Add(new SentenceAnnotator())
            .Build()
            .Analyze(new SourceDocument("dialogue-corpus", _text));
        _paragraphs = [.. segmentation.GetLayer<Paragraph>(LayerNames.Paragraphs).Select(p => p.Span)];
        _sentences = [.. segmentation.GetLayer<Sentence>(LayerNames.Sentences).Select(s => s.Span)];
    }

    [Benchmark]
    public int Editorial()
    {
        var marks = new List<EditorialMark>();
        EditorialAnnotator.Find(_text, marks, []);
        return marks.Count;
    }

    [Benchmark]
    public int Quotations() => QuotationAnnotator.Find(_text, _paragraphs, _sentences, []).Count;

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new MegabytesPerSecondColumn());
    }

    /// <summary>UTF-8 megabytes of the corpus divided by the mean time of one operation.</summary>
    private sealed class MegabytesPerSecondColumn : IColumn
    {
        public string Id => nameof(MegabytesPerSecondColumn);
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "UTF-8 megabytes (10^6 bytes) of input processed per second";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var statistics = summary[benchmarkCase]?.ResultStatistics;
            return statistics is null ? "-" : (DialogueCorpus.Megabytes / (statistics.Mean / 1e9)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    }
}
