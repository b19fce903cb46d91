using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Coreference;

/// <summary>What kind of expression a coreference link starts from.</summary>
public enum ReferringKind : byte
{
    /// <summary>A third-person pronoun: <c>he</c>, <c>her</c>, <c>themselves</c>.</summary>
    Pronoun,
    /// <summary>A definite person noun phrase: <c>the old man</c>, <c>her mother</c>, <c>the Minister</c>.</summary>
    Nominal,
}

/// <summary>
/// One pronoun or definite person noun phrase and the person it refers to. <see cref="EntityId"/> is an id of the
/// <c>entities</c> layer, or, when the expression introduces someone no name has named (<see cref="Introduces"/>),
/// a new id of the form <c>coref-N</c> that later expressions of the same document share.
/// <see cref="Antecedent"/> is the span of the earlier mention, pronoun or noun phrase chosen as the antecedent
/// (null when it introduces someone); <see cref="Score"/> is the model's confidence in that choice, in (0, 1):
/// the logistic of the margin between the best and the second-best option.
/// </summary>
public readonly record struct CoreferenceLink(
    TextSpan Span,
    ReferringKind Kind,
    string EntityId,
    TextSpan? Antecedent,
    double Score,
    bool Introduces) : IAnnotation
{
    public void WriteFields(IFieldWriter writer)
    {
        writer.String("kind", Kind == ReferringKind.Pronoun ? "pronoun" : "nominal");
        writer.String("entity", EntityId);
        writer.Span("antecedent", Antecedent);
        writer.Number("score", Math.Round(Score, 3));
        writer.Boolean("new", Introduces);
    }
}
