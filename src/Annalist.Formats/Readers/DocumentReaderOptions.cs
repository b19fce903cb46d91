namespace Annalist.Formats.Readers;

/// <summary>Settings shared by every reader.</summary>
public sealed record DocumentReaderOptions
{
    /// <summary>512 MiB: far above any single record, low enough to refuse a mistaken disk image.</summary>
    public const long DefaultMaxBytes = 512L * 1024 * 1024;

    public static DocumentReaderOptions Default { get; } = new();

    /// <summary>
    /// Files larger than this many bytes are refused with ANL1004 before they are read. At most
    /// <see cref="Array.MaxLength"/>, since a file is read whole.
    /// </summary>
    public long MaxBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Array.MaxLength);
            field = value;
        }
    } = DefaultMaxBytes;

    /// <summary>
    /// The encoding of text files (plain text, Markdown) that begin with no byte-order mark, from
    /// <see cref="TextEncodings.Resolve"/>; null, the default, requires UTF-8. A byte-order mark still selects
    /// its own encoding. DOCX, PDF and XML say their encoding themselves and ignore this.
    /// </summary>
    public System.Text.Encoding? TextEncoding { get; init; }
}
