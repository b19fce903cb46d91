using System.Collections.Immutable;
using Annalist.Core.Annotations;

namespace Annalist.Core.Entities.Authorities;

/// <summary>
/// The authority entry an entity was linked to, with the <see cref="Score"/> that chose it and the
/// <see cref="Evidence"/> in words: which name form matched, what the dates and the context said, and which
/// namesakes lost and by how much.
/// </summary>
public sealed record AuthorityLink(string Id, string Name, string? Description, double Score, ImmutableArray<string> Evidence)
{
    internal void WriteFields(IFieldWriter writer)
    {
        writer.String("id", Id);
        writer.String("name", Name);
        if (Description is not null) writer.String("description", Description);
        writer.Number("score", Math.Round(Score, 2));
        writer.StringList("evidence", Evidence);
    }
}
