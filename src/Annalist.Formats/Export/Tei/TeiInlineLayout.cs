namespace Annalist.Formats.Export.Tei;

/// <summary>An element to place over a span of the body: its name, attributes and how it nests.</summary>
/// <param name="Name">The TEI element name.</param>
/// <param name="Attributes">Its attributes, written in this order.</param>
/// <param name="Rank">Among spans with the same extent, the lower rank goes outside.</param>
/// <param name="IsLeaf">Holds its text only (a <c>gap</c>): spans inside it are dropped, spans crossing it are split around it.</param>
/// <param name="TextWrapper">An element the text is written inside (<c>desc</c> for <c>gap</c>), or null.</param>
internal sealed record TeiElement(string Name, IReadOnlyList<KeyValuePair<string, string>> Attributes, int Rank, bool IsLeaf = false, string? TextWrapper = null);

/// <summary>A placed element: a span of the text, its element, its children in text order.</summary>
internal sealed class TeiNode(int start, int end, TeiElement element, int source)
{
    public int Start { get; } = start;

    public int End { get; } = end;

    public TeiElement Element { get; } = element;

    /// <summary>Which requested span this node is (a part of); parts of one span share it.</summary>
    public int Source { get; } = source;

    public List<TeiNode> Children { get; } = [];

    /// <summary>For a part of a split span: its <c>xml:id</c> and those of the parts before and after it.</summary>
    public string? Id { get; set; }

    public string? Previous { get; set; }

    public string? Next { get; set; }
}

/// <summary>
/// Turns possibly overlapping spans into a tree of well-nested elements over one block of text. The rule:
/// spans are taken by start, longer first, then by rank; a span that fits inside the innermost open element
/// nests in it; one that crosses that element's end is split there, its first part nesting inside and the
/// rest taken up again where the element closes (so it may be split more than once). Parts of one span are
/// linked with <c>@next</c>/<c>@prev</c>. Nothing is placed inside a leaf; empty spans are dropped.
/// </summary>
internal static class TeiInlineLayout
{
    private readonly record struct Pending(int Start, int End, int Rank, int Source, long Sequence);

    private sealed class PendingOrder : IComparer<Pending>
    {
        public static readonly PendingOrder Instance = new();

        public int Compare(Pending x, Pending y)
        {
            int c = x.Start.CompareTo(y.Start);
            if (c != 0) return c;
            c = y.End.CompareTo(x.End);
            if (c != 0) return c;
            c = x.Rank.CompareTo(y.Rank);
            if (c != 0) return c;
            c = x.Source.CompareTo(y.Source);
            return c != 0 ? c : x.Sequence.CompareTo(y.Sequence);
        }
    }

    /// <summary>
    /// The top-level nodes over a text of <paramref name="length"/> characters: each of <paramref name="blocks"/>
    /// (sorted, not overlapping; never split) holding <paramref name="spans"/> clipped to it and nested. A span
    /// reaching over several blocks gives one part per block; what lies between blocks is dropped.
    /// <paramref name="idPrefix"/> starts the ids of parts of split spans.
    /// </summary>
    public static List<TeiNode> Layout(int length, IReadOnlyList<(int Start, int End, TeiElement Element)> blocks,
        IReadOnlyList<(int Start, int End, TeiElement Element)> spans, string idPrefix)
    {
        var queue = new SortedSet<Pending>(PendingOrder.Instance);
        long sequence = 0;
        var all = new List<(int Start, int End, TeiElement Element)>(blocks.Count + spans.Count);
        all.AddRange(blocks);
        all.AddRange(spans);
        var blockStarts = blocks.Select(block => block.Start).ToArray();
        for (int i = 0; i < blocks.Count; i++)
            queue.Add(new Pending(blocks[i].Start, blocks[i].End, int.MinValue, i, sequence++));
        for (int i = 0; i < spans.Count; i++)
        {
            var (start, end, element) = spans[i];
            if (start >= end) continue;
            int first = Array.BinarySearch(blockStarts, start);
            if (first < 0) first = Math.Max(0, ~first - 1);
            for (int b = first; b < blocks.Count && blocks[b].Start < end; b++)
            {
                int s = Math.Max(start, blocks[b].Start), e = Math.Min(end, blocks[b].End);
                if (s < e) queue.Add(new Pending(s, e, element.Rank, blocks.Count + i, sequence++));
            }
        }

        var root = new TeiNode(0, length, new TeiElement("", [], int.MinValue), -1);
        var open = new Stack<TeiNode>();
        open.Push(root);
        var placed = new Dictionary<int, List<TeiNode>>();
        while (queue.Count > 0)
        {
            var next = queue.Min;
            queue.Remove(next);
            while (open.Count > 1 && open.Peek().End <= next.Start) open.Pop();
            var parent = open.Peek();
            if (parent.Element.IsLeaf)
            {
                if (next.End > parent.End) queue.Add(next with { Start = parent.End, Sequence = sequence++ });
                continue;
            }
            int end = Math.Min(next.End, parent.End);
            if (next.End > parent.End) queue.Add(next with { Start = parent.End, Sequence = sequence++ });
            var node = new TeiNode(next.Start, end, all[next.Source].Element, next.Source);
            parent.Children.Add(node);
            open.Push(node);
            if (!placed.TryGetValue(next.Source, out var list)) placed[next.Source] = list = [];
            list.Add(node);
        }

        int parts = 0;
        foreach (var nodes in placed.OrderBy(pair => pair.Key).Select(pair => pair.Value))
        {
            if (nodes.Count < 2) continue;
            int group = ++parts;
            for (int i = 0; i < nodes.Count; i++) nodes[i].Id = $"{idPrefix}{group}.{i + 1}";
            for (int i = 0; i < nodes.Count; i++)
            {
                if (i > 0) nodes[i].Previous = nodes[i - 1].Id;
                if (i + 1 < nodes.Count) nodes[i].Next = nodes[i + 1].Id;
            }
        }
        return root.Children;
    }
}
