using System.Collections;
using System.Collections.Immutable;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Annotations;

/// <summary>A named, immutable stand-off layer: annotations ordered by span (start, then longest first).</summary>
public abstract class Layer
{
    protected Layer(string name, ComponentId producer, string? alignedTo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Producer = producer;
        AlignedTo = alignedTo;
    }

    public string Name { get; }

    /// <summary>The component and version that made this layer.</summary>
    public ComponentId Producer { get; }

    /// <summary>
    /// When set, this layer annotates the named layer item by item: the same count, the same spans, in
    /// the same order (part-of-speech tags over <c>tokens</c>). Writers show its fields on those items.
    /// </summary>
    public string? AlignedTo { get; }

    public abstract int Count { get; }

    /// <summary>Item <paramref name="index"/>, boxed when it is a struct; writers use <see cref="GetSpan"/> and <see cref="WriteFields"/> instead.</summary>
    public abstract IAnnotation GetAnnotation(int index);

    /// <summary>The span of item <paramref name="index"/>, without boxing it.</summary>
    public abstract TextSpan GetSpan(int index);

    /// <summary>Has item <paramref name="index"/> write its fields to <paramref name="writer"/>, without boxing it.</summary>
    public abstract void WriteFields(int index, IFieldWriter writer);

    public abstract Type AnnotationType { get; }

    public IEnumerable<IAnnotation> Annotations
    {
        get
        {
            for (int i = 0; i < Count; i++) yield return GetAnnotation(i);
        }
    }
}

/// <summary>A layer of annotations of one type.</summary>
public sealed class Layer<T> : Layer, IReadOnlyList<T> where T : IAnnotation
{
    private readonly ImmutableArray<T> _items;

    /// <summary>Makes a layer; the items are sorted by span, and the sort is stable.</summary>
    public Layer(string name, ComponentId producer, IEnumerable<T> items, string? alignedTo = null) : base(name, producer, alignedTo)
    {
        ArgumentNullException.ThrowIfNull(items);
        var array = items is ImmutableArray<T> immutable ? immutable : [.. items];
        _items = IsSorted(array.AsSpan()) ? array : [.. array.OrderBy(item => item.Span)];
    }

    public ImmutableArray<T> Items => _items;

    public override int Count => _items.Length;

    public T this[int index] => _items[index];

    public override IAnnotation GetAnnotation(int index) => _items[index];

    public override TextSpan GetSpan(int index) => _items[index].Span;

    public override void WriteFields(int index, IFieldWriter writer) => _items[index].WriteFields(writer);

    public override Type AnnotationType => typeof(T);

    /// <summary>The annotations that overlap <paramref name="span"/>, in layer order.</summary>
    public IEnumerable<T> Overlapping(TextSpan span)
    {
        foreach (var item in _items)
        {
            if (item.Span.Start >= span.End && !(span.IsEmpty && item.Span.Start == span.Start)) yield break;
            if (item.Span.Overlaps(span) || (span.IsEmpty && item.Span.Contains(span.Start))) yield return item;
        }
    }

    /// <summary>The annotations lying wholly inside <paramref name="span"/>.</summary>
    public IEnumerable<T> Within(TextSpan span)
    {
        int index = FirstStartingAtOrAfter(span.Start);
        for (int i = index; i < _items.Length && _items[i].Span.Start < span.End; i++)
        {
            if (span.Contains(_items[i].Span)) yield return _items[i];
        }
    }

    /// <summary>Index of the first annotation whose start is at or after <paramref name="offset"/>.</summary>
    public int FirstStartingAtOrAfter(int offset)
    {
        int low = 0, high = _items.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (_items[mid].Span.Start < offset) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    public ImmutableArray<T>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)_items).GetEnumerator();

    private static bool IsSorted(ReadOnlySpan<T> items)
    {
        for (int i = 1; i < items.Length; i++)
        {
            if (items[i - 1].Span.CompareTo(items[i].Span) > 0) return false;
        }
        return true;
    }
}
