using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Store.Search;

/// <summary>A paragraph as the search index holds it.</summary>
internal readonly record struct Passage(int Number, TextSpan Span);

/// <summary>The paragraphs a document is searched and cited by.</summary>
internal static class Passages
{
    /// <summary>
    /// The spans of the <c>paragraphs</c> layer when the pipeline made one, else the runs of non-blank
    /// lines, trimmed of white space; numbered from 1.
    /// </summary>
    public static List<Passage> Of(AnalyzedDocument document)
    {
        var passages = new List<Passage>();
        if (document.Layers.TryGetValue(LayerNames.Paragraphs, out var layer) && layer.Count > 0)
        {
            for (int i = 0; i < layer.Count; i++)
            {
                var span = layer.GetAnnotation(i).Span;
                if (span.End <= document.Source.Length && !span.IsEmpty) passages.Add(new Passage(passages.Count + 1, span));
            }
            return passages;
        }
        return Split(document.Source.Text);
    }

    public static List<Passage> Split(string text)
    {
        var passages = new List<Passage>();
        int start = -1, lastContentEnd = -1, lineStart = 0;
        while (lineStart <= text.Length)
        {
            int newline = text.AsSpan(lineStart).IndexOfAny('\n', '\r');
            int lineEnd = newline < 0 ? text.Length : lineStart + newline;
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            if (line.IsWhiteSpace())
            {
                if (start >= 0) passages.Add(new Passage(passages.Count + 1, new TextSpan(start, lastContentEnd)));
                start = -1;
            }
            else
            {
                int leading = line.Length - line.TrimStart().Length;
                if (start < 0) start = lineStart + leading;
                lastContentEnd = lineStart + line.TrimEnd().Length;
            }
            if (newline < 0) break;
            lineStart = lineEnd + (text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? 2 : 1);
        }
        if (start >= 0) passages.Add(new Passage(passages.Count + 1, new TextSpan(start, lastContentEnd)));
        return passages;
    }
}
