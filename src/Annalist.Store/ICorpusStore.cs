using Annalist.Core.Annotations;
using Annalist.Store.Corrections;
using Annalist.Store.Search;

namespace Annalist.Store;

/// <summary>
/// A corpus of analyzed documents kept in a database: the texts, their stand-off layers as rows, their
/// diagnostics, a full-text index of their paragraphs, and the user's corrections, which are re-applied
/// whenever a document is analyzed again. Implementations: <see cref="Sqlite.SqliteCorpusStore"/> (one file)
/// and <see cref="Postgres.PostgresCorpusStore"/> (a server); both behave the same.
/// One instance holds one connection and is not thread-safe; every write is its own transaction.
/// </summary>
public interface ICorpusStore : IDisposable
{
    /// <summary>Where the store is, for people (a file path, or a server address without its password).</summary>
    string Location { get; }

    /// <summary>The schema version the store is at after migrating.</summary>
    int SchemaVersion { get; }

    /// <summary>Content hash and pipeline version of every stored document, by document key.</summary>
    IReadOnlyDictionary<string, DocumentFingerprint> GetFingerprints();

    /// <summary>
    /// Stores <paramref name="document"/> under <paramref name="key"/> in one transaction, replacing any
    /// earlier analysis of that key, then re-applies the key's corrections. On failure nothing is kept.
    /// </summary>
    /// <exception cref="Core.Errors.AnnalistException">ANL5004 when the database refuses the write.</exception>
    SaveResult Save(AnalyzedDocument document, string key);

    int CountDocuments();

    /// <summary>The document with this key, or else the only one with this name; null when none (or several) match.</summary>
    StoredDocument? FindDocument(string keyOrName);

    IReadOnlyList<StoredLayer> GetLayers(long documentId);

    /// <summary>A document's annotations, corrections applied, ordered by layer, start, then longest first.</summary>
    IReadOnlyList<StoredAnnotation> GetAnnotations(long documentId, string? layer = null);

    IReadOnlyList<StoredDiagnostic> GetDiagnostics(long documentId);

    /// <summary>Paragraphs matching <paramref name="query"/>, best first, each with a keyword-in-context snippet.</summary>
    IReadOnlyList<SearchHit> Search(SearchQuery query, int limit);

    /// <summary>Records <paramref name="correction"/> (its <see cref="Correction.Id"/> is ignored) and applies it at once.</summary>
    /// <exception cref="Core.Errors.AnnalistException">ANL5030 when its document is not stored.</exception>
    CorrectionOutcome AddCorrection(Correction correction);

    IReadOnlyList<Correction> GetCorrections(string documentKey);
}
