namespace Annalist.Cli.Tests;

public sealed class TrailingBlankTrimmingWriterTests
{
    [Fact]
    public void Blanks_at_a_line_end_are_dropped_and_blanks_inside_a_line_kept()
    {
        using var inner = new StringWriter();
        using (var writer = new TrailingBlankTrimmingWriter(inner))
        {
            writer.Write("a  b   ");
            writer.Write("\t\r\n");
            writer.Write("  c");
            writer.Write(' ');
            writer.Write("d    \n    ");
        }
        Assert.Equal("a  b\r\n  c d\n", inner.ToString());
    }
}
