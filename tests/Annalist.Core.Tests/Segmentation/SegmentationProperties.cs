using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Segmentation;
using Annalist.Core.Text;
using Annalist.Core.Tokens;
using Annalist.Core.Tests.Generators;
using FsCheck.Xunit;

namespace Annalist.Core.Tests.Segmentation;

/// <summary>Paragraphs and sentences on random text.</summary>
public sealed class SegmentationProperties
{
    private static readonly AnalysisPipeline Pipeline = DefaultPipeline.Create();

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
    public void A_paragraphs_sentences_do_not_depend_on_its_neighbours(HardText first, HardText second)
    {
        string a = OneLine(first.Value), b = OneLine(second.Value);
        string joined = a + "\n\n" + b;
        int shift = a.Length + 2;
        var expected = Sentences(a).Concat(Sentences(b).Select(s => new TextSpan(s.Start + shift, s.End + shift)));
        Assert.Equal(expected, Sentences(joined));
    }

    private static string OneLine(string text)
    {
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++) if (chars[i] is '\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029') chars[i] = ' ';
        return new string(chars);
    }

    private static List<TextSpan> Sentences(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var paragraphs = new List<TextSpan>();
        ParagraphSplitter.Split(text, paragraphs, out _);
        var sentences = new List<TextSpan>();
        SentenceSplitter.Split(text, tokens, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(paragraphs), sentences);
        return sentences;
    }
}
