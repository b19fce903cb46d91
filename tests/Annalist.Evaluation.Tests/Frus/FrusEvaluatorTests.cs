using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Evaluation.Frus;
using Annalist.Evaluation.SystemOutput;
using Annalist.Formats.Tei;
using Annalist.Tests;

namespace Annalist.Evaluation.Tests.Frus;

public class FrusEvaluatorTests
{
    private static readonly TeiVolume Volume = TeiReader.ReadVolume(ExampleFiles.PathTo("volume.xml"));

    private static double Metric(EvaluationResult result, string layer, string metric) => result.Layer(layer)!.Metrics.Single(m => m.Key == metric).Value;

    /// <summary>What a perfect system would output: the dateline's value, a person mention per persName, one entity per person.</summary>
    private static (TeiDocument, SystemLayers, SystemLayers) Perfect(TeiDocument document, string? datelineValue)
    {
        SystemLayers Layers(SourceDocument source, TeiTextPart part)
        {
            var mentions = document.PersonMentions.Where(m => m.Part == part)
                .Select(m => new SystemItem(m.Span, m.Text, FieldBag.Of(("type", "person"), ("entity", "e-" + m.PersonId))));
            // Each person's entity links to the persons list as the product's authority linking writes it.
            var entities = document.PersonMentions.Where(m => m.Part == part).Select(m => m.PersonId).Distinct()
                .Select(id => new SystemItem(default, "", FieldBag.Of(("id", "e-" + id), ("authority", FieldBag.Of(("id", id))))));
            var layers = SystemLayers.Empty(source.Text).With(LayerNames.Mentions, mentions).With(LayerNames.Entities, entities);
            if (part == TeiTextPart.Body && document.Dateline is { } dateline && datelineValue is not null)
                layers = layers.With(LayerNames.Timexes, [new SystemItem(dateline, source.Text.Substring(dateline.Start, dateline.Length), FieldBag.Of(("type", "DATE"), ("value", datelineValue)))]);
            return layers;
        }
        return (document, Layers(document.Body, TeiTextPart.Body), Layers(document.Notes, TeiTextPart.Notes));
    }

    [Fact]
    public void A_perfect_system_scores_one_on_all_three_figures()
    {
        var analyzed = Volume.Documents.Select(d => Perfect(d, "1950-04-02")).ToList();

        var result = EvaluationResult.Combine(FrusEvaluator.Score(Volume, analyzed));

        Assert.Equal(1.0, Metric(result, "dates", "accuracy"));
        Assert.Equal(1, Metric(result, "dates", "n"));
        Assert.Equal(1.0, Metric(result, "persons", "mention_recall"));
        Assert.Equal(1.0, Metric(result, "persons", "linking_accuracy"));
        Assert.Equal(1.0, Metric(result, "persons", "alignment_accuracy"));
        Assert.Equal(5, Metric(result, "persons", "n"));
        Assert.Equal(1.0, Metric(result, "participants", "f1"));
        Assert.Equal(1, Metric(result, "participants", "n"));
    }

    [Fact]
    public void Without_a_time_layer_the_dates_score_zero_over_the_same_n()
    {
        var result = new FrusEvaluator(new PipelineBuilder().Build()).Evaluate(Volume);
        var combined = EvaluationResult.Combine(result);

        Assert.Equal(0.0, Metric(combined, "dates", "accuracy"));
        Assert.Equal(1, Metric(combined, "dates", "n"));
        Assert.Equal(0.0, Metric(combined, "persons", "mention_recall"));
        Assert.False(combined.Layer("dates")!.Produced);
    }

    [Fact]
    public void A_system_that_merges_two_people_loses_linking_accuracy_only()
    {
        var analyzed = Volume.Documents.Select(d => Perfect(d, "1950-04-02")).Select(a => (a.Item1,
            a.Item2.With(LayerNames.Mentions, a.Item2.Get(LayerNames.Mentions).Select(m => m with { Fields = m.Fields.With("entity", "everyone") })),
            a.Item3)).ToList();

        var result = EvaluationResult.Combine(FrusEvaluator.Score(Volume, analyzed));

        Assert.Equal(1.0, Metric(result, "persons", "mention_recall"));
        Assert.True(Metric(result, "persons", "linking_accuracy") < 1.0);
    }

