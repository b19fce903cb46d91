using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Quotations;
using Annalist.Core.Segmentation;
using Annalist.Core.Text;
using Annalist.Core.Tokens;
using BenchmarkDotNet.Attributes;

namespace Annalist.Benchmarks.EditorialAndQuotations;

/// <summary>
/// The quotation pairing on hostile text, where a quadratic step would show: ten thousand opening marks of one kind
/// in a row, and twenty thousand cues with a quotation each in one sentence. Both should take milliseconds, as the
/// ordinary corpus does per megabyte (docs/layers/editorial-and-quotations.md). Run:
/// <c>dotnet run -c Release --project bench/Annalist.Benchmarks -- --filter '*QuotationWorstCase*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class QuotationWorstCaseBenchmarks
{
    private (string Text, TextSpan[] Paragraphs, TextSpan[] Sentences) _openingMarks;
    private (string Text, TextSpan[] Paragraphs, TextSpan[] Sentences) _manyCues;

    [GlobalSetup]
    public void Setup()
    {
        _openingMarks = Segmented("Lin: " + string.Concat(Enumerable.Repeat("“We go. ", 10_000)));
        _manyCues = Segmented("Lin said" + string.Concat(Enumerable.Repeat(", “we go", 20_000)));
    }

    [Benchmark]
    public int TenThousandOpeningMarksInARow() => Find(_openingMarks);

    [Benchmark]
    public int TwentyThousandCuesInOneSentence() => Find(_manyCues);

    private static int Find((string Text, TextSpan[] Paragraphs, TextSpan[] Sentences) input) =>
        QuotationAnnotator.Find(input.Text, input.Paragraphs, input.Sentences, []).Count;

    private static (string, TextSpan[], TextSpan[]) Segmented(string text)
    {
        var document = new PipelineBuilder()
            .Add(new ParagraphAnnotator()).Add(new TokenAnnotator()).Add(new SentenceAnnotator())
            .Build()
            .Analyze(new SourceDocument("worst-case", text));
        return (text, [.. document.GetLayer<Paragraph>(LayerNames.Paragraphs).Select(p => p.Span)], [.. document.GetLayer<Sentence>(LayerNames.Sentences).Select(s => s.Span)]);
    }
}
