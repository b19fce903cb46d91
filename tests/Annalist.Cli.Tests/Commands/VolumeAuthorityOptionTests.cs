using System.Text.Json;

namespace Annalist.Cli.Tests.Commands;

public sealed class VolumeAuthorityOptionTests
{
    private const string Volume = """
        <TEI xmlns="http://www.tei-c.org/ns/1.0">
        <text><front><div type="persons"><list>
          <item><persName xml:id="p_RA1">Rautio, Aino</persName>, Minister of Trade</item>
        </list></div></front>
        <body><div type="document" xml:id="d4"><head>4. Memorandum of Conversation</head>
        <p>Mrs. Aino Rautio received the delegation. Rautio said the timber agreement would be signed by the end of the month.</p></div></body></text></TEI>
        """;

    private static List<JsonElement> Linked(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("layers").GetProperty("entities").GetProperty("spans").EnumerateArray()
            .Where(e => e.TryGetProperty("authority", out _)).Select(e => e.GetProperty("authority").Clone()).ToList();
    }

    [Fact]
    public void Analyze_links_a_volume_documents_people_to_its_persons_list_unless_told_not_to()
    {
        using var cli = new CliHarness();
        string volume = cli.File("volume.xml", Volume);
        Assert.Equal(0, cli.Run("analyze", volume, "--format", "json"));
        var authority = Assert.Single(Linked(cli.Stdout));
        Assert.Equal("p_RA1", authority.GetProperty("id").GetString());
        Assert.Equal("Minister of Trade", authority.GetProperty("description").GetString());

        using var off = new CliHarness();
        string again = off.File("volume.xml", Volume);
        Assert.Equal(0, off.Run("analyze", again, "--format", "json", "--no-volume-authority"));
        Assert.Empty(Linked(off.Stdout));
    }

    [Fact]
    public void A_users_list_wins_over_the_volumes()
    {
        using var cli = new CliHarness();
        string volume = cli.File("volume.xml", Volume);
        string csv = cli.File("people.csv", "id,name,description\nmine-1,\"Rautio, Aino\",trade minister\n");
        Assert.Equal(0, cli.Run("analyze", volume, "--format", "json", "--authority", csv));
        Assert.Equal("mine-1", Assert.Single(Linked(cli.Stdout)).GetProperty("id").GetString());
    }
}
