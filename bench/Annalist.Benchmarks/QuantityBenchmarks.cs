using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Quantities;
using Annalist.Core.Segmentation;
using Annalist.Core.Text;
using Annalist.Core.Time;
using Annalist.Core.Tokens;
using Annalist.Benchmarks.EditorialAndQuotations;
using BenchmarkDotNet.Attributes;

namespace Annalist.Benchmarks.Quantities;

/// <summary>
/// Throughput of the quantities component alone on <see cref="DialogueCorpus"/>, and on text dense with
/// numbers (an invented list of supplies), given tokens and timexes made once beforehand. Run:
/// <c>dotnet run -c Release --project bench/Annalist.Benchmarks -- --filter '*QuantityBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class QuantityBenchmarks
{
    private const string Supplies = "He asked for about 300 rifles, more than a 1000 cartridges, 15-60 kilometers of wire, twenty-five trucks and $2.5 million in credits. ";

    private readonly QuantityAnnotator _quantities = new();
    private (string Text, Layer<Token> Tokens, TextSpan[] Timexes) _dialogue;
    private (string Text, Layer<Token> Tokens, TextSpan[] Timexes) _dense;

    [GlobalSetup]
    public void Setup()
    {
        _dialogue = Prepare(DialogueCorpus.Text);
        _dense = Prepare(string.Concat(Enumerable.Repeat(Supplies, 20_000)));
    }

    private static (string, Layer<Token>, TextSpan[]) Prepare(string text)
    {
        var analyzed = new PipelineBuilder()
            .Add(new ParagraphAnnotator()).Add(new TokenAnnotator()).Add(new SentenceAnnotator()).Add(new TimexAnnotator())
            .Build()
            .Analyze(new SourceDocument("quantities", text));
        return (text, analyzed.GetLayer<Token>(LayerNames.Tokens), [.. analyzed.GetLayer<Timex>(LayerNames.Timexes).Select(t => t.Span)]);
    }

    [Benchmark]
    public int Dialogue() => _quantities.Recognize(_dialogue.Text, _dialogue.Tokens, _dialogue.Timexes).Count;

    [Benchmark]
    public int DenseNumbers() => _quantities.Recognize(_dense.Text, _dense.Tokens, _dense.Timexes).Count;
}
