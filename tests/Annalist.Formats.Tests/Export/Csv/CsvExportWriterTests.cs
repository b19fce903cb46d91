using System.Text;
using Annalist.Formats.Export.Csv;
using static Annalist.Formats.Tests.Export.ExportFixtures;

namespace Annalist.Formats.Tests.Export.Csv;

public class CsvExportWriterTests
{
    /// <summary>An RFC 4180 reader, written here so the writer is checked against the standard, not against itself.</summary>
    private static List<List<string>> Read(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r' when i + 1 < csv.Length && csv[i + 1] == '\n':
                    row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; i++;
                    break;
                default:
                    Assert.False(c == '\n', "a bare line feed ends a row: RFC 4180 wants CRLF");
                    field.Append(c);
                    break;
            }
        }
        Assert.False(quoted, "a quoted field is never closed");
        Assert.Equal(0, field.Length + row.Count);
        return rows;
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("", "")]
    public void Fields_are_quoted_as_RFC_4180_says(string value, string expected) =>
        Assert.Equal(expected, CsvTable.Quote(value));

    [Fact]
    public void Every_span_comes_back_with_its_offsets_and_text()
    {
        const string text = "Envoy \"Kaz\" Orlov, of Minsk,\r\nmet Mrs. Lee on 5 May 1950; she said: \"No, never.\"";
        var (ks, ke) = Find(text, "\"Kaz\" Orlov, of Minsk,\r\nmet");
        var (ls, le) = Find(text, "Mrs. Lee");
        var (ds, de) = Find(text, "5 May 1950");
        var (ts, te) = Find(text, "No, never.");
        var document = Stored(text,
            ("mentions", ks, ke, Fields(new { type = "person", entity = "orlov" })),
            ("mentions", ls, le, Fields(new { type = "person", entity = "lee" })),
            ("entities", ks, ke, Fields(new { id = "orlov", type = "person", name = "Kaz Orlov", aliases = new[] { "Orlov", "Kaz, Orlov" }, roles = new[] { "Envoy" }, mentions = new[] { new[] { ks, ke } } })),
            ("entities", ls, le, Fields(new { id = "lee", type = "person", name = "Mrs. Lee", mentions = new[] { new[] { ls, le } } })),
            ("timexes", ds, de, Fields(new { type = "DATE", value = "1950-05-05", edtf = "1950-05-05" })),
            ("turns", ts, te, Fields(new { speakers = new[] { "lee" }, mode = "direct", addressees = new[] { "orlov" } })));
        string folder = Path.Combine(Path.GetTempPath(), "annalist-csv-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var writer = new CsvExportWriter(folder))
            {
                writer.Add(document);
                Assert.Equal(CsvExportWriter.TableNames.Count, writer.Complete().Count);
            }

            var mentions = Read(File.ReadAllText(Path.Combine(folder, "mentions.csv")));
            Assert.Equal(["document", "start", "end", "text", "type", "entity"], mentions[0]);
            Assert.Equal(3, mentions.Count);
            foreach (var row in mentions.Skip(1))
            {
                int start = int.Parse(row[1]), end = int.Parse(row[2]);
                Assert.Equal(text[start..end], row[3]);
                Assert.Equal("test#1", row[0]);
            }
            var entity = Read(File.ReadAllText(Path.Combine(folder, "entities.csv")))[1];
            Assert.Equal("Orlov; Kaz, Orlov", entity[4]);
            var turn = Read(File.ReadAllText(Path.Combine(folder, "turns.csv")))[1];
            Assert.Equal(["No, never.", "direct", "lee"], turn.Skip(3).Take(3));
            var edges = Read(File.ReadAllText(Path.Combine(folder, "edges.csv")));
            var edge = Assert.Single(edges.Skip(1));
            Assert.Equal("1", edge[3]);
            Assert.Equal(["Kaz Orlov"], Read(File.ReadAllText(Path.Combine(folder, "nodes.csv"))).Skip(1).Select(row => row[1]).Where(label => label.StartsWith('K')));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_turn_s_speaker_role_has_its_column_and_a_person_s_turn_leaves_it_empty()
    {
        const string text = "Q: Has the treaty been signed?\r\nA: Not yet.";
        var (qs, qe) = Find(text, "Has the treaty been signed?");
        var (as_, ae) = Find(text, "Not yet.");
        var document = Stored(text,
            ("turns", qs, qe, Fields(new { speakers = Array.Empty<string>(), mode = "direct", speaker_text = "Q", speaker_role = "press" })),
            ("turns", as_, ae, Fields(new { speakers = new[] { "vellacott" }, mode = "direct", speaker_text = "A" })));
        string folder = Path.Combine(Path.GetTempPath(), "annalist-csv-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var writer = new CsvExportWriter(folder)) writer.Add(document);
            var turns = Read(File.ReadAllText(Path.Combine(folder, "turns.csv")));
            int role = turns[0].IndexOf("speaker_role");
            Assert.True(role >= 0, "turns.csv has a speaker_role column");
            Assert.Equal(["press", ""], turns.Skip(1).Select(row => row[role]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
