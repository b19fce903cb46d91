using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using Annalist.Core.Errors;

namespace Annalist.Formats.Readers;

/// <summary>
/// Decodes the bytes of a text file strictly. A byte order mark selects UTF-8, UTF-16 or UTF-32 (either
/// byte order); without one the bytes must be UTF-8, or be valid in the encoding the user named. Nothing is replaced or normalized: the text is what
/// the bytes say, so offsets map back to the file.
/// </summary>
public static class TextDecoder
{
    private const int ValidationChunkChars = 64 * 1024;

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="displayName"/> names the input in error messages.</summary>
    /// <exception cref="AnnalistException">
    /// ANL1002 when the bytes look binary (a NUL byte in UTF-8, or the signature of a binary format);
    /// ANL1003 when they are not valid in the encoding found, naming the byte offset of the first bad byte.
    /// </exception>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string displayName) => Decode(bytes, displayName, null);

    /// <summary>
    /// Decodes <paramref name="bytes"/> that carry no byte order mark with <paramref name="declared"/> (one from
    /// <see cref="TextEncodings.Resolve"/>; null or UTF-8 for the default).
    /// </summary>
    /// <exception cref="AnnalistException">As <see cref="Decode(ReadOnlySpan{byte}, string)"/>, ANL1003 naming the declared encoding.</exception>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string displayName, Encoding? declared)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
            return new DecodedText(DecodeUtf32(bytes[4..], bigEndian: false, 4, displayName), TextEncodingName.Utf32LittleEndian, 4);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
            return new DecodedText(DecodeUtf32(bytes[4..], bigEndian: true, 4, displayName), TextEncodingName.Utf32BigEndian, 4);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return new DecodedText(DecodeUtf16(bytes[2..], bigEndian: false, 2, displayName), TextEncodingName.Utf16LittleEndian, 2);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new DecodedText(DecodeUtf16(bytes[2..], bigEndian: true, 2, displayName), TextEncodingName.Utf16BigEndian, 2);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return new DecodedText(DecodeUtf8(bytes[3..], 3, displayName), TextEncodingName.Utf8WithBom, 3);

