using System.Globalization;
using Annalist.Core.Entities.Gazetteers;

namespace Annalist.Formats.Corpora;

/// <summary>
/// Reads the project's generated gazetteer tables (<c>data/gazetteers/*.tsv</c>: places, countries with
/// demonyms, regions, former countries) and writes the compact form shipped in Annalist.Core.
/// </summary>
public static class GazetteerSources
{
    /// <summary>Trailing words of region names that the name is also used without (<c>Gansu Sheng</c> → <c>Gansu</c>).</summary>
    private static readonly string[] RegionSuffixes =
    [
        "Sheng", "Shi", "Zizhiqu", "Province", "Region", "Oblast", "Oblast'", "Oblast’", "Kray", "Krai", "Aymag", "Aimag", "State",
        "Prefecture", "Governorate", "Department", "County", "District", "Territory", "Autonomous Region", "Republic", "Respublika", "Ostan", "Vilayeti",
    ];

    public static (List<(GazetteerEntry Entry, IReadOnlyList<string> Names)> Places, List<(string CountryId, IReadOnlyList<string> Demonyms)> Demonyms) Read(string folder) =>
        Read(folder, abbreviations: null);

    /// <summary>As <see cref="Read(string)"/>, also collecting each country's and former country's abbreviations (<c>U.S.S.R.</c>, <c>USSR</c>) into <paramref name="abbreviations"/>.</summary>
    public static (List<(GazetteerEntry Entry, IReadOnlyList<string> Names)> Places, List<(string CountryId, IReadOnlyList<string> Demonyms)> Demonyms) Read(string folder, List<(string CountryId, IReadOnlyList<string> Abbreviations)>? abbreviations)
    {
        var places = new List<(GazetteerEntry, IReadOnlyList<string>)>();
        var demonyms = new List<(string, IReadOnlyList<string>)>();
        foreach (var row in Rows(Path.Combine(folder, "countries.tsv")))
        {
            long.TryParse(row.GetValueOrDefault("population"), CultureInfo.InvariantCulture, out long population);
            var entry = new GazetteerEntry("iso3166:" + row["cca2"], GazetteerKind.Country, row["name"], Number(row["latitude"]), Number(row["longitude"]), population);
            places.Add((entry, [row["name"], .. List(row["alternates"])]));
            demonyms.Add((entry.Id, List(row["demonyms"])));
            abbreviations?.Add((entry.Id, List(row.GetValueOrDefault("abbreviations") ?? "")));
        }
        foreach (var row in Rows(Path.Combine(folder, "former-countries.tsv")))
        {
            var entry = new GazetteerEntry("iso3166-3:" + row["alpha4"], GazetteerKind.FormerCountry, row["name"], double.NaN, double.NaN, 0);
            places.Add((entry, [row["name"], .. List(row.GetValueOrDefault("names") ?? "")]));
            demonyms.Add((entry.Id, List(row.GetValueOrDefault("demonyms") ?? "")));
            abbreviations?.Add((entry.Id, List(row.GetValueOrDefault("abbreviations") ?? "")));
        }
        foreach (var row in Rows(Path.Combine(folder, "regions.tsv")))
        {
            string name = row["name"];
            var names = new List<string> { name };
            foreach (string suffix in RegionSuffixes)
            {
                if (name.EndsWith(" " + suffix, StringComparison.Ordinal) && name.Length > suffix.Length + 3) names.Add(name[..^(suffix.Length + 1)]);
            }
            places.Add((new GazetteerEntry("iso3166-2:" + row["code"], GazetteerKind.Region, name, double.NaN, double.NaN, 0), names));
        }
        foreach (var row in Rows(Path.Combine(folder, "places.tsv")))
        {
            long.TryParse(row["population"], CultureInfo.InvariantCulture, out long population);
            var entry = new GazetteerEntry("geonames:" + row["geonameid"], GazetteerKind.Place, row["name"], Number(row["latitude"]), Number(row["longitude"]), population);
            places.Add((entry, [row["name"], .. List(row["alternates"])]));
        }
        return (places, demonyms);
    }

    public static void WriteCompact(string folder, Stream output)
    {
        var abbreviations = new List<(string, IReadOnlyList<string>)>();
        var (places, demonyms) = Read(folder, abbreviations);
        Gazetteer.Write(output, places, demonyms, abbreviations);
    }

    private static IEnumerable<Dictionary<string, string>> Rows(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.Split('\t') ?? [];
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            var fields = line.Split('\t');
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < header.Length; i++) row[header[i]] = i < fields.Length ? fields[i] : "";
            yield return row;
        }
    }

    private static List<string> List(string value) => [.. value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static double Number(string value) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : double.NaN;
}
