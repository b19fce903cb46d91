using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Core.Tests.Tokens;

public sealed class TokenizerTests
{
    [Fact]
    public void Offset_shifts_every_span_of_a_slice()
    {
        string text = "Preamble. Gen. Ruiz left at 11pm.";
        var whole = Tokenizer.Tokenize(text);
        using var buffer = new TokenBuffer(2);
        Tokenizer.Tokenize(text.AsSpan(10), buffer, offset: 10);
        Assert.Equal(whole.Where(t => t.Span.Start >= 10), buffer.Tokens.ToArray());
    }

    [Fact]
    public void A_cleared_buffer_is_reused_and_grows_past_its_capacity()
    {
        using var buffer = new TokenBuffer(16);
        Tokenizer.Tokenize("one two three", buffer);
        Assert.Equal(3, buffer.Count);
        buffer.Clear();
        string longer = string.Join(' ', Enumerable.Repeat("word", 500));
        Tokenizer.Tokenize(longer, buffer);
        Assert.Equal(500, buffer.Count);
        Assert.Equal(new TextSpan(5, 9), buffer[1].Span);
    }

    [Fact]
    public void A_surrogate_pair_is_one_symbol_and_a_lone_surrogate_one_other_token()
    {
        string text = "a \uD83D\uDE00 \uD83D b \uDE00";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal([TokenKind.Word, TokenKind.Symbol, TokenKind.Other, TokenKind.Word, TokenKind.Other], tokens.Select(t => t.Kind));
        Assert.Equal(2, tokens[1].Span.Length);
    }

    [Fact]
    public void Token_annotator_reports_lone_surrogates_once_with_the_first_position()
    {
        var analyzed = new PipelineBuilder().Add(new TokenAnnotator()).Build().Analyze(new SourceDocument("broken", "ok \uDC00 and \uD800"));
        var diagnostic = Assert.Single(analyzed.Diagnostics);
        Assert.Equal(ErrorCatalogue.LoneSurrogate.Code, diagnostic.Code);
        Assert.Equal(new TextSpan(3, 4), diagnostic.Span);
        Assert.Contains("2", diagnostic.Message);
    }

    [Fact]
    public void Clean_text_gets_no_token_diagnostic()
    {
        var analyzed = new PipelineBuilder().Add(new TokenAnnotator()).Build().Analyze(new SourceDocument("clean", "Nothing odd 👍 here."));
        Assert.Empty(analyzed.Diagnostics);
        Assert.Equal(LayerNames.Tokens, analyzed.GetLayer<Token>(LayerNames.Tokens).Name);
    }

    [Theory]
    [InlineData("Gen")]
    [InlineData("GEN")]
    [InlineData("vol")]
    [InlineData("Vol")]
    [InlineData("e.g")]
    public void Lexicon_matches_its_case_variants(string word) => Assert.True(Abbreviations.TryGetKind(word, out _));

    [Theory]
    [InlineData("gen")]
    [InlineData("Table")]
    [InlineData("")]
    public void Lexicon_rejects_other_words(string word) => Assert.False(Abbreviations.TryGetKind(word, out _));
}
