using Annalist.Core.Entities;
using Annalist.Core.Entities.Gazetteers;
using Annalist.Core.Entities.Tagging;

namespace Annalist.Core.Tests.Entities;

public sealed class PerceptronTrainerTests
{
    private static List<TrainingDocument> Corpus()
    {
        string[] people = ["Brandt", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Novak"];
        string[] towns = ["Varbergen", "Ostmark", "Kellwick", "Dunmore", "Rastow", "Telbury"];
        byte person = (byte)NerLabel.Begin(EntityType.Person), place = (byte)NerLabel.Begin(EntityType.Place);
        var documents = new List<TrainingDocument>();
        for (int k = 0; k < people.Length; k++)
        {
            documents.Add(new TrainingDocument(TaggingInput.FromSentences([["Minister", people[k], "said", "so", "."]]), [0, person, 0, 0, 0]));
            documents.Add(new TrainingDocument(TaggingInput.FromSentences([["The", "train", "reached", towns[k], "at", "noon", "."]]), [0, 0, 0, place, 0, 0, 0]));
        }
        return documents;
    }

    [Fact]
    public void Passive_aggressive_updates_learn_the_toy_corpus_and_give_other_weights_than_the_perceptron()
    {
        var extractor = new FeatureExtractor(Gazetteer.Empty);
        var aggressive = new PerceptronTrainer(extractor, new PerceptronTrainerOptions { Epochs = 5, MinimumFeatureCount = 1, Aggressiveness = 0.5f }).Train(Corpus());
        var plain = new PerceptronTrainer(extractor, new PerceptronTrainerOptions { Epochs = 5, MinimumFeatureCount = 1 }).Train(Corpus());
        var input = TaggingInput.FromSentences([["Minister", "Achebe", "said", "so", "."], ["The", "train", "reached", "Morvale", "at", "noon", "."]]);
        var names = new MentionTagger(aggressive, Gazetteer.Empty).Tag(input);
        Assert.Contains(names, n => n.FirstToken == 1 && n.EndToken == 2 && n.Type == EntityType.Person);
        Assert.Contains(names, n => n.FirstToken == 8 && n.EndToken == 9 && n.Type == EntityType.Place);
        Assert.NotEqual(plain.Transitions, aggressive.Transitions);
    }

    [Fact]
    public void Given_name_dropout_on_first_words_hides_only_the_opening_word_of_a_persons_name()
    {
        var names = GivenNames.ReadTable(new StringReader("name\tbirths\tfemale_share\nOrla\t250000\t0.99\n"));
        var extractor = new FeatureExtractor(Gazetteer.Empty, givenNames: names);
        byte person = (byte)NerLabel.Begin(EntityType.Person), inside = (byte)NerLabel.Inside(EntityType.Person);
        var options = new PerceptronTrainerOptions { Epochs = 4, MinimumFeatureCount = 1, Seed = 3, GivenNamesDropout = 0.5f };
        var firstWords = options with { GivenNamesDropoutFirstWords = true };

        // The listed word alone as a name, or outside any name: nothing opens a longer name, so nothing is hidden.
        var alone = Corpus();
        for (int k = 0; k < 4; k++)
        {
            alone.Add(new TrainingDocument(TaggingInput.FromSentences([["We", "met", "Orla", "there", "."]]), [0, 0, person, 0, 0]));
            alone.Add(new TrainingDocument(TaggingInput.FromSentences([["The", "Orla", "sailed", "."]]), [0, 0, 0, 0]));
        }
        var unhidden = new PerceptronTrainer(extractor, options with { GivenNamesDropout = 0 }).Train(alone);
        Assert.Equal(NameScores(unhidden), NameScores(new PerceptronTrainer(extractor, firstWords).Train(alone)));
        Assert.NotEqual(NameScores(unhidden), NameScores(new PerceptronTrainer(extractor, options).Train(alone)));

        // Opening a name of two words, it is hidden from some updates, the same ones on every run.
        var opening = Corpus();
        for (int k = 0; k < 4; k++)
            opening.Add(new TrainingDocument(TaggingInput.FromSentences([["We", "met", "Orla", "Holt", "there", "."]]), [0, 0, person, inside, 0, 0]));
        var openingFirst = NameScores(new PerceptronTrainer(extractor, firstWords).Train(opening));
        Assert.NotEqual(NameScores(new PerceptronTrainer(extractor, options with { GivenNamesDropout = 0 }).Train(opening)), openingFirst);
        Assert.Equal(openingFirst, NameScores(new PerceptronTrainer(extractor, firstWords).Train(opening)));

        // What the model gives the listed word's given-name features alone.
        float[] NameScores(PerceptronModel model)
        {
            var input = TaggingInput.FromSentences([["We", "met", "Orla", "Holt", "there", "."]]);
            var features = new uint[input.Count * FeatureExtractor.MaxFeaturesPerToken];
            var counts = new int[input.Count];
            extractor.Extract(input, features, counts);
            var scores = new float[model.Scheme.Count];
            model.Score(features.AsSpan(2 * FeatureExtractor.MaxFeaturesPerToken, counts[2]).ToArray().Where(FeatureExtractor.IsGivenName).ToArray(), scores);
            return scores;
        }
    }

    [Fact]
    public void Given_name_dropout_only_hides_given_name_features_and_is_reproducible()
    {
        var names = GivenNames.ReadTable(new StringReader("name\tbirths\tfemale_share\nOrla\t250000\t0.99\nBram\t40000\t0.01\n"));
        var corpus = Corpus();
        byte person = (byte)NerLabel.Begin(EntityType.Person), inside = (byte)NerLabel.Inside(EntityType.Person);
        foreach (string given in new[] { "Orla", "Bram", "Orla", "Bram" })
            corpus.Add(new TrainingDocument(TaggingInput.FromSentences([["We", "met", given, "Holt", "there", "."]]), [0, 0, person, inside, 0, 0]));
        var options = new PerceptronTrainerOptions { Epochs = 4, MinimumFeatureCount = 1, Seed = 3 };

        // Without given names to hide, the option changes nothing.
        var plainExtractor = new FeatureExtractor(Gazetteer.Empty);
        Assert.Equal(new PerceptronTrainer(plainExtractor, options).Train(corpus).Transitions, new PerceptronTrainer(plainExtractor, options with { GivenNamesDropout = 0.5f }).Train(corpus).Transitions);

        var extractor = new FeatureExtractor(Gazetteer.Empty, givenNames: names);
        var kept = new PerceptronTrainer(extractor, options).Train(corpus);
        var dropped = new PerceptronTrainer(extractor, options with { GivenNamesDropout = 0.5f }).Train(corpus);
        var again = new PerceptronTrainer(extractor, options with { GivenNamesDropout = 0.5f }).Train(corpus);
        Assert.Equal(dropped.Transitions, again.Transitions);
        Assert.Equal(dropped.FeatureCount, again.FeatureCount);

        // The given name's own features score differently once they were hidden from some updates.
        var input = TaggingInput.FromSentences([["We", "met", "Orla", "Holt", "there", "."]]);
        var features = new uint[input.Count * FeatureExtractor.MaxFeaturesPerToken];
        var counts = new int[input.Count];
        extractor.Extract(input, features, counts);
        var nameOnly = features.AsSpan(2 * FeatureExtractor.MaxFeaturesPerToken, counts[2]).ToArray().Where(FeatureExtractor.IsGivenName).ToArray();
        Assert.NotEmpty(nameOnly);
        var a = new float[kept.Scheme.Count];
        var b = new float[kept.Scheme.Count];
        kept.Score(nameOnly, a);
        dropped.Score(nameOnly, b);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed()
    {
        var extractor = new FeatureExtractor(Gazetteer.Empty);
        var options = new PerceptronTrainerOptions { Epochs = 3, MinimumFeatureCount = 1, Aggressiveness = 1 };
        var first = new PerceptronTrainer(extractor, options).Train(Corpus());
        var second = new PerceptronTrainer(extractor, options).Train(Corpus());
        Assert.Equal(first.Transitions, second.Transitions);
        Assert.Equal(first.FeatureCount, second.FeatureCount);
    }

    [Fact]
    public void Several_orders_give_the_mean_of_each_order_s_averaged_weights()
    {
        var extractor = new FeatureExtractor(Gazetteer.Empty);
        var options = new PerceptronTrainerOptions { Epochs = 3, MinimumFeatureCount = 1, Seed = 11 };
        var averaged = new PerceptronTrainer(extractor, options with { Orders = 2 }).Train(Corpus());
        var first = new PerceptronTrainer(extractor, options).Train(Corpus());
        var second = new PerceptronTrainer(extractor, options with { Seed = 11 + 1_000_003 }).Train(Corpus());
        Assert.NotEqual(first.Transitions, second.Transitions);
        for (int i = 0; i < averaged.Transitions.Length; i++)
            Assert.Equal((first.Transitions[i] + second.Transitions[i]) / 2, averaged.Transitions[i], 4);

        var input = TaggingInput.FromSentences([["Minister", "Achebe", "said", "that", "the", "train", "reached", "Morvale", "."]]);
        var features = new uint[input.Count * FeatureExtractor.MaxFeaturesPerToken];
        var counts = new int[input.Count];
        extractor.Extract(input, features, counts);
        int labels = averaged.Scheme.Count;
        Span<float> mean = stackalloc float[labels], a = stackalloc float[labels], b = stackalloc float[labels];
        for (int token = 0; token < input.Count; token++)
        {
            var tokenFeatures = features.AsSpan(token * FeatureExtractor.MaxFeaturesPerToken, counts[token]);
            averaged.Score(tokenFeatures, mean);
            first.Score(tokenFeatures, a);
            second.Score(tokenFeatures, b);
            // Weights are pruned below 1e-3 and the sums are of up to a few dozen features.
            for (int label = 0; label < labels; label++) Assert.InRange(mean[label] - (a[label] + b[label]) / 2, -0.05f, 0.05f);
        }
    }

    [Fact]
    public void One_order_is_the_single_order_model_and_several_orders_are_reproducible()
    {
        var extractor = new FeatureExtractor(Gazetteer.Empty);
        var options = new PerceptronTrainerOptions { Epochs = 3, MinimumFeatureCount = 1, Seed = 5 };
        byte[] Bytes(PerceptronTrainerOptions o)
        {
            using var stream = new MemoryStream();
            new PerceptronTrainer(extractor, o).Train(Corpus()).Write(stream);
            return stream.ToArray();
        }
        Assert.Equal(Bytes(options), Bytes(options with { Orders = 1 }));
        Assert.Equal(Bytes(options with { Orders = 3 }), Bytes(options with { Orders = 3 }));
        Assert.NotEqual(Bytes(options), Bytes(options with { Orders = 3 }));
    }
}
