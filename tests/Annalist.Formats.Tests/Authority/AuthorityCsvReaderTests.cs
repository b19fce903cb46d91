using System.Text;
using Annalist.Core.Errors;
using Annalist.Formats.Authority;

namespace Annalist.Formats.Tests.Authority;

public sealed class AuthorityCsvReaderTests
{
    private static AnnalistException Fails(string csv) => Assert.Throws<AnnalistException>(() => AuthorityCsvReader.Read(csv, "people.csv"));

    [Fact]
    public void Reads_every_column_quoted_fields_and_variants()
    {
        const string csv = """"
            id,name,variants,description,birth,death,active
            a1,"Marsh, Odile Anne",O. A. Marsh | Odile Marsh,"Envoy to the court, later ""adviser""",1871,1940,1902-1919
            a2,Teodor Brankovic,,,,,1930-

            a3,"Lenz, Kaspar",,"two
            lines",-12,,-1931
            """";
        var list = AuthorityCsvReader.Read(csv, "people.csv");
        Assert.Equal("people.csv", list.Source);
        Assert.Equal(["a1", "a2", "a3"], list.Entries.Select(e => e.Id));
        var marsh = list.Entries[0];
        Assert.Equal("Marsh, Odile Anne", marsh.Name);
        Assert.Equal(["O. A. Marsh", "Odile Marsh"], marsh.Variants.ToArray());
        Assert.Equal("Envoy to the court, later \"adviser\"", marsh.Description);
        Assert.Equal((1871, 1940, 1902, 1919), (marsh.Birth, marsh.Death, marsh.ActiveFrom, marsh.ActiveTo));
        Assert.Equal(2, marsh.Line);
        var brankovic = list.Entries[1];
        Assert.Empty(brankovic.Variants);
        Assert.Null(brankovic.Description);
        Assert.Equal((1930, (int?)null), (brankovic.ActiveFrom, brankovic.ActiveTo));
        var lenz = list.Entries[2];
        Assert.Equal(5, lenz.Line);
        Assert.Equal(-12, lenz.Birth);
        Assert.Equal(((int?)null, 1931), (lenz.ActiveFrom, lenz.ActiveTo));
        Assert.Equal("two\nlines", lenz.Description?.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_case_and_other_separators()
    {
        var list = AuthorityCsvReader.Read("Name;ID;Notes\nOdile Marsh;m;kept aside\n", "people.csv");
        var entry = Assert.Single(list.Entries);
        Assert.Equal(("m", "Odile Marsh"), (entry.Id, entry.Name));
    }

    [Fact]
    public void A_missing_required_column_is_named()
    {
        var error = Fails("id,variants\n1,Marsh\n");
        Assert.Equal("ANL1052", error.Code);
        Assert.Contains("'name'", error.Message, StringComparison.Ordinal);
        Assert.Equal("ANL1052", Fails("").Code);
    }

    [Fact]
    public void A_duplicate_id_names_both_lines()
    {
        var error = Fails("id,name\nx,Odile Marsh\ny,Teodor Brankovic\nx,Kaspar Lenz\n");
        Assert.Equal("ANL1054", error.Code);
        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,name\n,Odile Marsh\n", "the id is empty")]
    [InlineData("id,name\nx,\n", "name of 'x' is empty")]
    [InlineData("id,name,birth\nx,Odile Marsh,about 1870\n", "not a year")]
    [InlineData("id,name,active\nx,Odile Marsh,1919-1902\n", "end before they begin")]
    [InlineData("id,name,active\nx,Odile Marsh,the twenties\n", "not a year or a range")]
    public void A_bad_field_gives_its_line(string csv, string says)
    {
        var error = Fails(csv);
        Assert.Equal("ANL1055", error.Code);
        Assert.Contains("people.csv line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_give_their_line()
    {
        var bytes = Encoding.UTF8.GetBytes("id,name\nx,Odile Marsh\ny,Teodor Brankovi").Concat(new byte[] { 0xE6, 0x0A }).ToArray();
        var error = Assert.Throws<AnnalistException>(() => AuthorityCsvReader.Read(bytes, "people.csv"));
        Assert.Equal("ANL1053", error.Code);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_and_utf16_with_byte_order_marks_are_read()
    {
        const string csv = "id,name\nx,Ødegård Brankovič\n";
        foreach (var encoding in new Encoding[] { new UTF8Encoding(true), Encoding.Unicode, Encoding.BigEndianUnicode })
        {
            var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(csv)).ToArray();
            Assert.Equal("Ødegård Brankovič", Assert.Single(AuthorityCsvReader.Read(bytes, "people.csv").Entries).Name);
        }
    }

    [Fact]
    public void An_unterminated_quote_is_malformed_csv()
    {
        var error = Fails("id,name\nx,Odile Marsh\ny,\"Teodor\nz,Kaspar Lenz\n");
        Assert.Equal("ANL1056", error.Code);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_file_not_found()
    {
        var error = Assert.Throws<AnnalistException>(() => AuthorityCsvReader.ReadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv")));
        Assert.Equal("ANL1001", error.Code);
    }
}
