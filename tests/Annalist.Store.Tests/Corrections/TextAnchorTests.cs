using Annalist.Core.Text;
using Annalist.Store.Corrections;

namespace Annalist.Store.Tests.Corrections;

public class TextAnchorTests
{
    private const string Text = "The envoy met the envoy's aide, and later the envoy left the city.";

    [Fact]
    public void An_anchor_keeps_the_quote_and_up_to_32_characters_either_side()
    {
        int at = Text.IndexOf("aide", StringComparison.Ordinal);
        var anchor = TextAnchor.At(Text, new TextSpan(at, at + 4));
        Assert.Equal("aide", anchor.Exact);
        Assert.Equal(Text[..at], anchor.Prefix);
        Assert.Equal(Text[(at + 4)..(at + 4 + TextAnchor.ContextLength)], anchor.Suffix);
    }

    [Fact]
    public void Unchanged_text_is_found_at_the_same_offsets()
    {
        var span = Second("envoy");
        Assert.True(TextAnchor.At(Text, span).TryLocate(Text, out var found));
        Assert.Equal(span, found);
    }

    [Fact]
    public void Among_several_occurrences_the_one_with_the_same_surroundings_wins()
    {
        var anchor = TextAnchor.At(Text, Second("envoy"));
        string revised = "Summary. The envoy arrived. " + Text.Replace("later", "soon after", StringComparison.Ordinal);
        Assert.True(anchor.TryLocate(revised, out var found));
        int expected = revised.IndexOf("the envoy's", StringComparison.Ordinal) + 4;
        Assert.Equal(new TextSpan(expected, expected + 5), found);
    }

    [Fact]
    public void A_quote_that_is_gone_is_not_found()
    {
        var anchor = TextAnchor.At(Text, Second("envoy"));
        Assert.False(anchor.TryLocate(Text.Replace("envoy", "consul", StringComparison.Ordinal), out _));
        Assert.False(anchor.TryLocate("", out _));
    }

    [Fact]
    public void Offsets_past_a_shorter_text_do_not_throw()
    {
        var anchor = TextAnchor.At(Text, new TextSpan(Text.Length - 5, Text.Length));
        Assert.True(anchor.TryLocate("city.", out var found));
        Assert.Equal(new TextSpan(0, 5), found);
    }

    private static TextSpan Second(string word)
    {
        int first = Text.IndexOf(word, StringComparison.Ordinal);
        int second = Text.IndexOf(word, first + 1, StringComparison.Ordinal);
        return new TextSpan(second, second + word.Length);
    }
}
