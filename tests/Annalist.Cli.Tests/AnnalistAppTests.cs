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
        Assert.Equal(0, app.Run(args));
        return output.ToString();
    }
}
