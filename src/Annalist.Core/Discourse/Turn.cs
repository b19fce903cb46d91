using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Discourse;

/// <summary>How a turn gives what was said.</summary>
public enum TurnMode : byte
{
    /// <summary>In the speaker's words, quoted or in script form (<c>Stalin: “…”</c>, <c>Q: …</c>).</summary>
    Direct,
    /// <summary>In the writer's words, after a reporting verb (<c>The Secretary replied that …</c>).</summary>
    Reported,
}

/// <summary>
/// One speaker turn: what one speaker, or several jointly, is said to have said. <see cref="Span"/> is
/// the spoken text: inside the quotation marks for quoted speech, after the label for script form, after
/// the reporting verb and a complementizer <c>that</c> for reported speech. <see cref="Cue"/> is the label
/// or reporting clause that attributes it (null when the attribution is only inferred, as in untagged
/// alternation). <see cref="Speakers"/> and <see cref="Addressees"/> are ids of the <c>entities</c> layer,
/// empty when no entity layer exists or none could be bound; <see cref="SpeakerText"/> is the text naming
/// the speaker (for a pronoun, the name it was resolved to), null when unknown. <see cref="SpeakerRole"/> says what
/// kind of voice speaks when it is no single person: <c>group</c> (a side, a delegation, a people: <see cref="Speakers"/>
/// are then the entities of the sides it names, if bound), <c>press</c> or <c>questioner</c> (a transcript's
/// <c>Q:</c>, bound to no entity); null for a person or an unknown speaker.
/// </summary>
public sealed record Turn(
    TextSpan Span,
    TurnMode Mode,
    TextSpan? Cue,
    string? SpeakerText,
    ImmutableArray<string> Speakers,
    ImmutableArray<string> Addressees,
    string? AddresseeText,
    string? SpeakerRole = null) : IAnnotation
{
    public void WriteFields(IFieldWriter writer)
    {
        writer.StringList("speakers", Speakers);
        writer.String("mode", Mode == TurnMode.Direct ? "direct" : "reported");
        writer.Span("cue", Cue);
        writer.String("speaker_text", SpeakerText);
        writer.StringList("addressees", Addressees);
        writer.String("addressee_text", AddresseeText);
        // Written only when set, so a person's turn keeps the fields it had.
        if (SpeakerRole is not null) writer.String("speaker_role", SpeakerRole);
    }
}
