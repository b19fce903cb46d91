using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Text;

namespace Annalist.Core.Quotations;

/// <summary>
/// One pass over a document's paragraphs pairing quotation marks with a stack of open marks. A mark's
/// direction comes from its character and its neighbours; the stack holds each mark character at most
/// twice (see <see cref="Open"/>), so it stays a few dozen deep at most and the pass is linear.
/// </summary>
internal sealed class QuotationScanner
{
    private readonly string _text;
    private readonly TextSpan[] _paragraphs;
    private readonly TextSpan[] _sentences;
    private readonly List<Quotation> _found;
    private readonly List<Diagnostic> _diagnostics;
    private readonly string? _producer;
    private readonly List<OpenMark> _open = [];
    private readonly List<TextSpan> _names = [];
    private readonly List<TextSpan> _ends = [];
    private TextSpan _paragraph;

    private const int PossessiveLookahead = 300;

    public QuotationScanner(string text, TextSpan[] paragraphs, TextSpan[] sentences, List<Quotation> found, List<Diagnostic> diagnostics, string? producer)
    {
        _text = text;
        _paragraphs = paragraphs;
        _sentences = sentences;
        _found = found;
        _diagnostics = diagnostics;
        _producer = producer;
    }

    private readonly record struct OpenMark(int Position, char Mark, bool Weak, int ParagraphStart, int ContinuedAt, int FoundBefore);

    public void Run()
    {
        int continuation = -1;
        for (int p = 0; p < _paragraphs.Length; p++)
        {
            _paragraph = _paragraphs[p];
            int position = _paragraph.Start;
            while (position < _paragraph.End)
            {
                int found = _text.AsSpan(position, _paragraph.End - position).IndexOfAny(QuotationMarks.All);
                if (found < 0) break;
                int i = position + found;
                position = i + 1;
                if (i != continuation) Process(i);
            }
            continuation = EndParagraph(p);
        }
    }

    private void Process(int i)
    {
        char c = _text[i];
        char previous = i > _paragraph.Start ? _text[i - 1] : '\0';
        char next = i + 1 < _paragraph.End ? _text[i + 1] : '\0';
        bool openingPosition = (IsSpaceOrEdge(previous) || OpensBefore(previous)) && !IsSpaceOrEdge(next);
        bool closingPosition = !IsSpaceOrEdge(previous) && (IsSpaceOrEdge(next) || ClosesAfter(next));
        bool insideWord = char.IsLetterOrDigit(previous) && char.IsLetterOrDigit(next);
        switch (c)
        {
            case '„':
            case '「':
            case '『':
                Open(i, c, weak: false);
                break;
            case '」':
            case '』':
                if (!TryClose(i, c, weakCloser: false)) ReportUnmatched(i);
                break;
            case '“':
                if (!openingPosition)
                {
                    if (TryClose(i, c, weakCloser: false, only: "„")) break;
                    if (closingPosition)
                    {
                        if (!TryClose(i, c, weakCloser: false, only: "“”")) ReportUnmatched(i);
                        break;
                    }
                }
                Open(i, c, weak: false);
                break;
            case '”':
                if (TryClose(i, c, weakCloser: false)) break;
                if (openingPosition) Open(i, c, weak: false);
                else ReportUnmatched(i);
                break;
            case '‘':
                if (insideWord || char.IsDigit(next)) break;
                if (!openingPosition)
                {
                    if (TryClose(i, c, weakCloser: true, only: "‚")) break;
                    if (closingPosition) break;
                }
                Open(i, c, weak: StartsElision(i + 1));
                break;
            case '’':
            case '\'':
                if (insideWord) break;
                if (c == '\'' && char.IsDigit(previous) && !IsOpen(c)) break;
                if (openingPosition && !closingPosition)
                {
                    if (!char.IsDigit(next) && !StartsContractionSuffix(i + 1)) Open(i, c, weak: true);
                }
                else if (!IsPossessiveBeforeALaterCloser(i, c))
                {
                    TryClose(i, c, weakCloser: true);
                }
                break;
            case '‚':
                if (openingPosition && !closingPosition) Open(i, c, weak: false);
                break;
            case '«':
            case '‹':
                if (!openingPosition && TryClose(i, c, weakCloser: false)) break;
                Open(i, c, weak: false);
                break;
            case '»':
            case '›':
                if (TryClose(i, c, weakCloser: false)) break;
                if (openingPosition && !closingPosition) Open(i, c, weak: false);
                else ReportUnmatched(i);
                break;
            case '"':
                if (char.IsDigit(previous) && !IsOpen(c)) break;
                if (openingPosition && !closingPosition) Open(i, c, weak: false);
                else if (!TryClose(i, c, weakCloser: false))
                {
                    if (closingPosition && !openingPosition) ReportUnmatched(i);
                    else Open(i, c, weak: false);
                }
                break;
        }
    }

