using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Text;

namespace Annalist.Formats.Readers;

/// <summary>
/// A reader for files that are text through and through: decodes with <see cref="TextDecoder"/> and keeps
/// the text exactly as decoded. Subclasses add what the text itself says about the document.
/// </summary>
public abstract class TextFileReader : IDocumentReader
{
    protected TextFileReader(DocumentReaderOptions? options)
    {
        Options = options ?? DocumentReaderOptions.Default;
    }

    public DocumentReaderOptions Options { get; }

    public abstract IReadOnlyList<string> Extensions { get; }

    public DocumentReadResult Read(string path)
    {
        byte[] bytes = FileBytes.Read(path, Options.MaxBytes);
        return Read(bytes, Path.GetFileName(path), path);
    }

    public DocumentReadResult Read(ReadOnlySpan<byte> content, string name, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        string displayName = source ?? name;
        if (content.Length > Options.MaxBytes)
            throw new AnnalistException(ErrorCatalogue.InputTooLarge, displayName, (long)content.Length, Options.MaxBytes);
        var decoded = TextDecoder.Decode(content, displayName);
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
