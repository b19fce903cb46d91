using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Entities;

/// <summary>
/// A stretch of text naming a person, place, organization or group. <see cref="Span"/> covers the name
/// without a possessive ending or a title before it; <see cref="EntityId"/> is the <c>id</c> of the
/// entity in the <c>entities</c> layer it belongs to.
/// </summary>
public readonly record struct Mention(TextSpan Span, EntityType Type, string EntityId) : IAnnotation
{
    public void WriteFields(IFieldWriter writer)
    {
        writer.String("type", EntityTypeNames.Of(Type));
        writer.String("entity", EntityId);
    }
}
