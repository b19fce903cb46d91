using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Entities.Authorities;
using Annalist.Core.Entities.Gazetteers;
using Annalist.Core.Text;

namespace Annalist.Core.Entities;

/// <summary>
/// One person, place, organization or group as the document names it: the cluster of its mentions.
/// <see cref="Span"/> is the span of its first mention. <see cref="Aliases"/> are the distinct mention
/// texts in order of first appearance; <see cref="Roles"/> the titles and offices the document gives it
/// (<c>General</c>, <c>Soviet Ambassador</c>); <see cref="Place"/> the gazetteer entry a place matched, if any;
/// <see cref="Authority"/> the entry of a user's authority list a person was linked to, with its evidence.
/// </summary>
public sealed record Entity(
    TextSpan Span,
    string Id,
    EntityType Type,
    string Name,
    ImmutableArray<string> Aliases,
    ImmutableArray<string> Roles,
    ImmutableArray<TextSpan> Mentions,
    GazetteerEntry? Place,
    AuthorityLink? Authority = null) : IAnnotation
{
    public void WriteFields(IFieldWriter writer)
    {
        writer.String("id", Id);
        writer.String("type", EntityTypeNames.Of(Type));
        writer.String("name", Name);
        writer.StringList("aliases", Aliases);
        writer.StringList("roles", Roles);
        writer.SpanPairs("mentions", Mentions);
        if (Place is { } place)
        {
            writer.String("gazetteer", place.Id);
            if (!double.IsNaN(place.Latitude) && !double.IsNaN(place.Longitude))
            {
                writer.Number("latitude", place.Latitude);
                writer.Number("longitude", place.Longitude);
            }
        }
        if (Authority is { } authority) writer.Object("authority", authority.WriteFields);
    }
}
