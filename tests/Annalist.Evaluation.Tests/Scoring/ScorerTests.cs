using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Text;
using Annalist.Evaluation.Gold;
using Annalist.Evaluation.Scoring;
using Annalist.Evaluation.SystemOutput;
using Annalist.Evaluation.Tests.Gold;

namespace Annalist.Evaluation.Tests.Scoring;

/// <summary>Each scorer on gold-as-system output with one deliberate fault: the fault, and only it, costs points.</summary>
public class ScorerTests
{
    private static readonly ResolvedGold Convoy = GoldVersusGoldTests.ResolveExample("convoy.gold.json");

    private static SystemLayers Perfect() => GoldAsSystem.Build(Convoy);

    private static SystemLayers Replace(string layer, Func<ImmutableArray<SystemItem>, IEnumerable<SystemItem>> change)
    {
        var system = Perfect();
        return system.With(layer, change(system.Get(layer)));
    }

    private static SystemItem WithField(SystemItem item, string name, object? value) => item with { Fields = item.Fields.With(name, value) };

    private static double Metric(LayerScore score, string name) => score.Metrics.Single(m => m.Key == name).Value;

    private static LayerScore Score(SystemLayers system, string layer) =>
        GoldEvaluator.ScoreLayers(Convoy, system).Single(l => l.Layer == layer);

    [Fact]
    public void A_missing_layer_scores_zero_recall_and_says_it_was_not_produced()
    {
        var system = SystemLayers.Empty(Convoy.Text);

        var scores = GoldEvaluator.ScoreLayers(Convoy, system);

        Assert.All(scores, s => Assert.False(s.Produced));
        Assert.Equal(0, Metric(scores.Single(s => s.Layer == "editorial"), "recall"));
        Assert.Equal(0, Metric(scores.Single(s => s.Layer == "timexes"), "relaxed_f1"));
        Assert.Equal(0, Metric(scores.Single(s => s.Layer == "events"), "role_f1"));
        Assert.Equal(3, scores.Single(s => s.Layer == "editorial").Misses.Length);
    }

    [Fact]
    public void A_wrong_timex_value_costs_value_accuracy_but_not_extent()
    {
        var system = Replace(LayerNames.Timexes, items => items.Select((t, i) => i == 0 ? WithField(t, "value", "1952-03") : t));

        var score = Score(system, "timexes");

        Assert.Equal(1.0, Metric(score, "strict_f1"));
        Assert.Equal(0.8, Metric(score, "value_accuracy"), 6);
        Assert.Equal(0.8, Metric(score, "value_f1"), 6);
        Assert.Equal(1.0, Metric(score, "type_accuracy"));
        Assert.Single(score.Mismatches);
    }

    [Fact]
    public void An_overlapping_timex_is_a_relaxed_but_not_a_strict_match()
    {
        var system = Replace(LayerNames.Timexes, items => items.Select(t => t.Text == "within ten days"
            ? t with { Span = new TextSpan(t.Span.Start + "within ".Length, t.Span.End) }
            : t));

        var score = Score(system, "timexes");

        Assert.Equal(1.0, Metric(score, "relaxed_f1"));
        Assert.Equal(0.8, Metric(score, "strict_f1"), 6);
    }

    [Fact]
    public void A_spurious_timex_lowers_precision_and_is_listed()
    {
        var extra = new SystemItem(new TextSpan(0, 10), Convoy.Text[..10], FieldBag.Of(("type", "DATE"), ("value", "1952")));
        var system = Replace(LayerNames.Timexes, items => items.Add(extra));

        var score = Score(system, "timexes");

        Assert.Equal(2 * (5.0 / 6) * 1 / (5.0 / 6 + 1), Metric(score, "relaxed_f1"), 6);
        Assert.Contains(score.Spurious, line => line.Contains("\"Memorandum\"", StringComparison.Ordinal));
    }

    [Fact]
    public void An_entity_missing_one_gold_mention_is_not_found()
    {
        var system = Replace(LayerNames.Entities, items => items.Select(e => e.Fields.String("id") == "lisbon" ? WithField(e, "aliases", ImmutableArray.Create("Lisboa")) : e))
            .With(LayerNames.Mentions, Perfect().Get(LayerNames.Mentions).Where(m => m.Fields.String("entity") != "lisbon"));

        var score = Score(system, "entities");

        Assert.Equal(0.75, Metric(score, "recall"), 6);
        Assert.Equal(0.75, Metric(score, "precision"), 6);
        Assert.Equal(0.75, Metric(score, "mention_recall"), 6);
    }

