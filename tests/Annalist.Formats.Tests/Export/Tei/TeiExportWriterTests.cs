using System.Xml.Linq;
using Annalist.Core.Errors;
using Annalist.Formats.Export;
using Annalist.Formats.Export.Tei;
using static Annalist.Formats.Tests.Export.ExportFixtures;

namespace Annalist.Formats.Tests.Export.Tei;

/// <summary>How the TEI writer places spans: nesting, splitting where they cross, escaping, ids and dates.</summary>
public class TeiExportWriterTests
{
    private static readonly XNamespace Tei = TeiExportWriter.Namespace;
    private static readonly XNamespace Xml = XNamespace.Xml;

    // Two paragraphs; a turn runs over both, and a name crosses the turn's start.
    private const string Text = "Said the Lord Mayor Ada Quill: we will build it.\n\nAnd we will pay for it, she added.";

    private static ExportDocument Crossing()
    {
        var (p1s, p1e) = Find(Text, "Said the Lord Mayor Ada Quill: we will build it.");
        var (p2s, p2e) = Find(Text, "And we will pay for it, she added.");
        var (ts, _) = Find(Text, "Quill: we");
        var (_, te) = Find(Text, "pay for it");
        var (ms, me) = Find(Text, "Lord Mayor Ada Quill");
        return Stored(Text,
            ("paragraphs", p1s, p1e, "{}"),
            ("paragraphs", p2s, p2e, "{}"),
            ("entities", ms, me, Fields(new { id = "ada-quill", type = "person", name = "Ada Quill", aliases = new[] { "Ada Quill" }, roles = new[] { "Lord Mayor" }, mentions = new[] { new[] { ms, me } } })),
            ("mentions", ms, me, Fields(new { type = "person", entity = "ada-quill" })),
            ("turns", ts, te, Fields(new { speakers = new[] { "ada-quill" }, mode = "direct" })));
    }

    // A press conference and a delegation's voice: turns no person holds.
    internal const string VoicesText = "Q: Will the talks resume?\nA: Not this week.\n\nThe Nordland side said that it would wait. The Nordland side then asked for a recess.";

    internal static ExportDocument Voices()
    {
        var (qs, qe) = Find(VoicesText, "Will the talks resume?");
        var (q1, q2) = Find(VoicesText, "Q");
        var (s1s, s1e) = Find(VoicesText, "it would wait");
        var (s2s, s2e) = Find(VoicesText, "for a recess");
        var (c1s, c1e) = Find(VoicesText, "The Nordland side said that");
        var (c2s, c2e) = Find(VoicesText, "The Nordland side then asked");
        var (ns, ne) = Find(VoicesText, "Nordland");
        return Stored(VoicesText,
            ("entities", ns, ne, Fields(new { id = "nordland", type = "place", name = "Nordland", aliases = new[] { "Nordland" }, roles = Array.Empty<string>(), mentions = new[] { new[] { ns, ne } } })),
            ("turns", qs, qe, Fields(new { speakers = Array.Empty<string>(), mode = "direct", cue = new { start = q1, end = q2 + 1 }, speaker_text = "Q", speaker_role = "press" })),
            ("turns", s1s, s1e, Fields(new { speakers = new[] { "nordland" }, mode = "reported", cue = new { start = c1s, end = c1e }, speaker_text = "The Nordland side", speaker_role = "group" })),
            ("turns", s2s, s2e, Fields(new { speakers = new[] { "nordland" }, mode = "reported", cue = new { start = c2s, end = c2e }, speaker_text = "the Nordland side", speaker_role = "group" })));
    }

    [Fact]
    public void Turns_no_person_holds_point_to_a_personGrp_with_the_speakers_role_and_the_sides_affiliation()
    {
        var xml = Parse(new TeiExportWriter().ToXml(Voices()));

        var groups = xml.Descendants(Tei + "personGrp").ToList();
        Assert.Equal(2, groups.Count);
        var press = Assert.Single(groups, g => (string?)g.Attribute("role") == "press");
        Assert.Equal("Q", press.Element(Tei + "persName")?.Value);
        var side = Assert.Single(groups, g => (string?)g.Attribute("role") == "group");
        Assert.Equal("The Nordland side", side.Element(Tei + "persName")?.Value);
        Assert.Equal("#place-nordland", (string?)side.Element(Tei + "affiliation")?.Attribute("ref"));
        var said = xml.Descendants(Tei + "said").ToList();
        Assert.Equal(3, said.Count);
        Assert.Equal("#" + (string?)press.Attribute(Xml + "id"), (string?)said[0].Attribute("who"));
        // Both of the side's turns are one voice, whatever the case of their speaker words.
        Assert.All(said.Skip(1), s => Assert.Equal("#" + (string?)side.Attribute(Xml + "id"), (string?)s.Attribute("who")));
    }

