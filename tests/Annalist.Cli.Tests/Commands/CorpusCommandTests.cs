using System.Diagnostics;
using Annalist.Core.Errors;
using Annalist.Store;
using Annalist.Store.Sqlite;

namespace Annalist.Cli.Tests.Commands;

/// <summary><c>annalist ingest</c>, <c>search</c> and <c>correct</c> on an SQLite store in the harness's folder.</summary>
public class CorpusCommandTests
{
    private const string Letter =
        "Letter from the consul\n\n" +
        "The harbour master refused to unload the grain until the duties were paid.\n\n" +
        "The consul wrote to the governor asking that the ship be released before the storms.\n";

    private const string Minutes =
        "Minutes of the committee\n\n" +
        "The committee heard the treasurer on the cost of the new road and adjourned at noon.\n";

    [Fact]
    public void Ingest_stores_a_folder_then_skips_what_is_unchanged()
    {
        using var cli = new CliHarness();
        cli.File("records/letter.txt", Letter);
        cli.File("records/sub/minutes.md", Minutes);
        string db = Path.Combine(cli.Folder, "corpus.db");

        Assert.Equal(0, cli.Run("ingest", Path.Combine(cli.Folder, "records"), "--db", db));
        Assert.Contains("2 stored, 0 unchanged, none skipped", cli.Stderr, StringComparison.Ordinal);

        Assert.Equal(0, cli.Run("ingest", Path.Combine(cli.Folder, "records"), "--db", db));
        Assert.Contains("0 stored, 2 unchanged", cli.Stderr, StringComparison.Ordinal);
        using var store = SqliteCorpusStore.Open(db);
        Assert.Equal(2, store.CountDocuments());
    }

