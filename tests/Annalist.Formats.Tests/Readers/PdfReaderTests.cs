using Annalist.Core.Errors;
using Annalist.Formats.Readers;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Annalist.Formats.Tests.Readers;

public class PdfReaderTests
{
    [Fact]
    public void The_text_of_every_page_is_read_in_order()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var first = builder.AddPage(PageSize.A4);
        first.AddText("Report on the harbour", 12, new PdfPoint(40, 780), font);
        first.AddText("The ships left at dawn.", 12, new PdfPoint(40, 760), font);
        builder.AddPage(PageSize.A4).AddText("Second page text.", 12, new PdfPoint(40, 780), font);
        byte[] pdf = builder.Build();

        var document = new PdfReader().Read(pdf, "report.pdf").Document;
        Assert.Contains("Report on the harbour", document.Text, StringComparison.Ordinal);
        Assert.Contains("The ships left at dawn.", document.Text, StringComparison.Ordinal);
        Assert.EndsWith("\n\nSecond page text.", document.Text, StringComparison.Ordinal);
        Assert.True(document.Text.IndexOf("harbour", StringComparison.Ordinal) < document.Text.IndexOf("dawn", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pdf_without_a_text_layer_asks_for_ocr()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.DrawRectangle(new PdfPoint(40, 40), 200, 300);
        builder.AddPage(PageSize.A4);

        var error = Assert.Throws<AnnalistException>(() => new PdfReader().Read(builder.Build(), "scan.pdf"));
        Assert.Equal(ErrorCatalogue.PdfWithoutText.Code, error.Code);
        Assert.Contains("OCR it first", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain words, not a PDF")]
    [InlineData("%PDF-1.7\nbroken beyond repair")]
    public void Bytes_that_are_not_a_pdf_give_a_code(string content)
    {
        var error = Assert.Throws<AnnalistException>(() => new PdfReader().Read(System.Text.Encoding.ASCII.GetBytes(content), "fake.pdf"));
        Assert.Contains(error.Code, new[] { ErrorCatalogue.NotAPdfDocument.Code, ErrorCatalogue.PdfWithoutText.Code });
    }
}
