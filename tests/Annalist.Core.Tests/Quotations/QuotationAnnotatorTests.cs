using System.Diagnostics;
using Annalist.Core.Quotations;
using static Annalist.Core.Tests.Quotations.QuotationTestRun;

namespace Annalist.Core.Tests.Quotations;

public sealed class QuotationAnnotatorTests
{
    [Theory]
    [InlineData("Lin: “We have waited long enough. Our patience is gone. Lin’s aide then brought the papers.", "“We have waited long enough. Our patience is gone.")]
    [InlineData("Lin, from the back: “We have waited long enough. Lin stood up.", "“We have waited long enough.")]
    [InlineData("[Lin said:] “We have waited long enough. Lin stood up.", "“We have waited long enough.")]
    [InlineData("Having read the note, Lin said: “We have waited. It is late. Lin then went home.", "“We have waited. It is late.")]
    public void UnclosedQuotationEndsBeforeTheSentenceThatNamesItsSpeaker(string text, string expected)
    {
        var (quotations, diagnostics) = Run(text);
        var quotation = Assert.Single(quotations);
        Assert.False(quotation.Closed);
        Assert.Equal(expected, quotation.Text(text));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("ANL2001", diagnostic.Code);
        Assert.Equal(quotation.Span, diagnostic.Span);
        Assert.Contains("narration resumes", diagnostic.Message);
    }

    [Theory]
    [InlineData("Lin: “We must act. The reply we got was: “No.”", "“We must act.")]
    [InlineData("Lin: “We must act. Then the clerk read aloud:", "“We must act.")]
    [InlineData("Lin: “We must act. Ambassador Kerr: we agree.", "“We must act.")]
    public void UnclosedQuotationEndsBeforeANewSpeechCue(string text, string expected)
    {
        var (quotations, _) = Run(text);
        Assert.Equal(expected, quotations.First(q => !q.Closed).Text(text));
    }

    [Fact]
    public void AColonCueInFirstPersonStaysInsideTheQuotation()
    {
        string text = "Lin: “We must act. I told them: ‘act now’. They agreed.";
        var (quotations, _) = Run(text);
        var outer = quotations.Single(q => q.Depth == 0);
        Assert.False(outer.Closed);
        Assert.Equal(text.Length, outer.Span.End);
    }

    [Theory]
    [InlineData("Lin: “You know our position. When the talk ended, Lin’s host walked out.", "“You know our position.")]
    [InlineData("Lin: “You know our position. Then he asked for tea.", "“You know our position.")]
    [InlineData("Lin: “You know our position. Using a pencil, she marked the map.", "“You know our position.")]
    [InlineData("Lin: “You know our position. The host thereupon stood.", "“You know our position. The host thereupon stood.")]
    [InlineData("Lin: “You know our position. General Kerr replied at once.", "“You know our position.")]
    public void UnclosedQuotationEndsWhereFirstPersonSpeechTurnsToThirdPersonNarration(string text, string expected)
    {
        var (quotations, _) = Run(text);
        Assert.Equal(expected, Assert.Single(quotations).Text(text));
    }

