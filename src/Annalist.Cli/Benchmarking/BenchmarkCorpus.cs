using Annalist.Core.Text;

namespace Annalist.Cli.Benchmarking;

/// <summary>
/// The documents a benchmark runs on, and their size counted one way for every tool: words are runs
/// of non-white-space characters, megabytes are of the text encoded as UTF-8.
/// </summary>
public sealed class BenchmarkCorpus
{
    public BenchmarkCorpus(IReadOnlyList<SourceDocument> documents)
    {
        Documents = documents;
        foreach (var document in documents)
        {
            Words += CountWords(document.Text);
            Utf8Bytes += System.Text.Encoding.UTF8.GetByteCount(document.Text);
        }
    }

    public IReadOnlyList<SourceDocument> Documents { get; }

    public long Words { get; }

    public long Utf8Bytes { get; }

    public double Megabytes => Utf8Bytes / 1_000_000.0;

    /// <summary>Runs of characters that are not white space.</summary>
    public static long CountWords(ReadOnlySpan<char> text)
    {
        long words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool space = char.IsWhiteSpace(c);
            if (!space && !inWord) words++;
            inWord = !space;
        }
        return words;
    }
}
