namespace Annalist.Core.Entities.Gazetteers;

public enum GazetteerKind : byte
{
    /// <summary>A populated place (GeoNames).</summary>
    Place,
    Country,
    /// <summary>A province, state or region (ISO 3166-2).</summary>
    Region,
    /// <summary>A state that no longer exists (ISO 3166-3).</summary>
    FormerCountry,
}

/// <summary>
/// One named place of a gazetteer. <see cref="Id"/> is namespaced by source (<c>geonames:524901</c>,
/// <c>iso3166:MN</c>); coordinates are WGS84 degrees, <see cref="double.NaN"/> when the source has none.
/// </summary>
public sealed record GazetteerEntry(string Id, GazetteerKind Kind, string Name, double Latitude, double Longitude, long Population);
