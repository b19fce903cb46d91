using Annalist.Core.Annotations;
using Annalist.Core.Attributions;
using Annalist.Core.Discourse;
using Annalist.Core.Entities;
using Annalist.Core.Events;
using Annalist.Core.Ledger;
using Annalist.Core.Pipeline;
using Annalist.Core.Quantities;
using Annalist.Core.Segmentation;
using Annalist.Core.Syntax;
using Annalist.Core.Text;
using Annalist.Core.Time;
using Annalist.Core.Tokens;
using Annalist.Benchmarks.EditorialAndQuotations;
using BenchmarkDotNet.Attributes;

namespace Annalist.Benchmarks.Events;

/// <summary>
/// Throughput of the events component (triggers, roles from the tree, links) and of the ledger built from
/// its frames, on a slice of <see cref="DialogueCorpus"/> analysed once beforehand by every layer events read.
/// Run: <c>dotnet run -c Release --project bench/Annalist.Benchmarks -- --filter '*EventBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class EventBenchmarks
{
    private const int Characters = 400_000;

    private readonly EventAnnotator _events = new();
    private AnalyzedDocument _analyzed = null!;
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        _text = DialogueCorpus.Text[..Characters];
        _analyzed = DefaultPipeline.Create().Analyze(new SourceDocument("dialogue-corpus", _text));
    }

    [Benchmark]
    public int Events() => _events.Recognize(_text, _analyzed.GetLayer<Token>(LayerNames.Tokens), _analyzed.GetLayer<Sentence>(LayerNames.Sentences),
        _analyzed.GetLayer<Quantity>(LayerNames.Quantities), _analyzed.GetLayer<Timex>(LayerNames.Timexes), _analyzed.GetLayer<Dependency>(LayerNames.Dependencies),
        _analyzed.GetLayer<Mention>(LayerNames.Mentions), _analyzed.GetLayer<Turn>(LayerNames.Turns), _analyzed.GetLayer<Paragraph>(LayerNames.Paragraphs),
        _analyzed.GetLayer<Attribution>(LayerNames.Attributions)).Count;

    [Benchmark]
    public int Ledger()
    {
        var document = LedgerDocument.FromAnalysis(_analyzed);
        return LedgerBuilder.Commitments([document]).Count + LedgerBuilder.Timeline([document]).Count;
    }
}
