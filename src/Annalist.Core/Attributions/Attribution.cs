using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Attributions;

/// <summary>How a statement is known.</summary>
public enum Evidentiality : byte
{
    /// <summary>From what others say: <c>it is said</c>, <c>reportedly</c>, <c>they heard that</c> (a speaker's own <c>I heard</c> is the speaker's testimony).</summary>
    Hearsay,
    /// <summary>From a document: <c>noted in his diary</c>, <c>according to the report</c>.</summary>
    WrittenSource,
    /// <summary>The writer or speaker doubts it: <c>I don't know if this is true</c>, <c>allegedly</c>.</summary>
    Uncertain,
}

/// <summary>
/// One item of the <c>attributions</c> layer. <see cref="Span"/> is the clause the cue qualifies (from
/// the clause boundary before the cue to the one after it, within its sentence); <see cref="Cue"/> is
/// the cue phrase itself.
/// </summary>
/// <param name="Span">The qualified clause, cue included.</param>
/// <param name="Cue">The words that say how the statement is known.</param>
/// <param name="Evidentiality">Hearsay, a written source or uncertainty.</param>
/// <param name="SourceHolder">The entity id of whoever holds the source (the diarist, the author), when an entity layer names one; else null.</param>
public sealed record Attribution(TextSpan Span, TextSpan Cue, Evidentiality Evidentiality, string? SourceHolder) : IAnnotation
{
    /// <summary>The speaker's doubt about this very statement that follows it (<c>I don't know if this is true</c>), or null.</summary>
    public TextSpan? Doubt { get; init; }

    public void WriteFields(IFieldWriter writer)
    {
        writer.String("evidentiality", Name(Evidentiality));
        writer.Span("cue", Cue);
        writer.String("source_holder", SourceHolder);
        writer.Span("doubt", Doubt);
    }

    public static string Name(Evidentiality evidentiality) => evidentiality switch
    {
        Evidentiality.Hearsay => "hearsay",
        Evidentiality.WrittenSource => "written-source",
        _ => "uncertain",
    };
}
