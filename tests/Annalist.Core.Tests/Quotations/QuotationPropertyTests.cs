using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Quotations;
using Annalist.Core.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Annalist.Core.Tests.Quotations;

public sealed class QuotationPropertyTests
{
    private static readonly string[] Pieces =
    [
        "“", "”", "‘", "’", "\"", "'", "„", "‚", "«", "»", "‹", "›", "「", "」", "『", "』",
        "We", "he", "Lin", "said", "asked", ":", ": ", ", ", ". ", "? ", "s’ ", "n’t", " ", " ", "\n", "\n\n", "[", "]", "…",
        "\uD83D\uDE00", "\uD800", "1939", "’44",
    ];

    public static Arbitrary<string> QuoteHeavyText() =>
        Gen.Elements(Pieces).ArrayOf().Select(parts => string.Concat(parts)).ToArbitrary();

    private static readonly AnalysisPipeline Pipeline = DefaultPipeline.Create();

    private static Layer<Quotation> Analyze(string text) =>
        Pipeline.Analyze(new SourceDocument("property", text)).GetLayer<Quotation>(LayerNames.Quotations);

    [Property(Arbitrary = [typeof(QuotationPropertyTests)], MaxTest = 400)]
    public bool SpansLieInTheTextAndContentInsideSpan(string text)
    {
        var layer = Analyze(text);
        return layer.All(q => q.Span.End <= text.Length && q.Span.Length >= 1
            && q.Content.Start == q.Span.Start + 1 && q.Span.Contains(q.Content)
            && text[q.Span.Start] == q.OpeningMark);
    }

    [Property(Arbitrary = [typeof(QuotationPropertyTests)], MaxTest = 400)]
    public bool ClosedQuotationsEndWithAClosingMarkOfTheirOpening(string text)
    {
        var layer = Analyze(text);
        return layer.Where(q => q.Closed).All(q =>
            q.Content.End == q.Span.End - 1 && QuotationMarks.Closes(q.OpeningMark, text[q.Span.End - 1]));
    }

    [Property(Arbitrary = [typeof(QuotationPropertyTests)], MaxTest = 300)]
    public bool EveryUnclosedQuotationHasItsAnl2001(string text)
    {
        var analyzed = Pipeline.Analyze(new SourceDocument("property", text));
        var unclosed = analyzed.GetLayer<Quotation>(LayerNames.Quotations).Where(q => !q.Closed).Select(q => q.Span).ToHashSet();
        var warned = analyzed.Diagnostics.Where(d => d.Code == "ANL2001").Select(d => d.Span!.Value).ToHashSet();
        return unclosed.SetEquals(warned) && !analyzed.Diagnostics.Any(d => d.Code == "ANL2900");
    }

    [Property(Arbitrary = [typeof(QuotationPropertyTests)], MaxTest = 300)]
    public bool DepthCountsTheQuotationsThatContainIt(string text)
    {
        var layer = Analyze(text);
        return layer.All(q => q.Depth == layer.Count(other => !other.Equals(q) && other.Span.Contains(q.Span) && other.Span != q.Span));
    }

    [Property(MaxTest = 300)]
    public bool NeverThrowsOnArbitraryTextOrLayers(string text, int[] cuts)
    {
        text ??= "";
        var spans = (cuts ?? []).Select(c => Math.Abs(c % (text.Length + 5))).Order().ToArray();
        var arbitrary = spans.Zip(spans.Skip(1), (a, b) => new TextSpan(a, b)).ToArray();
        QuotationAnnotator.Find(text, arbitrary, arbitrary, []);
        QuotationAnnotator.Find(text, [new TextSpan(0, text.Length)], [], []);
        return !Pipeline.Analyze(new SourceDocument("property", text)).Diagnostics.Any(d => d.Code == "ANL2900");
    }
}
