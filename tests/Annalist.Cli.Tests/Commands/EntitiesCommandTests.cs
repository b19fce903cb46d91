using Annalist.Core.Errors;
using Annalist.Store.Sqlite;

namespace Annalist.Cli.Tests.Commands;

/// <summary><c>annalist entities …</c> and filtered <c>search</c> over records ingested with the default pipeline.</summary>
public class EntitiesCommandTests
{
    private const string Talks =
        "Memorandum of conversation\n\n" +
        "Present: Marshal Joseph Stalin, Secretary James F. Byrnes\n\n" +
        "Stalin said that the cars would come by rail in the spring.\n\n" +
        "Byrnes replied that the cars were needed before the winter.\n";

    private const string Diary = "Diary\n\nI saw J. Stalin at the station. Stalin spoke of cars and of coal.\n";

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Ingest(CliHarness cli)
    {
        cli.File("r/talks.txt", Talks);
        cli.File("r/diary.txt", Diary);
        string db = Path.Combine(cli.Folder, "corpus.db");
        Assert.Equal(0, cli.Run("ingest", Path.Combine(cli.Folder, "r"), "--db", db));
        return db;
    }

    [Fact]
    public void A_person_named_in_two_records_is_listed_once_and_shown_with_the_evidence()
    {
        using var cli = new CliHarness();
        string db = Ingest(cli);

        Assert.Equal(0, cli.Run("entities", "list", "--type", "person", "--name", "Stalin", "--db", db));
        var line = Assert.Single(Lines(cli.ConsoleOutput), l => l.Contains("Stalin", StringComparison.Ordinal));
        Assert.Contains("2 documents", line, StringComparison.Ordinal);

        Assert.Equal(0, cli.Run("entities", "show", "J. Stalin", "--db", db));
        Assert.Contains("gathered from", cli.ConsoleOutput, StringComparison.Ordinal);
        Assert.Contains("~", cli.ConsoleOutput, StringComparison.Ordinal);
        Assert.Contains("diary.txt", cli.ConsoleOutput, StringComparison.Ordinal);
        Assert.Contains("talks.txt", cli.ConsoleOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void What_a_speaker_said_about_a_word_is_found_with_search_speaker()
    {
        using var cli = new CliHarness();
        string db = Ingest(cli);

        Assert.Equal(0, cli.Run("search", "cars", "--db", db));
        Assert.Equal(3, Lines(cli.ConsoleOutput).Count(l => l.Contains('¶')));
        Assert.Equal(0, cli.Run("search", "cars", "--speaker", "Stalin", "--db", db));
        var hit = Assert.Single(Lines(cli.ConsoleOutput), l => l.Contains('¶'));
        Assert.Contains("talks.txt", hit, StringComparison.Ordinal);
        Assert.Contains("by rail", cli.ConsoleOutput, StringComparison.Ordinal);

        Assert.NotEqual(0, cli.Run("search", "cars", "--speaker", "Molotov", "--db", db));
        Assert.Contains(ErrorCatalogue.FilterEntityNotFound.Code + ":", cli.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merge_from_the_command_line_holds_after_a_re_ingest()
    {
        using var cli = new CliHarness();
        string db = Ingest(cli);
        long stalin, byrnes;
        using (var store = SqliteCorpusStore.Open(db))
        {
            stalin = Assert.Single(store.FindEntities("Stalin")).Id;
            byrnes = Assert.Single(store.FindEntities("Byrnes")).Id;
        }
        Assert.Equal(0, cli.Run("entities", "merge", stalin.ToString(System.Globalization.CultureInfo.InvariantCulture), "Byrnes", "--db", db));
        Assert.NotEqual(0, cli.Run("entities", "merge", "Stalin", "Byrnes", "--db", db));
        Assert.Contains(ErrorCatalogue.EntitiesAlreadyOne.Code + ":", cli.Stderr, StringComparison.Ordinal);

        cli.File("r/talks.txt", Talks + "\nThe meeting ended at noon.\n");
        Assert.Equal(0, cli.Run("ingest", Path.Combine(cli.Folder, "r"), "--db", db));
        using (var store = SqliteCorpusStore.Open(db))
            Assert.Equal(stalin, Assert.Single(store.FindEntities("Byrnes")).Id);

        Assert.Equal(0, cli.Run("entities", "split", stalin.ToString(System.Globalization.CultureInfo.InvariantCulture), "--names", "James F. Byrnes", "--db", db));
        using (var store = SqliteCorpusStore.Open(db))
            Assert.NotEqual(stalin, Assert.Single(store.FindEntities("Byrnes")).Id);
        Assert.True(byrnes > 0);
    }
}