    [Theory]
    [InlineData("Lin: “He fought hard. They captured him. He escaped.")]
    [InlineData("Lin: “We know him. He came to us and he said we were right.")]
    [InlineData("Lin: “We know him. He was arrested.")]
    public void ThirdPersonSentencesTheSpeakerSaysDoNotEndTheQuotation(string text)
    {
        var (quotations, diagnostics) = Run(text);
        Assert.Equal(text.Length, Assert.Single(quotations).Span.End);
        Assert.Contains("end of its paragraph", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void ANewSameMarkOpeningEndsTheOpenOneBeforeItsSentence()
    {
        string text = "Lin: “We agree. We sign. “Good,” the host replied.";
        var (quotations, diagnostics) = Run(text);
        Assert.Equal(["“We agree. We sign.", "“Good,”"], quotations.Select(q => q.Text(text)));
        Assert.All(quotations, q => Assert.Equal(0, q.Depth));
        Assert.Contains("next quotation", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void ContinuationAcrossParagraphsCoversBothParagraphsAndReadsOnlyTheLastForNarration()
    {
        string text = "Lin read: “First, we agree.\n\n“Second, we sign. Lin then sat down.";
        var (quotations, _) = Run(text);
        var quotation = Assert.Single(quotations);
        Assert.Equal("“First, we agree.\n\n“Second, we sign.", quotation.Text(text));
        Assert.Equal('“', quotation.OpeningMark);
    }

    [Fact]
    public void ParagraphOpeningWithADifferentMarkDoesNotContinue()
    {
        string text = "Lin read: “First, we agree.\n\n‘Second,’ he said.";
        var (quotations, diagnostics) = Run(text);
        Assert.Equal(["“First, we agree.", "‘Second,’"], quotations.Select(q => q.Text(text)));
        Assert.Single(diagnostics, d => d.Code == "ANL2001");
    }

    [Fact]
    public void UnmatchedClosingMarkGivesAnl2002ButApostrophesDoNot()
    {
        string text = "It ended.” The Allies’ plan wasn’t the Mongols’.";
        var (quotations, diagnostics) = Run(text);
        Assert.Empty(quotations);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("ANL2002", diagnostic.Code);
        Assert.Equal(9, diagnostic.Span!.Value.Start);
    }

    [Theory]
    [InlineData('“')]
    [InlineData('"')]
    [InlineData('‘')]
    [InlineData('’')]
    [InlineData('\'')]
    [InlineData('„')]
    [InlineData('«')]
    [InlineData('»')]
    [InlineData('「')]
    public void TenThousandOpeningMarksInARowAreLinear(char mark)
    {
        string text = "Lin: " + string.Concat(Enumerable.Repeat(mark + "We go. ", 10_000));
        var watch = Stopwatch.StartNew();
        var (quotations, _) = Run(text);
        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.All(quotations, q => Assert.True(q.Depth <= 16));
    }

    [Fact]
    public void TenThousandBareOpeningMarksNeverNest()
    {
        string text = new('“', 10_000);
        var (quotations, diagnostics) = Run(text);
        Assert.All(quotations, q => Assert.Equal(0, q.Depth));
        Assert.Equal(9_998, quotations.Count(q => !q.Closed));
        Assert.Equal(9_998, diagnostics.Count);
        Assert.True(quotations[^1].Closed, "the last mark, before the end, closes the one before it");
    }

    [Fact]
    public void ManyCuesInOneLongSentenceStayFast()
    {
        string text = "Lin said" + string.Concat(Enumerable.Repeat(", “we go", 20_000));
        var watch = Stopwatch.StartNew();
        var (quotations, _) = Run(text);
        Assert.Equal(20_000, quotations.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void WeakOpenersThatNeverCloseAreDroppedSilently()
    {
        string text = "The ’90s and 'tis true, he’d said ’twas so.";
        var (quotations, diagnostics) = Run(text);
        Assert.Empty(quotations);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void AnApostropheNeverClosesAQuotationOpenedBeforeADoubleMark()
    {
        string text = "‘He wrote “the Mongols’ land” twice,’ she said.";
        var (quotations, _) = Run(text);
        Assert.Equal(["‘He wrote “the Mongols’ land” twice,’", "“the Mongols’ land”"], quotations.Select(q => q.Text(text)));
        Assert.Equal([0, 1], quotations.Select(q => q.Depth));
    }

    [Fact]
    public void SpansOfHandMadeLayersOutsideTheTextAreIgnored()
    {
        string text = "“Yes.”";
        var quotations = QuotationAnnotator.Find(text, [new(0, 6), new(3, 100)], [new(0, 6), new(2, 1000)], []);
        Assert.Single(quotations);
    }
}
