using System.Buffers;
using Annalist.Core.Text;

namespace Annalist.Core.Tokens;

/// <summary>
/// A growable run of tokens over a pooled array, so that tokenizing many documents allocates only
/// what each result keeps. Not thread-safe; <see cref="Clear"/> it to reuse it, dispose it to return the array.
/// </summary>
public sealed class TokenBuffer : IDisposable
{
    private Token[] _items;

    public TokenBuffer(int capacity = 256)
    {
        _items = ArrayPool<Token>.Shared.Rent(Math.Max(capacity, 16));
    }

    public int Count { get; private set; }

    public ReadOnlySpan<Token> Tokens => _items.AsSpan(0, Count);

    public Token this[int index] => (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(int start, int end, TokenKind kind)
    {
        if (Count == _items.Length) Grow();
        _items[Count++] = new Token(new TextSpan(start, end), kind);
    }

    /// <summary>The last token added, if any.</summary>
    internal bool TryGetLast(out Token token)
    {
        if (Count == 0)
        {
            token = default;
            return false;
        }
        token = _items[Count - 1];
        return true;
    }

    public void Clear() => Count = 0;

    public Token[] ToArray() => Tokens.ToArray();

    public void Dispose()
    {
        var items = _items;
        _items = [];
        Count = 0;
        if (items.Length > 0) ArrayPool<Token>.Shared.Return(items);
    }

    private void Grow()
    {
        var larger = ArrayPool<Token>.Shared.Rent(_items.Length * 2);
        _items.AsSpan(0, Count).CopyTo(larger);
        if (_items.Length > 0) ArrayPool<Token>.Shared.Return(_items);
        _items = larger;
    }
}
