using System.IO.Compression;
using Annalist.Core.Errors;
using Annalist.Formats.Readers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Annalist.Formats.Tests.Readers;

public class DocxReaderTests
{
    [Fact]
    public void Paragraphs_and_table_cells_are_read_in_order_with_tabs_and_breaks()
    {
        byte[] docx = MakeDocx(body =>
        {
            body.Append(Para(new Run(new Text("Memorandum of conversation"))));
            body.Append(Para(new Run(new Text("Present:"), new TabChar(), new Text("the envoy")), new Run(new Break(), new Text("and his aide"))));
            body.Append(Para());
            body.Append(new Table(new TableRow(new TableCell(Para(new Run(new Text("Item")))), new TableCell(Para(new Run(new Text("Count")))))));
            body.Append(Para(new Run(new Text("Kept ") { Space = SpaceProcessingModeValues.Preserve }), new DeletedRun(new DeletedText("struck out")), new Run(new Text("text."))));
        }, title: "A test memorandum");

        var result = new DocxReader().Read(docx, "memo.docx", "/records/memo.docx");
        Assert.Equal("Memorandum of conversation\n\nPresent:\tthe envoy\nand his aide\n\nItem\n\nCount\n\nKept text.", result.Document.Text);
        Assert.Equal("A test memorandum", result.Document.Metadata.Title);
        Assert.Equal("/records/memo.docx", result.Document.Metadata.Source);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_unpacked()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = archive.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            byte[] spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (int i = 0; i < 8; i++) part.Write(spaces);
        }
        Assert.True(buffer.Length < 100_000);

        var error = Assert.Throws<AnnalistException>(() => new DocxReader(maxExpandedBytes: 4 << 20).Read(buffer.ToArray(), "bomb.docx"));
        Assert.Equal(ErrorCatalogue.ArchiveTooLarge.Code, error.Code);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x68, 0x65, 0x6C, 0x6C, 0x6F })]
    public void Bytes_that_are_not_a_word_document_give_a_code(byte[] bytes)
    {
        var error = Assert.Throws<AnnalistException>(() => new DocxReader().Read(bytes, "fake.docx"));
        Assert.Equal(ErrorCatalogue.NotAWordDocument.Code, error.Code);
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_gives_a_code()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("notes.txt").Open());
            writer.Write("just notes");
        }
        var error = Assert.Throws<AnnalistException>(() => new DocxReader().Read(buffer.ToArray(), "notes.docx"));
        Assert.Equal(ErrorCatalogue.NotAWordDocument.Code, error.Code);
    }

    internal static byte[] MakeDocx(Action<Body> fill, string? title = null)
    {
        using var buffer = new MemoryStream();
        using (var word = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body();
            fill(body);
            main.Document = new Document(body);
            if (title is not null) word.PackageProperties.Title = title;
        }
        return buffer.ToArray();
    }

    private static Paragraph Para(params OpenXmlElement[] children) => new(children);
}
