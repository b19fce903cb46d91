using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Tests.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Tests.Annotations;

public class LayerTests
{
    private static readonly ComponentId Producer = new("test", 1);

    [Fact]
    public void Sorts_items_by_span()
    {
        var layer = new Layer<Mark>("m", Producer, [new Mark(new TextSpan(5, 6)), new Mark(new TextSpan(0, 3)), new Mark(new TextSpan(0, 9))]);
        Assert.Equal([new TextSpan(0, 9), new TextSpan(0, 3), new TextSpan(5, 6)], layer.Select(m => m.Span));
    }

    [Fact]
    public void Finds_items_within_and_overlapping_a_span()
    {
        var layer = new Layer<Mark>("m", Producer, [new Mark(new TextSpan(0, 4)), new Mark(new TextSpan(2, 3)), new Mark(new TextSpan(5, 8)), new Mark(new TextSpan(9, 10))]);
        Assert.Equal([new TextSpan(2, 3), new TextSpan(5, 8)], layer.Within(new TextSpan(1, 8)).Select(m => m.Span));
        Assert.Equal([new TextSpan(0, 4), new TextSpan(2, 3), new TextSpan(5, 8)], layer.Overlapping(new TextSpan(2, 6)).Select(m => m.Span));
        Assert.Equal(2, layer.FirstStartingAtOrAfter(3));
    }

    [Fact]
    public void Component_ids_carry_their_version()
    {
        Assert.Equal("ner.perceptron.v2", new ComponentId("ner.perceptron", 2).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComponentId("x", 0));
    }
}
