using Annalist.Core.Text;
using Annalist.Store.Search;

namespace Annalist.Store.Tests.Search;

public class PassagesTests
{
    [Fact]
    public void Paragraphs_are_runs_of_non_blank_lines_trimmed_and_numbered_from_one()
    {
        const string Text = "  Heading\r\n\r\nFirst line\nsecond line  \n \t \n\nLast";
        var passages = Passages.Split(Text);
        Assert.Equal([1, 2, 3], passages.Select(p => p.Number));
        Assert.Equal(["Heading", "First line\nsecond line", "Last"], passages.Select(p => Text[p.Span.Start..p.Span.End]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public void Blank_text_has_no_paragraphs(string text) => Assert.Empty(Passages.Split(text));

    [Fact]
    public void A_text_ending_without_a_newline_keeps_its_last_paragraph()
    {
        var passage = Assert.Single(Passages.Split("only one"));
        Assert.Equal(new TextSpan(0, 8), passage.Span);
    }
}
