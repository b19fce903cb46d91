using Annalist.Core.Annotations;
using Annalist.Core.Quotations;

namespace Annalist.Core.Tests.Quotations;

internal static class QuotationTestRun
{
    public static (List<Quotation> Quotations, List<Diagnostic> Diagnostics) Run(string text)
    {
        var paragraphs = HandMadeSegmentation.Paragraphs(text);
        var sentences = HandMadeSegmentation.Sentences(text, paragraphs);
        var diagnostics = new List<Diagnostic>();
        var quotations = QuotationAnnotator.Find(text, paragraphs, sentences, diagnostics, "quotations.v3");
        return (quotations, diagnostics);
    }

    public static string Text(this Quotation quotation, string text) => quotation.Span.Slice(text).ToString();
}
