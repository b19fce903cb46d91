using Annalist.Core.Text;

namespace Annalist.Core.Tests.Text;

public class SourceDocumentTests
{
    [Fact]
    public void Hash_is_sha256_of_utf8_text()
    {
        var document = new SourceDocument("a", "abc");
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", document.Sha256);
    }

    [Fact]
    public void Hash_differs_for_different_text() =>
        Assert.NotEqual(new SourceDocument("a", "x").Sha256, new SourceDocument("a", "y").Sha256);

    [Theory]
    [InlineData("one\ntwo\r\nthree\rfour", 0, 1, 1)]
    [InlineData("one\ntwo\r\nthree\rfour", 4, 2, 1)]
    [InlineData("one\ntwo\r\nthree\rfour", 6, 2, 3)]
    [InlineData("one\ntwo\r\nthree\rfour", 9, 3, 1)]
    [InlineData("one\ntwo\r\nthree\rfour", 15, 4, 1)]
    [InlineData("one\ntwo\r\nthree\rfour", 19, 4, 5)]
    [InlineData("", 0, 1, 1)]
    public void Line_index_maps_offsets_to_one_based_positions(string text, int offset, int line, int column)
    {
        var position = new SourceDocument("a", text).Lines.GetPosition(offset);
        Assert.Equal(new LinePosition(line, column), position);
    }

    [Fact]
    public void Line_index_rejects_offsets_past_the_end() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SourceDocument("a", "ab").Lines.GetPosition(3));

    [Fact]
    public void Keeps_text_exactly()
    {
        const string text = "\uFEFFa\r\nb\u0000\uD800";
        var document = new SourceDocument("a", text);
        Assert.Same(text, document.Text);
        Assert.Equal("b", document.GetText(new TextSpan(4, 5)));
    }
}
