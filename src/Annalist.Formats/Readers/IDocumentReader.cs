namespace Annalist.Formats.Readers;

/// <summary>
/// Turns a file of one kind into a <see cref="Annalist.Core.Text.SourceDocument"/>. Readers sit at the edge:
/// they throw <see cref="Annalist.Core.Errors.AnnalistException"/> with a catalogue code when a file cannot
/// become a document. Implementations are stateless and thread-safe.
/// </summary>
public interface IDocumentReader
{
    /// <summary>The file name extensions this reader is for, lowercase with the dot (<c>.txt</c>).</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>Reads the file at <paramref name="path"/>; the document's name is the file name and its source the path as given.</summary>
    /// <exception cref="Annalist.Core.Errors.AnnalistException">ANL1001 missing, ANL1002 binary, ANL1003 undecodable, ANL1004 too large, ANL1005 unreadable.</exception>
    DocumentReadResult Read(string path);

    /// <summary>Reads a file's bytes already in memory; <paramref name="name"/> names the document and its errors.</summary>
    /// <exception cref="Annalist.Core.Errors.AnnalistException">ANL1002 binary, ANL1003 undecodable, ANL1004 too large.</exception>
    DocumentReadResult Read(ReadOnlySpan<byte> content, string name, string? source = null);
}
