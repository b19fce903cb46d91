using Annalist.Core.Syntax;
using FsCheck;
using FsCheck.Fluent;

namespace Annalist.Core.Tests.Syntax;

public sealed class DependencyParserTests
{
    private static readonly Lazy<(PartOfSpeechTagger Tagger, DependencyParser Parser)> Toy = new(() =>
    {
        var data = ToyTreebank.Generate(500, seed: 11);
        var tagger = PartOfSpeechTaggerTrainer.Train(data, new TaggerTrainingOptions { Epochs = 5 });
        var parser = DependencyParserTrainer.Train(data, new ParserTrainingOptions { Epochs = 6, JackknifeFolds = 2 }, new TaggerTrainingOptions { Epochs = 5 });
        return (tagger, parser);
    });

    [Fact]
    public void Learns_the_toy_grammar()
    {
        var held = ToyTreebank.Generate(200, seed: 12);
        var scorer = SyntaxEvaluation.Score(held, Toy.Value.Tagger, Toy.Value.Parser);
        Assert.True(scorer.UnlabeledAttachment > 0.97, $"UAS {scorer.UnlabeledAttachment:F3}");
        Assert.True(scorer.LabeledAttachment > 0.95, $"LAS {scorer.LabeledAttachment:F3}");
    }

    [Fact]
    public void Finds_subject_object_and_oblique_of_a_sentence_it_has_not_seen()
    {
        var (heads, relations) = Parse(Toy.Value.Tagger, Toy.Value.Parser, "the tall farmer finds a letter beyond the river .");
        Assert.Equal(["det", "amod", "nsubj", "root", "det", "obj", "case", "det", "obl", "punct"], relations);
        Assert.Equal([2, 2, 3, -1, 5, 3, 8, 8, 3, 3], heads);
    }

