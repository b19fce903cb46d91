using System.Globalization;

namespace Annalist.Formats.Export.Network;

/// <summary>A person of the network: the people of every exported document who share a name are one node.</summary>
public sealed class NetworkNode(string id, string key, string label)
{
    public string Id { get; } = id;

    /// <summary>What identifies the person across documents: the entity's name, case and spacing folded.</summary>
    public string Key { get; } = key;

    public string Label { get; } = label;

    public SortedSet<string> Roles { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Documents { get; } = new(StringComparer.Ordinal);

    public int Mentions { get; set; }

    public DateOnly? Start { get; set; }

    public DateOnly? End { get; set; }
}

/// <summary>Two people who met or spoke with each other, how often, in which documents and over which days.</summary>
public sealed class NetworkEdge(string id, NetworkNode source, NetworkNode target)
{
    public string Id { get; } = id;

    public NetworkNode Source { get; } = source;

    public NetworkNode Target { get; } = target;

    /// <summary>Co-participations: one per meeting both took part in, one per exchange of turns between them.</summary>
    public int Weight { get; set; }

    public int Meetings { get; set; }

    public int Exchanges { get; set; }

    public HashSet<string> Documents { get; } = new(StringComparer.Ordinal);

    public DateOnly? Start { get; set; }

    public DateOnly? End { get; set; }
}

/// <summary>
/// Who met or spoke with whom across the exported documents (<c>docs/export.md</c>). Nodes are person entities,
/// one per name across documents. Edges count co-participation: every pair of a document's participants (one
/// meeting per document), every pair of people in the roles of a meeting event, and every exchange of turns
/// (a turn followed by one of another speaker, or a turn and its addressee). Each edge's days come from the
/// event's own time, else the document's date, else the latest full date written before it. Not thread-safe.
/// </summary>
public sealed class PersonNetwork
{
    /// <summary>Event types whose people count as meeting each other.</summary>
    public static readonly IReadOnlySet<string> MeetingEventTypes = new HashSet<string>(StringComparer.Ordinal) { "meeting", "meal", "visit", "conversation", "talks" };

    private readonly Dictionary<string, NetworkNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), NetworkEdge> _edges = new();

    public IReadOnlyCollection<NetworkNode> Nodes => _nodes.Values;

    public IReadOnlyCollection<NetworkEdge> Edges => _edges.Values;

    /// <summary>Adds the people of <paramref name="document"/> and their meetings and exchanges.</summary>
    public void Add(ExportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var people = new Dictionary<string, NetworkNode>(StringComparer.Ordinal);
        var documentDate = DateRange.Parse(document.Metadata.Date);
        var dated = ExportLayers.Timexes(document)
            .Select(timex => (timex.Span.Start, Range: timex.Type is "DATE" or "TIME" ? DateRange.Parse(timex.Value) : null))
            .Where(pair => pair.Range is { IsDay: true })
            .ToList();
        DateRange? DateAt(int offset, DateRange? own)
        {
            if (own is not null) return own;
            if (documentDate is not null) return documentDate;
            DateRange? latest = null;
            foreach (var (start, range) in dated)
            {
                if (start > offset) break;
                latest = range;
            }
            return latest;
        }

        foreach (var entity in ExportLayers.Entities(document))
        {
            if (entity.Type != "person") continue;
            string key = Fold(entity.Name);
            if (key.Length == 0) continue;
            if (!_nodes.TryGetValue(key, out var node))
                _nodes[key] = node = new NetworkNode($"n{_nodes.Count + 1}", key, entity.Name.Trim());
            foreach (string role in entity.Roles) node.Roles.Add(role);
            node.Documents.Add(document.Key);
            node.Mentions += entity.Mentions.Count;
            var first = DateAt(entity.Mentions.Count > 0 ? entity.Mentions[0].Start : 0, null);
            Extend(node, first);
            people[entity.Id] = node;
        }

        NetworkNode? Person(string id) => people.GetValueOrDefault(id);

        var participants = ExportLayers.Participants(document)
            .Select(participant => participant.Entity is { } id ? Person(id) : null).OfType<NetworkNode>().Distinct().ToList();
        if (participants.Count > 1)
        {
            var when = DateAt(ExportLayers.Participants(document)[0].Span.Start, null);
            foreach (var (a, b) in Pairs(participants)) Count(a, b, document.Key, when, meeting: true);
        }

        foreach (var item in ExportLayers.Events(document))
        {
            if (item.Type is null || !MeetingEventTypes.Contains(item.Type) || item.Polarity == "negative") continue;
            var present = item.Roles.Values.SelectMany(ids => ids).Select(Person).OfType<NetworkNode>().Distinct().ToList();
            if (present.Count < 2) continue;
            var own = DateRange.Parse(item.TimeStart) is { } start ? start.Through(DateRange.Parse(item.TimeEnd)) : null;
            var when = DateAt(item.Span.Start, own);
            foreach (var (a, b) in Pairs(present)) Count(a, b, document.Key, when, meeting: true);
        }

        IReadOnlyList<NetworkNode>? previous = null;
        foreach (var turn in ExportLayers.Turns(document))
        {
            var speakers = turn.Speakers.Select(Person).OfType<NetworkNode>().Distinct().ToList();
            var when = DateAt(turn.Span.Start, null);
            foreach (var addressee in turn.Addressees.Select(Person).OfType<NetworkNode>().Distinct())
                foreach (var speaker in speakers)
                    if (speaker != addressee) Count(speaker, addressee, document.Key, when, meeting: false);
            if (previous is not null && speakers.Count > 0 && !speakers.SequenceEqual(previous))
                foreach (var before in previous)
                    foreach (var speaker in speakers)
                        if (before != speaker && !turn.Addressees.Any(id => Person(id) == before)) Count(before, speaker, document.Key, when, meeting: false);
            if (speakers.Count > 0) previous = speakers;
        }
    }

