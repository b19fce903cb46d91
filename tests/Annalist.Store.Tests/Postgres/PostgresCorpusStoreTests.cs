using Annalist.Store.Tests.Support;

namespace Annalist.Store.Tests.Postgres;

/// <summary>The store contract on a real PostgreSQL server; skipped when <c>ANNALIST_TEST_POSTGRES</c> is unset.</summary>
public sealed class PostgresCorpusStoreTests : CorpusStoreContract
{
    private readonly PostgresTestStore _store = new();

    protected override ICorpusStore OpenStore() => _store.Open();

    public override void Dispose()
    {
        _store.Dispose();
        base.Dispose();
    }
}
