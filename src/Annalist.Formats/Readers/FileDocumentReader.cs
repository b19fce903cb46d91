using Annalist.Core.Errors;

namespace Annalist.Formats.Readers;

/// <summary>
/// What every reader of one file into one document shares: reading the file with its size limit, and
/// refusing content over that limit when it arrives as bytes. Subclasses only turn checked bytes into a document.
/// </summary>
public abstract class FileDocumentReader : IDocumentReader
{
    protected FileDocumentReader(DocumentReaderOptions? options)
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
        return ReadChecked(content, name, displayName, source);
    }

    /// <summary>Makes the document from <paramref name="content"/>, already within the size limit; <paramref name="displayName"/> names it in errors.</summary>
    protected abstract DocumentReadResult ReadChecked(ReadOnlySpan<byte> content, string name, string displayName, string? source);
}
