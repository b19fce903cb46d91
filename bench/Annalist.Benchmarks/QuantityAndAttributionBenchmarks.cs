using Annalist.Core.Annotations;
using Annalist.Core.Attributions;
using Annalist.Core.Pipeline;
using Annalist.Core.Quantities;
using Annalist.Core.Segmentation;
using Annalist.Core.Text;
using Annalist.Core.Time;
using Annalist.Core.Tokens;
using Annalist.Benchmarks.EditorialAndQuotations;
using BenchmarkDotNet.Attributes;

namespace Annalist.Benchmarks.QuantitiesAndAttributions;

/// <summary>
/// Throughput of the quantities and attributions components on <see cref="DialogueCorpus"/>, given the
/// tokens, sentences and timexes made once beforehand. Run:
/// <c>dotnet run -c Release --project bench/Annalist.Benchmarks -- --filter '*QuantityAndAttribution*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class QuantityAndAttributionBenchmarks
{
    private readonly QuantityAnnotator _quantities = new();
    private readonly AttributionAnnotator _attributions = new();
    private string _text = "";
    private Layer<Token> _tokens = null!;
    private TextSpan[] _sentences = [];
    private TextSpan[] _timexes = [];

    [GlobalSetup]
    public void Setup()
    {
        _text = DialogueCorpus.Text;
        var analyzed = new PipelineBuilder()
            .Add(new ParagraphAnnotator()).Add(new TokenAnnotator()).Add(new SentenceAnnotator()).Add(new TimexAnnotator())
            .Build()
            .Analyze(new SourceDocument("dialogue-corpus", _text));
        _tokens = analyzed.GetLayer<Token>(LayerNames.Tokens);
        _sentences = [.. analyzed.GetLayer<Sentence>(LayerNames.Sentences).Select(s => s.Span)];
        _timexes = [.. analyzed.GetLayer<Timex>(LayerNames.Timexes).Select(t => t.Span)];
    }

    [Benchmark]
    public int Quantities() => _quantities.Recognize(_text, _tokens, _timexes).Count;

    [Benchmark]
    public int Attributions() => _attributions.Recognize(_text, _tokens, _sentences).Count;
}