    [Fact]
    public void Ingest_of_a_folder_leaves_out_its_README_as_analyze_does_but_takes_one_named()
    {
        using var cli = new CliHarness();
        cli.File("records/letter.txt", Letter);
        string readme = cli.File("records/README.md", "What this folder holds: letters.");
        string db = Path.Combine(cli.Folder, "corpus.db");

        Assert.Equal(0, cli.Run("ingest", Path.Combine(cli.Folder, "records"), "--db", db));
        Assert.Contains("1 stored, 0 unchanged, none skipped", cli.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, cli.Run("ingest", readme, "--db", db));
        Assert.Contains("1 stored", cli.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_reports_bad_files_with_their_codes_and_stores_the_rest()
    {
        using var cli = new CliHarness();
        cli.File("in/letter.txt", Letter);
        cli.File("in/binary.txt", [0x00, 0x01, 0x02, 0x03]);
        cli.File("in/cp1252.txt", [0x93, 0x51, 0x94]);
        string db = Path.Combine(cli.Folder, "corpus.db");

        Assert.Equal(AnnalistApp.InputErrorExitCode, cli.Run("ingest", Path.Combine(cli.Folder, "in"), "--db", db));
        Assert.Contains(cli.StderrLines, line => line.StartsWith(ErrorCatalogue.BinaryInput.Code + ":", StringComparison.Ordinal) && line.Contains("binary.txt", StringComparison.Ordinal));
        Assert.Contains(cli.StderrLines, line => line.StartsWith(ErrorCatalogue.InvalidEncoding.Code + ":", StringComparison.Ordinal) && line.Contains("cp1252.txt", StringComparison.Ordinal));
        Assert.Contains("1 stored, 0 unchanged, 2 skipped (1 ANL1002, 1 ANL1003)", cli.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_uses_annalist_db_in_the_current_folder_by_default()
    {
        using var cli = new CliHarness();
        string file = cli.File("letter.txt", Letter);
        string previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = cli.Folder;
            Assert.Equal(0, cli.Run("ingest", file));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
        Assert.True(File.Exists(Path.Combine(cli.Folder, CorpusStores.DefaultFile)));
    }

    [Fact]
    public void Search_prints_citations_and_snippets()
    {
        using var cli = new CliHarness();
        cli.File("r/letter.txt", Letter);
        cli.File("r/minutes.txt", Minutes);
        string db = Path.Combine(cli.Folder, "corpus.db");
        Assert.Equal(0, cli.Run("ingest", Path.Combine(cli.Folder, "r"), "--db", db));

        Assert.Equal(0, cli.Run("search", "ship", "storms", "--db", db));
        int start = Letter.IndexOf("ship", StringComparison.Ordinal);
        Assert.Contains($"letter.txt ¶3 [{start}..{start + 4})", cli.ConsoleOutput, StringComparison.Ordinal);
        Assert.Contains("asking that the ship be released", cli.ConsoleOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("minutes.txt", cli.ConsoleOutput, StringComparison.Ordinal);
        Assert.Contains("1 paragraph in", cli.Stderr, StringComparison.Ordinal);

        Assert.Equal(1, cli.Run("search", "elephants", "--db", db));
        Assert.Equal(AnnalistApp.InputErrorExitCode, cli.Run("search", "--limit", "0", "grain", "--db", db));
    }

    [Theory]
    [InlineData("search", "grain")]
    [InlineData("ledger")]
    [InlineData("timeline")]
    [InlineData("entities", "list")]
    [InlineData("serve")]
    public void A_command_reading_a_corpus_refuses_a_store_that_does_not_exist_and_creates_none(params string[] command)
    {
        using var cli = new CliHarness();
        string db = Path.Combine(cli.Folder, "mistyped.db");
        Assert.Equal(AnnalistApp.InputErrorExitCode, cli.Run([.. command, "--db", db]));
        Assert.StartsWith("ANL1011: ", Assert.Single(cli.StderrLines));
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void A_missing_store_named_with_db_is_named_in_full_with_the_ingest_that_creates_it()
    {
        using var cli = new CliHarness();
        string db = Path.Combine(cli.Folder, "my corpus.db");
        Assert.Equal(AnnalistApp.InputErrorExitCode, cli.Run("search", "grain", "--db", db));
        string line = Assert.Single(cli.StderrLines);
        Assert.Contains($"at {db} (--db)", line, StringComparison.Ordinal);
        Assert.Contains($"'annalist ingest FILE… --db \"{db}\"'", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_default_store_is_named_as_the_file_looked_for_without_a_db_it_was_not_given()
    {
        using var cli = new CliHarness();
        string previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = cli.Folder;
            Assert.Equal(AnnalistApp.InputErrorExitCode, cli.Run("entities", "list"));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
        string line = Assert.Single(cli.StderrLines);
        Assert.StartsWith("ANL1011: ", line, StringComparison.Ordinal);
        Assert.Contains($"at {Path.Combine(cli.Folder, CorpusStores.DefaultFile)} (the default when no --db is given)", line, StringComparison.Ordinal);
        Assert.Contains("'annalist ingest FILE…'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("--db annalist.db", line, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cli.Folder, CorpusStores.DefaultFile)));
    }

    [Fact]
    public void A_snippet_keeps_a_space_where_the_paragraph_breaks_a_line()
    {
        using var cli = new CliHarness();
        cli.File("r/note.txt", "NOTE\n\nTOPIC\nCargo of the river barges\n\nThe clerk\tcounted\r\nthe bales.\n");
        string db = Path.Combine(cli.Folder, "corpus.db");
        Assert.Equal(0, cli.Run("ingest", Path.Combine(cli.Folder, "r"), "--db", db));

        Assert.Equal(0, cli.Run("search", "cargo", "--db", db));
        Assert.Contains("TOPIC Cargo of the river barges", cli.ConsoleOutput, StringComparison.Ordinal);
        Assert.Equal(0, cli.Run("search", "bales", "--db", db));
        Assert.Contains("The clerk counted the bales.", cli.ConsoleOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correction_made_on_the_command_line_survives_an_edit_and_a_re_ingest()
    {
        using var cli = new CliHarness();
        string file = cli.File("letter.txt", Letter);
        string db = Path.Combine(cli.Folder, "corpus.db");
        Assert.Equal(0, cli.Run("ingest", file, "--db", db));

        Assert.Equal(0, cli.Run("correct", "add", "letter.txt", "--quote", "harbour master", "--type", "ROLE", "--note", "an office, not a place", "--db", db));
        Assert.Contains("Correction 1: add on mentions", cli.ConsoleOutput, StringComparison.Ordinal);

        File.WriteAllText(file, "Copy received in March.\n\n" + Letter);
        Assert.Equal(0, cli.Run("ingest", file, "--db", db));
        Assert.Contains("1 stored", cli.Stderr, StringComparison.Ordinal);

        using var store = SqliteCorpusStore.Open(db);
        var document = store.FindDocument(file)!;
        var mention = Assert.Single(store.GetAnnotations(document.Id, "mentions"));
        Assert.Equal("harbour master", document.Text[mention.Span.Start..mention.Span.End]);
        Assert.Contains("\"ROLE\"", mention.Fields, StringComparison.Ordinal);
        Assert.Equal("an office, not a place", Assert.Single(store.GetCorrections(document.Key)).Note);
    }

    [Fact]
    public void Correct_refuses_what_it_cannot_place_with_codes()
    {
        using var cli = new CliHarness();
        string file = cli.File("letter.txt", Letter);
        string db = Path.Combine(cli.Folder, "corpus.db");
        Assert.Equal(0, cli.Run("ingest", file, "--db", db));

        Assert.NotEqual(0, cli.Run("correct", "remove", "letter.txt", "--quote", "the", "--db", db));
        Assert.StartsWith(ErrorCatalogue.QuoteAmbiguous.Code, cli.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, cli.Run("correct", "remove", "letter.txt", "--quote", "elephant", "--db", db));
        Assert.StartsWith(ErrorCatalogue.QuoteNotFound.Code, cli.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, cli.Run("correct", "remove", "letter.txt", "--start", "5", "--end", "99999", "--db", db));
        Assert.StartsWith(ErrorCatalogue.CorrectionOutOfRange.Code, cli.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, cli.Run("correct", "remove", "nowhere.txt", "--quote", "grain", "--db", db));
        Assert.StartsWith(ErrorCatalogue.DocumentNotInStore.Code, cli.Stderr, StringComparison.Ordinal);
        Assert.Equal(AnnalistApp.InputErrorExitCode, cli.Run("correct", "retype", "letter.txt", "--quote", "grain", "--db", db));

        Assert.Equal(0, cli.Run("correct", "remove", "letter.txt", "--quote", "the", "--occurrence", "2", "--db", db));
        using var store = SqliteCorpusStore.Open(db);
        var correction = Assert.Single(store.GetCorrections(file));
        int second = Letter.IndexOf("the", Letter.IndexOf("the", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        Assert.Equal(second, correction.Anchor.Span.Start);
    }

    [Fact]
    public void An_ingest_killed_midway_resumes_with_nothing_lost_or_duplicated()
    {
        const int Count = 1500;
        using var cli = new CliHarness();
        string folder = Path.Combine(cli.Folder, "many");
        for (int i = 0; i < Count; i++)
            cli.File($"many/note-{i:D4}.txt", $"Note {i}\n\n" + string.Concat(Enumerable.Repeat($"On day {i} the clerk copied the register of ships and cargo, \"as ordered\", into the ledger. ", 30)) + "\n");
        string db = Path.Combine(cli.Folder, "corpus.db");

        using (var child = Process.Start(new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "annalist.dll"), "ingest", folder, "--db", db },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!)
        {
            child.ErrorDataReceived += (_, _) => { };
            child.OutputDataReceived += (_, _) => { };
            child.BeginErrorReadLine();
            child.BeginOutputReadLine();
            var waited = Stopwatch.StartNew();
            while (!child.HasExited && StoredCount(db) < 20 && waited.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(10);
            Assert.False(child.HasExited, "The ingest finished before it could be killed; give it more work.");
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }

        int survived = StoredCount(db);
        Assert.InRange(survived, 20, Count - 1);

        Assert.Equal(0, cli.Run("ingest", folder, "--db", db));
        Assert.Contains($"{Count - survived} stored, {survived} unchanged", cli.Stderr, StringComparison.Ordinal);

        using var store = SqliteCorpusStore.Open(db);
        Assert.Equal(Count, store.CountDocuments());
        for (int i = 0; i < Count; i += 37)
        {
            var document = store.FindDocument(Path.Combine(folder, $"note-{i:D4}.txt"));
            Assert.NotNull(document);
            var layers = store.GetLayers(document.Id);
            Assert.NotEmpty(layers);
            Assert.Equal(layers.Where(l => l.AlignedTo is null).Sum(l => l.Count), store.GetAnnotations(document.Id).Count);
        }
    }

    private static int StoredCount(string db)
    {
        if (!File.Exists(db)) return 0;
        try
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM documents";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0;
        }
    }
}
