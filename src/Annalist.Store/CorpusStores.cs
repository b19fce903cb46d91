using Annalist.Store.Postgres;
using Annalist.Store.Sqlite;

namespace Annalist.Store;

/// <summary>Opens a store by where it is.</summary>
public static class CorpusStores
{
    /// <summary>The file a command uses when no <c>--db</c> is given: <c>annalist.db</c> in the current folder.</summary>
    public const string DefaultFile = "annalist.db";

    /// <summary>A PostgreSQL store for a <c>postgres://</c> address or an Npgsql connection string, else an SQLite store in that file.</summary>
    /// <exception cref="Core.Errors.AnnalistException">ANL5001, ANL5002 or ANL5003.</exception>
    public static ICorpusStore Open(string? location)
    {
        string where = string.IsNullOrWhiteSpace(location) ? DefaultFile : location;
        return PostgresLocation.IsPostgres(where) ? PostgresCorpusStore.Open(where) : SqliteCorpusStore.Open(where);
    }
}
