using System.Data.Common;
using Annalist.Core.Errors;
using Annalist.Store.Relational;
using Annalist.Store.Search;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Annalist.Store.Sqlite;

/// <summary>
/// A corpus in one SQLite file (write-ahead log, so a killed process loses at most the document it was
/// writing). Paragraphs are indexed with FTS5 (Porter stemming, diacritics folded).
/// </summary>
public sealed class SqliteCorpusStore : RelationalCorpusStore
{
    private static readonly Migration[] AllMigrations =
    [
        new(1, "documents, layers, annotations, diagnostics, corrections, paragraph index",
        [
            .. CoreSchema.Version1("INTEGER PRIMARY KEY", "TEXT"),
            """
            CREATE TABLE passages (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents (id),
                number INTEGER NOT NULL,
                start_offset INTEGER NOT NULL,
                end_offset INTEGER NOT NULL,
                text TEXT NOT NULL)
            """,
            "CREATE INDEX passages_by_document ON passages (document_id)",
            "CREATE VIRTUAL TABLE passages_fts USING fts5 (text, content = 'passages', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2')",
        ]),
        new(2, "corpus entities, document entities, search facets", CoreSchema.Version2("INTEGER PRIMARY KEY")),
        new(3, "facet index by document, kind and value (entity occurrences)", CoreSchema.Version3()),
    ];

    private SqliteCorpusStore(SqliteConnection connection, string path) : base(connection, path)
    {
    }

    /// <summary>Opens (creating if needed) the store in the file at <paramref name="path"/> and migrates its schema.</summary>
    /// <exception cref="AnnalistException">ANL5001 when the file cannot be opened as a database; ANL5002 when it is newer than this code.</exception>
    public static SqliteCorpusStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        SqliteCorpusStore? store = null;
        try
        {
            string? folder = Path.GetDirectoryName(full);
            if (folder is not null) Directory.CreateDirectory(folder);
            connection.Open();
            store = new SqliteCorpusStore(connection, full);
            store.Execute(null, "PRAGMA journal_mode = WAL");
            store.Execute(null, "PRAGMA synchronous = NORMAL");
            // The store removes a document's rows itself; checking each of its many annotation rows against
            // the documents table would cost a third of the ingest time.
            store.Execute(null, "PRAGMA foreign_keys = OFF");
            store.Execute(null, "PRAGMA busy_timeout = 10000");
            store.Migrate();
            return store;
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            if (store is not null) store.Dispose();
            else connection.Dispose();
            throw new AnnalistException(ErrorCatalogue.StoreUnavailable, exception, full, exception.Message);
        }
        catch
        {
            if (store is not null) store.Dispose();
            else connection.Dispose();
            throw;
        }
    }

    protected override IReadOnlyList<Migration> Migrations => AllMigrations;

    protected override string JsonValue(string parameter) => parameter;

    /// <remarks>
    /// Binds through SQLite's own API: a document may have a hundred thousand token rows, and the ADO.NET
    /// command costs several times more per row than the insert itself.
    /// </remarks>
    protected override void InsertAnnotations(DbTransaction transaction, long documentId, IReadOnlyList<StoredAnnotation> rows)
    {
        if (rows.Count == 0) return;
        var database = ((SqliteConnection)Connection).Handle!;
        Check(database, raw.sqlite3_prepare_v2(database,
            "INSERT INTO annotations (document_id, layer, producer, start_offset, end_offset, fields, correction_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            out var statement));
        using (statement)
        {
            foreach (var row in rows)
            {
                raw.sqlite3_bind_int64(statement, 1, documentId);
                raw.sqlite3_bind_text16(statement, 2, row.Layer);
                raw.sqlite3_bind_text16(statement, 3, row.Producer);
                raw.sqlite3_bind_int(statement, 4, row.Span.Start);
                raw.sqlite3_bind_int(statement, 5, row.Span.End);
                raw.sqlite3_bind_text16(statement, 6, row.Fields);
                if (row.CorrectionId is { } id) raw.sqlite3_bind_int64(statement, 7, id);
                else raw.sqlite3_bind_null(statement, 7);
                int result = raw.sqlite3_step(statement);
                if (result != raw.SQLITE_DONE) Check(database, result);
                raw.sqlite3_reset(statement);
            }
        }
    }

    private static void Check(sqlite3 database, int result)
    {
        if (result is raw.SQLITE_OK or raw.SQLITE_DONE) return;
        throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), result);
    }

    private protected override void InsertPassages(DbTransaction transaction, long documentId, string text, IReadOnlyList<Passage> passages)
    {
        using (var command = Command(transaction,
            "INSERT INTO passages (document_id, number, start_offset, end_offset, text) VALUES (@d, @n, @s, @e, @t)",
            ("d", documentId), ("n", 0), ("s", 0), ("e", 0), ("t", "")))
        {
            command.Prepare();
            foreach (var passage in passages)
            {
                command.Parameters[1].Value = passage.Number;
                command.Parameters[2].Value = passage.Span.Start;
                command.Parameters[3].Value = passage.Span.End;
                command.Parameters[4].Value = text.Substring(passage.Span.Start, passage.Span.Length);
                command.ExecuteNonQuery();
            }
        }
        Execute(transaction, "INSERT INTO passages_fts (rowid, text) SELECT id, text FROM passages WHERE document_id = @d", ("d", documentId));
    }

    protected override void DeletePassages(DbTransaction transaction, long documentId)
    {
        Execute(transaction, "INSERT INTO passages_fts (passages_fts, rowid, text) SELECT 'delete', id, text FROM passages WHERE document_id = @d", ("d", documentId));
        Execute(transaction, "DELETE FROM passages WHERE document_id = @d", ("d", documentId));
    }

    private protected override IReadOnlyList<PassageMatch> QueryPassages(SearchQuery query, FilterClause filters, int limit)
    {
        const string Template = """
            SELECT d.doc_key, d.name, p.number, p.start_offset, p.end_offset, p.text, -bm25(passages_fts) AS score
            FROM passages_fts
            JOIN passages p ON p.id = passages_fts.rowid
            JOIN documents d ON d.id = p.document_id
            WHERE passages_fts MATCH @q{0}
            ORDER BY bm25(passages_fts)
            LIMIT @limit
            """;
        var result = new List<PassageMatch>();
        string sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, Template, filters.Sql);
        using var command = Command(null, sql, [("q", ToMatchExpression(query)), ("limit", limit), .. filters.Parameters]);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new PassageMatch(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.GetString(5), reader.GetDouble(6)));
        }
        return result;
    }

    /// <summary>Every term and phrase as an FTS5 string, so that no operator in the user's text is obeyed.</summary>
    internal static string ToMatchExpression(SearchQuery query) =>
        string.Join(' ', query.Terms.Concat(query.Phrases).Select(words => "\"" + words.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
}
