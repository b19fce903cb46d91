using Annalist.Core.Text;

namespace Annalist.Core.Annotations;

/// <summary>One item of a stand-off layer: a span of the document and the fields that describe it.</summary>
public interface IAnnotation
{
    TextSpan Span { get; }

    /// <summary>Writes every field except <c>start</c>, <c>end</c> and <c>text</c>, which writers add themselves.</summary>
    void WriteFields(IFieldWriter writer);
}
