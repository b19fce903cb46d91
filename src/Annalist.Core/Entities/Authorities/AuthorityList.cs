using System.Collections.Immutable;

namespace Annalist.Core.Entities.Authorities;

/// <summary>
/// A list of known people that person entities are linked to (see <see cref="AuthorityLinker"/>), with the
/// name of its source (a file path) for evidence and messages. Ids are unique; the reader enforces that.
/// </summary>
public sealed class AuthorityList
{
    public AuthorityList(string source, IEnumerable<AuthorityEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(entries);
        Source = source;
        Entries = [.. entries];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            if (!seen.Add(entry.Id)) throw new ArgumentException($"The id '{entry.Id}' is used twice.", nameof(entries));
        }
    }

    public string Source { get; }

    public ImmutableArray<AuthorityEntry> Entries { get; }

    public int Count => Entries.Length;
}
