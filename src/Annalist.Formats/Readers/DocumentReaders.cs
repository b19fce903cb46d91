using System.Collections.Frozen;
using Annalist.Core.Errors;

namespace Annalist.Formats.Readers;

/// <summary>
/// Picks a reader by file name extension. Kinds Annalist cannot read yet (old .doc, ODT, images, …) are refused with
/// ANL1006; any other unknown extension is read as plain text, which refuses it in turn if it does not decode.
/// Thread-safe.
/// </summary>
public sealed class DocumentReaders
{
    private static readonly FrozenDictionary<string, string> Unsupported = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".doc"] = "Word documents",
        [".odt"] = "OpenDocument text",
        [".rtf"] = "rich text",
        [".epub"] = "EPUB books",
        [".xlsx"] = "spreadsheets",
        [".xls"] = "spreadsheets",
        [".pptx"] = "presentations",
        [".zip"] = "ZIP archives",
        [".gz"] = "compressed files",
        [".html"] = "web pages: save the page as text, or convert it to Markdown",
        [".htm"] = "web pages: save the page as text, or convert it to Markdown",
        [".xhtml"] = "web pages: save the page as text, or convert it to Markdown",
        [".png"] = "images",
        [".jpg"] = "images",
        [".jpeg"] = "images",
        [".tif"] = "images",
        [".tiff"] = "images",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, IDocumentReader> _byExtension;
    private readonly IDocumentReader _fallback;

    public DocumentReaders(DocumentReaderOptions? options = null)
        : this([new PlainTextReader(options), new MarkdownReader(options), new DocxReader(options), new PdfReader(options)], new PlainTextReader(options))
    {
        Options = options ?? DocumentReaderOptions.Default;
    }

    /// <summary>The options the readers were made with (the defaults for readers given one by one).</summary>
    public DocumentReaderOptions Options { get; } = DocumentReaderOptions.Default;

    /// <summary>Readers chosen by their <see cref="IDocumentReader.Extensions"/>; <paramref name="fallback"/> for any other extension.</summary>
    public DocumentReaders(IEnumerable<IDocumentReader> readers, IDocumentReader fallback)
    {
        ArgumentNullException.ThrowIfNull(readers);
        ArgumentNullException.ThrowIfNull(fallback);
        var map = new Dictionary<string, IDocumentReader>(StringComparer.OrdinalIgnoreCase);
        foreach (var reader in readers)
        {
            foreach (string extension in reader.Extensions) map[extension] = reader;
        }
        _byExtension = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _fallback = fallback;
    }

    public static DocumentReaders Default { get; } = new();

    /// <summary>The extensions that have a reader of their own (used to pick files when a folder is given).</summary>
    public IEnumerable<string> KnownExtensions => _byExtension.Keys;

    /// <summary>The reader for <paramref name="path"/>.</summary>
    /// <exception cref="AnnalistException">ANL1006 for a kind of file that has no reader yet.</exception>
    public IDocumentReader For(string path)
    {
        string extension = Path.GetExtension(path);
        if (_byExtension.TryGetValue(extension, out var reader)) return reader;
        if (Unsupported.TryGetValue(extension, out string? kind))
            throw new AnnalistException(ErrorCatalogue.UnsupportedFormat, path, kind);
        return _fallback;
    }

    /// <summary>Reads <paramref name="path"/> with the reader its extension calls for.</summary>
    /// <exception cref="AnnalistException">Any error of the reader, or ANL1006.</exception>
    public DocumentReadResult Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path) && !Directory.Exists(path)) throw MissingFile.Error(path);
        return For(path).Read(path);
    }
}
