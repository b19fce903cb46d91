using Annalist.Core.Annotations;
using Annalist.Core.Editorial;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Tests.Editorial;

public sealed class EditorialAnnotatorTests
{
    private static (List<EditorialMark> Marks, List<Diagnostic> Diagnostics) Run(string text)
    {
        var marks = new List<EditorialMark>();
        var diagnostics = new List<Diagnostic>();
        EditorialAnnotator.Find(text, marks, diagnostics, "editorial.v1");
        return (marks, diagnostics);
    }

    [Fact]
    public void UnclosedBracketGivesAnl2003AtTheBracketAndNoMark()
    {
        var (marks, diagnostics) = Run("He said [that the talks went on.");
        Assert.Empty(marks);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("ANL2003", diagnostic.Code);
        Assert.Equal(new TextSpan(8, 9), diagnostic.Span);
    }

    [Theory]
    [InlineData("An open [bracket\n\nthen [this].", 8)]
    [InlineData("An open [bracket\r\n\r\nthen [this].", 8)]
    [InlineData("An open [bracket\r\rthen [this].", 8)]
    [InlineData("An open [bracket\n \t \nthen [this].", 8)]
    public void ParagraphBreakEndsAnOpenBracket(string text, int open)
    {
        var (marks, diagnostics) = Run(text);
        var mark = Assert.Single(marks);
        Assert.Equal("[this]", text[mark.Span.Start..mark.Span.End]);
        Assert.Equal(new TextSpan(open, open + 1), Assert.Single(diagnostics).Span);
    }

    [Fact]
    public void SingleLineBreaksDoNotEndABracket()
    {
        string text = "the treaty [signed\r\nat the\rborder] holds";
        var (marks, diagnostics) = Run(text);
        Assert.Empty(diagnostics);
        Assert.Equal("[signed\r\nat the\rborder]", Assert.Single(marks).Span.Slice(text).ToString());
    }

    [Fact]
    public void EveryUnclosedBracketOfManyIsReported()
    {
        string text = new('[', 10_000);
        var (marks, diagnostics) = Run(text);
        Assert.Empty(marks);
        Assert.Equal(10_000, diagnostics.Count);
    }

    [Fact]
    public void DeepNestingClosesInnermostFirst()
    {
        string text = new string('[', 5000) + "x" + new string(']', 5000);
        var (marks, diagnostics) = Run(text);
        Assert.Empty(diagnostics);
        Assert.Equal(5000, marks.Count);
        Assert.Equal(new TextSpan(4999, 5002), marks[0].Span);
        Assert.Equal(new TextSpan(0, text.Length), marks[^1].Span);
    }

    [Fact]
    public void AnnotatorProducesTheEditorialLayerThroughThePipeline()
    {
        var pipeline = new PipelineBuilder().Add(new EditorialAnnotator()).Build();
        var analyzed = pipeline.Analyze(new SourceDocument("t", "a [sic] b [c"));
        var layer = analyzed.GetLayer<EditorialMark>(LayerNames.Editorial);
        Assert.Equal(EditorialKind.Note, Assert.Single(layer).Kind);
        Assert.Equal("editorial.v1", layer.Producer.ToString());
        var diagnostic = Assert.Single(analyzed.Diagnostics);
        Assert.Equal("ANL2003", diagnostic.Code);
        Assert.Equal("editorial.v1", diagnostic.Producer);
    }

    [Theory]
    [InlineData("sic", EditorialKind.Note)]
    [InlineData("SIC", EditorialKind.Note)]
    [InlineData("sic!", EditorialKind.Note)]
    [InlineData("i.e., the northern route", EditorialKind.Note)]
    [InlineData("Translators’ note: a pun", EditorialKind.Note)]
    [InlineData("?", EditorialKind.Note)]
    [InlineData("3", EditorialKind.Note)]
    [InlineData("unclear", EditorialKind.Gap)]
    [InlineData("one line redacted", EditorialKind.Gap)]
    [InlineData(". . .", EditorialKind.Gap)]
    [InlineData("  ", EditorialKind.Gap)]
    [InlineData("the Premier", EditorialKind.Supplied)]
    [InlineData("Petrov?", EditorialKind.Supplied)]
    [InlineData("1951", EditorialKind.Supplied)]
    [InlineData("sickness", EditorialKind.Supplied)]
    public void ClassifiesByGeneralVocabulary(string content, EditorialKind expected) =>
        Assert.Equal(expected, EditorialLexicon.Classify(content));
}
