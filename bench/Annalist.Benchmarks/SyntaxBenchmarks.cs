using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Syntax;
using Annalist.Core.Text;
using Annalist.Formats.Conllu;
using BenchmarkDotNet.Attributes;

namespace Annalist.Benchmarks;

/// <summary>
/// Tagging and parsing speed on one core: EWT dev (gold tokenization) when <c>../shared</c> is present,
/// else a generated text. Divide the word count by the mean time for words per second.
/// </summary>
[MemoryDiagnoser]
public class SyntaxBenchmarks
{
    private SyntaxCorpus _corpus = null!;
    private int[][] _classes = null!;
    private ulong[][] _tags = null!;
    private AnalysisPipeline _tokensAndTags = null!;
    private SourceDocument _document = null!;

    [GlobalSetup]
    public void Setup()
    {
        _corpus = SyntaxCorpus.Load();
        var tagger = SyntaxModels.Tagger;
        _ = SyntaxModels.Parser;
        _classes = [.. _corpus.Sentences.Select(s => new int[s.Words.Length])];
        for (int i = 0; i < _classes.Length; i++) tagger.Tag(_corpus.Sentences[i].Text, _corpus.Sentences[i].Words, _classes[i]);
        _tags = [.. _classes.Select(c => c.Select(k => tagger.TagHashes[k]).ToArray())];
        _tokensAndTags = new PipelineBuilder().AddRange(DefaultPipeline.Components()).RemoveProducerOf(LayerNames.Dependencies).Build();
        _document = new SourceDocument("bench", _corpus.PlainText);
        Console.WriteLine($"// {_corpus.Source}: {_corpus.WordCount:N0} words in {_corpus.Sentences.Count:N0} sentences; plain text {_corpus.PlainText.Length:N0} chars");
    }

    [Benchmark]
    public int Tag()
    {
        var tagger = SyntaxModels.Tagger;
        var sentences = _corpus.Sentences;
        for (int i = 0; i < sentences.Count; i++) tagger.Tag(sentences[i].Text, sentences[i].Words, _classes[i]);
        return _classes[^1][0];
    }

    [Benchmark]
    public int Parse()
    {
        var parser = SyntaxModels.Parser;
        var sentences = _corpus.Sentences;
        int[] heads = new int[1024], relations = new int[1024];
        for (int i = 0; i < sentences.Count; i++) parser.Parse(sentences[i].Text, sentences[i].Words, _tags[i], heads, relations);
        return heads[0];
    }

    /// <summary>Paragraphs, tokens, sentences and tags of plain text: the work wink-nlp's tokenizer and tagger do.</summary>
    /// <summary>What the first analysis pays before tagging and parsing: both shipped models read from the resources.</summary>
    [Benchmark]
    public int LoadModels()
    {
        var assembly = typeof(SyntaxModels).Assembly;
        using var tagger = assembly.GetManifestResourceStream(SyntaxModels.ResourcePrefix + SyntaxModels.TaggerFileName)!;
        using var parser = assembly.GetManifestResourceStream(SyntaxModels.ResourcePrefix + SyntaxModels.ParserFileName)!;
        return PartOfSpeechTagger.Load(tagger).ClassCount + DependencyParser.Load(parser).Relations.Count;
    }

    [Benchmark]
    public int TokenizeAndTag() => _tokensAndTags.Analyze(_document).Layers[LayerNames.PartsOfSpeech].Count;
}

/// <summary>Sentences laid out as text and word spans, loaded once for the benchmarks.</summary>
public sealed class SyntaxCorpus
{
    public required string Source { get; init; }

    public required IReadOnlyList<(string Text, TextSpan[] Words)> Sentences { get; init; }

    public required string PlainText { get; init; }

    public int WordCount => Sentences.Sum(s => s.Words.Length);

    public static SyntaxCorpus Load()
    {
        string? shared = Environment.GetEnvironmentVariable("ANNALIST_SHARED");
        string folder = AppContext.BaseDirectory;
        while (shared is null && folder is not null)
        {
            string candidate = Path.Combine(folder, "..", "shared", "corpora", "ud", "UD_English-EWT", "en_ewt-ud-dev.conllu");
            if (File.Exists(candidate)) shared = Path.GetFullPath(Path.Combine(folder, "..", "shared"));
            folder = Path.GetDirectoryName(folder)!;
        }
        if (shared is not null)
        {
            string path = Path.Combine(shared, "corpora", "ud", "UD_English-EWT", "en_ewt-ud-dev.conllu");
            var conllu = ConlluReader.ReadFile(path);
            var sentences = conllu.Select(ConlluTreebank.ToTreebankSentence).Select(s => s.Layout()).ToList();
            string text = string.Join("\n\n", conllu.Select(s => s.Text ?? ""));
            return new SyntaxCorpus { Source = "EWT dev", Sentences = sentences, PlainText = text };
        }
        string[] templates =
        [
            "The delegation arrived in the capital on the morning of the 14th and was met at the station .",
            "He said that the government would send 350 carbines and 30 trucks before the end of the month .",
            "After a long silence , the minister asked whether the agreement could be signed that evening .",
        ];
        var generated = Enumerable.Range(0, 3000).Select(i => templates[i % templates.Length]).ToList();
        return new SyntaxCorpus
        {
            Source = "generated sentences",
            Sentences = [.. generated.Select(s => new TreebankSentence(s.Split(' '), [.. s.Split(' ').Select(_ => "X")], [.. s.Split(' ').Select(_ => "X")], [.. s.Split(' ').Select(_ => 0)], [.. s.Split(' ').Select(_ => "dep")]).Layout())],
            PlainText = string.Join(" ", generated),
        };
    }
}

/// <summary>A quick single-threaded throughput run (<c>dotnet run -c Release -- throughput</c>), printing words per second.</summary>
public static class SyntaxThroughput
{
    public static void Run()
    {
        var benchmarks = new SyntaxBenchmarks();
        var load = System.Diagnostics.Stopwatch.StartNew();
        _ = SyntaxModels.Tagger;
        _ = SyntaxModels.Parser;
        Console.WriteLine($"models loaded in {load.Elapsed.TotalMilliseconds:F0} ms");
        benchmarks.Setup();
        var corpus = SyntaxCorpus.Load();
        int words = corpus.WordCount;
        int plainWords = new SourceDocument("x", corpus.PlainText).Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        Measure("tag", words, () => benchmarks.Tag());
        Measure("parse", words, () => benchmarks.Parse());
        Measure("tokenize+tag (white-space words)", plainWords, () => benchmarks.TokenizeAndTag());
    }

    private static void Measure(string name, int words, Func<int> run)
    {
        // Warm up for a second so that tiered compilation has settled before measuring.
        var warm = System.Diagnostics.Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 1) run();
        double best = double.MaxValue, bestCpu = double.MaxValue;
        for (int round = 0; round < 10; round++)
        {
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            run();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }
        // On a shared machine the processor time of this (single-threaded) work is the steadier measure.
        Console.WriteLine($"{name}: {words / best / 1000:F0} k words/s wall, {words / bestCpu / 1000:F0} k words/s of processor time (best of 10, {words:N0} words)");
    }
}
