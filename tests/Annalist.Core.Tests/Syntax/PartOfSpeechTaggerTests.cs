using Annalist.Core.Errors;
using Annalist.Core.Syntax;

namespace Annalist.Core.Tests.Syntax;

public sealed class PartOfSpeechTaggerTests
{
    private static readonly Lazy<PartOfSpeechTagger> Toy = new(() =>
        PartOfSpeechTaggerTrainer.Train(ToyTreebank.Generate(400, seed: 1), new TaggerTrainingOptions { Epochs = 5 }));

    [Fact]
    public void Learns_the_toy_grammar_including_words_whose_tag_depends_on_context()
    {
        var held = ToyTreebank.Generate(200, seed: 2);
        var scorer = SyntaxEvaluation.Score(held, Toy.Value, parser: null);
        Assert.True(scorer.UniversalTagAccuracy > 0.98, $"UPOS {scorer.UniversalTagAccuracy:F3}");

        Assert.Equal(["DET", "NOUN", "VERB", "DET", "NOUN"], Tags(Toy.Value, "the watch sees the fish"));
        Assert.Equal(["PRON", "VERB", "DET", "ADJ", "NOUN"], Tags(Toy.Value, "they fish every red watch"));
    }

    [Fact]
    public void Training_is_reproducible_for_a_seed()
    {
        var data = ToyTreebank.Generate(150, seed: 3);
        var first = Bytes(PartOfSpeechTaggerTrainer.Train(data, new TaggerTrainingOptions { Epochs = 3, Seed = 7 }));
        var second = Bytes(PartOfSpeechTaggerTrainer.Train(data, new TaggerTrainingOptions { Epochs = 3, Seed = 7 }));
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_model_survives_a_round_trip_through_a_stream()
    {
        var loaded = PartOfSpeechTagger.Load(new MemoryStream(Bytes(Toy.Value)));
        Assert.Equal(Toy.Value.UniversalTags, loaded.UniversalTags);
        Assert.Equal(Toy.Value.LanguageTags, loaded.LanguageTags);
        foreach (var sentence in ToyTreebank.Generate(50, seed: 4))
        {
            string text = string.Join(' ', sentence.Forms);
            Assert.Equal(Tags(Toy.Value, text), Tags(loaded, text));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(40)]
    public void A_damaged_or_foreign_stream_is_refused_with_a_coded_error(int keep)
    {
        byte[] bytes = Bytes(Toy.Value);
        var damaged = keep == 0 ? "NOPE-not-a-model"u8.ToArray() : bytes[..keep];
        var error = Assert.Throws<AnnalistException>(() => PartOfSpeechTagger.Load(new MemoryStream(damaged)));
        Assert.Equal(ErrorCatalogue.UnreadableModel, error.Error);
    }

    [Fact]
    public void A_parser_model_is_not_taken_for_a_tagger()
    {
        var parser = DependencyParserTrainer.Train(ToyTreebank.Generate(30, seed: 5), new ParserTrainingOptions { Epochs = 1, JackknifeFolds = 1 });
        var stream = new MemoryStream();
        parser.Save(stream);
        stream.Position = 0;
        var error = Assert.Throws<AnnalistException>(() => PartOfSpeechTagger.Load(stream));
        Assert.Contains("dependency-parser", error.Message);
    }

    [Fact]
    public void Tags_the_empty_sentence_and_odd_words_without_failing()
    {
        Toy.Value.Tag("", [], []);
        string odd = "\u0000 ¿¿ 𝔘𝔫𝔦 ---- 1,234,567.89 ÆØÅ";
        Assert.Equal(6, Tags(Toy.Value, odd).Length);
    }

    internal static string[] Tags(PartOfSpeechTagger tagger, string text)
    {
        var words = Words(text);
        var classes = new int[words.Length];
        tagger.Tag(text, words, classes);
        return [.. classes.Select(c => tagger.UniversalTags[c])];
    }

    internal static Annalist.Core.Text.TextSpan[] Words(string text)
    {
        var spans = new List<Annalist.Core.Text.TextSpan>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool space = i == text.Length || text[i] == ' ';
            if (!space && start < 0) start = i;
            else if (space && start >= 0)
            {
                spans.Add(new Annalist.Core.Text.TextSpan(start, i));
                start = -1;
            }
        }
        return [.. spans];
    }

    internal static byte[] Bytes(PartOfSpeechTagger tagger)
    {
        var stream = new MemoryStream();
        tagger.Save(stream);
        return stream.ToArray();
    }
}
