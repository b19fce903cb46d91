using Annalist.Core.Entities;
using Annalist.Core.Entities.Gazetteers;
using Annalist.Core.Entities.Tagging;
using Annalist.Tests;

namespace Annalist.Core.Tests.Entities;

public sealed class GivenNamesTests
{
    private const string Table = "name\tbirths\tfemale_share\nOrla\t25000\t0.990\nBram\t4000\t0.010\nSkye\t2500000\t0.600\nbroken line\nNoCount\tmany\t0.5\n";

    private static GivenNames Small() => GivenNames.ReadTable(new StringReader(Table));

    [Fact]
    public void The_table_reads_names_in_any_case_and_skips_lines_that_do_not_parse()
    {
        var names = Small();
        Assert.Equal(3, names.Count);
        Assert.True(names.TryGet("ORLA", out var orla));
        Assert.Equal(25000, orla.Births);
        Assert.True(names.TryGet("bram", out _));
        Assert.False(names.TryGet("NoCount", out _));
        Assert.False(names.TryGet("Table", out _));
    }

    [Fact]
    public void Gender_shares_add_up_to_one_and_are_false_for_an_unlisted_name()
    {
        var names = Small();
        Assert.True(names.TryGetGender("Skye", out float female, out float male));
        Assert.Equal(0.6f, female, 3);
        Assert.Equal(0.4f, male, 3);
        Assert.True(names.TryGetGender("Bram", out female, out _));
        Assert.True(female < 0.05f);
        Assert.False(names.TryGetGender("Quillon", out female, out male));
        Assert.Equal(0f, female + male);
    }

    [Fact]
    public void Frequency_bins_grow_with_the_number_of_births()
    {
        var names = Small();
        Assert.Equal(0, names.FrequencyBin("Quillon"));
        Assert.Equal(1, names.FrequencyBin("Bram"));
        Assert.Equal(2, names.FrequencyBin("Orla"));
        Assert.Equal(4, names.FrequencyBin("Skye"));
        Assert.Equal(0, names.FrequencyBin(new string('a', 200)));
    }

    [Fact]
    public void The_compact_form_reads_back_the_same_entries_and_is_deterministic()
    {
        var names = Small();
        using var first = new MemoryStream();
        names.Write(first);
        using var second = new MemoryStream();
        names.Write(second);
        Assert.Equal(first.ToArray(), second.ToArray());
        first.Position = 0;
        var back = GivenNames.Read(first);
        Assert.Equal(names.Count, back.Count);
        Assert.True(back.TryGet("Orla", out var orla));
        Assert.Equal(0.99f, orla.FemaleShare, 3);
    }

    [Fact]
    public void The_generated_list_is_large_and_knows_common_names_of_both_sexes()
    {
        using var table = File.OpenText(Path.Combine(SharedData.RepositoryRoot, "data", "gazetteers", "given-names.tsv"));
        var shipped = GivenNames.ReadTable(table);
        Assert.True(shipped.Count > 5000, $"{shipped.Count} names");
        Assert.True(shipped.TryGetGender("Margaret", out float female, out _) && female > 0.9f);
        Assert.True(shipped.TryGetGender("Robert", out female, out _) && female < 0.1f);
    }

    [Fact]
    public void Only_a_common_given_name_changes_its_own_features_and_not_its_neighbours_or_a_rare_name()
    {
        var names = GivenNames.ReadTable(new StringReader("name\tbirths\tfemale_share\nOrla\t250000\t0.99\nBram\t40000\t0.01\n"));
        var with = new FeatureExtractor(Gazetteer.Empty, givenNames: names);
        var without = new FeatureExtractor(Gazetteer.Empty);
        var input = TaggingInput.FromSentences([["Yesterday", "Orla", "Penhallow", "met", "Bram", "Kell"]]);
        Assert.NotEqual(Features(without, input, 1), Features(with, input, 1));
        Assert.Equal(Features(without, input, 0), Features(with, input, 0));
        Assert.Equal(Features(without, input, 3), Features(with, input, 3));
        Assert.Equal(Features(without, input, 2), Features(with, input, 2));
        // A rare name gives no evidence: a tagger that leans on rare listed names learns little for names no list has.
        Assert.Equal(Features(without, input, 4), Features(with, input, 4));
    }

    [Fact]
    public void A_given_name_the_text_also_writes_in_lower_case_has_a_feature_of_its_own()
    {
        var names = GivenNames.ReadTable(new StringReader("name\tbirths\tfemale_share\nHope\t190000\t0.99\n"));
        var extractor = new FeatureExtractor(Gazetteer.Empty, givenNames: names);
        var named = TaggingInput.FromSentences([["They", "asked", "Hope", "twice"]]);
        var alsoLower = TaggingInput.FromSentences([["They", "asked", "Hope", "twice"], ["There", "was", "hope"]]);
        Assert.Equal(Features(extractor, named, 2).Length + 1, Features(extractor, alsoLower, 2).Length);
    }

    [Fact]
    public void What_the_document_says_of_a_word_elsewhere_counts_where_it_stands_alone()
    {
        var names = GivenNames.ReadTable(new StringReader("name\tbirths\tfemale_share\nOrla\t250000\t0.99\n"));
        var extractor = new FeatureExtractor(Gazetteer.Empty, givenNames: names);
        var alone = TaggingInput.FromSentences([["Penhallow", "left", "early"], ["Vask", "came", "back"]]);
        // Later in the same document: unlisted names next to a speech verb, before it and after it.
        var told = TaggingInput.FromSentences([["Penhallow", "left", "early"], ["Vask", "came", "back"], ["\"", "No", ",", "\"", "said", "Penhallow", "."], ["\"", "No", ",", "\"", "Vask", "said", "."]]);
        Assert.Equal(Features(extractor, alone, 0).Length + 1, Features(extractor, told, 0).Length);
        Assert.Equal(Features(extractor, alone, 3).Length + 1, Features(extractor, told, 3).Length);
        Assert.Equal(Features(extractor, alone, 1), Features(extractor, told, 1));
        // Without a given-name list none of this is computed (the tagger trained without one is unchanged).
        var plain = new FeatureExtractor(Gazetteer.Empty);
        Assert.Equal(Features(plain, alone, 3).Length, Features(plain, told, 3).Length);
    }

    private static uint[] Features(FeatureExtractor extractor, TaggingInput input, int token)
    {
        var features = new uint[input.Count * FeatureExtractor.MaxFeaturesPerToken];
        var counts = new int[input.Count];
        extractor.Extract(input, features, counts);
        return features.AsSpan(token * FeatureExtractor.MaxFeaturesPerToken, counts[token]).ToArray();
    }
}
