using Annalist.Core.Annotations;
using Annalist.Core.Entities;
using Annalist.Core.Events;

namespace Annalist.Core.Ledger;

/// <summary>One counted thing of an event, as the ledger lists it.</summary>
public readonly record struct LedgerItem(string Item, double? Quantity);

/// <summary>A link of an event to an earlier one (see <see cref="EventLink"/>), with its evidence as quoted text.</summary>
public sealed record LedgerLink(string Relation, string? Target, string Evidence, double? Given, double? Asked);

/// <summary>
/// An event as the ledger and timeline read it: what the <c>events</c> layer's fields say, whether it comes
/// from a fresh analysis or from a store. <see cref="Roles"/> map role names to entity ids.
/// </summary>
public sealed record LedgerEvent(
    string Id,
    string Type,
    bool Negative,
    string? Modality,
    int Start,
    int End,
    string Evidence,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Roles,
    IReadOnlyList<LedgerItem> Items,
    string? TimeStart,
    string? TimeEnd,
    string? Earliest,
    string? Latest,
    string? TimeAnchor,
    IReadOnlyList<LedgerLink> Links)
{
    public IReadOnlyList<string> Role(string role) => Roles.TryGetValue(role, out var ids) ? ids : [];

    /// <summary>Role name to the phrases, as written, that fill a role no entity fills (<c>the Canadian mills</c>); see <see cref="EventParticipant"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Unresolved { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The phrases naming <paramref name="role"/> when no entity fills it.</summary>
    public IReadOnlyList<string> UnresolvedRole(string role) => Unresolved.TryGetValue(role, out var texts) ? texts : [];
}

/// <summary>The events of one document and the names of the entities they refer to.</summary>
/// <param name="Name">The document's name, as the rows cite it.</param>
/// <param name="Events">Its events in text order.</param>
/// <param name="EntityNames">Entity id to the name to print.</param>
public sealed record LedgerDocument(string Name, IReadOnlyList<LedgerEvent> Events, IReadOnlyDictionary<string, string> EntityNames)
{
    /// <summary>The ledger's view of an analysis: its <c>events</c> and <c>entities</c> layers (empty when it has none).</summary>
    public static LedgerDocument FromAnalysis(AnalyzedDocument document, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        string text = document.Source.Text;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document.TryGetLayer<Entity>(LayerNames.Entities, out var entities))
        {
            foreach (var entity in entities) names[entity.Id] = entity.Name;
        }
        var events = new List<LedgerEvent>();
        if (document.TryGetLayer<EventFrame>(LayerNames.Events, out var frames))
        {
            foreach (var frame in frames)
            {
                events.Add(new LedgerEvent(frame.Id, frame.Type, frame.Negative, frame.Modality, frame.Span.Start, frame.Span.End,
                    text.Substring(frame.Span.Start, frame.Span.Length),
                    frame.Roles.ToDictionary(r => r.Name, r => (IReadOnlyList<string>)[.. r.Entities], StringComparer.Ordinal),
                    [.. frame.Items.Select(i => new LedgerItem(i.Text, i.Quantity))],
                    frame.TimeStart, frame.TimeEnd, frame.Earliest, frame.Latest, frame.TimeAnchor,
                    [.. frame.Links.Select(l => new LedgerLink(l.Relation, l.Target, text.Substring(l.Evidence.Start, l.Evidence.Length), l.Given, l.Asked))])
                {
                    Unresolved = frame.Unresolved.GroupBy(u => u.Role, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(u => u.Text)], StringComparer.Ordinal),
                });
            }
        }
        return new LedgerDocument(name ?? document.Source.Name, events, names);
    }
}
