using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Syntax;
using Annalist.Core.Text;
using Annalist.Core.Tokens;
using Annalist.Tests;
using FsCheck;
using FsCheck.Fluent;

namespace Annalist.Core.Tests.Syntax;

public sealed class SyntaxAnnotatorTests
{
    // Every sentence parsed, so the tree properties below hold for all of them.
    private static readonly Lazy<AnalysisPipeline> Pipeline = new(() => WithDependencies(new DependencyAnnotator(options: DependencyAnnotatorOptions.EverySentence)));

    private static readonly Lazy<AnalysisPipeline> Selective = new(DefaultPipeline.Create);

    private static AnalysisPipeline WithDependencies(DependencyAnnotator annotator) =>
        new PipelineBuilder().AddRange(DefaultPipeline.Components().Where(c => c is not DependencyAnnotator)).Add(annotator).Build();

    [Fact]
    public void Pos_and_dependencies_are_aligned_to_tokens_and_contract_clitics()
    {
        const string text = "The envoy didn’t sign the Minister’s letter. He left on the 14th.";
        var analyzed = Pipeline.Value.Analyze(new SourceDocument("t", text));
        var tokens = analyzed.GetLayer<Token>(LayerNames.Tokens);
        var pos = analyzed.GetLayer<PosTag>(LayerNames.PartsOfSpeech);
        var dependencies = analyzed.GetLayer<Dependency>(LayerNames.Dependencies);
        Assert.Equal(LayerNames.Tokens, pos.AlignedTo);
        Assert.Equal(tokens.Items.Select(t => t.Span), pos.Items.Select(p => p.Span));
        Assert.Equal(tokens.Items.Select(t => t.Span), dependencies.Items.Select(d => d.Span));

        int Index(string word) => tokens.Items.IndexOf(tokens.Items.First(t => t.Span.Slice(text).SequenceEqual(word)));
        Assert.Equal("AUX", pos[Index("didn’t")].Universal);
        Assert.Equal("PROPN", pos[Index("Minister’s")].Universal);
        Assert.Equal(Index("sign"), dependencies[Index("didn’t")].Head);
        Assert.Equal(Index("letter"), dependencies[Index("Minister’s")].Head);
        Assert.Equal("nmod:poss", dependencies[Index("Minister’s")].Relation);
        Assert.Equal(2, dependencies.Items.Count(d => d.Head == -1));
    }