    /// <summary>
    /// <c>‘the Allies’ plan’</c>: an apostrophe after <c>s</c> and before a word is a plural possessive
    /// when a closing mark of its kind follows soon in the paragraph. Looks at most a few hundred characters ahead.
    /// </summary>
    private bool IsPossessiveBeforeALaterCloser(int i, char mark)
    {
        if (i == _paragraph.Start || _text[i - 1] is not ('s' or 'S')) return false;
        if (i + 2 >= _paragraph.End || !char.IsWhiteSpace(_text[i + 1]) || !char.IsLetter(_text[i + 2])) return false;
        int horizon = Math.Min(_paragraph.End, i + PossessiveLookahead);
        for (int j = i + 2; j < horizon; j++)
        {
            char c = _text[j];
            if (c == '‘' || (c == mark && char.IsWhiteSpace(_text[j - 1]))) return false;
            if (c != mark || char.IsWhiteSpace(_text[j - 1])) continue;
            char after = j + 1 < _paragraph.End ? _text[j + 1] : '\0';
            if (IsSpaceOrEdge(after) || (ClosesAfter(after) && !char.IsLetterOrDigit(after))) return true;
        }
        return false;
    }

    /// <summary>A contraction or possessive ending cut off from its word, as tokenized text writes it (<c>John ’s</c>, <c>I 'll</c>).</summary>
    private bool StartsContractionSuffix(int next)
    {
        int end = next;
        while (end < _paragraph.End && char.IsLetter(_text[end])) end++;
        return end - next is 1 or 2 && QuotationLexicon.ContractionSuffixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(_text.AsSpan(next, end - next));
    }

    /// <summary>
    /// True before a word that a leading apostrophe elides (<c>‘tis</c>, <c>‘em</c>), which word processors
    /// often type as ‘: such a mark opens a quotation only if it is closed. Before a digit (<c>‘90s</c>) it is none.
    /// </summary>
    private bool StartsElision(int next)
    {
        int end = next;
        while (end < _paragraph.End && char.IsLetter(_text[end])) end++;
        return QuotationLexicon.Elisions.GetAlternateLookup<ReadOnlySpan<char>>().Contains(_text.AsSpan(next, end - next));
    }

    private static bool IsSpaceOrEdge(char c) => c == '\0' || char.IsWhiteSpace(c);

    private static bool OpensBefore(char c) =>
        c is '(' or '[' or '{' or '<' or '—' or '–' or '-' or '/' || QuotationMarks.IsQuotationMark(c);

    private static bool ClosesAfter(char c) =>
        c is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '>' or '…' or '—' or '–' or '-' or '/'
        || QuotationMarks.IsQuotationMark(c);

    private bool IsOpen(char mark)
    {
        foreach (var open in _open)
        {
            if (open.Mark == mark) return true;
        }
        return false;
    }

    /// <summary>
    /// Opens a quotation. When the same mark is already open, a mark that starts afresh (at the paragraph's
    /// start, or after a sentence's end or a colon) ends the open one, unclosed: it is the next quotation.
    /// Mid-sentence it nests once (<c>“Approves the “Report” of May 3.”</c>, a common slip for ‘…’); a
    /// third is again the next quotation. So the stack holds each mark at most twice. A weak mark (one that may
    /// be an apostrophe) never ends a quotation: it replaces an open weak one of its kind, and beside a
    /// strong one of its kind it is an apostrophe.
    /// </summary>
    private void Open(int i, char mark, bool weak)
    {
        int outermost = -1, innermost = -1, count = 0;
        for (int k = 0; k < _open.Count; k++)
        {
            if (_open[k].Mark != mark) continue;
            if (outermost < 0) outermost = k;
            innermost = k;
            count++;
        }
        if (count > 0 && _open[innermost].Weak)
        {
            // A weak mark is an apostrophe until closed; a later one of its kind replaces it and ends nothing else.
            _open.RemoveAt(innermost);
        }
        else if (count > 0)
        {
            if (weak) return;
            if (StartsAfresh(i)) EndUnclosed(outermost, i, UnclosedQuotationReason.NextQuotationOpens);
            else if (count >= 2) EndUnclosed(innermost, i, UnclosedQuotationReason.NextQuotationOpens);
        }
        _open.Add(new OpenMark(i, mark, weak, _paragraph.Start, i, _found.Count));
    }

    private bool StartsAfresh(int i)
    {
        int j = i - 1;
        while (j >= _paragraph.Start && char.IsWhiteSpace(_text[j])) j--;
        return j < _paragraph.Start || _text[j] is '.' or '?' or '!' or '…' or ':' or ';';
    }

