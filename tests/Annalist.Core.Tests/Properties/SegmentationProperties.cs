using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Pipeline;
using Annalist.Core.Segmentation;
using Annalist.Core.Text;
using Annalist.Core.Tokens;
using FsCheck.Xunit;

namespace Annalist.Core.Tests.Properties;

/// <summary>Invariants of tokens, paragraphs and sentences, and of every layer of the whole pipeline, on random text.</summary>
public sealed class SegmentationProperties
{
    private static readonly AnalysisPipeline Pipeline = DefaultPipeline.Create();

    [Property(Arbitrary = [typeof(HardTextArbitraries)], MaxTest = 300)]
    public void Tokens_rebuild_the_text_with_white_space_gaps(HardText input) => AssertTokenInvariants(input.Value);

    [Property(MaxTest = 200)]
    public void Tokens_rebuild_any_string(string? input) => AssertTokenInvariants(input ?? "");

    [Property(Arbitrary = [typeof(HardTextArbitraries)], MaxTest = 300)]
    public void Paragraphs_are_trimmed_ordered_and_cover_every_visible_character(HardText input)
    {
        string text = input.Value;
        var paragraphs = new List<TextSpan>();
        ParagraphSplitter.Split(text, paragraphs, out _);
        int covered = 0;
        for (int i = 0; i < paragraphs.Count; i++)
        {
            var span = paragraphs[i];
            Assert.True(span.End <= text.Length && !span.IsEmpty, $"paragraph {span} outside or empty");
            Assert.False(char.IsWhiteSpace(text[span.Start]) || char.IsWhiteSpace(text[span.End - 1]), $"paragraph {span} not trimmed");
            if (i > 0) Assert.True(paragraphs[i - 1].End < span.Start, $"paragraphs {paragraphs[i - 1]} and {span} touch or overlap");
            for (; covered < span.Start; covered++) Assert.True(char.IsWhiteSpace(text[covered]), $"visible character at {covered} outside every paragraph");
            covered = span.End;
        }
        for (; covered < text.Length; covered++) Assert.True(char.IsWhiteSpace(text[covered]), $"visible character at {covered} after the last paragraph");
    }

    [Property(Arbitrary = [typeof(HardTextArbitraries)], MaxTest = 300)]
    public void Sentences_lie_in_paragraphs_and_partition_their_tokens(HardText input)
    {
        var analyzed = Pipeline.Analyze(new SourceDocument("random", input.Value));
        var tokens = analyzed.GetLayer<Token>(LayerNames.Tokens);
        var paragraphs = analyzed.GetLayer<Paragraph>(LayerNames.Paragraphs);
        var sentences = analyzed.GetLayer<Sentence>(LayerNames.Sentences);
        var starts = tokens.Select(t => t.Span.Start).ToHashSet();
        var ends = tokens.Select(t => t.Span.End).ToHashSet();
        Sentence? previous = null;
        foreach (var sentence in sentences)
        {
            Assert.Single(paragraphs.Items, p => p.Span.Contains(sentence.Span));
            Assert.Contains(sentence.Span.Start, starts);
            Assert.Contains(sentence.Span.End, ends);
            if (previous is { } before) Assert.True(before.Span.End <= sentence.Span.Start, $"sentences {before.Span} and {sentence.Span} overlap");
            previous = sentence;
        }
        foreach (var token in tokens)
        {
            bool inParagraph = paragraphs.Items.Any(p => p.Span.Contains(token.Span));
            int containing = sentences.Items.Count(s => s.Span.Contains(token.Span));
            Assert.True(containing == (inParagraph ? 1 : 0), $"token {token.Span} lies in {containing} sentences");
        }
    }

    [Property(Arbitrary = [typeof(HardTextArbitraries)], MaxTest = 300)]
    public void Pipeline_never_fails_and_every_span_lies_in_the_text(HardText input) => AssertPipelineSound(input.Value);

    [Property(MaxTest = 200)]
    public void Pipeline_never_fails_on_any_string(string? input) => AssertPipelineSound(input ?? "");

    private static void AssertPipelineSound(string text)
    {
        var analyzed = Pipeline.Analyze(new SourceDocument("random", text));
        var failures = analyzed.Diagnostics.Where(d => d.Code == ErrorCatalogue.ComponentFailed.Code).Select(d => d.Message).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        foreach (string produced in Pipeline.ProducedLayers) Assert.True(analyzed.HasLayer(produced), $"layer '{produced}' missing");
        foreach (var (name, layer) in analyzed.Layers)
        {
            foreach (var annotation in layer.Annotations)
                Assert.True(annotation.Span.End <= text.Length, $"{name}: span {annotation.Span} beyond the text ({text.Length})");
        }
        foreach (var diagnostic in analyzed.Diagnostics)
        {
            if (diagnostic.Span is { } span) Assert.True(span.End <= text.Length, $"diagnostic {diagnostic.Code} span {span} beyond the text");
        }
    }

    private static void AssertTokenInvariants(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        int position = 0;
        foreach (var token in tokens)
        {
            Assert.True(token.Span.Start >= position, $"token {token.Span} overlaps or precedes the one before (at {position})");
            Assert.True(token.Span.End <= text.Length && !token.Span.IsEmpty, $"token {token.Span} empty or beyond the text");
            for (int i = position; i < token.Span.Start; i++) Assert.True(char.IsWhiteSpace(text[i]), $"gap character U+{(int)text[i]:X4} at {i} is not white space");
            for (int i = token.Span.Start; i < token.Span.End; i++) Assert.False(char.IsWhiteSpace(text[i]), $"white space at {i} inside token {token.Span}");
            Assert.False(token.Span.Start > 0 && char.IsSurrogatePair(text[token.Span.Start - 1], text[token.Span.Start]), $"token {token.Span} splits a surrogate pair");
            position = token.Span.End;
        }
        for (int i = position; i < text.Length; i++) Assert.True(char.IsWhiteSpace(text[i]), $"trailing character U+{(int)text[i]:X4} at {i} is in no token");
    }
}
