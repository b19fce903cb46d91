using Annalist.Formats.Tei;

namespace Annalist.Store.Ingest;

/// <summary>
/// TEI P5 volumes such as FRUS (<c>.xml</c>): one document per outermost <c>div type="document"</c>,
/// its body text with heading, date and source as the TEI reader gives them, kept under its
/// <c>xml:id</c>. Hostile XML (DTDs, entities) is refused by <see cref="TeiReader"/> with a code.
/// </summary>
public sealed class TeiVolumeCollectionReader : ICollectionReader
{
    private readonly TeiReaderOptions? _options;

    public TeiVolumeCollectionReader(TeiReaderOptions? options = null)
    {
        _options = options;
    }

    public IReadOnlyList<string> Extensions { get; } = [".xml"];

    public IEnumerable<CollectionDocument> Read(string path)
    {
        var volume = TeiReader.ReadVolume(path, _options);
        return volume.Documents.Select(document => new CollectionDocument(document.Id, document.Body));
    }
}
