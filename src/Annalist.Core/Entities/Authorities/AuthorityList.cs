using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

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

    /// <summary>
    /// The first 16 hex digits of a SHA-256 over every entry's fields (not the source's name): two lists with the
    /// same people give the same fingerprint, any change to an id, name, variant, description or year another. The
    /// store makes it part of a document's version, so a changed list re-links the documents it applies to.
    /// </summary>
    public string Fingerprint => _fingerprint ??= ComputeFingerprint();

    private string? _fingerprint;

    private string ComputeFingerprint()
    {
        var text = new StringBuilder();
        foreach (var entry in Entries)
        {
            text.Append(entry.Id).Append('\u001f').Append(entry.Name).Append('\u001f').AppendJoin('|', entry.Variants).Append('\u001f')
                .Append(entry.Description).Append('\u001f')
                .Append(string.Create(CultureInfo.InvariantCulture, $"{entry.Birth}/{entry.Death}/{entry.ActiveFrom}/{entry.ActiveTo}")).Append('\u001e');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
