using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Segmentation;
using Annalist.Core.Text;

namespace Annalist.Core.Quotations;

/// <summary>
/// Pairs quotation marks of every common style (see <see cref="QuotationMarks"/>) into quotations, nested
/// ones with their <see cref="Quotation.Depth"/>. Apostrophes (<c>don’t</c>, <c>the Serbs’</c>, <c>’44</c>)
/// are never quotation marks unless they pair up. A quotation stays inside its paragraph, except that one
/// left open continues when the next paragraph opens with the same mark. A quotation never closed ends at
/// its paragraph's end, or after the last sentence before the narration evidently resumes (see
/// <see cref="UnclosedQuotationEnd"/>), with warning ANL2001; a closing mark with nothing to close gives
/// ANL2002. Dialogue opened by a dash is a quotation too (see <see cref="DashDialogue"/>). A text written one sentence a line is read in the paragraphs <see cref="SentenceLines"/> regroups. Requires <c>paragraphs</c> and <c>sentences</c>. Thread-safe.
/// </summary>
public sealed class QuotationAnnotator : Annotator
{
    public override ComponentId Id { get; } = new("quotations", 4);

    public override IReadOnlyList<string> Requires { get; } = [LayerNames.Paragraphs, LayerNames.Sentences];

    public override IReadOnlyList<string> Produces { get; } = [LayerNames.Quotations];

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        var paragraphs = state.Get<Paragraph>(LayerNames.Paragraphs);
        var sentences = state.Get<Sentence>(LayerNames.Sentences);
        var paragraphSpans = new TextSpan[paragraphs.Count];
        for (int i = 0; i < paragraphSpans.Length; i++) paragraphSpans[i] = paragraphs[i].Span;
        var sentenceSpans = new TextSpan[sentences.Count];
        for (int i = 0; i < sentenceSpans.Length; i++) sentenceSpans[i] = sentences[i].Span;
        var diagnostics = new List<Diagnostic>();
        var quotations = Find(state.Text, paragraphSpans, sentenceSpans, diagnostics, Id.ToString());
        return AnnotatorResult.Of(new Layer<Quotation>(LayerNames.Quotations, Id, quotations), diagnostics);
    }

    /// <summary>
    /// The quotations of <paramref name="text"/>, sorted by span, given its paragraph and sentence spans
    /// (each sorted by start; out-of-range spans are ignored). Never throws on any text.
    /// </summary>
    public static List<Quotation> Find(string text, TextSpan[] paragraphs, TextSpan[] sentences, List<Diagnostic> diagnostics, string? producer = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Quotation>();
        var validSentences = Valid(sentences, text.Length);
        var validParagraphs = SentenceLines.Paragraphs(text, Valid(paragraphs, text.Length), validSentences, out _);
        new QuotationScanner(text, validParagraphs, validSentences, found, diagnostics, producer).Run();
        DashDialogue.Add(text, validParagraphs, found);
        found.Sort((a, b) => a.Span.CompareTo(b.Span));
        AssignDepths(found);
        return found;
    }

    /// <summary>Depth is the number of other quotations that contain one: 0 for the outermost.</summary>
    private static void AssignDepths(List<Quotation> quotations)
    {
        var enclosingEnds = new Stack<int>();
        for (int i = 0; i < quotations.Count; i++)
        {
            var quotation = quotations[i];
            while (enclosingEnds.Count > 0 && enclosingEnds.Peek() < quotation.Span.End) enclosingEnds.Pop();
            if (enclosingEnds.Count > 0) quotations[i] = quotation with { Depth = enclosingEnds.Count };
            enclosingEnds.Push(quotation.Span.End);
        }
    }

    private static TextSpan[] Valid(TextSpan[] spans, int length)
    {
        bool ok = true;
        for (int i = 0; i < spans.Length && ok; i++)
            ok = spans[i].End <= length && (i == 0 || spans[i - 1].Start <= spans[i].Start) && (i == 0 || spans[i - 1].End <= spans[i].Start);
        if (ok) return spans;
        var kept = spans.Where(s => s.End <= length).OrderBy(s => s.Start).ToList();
        var result = new List<TextSpan>(kept.Count);
        foreach (var span in kept)
        {
            if (result.Count == 0 || result[^1].End <= span.Start) result.Add(span);
        }
        return [.. result];
    }
}