    [Fact]
    public void Every_sentence_of_any_text_is_one_tree_of_tokens() =>
        Prop.ForAll(Texts(), text =>
        {
            var analyzed = Pipeline.Value.Analyze(new SourceDocument("p", text));
            if (!analyzed.TryGetLayer<Dependency>(LayerNames.Dependencies, out var dependencies)) return false;
            var sentences = analyzed.GetLayer<Core.Segmentation.Sentence>(LayerNames.Sentences);
            var tokens = analyzed.GetLayer<Token>(LayerNames.Tokens);
            if (dependencies.Count != tokens.Count || analyzed.Diagnostics.Any(d => d.Code == "ANL2900")) return false;
            foreach (var sentence in sentences)
            {
                var inside = Enumerable.Range(0, tokens.Count).Where(t => sentence.Span.Contains(tokens[t].Span)).ToList();
                if (inside.Count > 0 && inside.Count(t => dependencies[t].Head == -1) != 1) return false;
                if (inside.Any(t => dependencies[t].Head != -1 && !inside.Contains(dependencies[t].Head))) return false;
            }
            for (int t = 0; t < dependencies.Count; t++)
            {
                int node = t, steps = 0;
                while (dependencies[node].Head != -1)
                {
                    node = dependencies[node].Head;
                    if (++steps > dependencies.Count) return false;
                }
            }
            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Parsing_with_the_remembered_word_tags_gives_the_layer_that_tagging_again_gives()
    {
        const string text = "The minister didn’t say whether they’d send the trucks. We’re told the envoy’s train left at noon.\n\nNo reply came.";
        var stream = new MemoryStream();
        SyntaxModels.Tagger.Save(stream);
        stream.Position = 0;
        // A second instance of the same model: the parser cannot reuse the pos layer's tags and tags again.
        var copy = PartOfSpeechTagger.Load(stream);
        var retagging = new PipelineBuilder().AddRange(DefaultPipeline.Components().Where(c => c is not DependencyAnnotator)).Add(new DependencyAnnotator(copy, options: DependencyAnnotatorOptions.EverySentence)).Build();
        var document = new SourceDocument("t", text);
        var reused = Pipeline.Value.Analyze(document).GetLayer<Dependency>(LayerNames.Dependencies);
        var tagged = retagging.Analyze(document).GetLayer<Dependency>(LayerNames.Dependencies);
        Assert.Equal(tagged.Count, reused.Count);
        for (int i = 0; i < tagged.Count; i++) Assert.True(tagged[i] == reused[i], $"{i}: {tagged[i]} against {reused[i]}");
        Assert.Contains(reused.Items, d => d.Relation == "nsubj");
    }

    [Fact]
    public void The_default_selection_parses_sentences_with_an_event_trigger_and_the_sentence_before_a_plural_pronoun()
    {
        const string text = "Weather cold and grey. The consul and his aide waited at the gate. They departed at dusk. "
            + "“Nothing more today,” he said. A long silence. The envoy approved the plan.";
        var document = new SourceDocument("t", text);
        var full = Pipeline.Value.Analyze(document);
        var partial = Selective.Value.Analyze(document);
        AssertParsed(full, partial, [false, true, true, false, false, true]);
    }

    [Fact]
    public void Quotations_may_be_selected_too()
    {
        const string text = "The delegation arrived in the capital. Weather cold and grey. “Nothing more today,” he said. A long silence.";
        var options = DependencyAnnotatorOptions.Default with { ParseQuotations = true };
        var document = new SourceDocument("t", text);
        AssertParsed(Pipeline.Value.Analyze(document), WithDependencies(new DependencyAnnotator(options: options)).Analyze(document), [true, false, true, false]);
    }

    [Fact]
    public void Every_sentence_is_parsed_when_asked()
    {
        const string text = "Weather cold and grey. A long silence.";
        var analyzed = Pipeline.Value.Analyze(new SourceDocument("t", text));
        Assert.DoesNotContain(analyzed.GetLayer<Dependency>(LayerNames.Dependencies).Items, d => d.Relation == DependencyAnnotator.UnparsedRelation);
    }

    // The selection exists for the events layer, the one reader of dependencies: it must see what a full parse gives it.
    [Fact]
    public void The_events_of_the_examples_are_those_a_full_parse_gives() =>
        AssertSameEvents(Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "examples"), "*.txt")
            .Concat(Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "examples"), "*.md")));

    [SharedFact]
    public void The_events_of_the_seed_record_are_those_a_full_parse_gives() =>
        AssertSameEvents(Directory.GetFiles(SharedData.PathTo("seed"), "*.txt"));

    private static void AssertSameEvents(IEnumerable<string> files)
    {
        int events = 0;
        foreach (string file in files)
        {
            var document = new SourceDocument(Path.GetFileName(file), File.ReadAllText(file));
            var expected = Pipeline.Value.Analyze(document).GetLayer<Core.Events.EventFrame>(LayerNames.Events).Items.Select(Describe).ToList();
            var actual = Selective.Value.Analyze(document).GetLayer<Core.Events.EventFrame>(LayerNames.Events).Items.Select(Describe).ToList();
            Assert.Equal(expected, actual);
            events += expected.Count;
        }
        Assert.True(events > 0, "no events to compare");
    }

    private static string Describe(Core.Events.EventFrame e) =>
        $"{e.Id} {e.Type} {e.Span} {e.Trigger} neg={e.Negative} mod={e.Modality} items=[{string.Join(",", e.Items)}] time={e.TimeStart}..{e.TimeEnd} "
        + $"{e.Earliest}/{e.Latest}/{e.TimeAnchor} roles=[{string.Join(";", e.Roles.Select(r => r.Name + ":" + string.Join(",", r.Entities)))}] "
        + $"links=[{string.Join(";", e.Links)}] speakers=[{string.Join(",", e.Speakers)}] source={e.Source}";

    private static void AssertParsed(AnalyzedDocument full, AnalyzedDocument partial, bool[] parsed)
    {
        var tokens = full.GetLayer<Token>(LayerNames.Tokens);
        var all = full.GetLayer<Dependency>(LayerNames.Dependencies);
        var some = partial.GetLayer<Dependency>(LayerNames.Dependencies);
        var sentences = full.GetLayer<Core.Segmentation.Sentence>(LayerNames.Sentences);
        Assert.Equal(parsed.Length, sentences.Count);
        for (int s = 0; s < sentences.Count; s++)
        {
            var inside = Enumerable.Range(0, tokens.Count).Where(t => sentences[s].Span.Contains(tokens[t].Span)).ToList();
            foreach (int t in inside)
            {
                if (parsed[s]) Assert.Equal(all[t], some[t]);
                else Assert.Equal(new Dependency(tokens[t].Span, -1, DependencyAnnotator.UnparsedRelation), some[t]);
            }
        }
    }

    private static Arbitrary<string> Texts()
    {
        var piece = Gen.Elements("The", "envoy", "said", ":", "“", "”", "we", "can’t", "agree", ".", "\n\n", "400", "rifles", "[", "sic", "]", "—", "General", "A.", "Antonov", "’s", "!", "?", " ", "…");
        return Gen.ArrayOf(piece).Select(p => string.Join(' ', p)).ToArbitrary();
    }
}
