using System.Security.Cryptography;
using System.Text;

namespace Annalist.Core.Text;

/// <summary>
/// A document's text exactly as decoded, with its name, metadata and content hash. Immutable and
/// thread-safe: every annotation refers to it by offsets and none changes it.
/// </summary>
public sealed class SourceDocument
{
    private readonly Lazy<LineIndex> _lines;
    private readonly Lazy<string> _sha256;

    public SourceDocument(string name, string text, DocumentMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        Name = name;
        Text = text;
        Metadata = metadata ?? DocumentMetadata.Empty;
        _lines = new Lazy<LineIndex>(() => new LineIndex(Text), LazyThreadSafetyMode.PublicationOnly);
        _sha256 = new Lazy<string>(() => ComputeSha256(Text), LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>A name for people and citations, usually the file name.</summary>
    public string Name { get; }

    public string Text { get; }

    public int Length => Text.Length;

    public DocumentMetadata Metadata { get; }

    /// <summary>Lowercase hex SHA-256 of the text encoded as UTF-8 (not of the file's bytes).</summary>
    public string Sha256 => _sha256.Value;

    public LineIndex Lines => _lines.Value;

    public string GetText(TextSpan span) => Text.Substring(span.Start, span.Length);

    public ReadOnlySpan<char> Slice(TextSpan span) => Text.AsSpan(span.Start, span.Length);

    public SourceDocument WithMetadata(DocumentMetadata metadata) => new(Name, Text, metadata);

    private static string ComputeSha256(string text)
    {
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
