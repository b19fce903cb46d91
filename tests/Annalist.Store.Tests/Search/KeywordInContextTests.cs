using Annalist.Store.Search;

namespace Annalist.Store.Tests.Search;

public class KeywordInContextTests
{
    [Fact]
    public void The_first_exact_word_wins_over_an_earlier_inflected_one()
    {
        const string Text = "Trucks were promised; later one truck came.";
        var span = KeywordInContext.FindFirst(Text, SearchQuery.Parse("truck"))!.Value;
        Assert.Equal("truck", Text[span.Start..span.End]);
    }

    [Fact]
    public void An_inflected_form_is_found_when_no_exact_one_is_there()
    {
        const string Text = "The harvests failed twice.";
        var span = KeywordInContext.FindFirst(Text, SearchQuery.Parse("harvest"))!.Value;
        Assert.Equal("harvests", Text[span.Start..span.End]);
    }

    [Fact]
    public void The_snippet_is_cut_at_whole_words_and_offsets_are_in_the_document()
    {
        string text = string.Concat(Enumerable.Repeat("alpha beta gamma ", 10)) + "target" + string.Concat(Enumerable.Repeat(" delta epsilon", 10));
        var passage = new PassageMatch("key", "doc.txt", 4, 1000, 1000 + text.Length, text, 1.0);
        var hit = KeywordInContext.Build(passage, SearchQuery.Parse("target"));

        Assert.Equal("target", hit.Matched);
        Assert.Equal(1000 + text.IndexOf("target", StringComparison.Ordinal), hit.Match.Start);
        Assert.InRange(hit.Before.Length, 1, KeywordInContext.ContextLength);
        Assert.True(hit.Before.Length == 0 || text[hit.Match.Start - 1000 - hit.Before.Length - 1] == ' ');
        Assert.StartsWith(" delta", hit.After, StringComparison.Ordinal);
        Assert.False(char.IsLetter(text[hit.Match.End - 1000 + hit.After.Length]) && char.IsLetter(hit.After[^1]));
    }
}
