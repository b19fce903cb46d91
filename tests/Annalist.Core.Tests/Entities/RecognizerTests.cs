using Annalist.Core.Annotations;
using Annalist.Core.Entities;
using Annalist.Core.Entities.Tagging;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using FsCheck;
using FsCheck.Xunit;

namespace Annalist.Core.Tests.Entities;

public sealed class RecognizerTests
{
    private static readonly AnalysisPipeline Pipeline = DefaultPipeline.Create();

    private static (Layer<Mention> Mentions, Layer<Entity> Entities) Analyze(string text)
    {
        var analyzed = Pipeline.Analyze(new SourceDocument("test", text));
        return (analyzed.GetLayer<Mention>(LayerNames.Mentions), analyzed.GetLayer<Entity>(LayerNames.Entities));
    }

    [Fact]
    public void Every_mention_points_to_an_entity_that_lists_it()
    {
        var (mentions, entities) = Analyze("Colonel R. Dahl met Dahl’s brother in Oslo. Later Dahl wrote to the Norwegians from Bergen.");
        var byId = entities.ToDictionary(e => e.Id);
        Assert.NotEmpty(mentions);
        foreach (var mention in mentions)
        {
            Assert.True(byId.TryGetValue(mention.EntityId, out var entity), mention.EntityId);
            Assert.Contains(mention.Span, entity!.Mentions);
            Assert.Equal(mention.Type, entity.Type);
        }
        Assert.Equal(mentions.Count, entities.Sum(e => e.Mentions.Length));
    }

    [Fact]
    public void The_word_before_a_people_names_a_place_where_it_stands_alone_even_untagged()
    {
        // Rules only (no tagger): the subgroup comes from the people noun, the bare word from this rule alone.
        const string text = "Among the Uzbeks the clan chiefs hold sway. The chiefs of the Tarvek Uzbeks asked for rifles, to drive the garrison out of Tarvek before the snows.";
        var recognizer = new EntityRecognizer(null, EntityModels.Gazetteer);
        var input = PlainTextInput.From(text);
        var mentions = recognizer.Recognize(input).Mentions;
        int bare = text.LastIndexOf("Tarvek", StringComparison.Ordinal);
        Assert.Contains(mentions, m => m.Span.Start == bare && m.Span.End == bare + 6 && m.Type == EntityType.Place);
        Assert.Contains(mentions, m => m.Type == EntityType.Group && text[m.Span.Start..m.Span.End] == "Tarvek Uzbeks");

        var withoutStep = new EntityRecognizer(null, EntityModels.Gazetteer, RecognizerSteps.All & ~RecognizerSteps.PlacesModifyingPeoples);
        Assert.DoesNotContain(withoutStep.Recognize(input).Mentions, m => m.Span.Start == bare);
    }

    [Fact]
    public void A_capitalized_common_plural_after_a_determiner_is_no_people_but_an_unknown_plural_is()
    {
        // "allies" is a common word of the training text; "Varnaks" is no word at all.
        const string text = "The river was low that year. In the spring the Allies crossed the river. In the summer the Varnaks crossed the river.";
        var (mentions, _) = Analyze(text);
        int allies = text.IndexOf("Allies", StringComparison.Ordinal), varnaks = text.IndexOf("Varnaks", StringComparison.Ordinal);
        Assert.DoesNotContain(mentions, m => m.Span.Start == allies && m.Type == EntityType.Group);
        Assert.Contains(mentions, m => m.Span.Start == varnaks && m.Span.End == varnaks + 7 && m.Type == EntityType.Group);
    }

    [Fact]
    public void A_possessive_ending_is_not_part_of_the_mention()
    {
        const string text = "Later Dahl arrived, and Dahl’s car followed.";
        var (mentions, _) = Analyze(text);
        Assert.All(mentions, m => Assert.DoesNotContain("’", m.Span.Slice(text).ToString()));
        Assert.Equal(2, mentions.Count(m => m.Span.Slice(text).SequenceEqual("Dahl")));
    }

    [Fact]
    public void Entity_ids_are_unique_and_spans_are_first_mentions()
    {
        var (_, entities) = Analyze("Paris and Lyon wrote to Paris. Paris Hilton did not. The French agreed with the French.");
        Assert.Equal(entities.Count, entities.Select(e => e.Id).Distinct().Count());
        Assert.All(entities, e => Assert.Equal(e.Mentions.Min(), e.Span));
    }

