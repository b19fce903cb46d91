using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Segmentation;

/// <summary>A paragraph: text between blank lines, trimmed of surrounding white space.</summary>
public readonly record struct Paragraph(TextSpan Span) : IAnnotation
{
    public void WriteFields(IFieldWriter writer)
    {
    }
}
