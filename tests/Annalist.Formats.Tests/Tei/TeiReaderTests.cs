using System.Text;
using Annalist.Core.Errors;
using Annalist.Formats.Tei;

namespace Annalist.Formats.Tests.Tei;

public class TeiReaderTests
{
    private const string Volume = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0">
        <teiHeader><fileDesc><titleStmt><title type="complete">Invented Papers</title></titleStmt>
        <publicationStmt><idno type="frus">invented-v9</idno></publicationStmt></fileDesc></teiHeader>
        <text><front><list type="persons"><item><persName xml:id="p_OT1">Olsen, Tor</persName>, clerk</item></list></front>
        <body><div type="chapter">
        <div type="document" xml:id="d7" n="7">
        <head>7. Telegram From the Legation in <gloss>Riga</gloss><note n="1" xml:id="d7fn1" type="source">Source: invented. Signed by <persName corresp="#p_OT1">Olsen</persName>.</note></head>
        <dateline><placeName>Riga</placeName>, <date when="1939-06-30T14:00:00">June 30,
             1939—2 p.m.</date></dateline>
        <list type="participants"><head>PARTICIPANTS:</head><item>Mr. <persName corresp="#p_OT1">Olsen</persName></item><item>The Minister</item></list>
        <p>The clerk<note n="2" xml:id="d7fn2">Tor Olsen, not the author.</note> reported<lb/>at <pb n="12"/>length.</p>
        <closer><signed><persName corresp="#p_OT1">Olsen</persName></signed></closer>
        </div>
        </div></body></text></TEI>
        """;

    private static TeiVolume Read(string xml) => TeiReader.ReadVolume(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "v.xml");

    [Fact]
    public void Reads_volume_metadata_and_the_persons_list()
    {
        var volume = Read(Volume);

        Assert.Equal("invented-v9", volume.Id);
        Assert.Equal("Invented Papers", volume.Title);
        Assert.Equal("Olsen, Tor", volume.Persons["p_OT1"]);
        Assert.Single(volume.Documents);
    }

    [Fact]
    public void Body_text_has_heading_dateline_and_paragraphs_but_no_notes()
    {
        var document = Read(Volume).Documents[0];
        string body = document.Body.Text;

        Assert.Equal("7. Telegram From the Legation in Riga", body.Substring(document.Heading!.Value.Start, document.Heading.Value.Length));
        Assert.Equal("Riga, June 30, 1939—2 p.m.", body.Substring(document.Dateline!.Value.Start, document.Dateline.Value.Length));
        Assert.Contains("The clerk reported\nat length.", body);
        Assert.DoesNotContain("Source:", body);
        Assert.DoesNotContain("not the author", body);
    }

    [Fact]
    public void Notes_are_kept_apart_with_the_source_note_marked()
    {
        var document = Read(Volume).Documents[0];

        Assert.Equal(2, document.Footnotes.Length);
        Assert.Equal("Source: invented. Signed by Olsen.", document.SourceNote);
        Assert.Equal("Tor Olsen, not the author.", document.Footnotes[1].Text);
        Assert.Equal(document.Footnotes[1].Text, document.Notes.Text.Substring(document.Footnotes[1].Span.Start, document.Footnotes[1].Span.Length));
    }

    [Fact]
    public void Metadata_has_title_date_and_source()
    {
        var document = Read(Volume).Documents[0];

        Assert.Equal("7. Telegram From the Legation in Riga", document.Body.Metadata.Title);
        Assert.Equal("1939-06-30T14:00:00", document.Body.Metadata.Date);
        Assert.Equal("v.xml#d7", document.Body.Metadata.Source);
        Assert.Equal("7", document.Number);
    }

    [Fact]
    public void Person_mentions_participants_and_dates_point_at_their_text()
    {
        var document = Read(Volume).Documents[0];

        Assert.Equal(2, document.PersonMentions.Count(m => m.Part == TeiTextPart.Body));
        var inNote = Assert.Single(document.PersonMentions, m => m.Part == TeiTextPart.Notes);
        Assert.Equal("Olsen", document.Notes.Text.Substring(inNote.Span.Start, inNote.Span.Length));
        Assert.All(document.PersonMentions.Where(m => m.Part == TeiTextPart.Body), m => Assert.Equal("Olsen", document.Body.Text.Substring(m.Span.Start, m.Span.Length)));
        var block = Assert.Single(document.Participants);
        Assert.Equal(["Mr. Olsen", "The Minister"], block.Items.Select(i => document.Body.Text.Substring(i.Start, i.Length)));
        var date = Assert.Single(document.DatelineDates);
        Assert.Equal("June 30, 1939—2 p.m.", date.Text);
    }

    [Theory]
    [InlineData("<TEI><text>", "ANL1201")]
    [InlineData("<!DOCTYPE TEI [<!ENTITY a \"aaaa\">]><TEI/>", "ANL1202")]
    [InlineData("<html/>", "ANL1205")]
    public void Bad_xml_gives_a_coded_error(string xml, string code)
    {
        var error = Assert.Throws<AnnalistException>(() => Read(xml));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void A_plain_tei_text_without_document_divisions_is_one_document()
    {
        var volume = Read("""
            <TEI xmlns="http://www.tei-c.org/ns/1.0">
              <teiHeader><fileDesc><titleStmt><title>A diary</title></titleStmt></fileDesc></teiHeader>
              <text><body>
                <div type="entry"><head>Monday</head><p>Rain all day; the courier did not come.</p></div>
                <div type="entry"><p>The courier came at last.</p></div>
              </body></text>
            </TEI>
            """);

        var document = Assert.Single(volume.Documents);
        Assert.Equal("v", document.Id);
        Assert.Contains("Rain all day", document.Body.Text, StringComparison.Ordinal);
        Assert.Contains("came at last", document.Body.Text, StringComparison.Ordinal);
        Assert.Equal("A diary", volume.Title);
    }

    [Fact]
    public void Files_over_the_character_limit_are_refused()
    {
        var error = Assert.Throws<AnnalistException>(() =>
            TeiReader.ReadVolume(new MemoryStream(Encoding.UTF8.GetBytes(Volume)), "v.xml", new TeiReaderOptions { MaxCharacters = 200 }));

        Assert.Equal("ANL1203", error.Code);
    }

    [Fact]
    public void References_split_into_file_and_document_id()
    {
        Assert.Equal(("vol.xml", "d98"), TeiReader.SplitReference("vol.xml#d98"));
        Assert.Equal(("notes.txt", (string?)null), TeiReader.SplitReference("notes.txt"));
    }
}

public class TeiParticipantsTableTests
{
    [Fact]
    public void Cells_of_one_row_that_each_name_someone_are_parted_by_a_tab_and_a_dash_cell_stays_beside_its_name()
    {
        const string xml = """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
            <div type="document" xml:id="d5"><head>Memorandum</head>
            <p><table>
            <row><cell>Participants:</cell><cell>Mr. Lund</cell><cell>Mr. Okafor</cell></row>
            <row><cell/><cell>Mr. Berg</cell><cell>Mr. Ansah</cell></row>
            <row><cell/><cell>General Vik</cell><cell>—Norwegian Delegation</cell></row>
            </table></p>
            <p>They talked.</p></div></body></text></TEI>
            """;

        var document = TeiReader.ReadVolume(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)), "v.xml").Documents[0];

        Assert.Contains("Participants: Mr. Lund\tMr. Okafor\nMr. Berg\tMr. Ansah\nGeneral Vik —Norwegian Delegation", document.Body.Text);
        var block = Assert.Single(document.Participants);
        Assert.Equal(["Mr. Lund", "Mr. Okafor", "Mr. Berg", "Mr. Ansah", "General Vik"], block.Items.Select(i => document.Body.Text.Substring(i.Start, i.Length)));
    }

    [Fact]
    public void Legacy_participants_tables_give_one_item_per_named_cell()
    {
        const string xml = """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
            <div type="document" xml:id="d3"><head>Memorandum</head>
            <p><table>
            <row><cell>Participants:</cell><cell>Mr. Lund—Embassy<note n="1">Per Lund, counselor.</note></cell></row>
            <row><cell/><cell>Mr. Berg—Treasury</cell></row>
            <row><cell>Subject:</cell><cell>Shipping</cell></row>
            </table></p>
            <p>They talked.</p></div></body></text></TEI>
            """;

        var document = TeiReader.ReadVolume(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)), "v.xml").Documents[0];

        var block = Assert.Single(document.Participants);
        Assert.Equal(["Mr. Lund—Embassy", "Mr. Berg—Treasury"], block.Items.Select(i => document.Body.Text.Substring(i.Start, i.Length)));
        Assert.DoesNotContain("counselor", document.Body.Text);
        Assert.Contains("Shipping", document.Body.Text);
    }

    [Fact]
    public void Side_headings_and_dash_cells_are_no_items()
    {
        const string xml = """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
            <div type="document" xml:id="d4"><head>Memorandum</head>
            <list type="participants"><head>PARTICIPANTS</head>
            <item><hi rend="italic">Norway</hi></item>
            <item>Mr. <hi rend="italic">Lund</hi></item>
            </list>
            <p><table>
            <row><cell>Participants:</cell><cell>Mr. Berg</cell><cell>—Treasury</cell></row>
            </table></p>
            <p>They talked.</p></div></body></text></TEI>
            """;

        var document = TeiReader.ReadVolume(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)), "v.xml").Documents[0];

        Assert.Equal([["Mr. Lund"], ["Mr. Berg"]], document.Participants.Select(b => b.Items.Select(i => document.Body.Text.Substring(i.Start, i.Length)).ToArray()));
        Assert.Contains("Norway", document.Body.Text);
    }

    private static string Memorandum(string heading, string sourceNote) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
        <div type="document" xml:id="d3" n="3">
        <head>3. {heading}<note n="1" xml:id="d3fn1" type="source">{sourceNote}</note></head>
        <p>I said that the talks would go on.</p>
        </div></body></text></TEI>
        """;

