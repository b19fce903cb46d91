using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Text;
using Annalist.Formats.Json;
using Annalist.Store.Corrections;
using Annalist.Store.Search;

namespace Annalist.Store.Relational;

/// <summary>
/// What the SQLite and PostgreSQL stores share: the tables, the transactions and the correction replay.
/// Subclasses supply the schema's dialect, bulk inserts and full-text search.
/// </summary>
public abstract partial class RelationalCorpusStore : ICorpusStore
{
    private static readonly JsonSerializerOptions MetadataJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly FieldsJsonWriter _fields = new();
    private bool _disposed;

    protected RelationalCorpusStore(DbConnection connection, string location)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        Location = location;
    }

    public string Location { get; }

    public int SchemaVersion { get; private set; }

    protected DbConnection Connection { get; }

    /// <summary>Every schema step, in version order; never change a released one, add another.</summary>
    protected abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>SQL that turns the text parameter <paramref name="parameter"/> into the dialect's JSON type.</summary>
    protected abstract string JsonValue(string parameter);

    protected abstract void InsertAnnotations(DbTransaction transaction, long documentId, IReadOnlyList<StoredAnnotation> rows);

    private protected abstract void InsertPassages(DbTransaction transaction, long documentId, string text, IReadOnlyList<Passage> passages);

    protected abstract void DeletePassages(DbTransaction transaction, long documentId);

    private protected abstract IReadOnlyList<PassageMatch> QueryPassages(SearchQuery query, FilterClause filters, int limit);

    /// <summary>Brings the schema up to the newest version this code knows, one transaction per step.</summary>
    /// <exception cref="AnnalistException">ANL5002 when the store is newer than this code.</exception>
    protected void Migrate()
    {
        Execute(null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
        int current = Convert.ToInt32(Scalar(null, "SELECT COALESCE(MAX(version), 0) FROM schema_version") ?? 0, CultureInfo.InvariantCulture);
        int newest = Migrations.Count == 0 ? 0 : Migrations.Max(m => m.Version);
        if (current > newest) throw new AnnalistException(ErrorCatalogue.StoreTooNew, Location, current, newest);
        foreach (var migration in Migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            using var transaction = Connection.BeginTransaction();
            foreach (string statement in migration.Statements) Execute(transaction, statement);
            Execute(transaction, "INSERT INTO schema_version (version, description, applied_at) VALUES (@v, @d, @t)",
                ("v", migration.Version), ("d", migration.Description), ("t", Now()));
            transaction.Commit();
        }
        SchemaVersion = Math.Max(current, newest);
        if (current is > 0 and < 2) IndexStoredDocuments();
    }

    public IReadOnlyDictionary<string, DocumentFingerprint> GetFingerprints()
    {
        var result = new Dictionary<string, DocumentFingerprint>(StringComparer.Ordinal);
        using var command = Command(null, "SELECT doc_key, sha256, pipeline_version FROM documents");
        using var reader = command.ExecuteReader();
        while (reader.Read()) result[reader.GetString(0)] = new DocumentFingerprint(reader.GetString(1), reader.GetString(2));
        return result;
    }

    public SaveResult Save(AnalyzedDocument document, string key)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var rows = DocumentRows.From(document, _fields);
        var source = document.Source;
        return InTransaction(transaction =>
        {
            object? existing = Scalar(transaction, "SELECT id FROM documents WHERE doc_key = @k", ("k", key));
            long id;
            var values = new (string, object?)[]
            {
                ("k", key), ("n", source.Name), ("s", source.Metadata.Source), ("h", source.Sha256), ("x", source.Text),
                ("m", JsonSerializer.Serialize(source.Metadata, MetadataJson)), ("p", document.PipelineVersion), ("t", Now()),
            };
            if (existing is null)
            {
                id = Convert.ToInt64(Scalar(transaction,
                    $"INSERT INTO documents (doc_key, name, source_path, sha256, text, metadata, pipeline_version, analyzed_at) VALUES (@k, @n, @s, @h, @x, {JsonValue("@m")}, @p, @t) RETURNING id",
                    values), CultureInfo.InvariantCulture);
            }
            else
            {
                id = Convert.ToInt64(existing, CultureInfo.InvariantCulture);
                Execute(transaction,
                    $"UPDATE documents SET name = @n, source_path = @s, sha256 = @h, text = @x, metadata = {JsonValue("@m")}, pipeline_version = @p, analyzed_at = @t WHERE doc_key = @k",
                    values);
                DeleteChildren(transaction, id);
            }
            var outcomes = CorrectionApplier.ApplyAll(source.Text, ReadCorrections(transaction, key), rows.Annotations, rows.Diagnostics);
            InsertLayers(transaction, id, rows.LayersAfterCorrections());
            InsertAnnotations(transaction, id, rows.Annotations);
            InsertDiagnostics(transaction, id, rows.Diagnostics);
            InsertPassages(transaction, id, source.Text, rows.Passages);
            IndexEntitiesAndFacets(transaction, id, key, source.Text, source.Metadata, rows.Annotations);
            return new SaveResult(id, existing is not null, rows.Annotations.Count, outcomes.Count(o => o.Anchored), outcomes.Count(o => !o.Anchored));
        }, source.Name);
    }

    /// <summary>Gives the documents of a store made before corpus entities their entities and facets, one transaction each.</summary>
    private void IndexStoredDocuments()
    {
        var ids = new List<long>();
        using (var command = Command(null, "SELECT id FROM documents ORDER BY id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) ids.Add(reader.GetInt64(0));
        }
        foreach (long id in ids)
        {
            InTransaction(transaction =>
            {
                var document = ReadDocuments(transaction,
                    "SELECT id, doc_key, name, source_path, sha256, text, metadata, pipeline_version, analyzed_at FROM documents WHERE id = @i", ("i", id)).Single();
                IndexEntitiesAndFacets(transaction, id, document.Key, document.Text, document.Metadata, ReadAnnotations(transaction, id, null));
                return 0;
            }, "migration");
        }
    }

    public int CountDocuments() => Convert.ToInt32(Scalar(null, "SELECT COUNT(*) FROM documents"), CultureInfo.InvariantCulture);

    public StoredDocument? FindDocument(string keyOrName)
    {
        ArgumentNullException.ThrowIfNull(keyOrName);
        const string Columns = "SELECT id, doc_key, name, source_path, sha256, text, metadata, pipeline_version, analyzed_at FROM documents";
        var byKey = ReadDocuments(null, Columns + " WHERE doc_key = @k", ("k", keyOrName));
        if (byKey.Count == 1) return byKey[0];
        string full = TryGetFullPath(keyOrName);
        if (full != keyOrName)
        {
            var byPath = ReadDocuments(null, Columns + " WHERE doc_key = @k", ("k", full));
            if (byPath.Count == 1) return byPath[0];
        }
        var byName = ReadDocuments(null, Columns + " WHERE name = @n", ("n", keyOrName));
        return byName.Count == 1 ? byName[0] : null;
    }

    public IReadOnlyList<StoredLayer> GetLayers(long documentId)
    {
        var result = new List<StoredLayer>();
        using var command = Command(null, "SELECT name, producer, aligned_to, item_count FROM layers WHERE document_id = @d ORDER BY name", ("d", documentId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
            result.Add(new StoredLayer(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt32(3)));
        return result;
    }

    public IReadOnlyList<StoredAnnotation> GetAnnotations(long documentId, string? layer = null) => ReadAnnotations(null, documentId, layer);

    public IReadOnlyList<StoredDiagnostic> GetDiagnostics(long documentId)
    {
        var result = new List<StoredDiagnostic>();
        using var command = Command(null, "SELECT code, severity, message, start_offset, end_offset, producer FROM diagnostics WHERE document_id = @d ORDER BY code, start_offset", ("d", documentId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            TextSpan? span = reader.IsDBNull(3) ? null : new TextSpan(reader.GetInt32(3), reader.GetInt32(4));
            result.Add(new StoredDiagnostic(reader.GetString(0), ParseSeverity(reader.GetString(1)), reader.GetString(2), span, reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return result;
    }

    public IReadOnlyList<SearchHit> Search(SearchQuery query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        try
        {
            var filters = FilterSql(query.Filters);
            return [.. QueryPassages(query, filters, limit).Select(passage => KeywordInContext.Build(passage, query))];
        }
        catch (DbException exception)
        {
            throw new AnnalistException(ErrorCatalogue.StoreFailed, exception, exception.Message);
        }
    }

    public CorrectionOutcome AddCorrection(Correction correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        return InTransaction(transaction =>
        {
            var document = ReadDocuments(transaction,
                "SELECT id, doc_key, name, source_path, sha256, text, metadata, pipeline_version, analyzed_at FROM documents WHERE doc_key = @k",
                ("k", correction.DocumentKey)).SingleOrDefault()
                ?? throw new AnnalistException(ErrorCatalogue.DocumentNotInStore, correction.DocumentKey);
            var anchor = correction.Anchor;
            long id = Convert.ToInt64(Scalar(transaction,
                $"INSERT INTO corrections (doc_key, action, layer, start_offset, end_offset, exact, prefix, suffix, fields, note, created_at) VALUES (@k, @a, @l, @s, @e, @x, @p, @f, {JsonValue("@j")}, @n, @t) RETURNING id",
                ("k", correction.DocumentKey), ("a", correction.Action.Name()), ("l", correction.Layer), ("s", anchor.Span.Start), ("e", anchor.Span.End),
                ("x", anchor.Exact), ("p", anchor.Prefix), ("f", anchor.Suffix), ("j", correction.ParseFields().ToJsonString()), ("n", correction.Note),
                ("t", correction.CreatedAt.ToString("O", CultureInfo.InvariantCulture))), CultureInfo.InvariantCulture);
            var rows = ReadAnnotations(transaction, document.Id, correction.Layer).ToList();
            var diagnostics = new List<Diagnostic>();
            var outcome = CorrectionApplier.Apply(document.Text, correction with { Id = id }, rows, diagnostics);
            Execute(transaction, "DELETE FROM annotations WHERE document_id = @d AND layer = @l", ("d", document.Id), ("l", correction.Layer));
            InsertAnnotations(transaction, document.Id, rows);
            object? producer = Scalar(transaction, "SELECT producer FROM layers WHERE document_id = @d AND name = @l", ("d", document.Id), ("l", correction.Layer));
            Execute(transaction, "DELETE FROM layers WHERE document_id = @d AND name = @l", ("d", document.Id), ("l", correction.Layer));
            InsertLayers(transaction, document.Id, [new StoredLayer(correction.Layer, producer as string ?? CorrectionApplier.Producer, null, rows.Count)]);
            InsertDiagnostics(transaction, document.Id, diagnostics);
            if (correction.Layer is "entities" or "turns" or "events" or "timexes")
                IndexEntitiesAndFacets(transaction, document.Id, document.Key, document.Text, document.Metadata, ReadAnnotations(transaction, document.Id, null));
            return outcome;
        }, correction.DocumentKey);
    }

    public IReadOnlyList<Correction> GetCorrections(string documentKey) => ReadCorrections(null, documentKey);

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Connection.Dispose();
        GC.SuppressFinalize(this);
    }

    protected DbCommand Command(DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    protected int Execute(DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    protected object? Scalar(DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        object? value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private T InTransaction<T>(Func<DbTransaction, T> work, string subject)
    {
        using var transaction = Connection.BeginTransaction(IsolationLevel.ReadCommitted);
        try
        {
            var result = work(transaction);
            transaction.Commit();
            return result;
        }
        catch (DbException exception)
        {
            TryRollback(transaction);
            throw new AnnalistException(ErrorCatalogue.DocumentNotSaved, exception, subject, exception.Message);
        }
        catch
        {
            TryRollback(transaction);
            throw;
        }
    }

    private static void TryRollback(DbTransaction transaction)
    {
        try
        {
            transaction.Rollback();
        }
        catch (DbException)
        {
            // The connection is gone; the server drops the transaction with it.
        }
        catch (InvalidOperationException)
        {
            // Already completed or rolled back.
        }
    }

    private void DeleteChildren(DbTransaction transaction, long documentId)
    {
        Execute(transaction, "DELETE FROM annotations WHERE document_id = @d", ("d", documentId));
        Execute(transaction, "DELETE FROM layers WHERE document_id = @d", ("d", documentId));
        Execute(transaction, "DELETE FROM diagnostics WHERE document_id = @d", ("d", documentId));
        DeletePassages(transaction, documentId);
    }

    private void InsertLayers(DbTransaction transaction, long documentId, IEnumerable<StoredLayer> layers)
    {
        using var command = Command(transaction, "INSERT INTO layers (document_id, name, producer, aligned_to, item_count) VALUES (@d, @n, @p, @a, @c)",
            ("d", documentId), ("n", ""), ("p", ""), ("a", null), ("c", 0));
        command.Prepare();
        foreach (var layer in layers)
        {
            command.Parameters[1].Value = layer.Name;
            command.Parameters[2].Value = layer.Producer;
            command.Parameters[3].Value = (object?)layer.AlignedTo ?? DBNull.Value;
            command.Parameters[4].Value = layer.Count;
            command.ExecuteNonQuery();
        }
    }

    private void InsertDiagnostics(DbTransaction transaction, long documentId, IEnumerable<Diagnostic> diagnostics)
    {
        using var command = Command(transaction, "INSERT INTO diagnostics (document_id, code, severity, message, start_offset, end_offset, producer) VALUES (@d, @c, @s, @m, @a, @b, @p)",
            ("d", documentId), ("c", ""), ("s", ""), ("m", ""), ("a", 0), ("b", 0), ("p", ""));
        foreach (var diagnostic in diagnostics)
        {
            command.Parameters[1].Value = diagnostic.Code;
            command.Parameters[2].Value = AnalysisJsonWriter.SeverityName(diagnostic.Severity);
            command.Parameters[3].Value = diagnostic.Message;
            command.Parameters[4].Value = diagnostic.Span is { } span ? span.Start : DBNull.Value;
            command.Parameters[5].Value = diagnostic.Span is { } end ? end.End : DBNull.Value;
            command.Parameters[6].Value = (object?)diagnostic.Producer ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
    }

    private List<StoredAnnotation> ReadAnnotations(DbTransaction? transaction, long documentId, string? layer)
    {
        var result = new List<StoredAnnotation>();
        string sql = "SELECT layer, producer, start_offset, end_offset, fields, correction_id FROM annotations WHERE document_id = @d"
            + (layer is null ? "" : " AND layer = @l") + " ORDER BY layer, start_offset, end_offset DESC";
        using var command = layer is null ? Command(transaction, sql, ("d", documentId)) : Command(transaction, sql, ("d", documentId), ("l", layer));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new StoredAnnotation(reader.GetString(0), reader.GetString(1), new TextSpan(reader.GetInt32(2), reader.GetInt32(3)),
                reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetInt64(5)));
        }
        return result;
    }

    private List<Correction> ReadCorrections(DbTransaction? transaction, string documentKey)
    {
        var result = new List<Correction>();
        using var command = Command(transaction,
            "SELECT id, action, layer, start_offset, end_offset, exact, prefix, suffix, fields, note, created_at FROM corrections WHERE doc_key = @k ORDER BY id",
            ("k", documentKey));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!CorrectionActions.TryParse(reader.GetString(1), out var action)) continue;
            result.Add(new Correction
            {
                Id = reader.GetInt64(0),
                DocumentKey = documentKey,
                Action = action,
                Layer = reader.GetString(2),
                Anchor = new TextAnchor(new TextSpan(reader.GetInt32(3), reader.GetInt32(4)), reader.GetString(5), reader.GetString(6), reader.GetString(7)),
                Fields = reader.GetString(8),
                Note = reader.IsDBNull(9) ? null : reader.GetString(9),
                CreatedAt = DateTimeOffset.Parse(reader.GetString(10), CultureInfo.InvariantCulture),
            });
        }
        return result;
    }

    private List<StoredDocument> ReadDocuments(DbTransaction? transaction, string sql, params (string, object?)[] parameters)
    {
        var result = new List<StoredDocument>();
        using var command = Command(transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var metadata = JsonSerializer.Deserialize<DocumentMetadata>(reader.GetString(6), MetadataJson) ?? DocumentMetadata.Empty;
            result.Add(new StoredDocument(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4), reader.GetString(5), metadata, reader.GetString(7), DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture)));
        }
        return result;
    }

    private static DiagnosticSeverity ParseSeverity(string name) => name switch
    {
        "info" => DiagnosticSeverity.Info,
        "warning" => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Error,
    };

    private static string TryGetFullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
}
