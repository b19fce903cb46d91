using System.Diagnostics;
using Annalist.Core.Entities;
using Annalist.Core.Entities.Gazetteers;
using Annalist.Core.Entities.Tagging;
using Annalist.Core.Text;

namespace Annalist.Core.Tests.Entities;

public sealed class TaggerTests
{
    private static readonly Gazetteer SmallGazetteer = Gazetteer.Create(
        [(new GazetteerEntry("test:1", GazetteerKind.Place, "Port Alder", 10, 20, 200_000), ["Port Alder", "Alderhaven"])],
        [("Norlander", new GazetteerEntry("test:2", GazetteerKind.Country, "Norland", 1, 2, 0))]);

    private static TaggingInput Words(params string[][] sentences) => TaggingInput.FromSentences(sentences);

    private static uint[] FeaturesOf(FeatureExtractor extractor, TaggingInput input, int token)
    {
        var features = new uint[input.Count * FeatureExtractor.MaxFeaturesPerToken];
        var counts = new int[input.Count];
        extractor.Extract(input, features, counts);
        return features.AsSpan(token * FeatureExtractor.MaxFeaturesPerToken, counts[token]).ToArray();
    }

    [Fact]
    public void Features_are_deterministic_and_depend_on_capitalization()
    {
        var extractor = new FeatureExtractor(SmallGazetteer);
        var upper = Words(["They", "met", "Brandt", "today"]);
        var lower = Words(["They", "met", "brandt", "today"]);
        Assert.Equal(FeaturesOf(extractor, upper, 2), FeaturesOf(extractor, upper, 2));
        Assert.NotEqual(FeaturesOf(extractor, upper, 2), FeaturesOf(extractor, lower, 2));
    }

    [Fact]
    public void A_gazetteer_name_of_two_words_marks_both_tokens()
    {
        var withList = new FeatureExtractor(SmallGazetteer);
        var withoutList = new FeatureExtractor(Gazetteer.Empty);
        var input = Words(["They", "sailed", "to", "Port", "Alder", "again"]);
        Assert.NotEqual(FeaturesOf(withList, input, 4), FeaturesOf(withoutList, input, 4));
        Assert.Equal(FeaturesOf(withList, input, 1), FeaturesOf(withoutList, input, 1));
    }

    [Fact]
    public void The_common_word_list_changes_the_features_of_a_capitalized_word_only()
    {
        var plain = new FeatureExtractor(Gazetteer.Empty);
        var vocabulary = new FeatureExtractor(Gazetteer.Empty, ["another"]);
        var input = Words(["Another", "day", "another", "town"]);
        Assert.NotEqual(FeaturesOf(plain, input, 0), FeaturesOf(vocabulary, input, 0));
        Assert.Equal(FeaturesOf(plain, input, 2), FeaturesOf(vocabulary, input, 2));
        Assert.True(vocabulary.IsCommonWord("ANOTHER"));
    }

    private static TrainingDocument Labeled(string[] words, params (int First, int End, EntityType Type)[] names)
    {
        var input = TaggingInput.FromSentences([words]);
        var labels = new byte[words.Length];
        foreach (var (first, end, type) in names)
        {
            labels[first] = (byte)NerLabel.Begin(type);
            for (int i = first + 1; i < end; i++) labels[i] = (byte)NerLabel.Inside(type);
        }
        return new TrainingDocument(input, labels);
    }

