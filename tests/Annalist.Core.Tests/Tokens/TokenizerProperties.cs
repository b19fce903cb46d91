using Annalist.Core.Tokens;
using Annalist.Core.Tests.Generators;
using FsCheck.Xunit;

namespace Annalist.Core.Tests.Tokens;

/// <summary>Tokens on random text: ordered, never overlapping, never holding white space, rebuilding the text.</summary>
public sealed class TokenizerProperties
{
    [Property(Arbitrary = [typeof(HardTextArbitraries)], MaxTest = 300)]
    public void Tokens_rebuild_the_text_with_white_space_gaps(HardText input) => AssertTokenInvariants(input.Value);

    [Property(MaxTest = 200)]
    public void Tokens_rebuild_any_string(string? input) => AssertTokenInvariants(input ?? "");

    private static void AssertTokenInvariants(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        int position = 0;
        foreach (var token in tokens)
        {
            Assert.True(token.Span.Start >= position, $"token {token.Span} overlaps or precedes the one before (at {position})");
            Assert.True(token.Span.End <= text.Length && !token.Span.IsEmpty, $"token {token.Span} empty or beyond the text");
            for (int i = position; i < token.Span.Start; i++) Assert.True(char.IsWhiteSpace(text[i]), $"gap character U+{(int)text[i]:X4} at {i} is not white space");
            for (int i = token.Span.Start; i < token.Span.End; i++) Assert.False(char.IsWhiteSpace(text[i]), $"white space at {i} inside token {token.Span}");
            Assert.False(token.Span.Start > 0 && char.IsSurrogatePair(text[token.Span.Start - 1], text[token.Span.Start]), $"token {token.Span} splits a surrogate pair");
            position = token.Span.End;
        }
        for (int i = position; i < text.Length; i++) Assert.True(char.IsWhiteSpace(text[i]), $"trailing character U+{(int)text[i]:X4} at {i} is in no token");
    }
}
