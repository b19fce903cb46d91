using Annalist.Core.Errors;
using Annalist.Evaluation.Gold;

namespace Annalist.Evaluation.Tests.Gold;

public class GoldFileReaderTests
{
    [Fact]
    public void Reads_alternatives_defaults_and_absent_layers()
    {
        var gold = GoldFileReader.ReadFile(ExampleFiles.PathTo("delegates.gold.json"));

        Assert.Null(gold.ReferenceTime);
        Assert.Equal(["direct", "reported"], gold.TurnModes.ToArray());
        Assert.Null(gold.Events);
        Assert.Equal(2, gold.Timexes!.Value.Length);
        var convoy = GoldFileReader.ReadFile(ExampleFiles.PathTo("convoy.gold.json"));
        Assert.Equal(["Brandt", "Minister Brandt"], convoy.Entities!.Value[0].Mentions[0].ToArray());
        Assert.Equal(2, convoy.Timexes!.Value[1].Occurrence);
        Assert.Equal(12, convoy.Events!.Value[1].Items[0].Quantity);
    }

    [Theory]
    [InlineData("{\"format\": \"annalist-gold/1\", \"document\": ", "ANL1101")]
    [InlineData("{\"format\": \"annalist-gold/2\", \"document\": \"x.txt\"}", "ANL1102")]
    [InlineData("{\"document\": \"x.txt\"}", "ANL1102")]
    [InlineData("{\"format\": \"annalist-gold/1\"}", "ANL1103")]
    [InlineData("{\"format\": \"annalist-gold/1\", \"document\": \"x.txt\", \"timexes\": [{\"text\": \"May\"}]}", "ANL1103")]
    [InlineData("{\"format\": \"annalist-gold/1\", \"document\": \"x.txt\", \"timexes\": [{\"text\": \"May\", \"type\": \"DATE\", \"value\": \"X\", \"occurrence\": 0}]}", "ANL1103")]
    [InlineData("{\"format\": \"annalist-gold/1\", \"document\": \"x.txt\", \"quantities\": [{\"text\": \"two\"}]}", "ANL1103")]
    [InlineData("[1, 2]", "ANL1103")]
    [InlineData("{\"format\": \"annalist-gold/1\", \"document\": \"x.txt\", \"turns\": [{\"speaker\": \"nobody\", \"starts\": \"Yes\"}]}", "ANL1103")]
    [InlineData("{\"format\": \"annalist-gold/1\", \"document\": \"x.txt\", \"entities\": [{\"id\": \"a\", \"type\": \"person\", \"mentions\": [\"A\"]}], \"events\": [{\"type\": \"meeting\", \"evidence\": \"met\", \"roles\": {\"participants\": [\"a\", \"b\"]}}]}", "ANL1103")]
    [InlineData("{\"format\": \"annalist-gold/1\", \"document\": \"x.txt\", \"entities\": [{\"id\": \"a\", \"type\": \"person\", \"mentions\": [\"A\"]}, {\"id\": \"a\", \"type\": \"place\", \"mentions\": [\"B\"]}]}", "ANL1103")]
    public void Bad_gold_gives_a_coded_one_line_error(string json, string code)
    {
        var error = Assert.Throws<AnnalistException>(() => GoldFileReader.Parse(json, "bad.gold.json"));

        Assert.Equal(code, error.Code);
        Assert.DoesNotContain('\n', error.ToOneLine());
        Assert.Contains("bad.gold.json", error.Message);
    }

    [Fact]
    public void A_folder_stands_for_its_gold_files_in_order()
    {
        var files = GoldEvaluator.ExpandPaths([Path.GetDirectoryName(ExampleFiles.PathTo("convoy.gold.json"))!]);

        Assert.Equal(["convoy.gold.json", "delegates.gold.json", "volume-d1.gold.json"], files.Select(Path.GetFileName));
    }

    [Fact]
    public void A_missing_gold_file_is_ANL1001()
    {
        var error = Assert.Throws<AnnalistException>(() => GoldFileReader.ReadFile(Path.Combine(Path.GetTempPath(), "no-such-file.gold.json")));

        Assert.Equal("ANL1001", error.Code);
    }

    [Fact]
    public void A_string_not_in_the_document_is_ANL1104_naming_the_field()
    {
        var gold = GoldFileReader.Parse("""{"format": "annalist-gold/1", "document": "d.txt", "timexes": [{"text": "July", "type": "DATE", "value": "XXXX-07"}]}""", "g.json");

        var error = Assert.Throws<AnnalistException>(() => GoldResolver.Resolve(gold, "They met in June.", false, "d.txt"));

        Assert.Equal("ANL1104", error.Code);
        Assert.Contains("timexes[0].text", error.Message);
    }

    [Fact]
    public void A_later_occurrence_than_the_text_has_is_ANL1104()
    {
        var gold = GoldFileReader.Parse("""{"format": "annalist-gold/1", "document": "d.txt", "editorial": [{"kind": "gap", "text": "…", "occurrence": 2}]}""", "g.json");

        Assert.Equal("ANL1104", Assert.Throws<AnnalistException>(() => GoldResolver.Resolve(gold, "One … only.", false, "d.txt")).Code);
    }

    [Fact]
    public void A_core_mention_the_document_never_uses_is_ANL1104()
    {
        var gold = GoldFileReader.Parse("""{"format": "annalist-gold/1", "document": "d.txt", "entities": [{"id": "a", "type": "place", "name": "Oslo", "mentions": ["Oslo", "Christiania"]}]}""", "g.json");

        var error = Assert.Throws<AnnalistException>(() => GoldResolver.Resolve(gold, "They sailed from Oslo.", false, "d.txt"));

        Assert.Equal("ANL1104", error.Code);
        Assert.Contains("Christiania", error.Message);
    }

    [Fact]
    public void Mentions_inside_a_longer_mention_of_another_entity_are_left_out()
    {
        var gold = GoldFileReader.Parse("""
            {"format": "annalist-gold/1", "document": "d.txt", "entities": [
              {"id": "a", "type": "place", "name": "Ruritania", "mentions": ["Ruritania"]},
              {"id": "b", "type": "place", "name": "North Ruritania", "mentions": ["North Ruritania"]}]}
            """, "g.json");

        const string text = "North Ruritania is not Ruritania.";
        var resolved = GoldResolver.Resolve(gold, text, false, "d.txt");

        var kept = Assert.Single(resolved.Mentions[0].Occurrences);
        Assert.Equal(text.LastIndexOf("Ruritania", StringComparison.Ordinal), kept.Start);
        Assert.Single(resolved.Mentions[1].Occurrences);
    }
}
