using Annalist.Core.Entities;
using Annalist.Core.Entities.Gazetteers;
using Annalist.Core.Entities.Tagging;

namespace Annalist.Core.Tests.Entities;

public sealed class BrownClustersTests
{
    // Two kinds of word in the same slots of many sentences: towns after "to"/"from", verbs after "she".
    private static List<IReadOnlyList<string>> Text()
    {
        string[] towns = ["Varbergen", "Kellwick", "Ostmark", "Dunmore"];
        string[] verbs = ["walked", "drove", "rode", "sailed"];
        string[] people = ["Brandt", "Okafor", "Novak"];
        var sentences = new List<IReadOnlyList<string>>();
        for (int round = 0; round < 6; round++)
        {
            foreach (string town in towns)
            {
                foreach (string verb in verbs) sentences.Add(["she", verb, "to", town, "."]);
                sentences.Add(["they", "came", "from", town, "yesterday", "."]);
            }
            foreach (string person in people)
            {
                sentences.Add(["Mr.", person, "said", "so", "."]);
                sentences.Add(["she", "met", "Mr.", person, "."]);
            }
        }
        return sentences;
    }

    private static string PathOf(BrownClusters clusters, string word)
    {
        Assert.True(clusters.TryGetPath(word, out uint path), word);
        return BrownClusters.PathString(path);
    }

    private static int SharedPrefix(string a, string b)
    {
        int k = 0;
        while (k < a.Length && k < b.Length && a[k] == b[k]) k++;
        return k;
    }

    [Fact]
    public void Words_used_alike_share_longer_path_prefixes_than_words_used_differently()
    {
        var clusters = BrownClusters.Build(Text(), new BrownClusters.Options { Clusters = 10, MinimumCount = 2 });
        string town = PathOf(clusters, "Varbergen"), otherTown = PathOf(clusters, "Dunmore");
        string verb = PathOf(clusters, "walked"), person = PathOf(clusters, "Okafor");
        Assert.True(SharedPrefix(town, otherTown) > SharedPrefix(town, verb), $"{town} {otherTown} {verb}");
        Assert.True(SharedPrefix(town, otherTown) > SharedPrefix(town, person), $"{town} {otherTown} {person}");
        Assert.True(SharedPrefix(verb, PathOf(clusters, "sailed")) > SharedPrefix(verb, person), string.Join(" ", clusters.Entries.Select(e => e.Key + "=" + BrownClusters.PathString(e.Value))));
        Assert.True(SharedPrefix(person, PathOf(clusters, "Novak")) > SharedPrefix(person, town));
        Assert.False(clusters.TryGetPath("Morvale", out _));
    }

    [Fact]
    public void Building_is_deterministic_and_every_word_seen_often_enough_gets_a_path()
    {
        var options = new BrownClusters.Options { Clusters = 4, MinimumCount = 2 };
        var first = BrownClusters.Build(Text(), options);
        var second = BrownClusters.Build(Text(), options);
        Assert.Equal(first.Entries, second.Entries);
        int distinctWords = Text().SelectMany(s => s).Distinct().Count();
        Assert.Equal(distinctWords, first.Count);
        Assert.Equal(4, first.Entries.Select(e => e.Value).Distinct().Count());
    }

    [Fact]
    public void A_word_in_capitals_falls_back_to_its_title_case_then_lower_case_path()
    {
        var clusters = new BrownClusters(new Dictionary<string, uint>
        {
            ["Kellwick"] = BrownClusters.Pack(0b1011, 4),
            ["treaty"] = BrownClusters.Pack(0b01, 2),
        });
        Assert.True(clusters.TryGetPath("KELLWICK", out uint town));
        Assert.Equal("1011", BrownClusters.PathString(town));
        Assert.True(clusters.TryGetPath("TREATY", out uint treaty));
        Assert.Equal("01", BrownClusters.PathString(treaty));
        Assert.True(clusters.TryGetPath("Treaty", out _));
        Assert.False(clusters.TryGetPath("kellwick", out _));
    }

    [Fact]
    public void Prefixes_cut_long_paths_and_keep_short_ones()
    {
        uint path = BrownClusters.Pack(0b110100, 6);
        Assert.Equal("1101", BrownClusters.PathString(BrownClusters.Prefix(path, 4)));
        Assert.Equal("110100", BrownClusters.PathString(BrownClusters.Prefix(path, 10)));
    }

    [Fact]
    public void Clusters_survive_their_file_and_the_tagger_model_round_trip()
    {
        var clusters = BrownClusters.Build(Text(), new BrownClusters.Options { Clusters = 5, MinimumCount = 2 });
        using (var stream = new MemoryStream())
        {
            clusters.Write(stream);
            stream.Position = 0;
            Assert.Equal(clusters.Entries, BrownClusters.Read(stream).Entries);
        }

        var extractor = new FeatureExtractor(Gazetteer.Empty, brown: clusters);
        var documents = new List<TrainingDocument>
        {
            new(TaggingInput.FromSentences([["she", "walked", "to", "Varbergen", "."]]), [0, 0, 0, (byte)NerLabel.Begin(EntityType.Place), 0]),
        };
        var model = new PerceptronTrainer(extractor, new PerceptronTrainerOptions { Epochs = 2, MinimumFeatureCount = 1 }).Train(documents);
        using var modelStream = new MemoryStream();
        model.Write(modelStream);
        modelStream.Position = 0;
        var reread = PerceptronModel.Read(modelStream);
        Assert.Equal(clusters.Entries, reread.Brown.Entries);
    }

    [Fact]
    public void A_damaged_clusters_file_is_rejected_as_bad_data()
    {
        using var stream = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new StreamWriter(gzip)) writer.Write("10x1\tword\n");
        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => BrownClusters.Read(stream));
    }

    [Fact]
    public void A_word_with_a_path_gets_path_features_and_one_without_does_not_get_them()
    {
        var clusters = BrownClusters.Build(Text(), new BrownClusters.Options { Clusters = 6, MinimumCount = 2 });
        var with = new FeatureExtractor(Gazetteer.Empty, brown: clusters);
        var without = new FeatureExtractor(Gazetteer.Empty);
        var input = TaggingInput.FromSentences([["Dunmore", "is", "far", "."]]);
        int Count(FeatureExtractor extractor)
        {
            var features = new uint[input.Count * FeatureExtractor.MaxFeaturesPerToken];
            var counts = new int[input.Count];
            extractor.Extract(input, features, counts);
            return counts[0];
        }
        Assert.True(Count(with) > Count(without));
    }
}
