using System.Collections.Concurrent;
using Annalist.Store;

namespace Annalist.Web.Corpus;

/// <summary>
/// Store instances shared by concurrent requests: one <see cref="ICorpusStore"/> holds one connection and is
/// not thread-safe, so each request rents one and gives it back. At most <c>capacity</c> are open; a request
/// beyond that waits for one to come back.
/// </summary>
public sealed class StorePool : IDisposable
{
    private readonly Func<ICorpusStore> _open;
    private readonly ConcurrentBag<ICorpusStore> _idle = [];
    private readonly SemaphoreSlim _slots;
    private bool _disposed;

    public StorePool(Func<ICorpusStore> open, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _open = open;
        _slots = new SemaphoreSlim(capacity, capacity);
    }

    /// <summary>Runs <paramref name="use"/> with a store of the pool.</summary>
    public T Use<T>(Func<ICorpusStore, T> use, CancellationToken cancellationToken = default)
    {
        _slots.Wait(cancellationToken);
        ICorpusStore? store = null;
        try
        {
            store = _idle.TryTake(out var idle) ? idle : _open();
            var result = use(store);
            _idle.Add(store);
            store = null;
            return result;
        }
        finally
        {
            // A store that threw may hold a broken connection: close it rather than lend it again.
            store?.Dispose();
            _slots.Release();
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        while (_idle.TryTake(out var store)) store.Dispose();
        _slots.Dispose();
    }
}
