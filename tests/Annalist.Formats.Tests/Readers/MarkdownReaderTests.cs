using System.Text;
using Annalist.Formats.Readers;

namespace Annalist.Formats.Tests.Readers;

public class MarkdownReaderTests
{
    [Theory]
    [InlineData("# Talks on the harbour lease\n\nText.", "Talks on the harbour lease")]
    [InlineData("\n\n  # Spaced heading  \nText.", "Spaced heading")]
    [InlineData("# Closed heading ##\n", "Closed heading")]
    [InlineData("# C# in a title\n", "C# in a title")]
    [InlineData("\r\n# Windows line ends\r\nText.", "Windows line ends")]
    public void A_leading_level_one_heading_is_the_title(string markdown, string title)
    {
        var document = new MarkdownReader().Read(Encoding.UTF8.GetBytes(markdown), "note.md").Document;
        Assert.Equal(title, document.Metadata.Title);
        Assert.Equal(markdown, document.Text);
    }

    [Theory]
    [InlineData("Text first.\n# Heading later\n")]
    [InlineData("## Level two\n")]
    [InlineData("#NoSpace\n")]
    [InlineData("    # Indented code\n")]
    [InlineData("# \n")]
    [InlineData("")]
    public void Without_a_leading_level_one_heading_there_is_no_title(string markdown)
    {
        var document = new MarkdownReader().Read(Encoding.UTF8.GetBytes(markdown), "note.md").Document;
        Assert.Null(document.Metadata.Title);
    }

    [Fact]
    public void Markdown_is_decoded_like_text()
    {
        var encoding = new UnicodeEncoding(bigEndian: true, byteOrderMark: true);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes("# Title\n*emphasis* stays\n")];
        var document = new MarkdownReader().Read(bytes, "n.md").Document;
        Assert.Equal("# Title\n*emphasis* stays\n", document.Text);
        Assert.Equal(TextEncodingName.Utf16BigEndian, document.Metadata.Encoding);
        Assert.Equal("Title", document.Metadata.Title);
    }
}