    // The parser skips scoring when one action alone is valid; that must be the action scoring would pick.
    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(3)]
    public void An_action_taken_without_scores_is_the_one_any_scores_would_choose(int rootRelation)
    {
        const int relations = 5;
        var random = new Random(7);
        int forced = 0, scored = 0;
        float[] scores = new float[DependencyParser.ActionCount(relations)];
        for (int sentence = 0; sentence < 300; sentence++)
        {
            int n = 1 + random.Next(9);
            var state = new ArcHybridState(n, new int[ArcHybridState.IntsPerWord * (n + 1)], new ulong[2 * (n + 1)]);
            while (!state.IsTerminal)
            {
                for (int i = 0; i < scores.Length; i++) scores[i] = (float)(random.NextDouble() * 2 - 1);
                int only = DependencyParser.OnlyValid(ref state, relations, rootRelation);
                int best = DependencyParser.BestValid(ref state, scores, relations, rootRelation);
                if (only >= 0)
                {
                    forced++;
                    Assert.Equal(best, only);
                    // No other scores change it: the best of the opposite scores is the same action.
                    for (int i = 0; i < scores.Length; i++) scores[i] = -scores[i];
                    Assert.Equal(only, DependencyParser.BestValid(ref state, scores, relations, rootRelation));
                }
                else scored++;
                DependencyParser.Apply(ref state, best, relations);
            }
        }
        Assert.True(forced > 300 && scored > 300, $"{forced} forced, {scored} scored");
    }

    [Fact]
    public void Training_is_reproducible_and_a_model_survives_a_round_trip()
    {
        var data = ToyTreebank.Generate(80, seed: 13);
        var options = new ParserTrainingOptions { Epochs = 2, JackknifeFolds = 1, Seed = 5 };
        var first = DependencyParserTrainer.Train(data, options);
        byte[] bytes = Bytes(first);
        Assert.Equal(bytes, Bytes(DependencyParserTrainer.Train(data, options)));

        var loaded = DependencyParser.Load(new MemoryStream(bytes));
        Assert.Equal(first.Relations, loaded.Relations);
        foreach (var sentence in ToyTreebank.Generate(30, seed: 14))
        {
            string text = string.Join(' ', sentence.Forms);
            var (expectedHeads, expectedRelations) = Parse(Toy.Value.Tagger, first, text);
            var (heads, relations) = Parse(Toy.Value.Tagger, loaded, text);
            Assert.Equal(expectedHeads, heads);
            Assert.Equal(expectedRelations, relations);
        }
    }

    [Fact]
    public void Pruning_a_model_gives_what_training_with_that_minimum_weight_gives()
    {
        var data = ToyTreebank.Generate(80, seed: 15);
        var loose = DependencyParserTrainer.Train(data, new ParserTrainingOptions { Epochs = 2, JackknifeFolds = 1, MinimumWeight = 0.5f });
        var strict = DependencyParserTrainer.Train(data, new ParserTrainingOptions { Epochs = 2, JackknifeFolds = 1, MinimumWeight = 40f });
        Assert.True(strict.Size.Entries < loose.Size.Entries);
        Assert.Equal(Bytes(strict), Bytes(loose.Pruned(40f)));
    }

    [Fact]
    public void Any_sequence_of_words_gets_one_tree_from_the_toy_parser() =>
        Prop.ForAll(WordLists(), words => IsTree(Parse(Toy.Value.Tagger, Toy.Value.Parser, string.Join(' ', words)).Heads)).QuickCheckThrowOnFailure();

    [Fact]
    public void Any_sequence_of_words_gets_one_tree_from_the_shipped_parser() =>
        Prop.ForAll(WordLists(), words => IsTree(Parse(SyntaxModels.Tagger, SyntaxModels.Parser, string.Join(' ', words)).Heads)).QuickCheckThrowOnFailure();

    [Fact]
    public void A_long_sentence_gets_one_tree()
    {
        string text = string.Join(' ', Enumerable.Range(0, 700).Select(i => i % 9 == 0 ? "," : i % 5 == 0 ? "and" : "word" + i));
        Assert.True(IsTree(Parse(SyntaxModels.Tagger, SyntaxModels.Parser, text).Heads));
    }

    private static Arbitrary<string[]> WordLists()
    {
        var word = Gen.Elements("the", "of", "said", ",", ".", "Moscow", "400", "A.", "(", ")", "—", "’s", "and", "it", "x", "\u00A0", "¿", "General", "was");
        return Gen.ArrayOf(word).Where(a => a.Length is > 0 and < 60).Select(a => a.Where(w => w.Trim().Length > 0).DefaultIfEmpty("word").ToArray()).ToArbitrary();
    }

    /// <summary>Every word has a head in range or is the root; exactly one root; following heads always reaches the root.</summary>
    internal static bool IsTree(int[] heads)
    {
        int n = heads.Length;
        if (heads.Count(h => h == -1) != 1) return false;
        for (int i = 0; i < n; i++)
        {
            if (heads[i] < -1 || heads[i] >= n || heads[i] == i) return false;
            int node = i, steps = 0;
            while (node != -1)
            {
                node = heads[node];
                if (++steps > n) return false;
            }
        }
        return true;
    }

    internal static (int[] Heads, string[] Relations) Parse(PartOfSpeechTagger tagger, DependencyParser parser, string text)
    {
        var words = PartOfSpeechTaggerTests.Words(text);
        var classes = new int[words.Length];
        tagger.Tag(text, words, classes);
        var heads = new int[words.Length];
        var relations = new int[words.Length];
        parser.Parse(text, words, [.. classes.Select(c => tagger.UniversalTags[c])], [.. classes.Select(c => tagger.LanguageTags[c])], heads, relations);
        return (heads, [.. relations.Select(r => parser.Relations[r])]);
    }

    private static byte[] Bytes(DependencyParser parser)
    {
        var stream = new MemoryStream();
        parser.Save(stream);
        return stream.ToArray();
    }
}
