using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Segmentation;

/// <summary>A sentence, from its first token to its last (closing quotation marks and brackets included).</summary>
public readonly record struct Sentence(TextSpan Span) : IAnnotation
{
    public void WriteFields(IFieldWriter writer)
    {
    }
}
