using System.Globalization;

namespace Annalist.Formats.Export.Tei;

/// <summary>
/// Converts the time layer's values into TEI's W3C attributes (<c>@when</c>, <c>@notBefore</c>, <c>@notAfter</c>,
/// which take XML Schema dates: <c>1944</c>, <c>1944-01</c>, <c>1944-01-07</c>, <c>1944-01-07T23:00:00</c>) and
/// refuses anything else, so an export never carries a value the schema rejects.
/// </summary>
public static class TeiDates
{
    /// <summary>A TIMEX3 or ISO value as an XML Schema date or date-time, or null when it is not one (<c>1944-SP</c>, <c>XXXX-01-07</c>, <c>P3D</c>).</summary>
    public static string? ToW3C(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var text = value.AsSpan();
        bool negative = text.Length > 0 && text[0] == '-';
        if (negative) text = text[1..];
        int yearLength = 0;
        while (yearLength < text.Length && char.IsAsciiDigit(text[yearLength])) yearLength++;
        if (yearLength != 4) return null;
        if (text[..4].SequenceEqual("0000")) return null; // XML Schema 1.0 has no year zero.
        if (text.Length == 4) return value;
        if (text[4] != '-' || text.Length < 7 || !TwoDigits(text.Slice(5, 2), 1, 12)) return null;
        int month = int.Parse(text.Slice(5, 2), CultureInfo.InvariantCulture);
        if (text.Length == 7) return value;
        if (text[7] != '-' || text.Length < 10 || !TwoDigits(text.Slice(8, 2), 1, 31)) return null;
        int year = int.Parse(text[..4], CultureInfo.InvariantCulture);
        int day = int.Parse(text.Slice(8, 2), CultureInfo.InvariantCulture);
        if (!negative && day > DateTime.DaysInMonth(year, month)) return null;
        if (text.Length == 10) return value;
        if (text[10] != 'T' || text.Length < 16 || !TwoDigits(text.Slice(11, 2), 0, 23) || text[13] != ':' || !TwoDigits(text.Slice(14, 2), 0, 59)) return null;
        string minutes = (negative ? "-" : "") + text[..16].ToString();
        if (text.Length == 16) return minutes + ":00";
        if (text.Length == 19 && text[16] == ':' && TwoDigits(text.Slice(17, 2), 0, 59)) return value;
        return null;
    }

    /// <summary>
    /// An earliest or latest minute of the time layer (<c>1944-01-01T00:00</c>) as an attribute value: a plain
    /// date when it is the first (for <paramref name="isStart"/>) or last minute of its day.
    /// </summary>
    public static string? Bound(string? minute, bool isStart)
    {
        string? w3c = ToW3C(minute);
        if (w3c is null || w3c.Length < 19) return w3c;
        string time = w3c[^8..];
        if ((isStart && time == "00:00:00") || (!isStart && time is "23:59:00" or "23:59:59")) return w3c[..^9];
        return w3c;
    }

    /// <summary>A TIMEX3 duration usable as <c>@dur-iso</c> (digits and designators only, no <c>X</c>), else null.</summary>
    public static string? ToDuration(string? value)
    {
        if (string.IsNullOrEmpty(value) || value[0] != 'P' || value.Length < 3) return null;
        foreach (char c in value.AsSpan(1))
            if (!char.IsAsciiDigit(c) && c is not ('Y' or 'M' or 'W' or 'D' or 'T' or 'H' or 'S' or '.')) return null;
        return char.IsAsciiDigit(value[^1]) ? null : value;
    }

    private static bool TwoDigits(ReadOnlySpan<char> digits, int min, int max) =>
        digits.Length == 2 && char.IsAsciiDigit(digits[0]) && char.IsAsciiDigit(digits[1])
        && int.Parse(digits, CultureInfo.InvariantCulture) is var n && n >= min && n <= max;
}
