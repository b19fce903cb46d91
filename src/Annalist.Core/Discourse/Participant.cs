using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Discourse;

/// <summary>Where a participant was found.</summary>
public enum ParticipantSource : byte
{
    /// <summary>A participants block (<c>Participants: The Secretary, Mr. Molotov …</c>).</summary>
    Block,
    /// <summary>A narrative statement (<c>A and B met with C</c>, <c>X, Y and Z were present</c>).</summary>
    Narrative,
}

/// <summary>
/// One participant of the conversation a document records. <see cref="Span"/> covers the item as written
/// (<c>Soviet Ambassador Zaroubin</c>); <see cref="Name"/> the words naming the person within it;
/// <see cref="Role"/> the office or role stated with it (<c>Soviet Ambassador</c>, <c>interpreter</c>);
/// <see cref="Affiliation"/> the side the block lists it under (<c>United States</c>), or null;
/// <see cref="EntityId"/> the id of its entity in the <c>entities</c> layer, when that layer exists.
/// </summary>
public sealed record Participant(TextSpan Span, string Name, string? Role, string? Affiliation, string? EntityId, ParticipantSource Source) : IAnnotation
{
    public void WriteFields(IFieldWriter writer)
    {
        writer.String("name", Name);
        writer.String("role", Role);
        writer.String("affiliation", Affiliation);
        writer.String("entity", EntityId);
        writer.String("source", Source == ParticipantSource.Block ? "block" : "narrative");
    }
}