    private static XDocument Parse(string xml) => XDocument.Parse(xml, LoadOptions.PreserveWhitespace);

    private static string BodyText(XDocument xml) =>
        string.Concat(xml.Descendants(Tei + "div").First().DescendantNodes().OfType<XText>().Select(node => node.Value));

    [Fact]
    public void A_span_crossing_others_is_split_into_linked_parts_and_no_text_is_lost()
    {
        var xml = Parse(new TeiExportWriter().ToXml(Crossing()));

        Assert.Equal(Text, BodyText(xml));
        var paragraphs = xml.Descendants(Tei + "p").Where(p => p.Ancestors(Tei + "div").Any()).ToList();
        Assert.Equal(2, paragraphs.Count);
        // The name starts first, so the turn is split at the name's end, then at the paragraph's end: three parts.
        var parts = xml.Descendants(Tei + "said").ToList();
        Assert.Equal(3, parts.Count);
        Assert.All(parts, part => Assert.Equal("#person-ada-quill", (string?)part.Attribute("who")));
        Assert.Equal("Quill", parts[0].Value);
        Assert.Same(paragraphs[1], parts[2].Parent);
        Assert.Equal("And we will pay for it", parts[2].Value);
        for (int i = 0; i + 1 < parts.Count; i++)
        {
            Assert.Equal("#" + (string?)parts[i + 1].Attribute(Xml + "id"), (string?)parts[i].Attribute("next"));
            Assert.Equal("#" + (string?)parts[i].Attribute(Xml + "id"), (string?)parts[i + 1].Attribute("prev"));
        }
        var name = Assert.Single(xml.Descendants(Tei + "persName"), n => n.Ancestors(Tei + "body").Any());
        Assert.Equal("Lord Mayor Ada Quill", name.Value);
        Assert.Equal("#person-ada-quill", (string?)name.Attribute("ref"));
    }

    [Fact]
    public void The_header_lists_people_with_ids_names_and_roles()
    {
        var xml = Parse(new TeiExportWriter().ToXml(Crossing()));

        var person = Assert.Single(xml.Descendants(Tei + "listPerson").Elements(Tei + "person"));
        Assert.Equal("person-ada-quill", (string?)person.Attribute(Xml + "id"));
        Assert.Equal("Ada Quill", person.Element(Tei + "persName")!.Value);
        Assert.Equal("Lord Mayor", person.Element(Tei + "occupation")!.Value);
    }

