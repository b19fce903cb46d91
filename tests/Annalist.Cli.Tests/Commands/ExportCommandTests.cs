using System.Text.Json;
using Annalist.Core.Errors;

namespace Annalist.Cli.Tests.Commands;

/// <summary><c>annalist export</c> over files analyzed on the fly and over a store: the same output either way.</summary>
public partial class ExportCommandTests
{
    private const string Memorandum =
        "Memorandum of Conversation\n\nParticipants:\nAmbassador Ilse Varga\nMr. Tomas Reyes, Ministry of Trade\n\n"
        + "On March 4, 1952 Ambassador Varga said: \"We need forty trucks [sic] before the winter.\" Mr. Reyes replied: \"You will have twenty.\"\n\n"
        + "Varga asked whether the rest could follow in April. Reyes said that he would ask the Minister.\n";

    private const string Diary =
        "Tuesday, June 3, 1947\n\nIn the evening Colonel Abel Moss met with Judge Vera Lind in Lisbon. Moss told her: \"The papers are lost.\" Lind answered: \"Then we wait.\"\n";

    [Theory]
    [InlineData("tei", ".xml")]
    [InlineData("json", ".json")]
    [InlineData("webanno", ".jsonld")]
    [InlineData("webanno-tsv", ".tsv")]
    public void Files_are_analyzed_and_written_one_per_document(string format, string extension)
    {
        using var cli = new CliHarness();
        cli.File("in/memo.txt", Memorandum);
        cli.File("in/diary.md", Diary);
        string output = Path.Combine(cli.Folder, "out");

        Assert.Equal(0, cli.Run("export", "--format", format, "--out", output, Path.Combine(cli.Folder, "in")));

        Assert.Equal(["diary" + extension, "memo" + extension], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains($"Exported 2 documents as {format}", cli.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_writes_a_table_per_layer_kind_and_the_person_network()
    {
        using var cli = new CliHarness();
        string memo = cli.File("memo.txt", Memorandum);
        string output = Path.Combine(cli.Folder, "csv");

        Assert.Equal(0, cli.Run("export", "--format", "csv", "--out", output, memo));

        foreach (string table in new[] { "mentions", "entities", "timexes", "turns", "events", "quantities", "nodes", "edges" })
            Assert.True(File.Exists(Path.Combine(output, table + ".csv")), table);
        var turns = File.ReadAllLines(Path.Combine(output, "turns.csv"));
        Assert.StartsWith("document,start,end,text,mode,speakers", turns[0], StringComparison.Ordinal);
        Assert.Contains(turns, line => line.Contains("You will have twenty.", StringComparison.Ordinal));
        Assert.True(File.ReadAllLines(Path.Combine(output, "edges.csv")).Length > 1, "no edge between the speakers");
    }

    [Fact]
    public void A_store_exports_as_the_same_files_analyzed_on_the_fly()
    {
        using var cli = new CliHarness();
        cli.File("in/memo.txt", Memorandum);
        cli.File("in/diary.txt", Diary);
        string input = Path.Combine(cli.Folder, "in");
        string db = Path.Combine(cli.Folder, "corpus.db");
        Assert.Equal(0, cli.Run("ingest", input, "--db", db));

        foreach (string format in new[] { "tei", "webanno", "webanno-tsv", "csv", "gexf" })
        {
            string fromFiles = Path.Combine(cli.Folder, format + "-files"), fromStore = Path.Combine(cli.Folder, format + "-store");
            Assert.Equal(0, cli.Run("export", "--format", format, "--out", fromFiles, input));
            Assert.Equal(0, cli.Run("export", "--format", format, "--db", db, "--out", fromStore));
            var files = Directory.GetFiles(fromFiles).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(files, Directory.GetFiles(fromStore).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal));
            foreach (string name in files)
                Assert.True(WithoutCreated(File.ReadAllText(Path.Combine(fromFiles, name))) == WithoutCreated(File.ReadAllText(Path.Combine(fromStore, name))),
                    $"{format}: {name} differs between the store and the files");
        }
    }

    /// <summary>A Web Annotation export stamps each annotation with the time of the export, which two runs never share.</summary>
    private static string WithoutCreated(string export) => CreatedTime().Replace(export, "\"created\": \"…\"");

    [System.Text.RegularExpressions.GeneratedRegex("\"created\": \"[0-9T:Z-]+\"")]
    private static partial System.Text.RegularExpressions.Regex CreatedTime();

    [Fact]
    public void Web_annotations_target_the_document_with_quotes_of_its_text()
    {
        using var cli = new CliHarness();
        string memo = cli.File("memo.txt", Memorandum);
        string output = Path.Combine(cli.Folder, "anno");

        Assert.Equal(0, cli.Run("export", "--format", "webanno", "--out", output, memo));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "memo.jsonld")));
        Assert.Equal("http://www.w3.org/ns/anno.jsonld", json.RootElement.GetProperty("@context")[0].GetString());
        var items = json.RootElement.GetProperty("first").GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, item => item.GetProperty("layer").GetString() == "turns"
            && item.GetProperty("target").GetProperty("selector")[1].GetProperty("exact").GetString() == "You will have twenty.");
        Assert.Contains(items, item => item.GetProperty("layer").GetString() == "timexes");
    }

    [Fact]
    public void A_stored_document_exports_as_json_with_the_layers_of_its_analysis()
    {
        using var cli = new CliHarness();
        string memo = cli.File("memo.txt", Memorandum);
        string db = Path.Combine(cli.Folder, "corpus.db");
        Assert.Equal(0, cli.Run("ingest", memo, "--db", db));
        Assert.Equal(0, cli.Run("export", "--format", "json", "--db", db, "--out", Path.Combine(cli.Folder, "store")));
        Assert.Equal(0, cli.Run("export", "--format", "json", "--out", Path.Combine(cli.Folder, "files"), memo));

        using var stored = JsonDocument.Parse(File.ReadAllText(Path.Combine(cli.Folder, "store", "memo.json")));
        using var fresh = JsonDocument.Parse(File.ReadAllText(Path.Combine(cli.Folder, "files", "memo.json")));
        var storedLayers = stored.RootElement.GetProperty("layers").EnumerateObject().ToDictionary(layer => layer.Name, layer => layer.Value);
        var freshLayers = fresh.RootElement.GetProperty("layers").EnumerateObject().ToDictionary(layer => layer.Name, layer => layer.Value);
        Assert.Equal(freshLayers.Keys.Order(StringComparer.Ordinal), storedLayers.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, layer) in freshLayers)
        {
            // The store lists layers by name, so only the order of a layer's aligned list may differ.
            Assert.Equal(layer.GetProperty("producer").GetString(), storedLayers[name].GetProperty("producer").GetString());
            Assert.True(JsonElement.DeepEquals(layer.GetProperty("spans"), storedLayers[name].GetProperty("spans")), $"layer {name} differs");
        }
    }

    [Fact]
    public void A_correction_in_the_store_shows_in_the_export()
    {
        using var cli = new CliHarness();
        string memo = cli.File("memo.txt", Memorandum);
        string db = Path.Combine(cli.Folder, "corpus.db");
        Assert.Equal(0, cli.Run("ingest", memo, "--db", db));
        Assert.Equal(0, cli.Run("correct", "add", "memo.txt", "--quote", "Ministry of Trade", "--type", "organization", "--db", db));
        Assert.Equal(0, cli.Run("export", "--format", "csv", "--db", db, "--out", Path.Combine(cli.Folder, "csv")));

        Assert.Contains(File.ReadAllLines(Path.Combine(cli.Folder, "csv", "mentions.csv")), line => line.Contains(",Ministry of Trade,organization", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_store_is_refused_as_by_the_other_corpus_commands_and_nothing_is_created()
    {
        using var cli = new CliHarness();
        string db = Path.Combine(cli.Folder, "none.db");
        string folder = Path.Combine(cli.Folder, "out");

        Assert.Equal(AnnalistApp.InputErrorExitCode, cli.Run("export", "--format", "tei", "--db", db, "--out", folder));

        Assert.StartsWith(ErrorCatalogue.NoStoreAtPath.Code + ":", cli.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void An_unknown_encoding_leaves_no_output_folder()
    {
        using var cli = new CliHarness(MarkingAnnotator.Pipeline);
        string memo = cli.File("memo.txt", "The Minister arrived.");
        string folder = Path.Combine(cli.Folder, "out");
        Assert.Equal(AnnalistApp.InputErrorExitCode, cli.Run("export", "--format", "tei", "--out", folder, memo, "--encoding", "klingon-7"));
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Unknown_formats_and_unreadable_files_are_reported_with_codes()
    {
        using var cli = new CliHarness();
        string memo = cli.File("memo.txt", Memorandum);
        string binary = cli.File("binary.txt", [0x00, 0x01, 0x02, 0x03]);

        Assert.Equal(AnnalistApp.InputErrorExitCode, cli.Run("export", "--format", "docx", memo));
        Assert.StartsWith(ErrorCatalogue.InvalidOption.Code + ": Unknown format 'docx'", cli.Stderr, StringComparison.Ordinal);

        string output = Path.Combine(cli.Folder, "out");
        Assert.Equal(AnnalistApp.InputErrorExitCode, cli.Run("export", "--format", "tei", "--out", output, memo, binary));
        Assert.Contains(cli.StderrLines, line => line.StartsWith(ErrorCatalogue.BinaryInput.Code + ":", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(output, "memo.xml")));
    }
}
