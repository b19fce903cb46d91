using System.Diagnostics;
using Annalist.Core.Tests.Time;
using Annalist.Core.Text;
using Annalist.Core.Time;
using BenchmarkDotNet.Attributes;

namespace Annalist.Benchmarks;

/// <summary>
/// The timexes layer alone (tokenizing, recognizing, anchoring) over a text corpus: the TBAQ-train and
/// WikiWars texts when <c>../shared</c> is present, otherwise a built-in sample. <c>timex-words</c> on the
/// command line prints words per second without BenchmarkDotNet.
/// </summary>
[MemoryDiagnoser]
public class TimexBenchmark
{
    private string[] _texts = [];
    private readonly TimexAnnotator _annotator = new();
    private readonly DocumentMetadata _metadata = new() { Date = "1998-01-08" };

    public long Words { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _texts = BenchCorpus.Load();
        Words = _texts.Sum(BenchCorpus.CountWords);
    }

    [Benchmark]
    public int RecognizeCorpus()
    {
        int count = 0;
        foreach (string text in _texts) count += _annotator.Recognize(text, _metadata).Count;
        return count;
    }

    /// <summary>Runs the corpus for a few seconds on one thread and prints words per second.</summary>
    public static int PrintWordsPerSecond()
    {
        var benchmark = new TimexBenchmark();
        benchmark.Setup();
        benchmark.RecognizeCorpus();
        var watch = Stopwatch.StartNew();
        int rounds = 0;
        long timexes = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(5))
        {
            timexes += benchmark.RecognizeCorpus();
            rounds++;
        }
        double seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"{benchmark._texts.Length} texts, {benchmark.Words:N0} words, {rounds} rounds in {seconds:F1} s: {benchmark.Words * rounds / seconds:N0} words/s on one thread ({timexes / rounds:N0} timexes a round)");
        return 0;
    }
}

internal static class BenchCorpus
{
    public static string[] Load()
    {
        string? shared = FindShared();
        if (shared is not null)
        {
            string timeml = Path.Combine(shared, "corpora", "timeml");
            var files = Directory.EnumerateFiles(Path.Combine(timeml, "te3-train-TBAQ-cleaned"), "*.tml", SearchOption.AllDirectories)
                .Concat(Directory.EnumerateFiles(Path.Combine(timeml, "wikiwars", "WikiWars_20120218_v104", "keyinline"), "*.key.xml")
                    .Where(f => int.TryParse(Path.GetFileName(f)[..2], out int n) && n <= 16))
                .Order(StringComparer.Ordinal);
            return files.Select(f => TimeMlDocument.Load(f).Text).ToArray();
        }
        const string sample = "The delegation left the capital on March 2, 1950 and reached the border on the 14th of the same month. "
            + "Two days later, at 11pm, the talks began; they went on from 23 o'clock until 3 o'clock in the morning. "
            + "The army of 400 men had been in the field since 1939 and was supplied twice a year. Recently the situation changed. ";
        return Enumerable.Repeat(sample, 2000).ToArray();
    }

    public static long CountWords(string text)
    {
        long words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }

    private static string? FindShared()
    {
        string? env = Environment.GetEnvironmentVariable("ANNALIST_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        for (string? folder = AppContext.BaseDirectory; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "Annalist.sln")))
            {
                string candidate = Path.GetFullPath(Path.Combine(folder, "..", "shared"));
                return Directory.Exists(Path.Combine(candidate, "corpora", "timeml")) ? candidate : null;
            }
        }
        return null;
    }
}
