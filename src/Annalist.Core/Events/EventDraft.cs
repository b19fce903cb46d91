using System.Collections.Immutable;
using Annalist.Core.Text;

namespace Annalist.Core.Events;

/// <summary>A frame while it is being filled: mutable, private to one recognition call.</summary>
internal sealed class EventDraft
{
    public int Sentence { get; init; }
    public TextSpan SentenceSpan { get; init; }
    public int TriggerToken { get; init; }
    public TextSpan Trigger { get; init; }
    public required string Type { get; init; }
    public bool Negative { get; init; }
    public string? Modality { get; init; }
    public TextSpan Evidence { get; set; }
    public List<EventItem> Items { get; set; } = [];
    public string? TimeStart { get; set; }
    public string? TimeEnd { get; set; }
    public string? Earliest { get; set; }
    public string? Latest { get; set; }
    public string? TimeAnchor { get; set; }
    public List<(string Role, List<string> Entities)> Roles { get; } = [];
    public List<EventParticipant> Unresolved { get; } = [];
    public ImmutableArray<string> Speakers { get; set; } = [];

    /// <summary>The index of the turn the trigger is said in, -1 outside any.</summary>
    public int Turn { get; set; } = -1;
    public TextSpan? Source { get; set; }

    /// <summary>The phrase naming what this event answers (<c>the Minister's proposal to meet</c>), when it names one.</summary>
    public TextSpan? Answers { get; set; }

    /// <summary>True when what this event answers is named as a request (<c>accepted this request</c>), so an earlier request is what it answers.</summary>
    public bool AnswersRequest { get; set; }

    public List<string>? Role(string role)
    {
        foreach (var (name, entities) in Roles) if (name == role) return entities;
        return null;
    }

    public bool HasRole(string role) => Role(role) is { Count: > 0 };

    /// <summary>Adds fillers to a role, keeping order and dropping repeats; a role with no filler is not kept.</summary>
    public void Add(string role, IEnumerable<string> entities)
    {
        var list = Role(role);
        foreach (string entity in entities)
        {
            if (list is null)
            {
                list = [];
                Roles.Add((role, list));
            }
            if (!list.Contains(entity, StringComparer.Ordinal)) list.Add(entity);
        }
    }

    /// <summary>Names a filler of <paramref name="role"/> by its phrase when no entity fills the role.</summary>
    public void AddUnresolved(string role, TextSpan span, string text)
    {
        if (HasRole(role)) return;
        foreach (var participant in Unresolved) if (participant.Role == role && participant.Span.Overlaps(span)) return;
        Unresolved.Add(new EventParticipant(role, span, text));
    }

    public EventFrame ToFrame(string id, IReadOnlyList<EventLink> links) => new(Evidence, Trigger, Type, Negative, Modality, Items, TimeStart, TimeEnd)
    {
        Id = id,
        Roles = [.. Roles.Where(r => r.Entities.Count > 0).Select(r => new EventRole(r.Role, [.. r.Entities]))],
        Unresolved = [.. Unresolved.Where(u => !HasRole(u.Role)).OrderBy(u => u.Span.Start)],
        Links = links,
        Earliest = Earliest,
        Latest = Latest,
        TimeAnchor = TimeAnchor,
        Speakers = Speakers,
        Source = Source,
    };
}
