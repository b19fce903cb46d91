using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Annalist.Core.Entities.Gazetteers;

/// <summary>
/// Place, country and region names with their gazetteer entries, and demonyms with their countries.
/// Lookups are by exact, case-sensitive name (multi-word names joined by single spaces) and allocate
/// nothing. Immutable after construction and thread-safe.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, GazetteerEntry> _names;
    private readonly Dictionary<string, GazetteerEntry>.AlternateLookup<ReadOnlySpan<char>> _nameLookup;
    private readonly Dictionary<string, GazetteerEntry> _demonyms;
    private readonly Dictionary<string, GazetteerEntry>.AlternateLookup<ReadOnlySpan<char>> _demonymLookup;
    private readonly Dictionary<string, GazetteerEntry>.AlternateLookup<ReadOnlySpan<char>> _abbreviationLookup;
    private readonly Dictionary<string, string[]> _countryNames;

    private Gazetteer(Dictionary<string, GazetteerEntry> names, Dictionary<string, GazetteerEntry> demonyms)
        : this(names, demonyms, new(StringComparer.Ordinal), new(StringComparer.Ordinal))
    {
    }

    private Gazetteer(Dictionary<string, GazetteerEntry> names, Dictionary<string, GazetteerEntry> demonyms, Dictionary<string, GazetteerEntry> abbreviations, Dictionary<string, string[]> countryNames)
    {
        _names = names;
        _demonyms = demonyms;
        _countryNames = countryNames;
        _nameLookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        _demonymLookup = demonyms.GetAlternateLookup<ReadOnlySpan<char>>();
        _abbreviationLookup = abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        MaxWords = names.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
    }

    /// <summary>A gazetteer with no names, for tests and for running without lists.</summary>
    public static Gazetteer Empty { get; } = new(new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>The most words any name has.</summary>
    public int MaxWords { get; }

    public int NameCount => _names.Count;

    /// <summary>Every place name as written (the truecaser counts their words as capitalized forms).</summary>
    public IEnumerable<string> PlaceNames => _names.Keys;

    public int DemonymCount => _demonyms.Count;

    /// <summary>The entry named exactly <paramref name="name"/> (the most important when several share it).</summary>
    public bool TryGetPlace(ReadOnlySpan<char> name, out GazetteerEntry entry) => _nameLookup.TryGetValue(name, out entry!);

    /// <summary>The country whose people <paramref name="word"/> names (<c>Chinese</c>, <c>Germans</c>).</summary>
    public bool TryGetDemonym(ReadOnlySpan<char> word, out GazetteerEntry country) => _demonymLookup.TryGetValue(word, out country!);

    /// <summary>
    /// The country or former country that <paramref name="name"/> names: one of its names (<c>Soviet Union</c>, <c>Yugoslavia</c>)
    /// or an abbreviation its official or attested names give (<c>U.S.S.R.</c>, <c>USSR</c>, <c>U.S.</c>, <c>PRC</c>). Abbreviations
    /// are kept apart from <see cref="TryGetPlace"/>: all-capital codes are no place names to the tagger.
    /// </summary>
    public bool TryGetCountry(ReadOnlySpan<char> name, out GazetteerEntry country)
    {
        if (_abbreviationLookup.TryGetValue(name, out country!)) return true;
        return _nameLookup.TryGetValue(name, out country!) && country.Kind is GazetteerKind.Country or GazetteerKind.FormerCountry;
    }

    /// <summary>
    /// Every name and abbreviation of a country or former country (<c>Union of Soviet Socialist Republics</c>, <c>Soviet Union</c>,
    /// <c>U.S.S.R.</c>, <c>USSR</c>), its own name first; empty for any other entry.
    /// </summary>
    public IReadOnlyList<string> NamesOf(GazetteerEntry country) => _countryNames.TryGetValue(country.Id, out var names) ? names : [];

    /// <summary>Builds a gazetteer from entries with their names, and demonyms with their countries' entries.</summary>
    public static Gazetteer Create(IEnumerable<(GazetteerEntry Entry, IEnumerable<string> Names)> places, IEnumerable<(string Demonym, GazetteerEntry Country)> demonyms) =>
        Create(places, demonyms, [], normalized: false);

    /// <summary>As <see cref="Create(IEnumerable{ValueTuple{GazetteerEntry, IEnumerable{string}}}, IEnumerable{ValueTuple{string, GazetteerEntry}})"/>, with countries' abbreviations (<c>U.S.S.R.</c>).</summary>
    public static Gazetteer Create(IEnumerable<(GazetteerEntry Entry, IEnumerable<string> Names)> places, IEnumerable<(string Demonym, GazetteerEntry Country)> demonyms, IEnumerable<(string Abbreviation, GazetteerEntry Country)> abbreviations) =>
        Create(places, demonyms, abbreviations, normalized: false);

    private static Gazetteer Create(IEnumerable<(GazetteerEntry Entry, IEnumerable<string> Names)> places, IEnumerable<(string Demonym, GazetteerEntry Country)> demonyms, IEnumerable<(string Abbreviation, GazetteerEntry Country)> abbreviations, bool normalized)
    {
        var names = new Dictionary<string, GazetteerEntry>(200_000, StringComparer.Ordinal);
        var countryNames = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (entry, entryNames) in places)
        {
            bool country = entry.Kind is GazetteerKind.Country or GazetteerKind.FormerCountry;
            foreach (string raw in entryNames)
            {
                string name = normalized ? raw : NormalizeSpaces(raw);
                if (!IsUsableName(name)) continue;
                if (country) Listed(countryNames, entry.Id).Add(name);
                if (!names.TryGetValue(name, out var existing) || Outranks(entry, existing)) names[name] = entry;
            }
        }
        var abbreviationMap = new Dictionary<string, GazetteerEntry>(StringComparer.Ordinal);
        foreach (var (abbreviation, country) in abbreviations)
        {
            string word = NormalizeSpaces(abbreviation);
            if (word.Length < 2 || !char.IsUpper(word[0])) continue;
            if (!abbreviationMap.TryGetValue(word, out var existing) || country.Population > existing.Population) abbreviationMap[word] = country;
            Listed(countryNames, country.Id).Add(word);
        }
        var demonymMap = new Dictionary<string, GazetteerEntry>(StringComparer.Ordinal);
        foreach (var (demonym, country) in demonyms)
        {
            string word = NormalizeSpaces(demonym);
            if (word.Length < 3 || !char.IsUpper(word[0])) continue;
            // A demonym several countries share is the most populous one's (American: the United States, not the Northern Marianas).
            AddDemonym(word, country);
            if (!word.EndsWith('s') && !word.EndsWith("ese", StringComparison.Ordinal) && !word.EndsWith("sh", StringComparison.Ordinal) && !word.EndsWith("ch", StringComparison.Ordinal))
                AddDemonym(word + "s", country);
        }
        return new Gazetteer(names, demonymMap, abbreviationMap, countryNames.ToDictionary(p => p.Key, p => p.Value.Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal));

        void AddDemonym(string word, GazetteerEntry country)
        {
            if (!demonymMap.TryGetValue(word, out var existing) || country.Population > existing.Population) demonymMap[word] = country;
        }
    }

    private static List<string> Listed(Dictionary<string, List<string>> lists, string id)
    {
        if (!lists.TryGetValue(id, out var list)) lists[id] = list = [];
        return list;
    }

    /// <summary>
    /// Reads the compact form written by <c>Write</c>: gzip'd UTF-8 lines
    /// <c>kind TAB id TAB latitude TAB longitude TAB population TAB name|name…</c>, and
    /// <c>D TAB country-id TAB demonym|demonym…</c>.
    /// </summary>
    public static Gazetteer Read(Stream compact)
    {
        using var gzip = new GZipStream(compact, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var places = new List<(GazetteerEntry, IEnumerable<string>)>();
        var byId = new Dictionary<string, GazetteerEntry>(StringComparer.Ordinal);
        var demonyms = new List<(string, string)>();
        var abbreviations = new List<(string, string)>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var fields = line.Split('\t');
            if (fields[0] == "D" && fields.Length >= 3)
            {
                foreach (string d in fields[2].Split('|')) demonyms.Add((d, fields[1]));
                continue;
            }
            if (fields[0] == "A" && fields.Length >= 3)
            {
                foreach (string a in fields[2].Split('|')) abbreviations.Add((a, fields[1]));
                continue;
            }
            if (fields.Length < 6) continue;
            var kind = fields[0] switch { "C" => GazetteerKind.Country, "R" => GazetteerKind.Region, "F" => GazetteerKind.FormerCountry, _ => GazetteerKind.Place };
            var names = fields[5].Split('|');
            var entry = new GazetteerEntry(fields[1], kind, names[0], ParseDouble(fields[2]), ParseDouble(fields[3]), long.TryParse(fields[4], CultureInfo.InvariantCulture, out long p) ? p : 0);
            places.Add((entry, names));
            byId[entry.Id] = entry;
        }
        return Create(places, demonyms.Where(d => byId.ContainsKey(d.Item2)).Select(d => (d.Item1, byId[d.Item2])),
            abbreviations.Where(a => byId.ContainsKey(a.Item2)).Select(a => (a.Item1, byId[a.Item2])), normalized: true);
    }

    /// <summary>Writes the compact form <see cref="Read"/> reads, deterministically.</summary>
    public static void Write(Stream output, IEnumerable<(GazetteerEntry Entry, IReadOnlyList<string> Names)> places, IEnumerable<(string CountryId, IReadOnlyList<string> Demonyms)> demonyms) =>
        Write(output, places, demonyms, []);

    /// <summary>
    /// As <see cref="Write(Stream, IEnumerable{ValueTuple{GazetteerEntry, IReadOnlyList{string}}}, IEnumerable{ValueTuple{string, IReadOnlyList{string}}})"/>,
    /// with lines <c>A TAB country-id TAB abbreviation|abbreviation…</c> (which readers before session 11 skip).
    /// </summary>
    public static void Write(Stream output, IEnumerable<(GazetteerEntry Entry, IReadOnlyList<string> Names)> places, IEnumerable<(string CountryId, IReadOnlyList<string> Demonyms)> demonyms, IEnumerable<(string CountryId, IReadOnlyList<string> Abbreviations)> abbreviations)
    {
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var (entry, names) in places)
        {
            char kind = entry.Kind switch { GazetteerKind.Country => 'C', GazetteerKind.Region => 'R', GazetteerKind.FormerCountry => 'F', _ => 'P' };
            writer.Write(kind);
            writer.Write('\t');
            writer.Write(entry.Id);
            writer.Write('\t');
            writer.Write(FormatDouble(entry.Latitude));
            writer.Write('\t');
            writer.Write(FormatDouble(entry.Longitude));
            writer.Write('\t');
            writer.Write(entry.Population.ToString(CultureInfo.InvariantCulture));
            writer.Write('\t');
            // The entry's own name first, even when unusable for lookup: Read takes it as the entry's name.
            var usable = names.Select(NormalizeSpaces).Where(n => IsUsableName(n) && !n.Contains('|') && !n.Contains('\t')).Distinct(StringComparer.Ordinal).Where(n => n != entry.Name);
            writer.Write(string.Join('|', usable.Prepend(NormalizeSpaces(entry.Name))));
            writer.Write('\n');
        }
        foreach (var (id, list) in demonyms)
        {
            if (list.Count == 0) continue;
            writer.Write("D\t");
            writer.Write(id);
            writer.Write('\t');
            writer.Write(string.Join('|', list));
            writer.Write('\n');
        }
        foreach (var (id, list) in abbreviations)
        {
            if (list.Count == 0) continue;
            writer.Write("A\t");
            writer.Write(id);
            writer.Write('\t');
            writer.Write(string.Join('|', list));
            writer.Write('\n');
        }
    }

    /// <summary>A name is listed only when it starts with a capital and is not an all-capital code (<c>MOW</c>).</summary>
    internal static bool IsUsableName(string name)
    {
        if (name.Length < 2 || !char.IsUpper(name[0])) return false;
        foreach (char c in name)
        {
            if (char.IsLower(c)) return true;
        }
        return false;
    }

    private static bool Outranks(GazetteerEntry candidate, GazetteerEntry existing)
    {
        // A large city outranks a region of its name (Berlin the city, not the state); countries outrank both.
        static int Rank(GazetteerEntry e) => e.Kind switch
        {
            GazetteerKind.Country => 4,
            GazetteerKind.FormerCountry => 3,
            GazetteerKind.Region => 1,
            _ => e.Population >= 500_000 ? 2 : 0,
        };
        int byKind = Rank(candidate).CompareTo(Rank(existing));
        return byKind != 0 ? byKind > 0 : candidate.Population > existing.Population;
    }

    private static string NormalizeSpaces(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static double ParseDouble(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : double.NaN;

    private static string FormatDouble(double d) => double.IsNaN(d) ? "" : d.ToString("0.####", CultureInfo.InvariantCulture);
}