    private static List<TrainingDocument> ToyCorpus()
    {
        string[] people = ["Brandt", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Novak"];
        string[] towns = ["Varbergen", "Ostmark", "Kellwick", "Dunmore", "Rastow", "Telbury"];
        var documents = new List<TrainingDocument>();
        for (int i = 0; i < people.Length; i++)
        {
            documents.Add(Labeled(["Minister", people[i], "said", "that", "the", "talks", "would", "go", "on", "."], (1, 2, EntityType.Person)));
            documents.Add(Labeled(["The", "train", "reached", towns[i], "at", "noon", "."], (3, 4, EntityType.Place)));
        }
        return documents;
    }

    [Fact]
    public void A_trained_model_tags_unseen_names_in_learned_contexts_and_survives_a_round_trip()
    {
        var extractor = new FeatureExtractor(Gazetteer.Empty);
        var model = new PerceptronTrainer(extractor, new PerceptronTrainerOptions { Epochs = 5, MinimumFeatureCount = 1 }).Train(ToyCorpus());
        var input = TaggingInput.FromSentences([["Minister", "Achebe", "said", "that", "the", "train", "reached", "Morvale", "."]]);

        var tagger = new MentionTagger(model, Gazetteer.Empty);
        var names = tagger.Tag(input);
        Assert.Contains(names, n => n.FirstToken == 1 && n.EndToken == 2 && n.Type == EntityType.Person);
        Assert.Contains(names, n => n.FirstToken == 7 && n.EndToken == 8 && n.Type == EntityType.Place);

        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;
        var reread = PerceptronModel.Read(stream);
        Assert.Equal(model.FeatureCount, reread.FeatureCount);
        Assert.Equal(tagger.Label(input), new MentionTagger(reread, Gazetteer.Empty).Label(input));
    }

    [Fact]
    public void Document_features_tell_a_word_the_first_pass_called_a_person_elsewhere_from_one_it_called_a_place()
    {
        var extractor = new FeatureExtractor(Gazetteer.Empty);
        var input = Words(["Halden", "spoke", "."], ["They", "met", "Halden", "."]);
        var features = new uint[input.Count * FeatureExtractor.MaxFeaturesPerToken];
        var counts = new int[input.Count];
        uint[] TokenFeatures(byte elsewhere)
        {
            extractor.Extract(input, features, counts);
            byte[] firstPass = [elsewhere, 0, 0, 0, 0, (byte)NerLabel.Begin(EntityType.Person), 0];
            int before = counts[5];
            extractor.AppendDocumentFeatures(input, firstPass, features, counts);
            Assert.True(counts[5] > before);
            return features.AsSpan(5 * FeatureExtractor.MaxFeaturesPerToken, counts[5]).ToArray();
        }
        var person = TokenFeatures((byte)NerLabel.Begin(EntityType.Person));
        var place = TokenFeatures((byte)NerLabel.Begin(EntityType.Place));
        Assert.NotEqual(person, place);
        Assert.Equal(person, TokenFeatures((byte)NerLabel.Begin(EntityType.Person)));
    }

    [Fact]
    public void A_model_with_a_document_stage_tags_and_survives_a_round_trip()
    {
        var extractor = new FeatureExtractor(Gazetteer.Empty);
        var model = new PerceptronTrainer(extractor, new PerceptronTrainerOptions { Epochs = 5, MinimumFeatureCount = 1 }).TrainStacked(ToyCorpus(), folds: 2);
        Assert.NotNull(model.DocumentStage);
        var input = TaggingInput.FromSentences([["Minister", "Achebe", "said", "that", "the", "train", "reached", "Morvale", "."]]);
        var tagger = new MentionTagger(model, Gazetteer.Empty);
        Assert.Contains(tagger.Tag(input), n => n.FirstToken == 1 && n.EndToken == 2 && n.Type == EntityType.Person);

        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;
        var reread = PerceptronModel.Read(stream);
        Assert.NotNull(reread.DocumentStage);
        Assert.Equal(model.DocumentStage!.FeatureCount, reread.DocumentStage!.FeatureCount);
        Assert.Equal(tagger.Label(input), new MentionTagger(reread, Gazetteer.Empty).Label(input));
    }

    [Fact]
    public void Words_used_alike_share_a_cluster_and_the_clusters_survive_a_model_round_trip()
    {
        var sentences = new List<IReadOnlyList<string>>();
        foreach (string town in new[] { "Varbergen", "Ostmark", "Kellwick" })
        {
            for (int k = 0; k < 4; k++) sentences.Add(["the", "train", "reached", town, "at", "noon"]);
        }
        foreach (string verb in new[] { "ate", "cooked", "served" })
        {
            for (int k = 0; k < 4; k++) sentences.Add(["she", verb, "the", "soup", "slowly"]);
        }
        var clusters = WordClusters.Build(sentences, new WordClusters.Options { Clusters = 4, ContextWords = 20, MinimumCount = 2 });
        Assert.Equal(clusters.Of("Varbergen"), clusters.Of("Kellwick"));
        Assert.Equal(clusters.Of("ate"), clusters.Of("served"));
        Assert.NotEqual(clusters.Of("Varbergen"), clusters.Of("ate"));
        Assert.Equal(WordClusters.Unknown, clusters.Of("Morvale"));

        var extractor = new FeatureExtractor(Gazetteer.Empty, clusters: clusters);
        var model = new PerceptronTrainer(extractor, new PerceptronTrainerOptions { Epochs = 2, MinimumFeatureCount = 1 }).Train(ToyCorpus());
        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;
        var reread = PerceptronModel.Read(stream);
        Assert.Equal(clusters.Of("Ostmark"), reread.Clusters.Of("Ostmark"));
        Assert.Equal(clusters.Count, reread.Clusters.Count);
    }

    [Fact]
    public void Training_is_reproducible_for_a_seed()
    {
        var extractor = new FeatureExtractor(Gazetteer.Empty);
        var options = new PerceptronTrainerOptions { Epochs = 3, MinimumFeatureCount = 1, Seed = 7 };
        byte[] Bytes()
        {
            using var stream = new MemoryStream();
            new PerceptronTrainer(extractor, options).Train(ToyCorpus()).Write(stream);
            return stream.ToArray();
        }
        Assert.Equal(Bytes(), Bytes());
    }

    [Fact]
    public void A_stream_that_is_no_model_is_refused()
    {
        using var stream = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
            gzip.Write("not a model"u8);
        stream.Position = 0;
        Assert.ThrowsAny<Exception>(() => PerceptronModel.Read(stream));
    }

    [Fact]
    public void Partial_labels_constrain_decoding()
    {
        var emissions = new float[3 * NerLabel.Count];
        emissions[0 * NerLabel.Count + 1] = 5; // the model prefers B-PER on the first token
        var transitions = new float[(NerLabel.Count + 1) * NerLabel.Count];
        ushort[] allowed = [1 << NerLabel.Outside, NerLabel.AllLabels, NerLabel.AllLabels];
        var labels = new byte[3];
        Viterbi.Decode(emissions, 3, transitions, allowed, labels);
        Assert.Equal(NerLabel.Outside, labels[0]);
        Viterbi.Decode(emissions, 3, transitions, default, labels);
        Assert.Equal(1, labels[0]);
    }

    [Fact]
    public void Decoding_never_starts_a_name_inside()
    {
        var emissions = new float[2 * NerLabel.Count];
        emissions[2] = 10; // I-PER at the start of a sentence
        var labels = new byte[2];
        Viterbi.Decode(emissions, 2, new float[(NerLabel.Count + 1) * NerLabel.Count], default, labels);
        Assert.NotEqual(2, labels[0]);
    }
}

public sealed class ShippedModelTests
{
    [Fact]
    public void The_shipped_model_and_gazetteer_load()
    {
        using (var stream = typeof(EntityModels).Assembly.GetManifestResourceStream(EntityModels.TaggerResource)!)
            Assert.True(PerceptronModel.Read(stream).FeatureCount > 1000);
        using (var stream = typeof(EntityModels).Assembly.GetManifestResourceStream(EntityModels.GazetteerResource)!)
            Assert.True(Gazetteer.Read(stream).NameCount > 10_000);
    }

