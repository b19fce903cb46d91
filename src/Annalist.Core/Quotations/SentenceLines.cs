using Annalist.Core.Text;

namespace Annalist.Core.Quotations;

/// <summary>
/// Texts written one sentence a line (sentence-split corpora, exports of aligned text) carry no paragraph
/// information in their line breaks, so every line reads as a paragraph of one sentence. There the dialogue
/// components regroup the lines as dialogue is printed: a line opening with a quotation mark or a dialogue
/// dash opens a paragraph, any other line continues the one before; and since those paragraphs are only
/// inferred, nothing that relies on a new paragraph meaning a new speaker may decide by them. Stateless.
/// </summary>
public static class SentenceLines
{
    /// <summary>Fewer lines than this say too little about how a text breaks them.</summary>
    public const int MinimumLines = 12;

    /// <summary>At most this share of the lines may hold more than one sentence (a splitter may split where the text did not).</summary>
    public const double MaximumMultiSentenceShare = 0.12;

    /// <summary>
    /// True when <paramref name="paragraphs"/> (sorted) are nearly all single sentences of
    /// <paramref name="sentences"/> (sorted): at least <see cref="MinimumLines"/> paragraphs, and at most
    /// <see cref="MaximumMultiSentenceShare"/> of them with a second sentence starting inside them.
    /// </summary>
    public static bool AreSentencePerLine(TextSpan[] paragraphs, TextSpan[] sentences)
    {
        if (paragraphs.Length < MinimumLines || sentences.Length < paragraphs.Length) return false;
        int multi = 0, s = 0;
        int allowed = (int)(paragraphs.Length * MaximumMultiSentenceShare);
        foreach (var paragraph in paragraphs)
        {
            while (s < sentences.Length && sentences[s].Start < paragraph.Start) s++;
            int inside = 0;
            for (int k = s; k < sentences.Length && sentences[k].Start < paragraph.End; k++)
            {
                if (++inside > 1) break;
            }
            if (inside > 1 && ++multi > allowed) return false;
        }
        return true;
    }

    /// <summary>
    /// The paragraphs of <paramref name="text"/> as the components should read them: the given ones, or,
    /// when the text is written a sentence a line, its lines regrouped (see the type); <paramref name="inferred"/> says which.
    /// </summary>
    public static TextSpan[] Paragraphs(string text, TextSpan[] paragraphs, TextSpan[] sentences, out bool inferred)
    {
        inferred = AreSentencePerLine(paragraphs, sentences);
        if (!inferred) return paragraphs;
        var grouped = new List<TextSpan>(paragraphs.Length / 2 + 1);
        foreach (var line in paragraphs)
        {
            if (grouped.Count == 0 || OpensDialogue(text, line.Start)) grouped.Add(line);
            else grouped[^1] = new TextSpan(grouped[^1].Start, line.End);
        }
        return [.. grouped];
    }

    /// <summary>
    /// The sentences of a text written a sentence a line, as the dialogue components read them: a line
    /// opening with a lowercase word after one ending in a quotation mark (<c>“Why?”</c> / <c>asked the
    /// boy.</c>) continues its sentence, as printed prose would.
    /// </summary>
    public static TextSpan[] Sentences(string text, TextSpan[] sentences)
    {
        var merged = new List<TextSpan>(sentences.Length);
        foreach (var sentence in sentences)
        {
            if (merged.Count > 0 && sentence.Start < text.Length && char.IsLower(text[sentence.Start])
                && merged[^1].End > merged[^1].Start && QuotationMarks.IsQuotationMark(text[merged[^1].End - 1]))
                merged[^1] = new TextSpan(merged[^1].Start, sentence.End);
            else merged.Add(sentence);
        }
        return [.. merged];
    }

    /// <summary>An opening quotation mark, or a dash before a space, at <paramref name="at"/>.</summary>
    private static bool OpensDialogue(string text, int at)
    {
        if (at >= text.Length) return false;
        char c = text[at];
        if (c is '“' or '„' or '«' or '»' or '‘' or '‚' or '"' or '\'' or '「' or '『') return true;
        if (c is '—' or '–') return true;
        return c == '-' && at + 1 < text.Length && text[at + 1] == '-';
    }
}
