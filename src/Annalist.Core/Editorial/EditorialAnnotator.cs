using System.Buffers;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Editorial;

/// <summary>
/// Finds an editor's marks: square brackets (kind by <see cref="EditorialLexicon"/>: <c>[sic]</c> is a note,
/// <c>[illegible]</c> and <c>[…]</c> are gaps, anything else is supplied text) and bare ellipses
/// (<c>…</c>, <c>...</c>, <c>. . .</c>; with the parentheses of <c>(…)</c>, the omission mark of many
/// European editions), which are gaps. Brackets nest and may span lines, but never a
/// paragraph break (a blank line): a <c>[</c> still open there, or at the end, gives ANL2003 and no mark.
/// Ellipses inside brackets belong to the bracket's mark. Requires no layer.
/// </summary>
public sealed class EditorialAnnotator : Annotator
{
    private static readonly SearchValues<char> Interesting = SearchValues.Create("[]….\n\r");

    public override ComponentId Id { get; } = new("editorial", 1);

    public override IReadOnlyList<string> Requires { get; } = [];

    public override IReadOnlyList<string> Produces { get; } = [LayerNames.Editorial];

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        var marks = new List<EditorialMark>();
        var diagnostics = new List<Diagnostic>();
        Find(state.Text, marks, diagnostics, Id.ToString());
        return AnnotatorResult.Of(new Layer<EditorialMark>(LayerNames.Editorial, Id, marks), diagnostics);
    }

    /// <summary>Appends the marks of <paramref name="text"/> (in text order of their closing) and any diagnostics.</summary>
    public static void Find(string text, List<EditorialMark> marks, List<Diagnostic> diagnostics, string? producer = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var open = new List<int>();
        int position = 0;
        while (position < text.Length)
        {
            int found = text.AsSpan(position).IndexOfAny(Interesting);
            if (found < 0) break;
            int i = position + found;
            char c = text[i];
            position = i + 1;
            switch (c)
            {
                case '[':
                    open.Add(i);
                    break;
                case ']':
                    if (open.Count > 0)
                    {
                        int start = open[^1];
                        open.RemoveAt(open.Count - 1);
                        var content = new TextSpan(start + 1, i);
                        marks.Add(new EditorialMark(new TextSpan(start, i + 1), EditorialLexicon.Classify(content.Slice(text)), content));
                    }
                    break;
                case '\n' or '\r':
                    if (open.Count > 0 && IsParagraphBreak(text, i))
                    {
                        ReportUnclosed(open, diagnostics, producer);
                    }
                    break;
                default:
                    int end = EllipsisEnd(text, i);
                    if (end > i)
                    {
                        if (open.Count == 0)
                        {
                            var content = new TextSpan(i, end);
                            bool parenthesized = i > 0 && text[i - 1] == '(' && end < text.Length && text[end] == ')';
                            var span = parenthesized ? new TextSpan(i - 1, end + 1) : content;
                            marks.Add(new EditorialMark(span, EditorialKind.Gap, content));
                        }
                        position = end;
                    }
                    break;
            }
        }
        ReportUnclosed(open, diagnostics, producer);
    }

    /// <summary>The end of an ellipsis starting at <paramref name="start"/>, or <paramref name="start"/> when there is none.</summary>
    internal static int EllipsisEnd(string text, int start)
    {
        if (text[start] == '…')
        {
            int end = start + 1;
            while (end < text.Length && text[end] == '…') end++;
            return end;
        }
        if (start > 0 && text[start - 1] == '.') return start;
        int run = start;
        while (run < text.Length && text[run] == '.') run++;
        if (run - start >= 3) return run;
        if (run - start != 1) return start;

        // Spaced periods: ". . ." (and ". . . ." with a sentence's own period).
        int periods = 1, last = start, next = start + 1;
        while (next + 1 < text.Length && IsSpaceInLine(text[next]) && text[next + 1] == '.')
        {
            periods++;
            last = next + 1;
            next = last + 1;
        }
        return periods >= 3 ? last + 1 : start;
    }

    private static bool IsSpaceInLine(char c) => c is ' ' or '\u00A0' or '\u202F' or '\u2009';

    /// <summary>True when the line break at <paramref name="index"/> is followed by a line of white space only, or by the end.</summary>
    private static bool IsParagraphBreak(string text, int index)
    {
        int next = index + 1;
        if (text[index] == '\r' && next < text.Length && text[next] == '\n') next++;
        for (int j = next; j < text.Length; j++)
        {
            char c = text[j];
            if (c is '\n' or '\r' or '\f') return true;
            if (!char.IsWhiteSpace(c)) return false;
        }
        return true;
    }

    private static void ReportUnclosed(List<int> open, List<Diagnostic> diagnostics, string? producer)
    {
        foreach (int start in open)
            diagnostics.Add(Diagnostic.From(ErrorCatalogue.UnclosedBracket, new TextSpan(start, start + 1), producer));
        open.Clear();
    }
}
