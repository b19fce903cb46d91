using Annalist.Core.Annotations;
using Annalist.Store.Corrections;
using Annalist.Store.Entities;
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

    /// <summary>Paragraphs matching <paramref name="query"/> and its <see cref="SearchQuery.Filters"/>, best first, each with a keyword-in-context snippet.</summary>
    /// <exception cref="Core.Errors.AnnalistException">ANL5009 when a filter names an entity the corpus does not hold; ANL5010 for a bad date.</exception>
    IReadOnlyList<SearchHit> Search(SearchQuery query, int limit);

    /// <summary>Records <paramref name="correction"/> (its <see cref="Correction.Id"/> is ignored) and applies it at once.</summary>
    /// <exception cref="Core.Errors.AnnalistException">ANL5030 when its document is not stored.</exception>
    CorrectionOutcome AddCorrection(Correction correction);

    IReadOnlyList<Correction> GetCorrections(string documentKey);

    /// <summary>Corpus entities, those named in most documents first (or those <see cref="EntityQuery.Name"/> finds).</summary>
    IReadOnlyList<CorpusEntity> ListEntities(EntityQuery query);

    /// <summary>
    /// The corpus entities an id or a name stands for: an id gives that entity (or the one it was merged
    /// into); a name every entity one of whose names agrees with it — <c>Stalin</c> finds every Stalin,
    /// <c>J. Stalin</c> those whose given names begin with J. Case, accents and titles do not matter.
    /// </summary>
    IReadOnlyList<CorpusEntity> FindEntities(string idOrName, string? type = null);

    /// <summary>The entity, its document entities with the evidence that gathered them, its mentions and turns; null when there is none.</summary>
    CorpusEntityDetails? GetEntity(long id, int maxOccurrences = 50);

    /// <summary>The document entities gathered into entity <paramref name="id"/> (and into those merged into it), each with its rule and evidence, without their mentions: cheap enough to call for every entity; empty for an unknown id.</summary>
    IReadOnlyList<DocumentEntity> GetEntityMembers(long id);

    /// <summary>Makes <paramref name="from"/> part of <paramref name="into"/>: a correction, kept and replayed after every re-analysis.</summary>
    /// <exception cref="Core.Errors.AnnalistException">ANL5006 for an unknown id; ANL5007 when they are one already.</exception>
    CorpusEntity MergeEntities(long into, long from, string? note = null);

    /// <summary>Takes the document entities named any of <paramref name="names"/> out of entity <paramref name="id"/> into one of their own (undoing a merge when they are what was merged in); a correction, like a merge.</summary>
    /// <returns>The entity that remains and the one split off.</returns>
    /// <exception cref="Core.Errors.AnnalistException">ANL5006 for an unknown id; ANL5008 when the names match none or all of it.</exception>
    IReadOnlyList<CorpusEntity> SplitEntity(long id, IReadOnlyList<string> names, string? note = null);

    /// <summary>
    /// Gives the document stored under <paramref name="oldKey"/> the key <paramref name="newKey"/> (its file
    /// moved), with its corrections and the user's entity merges and splits that name it; nothing is analyzed.
    /// </summary>
    /// <exception cref="Core.Errors.AnnalistException">ANL5030 when no document has the old key; ANL5011 when the new one is taken.</exception>
    void RenameDocument(string oldKey, string newKey);
}
