using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Syntax;

/// <summary>
/// One token's place in the dependency tree: the index of its head in the <c>tokens</c> layer (-1 for
/// the root of its sentence) and the UD relation to it (<c>nsubj</c>, <c>obl:tmod</c>, …).
/// </summary>
public readonly record struct Dependency(TextSpan Span, int Head, string Relation) : IAnnotation
{
    public void WriteFields(IFieldWriter writer)
    {
        writer.Number("head", Head);
        writer.String("deprel", Relation);
    }
}
