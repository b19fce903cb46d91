using Annalist.Store.Postgres;
using Annalist.Store.Sqlite;
using Npgsql;

namespace Annalist.Store.Tests.Support;

/// <summary>One test's own empty store, opened as often as the test likes and removed afterwards.</summary>
public interface ITestStore : IDisposable
{
    ICorpusStore Open();
}

/// <summary>A new SQLite file in a folder of its own.</summary>
public sealed class SqliteTestStore : ITestStore
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "annalist-store-tests", Guid.NewGuid().ToString("N"));

    public string Path => System.IO.Path.Combine(_folder, "corpus.db");

    public ICorpusStore Open() => SqliteCorpusStore.Open(Path);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the temporary folder is cleaned by the system.
        }
    }
}

/// <summary>
/// A new schema in the database that <c>ANNALIST_TEST_POSTGRES</c> names (see <c>.ci/postgres.sh</c>),
/// dropped afterwards. Tests using it skip, with a message, when the variable is unset.
/// </summary>
public sealed class PostgresTestStore : ITestStore
{
    public const string Variable = "ANNALIST_TEST_POSTGRES";

    public const string MissingMessage = Variable + " is not set: run .ci/postgres.sh and export what it prints to test the PostgreSQL store.";

    private readonly string _schema = "test_" + Guid.NewGuid().ToString("N")[..16];
    private bool _created;

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>The address of this test's schema, usable by a command line or another process.</summary>
    public string Location
    {
        get
        {
            Skip.If(ConnectionString is null, MissingMessage);
            EnsureSchema();
            var builder = new NpgsqlConnectionStringBuilder(PostgresLocation.ToConnectionString(ConnectionString!)) { SearchPath = _schema };
            return builder.ConnectionString;
        }
    }

    public ICorpusStore Open() => PostgresCorpusStore.Open(Location);

    /// <summary>Runs <paramref name="sql"/> in this test's schema outside the store's code.</summary>
    public void ExecuteRaw(string sql) => ScalarRaw(sql);

    /// <summary>The first value <paramref name="sql"/> gives in this test's schema.</summary>
    public object? ScalarRaw(string sql)
    {
        using var connection = new NpgsqlConnection(Location);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    private void EnsureSchema()
    {
        if (_created) return;
        using var connection = new NpgsqlConnection(PostgresLocation.ToConnectionString(ConnectionString!));
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE SCHEMA {_schema}", connection);
        command.ExecuteNonQuery();
        _created = true;
    }

    public void Dispose()
    {
        if (!_created) return;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(PostgresLocation.ToConnectionString(ConnectionString!));
        connection.Open();
        using var command = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", connection);
        command.ExecuteNonQuery();
    }
}
