using System.Globalization;
using System.Text;
using Annalist.Core.Entities.Authorities;
using Annalist.Core.Errors;
using Annalist.Formats.Readers;
using nietras.SeparatedValues;

namespace Annalist.Formats.Authority;

/// <summary>
/// Reads a user's authority list of people from CSV (RFC 4180, comma, semicolon or tab, told by the header):
/// a header row naming the columns, then one person a row. Columns, in any order and any case:
/// <c>id</c> and <c>name</c> (required, non-empty), <c>variants</c> (other forms separated by <c>|</c>),
/// <c>description</c>, <c>birth</c> and <c>death</c> (years), <c>active</c> (<c>1953-1959</c>, <c>1953-</c>,
/// <c>-1959</c> or <c>1953</c>). Other columns are ignored. The file must be UTF-8 (a byte-order mark is
/// allowed) or UTF-16 with a byte-order mark. Every problem is an <see cref="AnnalistException"/> naming the
/// file and line: ANL1052 missing column, ANL1053 encoding, ANL1054 duplicate id, ANL1055 bad field,
/// ANL1056 malformed CSV.
/// </summary>
public static class AuthorityCsvReader
{
    /// <summary>The largest file read, so that a wrong path (a database dump) fails fast.</summary>
    public const long MaxBytes = 64L << 20;

    private static readonly string[] RequiredColumns = ["id", "name"];

