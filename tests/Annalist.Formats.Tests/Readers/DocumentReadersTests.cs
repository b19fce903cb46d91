using System.Text;
using Annalist.Core.Errors;
using Annalist.Formats.Readers;

namespace Annalist.Formats.Tests.Readers;

public class DocumentReadersTests
{
    [Theory]
    [InlineData("a.txt", typeof(PlainTextReader))]
    [InlineData("a.TXT", typeof(PlainTextReader))]
    [InlineData("a.md", typeof(MarkdownReader))]
    [InlineData("a.markdown", typeof(MarkdownReader))]
    [InlineData("a.log", typeof(PlainTextReader))]
    [InlineData("no-extension", typeof(PlainTextReader))]
    [InlineData("a.docx", typeof(DocxReader))]
    [InlineData("a.PDF", typeof(PdfReader))]
    public void The_reader_is_chosen_by_extension(string path, Type reader)
    {
        Assert.IsType(reader, DocumentReaders.Default.For(path));
    }

    [Theory]
    [InlineData("report.odt")]
    [InlineData("scan.tiff")]
    [InlineData("old.DOC")]
    [InlineData("page.html")]
    [InlineData("page.HTM")]
    public void Kinds_without_a_reader_are_ANL1006(string name)
    {
        using var folder = new TempFolder();
        string path = folder.File(name, "not really"u8.ToArray());
        var error = Assert.Throws<AnnalistException>(() => DocumentReaders.Default.Read(path));
        Assert.Equal("ANL1006", error.Code);
    }

    [Fact]
    public void A_missing_file_is_ANL1001_whatever_its_kind()
    {
        var error = Assert.Throws<AnnalistException>(() => DocumentReaders.Default.Read("absent.pdf"));
        Assert.Equal("ANL1001: File not found: absent.pdf", error.ToOneLine());
    }

    [Fact]
    public void An_unknown_extension_is_read_as_text_when_it_decodes()
    {
        using var folder = new TempFolder();
        var document = DocumentReaders.Default.Read(folder.File("transcript.log", Encoding.UTF8.GetBytes("Q. Where?\nA. Here."))).Document;
        Assert.Equal("Q. Where?\nA. Here.", document.Text);
        var error = Assert.Throws<AnnalistException>(() => DocumentReaders.Default.Read(folder.File("image.dat", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0])));
        Assert.Equal("ANL1002", error.Code);
    }

    [Fact]
    public void The_options_reach_every_reader()
    {
        using var folder = new TempFolder();
        var readers = new DocumentReaders(new DocumentReaderOptions { MaxBytes = 4 });
        foreach (string name in new[] { "a.txt", "a.md", "a.other" })
        {
            var error = Assert.Throws<AnnalistException>(() => readers.Read(folder.File(name, "12345"u8.ToArray())));
            Assert.Equal("ANL1004", error.Code);
        }
    }
}
