using System.Text.Json;

namespace Annalist.Cli.Tests.Commands;

/// <summary>What a user meets with inputs of the wrong encoding, very long inputs and long runs: <c>--encoding</c>, <c>--max-chars</c>, live progress.</summary>
public class InputOptionsTests
{
    // "Café – ‘the Consul’s’ note. The Minister arrived on Monday." in Windows-1252.
    private static readonly byte[] Windows1252 =
        [0x43, 0x61, 0x66, 0xE9, 0x20, 0x96, 0x20, 0x91, 0x74, 0x68, 0x65, 0x20, 0x43, 0x6F, 0x6E, 0x73, 0x75, 0x6C, 0x92, 0x73, 0x92, 0x20, 0x6E, 0x6F, 0x74, 0x65, 0x2E,
         .. " The Minister arrived on Monday."u8.ToArray()];

    [Fact]
    public void Analyze_decodes_a_windows_1252_file_with_encoding_and_records_it()
    {
        using var cli = new MarkingCli();
        string path = cli.Harness.File("note.txt", Windows1252);
        Assert.Equal(0, cli.Harness.Run("analyze", path, "--format", "json", "--encoding", "windows-1252"));
        using var json = JsonDocument.Parse(cli.Harness.Stdout);
        Assert.Equal("windows-1252", json.RootElement.GetProperty("document").GetProperty("encoding").GetString());
        Assert.Equal("Café – ‘the Consul’s’ note. The Minister arrived on Monday.".Length, json.RootElement.GetProperty("document").GetProperty("length").GetInt32());
    }

    [Fact]
    public void Without_encoding_the_file_is_ANL1003_with_the_option_as_hint()
    {
        using var cli = new MarkingCli();
        string path = cli.Harness.File("note.txt", Windows1252);
        Assert.Equal(2, cli.Harness.Run("analyze", path));
        var line = Assert.Single(cli.Harness.StderrLines);
        Assert.StartsWith("ANL1003: ", line);
        Assert.Contains("--encoding windows-1252", line);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("ingest")]
    [InlineData("export")]
    public void An_unknown_encoding_is_one_coded_line_and_exit_2(string command)
    {
        using var cli = new MarkingCli();
        string path = cli.Harness.File("note.txt", Windows1252);
        string[] args = command == "export" ? [command, "--format", "json", "--out", Path.Combine(cli.Harness.Folder, "out"), path, "--encoding", "klingon-7"]
            : command == "ingest" ? [command, path, "--db", Path.Combine(cli.Harness.Folder, "c.db"), "--encoding", "klingon-7"]
            : [command, path, "--encoding", "klingon-7"];
        Assert.Equal(2, cli.Harness.Run(args));
        Assert.Contains(cli.Harness.StderrLines, line => line.StartsWith("ANL1012: Unknown text encoding 'klingon-7'", StringComparison.Ordinal));
    }

    [Fact]
    public void Ingest_and_export_take_the_encoding_too()
    {
        using var cli = new MarkingCli();
        string path = cli.Harness.File("note.txt", Windows1252);
        string db = Path.Combine(cli.Harness.Folder, "c.db");
        Assert.Equal(0, cli.Harness.Run("ingest", path, "--db", db, "--encoding", "cp1252"));
        Assert.Equal(0, cli.Harness.Run("search", "Café", "--db", db));

        string folder = Path.Combine(cli.Harness.Folder, "out");
        Assert.Equal(0, cli.Harness.Run("export", "--format", "json", "--out", folder, path, "--encoding", "windows-1252"));
        string written = Assert.Single(Directory.GetFiles(folder, "*.json"));
        using var exported = JsonDocument.Parse(File.ReadAllText(written));
        Assert.Equal("windows-1252", exported.RootElement.GetProperty("document").GetProperty("encoding").GetString());
    }

    [Fact]
    public void Export_of_a_store_refuses_encoding_since_the_store_keeps_its_text()
    {
        using var cli = new MarkingCli();
        Assert.Equal(2, cli.Harness.Run("export", "--format", "json", "--encoding", "windows-1252"));
        Assert.Contains("--encoding", cli.Harness.Stderr);
    }

    [Fact]
    public void A_document_over_max_chars_is_ANL1013_with_a_hint_and_the_others_are_analyzed()
    {
        using var cli = new MarkingCli();
        string big = cli.Harness.File("big.txt", string.Concat(Enumerable.Repeat("The Minister arrived on Monday. ", 40)));
        string small = cli.Harness.File("small.txt", "The Minister arrived on Monday.");
        Assert.Equal(2, cli.Harness.Run("analyze", big, small, "--format", "json", "--max-chars", "1000"));
        var line = Assert.Single(cli.Harness.StderrLines);
        Assert.StartsWith("ANL1013: ", line);
        Assert.Contains("1,280 characters long, over the limit of 1,000", line);
        Assert.Contains("--max-chars", line);
        Assert.Single(cli.Harness.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(0, cli.Harness.Run("analyze", big, "--format", "json", "--max-chars", "0"));
    }

    [Fact]
    public void Ingest_skips_a_document_over_max_chars_with_ANL1013()
    {
        using var cli = new MarkingCli();
        string big = cli.Harness.File("big.txt", string.Concat(Enumerable.Repeat("The Minister arrived on Monday. ", 40)));
        Assert.Equal(2, cli.Harness.Run("ingest", big, "--db", Path.Combine(cli.Harness.Folder, "c.db"), "--max-chars", "1000"));
        Assert.Contains("ANL1013", cli.Harness.Stderr);
    }

    [Fact]
    public void A_long_run_shows_the_running_component_on_a_terminal()
    {
        using var cli = new MarkingCli(interactive: true);
        string path = cli.Harness.File("note.txt", "The Minister arrived on Monday.");
        Assert.Equal(0, cli.Harness.Run("analyze", path, "--format", "json"));
        Assert.Contains("analyzing note.txt (31 characters): test.marking.v1 (1/1)", cli.Harness.Stderr);
        using var json = JsonDocument.Parse(cli.Harness.Stdout);
    }

    [Fact]
    public void Piped_standard_error_gets_no_progress()
    {
        using var cli = new MarkingCli();
        string path = cli.Harness.File("note.txt", "The Minister arrived on Monday.");
        Assert.Equal(0, cli.Harness.Run("analyze", path));
        Assert.Equal("", cli.Harness.Stderr);
    }

    [Fact]
    public void The_text_report_has_no_line_padded_with_blanks()
    {
        using var cli = new MarkingCli();
        string path = cli.Harness.File("note.txt", "The Minister [sic] said: “We shall send grain.”\n\nNext [March 3] day.");
        Assert.Equal(0, cli.Harness.Run("analyze", path));
        var lines = cli.Harness.ConsoleOutput.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(lines, l => l.Contains("[sic]"));
        Assert.All(lines, l => Assert.False(l.EndsWith(' '), $"padded: '{l}'"));
    }

    /// <summary>A harness with the marking pipeline (fast, no models), on a piped or a terminal standard error.</summary>
    private sealed class MarkingCli(bool interactive = false) : IDisposable
    {
        public CliHarness Harness { get; } = new(MarkingAnnotator.Pipeline) { ErrorIsInteractive = interactive };

        public void Dispose() => Harness.Dispose();
    }
}