    [Theory]
    [InlineData("Source: Files. Secret. Drafted by <persName corresp=\"#p_HK1\">Halvorsen</persName>.", "Halvorsen")]
    [InlineData("Source: Files. Drafted on March 4 by <persName corresp=\"#p_HK1\">Halvorsen</persName>, Director of the Office. Initialed by <persName>Brandt</persName>.", "Halvorsen")]
    [InlineData("Source: Files. Drafted by Ingrid K. Moe, the Minister’s secretary.", "Ingrid K. Moe")]
    [InlineData("Source: Files. Prepared by <persName>Lind</persName> and signed by <persName>Brandt</persName>.", "Lind")]
    [InlineData("Source: Files. Drafted by <persName>Lind</persName> and <persName>Brandt</persName>.", null)]
    [InlineData("Source: Files. Drafted by <persName>Lind</persName>, <persName>Moe</persName>, and Berg.", null)]
    [InlineData("Source: Files. Drafted by Lind and Berg.", null)]
    [InlineData("Source: Files. Secret.", null)]
    public void A_memorandum_of_conversation_takes_its_one_drafter_from_the_source_note_as_author(string note, string? author)
    {
        var document = TeiReader.ReadVolume(new MemoryStream(Encoding.UTF8.GetBytes(Memorandum("Memorandum of a Conversation, Washington, March 3, 1956", note))), "v.xml").Documents[0];

        Assert.Equal(author, document.Body.Metadata.Author);
    }

    [Theory]
    [InlineData("Telegram From the Embassy in Oslo to the Department of State")]
    [InlineData("Memorandum of Conversation, by the Director of the Office of Northern Affairs (Halvorsen)")]
    public void Other_records_and_headings_naming_their_author_take_none_from_the_note(string heading)
    {
        var document = TeiReader.ReadVolume(new MemoryStream(Encoding.UTF8.GetBytes(Memorandum(heading, "Source: Files. Drafted by <persName>Lind</persName>."))), "v.xml").Documents[0];

        Assert.Null(document.Body.Metadata.Author);
    }
}
