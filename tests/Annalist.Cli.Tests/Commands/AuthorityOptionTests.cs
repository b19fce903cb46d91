using System.Text.Json;

namespace Annalist.Cli.Tests.Commands;

public sealed class AuthorityOptionTests
{
    private const string People = """
        id,name,variants,description,active
        ru-1,"Rautio, Aino",A. Rautio,"Minister of Trade, negotiator of the timber agreement",1945-1952
        ru-2,"Rautio, Eero",,bishop of the northern diocese,1920-1938
        """;

    private const string Memorandum = """
        Helsinki, June 12, 1949

        Mrs. Aino Rautio received the delegation. Rautio said the timber agreement would be signed by the end of the month.
        """;

    [Fact]
    public void Analyze_links_people_to_the_list_with_evidence()
    {
        using var cli = new CliHarness();
        string csv = cli.File("people.csv", People);
        string memo = cli.File("memo.txt", Memorandum);
        Assert.Equal(0, cli.Run("analyze", memo, "--format", "json", "--authority", csv));
        using var json = JsonDocument.Parse(cli.Stdout);
        var linked = json.RootElement.GetProperty("layers").GetProperty("entities").GetProperty("spans").EnumerateArray()
            .Where(e => e.TryGetProperty("authority", out _)).ToList();
        var entity = Assert.Single(linked);
        var authority = entity.GetProperty("authority");
        Assert.Equal("ru-1", authority.GetProperty("id").GetString());
        Assert.Equal("Rautio, Aino", authority.GetProperty("name").GetString());
        Assert.NotEmpty(authority.GetProperty("evidence").EnumerateArray());
    }

    [Fact]
    public void Without_the_option_nothing_is_linked()
    {
        using var cli = new CliHarness();
        string memo = cli.File("memo.txt", Memorandum);
        Assert.Equal(0, cli.Run("analyze", memo, "--format", "json"));
        Assert.DoesNotContain("\"authority\"", cli.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_list_is_one_coded_line_with_its_line_number_and_exit_code_2()
    {
        using var cli = new CliHarness();
        string csv = cli.File("people.csv", "id,name\nx,Aino Rautio\nx,Eero Rautio\n");
        string memo = cli.File("memo.txt", Memorandum);
        Assert.Equal(2, cli.Run("analyze", memo, "--authority", csv));
        var line = Assert.Single(cli.StderrLines);
        Assert.StartsWith("ANL1054:", line, StringComparison.Ordinal);
        Assert.Contains("line 3", line, StringComparison.Ordinal);
        Assert.Equal("", cli.Stdout);
    }

    [Fact]
    public void Ingest_reads_the_list_before_opening_the_store()
    {
        using var cli = new CliHarness();
        string csv = cli.File("people.csv", "name,description\nAino Rautio,minister\n");
        string memo = cli.File("memo.txt", Memorandum);
        string db = Path.Combine(cli.Folder, "corpus.db");
        Assert.Equal(2, cli.Run("ingest", memo, "--db", db, "--authority", csv));
        Assert.StartsWith("ANL1052:", Assert.Single(cli.StderrLines), StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void Export_of_files_carries_the_links()
    {
        using var cli = new CliHarness();
        string csv = cli.File("people.csv", People);
        string memo = cli.File("memo.txt", Memorandum);
        string folder = Path.Combine(cli.Folder, "out");
        Assert.Equal(0, cli.Run("export", memo, "--format", "json", "--out", folder, "--authority", csv));
        string json = string.Concat(Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.Contains("\"ru-1\"", json, StringComparison.Ordinal);
    }
}
