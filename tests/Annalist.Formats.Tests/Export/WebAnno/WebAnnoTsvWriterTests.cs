using System.Text;
using Annalist.Formats.Export;
using Annalist.Formats.Export.WebAnno;
using static Annalist.Formats.Tests.Export.ExportFixtures;

namespace Annalist.Formats.Tests.Export.WebAnno;

public class WebAnnoTsvWriterTests
{
    private static string Write(ExportDocument document)
    {
        using var buffer = new MemoryStream();
        new WebAnnoTsvWriter().Write(document, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void Sentences_tokens_and_named_entities_are_written_as_TSV_3_3()
    {
        const string text = "Dr. Ana Ruiz_Paz met [Bo].\nThey left Rome.";
        int[][] tokens = [[0, 3], [4, 7], [8, 16], [17, 20], [21, 22], [22, 24], [24, 25], [25, 26], [27, 31], [32, 36], [37, 41], [41, 42]];
        var rows = new List<(string, int, int, string)>
        {
            ("sentences", 0, 26, "{}"),
            ("sentences", 27, 42, "{}"),
            ("mentions", 4, 16, Fields(new { type = "person", entity = "ana" })),
            ("mentions", 22, 24, Fields(new { type = "person", entity = "bo" })),
            ("mentions", 37, 41, Fields(new { type = "place", entity = "rome" })),
            ("mentions", 37, 41, Fields(new { type = "organization" })),
        };
        rows.AddRange(tokens.Select(t => ("tokens", t[0], t[1], "{}")));

        var lines = Write(Stored(text, [.. rows])).Split('\n');

        Assert.Equal("#FORMAT=WebAnno TSV 3.3", lines[0]);
        Assert.Equal("#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value", lines[1]);
        Assert.Equal(["", ""], lines[2..4]);
        Assert.Equal("#Text=Dr. Ana Ruiz_Paz met [Bo].", lines[4]);
        Assert.Equal("1-1\t0-3\tDr.\t_\t_\t", lines[5]);
        Assert.Equal("1-2\t4-7\tAna\tana[1]\tPER[1]\t", lines[6]);
        Assert.Equal("1-3\t8-16\tRuiz\\_Paz\tana[1]\tPER[1]\t", lines[7]);
        Assert.Equal("1-5\t21-22\t\\[\t_\t_\t", lines[9]);
        Assert.Equal("1-6\t22-24\tBo\tbo\tPER\t", lines[10]);
        Assert.Equal("#Text=They left Rome.", lines[14]);
        Assert.Equal("2-3\t37-41\tRome\trome|*\tLOC|ORG\t", lines[17]); // equal spans in the order of their fields (keys sorted)
        foreach (string line in lines.Where(line => line.Length > 0 && !line.StartsWith('#')))
        {
            var columns = line.Split('\t');
            Assert.Equal(6, columns.Length);
            var offsets = columns[1].Split('-').Select(int.Parse).ToArray();
            Assert.Equal(WebAnnoTsvWriter.Escape(text[offsets[0]..offsets[1]]), columns[2]);
        }
    }

    [Fact]
    public void Tokens_outside_every_sentence_form_sentences_of_their_own()
    {
        const string text = "Heading\n\nOne two.";
        var lines = Write(Stored(text, ("sentences", 9, 17, "{}"), ("tokens", 0, 7, "{}"), ("tokens", 9, 12, "{}"), ("tokens", 13, 16, "{}"), ("tokens", 16, 17, "{}"))).Split('\n');

        Assert.Equal(["#Text=Heading", "1-1\t0-7\tHeading\t_\t_\t", "", "#Text=One two.", "2-1\t9-12\tOne\t_\t_\t"], lines[4..9]);
    }
}
