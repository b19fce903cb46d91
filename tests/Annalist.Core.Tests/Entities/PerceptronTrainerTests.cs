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
    public void Training_is_deterministic_for_a_seed()
    {
        var extractor = new FeatureExtractor(Gazetteer.Empty);
        var options = new PerceptronTrainerOptions { Epochs = 3, MinimumFeatureCount = 1, Aggressiveness = 1 };
        var first = new PerceptronTrainer(extractor, options).Train(Corpus());
        var second = new PerceptronTrainer(extractor, options).Train(Corpus());
        Assert.Equal(first.Transitions, second.Transitions);
        Assert.Equal(first.FeatureCount, second.FeatureCount);
    }
}
