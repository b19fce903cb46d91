using System.Text.Json;
using Annalist.Store.Postgres;
using Npgsql;

namespace Annalist.Cli.Tests.Commands;

/// <summary><c>annalist ledger</c> and <c>annalist timeline</c> over files, an SQLite store and (when configured) PostgreSQL.</summary>
public class LedgerCommandTests
{
    private const string Memo =
        "Memorandum of conversation\n\n" +
        "On March 3, 1945 Eden met with Gromyko at the Foreign Office in London.\n\n" +
        "Gromyko: \"Our factories need lorries. If forty trucks are given, that would be good.\"\n\n" +
        "Eden: \"It is hard. Well, I can give 20 trucks.\"\n\n" +
        "On March 9, 1945 Harriman hosted a dinner for Gromyko in Moscow. Eden and Molotov were present.\n";

    [Fact]
    public void Ledger_lists_the_request_and_the_grant_that_answers_it()
    {
        using var cli = new CliHarness();
        string memo = cli.File("memo.txt", Memo);
        Assert.Equal(0, cli.Run("ledger", memo, "--format", "csv"));
        var lines = cli.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("document,event,who,action,quantity,item", lines[0], StringComparison.Ordinal);
        var request = Assert.Single(lines, l => l.Contains(",asked for,", StringComparison.Ordinal));
        Assert.Contains("Gromyko,asked for,40,trucks,Eden", request, StringComparison.Ordinal);
        Assert.Contains("granted 20 of 40", request, StringComparison.Ordinal);
        var grant = Assert.Single(lines, l => l.Contains(",granted,", StringComparison.Ordinal));
        Assert.Contains("Eden,granted,20,trucks,Gromyko", grant, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ledger", "Commitments")]
    [InlineData("timeline", "Timeline")]
    public void The_text_table_has_its_title_at_the_margin_and_no_line_padded_with_blanks(string command, string title)
    {
        using var cli = new CliHarness();
        string memo = cli.File("memo.txt", Memo);
        Assert.Equal(0, cli.Run(command, memo));
        var lines = cli.ConsoleOutput.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(title, lines[0]);
        Assert.StartsWith("╭", lines[1], StringComparison.Ordinal);
        Assert.All(lines, line => Assert.False(line.EndsWith(' '), $"padded: '{line}'"));
    }

    [Fact]
    public void Ledger_reads_a_TEI_volume_as_its_documents_not_as_markup()
    {
        const string volume = """
            <?xml version="1.0" encoding="UTF-8"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0">
            <teiHeader><fileDesc><titleStmt><title>An Invented Volume</title></titleStmt></fileDesc></teiHeader>
            <text><body>
            <div type="document" xml:id="d7" n="7">
            <head>7. Memorandum of a Conversation, <date when="1951-05-04">May 4, 1951</date></head>
            <p>Mr. Lindgren asked the Minister for sixty tractors. The Minister said that he could give forty tractors.</p>
            </div>
            </body></text></TEI>
            """;
        using var cli = new CliHarness();
        string path = cli.File("volume.xml", volume);
        Assert.Equal(0, cli.Run("ledger", path, "--format", "csv"));
        Assert.DoesNotContain("<", cli.Stdout, StringComparison.Ordinal);
        var request = Assert.Single(cli.Stdout.Split('\n'), l => l.Contains(",asked for,", StringComparison.Ordinal));
        Assert.StartsWith(path + "#d7,", request, StringComparison.Ordinal);
        Assert.Contains("60,tractors", request, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_orders_dated_events_and_names_their_participants()
    {
        using var cli = new CliHarness();
        string memo = cli.File("memo.txt", Memo);
        Assert.Equal(0, cli.Run("timeline", memo, "--format", "json"));
        using var json = JsonDocument.Parse(cli.Stdout);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        var starts = rows.Select(r => r.GetProperty("start").GetString()!).ToList();
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);
        Assert.Equal("meeting", rows[0].GetProperty("type").GetString());
        var meal = Assert.Single(rows, r => r.GetProperty("type").GetString() == "meal");
        Assert.Equal("1945-03-09", meal.GetProperty("start").GetString());
        var roles = meal.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("role").GetString() + ":" + p.GetProperty("name").GetString()).ToList();
        Assert.Contains("host:Harriman", roles);
        Assert.Contains("guest:Gromyko", roles);
        Assert.Contains("attendees:Molotov", roles);
    }

    [Fact]
    public void Ledger_from_an_SQLite_store_matches_the_ledger_of_the_file()
    {
        using var cli = new CliHarness();
        string memo = cli.File("records/memo.txt", Memo);
        string db = Path.Combine(cli.Folder, "corpus.db");
        Assert.Equal(0, cli.Run("ledger", memo, "--format", "csv"));
        string fromFile = cli.Stdout;
        Assert.Equal(0, cli.Run("ingest", Path.Combine(cli.Folder, "records"), "--db", db));
        Assert.Equal(0, cli.Run("ledger", "--db", db, "--document", "memo.txt", "--format", "csv"));
        Assert.Equal(fromFile, cli.Stdout);
        Assert.Equal(0, cli.Run("timeline", "--db", db, "--format", "csv"));
        Assert.Contains("1945-03-09", cli.Stdout, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void Ledger_from_PostgreSQL_matches_the_ledger_of_the_file()
    {
        // A schema of its own, dropped afterwards, so the test neither sees nor leaves other documents.
        string schema = "ledger_" + Guid.NewGuid().ToString("N")[..12];
        string admin = PostgresLocation.ToConnectionString(PostgresFactAttribute.Server!);
        Execute(admin, $"CREATE SCHEMA {schema}");
        try
        {
            string server = new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema }.ConnectionString;
            LedgerFromServer(server);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Execute(admin, $"DROP SCHEMA {schema} CASCADE");
        }
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static void LedgerFromServer(string server)
    {
        using var cli = new CliHarness();
        string name = "ledger-" + Guid.NewGuid().ToString("N")[..8] + ".txt";
        string memo = cli.File("records/" + name, Memo);
        Assert.Equal(0, cli.Run("ledger", memo, "--format", "csv"));
        string fromFile = cli.Stdout;
        Assert.Equal(0, cli.Run("ingest", memo, "--db", server));
        Assert.Equal(0, cli.Run("ledger", "--db", server, "--document", name, "--format", "csv"));
        Assert.Equal(fromFile, cli.Stdout);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        using var cli = new CliHarness();
        Assert.NotEqual(0, cli.Run("ledger"));
        Assert.NotEqual(0, cli.Run("ledger", "x.txt", "--format", "xml"));
        Assert.NotEqual(0, cli.Run("timeline", "--document", "memo.txt"));
    }
}

/// <summary>A test that needs the PostgreSQL server <c>ANNALIST_TEST_POSTGRES</c> names (see <c>.ci/postgres.sh</c>); skipped with a message without it.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (Server is null) Skip = "ANNALIST_TEST_POSTGRES is not set: run .ci/postgres.sh and export what it prints to test the ledger over PostgreSQL.";
    }

    public static string? Server => Environment.GetEnvironmentVariable("ANNALIST_TEST_POSTGRES") is { Length: > 0 } value ? value : null;
}