    [Fact]
    public void A_system_that_gives_every_mention_its_own_entity_loses_linking_accuracy()
    {
        int next = 0;
        var analyzed = Volume.Documents.Select(d => Perfect(d, "1950-04-02")).Select(a => (a.Item1,
            a.Item2.With(LayerNames.Mentions, a.Item2.Get(LayerNames.Mentions).Select(m => m with { Fields = m.Fields.With("entity", "single-" + next++) })),
            a.Item3)).ToList();

        var result = EvaluationResult.Combine(FrusEvaluator.Score(Volume, analyzed));

        Assert.Equal(1.0, Metric(result, "persons", "mention_recall"));
        // Most mentions now name entities that carry no link; the alignment still pairs three of five.
        Assert.True(Metric(result, "persons", "linking_accuracy") < 0.5);
        Assert.Equal(3.0 / 5, Metric(result, "persons", "alignment_accuracy"), 6);
    }

    [Fact]
    public void One_mention_over_the_whole_participants_block_finds_one_item_only()
    {
        var document = Volume.Documents[0];
        var block = document.Participants[0];
        var wide = new SystemItem(block.Span, document.Body.Text.Substring(block.Span.Start, block.Span.Length), FieldBag.Of(("type", "person"), ("entity", "all")));
        var analyzed = new List<(TeiDocument, SystemLayers, SystemLayers)>
        {
            (document, SystemLayers.Empty(document.Body.Text).With(LayerNames.Mentions, [wide]), SystemLayers.Empty(document.Notes.Text)),
        };

        var result = EvaluationResult.Combine(FrusEvaluator.Score(Volume, analyzed));

        Assert.Equal(0.5, Metric(result, "participants", "recall"), 6);
        Assert.Equal(1.0 / 5, Metric(result, "persons", "mention_recall"), 6);
    }

    [Fact]
    public void Participants_of_the_layer_count_over_person_mentions_and_several_may_share_one_item()
    {
        var document = Volume.Documents[0];
        var block = document.Participants[0];
        var item = block.Items[0];
        var first = new TextSpan(item.Start, item.Start + item.Length / 2);
        var second = new TextSpan(first.End, item.End);
        var outside = new TextSpan(block.Span.End + 1, block.Span.End + 3);
        SystemItem Participant(TextSpan span) => new(span, document.Body.Text.Substring(span.Start, span.Length), FieldBag.Of(("source", "block")));
        var body = SystemLayers.Empty(document.Body.Text)
            .With(LayerNames.Participants, [Participant(first), Participant(second), Participant(outside)])
            .With(LayerNames.Mentions, block.Items.Select(i => new SystemItem(i, "", FieldBag.Of(("type", "person")))));

        var result = EvaluationResult.Combine(FrusEvaluator.Score(Volume, [(document, body, SystemLayers.Empty(document.Notes.Text))]));

        // Person mentions are ignored when a participants layer exists: one of two items found, both system items right.
        Assert.Equal(1.0, Metric(result, "participants", "precision"), 6);
        Assert.Equal(0.5, Metric(result, "participants", "recall"), 6);
    }

