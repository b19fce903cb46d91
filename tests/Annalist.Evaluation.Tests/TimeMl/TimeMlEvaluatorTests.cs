using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Evaluation.Scoring;
using Annalist.Evaluation.SystemOutput;
using Annalist.Evaluation.TimeMl;
using Annalist.Formats.TimeMl;
using Annalist.Tests;

namespace Annalist.Evaluation.Tests.TimeMl;

public class TimeMlEvaluatorTests
{
    [Theory]
    [InlineData("tiny.tml")]
    [InlineData("tiny.key.xml")]
    public void A_file_scored_against_itself_is_one_everywhere(string name)
    {
        var document = TimeMlReader.ReadFile(ExampleFiles.PathTo(name));

        var score = TimeMlEvaluator.ScoreAgainst(document, TimeMlEvaluator.GoldAsSystem(document));

        Assert.All(score.Metrics, m => Assert.Equal(1.0, m.Value));
        Assert.True(score.Count("gold") >= 3);
    }

    [Fact]
    public void The_default_pipeline_without_a_time_layer_scores_zero_and_is_flagged()
    {
        var result = new TimeMlEvaluator(new PipelineBuilder().Build()).Evaluate([ExampleFiles.PathTo("tiny.tml")], TimeAnchor.Document);

        var timexes = result.Layer("timexes")!;
        Assert.False(timexes.Produced);
        Assert.Equal(3, timexes.Misses.Length);
        Assert.All(timexes.Metrics, m => Assert.Equal(0.0, m.Value));
    }

    [Theory]
    [InlineData("document", TimeAnchorKind.Document, null)]
    [InlineData("narrative", TimeAnchorKind.Narrative, null)]
    [InlineData("1950-06-25", TimeAnchorKind.Fixed, "1950-06-25")]
    [InlineData("1950", TimeAnchorKind.Fixed, "1950")]
    public void Anchors_parse(string text, TimeAnchorKind kind, string? date)
    {
        Assert.True(TimeAnchor.TryParse(text, out var anchor));
        Assert.Equal(kind, anchor.Kind);
        Assert.Equal(date, anchor.Date);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("1950-13-01")]
    public void Bad_anchors_do_not_parse(string text) => Assert.False(TimeAnchor.TryParse(text, out _));

    [Fact]
    public void A_folder_without_timeml_files_is_a_coded_error()
    {
        string empty = Directory.CreateTempSubdirectory("annalist-eval-").FullName;
        try
        {
            var error = Assert.Throws<Core.Errors.AnnalistException>(() => TimeMlEvaluator.ExpandPaths([empty]));
            Assert.Equal("ANL1105", error.Code);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    public static TheoryData<string> DevelopmentSets => ["timeml/te3-train-TBAQ-cleaned", "timeml/wikiwars/WikiWars_20120218_v104/keyinline"];

    [SharedTheory]
    [MemberData(nameof(DevelopmentSets))]
    public void Development_corpora_scored_against_themselves_are_one(string folder)
    {
        string path = SharedData.PathTo("corpora", folder);
        var files = TimeMlEvaluator.ExpandPaths([path]).Where(f => !IsHeldOut(f)).ToList();
        var scores = files.Select(f => TimeMlReader.ReadFile(f)).Select(d => TimeMlEvaluator.ScoreAgainst(d, TimeMlEvaluator.GoldAsSystem(d))).ToList();

        var combined = LayerScore.Combine("timexes", scores);

        Assert.NotEmpty(files);
        Assert.All(combined.Metrics, m => Assert.Equal(1.0, m.Value));
    }

    [SharedFact]
    public void Corpus_counts_match_their_readmes()
    {
        int Count(string folder) => TimeMlEvaluator.ExpandPaths([SharedData.PathTo("corpora", "timeml", folder)]).Sum(f => TimeMlReader.ReadFile(f).Timexes.Length);

        Assert.Equal(1243, Count("te3-train-TBAQ-cleaned/TimeBank"));
        Assert.Equal(579, Count("te3-train-TBAQ-cleaned/AQUAINT"));
        Assert.Equal(138, Count("te3-platinum"));
        Assert.Equal(2659, Count("wikiwars/WikiWars_20120218_v104"));
    }

    [SharedTheory]
    [MemberData(nameof(DevelopmentSets))]
    public void Every_development_document_has_a_creation_time_to_anchor_to(string folder)
    {
        var files = TimeMlEvaluator.ExpandPaths([SharedData.PathTo("corpora", folder)]).Where(f => !IsHeldOut(f));

        Assert.All(files, f => Assert.Matches(@"^\d{4}-\d{2}-\d{2}", TimeMlReader.ReadFile(f).CreationTime ?? ""));
    }

    /// <summary>WikiWars 17–22 are measure-only: the self-check reads only the development documents.</summary>
    private static bool IsHeldOut(string file) =>
        file.EndsWith(".key.xml", StringComparison.Ordinal) && int.TryParse(Path.GetFileName(file)[..2], out int number) && number >= 17;
}
