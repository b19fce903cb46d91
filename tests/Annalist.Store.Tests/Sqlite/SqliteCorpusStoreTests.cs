using Annalist.Core.Errors;
using Annalist.Store.Sqlite;
using Annalist.Store.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Annalist.Store.Tests.Sqlite;

public sealed class SqliteCorpusStoreTests : CorpusStoreContract
{
    private readonly SqliteTestStore _store = new();

    protected override ICorpusStore OpenStore() => _store.Open();

    public override void Dispose()
    {
        _store.Dispose();
        base.Dispose();
    }

    [Fact]
    public void A_store_made_by_a_newer_version_is_refused_with_a_code()
    {
        using (OpenStore())
        {
        }
        using (var connection = new SqliteConnection($"Data Source={_store.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', 'later')";
            command.ExecuteNonQuery();
        }
        var error = Assert.Throws<AnnalistException>(() => OpenStore());
        Assert.Equal(ErrorCatalogue.StoreTooNew.Code, error.Code);
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_with_a_code()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_store.Path)!);
        File.WriteAllText(_store.Path, "These are notes, not a database. They go on for a while to fill a page header.\n" + new string('x', 4096));
        var error = Assert.Throws<AnnalistException>(() => OpenStore());
        Assert.Equal(ErrorCatalogue.StoreUnavailable.Code, error.Code);
    }

    [Fact]
    public void Match_expressions_quote_every_word()
    {
        var query = Annalist.Store.Search.SearchQuery.Parse("grain \"the harbour\" OR");
        Assert.Equal("\"grain\" \"or\" \"the harbour\"", SqliteCorpusStore.ToMatchExpression(query));
    }
}
