using System.Globalization;

namespace Annalist.Web.Corpus;

/// <summary>
/// The range of minutes an ISO 8601 calendar value denotes: <c>1944</c> is all of that year,
/// <c>1944-01</c> that month, <c>1944-01-07</c> that day. Anything else (durations, <c>PRESENT_REF</c>) has none.
/// </summary>
public static class IsoRange
{
    public static bool TryParse(string? value, out string earliest, out string latest)
    {
        earliest = latest = "";
        if (string.IsNullOrWhiteSpace(value)) return false;
        var text = value.AsSpan().Trim();
        if (text.Length > 10 && text[10] == 'T') text = text[..10];
        if (text.Length < 4 || !int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1) return false;
        if (text.Length == 4)
        {
            earliest = Stamp(year, 1, 1, "00:00");
            latest = Stamp(year, 12, 31, "23:59");
            return true;
        }
        if (text.Length < 7 || text[4] != '-' || !int.TryParse(text.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int month) || month is < 1 or > 12) return false;
        if (text.Length == 7)
        {
            earliest = Stamp(year, month, 1, "00:00");
            latest = Stamp(year, month, DateTime.DaysInMonth(year, month), "23:59");
            return true;
        }
        if (text.Length != 10 || text[7] != '-' || !int.TryParse(text.Slice(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int day)
            || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        earliest = Stamp(year, month, day, "00:00");
        latest = Stamp(year, month, day, "23:59");
        return true;
    }

    private static string Stamp(int year, int month, int day, string time) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}T{time}");
}
