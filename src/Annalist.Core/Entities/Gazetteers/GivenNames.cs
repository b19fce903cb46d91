using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Annalist.Core.Entities.Gazetteers;

/// <summary>How often a given name was given, and to whom.</summary>
/// <param name="Births">How many people were given the name in the source data.</param>
/// <param name="FemaleShare">The share of them that were girls, 0 to 1 (the rest were boys).</param>
public readonly record struct GivenName(int Births, float FemaleShare);

/// <summary>
/// Given names with their frequency and the share given to girls and boys (built from the US Social
/// Security card applications 1880–2024 by <c>tools/gazetteers/build.mjs</c>). Lookups ignore case
/// (<c>MARY</c>, <c>Mary</c> and <c>mary</c> are one name) and allocate nothing. Immutable and thread-safe.
/// </summary>
public sealed class GivenNames
{
    private const int MaxNameLength = 32;

    private readonly Dictionary<string, GivenName> _names;
    private readonly Dictionary<string, GivenName>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private GivenNames(Dictionary<string, GivenName> names)
    {
        _names = names;
        _lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>No names, for tests and for running without the list.</summary>
    public static GivenNames Empty { get; } = new(new(StringComparer.Ordinal));

    /// <summary>How many names are listed.</summary>
    public int Count => _names.Count;

    /// <summary>Builds a list from names with their counts; a name listed twice keeps its first entry.</summary>
    public static GivenNames Create(IEnumerable<(string Name, GivenName Entry)> names)
    {
        var map = new Dictionary<string, GivenName>(StringComparer.Ordinal);
        foreach (var (name, entry) in names)
        {
            if (name.Length < 2 || name.Length > MaxNameLength || entry.Births <= 0) continue;
            map.TryAdd(name.ToLowerInvariant(), entry with { FemaleShare = Math.Clamp(entry.FemaleShare, 0f, 1f) });
        }
        return new GivenNames(map);
    }

    /// <summary>The entry for <paramref name="word"/>, in any case.</summary>
    public bool TryGet(ReadOnlySpan<char> word, out GivenName entry)
    {
        entry = default;
        if (word.Length < 2 || word.Length > MaxNameLength || _names.Count == 0) return false;
        Span<char> lower = stackalloc char[MaxNameLength];
        int length = word.ToLowerInvariant(lower);
        return length > 0 && _lookup.TryGetValue(lower[..length], out entry);
    }

    /// <summary>
    /// The share of the people given <paramref name="name"/> who were girls (<paramref name="femaleShare"/>)
    /// and boys (<paramref name="maleShare"/>, the rest); false when the name is not listed.
    /// </summary>
    public bool TryGetGender(ReadOnlySpan<char> name, out float femaleShare, out float maleShare)
    {
        bool found = TryGet(name, out var entry);
        femaleShare = found ? entry.FemaleShare : 0f;
        maleShare = found ? 1f - entry.FemaleShare : 0f;
        return found;
    }

    /// <summary>
    /// 0 when <paramref name="word"/> is not a listed name, else 1 to 4 by how often it was given
    /// (under 10,000 people; under 100,000; under a million; a million or more).
    /// </summary>
    public byte FrequencyBin(ReadOnlySpan<char> word)
    {
        if (!TryGet(word, out var entry)) return 0;
        return entry.Births >= 1_000_000 ? (byte)4 : entry.Births >= 100_000 ? (byte)3 : entry.Births >= 10_000 ? (byte)2 : (byte)1;
    }

    /// <summary>
    /// Reads the table <c>tools/gazetteers/build.mjs</c> writes (<c>data/gazetteers/given-names.tsv</c>):
    /// a header, then <c>name TAB births TAB female_share</c> lines. Lines that do not parse are skipped.
    /// </summary>
    public static GivenNames ReadTable(TextReader table)
    {
        var names = new List<(string, GivenName)>();
        string? line;
        bool header = true;
        while ((line = table.ReadLine()) is not null)
        {
            if (header)
            {
                header = false;
                if (line.StartsWith("name\t", StringComparison.Ordinal)) continue;
            }
            var fields = line.Split('\t');
            if (fields.Length < 3
                || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int births)
                || !float.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out float share)
                || !float.IsFinite(share)) continue;
            names.Add((fields[0], new GivenName(births, share)));
        }
        return Create(names);
    }

    /// <summary>Reads the compact form <see cref="Write"/> writes: the table, gzip'd.</summary>
    public static GivenNames Read(Stream compact)
    {
        using var gzip = new GZipStream(compact, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return ReadTable(reader);
    }

    /// <summary>Writes the compact form <see cref="Read"/> reads, in name order, deterministically.</summary>
    public void Write(Stream output)
    {
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.Write("name\tbirths\tfemale_share\n");
        foreach (var (name, entry) in _names.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(name);
            writer.Write('\t');
            writer.Write(entry.Births.ToString(CultureInfo.InvariantCulture));
            writer.Write('\t');
            writer.Write(entry.FemaleShare.ToString("0.###", CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }
}
