using Annalist.Core.Entities;
using Annalist.Core.Entities.Gazetteers;
using Annalist.Core.Entities.Tagging;

namespace Annalist.Core.Tests.Entities;

public sealed class LabelPairTests
{
    private static List<TrainingDocument> Corpus()
    {
        string[] people = ["Brandt", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Novak"];
        string[] towns = ["Varbergen", "Ostmark", "Kellwick", "Dunmore", "Rastow", "Telbury"];
        byte person = (byte)NerLabel.Begin(EntityType.Person), inside = (byte)NerLabel.Inside(EntityType.Person), place = (byte)NerLabel.Begin(EntityType.Place);
        var documents = new List<TrainingDocument>();
        for (int k = 0; k < people.Length; k++)
        {
            documents.Add(new TrainingDocument(TaggingInput.FromSentences([["Minister", people[k], people[(k + 1) % people.Length], "said", "so", "."]]), [0, person, inside, 0, 0, 0]));
            documents.Add(new TrainingDocument(TaggingInput.FromSentences([["The", "train", "reached", towns[k], "at", "noon", "."]]), [0, 0, 0, place, 0, 0, 0]));
        }
        return documents;
    }

    private static byte[] Bytes(PerceptronModel model)
    {
        using var stream = new MemoryStream();
        model.Write(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Template_lists_parse_by_name_and_refuse_unknown_names()
    {
        Assert.Equal(LabelPairTemplates.None, LabelPairFeatures.Parse(null));
        Assert.Equal(LabelPairTemplates.Shape | LabelPairTemplates.Case, LabelPairFeatures.Parse("shape, case"));
        Assert.Null(LabelPairFeatures.Parse("shape,colour"));
        Assert.Null(LabelPairFeatures.Parse("3"));
    }

    [Fact]
    public void Each_token_reads_its_own_transition_table()
    {
        var scheme = LabelScheme.Bio;
        int L = scheme.Count, size = (L + 1) * L;
        var emissions = new float[2 * L];
        var transitions = new float[2 * size];
        int person = NerLabel.Begin(EntityType.Person);
        // Token 0: only the sentence-start row counts; token 1: O → B-PER is strongly preferred there alone.
        transitions[1 * size + (0 + 1) * L + person] = 5;
        var labels = new byte[2];
        Viterbi.Decode(scheme, emissions, 2, transitions, size, default, labels);
        Assert.Equal([(byte)0, (byte)person], labels);
        Viterbi.Decode(scheme, emissions, 2, transitions.AsSpan(0, size), 0, default, labels);
        Assert.Equal([(byte)0, (byte)0], labels);
    }

    [Fact]
    public void A_model_without_label_pairs_is_written_as_before()
    {
        var extractor = new FeatureExtractor(Gazetteer.Empty);
        var options = new PerceptronTrainerOptions { Epochs = 3, MinimumFeatureCount = 1, Seed = 5 };
        var plain = new PerceptronTrainer(extractor, options).Train(Corpus());
        var none = new PerceptronTrainer(extractor, options with { PairTemplates = LabelPairTemplates.None }).Train(Corpus());
        Assert.Equal(Bytes(plain), Bytes(none));
        Assert.Equal(0, plain.PairFeatureCount);
    }

    [Fact]
    public void Label_pair_models_learn_the_toy_corpus_are_reproducible_and_survive_a_round_trip()
    {
        var extractor = new FeatureExtractor(Gazetteer.Empty);
        var options = new PerceptronTrainerOptions { Epochs = 5, MinimumFeatureCount = 1, Seed = 5, PairTemplates = LabelPairTemplates.Shape | LabelPairTemplates.Case };
        var model = new PerceptronTrainer(extractor, options).Train(Corpus());
        var again = new PerceptronTrainer(extractor, options).Train(Corpus());
        Assert.True(model.PairFeatureCount > 0);
        Assert.Equal(Bytes(model), Bytes(again));
        Assert.NotEqual(Bytes(model), Bytes(new PerceptronTrainer(extractor, options with { PairTemplates = LabelPairTemplates.None }).Train(Corpus())));

        var input = TaggingInput.FromSentences([["Minister", "Achebe", "Soyinka", "said", "so", "."], ["The", "train", "reached", "Morvale", "at", "noon", "."]]);
        var names = new MentionTagger(model, Gazetteer.Empty).Tag(input);
        Assert.Contains(names, n => n.FirstToken == 1 && n.EndToken == 3 && n.Type == EntityType.Person);
        Assert.Contains(names, n => n.FirstToken == 9 && n.EndToken == 10 && n.Type == EntityType.Place);

        using var stream = new MemoryStream(Bytes(model));
        var read = PerceptronModel.Read(stream);
        Assert.Equal(model.PairTemplates, read.PairTemplates);
        Assert.Equal(model.PairFeatureCount, read.PairFeatureCount);
        Assert.Equal(Bytes(model), Bytes(read));
        Assert.Equal(new MentionTagger(model, Gazetteer.Empty).Label(input), new MentionTagger(read, Gazetteer.Empty).Label(input));
    }

    [Fact]
    public void A_stacked_label_pair_model_keeps_its_tables_in_both_stages()
    {
        var extractor = new FeatureExtractor(Gazetteer.Empty);
        var options = new PerceptronTrainerOptions { Epochs = 3, MinimumFeatureCount = 1, Seed = 5, PairTemplates = LabelPairTemplates.Brown | LabelPairTemplates.Word };
        var model = new PerceptronTrainer(extractor, options).TrainStacked(Corpus(), folds: 2);
        using var stream = new MemoryStream(Bytes(model));
        var read = PerceptronModel.Read(stream);
        Assert.NotNull(read.DocumentStage);
        Assert.Equal(options.PairTemplates, read.DocumentStage!.PairTemplates);
        Assert.Equal(model.DocumentStage!.PairFeatureCount, read.DocumentStage.PairFeatureCount);
        Assert.Equal(Bytes(model), Bytes(read));
    }
}
