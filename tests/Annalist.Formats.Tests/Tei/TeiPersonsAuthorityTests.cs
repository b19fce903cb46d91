using System.Text;
using Annalist.Formats.Tei;

namespace Annalist.Formats.Tests.Tei;

public class TeiPersonsAuthorityTests
{
    private const string Volume = """
        <TEI xmlns="http://www.tei-c.org/ns/1.0">
        <text><front><div type="persons"><list>
          <item><hi rend="strong"><persName xml:id="p_OT1">Olsen, Tor</persName>,</hi> Harbour Clerk until 1950; thereafter Consul</item>
          <item><hi rend="strong"><persName xml:id="p_OT2">Olsen, Ragna</persName>,</hi> Director of the Archive</item>
          <item><persName xml:id="p_LK1">Lin Kuo-hua, Marshal</persName>, commander of the garrison</item>
        </list></div></front>
        <body>
          <div type="document" xml:id="d1"><head>1. Memorandum</head><p>Clerk Olsen and Clerk Olsen again; Director Olsen once.</p></div>
          <div type="document" xml:id="d2"><head>2. Note</head><p>Clerk Olsen wrote. Marshal Lin replied.</p></div>
        </body></text></TEI>
        """;

    private static TeiVolume Read(TeiReaderOptions? options = null) => TeiReader.ReadVolume(new MemoryStream(Encoding.UTF8.GetBytes(Volume)), "v.xml", options);

    [Fact]
    public void The_persons_list_becomes_an_authority_the_documents_carry()
    {
        var volume = Read();
        var list = Assert.IsType<Annalist.Core.Entities.Authorities.AuthorityList>(volume.Authority);
        Assert.Equal(["p_LK1", "p_OT1", "p_OT2"], list.Entries.Select(e => e.Id));
        var tor = list.Entries.Single(e => e.Id == "p_OT1");
        Assert.Equal("Olsen, Tor", tor.Name);
        Assert.Equal("Harbour Clerk until 1950; thereafter Consul", tor.Description);
        // Named by an office of the description before the surname: “Clerk Olsen” three times, “Director Olsen” once.
        Assert.Equal(3, tor.Prominence);
        Assert.Equal(1, list.Entries.Single(e => e.Id == "p_OT2").Prominence);
        var lin = list.Entries.Single(e => e.Id == "p_LK1");
        Assert.Equal("Lin Kuo-hua", lin.Name);
        Assert.Contains("Lin, Kuo-hua", lin.Variants);
        Assert.StartsWith("Marshal", lin.Description);
        Assert.All(volume.Documents, d => Assert.Same(list, d.Body.Metadata.Authority));
        Assert.All(volume.Documents, d => Assert.Same(list, d.Notes.Metadata.Authority));
    }

    [Fact]
    public void Asked_not_to_the_documents_carry_no_list_but_the_volume_still_has_it()
    {
        var volume = Read(new TeiReaderOptions { PersonsAsAuthority = false });
        Assert.NotNull(volume.Authority);
        Assert.All(volume.Documents, d => Assert.Null(d.Body.Metadata.Authority));
    }

    [Theory]
    [InlineData("Bowen, General Frank Sayles, Jr.", "Bowen, General Frank Sayles, Jr.", "Bowen, Frank Sayles, Jr.")]
    [InlineData("Yeh, George K.C. (Yeh Kung-ch’ao)", "Yeh, George K.C.", "Yeh Kung-ch’ao|Yeh, Kung-ch’ao")]
    [InlineData("Bohlen, Charles E. (Chip)", "Bohlen, Charles E.", "Chip Bohlen")]
    [InlineData("Mao Tse-tung", "Mao Tse-tung", "Mao, Tse-tung")]
    [InlineData("Olsen, Tor", "Olsen, Tor", "")]
    public void Variants_come_from_the_name_form(string written, string name, string variants)
    {
        var (parsedName, parsedVariants) = TeiPersonsAuthority.NameAndVariants(written);
        Assert.Equal(name, parsedName);
        Assert.Equal(variants, string.Join('|', parsedVariants));
    }
}
