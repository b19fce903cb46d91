namespace Annalist.Formats.Readers;

/// <summary>The names readers record in <c>DocumentMetadata.Encoding</c>.</summary>
public static class TextEncodingName
{
    /// <summary>UTF-8 without a byte order mark (also any pure ASCII file).</summary>
    public const string Utf8 = "utf-8";

    /// <summary>UTF-8 that began with the byte order mark EF BB BF (not part of the text).</summary>
    public const string Utf8WithBom = "utf-8-bom";

    public const string Utf16LittleEndian = "utf-16le";

    public const string Utf16BigEndian = "utf-16be";

    public const string Utf32LittleEndian = "utf-32le";

    public const string Utf32BigEndian = "utf-32be";
}
