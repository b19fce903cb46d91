using System.Security.Cryptography;
using System.Text;
using Annalist.Core.Errors;
using Annalist.Formats.Readers;
using Annalist.Tests;

namespace Annalist.Formats.Tests.Readers;

public class PlainTextReaderTests
{
    [Fact]
    public void A_file_becomes_a_document_named_after_it_with_its_path_and_encoding()
    {
        using var folder = new TempFolder();
        string path = folder.File("minutes.txt", [.. Encoding.UTF8.GetPreamble(), .. "Present: the Minister.\r\n"u8.ToArray()]);
        var result = new PlainTextReader().Read(path);
        Assert.Equal("minutes.txt", result.Document.Name);
        Assert.Equal("Present: the Minister.\r\n", result.Document.Text);
        Assert.Equal(path, result.Document.Metadata.Source);
        Assert.Equal(TextEncodingName.Utf8WithBom, result.Document.Metadata.Encoding);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void An_empty_file_is_an_empty_document_with_an_info_diagnostic()
    {
        using var folder = new TempFolder();
        var result = new PlainTextReader().Read(folder.File("empty.txt", []));
        Assert.Equal("", result.Document.Text);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("ANL1008", diagnostic.Code);
        Assert.Equal(Core.Annotations.DiagnosticSeverity.Info, diagnostic.Severity);
    }

    [Fact]
    public void A_missing_file_is_ANL1001()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "absent.txt");
        var error = Assert.Throws<AnnalistException>(() => new PlainTextReader().Read(path));
        Assert.Equal("ANL1001", error.Code);
        Assert.Equal($"ANL1001: File not found: {path}", error.ToOneLine());
    }

    [Fact]
    public void A_missing_folder_in_the_path_is_ANL1001()
    {
        var error = Assert.Throws<AnnalistException>(() => new PlainTextReader().Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "x.txt")));
        Assert.Equal("ANL1001", error.Code);
    }

    [Fact]
    public void A_folder_is_not_a_file()
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<AnnalistException>(() => new PlainTextReader().Read(folder.Path));
        Assert.Equal("ANL1005", error.Code);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_ANL1004_before_it_is_read()
    {
        using var folder = new TempFolder();
        string path = folder.File("big.txt", Encoding.UTF8.GetBytes(new string('a', 101)));
        var reader = new PlainTextReader(new DocumentReaderOptions { MaxBytes = 100 });
        var error = Assert.Throws<AnnalistException>(() => reader.Read(path));
        Assert.Equal("ANL1004", error.Code);
        Assert.Contains("101 bytes", error.Message);
        Assert.Equal("a", reader.Read(folder.File("small.txt", "a"u8.ToArray())).Document.Text);
    }

    [Fact]
    public void The_default_limit_is_generous()
    {
        Assert.True(DocumentReaderOptions.Default.MaxBytes >= 256L * 1024 * 1024);
    }

    [Fact]
    public void Crlf_and_lone_cr_survive_the_round_trip_through_a_file()
    {
        using var folder = new TempFolder();
        const string text = "Line one.\r\nLine two.\rLine three.\n\r\n";
        var document = new PlainTextReader().Read(folder.File("crlf.txt", Encoding.UTF8.GetBytes(text))).Document;
        Assert.Equal(text, document.Text);
        Assert.Equal(5, document.Lines.LineCount);
    }

    [Fact]
    public void A_utf16_file_is_read()
    {
        using var folder = new TempFolder();
        var encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        string path = folder.File("wide.txt", [.. encoding.GetPreamble(), .. encoding.GetBytes("Diary, 3 May: rain.\n")]);
        var document = new PlainTextReader().Read(path).Document;
        Assert.Equal("Diary, 3 May: rain.\n", document.Text);
        Assert.Equal(TextEncodingName.Utf16LittleEndian, document.Metadata.Encoding);
    }

    [Fact]
    public void A_generated_50_MB_text_is_read_exactly()
    {
        using var folder = new TempFolder();
        string text = GeneratedText.OfBytes(50 * 1024 * 1024, seed: 7);
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        Assert.True(bytes.Length >= 50 * 1024 * 1024);
        string path = folder.File("large.txt", bytes);
        var document = new PlainTextReader().Read(path).Document;
        Assert.Equal(text.Length, document.Length);
        Assert.True(text == document.Text, "the decoded text differs from the text written");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), document.Sha256);
    }
}
