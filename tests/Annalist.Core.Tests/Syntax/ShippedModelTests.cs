using Annalist.Core.Syntax;

namespace Annalist.Core.Tests.Syntax;

/// <summary>The models embedded in Annalist.Core, on sentences written for these tests.</summary>
public sealed class ShippedModelTests
{
    [Fact]
    public void The_tagger_tags_a_plain_sentence()
    {
        Assert.Equal(
            ["DET", "NOUN", "VERB", "DET", "ADJ", "NOUN", "ADP", "PROPN", "PUNCT"],
            PartOfSpeechTaggerTests.Tags(SyntaxModels.Tagger, "The committee approved the new budget on Tuesday ."));
    }

    [Fact]
    public void The_tagger_reads_titles_initials_and_numbers_with_separators()
    {
        var tags = PartOfSpeechTaggerTests.Tags(SyntaxModels.Tagger, "General K. Rokossovsky sent 12,500 men to the front .");
        Assert.Equal(["PROPN", "PROPN", "PROPN", "VERB", "NUM", "NOUN", "ADP", "DET", "NOUN", "PUNCT"], tags);
    }

    [Fact]
    public void The_parser_finds_subject_and_object()
    {
        var (heads, relations) = DependencyParserTests.Parse(SyntaxModels.Tagger, SyntaxModels.Parser, "The minister signed the treaty .");
        Assert.Equal(-1, heads[2]);
        Assert.Equal("root", relations[2]);
        Assert.Equal((2, "nsubj"), (heads[1], relations[1]));
        Assert.Equal((2, "obj"), (heads[4], relations[4]));
        Assert.Equal((1, "det"), (heads[0], relations[0]));
        Assert.Equal((2, "punct"), (heads[5], relations[5]));
    }

    [Fact]
    public void The_parser_attaches_a_place_to_a_verb_of_motion()
    {
        var (heads, relations) = DependencyParserTests.Parse(SyntaxModels.Tagger, SyntaxModels.Parser, "The delegation arrived in Paris on Monday .");
        Assert.Equal((2, "obl"), (heads[4], relations[4]));
        Assert.Equal((4, "case"), (heads[3], relations[3]));
        Assert.Equal(2, heads[6]);
    }

    [Fact]
    public void The_models_load_from_the_resources()
    {
        // How long loading takes is SyntaxBenchmarks.LoadModels' figure (docs/syntax.md), not this test's.
        Assert.True(SyntaxModels.Tagger.ClassCount > 10);
        Assert.True(SyntaxModels.Parser.Relations.Count > 10);
    }
}
