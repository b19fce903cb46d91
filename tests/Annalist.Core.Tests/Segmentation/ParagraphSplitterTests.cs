using Annalist.Core.Segmentation;
using Annalist.Core.Text;

namespace Annalist.Core.Tests.Segmentation;

public sealed class ParagraphSplitterTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\u2028")]
    [InlineData("\u0085")]
    public void Any_line_end_doubled_separates_paragraphs(string lineEnd)
    {
        string text = $"One line{lineEnd}and its next.{lineEnd}{lineEnd}Second.{lineEnd}";
        var paragraphs = Texts(text, out var style);
        Assert.Equal([$"One line{lineEnd}and its next.", "Second."], paragraphs);
        Assert.Equal(ParagraphStyle.BlankLines, style);
    }

    [Fact]
    public void Blank_line_of_spaces_between_crlf_lines_separates()
    {
        Assert.Equal(["First.", "Second."], Texts("First.\r\n \t \r\nSecond.", out _));
    }

    [Theory]
    [InlineData("\f")]
    [InlineData("\n\f\n")]
    [InlineData("\u2029")]
    public void Form_feed_and_paragraph_separator_end_a_paragraph(string separator)
    {
        Assert.Equal(["Page one ends here.", "Page two begins."], Texts($"Page one ends here.{separator}Page two begins.", out _));
    }

    [Fact]
    public void Text_without_blank_lines_whose_lines_end_sentences_has_one_paragraph_per_line()
    {
        var paragraphs = Texts("The first entry ends here.\nThe second entry, a little longer, ends here too.\nA third.", out var style);
        Assert.Equal(3, paragraphs.Count);
        Assert.Equal(ParagraphStyle.LinePerParagraph, style);
    }

    [Fact]
    public void Hard_wrapped_text_without_blank_lines_breaks_after_short_lines_and_before_indents()
    {
        string text =
            "The envoy came to the office at noon and spoke at some length\n" +
            "of the supplies that had been promised to his government in\n" +
            "the spring.\n" +
            "    Then he turned to the question of the railway, which he said\n" +
            "had been closed for repairs for most of the winter and was open\n" +
            "again only to freight.";
        var paragraphs = Texts(text, out var style);
        Assert.Equal(ParagraphStyle.HardWrapped, style);
        Assert.Equal(2, paragraphs.Count);
        Assert.StartsWith("Then he turned", paragraphs[1]);
    }

    [Fact]
    public void Spans_exclude_surrounding_blank_lines_and_spaces()
    {
        var spans = new List<TextSpan>();
        ParagraphSplitter.Split("\n\n  Alpha  \n\n\nBeta", spans, out _);
        Assert.Equal([new TextSpan(4, 9), new TextSpan(14, 18)], spans);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\r\n\t\f ")]
    public void Empty_or_blank_text_has_no_paragraphs(string text)
    {
        Assert.Empty(Texts(text, out var style));
        Assert.Equal(ParagraphStyle.Single, style);
    }

    private static List<string> Texts(string text, out ParagraphStyle style)
    {
        var spans = new List<TextSpan>();
        style = ParagraphSplitter.Split(text, spans, out _);
        return spans.Select(s => text.Substring(s.Start, s.Length)).ToList();
    }
}