    [Fact]
    public void Without_a_model_only_rule_found_names_are_marked_and_a_diagnostic_says_so()
    {
        var pipeline = new PipelineBuilder().AddRange(DefaultPipeline.Components().Where(c => c is not EntityAnnotator)).Add(new EntityAnnotator(null, EntityModels.Gazetteer)).Build();
        var analyzed = pipeline.Analyze(new SourceDocument("test", "The Germans and the Danes met in a town."));
        Assert.Contains(analyzed.Diagnostics, d => d.Code == "ANL2301");
        var entities = analyzed.GetLayer<Entity>(LayerNames.Entities);
        Assert.Contains(entities, e => e.Type == EntityType.Group && e.Name == "Germans");
    }

    [Property(MaxTest = 60)]
    public bool Never_throws_and_keeps_spans_inside_the_text(NonNull<string> text)
    {
        var analyzed = Pipeline.Analyze(new SourceDocument("fuzz", text.Get));
        if (!analyzed.TryGetLayer<Mention>(LayerNames.Mentions, out var mentions)) return false;
        return analyzed.Diagnostics.All(d => d.Code != "ANL2900") && mentions.All(m => m.Span.End <= text.Get.Length);
    }

    [Fact]
    public void Odd_text_with_brackets_and_titles_alone_yields_no_failure()
    {
        string[] odd = ["[", "( now", "General", "The Secretary", "Mr. .", "[sic, also ]", "A, B, C and D", "the the the Army", "’s ’s", "X (now Y"];
        foreach (string text in odd)
        {
            var analyzed = Pipeline.Analyze(new SourceDocument("odd", text));
            Assert.DoesNotContain(analyzed.Diagnostics, d => d.Code == "ANL2900");
            Assert.True(analyzed.HasLayer(LayerNames.Entities));
        }
    }

    [Fact]
    public void A_lower_case_role_noun_joins_the_person_whose_lower_case_role_it_repeats()
    {
        var (_, entities) = Analyze("The talks began when Greta Anselm, the trade minister of Norland, met reporters. The trade minister said little.");
        var anselm = Assert.Single(entities, e => e.Name == "Greta Anselm");
        Assert.Contains("trade minister of Norland", anselm.Roles);
        Assert.Equal(2, anselm.Mentions.Length);
    }

    private static RecognitionResult RulesOnly(string text) => new EntityRecognizer(null, EntityModels.Gazetteer).Recognize(PlainTextInput.From(text));

    private static bool Has(string text, RecognitionResult result, string words, EntityType type, int occurrence = 0)
    {
        int at = -1;
        for (int k = 0; k <= occurrence; k++) at = text.IndexOf(words, at + 1, StringComparison.Ordinal);
        return result.Mentions.Any(m => m.Span.Start == at && m.Span.End == at + words.Length && m.Type == type);
    }

    [Fact]
    public void A_singular_people_word_names_the_people_only_collectively_after_a_determiner()
    {
        const string text = "An Indian guided the scouts to the river. The French held the far bank, and the scouts knew no word of French.";
        var result = RulesOnly(text);
        Assert.True(Has(text, result, "French", EntityType.Group));
        Assert.False(Has(text, result, "Indian", EntityType.Group));
        Assert.False(Has(text, result, "French", EntityType.Group, occurrence: 1));
    }

    [Fact]
    public void A_capitalized_plural_written_after_a_preposition_of_place_is_no_people()
    {
        const string range = "In the spring the Dresks were white. The caravan waited for weeks in the Dresks.";
        Assert.DoesNotContain(RulesOnly(range).Mentions, m => m.Type == EntityType.Group);
        const string people = "In the spring the Dresks came down to trade. The caravan waited for weeks for the Dresks.";
        Assert.True(Has(people, RulesOnly(people), "Dresks", EntityType.Group));
    }

    [Fact]
    public void Sources_say_which_step_found_each_mention()
    {
        const string text = "Colonel Dahl met the Serbs at the ford. The Serbs said little to the Colonel.";
        var result = RulesOnly(text);
        Assert.Equal(result.Mentions.Length, result.Sources.Length);
        var byStart = result.Mentions.Select((m, k) => (m.Span.Start, Source: result.Sources[k])).ToDictionary(p => p.Start, p => p.Source);
        Assert.Equal("titles", byStart[text.IndexOf("Dahl", StringComparison.Ordinal)]);
        Assert.Equal("groups", byStart[text.IndexOf("Serbs", StringComparison.Ordinal)]);
        Assert.Equal("role-nouns", byStart[text.LastIndexOf("Colonel", StringComparison.Ordinal)]);
    }

    [Fact]
    public void A_given_name_that_is_also_a_region_stays_a_person_without_a_preposition_of_place()
    {
        const string text = "Mary wrote to her brother every week. Mary was tired, and her brother never answered Mary.";
        var (mentions, _) = Analyze(text);
        Assert.DoesNotContain(mentions, m => m.Type == EntityType.Place);
    }
}
