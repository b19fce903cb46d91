using System.Text;

namespace Annalist.Cli.Reports;

/// <summary>Turns document text into short single-line excerpts fit for a table cell.</summary>
internal static class ReportText
{
    /// <summary>
    /// <paramref name="text"/> with every run of white space shown as one space, control characters as
    /// U+FFFD, and anything past <paramref name="maxLength"/> characters cut with an ellipsis.
    /// </summary>
    public static string Excerpt(ReadOnlySpan<char> text, int maxLength)
    {
        var builder = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        bool inSpace = false;
        foreach (char c in text)
        {
            if (builder.Length >= maxLength)
            {
                return builder.Append('…').ToString();
            }
            if (char.IsWhiteSpace(c))
            {
                if (!inSpace) builder.Append(' ');
                inSpace = true;
                continue;
            }
            inSpace = false;
            builder.Append(char.IsControl(c) ? '\uFFFD' : c);
        }
        return builder.ToString();
    }
}
