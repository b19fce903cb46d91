using Annalist.Core.Errors;
using Annalist.Formats.TimeMl;

namespace Annalist.Formats.Tests.TimeMl;

public class TimeMlReaderTests
{
    private const string Timex3File = """
        <?xml version="1.0" ?>
        <TimeML>
        <DOCID>x</DOCID>
        <DCT><TIMEX3 tid="t0" type="DATE" value="1989-11-09" functionInDocument="CREATION_TIME">November 9, 1989</TIMEX3></DCT>
        <TEXT>Guards &amp; crowds met <TIMEX3 tid="t1" type="TIME" value="1989-11-09TNI">tonight</TIMEX3>; the gates stayed open &#8220;for <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>&#8221;.</TEXT>
        </TimeML>
        """;

    [Fact]
    public void Offsets_point_into_the_plain_text_after_tags_and_entities_are_removed()
    {
        var document = TimeMlReader.Read("x.tml", Timex3File);

        Assert.Equal("Guards & crowds met tonight; the gates stayed open “for three days”.", document.Document.Text);
        Assert.Equal(2, document.Timexes.Length);
        foreach (var timex in document.Timexes) Assert.Equal(timex.Text, document.Document.Text.Substring(timex.Span.Start, timex.Span.Length));
        Assert.Equal(("tonight", "TIME", "1989-11-09TNI"), (document.Timexes[0].Text, document.Timexes[0].Type, document.Timexes[0].Value));
        Assert.Equal("DURATION", document.Timexes[1].Type);
    }

    [Fact]
    public void The_creation_time_is_kept_apart_and_becomes_the_metadata_date()
    {
        var document = TimeMlReader.Read("x.tml", Timex3File);

        Assert.Equal("1989-11-09", document.CreationTime);
        Assert.Equal("1989-11-09", document.Document.Metadata.Date);
        Assert.DoesNotContain("November 9, 1989", document.Document.Text);
    }

    [Fact]
    public void Timex2_files_give_values_nesting_and_types_derived_from_values()
    {
        const string sgml = """
            <DOC><DATETIME> <TIMEX2 val="2008-05-01">2008-05-01</TIMEX2> </DATETIME>
            <TEXT>War came <TIMEX2 val="1870-07">in July 1870</TIMEX2> & lasted <TIMEX2 val="P6M">six months</TIMEX2>; shelling <TIMEX2 val="XXXX-XX-XX" set="YES">daily</TIMEX2> from <TIMEX2 val="1871-01-05T09">9 a.m. on <TIMEX2 val="1871-01-05">5 January</TIMEX2></TIMEX2>.</TEXT></DOC>
            """;

        var document = TimeMlReader.Read("w.key.xml", sgml);

        Assert.StartsWith("War came in July 1870 & lasted", document.Document.Text);
        Assert.Equal(["DATE", "DURATION", "SET", "TIME", "DATE"], document.Timexes.Select(t => t.Type));
        Assert.Equal("9 a.m. on 5 January", document.Timexes[3].Text);
        Assert.Equal("5 January", document.Timexes[4].Text);
        Assert.True(document.Timexes[3].Span.Contains(document.Timexes[4].Span));
        Assert.Equal("2008-05-01", document.CreationTime);
        Assert.All(document.Timexes, t => Assert.Equal(TimexScheme.Timex2, t.Scheme));
    }

    [Theory]
    [InlineData("P3D", false, "DURATION")]
    [InlineData("PAST_REF", false, "DATE")]
    [InlineData("PRESENT_REF", false, "DATE")]
    [InlineData("1944-02-23T03:00", false, "TIME")]
    [InlineData("XXXX-XX-XX", true, "SET")]
    public void A_timex2_value_implies_its_type_and_references_are_no_durations(string value, bool isSet, string type) =>
        Assert.Equal(type, TimeMlReader.TypeFromTimex2Value(value, isSet));

    [Fact]
    public void Timexes_outside_TEXT_are_not_gold()
    {
        var document = TimeMlReader.Read("x.tml", "<TimeML><TITLE><TIMEX3 type=\"DATE\" value=\"2001\">2001</TIMEX3></TITLE><TEXT>Nothing dated.</TEXT></TimeML>");

        Assert.Empty(document.Timexes);
        Assert.Equal("Nothing dated.", document.Document.Text);
    }

    [Fact]
    public void A_file_without_TEXT_is_ANL1206()
    {
        var error = Assert.Throws<AnnalistException>(() => TimeMlReader.Read("x.tml", "<TimeML><DOCID>x</DOCID></TimeML>"));

        Assert.Equal("ANL1206", error.Code);
    }

    [Fact]
    public void Unterminated_markup_is_a_diagnostic_not_a_crash()
    {
        var document = TimeMlReader.Read("x.tml", "<TEXT>It ended <TIMEX3 type=\"DATE\" value=\"1990\">in 1990</TIMEX3> and then <TIMEX3 type=");

        Assert.Single(document.Timexes);
        Assert.Contains(document.Diagnostics, d => d.Code == "ANL1207");
    }

    [FsCheck.Xunit.Property]
    public bool Never_throws_on_arbitrary_text_inside_TEXT(string? noise)
    {
        var document = TimeMlReader.Read("x.tml", "<TEXT>" + (noise ?? "") + "</TEXT>");
        return document.Timexes.All(t => t.Span.End <= document.Document.Length);
    }
}
