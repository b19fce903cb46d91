using Annalist.Evaluation.Gold;
using FsCheck;

namespace Annalist.Evaluation.Tests.Gold;

public class TextLocatorTests
{
    [Fact]
    public void Finds_the_nth_whole_word_occurrence_and_skips_matches_inside_words()
    {
        const string text = "Now we know that snow fell now, and now it melts.";

        var first = TextLocator.Find(text, "now");
        var second = TextLocator.Find(text, "now", occurrence: 2);

        Assert.Equal(text.IndexOf("now,", StringComparison.Ordinal), first!.Value.Start);
        Assert.Equal(text.IndexOf("now it", StringComparison.Ordinal), second!.Value.Start);
        Assert.Null(TextLocator.Find(text, "now", occurrence: 3));
    }

    [Fact]
    public void A_string_ending_in_punctuation_needs_no_word_boundary_after_it()
    {
        const string text = "He paused…and went on.";

        var gap = TextLocator.Find(text, "…");

        Assert.Equal(new Core.Text.TextSpan(9, 10), gap);
    }

    [Fact]
    public void Whitespace_runs_are_equal_only_when_asked()
    {
        const string text = "Bergen, April   2,\n1950.";

        Assert.Null(TextLocator.Find(text, "April 2, 1950"));
        var span = TextLocator.Find(text, "April 2, 1950", whitespaceEqual: true);

        Assert.Equal("April   2,\n1950", text.Substring(span!.Value.Start, span.Value.Length));
    }

    [Fact]
    public void Occurrences_are_counted_from_the_given_offset()
    {
        const string text = "yes. yes. yes.";

        Assert.Equal(5, TextLocator.Find(text, "yes.", from: 1)!.Value.Start);
    }

    [FsCheck.Xunit.Property]
    public bool Any_match_covers_exactly_the_needle(NonEmptyString haystack, NonEmptyString needle, PositiveInt occurrence)
    {
        string text = haystack.Get, wanted = needle.Get;
        var span = TextLocator.Find(text, wanted, occurrence.Get % 4 + 1);
        return span is null || text.Substring(span.Value.Start, span.Value.Length) == wanted;
    }

    [FsCheck.Xunit.Property]
    public bool Whitespace_mode_never_throws_and_stays_in_bounds(string? haystack, string? needle)
    {
        var span = TextLocator.Find(haystack ?? "", needle ?? "", whitespaceEqual: true);
        return span is null || span.Value.End <= (haystack ?? "").Length;
    }
}
