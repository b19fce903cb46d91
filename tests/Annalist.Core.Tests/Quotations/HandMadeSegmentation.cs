using Annalist.Core.Text;

namespace Annalist.Core.Tests.Quotations;

/// <summary>
/// Paragraph and sentence spans made by a deliberately simple rule, so the quotation scanner can be tested
/// apart from the real segmenters: paragraphs are separated by blank lines; a sentence ends after
/// <c>.</c>, <c>?</c> or <c>!</c> (and any closing quotation marks) before white space and a capital letter
/// or an opening quotation mark.
/// </summary>
internal static class HandMadeSegmentation
{
    public static TextSpan[] Paragraphs(string text)
    {
        var result = new List<TextSpan>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            int start = i;
            int end = i;
            while (i < text.Length)
            {
                int lineEnd = text.IndexOf('\n', i);
                if (lineEnd < 0) lineEnd = text.Length;
                if (text.AsSpan(i, lineEnd - i).IsWhiteSpace()) break;
                end = lineEnd;
                i = Math.Min(text.Length, lineEnd + 1);
            }
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            result.Add(new TextSpan(start, end));
        }
        return [.. result];
    }

    public static TextSpan[] Sentences(string text, TextSpan[] paragraphs)
    {
        var result = new List<TextSpan>();
        foreach (var paragraph in paragraphs)
        {
            int start = paragraph.Start;
            for (int i = paragraph.Start; i < paragraph.End; i++)
            {
                if (text[i] is not ('.' or '?' or '!')) continue;
                int end = i + 1;
                while (end < paragraph.End && text[end] is '”' or '’' or '"' or '»' or '\'') end++;
                int next = end;
                while (next < paragraph.End && char.IsWhiteSpace(text[next])) next++;
                if (next == end || next >= paragraph.End) continue;
                if (!char.IsUpper(text[next]) && text[next] is not ('“' or '"' or '«' or '„' or '‘')) continue;
                result.Add(new TextSpan(start, end));
                start = next;
                i = next - 1;
            }
            if (start < paragraph.End) result.Add(new TextSpan(start, paragraph.End));
        }
        return [.. result];
    }
}
