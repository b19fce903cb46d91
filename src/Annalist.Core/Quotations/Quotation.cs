using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Quotations;

/// <summary>
/// A quotation. <see cref="Span"/> runs from the opening mark through the closing mark (or, when never
/// closed, to where it is taken to end); <see cref="Content"/> is what lies between the marks.
/// <see cref="Depth"/> is 0 for an outermost quotation, 1 for one nested in it, and so on.
/// </summary>
public readonly record struct Quotation(TextSpan Span, TextSpan Content, bool Closed, int Depth, char OpeningMark) : IAnnotation
{
    public void WriteFields(IFieldWriter writer)
    {
        writer.Boolean("closed", Closed);
        writer.Span("content", Content);
        writer.Number("depth", Depth);
        writer.String("mark", OpeningMark.ToString());
    }
}