    [Fact]
    public void One_system_entity_lumping_two_people_together_finds_only_one()
    {
        var lumped = new SystemItem(default, "", FieldBag.Of(("id", "both"), ("type", "person"), ("name", "Brandt"),
            ("aliases", ImmutableArray.Create("Brandt", "Minister Brandt", "Voss", "Ambassador Voss"))));
        var system = Replace(LayerNames.Entities, items => items.Where(e => e.Fields.String("type") != "person").Append(lumped));

        var score = Score(system, "entities");

        Assert.Equal(0.75, Metric(score, "recall"), 6);
        Assert.Equal(1.0, Metric(score, "precision"), 6);
    }

    [Fact]
    public void An_entity_of_another_type_is_not_found_unless_also_types_allows_it()
    {
        var system = Replace(LayerNames.Entities, items => items.Select(e => e.Fields.String("id") == "ministry" ? WithField(e, "type", "group") : e));

        Assert.Equal(0.75, Metric(Score(system, "entities"), "recall"), 6);
    }

    [Fact]
    public void A_turn_with_the_wrong_speaker_matches_but_costs_speaker_accuracy()
    {
        var system = Replace(LayerNames.Turns, items => items.Select((t, i) => i == 2 ? WithField(t, "speakers", ImmutableArray.Create("voss")) : t));

        var score = Score(system, "turns");

        Assert.Equal(1.0, Metric(score, "f1"));
        Assert.Equal(2.0 / 3, Metric(score, "speaker_accuracy"), 6);
    }

    [Fact]
    public void A_turn_that_opens_with_its_quotation_mark_still_matches_but_a_shorter_one_does_not()
    {
        var withMark = Replace(LayerNames.Turns, items => items.Select((t, i) => i == 0 ? t with { Span = new TextSpan(t.Span.Start - 1, t.Span.End + 1) } : t));
        var cutShort = Replace(LayerNames.Turns, items => items.Select((t, i) => i == 0 ? t with { Span = new TextSpan(t.Span.Start, t.Span.End - 6) } : t));

        Assert.Equal(1.0, Metric(Score(withMark, "turns"), "recall"));
        Assert.Equal(2.0 / 3, Metric(Score(cutShort, "turns"), "recall"), 6);
    }

    [Fact]
    public void Turns_of_modes_the_file_does_not_annotate_are_not_scored()
    {
        var gold = GoldFileReader.Parse("""{"format": "annalist-gold/1", "document": "d.txt", "turn_modes": ["direct"], "turns": []}""", "g.json");
        var resolved = GoldResolver.Resolve(gold, "He said that it rained.", false, "d.txt");
        var reported = new SystemItem(new TextSpan(13, 23), "it rained.", FieldBag.Of(("mode", "reported"), ("speakers", ImmutableArray<string>.Empty)));
        var direct = reported with { Fields = FieldBag.Of(("mode", "direct"), ("speakers", ImmutableArray<string>.Empty)) };

        var ignored = GoldEvaluator.ScoreLayers(resolved, SystemLayers.Empty(resolved.Text).With(LayerNames.Turns, [reported])).Single();
        var counted = GoldEvaluator.ScoreLayers(resolved, SystemLayers.Empty(resolved.Text).With(LayerNames.Turns, [direct])).Single();

        Assert.Equal(1.0, Metric(ignored, "precision"));
        Assert.Equal(0.0, Metric(counted, "precision"));
    }

    [Fact]
    public void An_event_with_a_missing_role_filler_is_not_found_but_keeps_role_credit()
    {
        var system = Replace(LayerNames.Events, items => items.Select((e, i) => i == 0
            ? WithField(e, "roles", FieldBag.Of(("participants", ImmutableArray.Create("brandt")), ("place", ImmutableArray.Create("ministry"))))
            : e));

        var score = Score(system, "events");

        Assert.Equal(0.5, Metric(score, "recall"), 6);
        double rolePrecision = 3.0 / 3, roleRecall = 3.0 / 4;
        Assert.Equal(2 * rolePrecision * roleRecall / (rolePrecision + roleRecall), Metric(score, "role_f1"), 6);
    }

