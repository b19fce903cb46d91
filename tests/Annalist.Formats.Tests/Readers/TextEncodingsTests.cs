using System.Text;
using Annalist.Core.Errors;
using Annalist.Formats.Readers;

namespace Annalist.Formats.Tests.Readers;

public class TextEncodingsTests
{
    // "Café – ‘the Consul’s’ note" in Windows-1252: é E9, en dash 96, quotes 91/92.
    private static readonly byte[] Windows1252 = [0x43, 0x61, 0x66, 0xE9, 0x20, 0x96, 0x20, 0x91, 0x74, 0x68, 0x65, 0x20, 0x43, 0x6F, 0x6E, 0x73, 0x75, 0x6C, 0x92, 0x73, 0x92, 0x20, 0x6E, 0x6F, 0x74, 0x65];

    [Theory]
    [InlineData("windows-1252")]
    [InlineData("cp1252")]
    [InlineData("Windows-1252")]
    public void Windows_1252_text_is_decoded_with_its_quotes_and_dashes(string name)
    {
        var decoded = TextDecoder.Decode(Windows1252, "note.txt", TextEncodings.Resolve(name));
        Assert.Equal("Café – ‘the Consul’s’ note", decoded.Text);
        Assert.Equal("windows-1252", decoded.Encoding);
    }

    [Theory]
    [InlineData("latin1")]
    [InlineData("latin-1")]
    [InlineData("iso-8859-1")]
    public void Latin1_names_decode_accented_letters(string name)
    {
        byte[] bytes = [0x43, 0x61, 0x66, 0xE9, 0x20, 0xC7, 0x61];
        Assert.Equal("Café Ça", TextDecoder.Decode(bytes, "note.txt", TextEncodings.Resolve(name)).Text);
    }

    [Fact]
    public void Without_an_encoding_the_same_bytes_are_ANL1003_and_the_message_names_the_option()
    {
        var error = Assert.Throws<AnnalistException>(() => TextDecoder.Decode(Windows1252, "note.txt", null));
        Assert.Equal("ANL1003", error.Code);
        Assert.Contains("--encoding windows-1252", error.Message);
    }

    [Fact]
    public void A_byte_order_mark_still_selects_its_own_encoding()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Café")];
        var decoded = TextDecoder.Decode(bytes, "note.txt", TextEncodings.Resolve("windows-1252"));
        Assert.Equal("Café", decoded.Text);
        Assert.Equal(TextEncodingName.Utf8WithBom, decoded.Encoding);
    }

    [Fact]
    public void Naming_utf8_keeps_the_strict_utf8_check()
    {
        var error = Assert.Throws<AnnalistException>(() => TextDecoder.Decode(Windows1252, "note.txt", TextEncodings.Resolve("utf-8")));
        Assert.Equal("ANL1003", error.Code);
    }

    [Fact]
    public void A_nul_byte_in_a_one_byte_encoding_is_binary()
    {
        var error = Assert.Throws<AnnalistException>(() => TextDecoder.Decode([0x41, 0x00, 0x42], "x.txt", TextEncodings.Resolve("windows-1252")));
        Assert.Equal("ANL1002", error.Code);
    }

    [Theory]
    [InlineData("klingon-7")]
    [InlineData(" ")]
    public void An_unknown_name_is_ANL1012(string name)
    {
        var error = Assert.Throws<AnnalistException>(() => TextEncodings.Resolve(name));
        Assert.Equal("ANL1012", error.Code);
    }

    [Fact]
    public void The_readers_decode_text_and_markdown_with_the_option()
    {
        var readers = new DocumentReaders(new DocumentReaderOptions { TextEncoding = TextEncodings.Resolve("windows-1252") });
        Assert.Equal("Café – ‘the Consul’s’ note", readers.For("a.txt").Read(Windows1252, "a.txt").Document.Text);
        Assert.Equal("windows-1252", readers.For("a.md").Read(Windows1252, "a.md").Document.Metadata.Encoding);
    }
}
