using Annalist.Core.Annotations;
using Annalist.Core.Editorial;
using Annalist.Core.Pipeline;
using Annalist.Core.Tests.Gold;
using Annalist.Core.Text;
using Annalist.Tests;

namespace Annalist.Core.Tests.Editorial;

public sealed class SampleRecordEditorialTests
{
    private const string GoldFile = "000_b6bf8e9b8d153cfb.gold.json";

    [SharedFact]
    public void EditorialLayerIsExactlyTheGoldList()
    {
        using var gold = GoldRecord.Load(GoldFile);
        var expected = gold.Layer("editorial")
            .Select(item => (
                Span: gold.Find(item.GetProperty("text").GetString()!, item.TryGetProperty("occurrence", out var n) ? n.GetInt32() : 1),
                Kind: item.GetProperty("kind").GetString()!))
            .OrderBy(item => item.Span)
            .ToList();
        Assert.NotEmpty(expected);

        var analyzed = DefaultPipeline.Create().Analyze(new SourceDocument(GoldFile, gold.Text));
        var actual = analyzed.GetLayer<EditorialMark>(LayerNames.Editorial)
            .Select(mark => (mark.Span, Kind: mark.Kind.ToString().ToLowerInvariant()))
            .ToList();
        Assert.Equal(expected, actual);
        Assert.DoesNotContain(analyzed.Diagnostics, d => d.Code == "ANL2003");
    }
}
