namespace Annalist.Formats.Readers;

/// <summary>The opening bytes of common binary formats that are never plain text.</summary>
internal static class BinarySignatures
{
    private static readonly (byte[] Magic, string Kind)[] Known =
    [
        ("%PDF-"u8.ToArray(), "a PDF file"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (DOCX, ODT and EPUB files are ZIP archives too)"),
        ([0x50, 0x4B, 0x05, 0x06], "an empty ZIP archive"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Microsoft Office file"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF87a"u8.ToArray(), "a GIF image"),
        ("GIF89a"u8.ToArray(), "a GIF image"),
        ([0x49, 0x49, 0x2A, 0x00], "a TIFF image"),
        ([0x4D, 0x4D, 0x00, 0x2A], "a TIFF image"),
        ([0x1F, 0x8B], "a gzip archive"),
        ([0x42, 0x5A, 0x68], "a bzip2 archive"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz archive"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        ("Rar!"u8.ToArray(), "a RAR archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
        ("SQLite format 3\0"u8.ToArray(), "an SQLite database"),
    ];

    /// <summary>What kind of binary file <paramref name="bytes"/> begins like, or null.</summary>
    public static string? Recognize(ReadOnlySpan<byte> bytes)
    {
        foreach (var (magic, kind) in Known)
        {
            if (bytes.StartsWith(magic)) return kind;
        }
        return null;
    }
}
