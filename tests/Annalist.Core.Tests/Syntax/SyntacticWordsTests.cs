using Annalist.Core.Syntax;
using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Core.Tests.Syntax;

public sealed class SyntacticWordsTests
{
    [Theory]
    [InlineData("don’t", "do|n’t")]
    [InlineData("can't", "ca|n't")]
    [InlineData("WON'T", "WO|N'T")]
    [InlineData("Minister’s", "Minister|’s")]
    [InlineData("they're", "they|'re")]
    [InlineData("we’ve", "we|’ve")]
    [InlineData("I'm", "I|'m")]
    [InlineData("she'd", "she|'d")]
    [InlineData("you’ll", "you|’ll")]
    [InlineData("hand-held", "hand-held")]
    [InlineData("'s", "'s")]
    [InlineData("n't", "n't")]
    [InlineData("Moscow", "Moscow")]
    public void Splits_clitics_as_UD_does(string token, string expected)
    {
        var words = new List<TextSpan>();
        var owners = new List<int>();
        SyntacticWords.Split(token, [new Token(new TextSpan(0, token.Length), TokenKind.Word)], 5, words, owners);
        Assert.Equal(expected, string.Join('|', words.Select(w => token[w.Start..w.End])));
        Assert.All(owners, o => Assert.Equal(5, o));
    }

    [Fact]
    public void Only_word_tokens_are_split()
    {
        var words = new List<TextSpan>();
        SyntacticWords.Split("o’clock", [new Token(new TextSpan(0, 7), TokenKind.Clock)], 0, words, []);
        Assert.Single(words);
    }
}