    [Fact]
    public void Characters_XML_forbids_are_replaced_one_for_one_with_a_diagnostic()
    {
        const string text = "Bell\u0007 and <tag> & \"quotes\"\r\nnext \uDC00 line \U0001F30D";
        var document = Stored(text, ("paragraphs", 0, text.Length, "{}"));
        using var buffer = new MemoryStream();

        var diagnostics = new TeiExportWriter().Write(document, buffer);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(ErrorCatalogue.XmlForbiddenCharacters.Code, diagnostic.Code);
        Assert.Contains("2 character(s)", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("U+0007 at offset 4", diagnostic.Message, StringComparison.Ordinal);
        buffer.Position = 0;
        var xml = XDocument.Load(buffer, LoadOptions.PreserveWhitespace);
        Assert.Equal(text.Replace('\u0007', '\uFFFD').Replace('\uDC00', '\uFFFD'), BodyText(xml));
    }

    [Fact]
    public void Entity_ids_become_unique_NCNames()
    {
        var document = Stored("9 Ivan Ivan",
            ("entities", 0, 1, Fields(new { id = "9", type = "person", name = "9" })),
            ("entities", 2, 6, Fields(new { id = "ivan", type = "person", name = "Ivan" })),
            ("entities", 7, 11, Fields(new { id = "ivan?", type = "person", name = "Ivan" })),
            ("mentions", 7, 11, Fields(new { type = "person", entity = "ivan?" })));

        var xml = Parse(new TeiExportWriter().ToXml(document));

        var ids = xml.Descendants(Tei + "person").Select(p => (string?)p.Attribute(Xml + "id")).ToList();
        Assert.Equal(["person-9", "person-ivan", "person-ivan-"], ids);
        Assert.Equal("#person-ivan-", (string?)xml.Descendants(Tei + "persName").Last().Attribute("ref"));
    }

    [Theory]
    [InlineData("1944", "1944")]
    [InlineData("1944-01", "1944-01")]
    [InlineData("1944-01-07", "1944-01-07")]
    [InlineData("1944-02-23T03:00", "1944-02-23T03:00:00")]
    [InlineData("1944-02-30", null)]
    [InlineData("0000", null)]
    [InlineData("1944-SP", null)]
    [InlineData("XXXX-01-07", null)]
    [InlineData("1944-02-23TEV", null)]
    [InlineData("P3D", null)]
    [InlineData("194", null)]
    public void Only_values_XML_Schema_accepts_become_when(string value, string? expected) =>
        Assert.Equal(expected, TeiDates.ToW3C(value));

    [Fact]
    public void Vague_dates_get_bounds_and_their_EDTF_value()
    {
        const string text = "In spring 1944 it rained.";
        var (s, e) = Find(text, "spring 1944");
        var document = Stored(text, ("timexes", s, e, Fields(new { type = "DATE", value = "1944-SP", edtf = "1944-21", earliest = "1944-03-01T00:00", latest = "1944-05-31T23:59" })));

        var date = Parse(new TeiExportWriter().ToXml(document)).Descendants(Tei + "date").Single(d => d.Ancestors(Tei + "body").Any());

        Assert.Null(date.Attribute("when"));
        Assert.Equal("1944-03-01", (string?)date.Attribute("notBefore"));
        Assert.Equal("1944-05-31", (string?)date.Attribute("notAfter"));
        Assert.Equal("1944-21", (string?)date.Attribute("when-custom"));
        Assert.Equal("#edtf", (string?)date.Attribute("datingMethod"));
    }

    [Fact]
    public void Editorial_marks_become_supplied_note_sic_and_gap_with_nothing_inside_a_gap()
    {
        const string text = "The comittee [sic] met [in Rome] and [two lines missing] left.";
        var (ss, se) = Find(text, "[sic]");
        var (ps, pe) = Find(text, "[in Rome]");
        var (gs, ge) = Find(text, "[two lines missing]");
        var document = Stored(text,
            ("editorial", ss, se, Fields(new { kind = "note", content = new { start = ss + 1, end = se - 1 } })),
            ("editorial", ps, pe, Fields(new { kind = "supplied", content = new { start = ps + 1, end = pe - 1 } })),
            ("editorial", gs, ge, Fields(new { kind = "gap", content = new { start = gs, end = ge } })),
            ("mentions", gs + 5, ge + 5, Fields(new { type = "group" })));

        var xml = Parse(new TeiExportWriter().ToXml(document));

        Assert.Equal("comittee", xml.Descendants(Tei + "sic").Single().Value);
        Assert.Equal("sic", (string?)xml.Descendants(Tei + "note").Single().Attribute("type"));
        Assert.Equal("in Rome", xml.Descendants(Tei + "supplied").Single().Value);
        var gap = xml.Descendants(Tei + "gap").Single();
        Assert.Equal("[two lines missing]", gap.Element(Tei + "desc")!.Value);
        Assert.Equal(" left", xml.Descendants(Tei + "name").Single().Value);
        Assert.Equal(text, BodyText(xml));
    }

    [JingFact]
    public void Crossing_spans_and_hand_made_layouts_validate()
    {
        string folder = Path.Combine(Path.GetTempPath(), "annalist-tei-tests", "layouts-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        var writer = new TeiExportWriter();
        foreach (var (name, document) in new[] { ("crossing", Crossing()), ("empty", Stored("")), ("no-paragraphs", Stored(" loose text\n", ("mentions", 1, 6, Fields(new { type = "place" }))) ) })
        {
            string file = Path.Combine(folder, name + ".xml");
            File.WriteAllText(file, writer.ToXml(document));
            files.Add(file);
        }
        var (exitCode, report) = Jing.Validate(Jing.TeiSchema, files);
        Assert.True(exitCode == 0 && report.Trim().Length == 0, report);
    }
}
