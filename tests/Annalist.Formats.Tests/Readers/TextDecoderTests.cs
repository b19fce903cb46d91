using System.Text;
using Annalist.Core.Errors;
using Annalist.Formats.Readers;

namespace Annalist.Formats.Tests.Readers;

public class TextDecoderTests
{
    private const string Sample = "The envoy wrote: “Grain—200 tonnes—by Tuesday.” Ça va. 𝔄\r\nNext line.\rOld Mac line.\n";

    [Fact]
    public void Utf8_without_bom_is_decoded_exactly()
    {
        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(Sample), "x.txt");
        Assert.Equal(Sample, decoded.Text);
        Assert.Equal(TextEncodingName.Utf8, decoded.Encoding);
        Assert.Equal(0, decoded.ByteOrderMarkLength);
    }

    [Fact]
    public void Utf8_bom_is_recorded_and_left_out_of_the_text()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Sample)];
        var decoded = TextDecoder.Decode(bytes, "x.txt");
        Assert.Equal(Sample, decoded.Text);
        Assert.Equal(TextEncodingName.Utf8WithBom, decoded.Encoding);
        Assert.Equal(3, decoded.ByteOrderMarkLength);
    }

    public static TheoryData<string, string> BomEncodings => new()
    {
        { "utf-16le", TextEncodingName.Utf16LittleEndian },
        { "utf-16be", TextEncodingName.Utf16BigEndian },
        { "utf-32le", TextEncodingName.Utf32LittleEndian },
        { "utf-32be", TextEncodingName.Utf32BigEndian },
    };

    [Theory]
    [MemberData(nameof(BomEncodings))]
    public void Unicode_encodings_with_a_bom_are_decoded_exactly(string netName, string expectedName)
    {
        var encoding = netName switch
        {
            "utf-16le" => (Encoding)new UnicodeEncoding(false, true),
            "utf-16be" => new UnicodeEncoding(true, true),
            "utf-32le" => new UTF32Encoding(false, true),
            _ => new UTF32Encoding(true, true),
        };
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(Sample)];
        var decoded = TextDecoder.Decode(bytes, "x.txt");
        Assert.Equal(Sample, decoded.Text);
        Assert.Equal(expectedName, decoded.Encoding);
        Assert.Equal(encoding.GetPreamble().Length, decoded.ByteOrderMarkLength);
    }

    [Fact]
    public void Newlines_are_not_normalized()
    {
        var decoded = TextDecoder.Decode("a\r\nb\rc\n\r\n"u8, "x.txt");
        Assert.Equal("a\r\nb\rc\n\r\n", decoded.Text);
    }

    [Fact]
    public void Unicode_is_not_normalized()
    {
        string decomposed = "Cafe\u0301";
        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(decomposed), "x.txt");
        Assert.Equal(decomposed, decoded.Text);
        Assert.Equal(5, decoded.Text.Length);
    }

    [Fact]
    public void Empty_input_is_an_empty_text()
    {
        var decoded = TextDecoder.Decode([], "x.txt");
        Assert.Equal("", decoded.Text);
        Assert.Equal(TextEncodingName.Utf8, decoded.Encoding);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x62, 0x63, 0xFF, 0x64 }, 3)]
    [InlineData(new byte[] { 0xC3 }, 0)]
    [InlineData(new byte[] { 0x61, 0xE2, 0x80 }, 1)]
    [InlineData(new byte[] { 0x61, 0xC0, 0xAF }, 1)]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, 0)]
    public void Invalid_utf8_is_refused_naming_the_byte_offset(byte[] bytes, int offset)
    {
        var error = Assert.Throws<AnnalistException>(() => TextDecoder.Decode(bytes, "notes.txt"));
        Assert.Equal("ANL1003", error.Code);
        Assert.Contains($"at byte {offset}.", error.Message);
        Assert.Contains("notes.txt", error.Message);
    }

    [Fact]
    public void Invalid_utf8_offset_counts_the_bom_and_bytes_past_the_first_validation_chunk()
    {
        var prefix = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("ä€ word ", 30_000)));
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. prefix, 0xFE, 0x41];
        var error = Assert.Throws<AnnalistException>(() => TextDecoder.Decode(bytes, "long.txt"));
        Assert.Equal("ANL1003", error.Code);
        Assert.Contains($"at byte {3 + prefix.Length}.", error.Message);
    }

    [Fact]
    public void Utf16_with_an_unpaired_surrogate_is_refused_at_its_byte()
    {
        byte[] bytes = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00];
        var error = Assert.Throws<AnnalistException>(() => TextDecoder.Decode(bytes, "u.txt"));
        Assert.Equal("ANL1003", error.Code);
        Assert.Contains("at byte 4.", error.Message);
    }

    [Fact]
    public void Utf16_with_an_odd_byte_count_is_refused_at_the_last_byte()
    {
        byte[] bytes = [0xFE, 0xFF, 0x00, 0x41, 0x00];
        var error = Assert.Throws<AnnalistException>(() => TextDecoder.Decode(bytes, "u.txt"));
        Assert.Equal("ANL1003", error.Code);
        Assert.Contains("at byte 4.", error.Message);
    }

    [Fact]
    public void Utf32_with_a_value_beyond_unicode_is_refused_at_its_byte()
    {
        byte[] bytes = [0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00, 0x00, 0x00, 0x11, 0x00];
        var error = Assert.Throws<AnnalistException>(() => TextDecoder.Decode(bytes, "u.txt"));
        Assert.Equal("ANL1003", error.Code);
        Assert.Contains("at byte 8.", error.Message);
    }

    [Fact]
    public void A_nul_byte_marks_a_binary_file()
    {
        byte[] bytes = [0x61, 0x62, 0x00, 0x63];
        var error = Assert.Throws<AnnalistException>(() => TextDecoder.Decode(bytes, "data.txt"));
        Assert.Equal("ANL1002", error.Code);
        Assert.Contains("byte 2", error.Message);
    }

    [Theory]
    [InlineData(false, "little-endian")]
    [InlineData(true, "big-endian")]
    public void Utf16_without_a_byte_order_mark_is_refused_with_a_hint(bool bigEndian, string order)
    {
        byte[] bytes = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes("Minutes of the meeting held on 4 May.");
        var error = Assert.Throws<AnnalistException>(() => TextDecoder.Decode(bytes, "wide.txt"));
        Assert.Equal("ANL1002", error.Code);
        Assert.Contains($"UTF-16 ({order}) without a byte-order mark", error.Message);
    }

    [Fact]
    public void A_binary_file_with_scattered_nuls_gets_no_utf16_hint()
    {
        byte[] bytes = [0x61, 0x00, 0x00, 0x62, 0x63, 0x64, 0x00, 0x65, 0x66, 0x67, 0x68, 0x69];
        var error = Assert.Throws<AnnalistException>(() => TextDecoder.Decode(bytes, "data.txt"));
        Assert.DoesNotContain("UTF-16", error.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "PDF")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14 }, "ZIP")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "PNG")]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08 }, "gzip")]
    public void Binary_signatures_are_refused_with_their_kind(byte[] bytes, string kind)
    {
        var error = Assert.Throws<AnnalistException>(() => TextDecoder.Decode(bytes, "scan.txt"));
        Assert.Equal("ANL1002", error.Code);
        Assert.Contains(kind, error.Message);
    }

    [Fact]
    public void Text_that_merely_starts_with_letters_of_a_signature_is_text()
    {
        var decoded = TextDecoder.Decode("PK is the ambassador's initials."u8, "x.txt");
        Assert.StartsWith("PK is", decoded.Text);
    }
}
