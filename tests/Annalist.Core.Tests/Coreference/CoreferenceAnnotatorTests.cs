using Annalist.Core.Annotations;
using Annalist.Core.Coreference;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Tests.Coreference;

public sealed class CoreferenceAnnotatorTests
{
    private static readonly AnalysisPipeline Pipeline = DefaultPipeline.Create();

    private static Layer<CoreferenceLink> Links(string text) =>
        (Layer<CoreferenceLink>)Pipeline.Analyze(new SourceDocument("t", text)).Layers[LayerNames.Coreference];

    private static CoreferenceLink Link(string text, string expression, int occurrence = 0)
    {
        // Whole words only: "he" is also inside "the".
        int at = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            do at = text.IndexOf(expression, at + 1, StringComparison.Ordinal);
            while (at > 0 && char.IsLetter(text[at - 1]) || at + expression.Length < text.Length && char.IsLetter(text[at + expression.Length]));
        }
        return Links(text).Single(l => l.Span.Start == at && l.Span.Length == expression.Length);
    }

    [Fact]
    public void Pronouns_take_the_person_of_their_gender_that_a_title_gives()
    {
        const string text = "Mrs. Holm wrote to Mr. Varga in March. He answered her a week later.";
        var he = Link(text, "He");
        var her = Link(text, "her");
        Assert.Equal("varga", he.EntityId);
        Assert.Equal("holm", her.EntityId);
        Assert.Equal(ReferringKind.Pronoun, he.Kind);
        Assert.Equal("Varga", text[he.Antecedent!.Value.Start..he.Antecedent.Value.End]);
    }

    [Fact]
    public void A_definite_person_phrase_introduces_someone_the_next_pronoun_refers_to()
    {
        const string text = "The old fisherman mended his nets on the quay. Later he sold the catch in the market.";
        var phrase = Link(text, "The old fisherman");
        Assert.Equal(ReferringKind.Nominal, phrase.Kind);
        Assert.True(phrase.Introduces);
        Assert.Null(phrase.Antecedent);
        Assert.StartsWith("coref-", phrase.EntityId, StringComparison.Ordinal);
        Assert.Equal(phrase.EntityId, Link(text, "he").EntityId);
        Assert.Equal(phrase.EntityId, Link(text, "his").EntityId);
    }

    /// <summary>A model that always prefers someone new for a pronoun: only the group rule links one.</summary>
    private static CoreferenceModel NewPreferring()
    {
        var weights = new Dictionary<ulong, float>();
        for (int form = 0; form < ReferringWords.PronounCount; form++) weights[Annalist.Core.Syntax.FeatureHash.Feature(30, (ulong)form)] = 5;
        return new CoreferenceModel(weights, new Dictionary<string, ReferentGender>(StringComparer.OrdinalIgnoreCase));
    }

    private static CoreferenceLink LinkWith(CoreferenceModel model, string text, string expression)
    {
        var analyzed = CoreferenceTrainer.WithCoreference(Pipeline.Analyze(new SourceDocument("t", text)), model);
        int at = text.IndexOf(expression, StringComparison.Ordinal);
        return ((Layer<CoreferenceLink>)analyzed.Layers[LayerNames.Coreference]).Single(l => l.Span.Start == at && l.Span.Length == expression.Length);
    }

    [Fact]
    public void A_plural_pronoun_the_model_makes_new_takes_the_group_named_in_the_sentence_before()
    {
        var they = LinkWith(NewPreferring(), "The Danes rejected the proposal. They asked for more time.", "They");
        Assert.Equal("danes", they.EntityId);
        Assert.False(they.Introduces);
        Assert.Equal(0.6, they.Score, 3);
    }

    [Fact]
    public void The_group_rule_leaves_a_group_named_further_back_and_a_singular_pronoun_to_the_model()
    {
        var model = NewPreferring();
        Assert.True(LinkWith(model, "The Danes rejected the proposal. The envoy left early. The talks ended late. They asked for more time.", "They").Introduces);
        Assert.True(LinkWith(model, "The Danes rejected the proposal. He asked for more time.", "He").Introduces);
    }

    [Fact]
    public void A_possessive_phrase_is_someone_else_than_its_possessor()
    {
        const string text = "Mr. Ostrander arrived on Friday. His daughter came with him.";
        var daughter = Link(text, "His daughter");
        Assert.Equal("ostrander", Link(text, "His").EntityId);
        Assert.NotEqual("ostrander", daughter.EntityId);
    }

    [Fact]
    public void First_and_second_person_words_are_not_linked()
    {
        const string text = "“I told you so,” said Mr. Brandt. “We shall see.”";
        var links = Links(text);
        Assert.DoesNotContain(links, l => text[l.Span.Start..l.Span.End] is "I" or "you" or "We");
    }

    [Fact]
    public void Scores_lie_between_zero_and_one_and_ids_are_entities_or_introduced()
    {
        const string text = "Captain Oduya met the two envoys at the gate. They gave him a letter, and he read it to his officers.";
        var analyzed = Pipeline.Analyze(new SourceDocument("t", text));
        var entityIds = ((Layer<Core.Entities.Entity>)analyzed.Layers[LayerNames.Entities]).Select(e => e.Id).ToHashSet();
        var links = (Layer<CoreferenceLink>)analyzed.Layers[LayerNames.Coreference];
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            Assert.InRange(link.Score, 0.0, 1.0);
            Assert.True(entityIds.Contains(link.EntityId) || link.EntityId.StartsWith("coref-", StringComparison.Ordinal), link.EntityId);
            Assert.Equal(link.Introduces, link.Antecedent is null);
            if (link.Antecedent is { } antecedent) Assert.True(antecedent.End <= link.Span.End);
        }
    }

    [Fact]
    public void The_entity_layers_are_the_same_with_or_without_coreference()
    {
        const string text = "Ambassador Kessler called on the Minister. He said that the Minister's brother had left.";
        var without = new PipelineBuilder().AddRange(DefaultPipeline.Components().Where(c => c is not CoreferenceAnnotator)).Build();
        var a = Pipeline.Analyze(new SourceDocument("t", text));
        var b = without.Analyze(new SourceDocument("t", text));
        Assert.Equal(((Layer<Core.Entities.Mention>)b.Layers[LayerNames.Mentions]).ToArray(), ((Layer<Core.Entities.Mention>)a.Layers[LayerNames.Mentions]).ToArray());
        Assert.Equal(((Layer<Core.Entities.Entity>)b.Layers[LayerNames.Entities]).Select(e => e.Id), ((Layer<Core.Entities.Entity>)a.Layers[LayerNames.Entities]).Select(e => e.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("he")]
    [InlineData("his his his her their")]
    [InlineData("The the the man")]
    [InlineData("“He said, ‘she")]
    [InlineData("\u0000\uFFFF\uD800 her")]
    public void Odd_text_never_throws(string text)
    {
        var analyzed = Pipeline.Analyze(new SourceDocument("t", text));
        Assert.DoesNotContain(analyzed.Diagnostics, d => d.Code == "ANL2900");
        Assert.True(analyzed.Layers.ContainsKey(LayerNames.Coreference));
    }

    [Fact]
    public void Without_a_model_the_most_recent_agreeing_person_is_chosen()
    {
        const string text = "Mr. Lund and Mrs. Berg met at noon. She spoke first.";
        var analyzed = Pipeline.Analyze(new SourceDocument("t", text));
        var links = CoreferenceTrainer.Resolve(analyzed, model: null);
        var she = links.Single(l => text[l.Span.Start..l.Span.End] == "She");
        Assert.Equal("berg", she.EntityId);
    }
}
