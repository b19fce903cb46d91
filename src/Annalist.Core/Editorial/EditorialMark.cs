using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Editorial;

public enum EditorialKind : byte
{
    /// <summary>Words the editor added (<c>[March 3, 1950]</c>, <c>[Eden said:]</c>).</summary>
    Supplied,
    /// <summary>An editor's remark (<c>[sic]</c>, <c>[sic, also …]</c>).</summary>
    Note,
    /// <summary>An omission (<c>…</c>, <c>...</c>, <c>[…]</c>).</summary>
    Gap,
}

/// <summary>
/// An editor's mark. <see cref="Span"/> covers the brackets; <see cref="Content"/> the text inside them
/// (equal to <see cref="Span"/> for a bare ellipsis).
/// </summary>
public readonly record struct EditorialMark(TextSpan Span, EditorialKind Kind, TextSpan Content) : IAnnotation
{
    public void WriteFields(IFieldWriter writer)
    {
        writer.String("kind", Kind switch
        {
            EditorialKind.Supplied => "supplied",
            EditorialKind.Note => "note",
            _ => "gap",
        });
        writer.Span("content", Content);
    }
}
