using Annalist.Core.Text;

namespace Annalist.Core.Tests.Text;

public class TextSpanTests
{
    [Fact]
    public void Rejects_negative_start_and_end_before_start()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(-1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(5, 4));
    }

    [Fact]
    public void Is_half_open()
    {
        var span = new TextSpan(2, 5);
        Assert.Equal(3, span.Length);
        Assert.True(span.Contains(2));
        Assert.True(span.Contains(4));
        Assert.False(span.Contains(5));
        Assert.False(span.Overlaps(new TextSpan(5, 7)));
        Assert.True(span.Overlaps(new TextSpan(4, 7)));
        Assert.False(new TextSpan(3, 3).Overlaps(span) && new TextSpan(3, 3).Length > 0);
    }

    [Fact]
    public void Orders_by_start_then_longest_first()
    {
        var spans = new[] { new TextSpan(3, 4), new TextSpan(0, 2), new TextSpan(0, 9), new TextSpan(3, 8) };
        Array.Sort(spans);
        Assert.Equal([new TextSpan(0, 9), new TextSpan(0, 2), new TextSpan(3, 8), new TextSpan(3, 4)], spans);
    }
}