        if (BinarySignatures.Recognize(bytes) is { } kind)
            throw new AnnalistException(ErrorCatalogue.BinaryInput, displayName, "it begins like " + kind);
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage)
            return new DecodedText(DecodeDeclared(bytes, declared, displayName), declared.WebName, 0);
        return new DecodedText(DecodeUtf8(bytes, 0, displayName), TextEncodingName.Utf8, 0);
    }

    private static string DecodeDeclared(ReadOnlySpan<byte> bytes, Encoding encoding, string displayName)
    {
        // A NUL in text of a one-byte encoding means the file is no text at all.
        if (encoding.IsSingleByte && bytes.IndexOf((byte)0) is int nul and >= 0)
            throw new AnnalistException(ErrorCatalogue.BinaryInput, displayName, $"NUL byte at byte {nul}");
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            throw new AnnalistException(ErrorCatalogue.InvalidEncoding, exception, displayName, encoding.WebName, Math.Max(0, exception.Index));
        }
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, int offset, string displayName)
    {
        int nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            string reason = $"NUL byte at byte {offset + nul}";
            if (offset == 0 && LooksLikeUtf16WithoutMark(bytes) is { } bigEndian)
                reason += $"; it looks like UTF-16 ({(bigEndian ? "big" : "little")}-endian) without a byte-order mark: save it as UTF-8, or as UTF-16 with the mark";
            throw new AnnalistException(ErrorCatalogue.BinaryInput, displayName, reason);
        }
        if (!Utf8.IsValid(bytes))
            throw new AnnalistException(ErrorCatalogue.InvalidEncoding, displayName, "UTF-8", offset + FirstInvalidUtf8Byte(bytes));
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>
    /// True (big-endian) or false (little-endian) when the file's start has NUL bytes in nearly every other
    /// position, as text in a Latin script saved as UTF-16 without a byte-order mark has; otherwise null.
    /// </summary>
    internal static bool? LooksLikeUtf16WithoutMark(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..(Math.Min(bytes.Length, 4096) & ~1)];
        if (sample.Length < 8) return null;
        int evenNuls = 0, oddNuls = 0;
        for (int i = 0; i < sample.Length; i += 2)
        {
            if (sample[i] == 0) evenNuls++;
            if (sample[i + 1] == 0) oddNuls++;
        }
        int pairs = sample.Length / 2;
        if (oddNuls * 10 >= pairs * 7 && evenNuls * 10 <= pairs) return false;
        if (evenNuls * 10 >= pairs * 7 && oddNuls * 10 <= pairs) return true;
        return null;
    }

    /// <summary>Decodes chunk by chunk into a pooled buffer until the decoder reports the bad bytes.</summary>
    private static int FirstInvalidUtf8Byte(ReadOnlySpan<byte> bytes)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(ValidationChunkChars);
        try
        {
            int consumed = 0;
            while (true)
            {
                var status = Utf8.ToUtf16(bytes[consumed..], buffer, out int read, out _, replaceInvalidSequences: false, isFinalBlock: true);
                consumed += read;
                if (status != OperationStatus.DestinationTooSmall) return consumed;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> bytes, bool bigEndian, int offset, string displayName)
    {
        int whole = bytes.Length & ~1;
        var units = MemoryMarshal.Cast<byte, char>(bytes[..whole]);
        string text = bigEndian == BitConverter.IsLittleEndian
            ? string.Create(units.Length, bytes[..whole], static (destination, source) => CopySwapped(source, destination))
            : new string(units);
        int bad = FirstUnpairedSurrogate(text);
        if (bad >= 0)
            throw new AnnalistException(ErrorCatalogue.InvalidEncoding, displayName, bigEndian ? "UTF-16 (big-endian)" : "UTF-16 (little-endian)", offset + 2 * bad);
        if (whole != bytes.Length)
            throw new AnnalistException(ErrorCatalogue.InvalidEncoding, displayName, bigEndian ? "UTF-16 (big-endian)" : "UTF-16 (little-endian)", offset + whole);
        return text;
    }

    private static void CopySwapped(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        var source = MemoryMarshal.Cast<byte, ushort>(bytes[..(destination.Length * 2)]);
        BinaryPrimitives.ReverseEndianness(source, MemoryMarshal.Cast<char, ushort>(destination));
    }

    private static string DecodeUtf32(ReadOnlySpan<byte> bytes, bool bigEndian, int offset, string displayName)
    {
        string encodingName = bigEndian ? "UTF-32 (big-endian)" : "UTF-32 (little-endian)";
        int whole = bytes.Length & ~3;
        for (int i = 0; i < whole; i += 4)
        {
            uint value = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes[i..]) : BinaryPrimitives.ReadUInt32LittleEndian(bytes[i..]);
            if (!Rune.IsValid(value))
                throw new AnnalistException(ErrorCatalogue.InvalidEncoding, displayName, encodingName, offset + i);
        }
        if (whole != bytes.Length)
            throw new AnnalistException(ErrorCatalogue.InvalidEncoding, displayName, encodingName, offset + whole);
        return new UTF32Encoding(bigEndian, byteOrderMark: false, throwOnInvalidCharacters: true).GetString(bytes);
    }

    /// <summary>Index of the first surrogate code unit that is not half of a pair, or -1.</summary>
    internal static int FirstUnpairedSurrogate(ReadOnlySpan<char> text)
    {
        int i = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (i < 0) return -1;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return i;
                i += 2;
            }
            else if (char.IsLowSurrogate(c))
            {
                return i;
            }
            else
            {
                int next = text[(i + 1)..].IndexOfAnyInRange('\uD800', '\uDFFF');
                if (next < 0) return -1;
                i += 1 + next;
            }
        }
        return -1;
    }
}
