using System.IO.Compression;
using System.Text;
using Annalist.Core.Errors;

namespace Annalist.Core.Syntax;

/// <summary>
/// The container of Annalist's trained models: the magic bytes <c>ANLM</c>, a format version (uint16),
/// the model kind (a length-prefixed UTF-8 string), then a zlib-compressed body of varints, strings and
/// half-precision weights written by the model itself.
/// </summary>
internal static class ModelFormat
{
    public const ushort Version = 1;
    private static readonly byte[] Magic = "ANLM"u8.ToArray();

    public static void Write(Stream stream, string kind, Action<ModelWriter> writeBody)
    {
        using var header = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        header.Write(Magic);
        header.Write(Version);
        header.Write(kind);
        header.Flush();
        using var compressed = new ZLibStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var body = new ModelWriter(new BufferedStream(compressed, 1 << 16));
        writeBody(body);
    }

    /// <exception cref="AnnalistException">The stream is not a model of <paramref name="kind"/> in this format version, or is damaged.</exception>
    public static T Read<T>(Stream stream, string kind, Func<ModelReader, T> readBody)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var header = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (!header.ReadBytes(4).AsSpan().SequenceEqual(Magic)) throw Unreadable(kind, "it does not start with the ANLM signature");
            ushort version = header.ReadUInt16();
            if (version != Version) throw Unreadable(kind, $"format version {version}, but this build reads version {Version}");
            string actualKind = header.ReadString();
            if (actualKind != kind) throw Unreadable(kind, $"it is a '{actualKind}' model");
            using var compressed = new ZLibStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var body = new ModelReader(new BufferedStream(compressed, 1 << 16));
            return readBody(body);
        }
        catch (Exception exception) when (exception is EndOfStreamException or InvalidDataException or IOException or ArgumentOutOfRangeException or DecoderFallbackException)
        {
            throw Unreadable(kind, exception.Message);
        }
    }

    public static AnnalistException Unreadable(string kind, string why) => new(ErrorCatalogue.UnreadableModel, kind, why);
}

/// <summary>Writes the primitive values of a model body.</summary>
internal sealed class ModelWriter : IDisposable
{
    private readonly BinaryWriter _writer;

    public ModelWriter(Stream stream) => _writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: false);

    public void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _writer.Write((byte)(value | 0x80));
            value >>= 7;
        }
        _writer.Write((byte)value);
    }

    public void WriteHalf(float value) => _writer.Write(BitConverter.HalfToUInt16Bits((Half)value));

    public void WriteString(string value) => _writer.Write(value);

    public void WriteStrings(IReadOnlyList<string> values)
    {
        WriteVarint((ulong)values.Count);
        foreach (string value in values) WriteString(value);
    }

    public void Dispose() => _writer.Dispose();
}

/// <summary>Reads what <see cref="ModelWriter"/> wrote; damaged input raises <see cref="InvalidDataException"/>.</summary>
internal sealed class ModelReader : IDisposable
{
    private readonly BinaryReader _reader;

    public ModelReader(Stream stream) => _reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: false);

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = _reader.ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new InvalidDataException("A varint is longer than 64 bits.");
    }

    /// <summary>A varint that must lie in 0..<paramref name="maximum"/>.</summary>
    public int ReadCount(int maximum)
    {
        ulong value = ReadVarint();
        if (value > (ulong)maximum) throw new InvalidDataException($"A count of {value} exceeds the limit {maximum}.");
        return (int)value;
    }

    public float ReadHalf() => (float)BitConverter.UInt16BitsToHalf(_reader.ReadUInt16());

    public string ReadString() => _reader.ReadString();

    public string[] ReadStrings(int maximum = 1 << 20)
    {
        int count = ReadCount(maximum);
        var values = new string[count];
        for (int i = 0; i < count; i++) values[i] = ReadString();
        return values;
    }

    public void Dispose() => _reader.Dispose();
}
