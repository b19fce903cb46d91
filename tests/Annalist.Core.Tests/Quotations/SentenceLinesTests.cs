using Annalist.Core.Quotations;
using Annalist.Core.Text;

namespace Annalist.Core.Tests.Quotations;

public sealed class SentenceLinesTests
{
    private static TextSpan[] Lines(string text)
    {
        var spans = new List<TextSpan>();
        int start = 0;
        foreach (string line in text.Split('\n'))
        {
            if (line.Length > 0) spans.Add(new TextSpan(start, start + line.Length));
            start += line.Length + 1;
        }
        return [.. spans];
    }

    private static string Narration(int lines) => string.Join('\n', Enumerable.Range(1, lines).Select(i => $"The bell rang {i} times."));

    [Fact]
    public void LinesThatAreEachOneSentenceCarryNoParagraphs()
    {
        var lines = Lines(Narration(14));
        Assert.True(SentenceLines.AreSentencePerLine(lines, lines));
    }

    [Fact]
    public void ParagraphsOfSeveralSentencesAreKept()
    {
        string text = string.Join('\n', Enumerable.Range(1, 14).Select(i => $"The bell rang {i} times. Nobody came."));
        var paragraphs = Lines(text);
        var sentences = paragraphs.SelectMany(p => new[] { new TextSpan(p.Start, p.Start + 24), new TextSpan(p.Start + 25, p.End) }).ToArray();
        var kept = SentenceLines.Paragraphs(text, paragraphs, sentences, out bool inferred);
        Assert.False(inferred);
        Assert.Same(paragraphs, kept);
    }

    [Fact]
    public void AShortTextSaysTooLittle()
    {
        var lines = Lines(Narration(SentenceLines.MinimumLines - 1));
        Assert.False(SentenceLines.AreSentencePerLine(lines, lines));
    }

    [Fact]
    public void DialogueLinesOpenTheRegroupedParagraphs()
    {
        string text = Narration(12) + "\n“Who rang it?”\nasked the porter.\n— Nobody.\nThe door stayed shut.";
        var lines = Lines(text);
        var paragraphs = SentenceLines.Paragraphs(text, lines, lines, out bool inferred);
        Assert.True(inferred);
        Assert.Equal(3, paragraphs.Length);
        Assert.StartsWith("“Who rang it?”\nasked the porter.", paragraphs[1].Slice(text).ToString(), StringComparison.Ordinal);
        Assert.Equal("— Nobody.\nThe door stayed shut.", paragraphs[2].Slice(text).ToString());
    }

    [Fact]
    public void ALowercaseLineAfterAQuotationContinuesItsSentence()
    {
        string text = "“Who rang it?”\nasked the porter.\nNobody answered.";
        var merged = SentenceLines.Sentences(text, Lines(text));
        Assert.Equal(2, merged.Length);
        Assert.Equal("“Who rang it?”\nasked the porter.", merged[0].Slice(text).ToString());
    }
}
