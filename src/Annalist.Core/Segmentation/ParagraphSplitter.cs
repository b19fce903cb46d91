using System.Buffers;
using Annalist.Core.Text;

namespace Annalist.Core.Segmentation;

/// <summary>
/// Finds paragraphs: runs of non-blank lines, trimmed of surrounding white space. Lines end at
/// <c>\n</c>, <c>\r\n</c>, <c>\r</c>, U+000B, U+0085 and U+2028; a form feed or U+2029 also ends the
/// paragraph, like a blank line. A text without any blank line is judged by its lines (see
/// <see cref="ParagraphStyle"/>). Stateless and thread-safe.
/// </summary>
public static class ParagraphSplitter
{
    private static readonly SearchValues<char> LineEnds = SearchValues.Create("\n\r\v\f\u0085\u2028\u2029");

    /// <summary>A line much shorter than this share of the wrap width ends a hard-wrapped paragraph.</summary>
    private const double ShortLineShare = 0.7;

    /// <summary>Lines longer than this are not hard-wrapped text.</summary>
    private const int MaxWrapWidth = 160;

    /// <summary>Lines of nearly equal length up to this width read as wrapped even when they end in stops.</summary>
    private const int ClusteredWrapWidth = 100;

    private readonly record struct Line(int Start, int ContentStart, int ContentEnd, bool HardBreakAfter)
    {
        public int Length => ContentEnd - ContentStart;

        public bool IsBlank => ContentEnd == ContentStart;

        public bool Indented => ContentStart > Start;
    }

    /// <summary>Appends the paragraphs of <paramref name="text"/> to <paramref name="output"/>, in order.</summary>
    /// <returns>The style the text was read in; <paramref name="wrapWidth"/> is set for <see cref="ParagraphStyle.HardWrapped"/>.</returns>
    public static ParagraphStyle Split(ReadOnlySpan<char> text, List<TextSpan> output, out int wrapWidth)
    {
        ArgumentNullException.ThrowIfNull(output);
        wrapWidth = 0;
        int first = output.Count;
        int paragraphStart = -1, paragraphEnd = -1, contentLines = 0;
        int position = 0;
        while (TryReadLine(text, ref position, out var line))
        {
            if (!line.IsBlank)
            {
                contentLines++;
                if (paragraphStart < 0) paragraphStart = line.ContentStart;
                paragraphEnd = line.ContentEnd;
            }
            if ((line.IsBlank || line.HardBreakAfter) && paragraphStart >= 0)
            {
                output.Add(new TextSpan(paragraphStart, paragraphEnd));
                paragraphStart = -1;
            }
        }
        if (paragraphStart >= 0) output.Add(new TextSpan(paragraphStart, paragraphEnd));

        int found = output.Count - first;
        if (found > 1) return ParagraphStyle.BlankLines;
        if (found == 0 || contentLines < 2) return ParagraphStyle.Single;

        output.RemoveAt(output.Count - 1);
        var lines = new List<Line>(contentLines);
        position = 0;
        while (TryReadLine(text, ref position, out var line))
        {
            if (!line.IsBlank) lines.Add(line);
        }
        wrapWidth = WrapWidth(text, lines);
        if (wrapWidth == 0)
        {
            foreach (var line in lines) output.Add(new TextSpan(line.ContentStart, line.ContentEnd));
            return ParagraphStyle.LinePerParagraph;
        }
        SplitWrapped(text, lines, wrapWidth, output);
        return ParagraphStyle.HardWrapped;
    }

    private static bool TryReadLine(ReadOnlySpan<char> text, ref int position, out Line line)
    {
        if (position >= text.Length)
        {
            line = default;
            return false;
        }
        int start = position;
        int found = text[start..].IndexOfAny(LineEnds);
        int end = found < 0 ? text.Length : start + found;
        bool hardBreak = false;
        if (end < text.Length)
        {
            char terminator = text[end];
            hardBreak = terminator is '\f' or '\u2029';
            position = terminator == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
        }
        else
        {
            position = text.Length;
        }
        int contentStart = start, contentEnd = end;
        while (contentStart < contentEnd && char.IsWhiteSpace(text[contentStart])) contentStart++;
        while (contentEnd > contentStart && char.IsWhiteSpace(text[contentEnd - 1])) contentEnd--;
        line = new Line(start, contentStart, contentEnd, hardBreak);
        return true;
    }

    /// <summary>The width a text without blank lines is wrapped at, or 0 when its lines read as whole paragraphs.</summary>
    private static int WrapWidth(ReadOnlySpan<char> text, List<Line> lines)
    {
        int openEnded = 0;
        var lengths = new int[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            lengths[i] = lines[i].Length;
            if (i < lines.Count - 1 && !EndsLikeSentence(text[lines[i].ContentStart..lines[i].ContentEnd])) openEnded++;
        }
        int nonLast = lines.Count - 1;
        int[] sorted = (int[])lengths.Clone();
        Array.Sort(sorted);
        int width = sorted[(int)Math.Round((sorted.Length - 1) * 0.9)];
        if (width > MaxWrapWidth) return 0;
        // Reading wrapped text line by line would cut its sentences, so a third of lines ending mid-sentence,
        // or lines of nearly equal length, is evidence enough.
        int nearWidth = 0;
        for (int i = 0; i < nonLast; i++) if (lengths[i] >= width * 0.8) nearWidth++;
        bool wrapped = openEnded * 3 >= nonLast || (width <= ClusteredWrapWidth && nearWidth * 10 >= nonLast * 6);
        return wrapped ? Math.Max(width, 1) : 0;
    }

    private static void SplitWrapped(ReadOnlySpan<char> text, List<Line> lines, int width, List<TextSpan> output)
    {
        int indented = 0;
        foreach (var line in lines) if (line.Indented) indented++;
        bool indentMarksParagraphs = indented * 2 < lines.Count;
        int start = lines[0].ContentStart;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            bool last = i == lines.Count - 1;
            bool breakAfter = last
                || (line.Length < width * ShortLineShare && text[line.ContentEnd - 1] != ':')
                || (indentMarksParagraphs && lines[i + 1].Indented)
                || StartsWithListMarker(text[lines[i + 1].ContentStart..lines[i + 1].ContentEnd]);
            if (breakAfter)
            {
                output.Add(new TextSpan(start, line.ContentEnd));
                if (!last) start = lines[i + 1].ContentStart;
            }
        }
    }

    /// <summary><c>12. </c>, <c>3) </c>, <c>(b) </c>, <c>• </c>: a line that begins a list entry.</summary>
    private static bool StartsWithListMarker(ReadOnlySpan<char> line)
    {
        if (line.Length < 3) return false;
        if (line[0] is '•' or '·' or '▪' or '‣' or '◦' or '*' or '-' or '–' or '—') return line[1] == ' ';
        int i = line[0] == '(' ? 1 : 0;
        int start = i;
        while (i < line.Length && i - start < 4 && char.IsAsciiLetterOrDigit(line[i])) i++;
        if (i == start || i + 1 >= line.Length || line[i + 1] != ' ') return false;
        bool digits = !line[start..i].ContainsAnyExceptInRange('0', '9');
        bool letter = i - start == 1 && char.IsAsciiLetterLower(line[start]);
        return start == 1 ? line[i] == ')' && (digits || letter) : digits && line[i] is '.' or ')';
    }

    private static bool EndsLikeSentence(ReadOnlySpan<char> line)
    {
        line = line.TrimEnd("\"'\u2019\u201D\u00BB)]");
        return line.Length > 0 && line[^1] is '.' or '?' or '!' or '\u2026' or ';';
    }
}