    [Fact]
    public void An_event_of_the_wrong_polarity_or_quantity_is_not_found()
    {
        var negative = Replace(LayerNames.Events, items => items.Select((e, i) => i == 0 ? WithField(e, "polarity", "negative") : e));
        var wrongCount = Replace(LayerNames.Events, items => items.Select((e, i) => i == 1
            ? WithField(e, "items", ImmutableArray.Create(FieldBag.Of(("item", "trucks"), ("quantity", 10.0)), FieldBag.Of(("item", "the drivers"), ("quantity", 40.0))))
            : e));

        Assert.Equal(0.5, Metric(Score(negative, "events"), "recall"), 6);
        Assert.Equal(0.5, Metric(Score(wrongCount, "events"), "recall"), 6);
    }

    [Fact]
    public void An_event_outside_the_evidence_sentence_is_not_found()
    {
        var system = Replace(LayerNames.Events, items => items.Select((e, i) => i == 1 ? e with { Span = new TextSpan(0, 10) } : e));

        Assert.Equal(0.5, Metric(Score(system, "events"), "recall"), 6);
    }

    [Fact]
    public void Quantities_need_value_unit_and_qualifier_where_the_gold_gives_them()
    {
        var noQualifier = Replace(LayerNames.Quantities, items => items.Select(q => q.Text == "about 40 drivers" ? WithField(q, "qualifier", null) : q));
        var longerUnit = Replace(LayerNames.Quantities, items => items.Select(q => q.Text == "12 trucks" ? WithField(q, "unit", "army trucks") : q));

        Assert.Equal(0.75, Metric(Score(noQualifier, "quantities"), "recall"), 6);
        Assert.Equal(1.0, Metric(Score(longerUnit, "quantities"), "recall"));
    }

    [Fact]
    public void Editorial_marks_need_the_exact_extent_and_kind()
    {
        var inner = Replace(LayerNames.Editorial, items => items.Select(e => e.Text == "[Brandt said:]" ? e with { Span = new TextSpan(e.Span.Start + 1, e.Span.End - 1) } : e));
        var wrongKind = Replace(LayerNames.Editorial, items => items.Select(e => e.Text == "…" ? WithField(e, "kind", "note") : e));

        Assert.Equal(2.0 / 3, Metric(Score(inner, "editorial"), "f1"), 6);
        Assert.Equal(2.0 / 3, Metric(Score(wrongKind, "editorial"), "f1"), 6);
    }

    [Fact]
    public void Attributions_need_overlap_and_the_same_evidentiality()
    {
        var shorter = Replace(LayerNames.Attributions, items => items.Select(a => a with { Span = new TextSpan(a.Span.Start, a.Span.Start + 10) }));
        var relabelled = Replace(LayerNames.Attributions, items => items.Select(a => WithField(a, "evidentiality", "uncertain")));

        Assert.Equal(1.0, Metric(Score(shorter, "attributions"), "f1"));
        Assert.Equal(0.0, Metric(Score(relabelled, "attributions"), "f1"));
    }

    [Fact]
    public void Scores_over_several_documents_are_micro_averaged()
    {
        var convoy = GoldEvaluator.ScoreLayers(Convoy, Perfect(), "a");
        var delegates = GoldVersusGoldTests.ResolveExample("delegates.gold.json");
        var empty = GoldEvaluator.ScoreLayers(delegates, SystemLayers.Empty(delegates.Text), "b");

        var combined = EvaluationResult.Combine([new DocumentEvaluation("a", convoy), new DocumentEvaluation("b", empty)]);

        // 5 of 7 gold timexes found, all 5 system timexes right: micro, not the mean of 1.0 and 0.0.
        double precision = 1.0, recall = 5.0 / 7;
        Assert.Equal(2, combined.Documents);
        Assert.Equal(2 * precision * recall / (precision + recall), Metric(combined.Layer("timexes")!, "relaxed_f1"), 6);
        Assert.Equal(5.0 / 5, Metric(combined.Layer("timexes")!, "value_accuracy"), 6);
    }
}
