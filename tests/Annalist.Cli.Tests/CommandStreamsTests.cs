using Spectre.Console;

namespace Annalist.Cli.Tests;

public sealed class CommandStreamsTests
{
    [Theory]
    [InlineData("200", 200)]
    [InlineData("40", 40)]
    [InlineData(null, 160)]
    [InlineData("", 160)]
    [InlineData("wide", 160)]
    [InlineData("10", 160)]
    [InlineData("100000", 160)]
    public void Redirected_output_is_as_wide_as_COLUMNS_says_or_wide_enough_for_tables(string? columns, int expected) =>
        Assert.Equal(expected, CommandStreams.RedirectedWidth(columns));

    [Fact]
    public void Redirected_output_has_no_line_ending_in_a_blank_where_a_long_line_wraps()
    {
        using var text = new StringWriter();
        var console = CommandStreams.RedirectedConsole(text, 40);
        console.MarkupLine("[grey]a line[/] of plain words long enough to be wrapped by the console at forty columns, twice over");
        var lines = text.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        Assert.True(lines.Count >= 2, text.ToString());
        Assert.All(lines, line => Assert.False(line.EndsWith(' '), $"padded: '{line}'"));
        Assert.All(lines, line => Assert.True(line.Length <= 40, line));
        Assert.DoesNotContain('\u001b', text.ToString());
    }
}
