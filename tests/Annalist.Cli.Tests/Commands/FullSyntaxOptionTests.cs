using System.Text.Json;

namespace Annalist.Cli.Tests.Commands;

public sealed class FullSyntaxOptionTests
{
    // The first sentence holds no event trigger, so by default it is left unparsed.
    private const string Text = "The weather in the valley was cold and grey all week.\n\nThe minister promised to send two hundred blankets to the village.\n";

    [Fact]
    public void By_default_a_sentence_no_consumer_reads_is_left_unparsed()
    {
        var heads = Heads(run: cli => cli.Run("analyze", cli.File("note.txt", Text), "--format", "json"));
        Assert.Contains(heads, h => h.Deprel == "_");
    }

    [Fact]
    public void With_the_option_every_token_has_a_relation_and_each_sentence_one_root()
    {
        var heads = Heads(run: cli => cli.Run("analyze", cli.File("note.txt", Text), "--format", "json", "--full-syntax"));
        Assert.DoesNotContain(heads, h => h.Deprel == "_");
        Assert.Equal(2, heads.Count(h => h.Head == -1));
    }

    [Fact]
    public void Export_of_a_store_refuses_the_option()
    {
        using var cli = new CliHarness();
        Assert.NotEqual(0, cli.Run("export", "--format", "json", "--db", Path.Combine(cli.Folder, "c.db"), "--full-syntax"));
        Assert.Contains("--full-syntax", cli.Stderr, StringComparison.Ordinal);
    }

    private static List<(int Head, string Deprel)> Heads(Func<CliHarness, int> run)
    {
        using var cli = new CliHarness();
        Assert.Equal(0, run(cli));
        using var json = JsonDocument.Parse(cli.Stdout);
        // The dependencies layer is aligned to tokens: its fields sit on each token.
        return json.RootElement.GetProperty("layers").GetProperty("tokens").GetProperty("spans").EnumerateArray()
            .Where(s => s.TryGetProperty("deprel", out _))
            .Select(s => (s.GetProperty("head").GetInt32(), s.GetProperty("deprel").GetString()!)).ToList() is { Count: > 0 } heads
            ? heads : throw new Xunit.Sdk.XunitException("no token carries a dependency relation");
    }
}
