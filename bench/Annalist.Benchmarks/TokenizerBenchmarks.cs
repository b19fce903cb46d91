using System.Text;
using Annalist.Core.Segmentation;
using Annalist.Core.Text;
using Annalist.Core.Tokens;
using BenchmarkDotNet.Attributes;

namespace Annalist.Benchmarks;

/// <summary>
/// Tokenizer alone, and tokenizer with paragraph and sentence splitting, over a corpus of at least 5 MB
/// (synthetic records, or the shared seed record repeated when <c>../shared</c> exists). One operation
/// processes the whole corpus, one document at a time, reusing one buffer as the annotators would pool it.
/// </summary>
[MemoryDiagnoser]
public class TokenizerBenchmarks
{
    public const int TargetChars = 5_500_000;

    private List<string> _documents = [];
    private readonly TokenBuffer _tokens = new(4096);
    private readonly List<TextSpan> _paragraphs = [];
    private readonly List<TextSpan> _sentences = [];

    [ParamsSource(nameof(Corpora))]
    public string Corpus { get; set; } = "synthetic";

    public static IEnumerable<string> Corpora() => SeedRecords.Find() is null ? ["synthetic"] : ["synthetic", "seed"];

    /// <summary>UTF-8 size of the corpus, for throughput.</summary>
    public static long CorpusBytes(string corpus) => Load(corpus).Sum(d => (long)Encoding.UTF8.GetByteCount(d));

    [GlobalSetup]
    public void Setup() => _documents = Load(Corpus);

    [Benchmark]
    public int Tokenize()
    {
        int count = 0;
        foreach (string document in _documents)
        {
            _tokens.Clear();
            Tokenizer.Tokenize(document, _tokens);
            count += _tokens.Count;
        }
        return count;
    }

    [Benchmark]
    public int TokenizeAndSplitSentences()
    {
        int count = 0;
        foreach (string document in _documents)
        {
            _tokens.Clear();
            _paragraphs.Clear();
            _sentences.Clear();
            Tokenizer.Tokenize(document, _tokens);
            ParagraphSplitter.Split(document, _paragraphs, out _);
            SentenceSplitter.Split(document, _tokens.Tokens, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_paragraphs), _sentences);
            count += _sentences.Count;
        }
        return count;
    }

    /// <summary>The three annotators through a pipeline, as users run them: layers, diagnostics and all.</summary>
    [Benchmark]
    public int SegmentationAnnotators()
    {
        int count = 0;
        foreach (string document in _documents)
        {
            var analyzed = Annotators.Analyze(new SourceDocument("benchmark", document));
            count += analyzed.Layers[Annalist.Core.Annotations.LayerNames.Sentences].Count;
        }
        return count;
    }

    private static readonly Annalist.Core.Pipeline.AnalysisPipeline Annotators = new Annalist.Core.Pipeline.PipelineBuilder()
        .Add(new ParagraphAnnotator())
        .Add(new TokenAnnotator())
        .Add(new SentenceAnnotator())
        .Build();

    private static List<string> Load(string corpus)
    {
        if (corpus == "seed" && SeedRecords.Find() is { } seed)
        {
            var repeated = new List<string>();
            for (long total = 0; total < TargetChars; total += seed.Length) repeated.Add(seed);
            return repeated;
        }
        return SyntheticRecords.Generate(TargetChars);
    }
}

/// <summary>The seed records in <c>../shared/seed</c> beside the repository, if there.</summary>
internal static class SeedRecords
{
    public static string? Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (!File.Exists(Path.Combine(folder.FullName, "Annalist.sln"))) continue;
            string seed = Path.Combine(folder.FullName, "..", "shared", "seed");
            if (!Directory.Exists(seed)) return null;
            return string.Join("\n\n", Directory.GetFiles(seed, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        }
        return null;
    }
}