    /// <summary>
    /// Closes the innermost open mark that <paramref name="closing"/> ends. A weak closer (one that may be an
    /// apostrophe) reaches past weak marks only, so <c>the Serbs’</c> never closes a quotation opened before a “.
    /// </summary>
    private bool TryClose(int i, char closing, bool weakCloser, string? only = null)
    {
        for (int k = _open.Count - 1; k >= 0; k--)
        {
            var open = _open[k];
            if (QuotationMarks.Closes(open.Mark, closing) && (only is null || only.Contains(open.Mark)))
            {
                if (_open.Count > k + 1) EndUnclosed(k + 1, i, UnclosedQuotationReason.EnclosingQuotationCloses);
                _open.RemoveAt(k);
                _found.Add(new Quotation(new TextSpan(open.Position, i + 1), new TextSpan(open.Position + 1, i), true, 0, open.Mark));
                return true;
            }
            if (weakCloser && !open.Weak) return false;
        }
        return false;
    }

    /// <summary>
    /// At a paragraph's end: the outermost open quotation continues when the next paragraph opens with the
    /// same mark (the English convention for quotations over several paragraphs); everything else ends.
    /// Returns the offset of the continuing mark, or -1.
    /// </summary>
    private int EndParagraph(int p)
    {
        if (_open.Count == 0) return -1;
        int outer = _open.FindIndex(o => !o.Weak);
        if (outer >= 0 && p + 1 < _paragraphs.Length)
        {
            var following = _paragraphs[p + 1];
            int start = following.Start;
            if (start + 1 < following.End && _text[start] == _open[outer].Mark && !char.IsWhiteSpace(_text[start + 1]))
            {
                var continued = _open[outer] with { ContinuedAt = start };
                if (_open.Count > outer + 1) EndUnclosed(outer + 1, _paragraph.End, UnclosedQuotationReason.ParagraphEnd);
                _open.Clear(); // marks below the outermost strong one are weak: apostrophes, never reported
                _open.Add(continued);
                return start;
            }
        }
        if (_open.Count > 0) EndUnclosed(0, _paragraph.End, UnclosedQuotationReason.ParagraphEnd);
        return -1;
    }

    /// <summary>
    /// Ends the open marks from index <paramref name="from"/> up, none of them closed. Outer ones are decided
    /// first, and each inner one ends inside the nearest outer one that holds its opening mark, so quotations
    /// always nest; an end never falls inside a quotation closed within it.
    /// </summary>
    private void EndUnclosed(int from, int limit, UnclosedQuotationReason reason)
    {
        _ends.Clear();
        for (int k = from; k < _open.Count; k++)
        {
            var open = _open[k];
            int ownLimit = limit;
            for (int a = _ends.Count - 1; a >= 0; a--)
            {
                if (_ends[a].Contains(open.Position)) { ownLimit = Math.Min(limit, _ends[a].End); break; }
            }
            if (open.Weak)
            {
                _ends.Add(new TextSpan(open.Position, ownLimit));
                continue;
            }
            _names.Clear();
            UnclosedQuotationEnd.FindSpeakerNames(_text, _sentences, open.Position, open.ParagraphStart, _names);
            var (end, found) = UnclosedQuotationEnd.Find(
                _text, _sentences, open.Position, open.ContinuedAt, ownLimit,
                reason == UnclosedQuotationReason.NextQuotationOpens && k == from && ownLimit == limit,
                System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_names));
            for (int q = open.FoundBefore; q < _found.Count; q++)
            {
                var inner = _found[q].Span;
                if (inner.Start > open.Position && inner.Start < end && inner.End > end) end = inner.End;
            }
            var actual = found ?? (ownLimit < limit ? UnclosedQuotationReason.EnclosingQuotationCloses : reason);
            var span = new TextSpan(open.Position, end);
            _ends.Add(span);
            _found.Add(new Quotation(span, new TextSpan(open.Position + 1, end), false, 0, open.Mark));
            _diagnostics.Add(Diagnostic.From(ErrorCatalogue.UnclosedQuotation, span, _producer, end, Describe(actual)));
        }
        _open.RemoveRange(from, _open.Count - from);
    }

    private void ReportUnmatched(int i) =>
        _diagnostics.Add(Diagnostic.From(ErrorCatalogue.UnmatchedClosingQuote, new TextSpan(i, i + 1), _producer));

    private static string Describe(UnclosedQuotationReason reason) => reason switch
    {
        UnclosedQuotationReason.NarrationResumes => "after the last sentence before the narration resumes",
        UnclosedQuotationReason.NextQuotationOpens => "before the next quotation with the same mark opens",
        UnclosedQuotationReason.EnclosingQuotationCloses => "where the quotation enclosing it closes",
        _ => "at the end of its paragraph",
    };
}
