using System.Text.Json;

namespace Annalist.Cli.Tests.Commands;

public class BenchCommandTests
{
    [Fact]
    public void Reports_speed_and_every_component_as_json()
    {
        using var cli = new CliHarness();
        int exit = cli.Run("bench", CliHarness.Example("memorandum-grain-talks.txt"), "--repeat", "3", "--warm-up", "0", "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(cli.Stdout);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("documents").GetInt32());
        Assert.True(root.GetProperty("words").GetInt64() > 0);
        var run = root.GetProperty("runs")[0];
        Assert.Equal(1, run.GetProperty("cores").GetInt32());
        Assert.True(run.GetProperty("words_per_second").GetDouble() > 0);
        Assert.True(run.GetProperty("processor_seconds").GetDouble() > 0);
        Assert.True(run.GetProperty("words_per_processor_second").GetDouble() > 0);
        Assert.Equal(1, root.GetProperty("warm_up").GetProperty("documents").GetInt32());
        var components = run.GetProperty("components").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("tokens.v1", components);
        Assert.Contains("sentences.v1", components);
        Assert.Empty(root.GetProperty("peers").EnumerateArray());
    }

    [Fact]
    public void A_text_report_names_the_pipeline_components()
    {
        using var cli = new CliHarness();
        Assert.Equal(0, cli.Run("bench", CliHarness.Example("memorandum-grain-talks.txt"), "--warm-up", "0.5"));
        Assert.Contains("words/s", cli.ConsoleOutput);
        Assert.Contains("words per processor-s", cli.ConsoleOutput);
        Assert.Contains(cli.StderrLines, line => line.StartsWith("Warmed up (untimed) on", StringComparison.Ordinal));
        Assert.Contains("tokens.v1", cli.ConsoleOutput);
    }

    [Fact]
    public void Nothing_to_read_is_a_coded_error()
    {
        using var cli = new CliHarness();
        int exit = cli.Run("bench", "missing.txt");
        Assert.Equal(2, exit);
        Assert.Contains(cli.StderrLines, line => line.StartsWith("ANL1001", StringComparison.Ordinal));
    }

    [Fact]
    public void A_warm_up_out_of_range_is_refused()
    {
        using var cli = new CliHarness();
        Assert.NotEqual(0, cli.Run("bench", CliHarness.Example("memorandum-grain-talks.txt"), "--warm-up", "-1"));
        Assert.Contains(cli.StderrLines, line => line.StartsWith("ANL1007", StringComparison.Ordinal));
    }

    [Fact]
    public void Repeat_out_of_range_is_refused()
    {
        using var cli = new CliHarness();
        Assert.NotEqual(0, cli.Run("bench", CliHarness.Example("memorandum-grain-talks.txt"), "--repeat", "0"));
        Assert.Contains(cli.StderrLines, line => line.StartsWith("ANL1007", StringComparison.Ordinal));
    }
}