    private void Count(NetworkNode a, NetworkNode b, string document, DateRange? when, bool meeting)
    {
        var key = string.CompareOrdinal(a.Id, b.Id) < 0 ? (a.Id, b.Id) : (b.Id, a.Id);
        if (!_edges.TryGetValue(key, out var edge))
        {
            var (source, target) = string.CompareOrdinal(a.Id, b.Id) < 0 ? (a, b) : (b, a);
            _edges[key] = edge = new NetworkEdge($"e{_edges.Count + 1}", source, target);
        }
        edge.Weight++;
        if (meeting) edge.Meetings++;
        else edge.Exchanges++;
        edge.Documents.Add(document);
        if (when is not null)
        {
            if (edge.Start is null || when.Start < edge.Start) edge.Start = when.Start;
            if (edge.End is null || when.End > edge.End) edge.End = when.End;
            Extend(a, when);
            Extend(b, when);
        }
    }

    private static void Extend(NetworkNode node, DateRange? when)
    {
        if (when is null) return;
        if (node.Start is null || when.Start < node.Start) node.Start = when.Start;
        if (node.End is null || when.End > node.End) node.End = when.End;
    }

    private static IEnumerable<(NetworkNode, NetworkNode)> Pairs(IReadOnlyList<NetworkNode> nodes)
    {
        for (int i = 0; i < nodes.Count; i++)
            for (int j = i + 1; j < nodes.Count; j++) yield return (nodes[i], nodes[j]);
    }

    /// <summary>A name folded for matching across documents: lower case, white space collapsed.</summary>
    public static string Fold(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}

/// <summary>The days a date value covers: <c>1944</c> is the year, <c>1944-01</c> the month, <c>1944-01-07T23:00</c> the day.</summary>
public sealed record DateRange(DateOnly Start, DateOnly End)
{
    public bool IsDay => Start == End;

    public DateRange Through(DateRange? other) => other is null || other.End < End ? this : this with { End = other.End };

    /// <summary>The range a TIMEX3 or ISO 8601 value names, or null for anything vaguer (<c>1944-SP</c>, <c>XXXX-01-07</c>, <c>PRESENT_REF</c>).</summary>
    public static DateRange? Parse(string? value)
    {
        if (value is null || value.Length < 4) return null;
        if (!int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1) return null;
        if (value.Length == 4) return new DateRange(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        if (value[4] != '-' || value.Length < 7 || !int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int month) || month is < 1 or > 12) return null;
        int days = DateTime.DaysInMonth(year, month);
        if (value.Length == 7) return new DateRange(new DateOnly(year, month, 1), new DateOnly(year, month, days));
        if (value[7] != '-' || value.Length < 10 || !int.TryParse(value.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int day) || day < 1 || day > days) return null;
        if (value.Length > 10 && value[10] != 'T') return null;
        var date = new DateOnly(year, month, day);
        return new DateRange(date, date);
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
