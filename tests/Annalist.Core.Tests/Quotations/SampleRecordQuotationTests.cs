using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Quotations;
using Annalist.Core.Tests.Gold;
using Annalist.Core.Text;
using Annalist.Tests;

namespace Annalist.Core.Tests.Quotations;

/// <summary>The sample record against its gold turns: every direct turn is one outermost quotation.</summary>
public sealed class SampleRecordQuotationTests
{
    private const string GoldFile = "000_b6bf8e9b8d153cfb.gold.json";

    [SharedFact]
    public void OutermostQuotationsAreExactlyTheGoldDirectTurns()
    {
        using var gold = GoldRecord.Load(GoldFile);
        var analyzed = DefaultPipeline.Create().Analyze(new SourceDocument(GoldFile, gold.Text));
        var outermost = analyzed.GetLayer<Quotation>(LayerNames.Quotations).Where(q => q.Depth == 0).ToList();

        var turnStarts = gold.Layer("turns").Select(t => gold.Find(t.GetProperty("starts").GetString()!).Start).ToList();
        Assert.Equal(turnStarts, outermost.Select(q => SkipSpaces(gold.Text, q.Content.Start)));

        foreach (var turn in gold.Layer("turns"))
        {
            if (!turn.TryGetProperty("ends", out var ends)) continue;
            var start = gold.Find(turn.GetProperty("starts").GetString()!);
            var quotation = outermost.Single(q => SkipSpaces(gold.Text, q.Content.Start) == start.Start);
            var end = gold.Find(ends.GetString()!, from: start.Start);
            Assert.Equal(end.End, TrimEnd(gold.Text, quotation.Content.End));
        }
    }

    [SharedFact]
    public void TheOneUnclosedQuotationEndsWhereTheGoldTurnEndsWithAnAnl2001()
    {
        using var gold = GoldRecord.Load(GoldFile);
        var analyzed = DefaultPipeline.Create().Analyze(new SourceDocument(GoldFile, gold.Text));
        var unclosed = Assert.Single(analyzed.GetLayer<Quotation>(LayerNames.Quotations), q => !q.Closed);
        Assert.Equal(0, unclosed.Depth);

        var turn = gold.Layer("turns").Single(t => gold.Find(t.GetProperty("starts").GetString()!).Start == SkipSpaces(gold.Text, unclosed.Content.Start));
        var end = gold.Find(turn.GetProperty("ends").GetString()!, from: unclosed.Content.Start);
        Assert.Equal(end.End, unclosed.Span.End);

        var diagnostic = Assert.Single(analyzed.Diagnostics, d => d.Code == "ANL2001");
        Assert.Equal(unclosed.Span, diagnostic.Span);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    private static int SkipSpaces(string text, int offset)
    {
        while (offset < text.Length && char.IsWhiteSpace(text[offset])) offset++;
        return offset;
    }

    private static int TrimEnd(string text, int offset)
    {
        while (offset > 0 && char.IsWhiteSpace(text[offset - 1])) offset--;
        return offset;
    }
}
