using Annalist.Core.Entities;
using Annalist.Core.Entities.Gazetteers;
using Annalist.Core.Entities.Tagging;
using BenchmarkDotNet.Attributes;

namespace Annalist.Benchmarks;

/// <summary>
/// The entity tagger alone (features, scores, Viterbi) and the whole recognizer (tagger, name rules,
/// clustering) over about 1 MB of synthetic records, already tokenized. One operation processes every document.
/// </summary>
[MemoryDiagnoser]
public class EntityBenchmarks
{
    private List<TaggingInput> _inputs = [];
    private MentionTagger _tagger = null!;
    private EntityRecognizer _recognizer = null!;

    /// <summary>Tokens in the corpus, for throughput.</summary>
    public static int CorpusTokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _inputs = SyntheticRecords.Generate(1_000_000).Select(PlainTextInput.From).ToList();
        CorpusTokens = _inputs.Sum(i => i.Count);
        _tagger = new MentionTagger(EntityModels.TaggerModel!, EntityModels.Gazetteer);
        _recognizer = new EntityRecognizer(_tagger, EntityModels.Gazetteer);
    }

    [Benchmark]
    public int Tag()
    {
        int names = 0;
        foreach (var input in _inputs) names += _tagger.Tag(input).Count;
        return names;
    }

    /// <summary>What the first analysis pays before tagging: the shipped tagger, gazetteer and given names read from the resources.</summary>
    [Benchmark]
    public int LoadModels()
    {
        var assembly = typeof(EntityModels).Assembly;
        using var model = assembly.GetManifestResourceStream(EntityModels.TaggerResource)!;
        using var gazetteer = assembly.GetManifestResourceStream(EntityModels.GazetteerResource)!;
        using var givenNames = assembly.GetManifestResourceStream(EntityModels.GivenNamesResource)!;
        return PerceptronModel.Read(model).FeatureCount + Gazetteer.Read(gazetteer).NameCount + GivenNames.Read(givenNames).Count;
    }

    [Benchmark]
    public int Recognize()
    {
        int entities = 0;
        foreach (var input in _inputs) entities += _recognizer.Recognize(input).Entities.Length;
        return entities;
    }
}