    private const string SidedVolume = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Sides</title></titleStmt></fileDesc></teiHeader>
        <text><body><div type="document" xml:id="d1" n="1"><head>1. Memorandum of a Conversation</head>
        <list type="participants"><head>PARTICIPANTS</head>
        <item>Norwegian Side:</item><item>Mr. Sand</item><item>Dutch Side:</item><item>Mr. Maas</item></list>
        <p>Mr. Sand opened the talk.</p></div></body></text></TEI>
        """;

    private static TeiVolume ReadInline(string xml) =>
        TeiReader.ReadVolume(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml.Trim())), "sides.xml");

    [Fact]
    public void An_item_ending_in_a_colon_heads_a_side_and_is_no_gold_participant()
    {
        var volume = ReadInline(SidedVolume);
        var document = volume.Documents[0];
        string text = document.Body.Text;
        SystemItem Participant(string name) => new(new TextSpan(text.IndexOf(name, StringComparison.Ordinal), text.IndexOf(name, StringComparison.Ordinal) + name.Length), name, FieldBag.Of(("source", "block")));
        var body = SystemLayers.Empty(text).With(LayerNames.Participants, [Participant("Mr. Sand"), Participant("Mr. Maas")]);

        var result = EvaluationResult.Combine(FrusEvaluator.Score(volume, [(document, body, SystemLayers.Empty(document.Notes.Text))]));

        Assert.Equal(2, result.Layer("participants")!.Count("gold"));
        Assert.Equal(1.0, Metric(result, "participants", "recall"), 6);
        Assert.Equal(1.0, Metric(result, "participants", "precision"), 6);
    }

    [Fact]
    public void The_error_listing_gives_one_row_per_finding_with_the_document_in_its_own_column()
    {
        var volume = ReadInline(SidedVolume);
        var document = volume.Documents[0];
        string text = document.Body.Text;
        int sand = text.IndexOf("Mr. Sand", StringComparison.Ordinal);
        // Only one of the two participants, and a spurious one outside any item.
        var body = SystemLayers.Empty(text).With(LayerNames.Participants,
        [
            new SystemItem(new TextSpan(sand, sand + 8), "Mr. Sand", FieldBag.Of(("source", "block"))),
            new SystemItem(new TextSpan(text.IndexOf("PARTICIPANTS", StringComparison.Ordinal), text.IndexOf("PARTICIPANTS", StringComparison.Ordinal) + 12), "PARTICIPANTS", FieldBag.Of(("source", "block"))),
        ]);
        var writer = new StringWriter();

        FrusEvaluator.WriteErrors(writer, FrusEvaluator.Score(volume, [(document, body, SystemLayers.Empty(document.Notes.Text))]));

        var rows = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(r => r.StartsWith("participants\t", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Split('\t') is [_, "missed", _, var finding] && finding.Contains("Mr. Maas", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Split('\t') is [_, "spurious", _, var finding] && finding.Contains("PARTICIPANTS", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.EndsWith("#d1", r.Split('\t')[2], StringComparison.Ordinal));
    }

    [Fact]
    public void The_most_precise_dateline_value_is_the_document_date()
    {
        var document = Volume.Documents[0];
        var dateline = document.Dateline!.Value;
        var (_, body, notes) = Perfect(document, null);
        var withTwo = body.With(LayerNames.Timexes,
        [
            new SystemItem(new TextSpan(dateline.Start, dateline.Start + 6), "Bergen", FieldBag.Of(("type", "DATE"), ("value", "1950"))),
            new SystemItem(new TextSpan(dateline.Start + 8, dateline.End), "April", FieldBag.Of(("type", "DATE"), ("value", "1950-04-02"))),
        ]);

        var result = EvaluationResult.Combine(FrusEvaluator.Score(Volume, [(document, withTwo, notes)]));

        Assert.Equal(1.0, Metric(result, "dates", "accuracy"));
    }

    [Theory]
    [InlineData("1950-04-02", "1950-04-02", true)]
    [InlineData("1950-04-02", "1950-04-02T10:00", true)]
    [InlineData("1950-04-02", "1950-04", false)]
    [InlineData("1950-04-02", "1950-04-03", false)]
    [InlineData("1955-08-01T19:00:00", "1955-08-01T19:00", true)]
    [InlineData("1955-08-01T19:00:00", "1955-08-01", false)]
    public void Dates_are_compared_at_the_gold_precision(string when, string system, bool agrees)
    {
        var gold = new TeiDate(default, "", when, null, null, null, null);

        Assert.Equal(agrees, FrusEvaluator.DateAgrees(gold, system));
    }

    [Theory]
    [InlineData("1950-05", true)]
    [InlineData("1950-04-15", true)]
    [InlineData("1950-07-01", false)]
    [InlineData("1950", false)]
    public void Interval_dates_accept_values_inside_them(string system, bool agrees)
    {
        var gold = new TeiDate(default, "", null, "1950-04", "1950-06", null, null);

        Assert.Equal(agrees, FrusEvaluator.DateAgrees(gold, system));
    }

    [SharedFact]
    public void The_measure_volume_gives_the_expected_counts()
    {
        var result = new FrusEvaluator(new PipelineBuilder().Build()).Evaluate([SharedData.PathTo("corpora", "frus", "frus1955-57v03.xml")]);

        Assert.InRange(Metric(result, "dates", "n"), 270, 290);
        Assert.InRange(Metric(result, "persons", "n"), 2850, 2950);
        Assert.Equal(29, Metric(result, "participants", "n"));
    }
}
