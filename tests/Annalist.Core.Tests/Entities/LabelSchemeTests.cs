using Annalist.Core.Entities;
using Annalist.Core.Entities.Gazetteers;
using Annalist.Core.Entities.Tagging;

namespace Annalist.Core.Tests.Entities;

public sealed class LabelSchemeTests
{
    private static readonly byte BPer = (byte)NerLabel.Begin(EntityType.Person), IPer = (byte)NerLabel.Inside(EntityType.Person);
    private static readonly byte BPlace = (byte)NerLabel.Begin(EntityType.Place);

    [Fact]
    public void Bilou_marks_last_words_and_one_word_names_and_reads_back_as_the_same_bio()
    {
        byte[] bio = [0, BPer, IPer, IPer, 0, BPlace, BPer];
        var bilou = new byte[bio.Length];
        LabelScheme.Bilou.FromBio(bio, bilou);
        Assert.Equal(["O", "B-PER", "I-PER", "L-PER", "O", "U-PLACE", "U-PER"], bilou.Select(l => LabelScheme.Bilou.Name(l)));
        LabelScheme.Bilou.ToBio(bilou);
        Assert.Equal(bio, bilou);
    }

    [Fact]
    public void An_inside_label_with_no_name_open_begins_one()
    {
        byte[] bio = [0, IPer, IPer];
        var bilou = new byte[bio.Length];
        LabelScheme.Bilou.FromBio(bio, bilou);
        Assert.Equal(["O", "B-PER", "L-PER"], bilou.Select(l => LabelScheme.Bilou.Name(l)));
    }

    [Fact]
    public void Bilou_sequences_must_close_what_they_open()
    {
        var s = LabelScheme.Bilou;
        int b = 1, i = 2, l = 3, u = 4, bPlace = 5, lPlace = 7;
        Assert.True(s.CanFollow(-1, b));
        Assert.False(s.CanFollow(-1, i));
        Assert.False(s.CanFollow(-1, l));
        Assert.True(s.CanFollow(b, l));
        Assert.False(s.CanFollow(b, 0));
        Assert.False(s.CanFollow(b, lPlace));
        Assert.True(s.CanFollow(l, bPlace));
        Assert.True(s.CanFollow(u, u));
        Assert.False(s.CanEnd(b));
        Assert.False(s.CanEnd(i));
        Assert.True(s.CanEnd(l) && s.CanEnd(u) && s.CanEnd(0));
        Assert.True(LabelScheme.Bio.CanEnd(BPer));
    }

    [Fact]
    public void A_bio_mask_allows_the_matching_bilou_labels()
    {
        var mask = LabelScheme.Bilou.FromBioMask((ushort)(1 << BPer));
        Assert.Equal((1 << 1) | (1 << 4), mask);
        Assert.Equal((1 << LabelScheme.Bilou.Count) - 1, LabelScheme.Bilou.FromBioMask(NerLabel.AllLabels));
        Assert.Equal(NerLabel.AllLabels, LabelScheme.Bio.FromBioMask(NerLabel.AllLabels));
    }

    [Fact]
    public void Bilou_decoding_never_leaves_a_name_open_at_the_sentence_end()
    {
        var s = LabelScheme.Bilou;
        var emissions = new float[2 * s.Count];
        emissions[1] = 10; // B-PER on the first token
        emissions[s.Count + 2] = 10; // I-PER on the last
        var labels = new byte[2];
        Viterbi.Decode(s, emissions, 2, new float[(s.Count + 1) * s.Count], default, labels);
        Assert.True(s.CanEnd(labels[1]));
        Assert.Equal(["B-PER", "L-PER"], labels.Select(l => s.Name(l)));
    }

    [Fact]
    public void A_bilou_model_trains_tags_and_survives_a_round_trip()
    {
        string[] people = ["Brandt", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Novak"];
        string[] towns = ["Varbergen", "Ostmark", "Kellwick", "Dunmore", "Rastow", "Telbury"];
        var documents = new List<TrainingDocument>();
        for (int k = 0; k < people.Length; k++)
        {
            documents.Add(new TrainingDocument(TaggingInput.FromSentences([["Minister", "Anna", people[k], "said", "so", "."]]), [0, BPer, IPer, 0, 0, 0]));
            documents.Add(new TrainingDocument(TaggingInput.FromSentences([["The", "train", "reached", towns[k], "at", "noon", "."]]), [0, 0, 0, BPlace, 0, 0, 0]));
        }
        var options = new PerceptronTrainerOptions { Epochs = 10, MinimumFeatureCount = 1, Scheme = LabelScheme.Bilou };
        var model = new PerceptronTrainer(new FeatureExtractor(Gazetteer.Empty), options).Train(documents);
        Assert.Same(LabelScheme.Bilou, model.Scheme);
        var input = TaggingInput.FromSentences([["Minister", "Anna", "Achebe", "said", "so", "."], ["The", "train", "reached", "Morvale", "at", "noon", "."]]);
        var tagger = new MentionTagger(model, Gazetteer.Empty);
        var labels = tagger.Label(input);
        Assert.All(labels, l => Assert.InRange(l, 0, NerLabel.Count - 1)); // BIO out, whatever the scheme
        var names = tagger.Tag(input);
        Assert.True(names.Any(n => n.FirstToken == 1 && n.EndToken == 3 && n.Type == EntityType.Person), string.Join(' ', labels));
        Assert.True(names.Any(n => n.FirstToken == 9 && n.EndToken == 10 && n.Type == EntityType.Place), string.Join(' ', labels));

        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;
        var reread = PerceptronModel.Read(stream);
        Assert.Same(LabelScheme.Bilou, reread.Scheme);
        Assert.Equal(labels, new MentionTagger(reread, Gazetteer.Empty).Label(input));
    }
}
