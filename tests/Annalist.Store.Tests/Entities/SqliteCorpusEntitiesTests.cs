using Annalist.Store.Tests.Support;

namespace Annalist.Store.Tests.Entities;

public sealed class SqliteCorpusEntitiesTests : CorpusEntitiesContract
{
    private readonly SqliteTestStore _store = new();

    protected override ICorpusStore OpenStore() => _store.Open();

    protected override void ExecuteRaw(string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_store.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    protected override bool HasIndex(string name)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_store.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = $n";
        command.Parameters.AddWithValue("$n", name);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public override void Dispose()
    {
        _store.Dispose();
        base.Dispose();
    }
}

/// <summary>The corpus-entity contract on a real PostgreSQL server; skipped when <c>ANNALIST_TEST_POSTGRES</c> is unset.</summary>
public sealed class PostgresCorpusEntitiesTests : CorpusEntitiesContract
{
    private readonly PostgresTestStore _store = new();

    protected override ICorpusStore OpenStore() => _store.Open();

    protected override void ExecuteRaw(string sql) => _store.ExecuteRaw(sql);

    protected override bool HasIndex(string name) =>
        Convert.ToInt64(_store.ScalarRaw($"SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = '{name}'"), System.Globalization.CultureInfo.InvariantCulture) > 0;

    public override void Dispose()
    {
        _store.Dispose();
        base.Dispose();
    }
}

/// <summary>A store made before corpus entities existed (schema version 1) migrates and indexes what it holds.</summary>
public sealed class CorpusEntitiesMigrationTests : IDisposable
{
    private readonly SqliteTestStore _store = new();

    [Fact]
    public void A_version_1_store_migrates_and_gathers_the_entities_of_its_documents()
    {
        using (var store = _store.Open())
        {
            store.Save(CorpusPipelines.Analyze("a.txt", "Stalin: We shall see.\n", CorpusPipelines.Person("stalin", "Stalin")), "a");
        }
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_store.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE corpus_entities; DROP TABLE document_entities; DROP TABLE facets; DELETE FROM schema_version WHERE version >= 2";
            command.ExecuteNonQuery();
        }
        using var migrated = _store.Open();
        Assert.Equal(3, migrated.SchemaVersion);
        var entity = Assert.Single(migrated.FindEntities("Stalin"));
        Assert.Single(migrated.GetEntity(entity.Id)!.Turns);
    }

    public void Dispose() => _store.Dispose();
}
