using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Events;

/// <summary>One counted thing an event moves, asks for or promises: the phrase as written and its number, if stated.</summary>
public readonly record struct EventItem(TextSpan Span, string Text, double? Quantity);

/// <summary>One role of a frame and the ids of the entities (<c>entities</c> layer) that fill it, in text order.</summary>
public readonly record struct EventRole(string Name, ImmutableArray<string> Entities);

/// <summary>
/// A role filler the text names but no entity stands for: the phrase of the subject, object or oblique
/// (<c>the Canadian mills</c>, <c>Both parties</c>, <c>his Government</c>) or a pronoun that could not be resolved
/// (<c>we</c> in a letter). Kept so that the role is not silently empty; <see cref="Text"/> is the phrase as written.
/// </summary>
public readonly record struct EventParticipant(string Role, TextSpan Span, string Text);

/// <summary>
/// A relation from this event to an earlier one: <c>answers</c> (a grant, refusal, commitment or approval
/// answering a request or proposal), <c>fulfils</c> or <c>fails</c> (a delivery and the order or promise it
/// carries out or not). <see cref="Target"/> is the <see cref="EventFrame.Id"/> of the earlier event, or null
/// when what is answered is only named (<c>approved the proposal to meet</c>); <see cref="Evidence"/> is the
/// phrase that shows the relation. <see cref="Given"/> and <see cref="Asked"/> compare the quantities of the
/// two events when both state one (thirty granted of fifty asked).
/// </summary>
public sealed record EventLink(string Relation, string? Target, TextSpan Evidence, double? Given, double? Asked);

/// <summary>
/// One item of the <c>events</c> layer: a typed frame (<c>travel</c>, <c>meeting</c>, <c>transfer</c>,
/// <c>request</c> …) whose <see cref="Span"/> is its evidence, the clause around the trigger word.
/// </summary>
/// <param name="Span">The evidence: the trigger's clause (its subject, complements and modifiers, without coordinated or subordinate clauses), within one sentence.</param>
/// <param name="Trigger">The word that names the event.</param>
/// <param name="Type">The frame type, as in docs/layers/events.md.</param>
/// <param name="Negative">True when the text says it did not happen (<c>have not arrived</c>, <c>did not agree</c>).</param>
/// <param name="Modality">The modal before the trigger (<c>can</c>, <c>will</c>, <c>would</c>), or null when stated as fact.</param>
/// <param name="Items">Counted things from the <c>quantities</c> layer in the clause, or a goods noun.</param>
/// <param name="TimeStart">TIMEX3 value of the event's date or time (its sentence's, else the narrative's last date), or null.</param>
/// <param name="TimeEnd">TIMEX3 value of when it ended, for events that run from one time to another, or null.</param>
public sealed record EventFrame(TextSpan Span, TextSpan Trigger, string Type, bool Negative, string? Modality,
    IReadOnlyList<EventItem> Items, string? TimeStart, string? TimeEnd) : IAnnotation
{
    /// <summary>The event's id within its document (<c>e1</c>, <c>e2</c> … in text order), the target of <see cref="EventLink"/>s.</summary>
    public string Id { get; init; } = "";

    /// <summary>Role name to filler entity ids; only roles with at least one filler.</summary>
    public IReadOnlyList<EventRole> Roles { get; init; } = [];

    /// <summary>Role fillers named by a phrase that no entity stands for, in text order; only for roles with no entity filler.</summary>
    public IReadOnlyList<EventParticipant> Unresolved { get; init; } = [];

    /// <summary>Relations to earlier events of the same document.</summary>
    public IReadOnlyList<EventLink> Links { get; init; } = [];

    /// <summary>Earliest and latest minute (<c>yyyy-MM-ddTHH:mm</c>) the start time may denote, when it is a calendar time; else null.</summary>
    public string? Earliest { get; init; }

    /// <inheritdoc cref="Earliest"/>
    public string? Latest { get; init; }

    /// <summary><c>sentence</c> when the time is stated in the event's sentence, <c>narrative</c> when taken from the last date before it, or null.</summary>
    public string? TimeAnchor { get; init; }

    /// <summary>Ids of the speakers of the turn the event is stated in (a request or promise belongs to them); empty in narration.</summary>
    public ImmutableArray<string> Speakers { get; init; } = [];

    /// <summary>The attribution (diary, hearsay) that says how the paragraph stating the event is known, or null.</summary>
    public TextSpan? Source { get; init; }

    /// <summary>The fillers of <paramref name="role"/>, empty when none.</summary>
    public ImmutableArray<string> Role(string role)
    {
        foreach (var filler in Roles) if (filler.Name == role) return filler.Entities;
        return [];
    }

    public void WriteFields(IFieldWriter writer)
    {
        writer.String("id", Id);
        writer.String("type", Type);
        writer.Span("trigger", Trigger);
        writer.String("polarity", Negative ? "negative" : "positive");
        writer.String("modality", Modality);
        var roles = Roles;
        writer.Object("roles", w =>
        {
            foreach (var role in roles) w.StringList(role.Name, role.Entities);
        });
        writer.ObjectList("unresolved", Unresolved, static (w, participant) =>
        {
            w.String("role", participant.Role);
            w.Span("span", participant.Span);
            w.String("text", participant.Text);
        });
        writer.ObjectList("items", Items, static (w, item) =>
        {
            w.String("item", item.Text);
            if (item.Quantity is { } quantity) w.Number("quantity", quantity);
            else w.Null("quantity");
        });
        if (TimeStart is null) writer.Null("time");
        else
        {
            string? end = TimeEnd, earliest = Earliest, latest = Latest, anchor = TimeAnchor;
            writer.Object("time", w =>
            {
                w.String("start", TimeStart);
                w.String("end", end);
                w.String("earliest", earliest);
                w.String("latest", latest);
                w.String("anchor", anchor);
            });
        }
        writer.StringList("speakers", Speakers);
        writer.Span("source", Source);
        writer.ObjectList("links", Links, static (w, link) =>
        {
            w.String("relation", link.Relation);
            w.String("target", link.Target);
            w.Span("evidence", link.Evidence);
            if (link.Given is { } given) w.Number("given", given);
            else w.Null("given");
            if (link.Asked is { } asked) w.Number("asked", asked);
            else w.Null("asked");
        });
    }
}
