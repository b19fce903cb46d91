using System.Text;

namespace Annalist.Formats.Export;

/// <summary>Makes identifiers and name tokens XML accepts out of free text such as entity ids and event types.</summary>
public static class XmlIds
{
    /// <summary>
    /// <paramref name="text"/> as an ASCII NCName (letters, digits, <c>-</c>, <c>_</c>, <c>.</c>; other characters
    /// become <c>-</c>; an <c>x</c> in front when it would not start with a letter), made unique against
    /// <paramref name="taken"/> by a <c>-2</c>, <c>-3</c>, … suffix, and added to it.
    /// </summary>
    public static string Unique(string text, ISet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        string id = NCName(text);
        string candidate = id;
        for (int n = 2; !taken.Add(candidate); n++) candidate = $"{id}-{n}";
        return candidate;
    }

    public static string NCName(string? text)
    {
        var builder = new StringBuilder((text?.Length ?? 0) + 1);
        foreach (char c in text ?? "")
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        if (builder.Length == 0 || !char.IsAsciiLetter(builder[0]) && builder[0] != '_') builder.Insert(0, 'x');
        return builder.ToString();
    }

    /// <summary>A single name token for an enumerated attribute (<c>@type</c>, <c>@role</c>): no white space.</summary>
    public static string Token(string text) => NCName(text.Trim());
}
