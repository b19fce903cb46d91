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
}
