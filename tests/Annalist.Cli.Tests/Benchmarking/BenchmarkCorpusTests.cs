using Annalist.Cli.Benchmarking;
using Annalist.Core.Text;
using SharedData = Annalist.Tests.SharedData;

namespace Annalist.Cli.Tests.Benchmarking;

public class BenchmarkCorpusTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("one", 1)]
    [InlineData(" one  two\nthree\t", 3)]
    [InlineData("“Quoted,” he said — 400,000 rifles.", 6)]
    public void Words_are_runs_of_non_white_space(string text, long words) =>
        Assert.Equal(words, BenchmarkCorpus.CountWords(text));

    [Fact]
    public void Size_sums_over_documents_in_utf8()
    {
        var corpus = new BenchmarkCorpus([new SourceDocument("a", "a b"), new SourceDocument("b", "é")]);
        Assert.Equal(3, corpus.Words);
        Assert.Equal(5, corpus.Utf8Bytes);
    }

    [Fact]
    public void Peers_folder_is_found_above_a_subfolder()
    {
        string start = Path.Combine(SharedData.RepositoryRoot, "src", "Annalist.Cli");
        Assert.Equal(Path.Combine(SharedData.RepositoryRoot, "bench", "peers"), PeerRunner.Find(start));
        Assert.Null(PeerRunner.Find(Path.GetTempPath()));
    }
}
