using Annalist.Core.Quotations;
using Annalist.Core.Text;
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
    [InlineData("He agreed that he would not see the Ambassador before noon, and then said, “We must wait. I will see the Ambassador later.")]
    [InlineData("After the talk with the Consul about the Treaty ended, he said: “We must wait. The Treaty can wait too.")]
    public void NamesInALongCueThatAreNotItsSubjectAreNoSpeaker(string text)
    {
        var (quotations, _) = Run(text);
        Assert.Equal(text.Length, Assert.Single(quotations).Span.End);
    }

    [Theory]
    [InlineData("When the Consul had read it, Kerr asked about the dates and said: “We wait. Kerr left.", "“We wait.")]
    [InlineData("Having read the note to the Consul, General Kerr said: “We wait. Kerr left.", "“We wait.")]
    public void TheSubjectOfALongCueIsItsSpeaker(string text, string expected)
    {
        var (quotations, _) = Run(text);
        Assert.Equal(expected, Assert.Single(quotations).Text(text));
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
    public void ASentenceEndingInAColonWithoutAReportingVerbStaysInsideTheQuotation()
    {
        string text = "Lin: “We accept. The conditions are these:";
        var (quotations, _) = Run(text);
        Assert.Equal(text.Length, Assert.Single(quotations).Span.End);
    }

    [Fact]
    public void AColonBeforeANestedStyleMarkIsTheSpeakerQuotingNotANewCue()
    {
        string text = "Lin: “We studied the treaty. Article 4 provides: ‘Each party shall consult.’ That settles it.";
        var (quotations, _) = Run(text);
        var outer = quotations.Single(q => q.Depth == 0);
        Assert.Equal(text.Length, outer.Span.End);
        Assert.Single(quotations, q => q.Depth == 1);
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

    [Fact]
    public void ACapitalizedWordOpeningASentenceIsANameOnlyWithEvidence()
    {
        string common = "Lin: “We sent the papers in time. Papers arrived late.";
        Assert.Equal(common.Length, Assert.Single(Run(common).Quotations).Span.End);

        string name = "Lin: “We waited for Kerr all day. Kerr arrived at noon.";
        Assert.Equal("“We waited for Kerr all day.", Assert.Single(Run(name).Quotations).Text(name));
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
    public void TheSameMarkMidSentenceNestsOnceButAfterASentenceEndOpensTheNextQuotation()
    {
        string text = "It reads: “Approves the “Plan” of May.” Then: “We agree. “Good,” he said.";
        var (quotations, _) = Run(text);
        Assert.Equal(
            [("“Approves the “Plan” of May.”", 0, true), ("“Plan”", 1, true), ("“We agree.", 0, false), ("“Good,”", 0, true)],
            quotations.Select(q => (q.Text(text), q.Depth, q.Closed)));
    }

    [Fact]
    public void ASignalRightAfterTheOpeningMarkDoesNotCutTheQuotationToNothing()
    {
        string text = "Lin: “ Lin then left. We stayed.";
        TextSpan[] sentences = [new(0, 6), new(7, 21), new(22, 32)];
        var (end, reason) = UnclosedQuotationEnd.Find(text, sentences, 5, 5, text.Length, false, [new TextSpan(0, 3)]);
        Assert.Equal(text.Length, end);
        Assert.Null(reason);
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
        string text = "It ended.” The Allies’ plan wasn’t the Serbs’.";
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
    public void TenThousandOpeningMarksInARowNestAtMostSixteenDeep(char mark)
    {
        // How long this takes is QuotationWorstCaseBenchmarks' figure, not this test's.
        string text = "Lin: " + string.Concat(Enumerable.Repeat(mark + "We go. ", 10_000));
        var (quotations, _) = Run(text);
        Assert.All(quotations, q => Assert.True(q.Depth <= 16));
    }

    [Fact]
    public void TenThousandBareOpeningMarksNestAtMostOnce()
    {
        string text = new('“', 10_000);
        var (quotations, diagnostics) = Run(text);
        Assert.All(quotations, q => Assert.True(q.Depth <= 1));
        Assert.Single(quotations, q => q.Depth == 0);
        Assert.Equal(9_998, quotations.Count(q => !q.Closed));
        Assert.Equal(9_998, diagnostics.Count);
        Assert.True(quotations[^1].Closed, "the last mark, before the end, closes the one before it");
    }

    [Fact]
    public void ManyCuesInOneLongSentenceEachOpenAQuotation()
    {
        // How long this takes is QuotationWorstCaseBenchmarks' figure, not this test's.
        string text = "Lin said" + string.Concat(Enumerable.Repeat(", “we go", 20_000));
        var (quotations, _) = Run(text);
        Assert.Equal(20_000, quotations.Count);
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
        string text = "‘He wrote “the Serbs’ land” twice,’ she said.";
        var (quotations, _) = Run(text);
        Assert.Equal(["‘He wrote “the Serbs’ land” twice,’", "“the Serbs’ land”"], quotations.Select(q => q.Text(text)));
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
