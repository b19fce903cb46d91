using Annalist.Core.Text;

namespace Annalist.Store.Ingest;

/// <summary>
/// Reads a file that holds many documents (a FRUS or other TEI volume, an archive export) for ingest.
/// Each document is stored under the key <c>PATH#ID</c>, so that its corrections and its incremental
/// check follow it from one ingest to the next. Implementations are stateless and thread-safe.
/// </summary>
public interface ICollectionReader
{
    /// <summary>The file name extensions this reader is for, lowercase with the dot (<c>.xml</c>).</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>Every document in the file with an id unique within it, in the file's order.</summary>
    /// <exception cref="Core.Errors.AnnalistException">A coded error when the file cannot be read; the ingest reports it and goes on.</exception>
    IEnumerable<CollectionDocument> Read(string path);
}

/// <summary>One document of a collection, with its id within the file.</summary>
public sealed record CollectionDocument(string Id, SourceDocument Document);