    public static AuthorityList ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw MissingFile.Error(path);
        byte[] bytes;
        try
        {
            long length = new FileInfo(path).Length;
            if (length > MaxBytes) throw new AnnalistException(ErrorCatalogue.InputTooLarge, path, length, MaxBytes);
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new AnnalistException(ErrorCatalogue.UnreadableFile, exception, path, exception.Message);
        }
        return Read(bytes, path);
    }

    /// <summary>Reads <paramref name="bytes"/> of a CSV file; <paramref name="source"/> names it in messages.</summary>
    public static AuthorityList Read(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(source);
        return Read(Decode(bytes, source), source);
    }

    /// <summary>Reads CSV <paramref name="text"/>; <paramref name="source"/> names it in messages.</summary>
    public static AuthorityList Read(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (text.AsSpan().TrimStart().IsEmpty) throw new AnnalistException(ErrorCatalogue.AuthorityMissingColumn, source, "id");
        if (UnterminatedQuoteLine(text) is { } open) throw new AnnalistException(ErrorCatalogue.AuthorityMalformedCsv, source, open, "a quoted field opened here is never closed");
        var entries = new List<AuthorityEntry>();
        var lineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        int line = 1;
        try
        {
            using var reader = Sep.Reader(o => o with
            {
                HasHeader = true,
                Unescape = true,
                Trim = SepTrim.All,
                DisableColCountCheck = true,
                ColNameComparer = StringComparer.OrdinalIgnoreCase,
            }).FromText(text);
            var header = reader.Header;
            foreach (string required in RequiredColumns)
            {
                if (!header.TryIndexOf(required, out _)) throw new AnnalistException(ErrorCatalogue.AuthorityMissingColumn, source, required);
            }
            int Column(string name) => header.TryIndexOf(name, out int index) ? index : -1;
            int id = Column("id"), name = Column("name"), variants = Column("variants"), description = Column("description");
            int birth = Column("birth"), death = Column("death"), active = Column("active");
            foreach (var row in reader)
            {
                line = row.LineNumberFrom;
                if (row.ColCount == 1 && row[0].Span.IsWhiteSpace()) continue;
                var fields = new string?[Math.Max(row.ColCount, 1)];
                for (int c = 0; c < row.ColCount; c++) fields[c] = row[c].Span.IsWhiteSpace() ? null : row[c].ToString();
                string? Field(int index) => index >= 0 && index < fields.Length ? fields[index] : null;
                string entryId = Field(id) ?? throw new AnnalistException(ErrorCatalogue.AuthorityInvalidField, source, line, "the id is empty.");
                string entryName = Field(name) ?? throw new AnnalistException(ErrorCatalogue.AuthorityInvalidField, source, line, $"the name of '{entryId}' is empty.");
                if (lineOfId.TryGetValue(entryId, out int first)) throw new AnnalistException(ErrorCatalogue.AuthorityDuplicateId, source, line, entryId, first);
                lineOfId[entryId] = line;
                var forms = (Field(variants) ?? "").Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var (from, to) = ActiveYears(Field(active), source, line);
                entries.Add(new AuthorityEntry(entryId, entryName, [.. forms.Distinct(StringComparer.Ordinal)], Field(description),
                    Year(Field(birth), "birth", source, line), Year(Field(death), "death", source, line), from, to, line));
            }
        }
        catch (AnnalistException)
        {
            throw;
        }
        catch (Exception exception) when (exception is InvalidDataException or ArgumentException or FormatException or NotSupportedException)
        {
            throw new AnnalistException(ErrorCatalogue.AuthorityMalformedCsv, exception, source, line, exception.Message.ReplaceLineEndings(" "));
        }
        return new AuthorityList(source, entries);
    }

    /// <summary>The line of a quote left open at the end of the text (escaped quotes come in pairs), or null.</summary>
    private static int? UnterminatedQuoteLine(string text)
    {
        bool quoted = false;
        int line = 1, opened = 0;
        foreach (char c in text)
        {
            if (c == '\n') line++;
            else if (c == '"')
            {
                quoted = !quoted;
                if (quoted) opened = line;
            }
        }
        return quoted ? opened : null;
    }

    private static string Decode(byte[] bytes, string source)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        int offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            return strict.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException exception)
        {
            int at = offset + Math.Max(0, exception.Index);
            int bad = FirstInvalidByte(bytes, offset) ?? at;
            int line = 1;
            for (int i = 0; i < bad; i++)
            {
                if (bytes[i] == (byte)'\n') line++;
            }
            throw new AnnalistException(ErrorCatalogue.AuthorityEncoding, exception, source, line, bad);
        }
    }

    /// <summary>The offset of the first byte that starts no valid UTF-8 sequence.</summary>
    private static int? FirstInvalidByte(byte[] bytes, int offset)
    {
        var span = bytes.AsSpan(offset);
        int position = 0;
        while (position < span.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(span[position..], out _, out int consumed);
            if (status != System.Buffers.OperationStatus.Done) return offset + position;
            position += consumed;
        }
        return null;
    }

    private static int? Year(string? value, string column, string source, int line)
    {
        if (value is null) return null;
        if (TryYear(value, out int year)) return year;
        throw new AnnalistException(ErrorCatalogue.AuthorityInvalidField, source, line, $"the {column} '{value}' is not a year (write 1890, or -44 for 44 BC).");
    }

    private static (int? From, int? To) ActiveYears(string? value, string source, int line)
    {
        if (value is null) return (null, null);
        string trimmed = value.Trim();
        if (trimmed[0] is '-' or '–' or '—')
        {
            // "-1959": active until 1959 (a BC range needs both ends).
            if (TryYear(trimmed[1..].Trim(), out int until)) return (null, until);
        }
        else if (trimmed.IndexOfAny(['–', '—', '-'], 1) is var dash and > 0)
        {
            string left = trimmed[..dash].Trim(), right = trimmed[(dash + 1)..].Trim();
            if (TryYear(left, out int from) && (right.Length == 0 || TryYear(right, out _)))
            {
                int? to = right.Length == 0 ? null : int.Parse(right, CultureInfo.InvariantCulture);
                if (to is null || from <= to) return (from, to);
                throw new AnnalistException(ErrorCatalogue.AuthorityInvalidField, source, line, $"the active years '{value}' end before they begin.");
            }
        }
        else if (TryYear(trimmed, out int single))
        {
            return (single, single);
        }
        throw new AnnalistException(ErrorCatalogue.AuthorityInvalidField, source, line, $"the active years '{value}' are not a year or a range of years (write 1953-1959, 1953- or -1959).");
    }

    private static bool TryYear(string value, out int year) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out year) && year != 0 && year is > -10000 and < 10000;
}
