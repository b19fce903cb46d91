using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Text;

namespace Annalist.Formats.Readers;

/// <summary>
/// A reader for files that are text through and through: decodes with <see cref="TextDecoder"/> and keeps
/// the text exactly as decoded. Subclasses add what the text itself says about the document.
/// </summary>
public abstract class TextFileReader : FileDocumentReader
{
    protected TextFileReader(DocumentReaderOptions? options) : base(options)
    {
    }

    protected override DocumentReadResult ReadChecked(ReadOnlySpan<byte> content, string name, string displayName, string? source)
    {
        var decoded = TextDecoder.Decode(content, displayName, Options.TextEncoding);
        var metadata = Describe(decoded.Text, new DocumentMetadata { Source = source, Encoding = decoded.Encoding });
        var document = new SourceDocument(name, decoded.Text, metadata);
        var diagnostics = decoded.Text.Length == 0
            ? [Diagnostic.From(ErrorCatalogue.EmptyDocument, null, null)]
            : ImmutableArray<Diagnostic>.Empty;
        return new DocumentReadResult(document, diagnostics);
    }

    /// <summary>Metadata for a document with <paramref name="text"/>; <paramref name="found"/> holds what the reader knows already.</summary>
    protected virtual DocumentMetadata Describe(string text, DocumentMetadata found) => found;
}

/// <summary>Plain text files (<c>.txt</c>, <c>.text</c>), and any file whose kind is not known but which decodes as text.</summary>
public sealed class PlainTextReader : TextFileReader
{
    public PlainTextReader(DocumentReaderOptions? options = null) : base(options)
    {
    }

    public override IReadOnlyList<string> Extensions { get; } = [".txt", ".text"];
}
