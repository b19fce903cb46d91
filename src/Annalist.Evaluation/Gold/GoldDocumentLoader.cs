using System.Collections.Concurrent;
using Annalist.Core.Errors;
using Annalist.Core.Text;
using Annalist.Formats.Readers;
using Annalist.Formats.Tei;

namespace Annalist.Evaluation.Gold;

/// <summary>
/// Loads the document a gold file names: a text file relative to the gold file, or one document of a
/// TEI volume (<c>volume.xml#d98</c>), whose text is the TEI reader's body text and whose strings are
/// matched with white space runs equal. Volumes are read once per loader. Thread-safe.
/// </summary>
public sealed class GoldDocumentLoader
{
    private readonly ConcurrentDictionary<string, TeiVolume> _volumes = new(StringComparer.Ordinal);

    /// <exception cref="AnnalistException">ANL1001, ANL1005, ANL1204 or a TEI reader error.</exception>
    public (SourceDocument Document, bool WhitespaceEqual) Load(GoldFile gold)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(gold.Path)) ?? ".";
        var (file, documentId) = TeiReader.SplitReference(gold.Document);
        string path = Path.GetFullPath(Path.Combine(folder, file));
        if (!File.Exists(path)) throw MissingFile.Error(path);
        if (documentId is not null)
        {
            var volume = _volumes.GetOrAdd(path, p => TeiReader.ReadVolume(p));
            var document = volume.FindDocument(documentId) ?? throw new AnnalistException(ErrorCatalogue.TeiDocumentNotFound, path, documentId);
            return (WithReferenceTime(document.Body, gold), true);
        }
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new AnnalistException(ErrorCatalogue.UnreadableFile, exception, path, exception.Message);
        }
        var metadata = new DocumentMetadata { Title = Path.GetFileName(path), Source = path };
        return (WithReferenceTime(new SourceDocument(Path.GetFileName(path), text, metadata), gold), false);
    }

    private static SourceDocument WithReferenceTime(SourceDocument document, GoldFile gold) =>
        gold.ReferenceTime is null ? document : document.WithMetadata(document.Metadata with { Date = gold.ReferenceTime });
}
