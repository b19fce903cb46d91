using Annalist.Core.Errors;
using Annalist.Store.Search;

namespace Annalist.Store.Tests.Search;

public class SearchQueryTests
{
    [Fact]
    public void Words_are_lowercased_and_quoted_words_become_phrases()
    {
        var query = SearchQuery.Parse("Grain “the Harbour master” exports");
        Assert.Equal(["grain", "exports"], query.Terms.ToArray());
        Assert.Equal(["the harbour master"], query.Phrases.ToArray());
    }

    [Fact]
    public void Punctuation_splits_words_and_is_never_an_operator()
    {
        var query = SearchQuery.Parse("U.S.S.R. -aid OR* NEAR(x)");
        Assert.Equal(["u", "s", "r", "aid", "or", "near", "x"], query.Terms.ToArray());
    }

    [Fact]
    public void A_one_word_phrase_is_a_word_and_an_unclosed_quote_runs_to_the_end()
    {
        var query = SearchQuery.Parse("\"treaty\" \"trade agreement");
        Assert.Equal(["treaty"], query.Terms.ToArray());
        Assert.Equal(["trade agreement"], query.Phrases.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\" -- !!")]
    public void A_query_without_words_is_refused_with_a_code(string text)
    {
        Assert.False(SearchQuery.TryParse(text, out _));
        Assert.Equal(ErrorCatalogue.InvalidSearchQuery.Code, Assert.Throws<AnnalistException>(() => SearchQuery.Parse(text)).Code);
    }
}
