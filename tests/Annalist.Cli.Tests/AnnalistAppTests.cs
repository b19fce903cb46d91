using Spectre.Console.Cli;

namespace Annalist.Cli.Tests;

public sealed class AnnalistAppTests
{
    [Theory]
    [InlineData(80)]
    [InlineData(160)]
    public void Bare_annalist_prints_help_with_no_line_padded_with_blanks(int width)
    {
        string help = Help(width);
        Assert.Contains("COMMANDS:", help, StringComparison.Ordinal);
        Assert.Contains("analyze", help, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', help);
        string[] lines = help.Split('\n');
        Assert.All(lines, line => Assert.False(line.TrimEnd('\r').EndsWith(' '), $"padded: '{line}'"));
        Assert.All(lines, line => Assert.True(line.TrimEnd('\r').Length <= width, $"wider than {width}: '{line}'"));
    }

    [Fact]
    public void A_command_help_is_unpadded_too() =>
        Assert.All(Help(160, "analyze", "--help").Split('\n'), line => Assert.False(line.TrimEnd('\r').EndsWith(' ')));

    /// <summary>Spectre reads descriptions as markup: an unescaped bracket there makes --help an internal error.</summary>
    [Theory]
    [InlineData("analyze")]
    [InlineData("ingest")]
    [InlineData("search")]
    [InlineData("entities")]
    [InlineData("entities", "list")]
    [InlineData("entities", "show")]
    [InlineData("entities", "merge")]
    [InlineData("entities", "split")]
    [InlineData("correct")]
    [InlineData("export")]
    [InlineData("serve")]
    [InlineData("ledger")]
    [InlineData("timeline")]
    [InlineData("bench")]
    [InlineData("eval")]
    [InlineData("eval", "timeml")]
    [InlineData("eval", "ner")]
    [InlineData("eval", "ud")]
    [InlineData("eval", "frus")]
    [InlineData("eval", "quotes")]
    [InlineData("eval", "coref")]
    [InlineData("train")]
    [InlineData("train", "tagger")]
    [InlineData("train", "parser")]
    [InlineData("train", "ner")]
    [InlineData("train", "ner-clusters")]
    [InlineData("train", "quotes")]
    [InlineData("train", "coref")]
    [InlineData("train", "truecase")]
    public void Every_command_has_help_that_renders(params string[] command)
    {
        string help = Help(160, [.. command, "--help"]);
        Assert.Contains("USAGE:", help, StringComparison.Ordinal);
        Assert.Contains("OPTIONS:", help, StringComparison.Ordinal);
    }

    private static string Help(int width, params string[] args)
    {
        using var output = new StringWriter();
        var services = new AnnalistServices(new CommandStreams(AnnalistApp.HelpConsole(TextWriter.Null, width), Stream.Null, TextWriter.Null, errorIsInteractive: false));
        var app = new CommandApp();
        app.Configure(config =>
        {
            AnnalistApp.Configure(config, services);
            config.ConfigureConsole(AnnalistApp.HelpConsole(output, width));
        });
        Assert.Equal(0, app.Run(AnnalistApp.NormalizeArguments(args)));
        return output.ToString();
    }
}
