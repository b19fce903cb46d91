using Annalist.Core.Entities.Tagging;
using Annalist.Core.Text.Casing;
using BenchmarkDotNet.Attributes;

namespace Annalist.Benchmarks;

/// <summary>
/// The truecaser over about 1 MB of synthetic records, already tokenized: as written (mixed case: finding that
/// nothing is in capitals) and upper-cased (every sentence recased). One operation processes every document.
/// </summary>
[MemoryDiagnoser]
public class TruecaserBenchmarks
{
    private List<TaggingInput> _mixed = [];
    private List<TaggingInput> _capitals = [];
    private TruecaseModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        var texts = SyntheticRecords.Generate(1_000_000);
        _mixed = texts.Select(PlainTextInput.From).ToList();
        _capitals = _mixed.Select(i => new TaggingInput(i.Text.ToUpperInvariant(), i.Tokens, i.SentenceStarts)).ToList();
        _model = TruecaseModel.Shipped;
    }

    [Benchmark(Baseline = true)]
    public int MixedCase() => Run(_mixed);

    [Benchmark]
    public int Capitals() => Run(_capitals);

    /// <summary>What the first recased sentence pays: the shipped model read from the resources.</summary>
    [Benchmark]
    public int LoadModel()
    {
        using var stream = typeof(TruecaseModel).Assembly.GetManifestResourceStream(TruecaseModel.Resource)!;
        return TruecaseModel.Read(stream).Count;
    }

    private int Run(List<TaggingInput> inputs)
    {
        int passages = 0;
        foreach (var input in inputs) passages += Truecaser.View(input.Text, input.Tokens, input.SentenceStarts, _model).Passages.Count;
        return passages;
    }
}