    [Fact]
    public void The_shipped_gazetteer_knows_countries_capitals_and_demonyms()
    {
        var gazetteer = EntityModels.Gazetteer;
        Assert.True(gazetteer.TryGetPlace("France", out var france));
        Assert.Equal(GazetteerKind.Country, france.Kind);
        Assert.True(gazetteer.TryGetPlace("Lisbon", out var lisbon));
        Assert.InRange(lisbon.Latitude, 38, 39);
        Assert.True(gazetteer.TryGetDemonym("Germans", out var germany));
        Assert.Equal("Germany", germany.Name);
        Assert.False(gazetteer.TryGetPlace("lisbon", out _));
    }

    [Fact]
    public void The_shipped_tagger_finds_people_and_places_in_a_new_sentence()
    {
        var tagger = new MentionTagger(EntityModels.TaggerModel!, EntityModels.Gazetteer);
        var input = TaggingInput.FromSentences([["Ambassador", "Kerrigan", "flew", "from", "Madrid", "to", "Vienna", "on", "Friday", "."]]);
        var names = tagger.Tag(input);
        Assert.Contains(names, n => n.Type == EntityType.Person && input.Word(n.EndToken - 1).SequenceEqual("Kerrigan"));
        Assert.Contains(names, n => n.Type == EntityType.Place && input.Word(n.FirstToken).SequenceEqual("Vienna"));
    }
}
