using System.Text;
using System.Text.Json;
using Annalist.Core.Pipeline;
using Annalist.Tests;

namespace Annalist.Cli.Tests.Commands;

public class AnalyzeCommandTests
{
    private const string Memorandum = "memorandum-grain-talks.txt";

    [Fact]
    public void An_example_gives_a_text_report()
    {
        using var cli = new CliHarness();
        int exit = cli.Run("analyze", CliHarness.Example(Memorandum));
        Assert.Equal(0, exit);
        Assert.Contains(Memorandum, cli.ConsoleOutput);
        Assert.Contains("sha256", cli.ConsoleOutput);
        Assert.Contains("utf-8", cli.ConsoleOutput);
        Assert.Contains("Diagnostics", cli.ConsoleOutput);
        foreach (string section in new[] { "People (", "Participants (", "Transcript (", "Dates (", "Quantities (", "Events (", "Commitments (" })
            Assert.Contains(cli.ConsoleOutput.Split('\n'), line => line.StartsWith(section, StringComparison.Ordinal));
        Assert.DoesNotContain("anchor_source=", cli.ConsoleOutput);
        Assert.DoesNotContain("mentions=[", cli.ConsoleOutput);
        Assert.Equal("", cli.Stderr);
        Assert.Equal("", cli.Stdout);
    }

    [Fact]
    public void An_example_gives_json_on_standard_output()
    {
        using var cli = new CliHarness();
        string path = CliHarness.Example(Memorandum);
        int exit = cli.Run("analyze", path, "--format", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(cli.Stdout);
        var document = json.RootElement.GetProperty("document");
        Assert.Equal(Memorandum, document.GetProperty("name").GetString());
        Assert.Equal(File.ReadAllText(path).Length, document.GetProperty("length").GetInt32());
        Assert.Equal(DefaultPipeline.Create().Version, json.RootElement.GetProperty("pipeline").GetString());
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("layers").ValueKind);
        Assert.Equal("", cli.Stderr);
    }

    [Fact]
    public void Indent_lays_json_out_over_lines()
    {
        using var cli = new CliHarness();
        Assert.Equal(0, cli.Run("analyze", CliHarness.Example(Memorandum), "-f", "json", "--indent"));
        Assert.True(cli.Stdout.Trim().Split('\n').Length > 5);
        using var _ = JsonDocument.Parse(cli.Stdout);
    }

    [Fact]
    public void All_lists_every_item_the_default_report_cuts_short()
    {
        using var cli = new CliHarness();
        Assert.Equal(0, cli.Run("analyze", CliHarness.Example(Memorandum)));
        string cut = cli.ConsoleOutput;
        Assert.Contains("more (all with --all or --format json)", cut);
        Assert.Equal(0, cli.Run("analyze", CliHarness.Example(Memorandum), "--all"));
        Assert.DoesNotContain("more (all with --all", cli.ConsoleOutput);
        Assert.True(cli.ConsoleOutput.Split('\n').Length > cut.Split('\n').Length);
    }

    [Fact]
    public void A_missing_file_is_one_coded_line_and_exit_code_2()
    {
        using var cli = new CliHarness();
        int exit = cli.Run("analyze", "missing.txt");
        Assert.Equal(2, exit);
        Assert.Equal(["ANL1001: File not found: missing.txt"], cli.StderrLines);
        Assert.Equal("", cli.Stdout);
    }

    [Fact]
    public void A_link_to_a_missing_file_is_ANL1014_naming_the_link_and_its_target_and_the_other_files_are_analyzed()
    {
        using var cli = new CliHarness();
        string good = cli.File("records/note.txt", "The minister arrived on May 2, 1951.");
        string link = Path.Combine(cli.Folder, "records", "moved.txt");
        File.CreateSymbolicLink(link, Path.Combine(cli.Folder, "archive", "moved.txt"));
        Assert.Equal(2, cli.Run("analyze", link, good, "--format", "json"));
        var error = Assert.Single(cli.StderrLines);
        Assert.StartsWith($"ANL1014: {link} is a symbolic link to {Path.Combine(cli.Folder, "archive", "moved.txt")}, which does not exist", error);
        Assert.Contains("\"note.txt\"", cli.Stdout);

        Assert.Equal(2, cli.Run("analyze", Path.Combine(cli.Folder, "records"), "--format", "json"));
        Assert.StartsWith($"ANL1014: {link} ", Assert.Single(cli.StderrLines));
    }

    [Fact]
    public void A_binary_file_is_refused_with_ANL1002()
    {
        using var cli = new CliHarness();
        string path = cli.File("scan.txt", [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A, 0x00, 0xFF]);
        int exit = cli.Run("analyze", path, "--format", "json");
        Assert.Equal(2, exit);
        var line = Assert.Single(cli.StderrLines);
        Assert.StartsWith("ANL1002: ", line);
        Assert.Contains("PDF", line);
        Assert.Equal("", cli.Stdout);
    }

    [Theory]
    [InlineData("junk.docx", "ANL5060: ")]
    [InlineData("junk.pdf", "ANL5062: ")]
    public void A_damaged_docx_or_pdf_is_an_input_failure_with_exit_code_2(string name, string code)
    {
        using var cli = new CliHarness();
        string path = cli.File(name, "%PDF-1.4 and then nothing a reader could use"u8.ToArray());
        string good = cli.File("good.txt", "The Minister arrived on Monday.");
        int exit = cli.Run("analyze", path, good, "--format", "json");
        Assert.Equal(2, exit);
        var line = Assert.Single(cli.StderrLines);
        Assert.StartsWith(code, line);
        Assert.Single(cli.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_ANL1003_naming_the_byte()
    {
        using var cli = new CliHarness();
        byte[] content = [.. "Valid start, then "u8.ToArray(), 0xC3, 0x28, .. " more."u8.ToArray()];
        string path = cli.File("latin1.txt", content);
        int exit = cli.Run("analyze", path);
        Assert.Equal(2, exit);
        var line = Assert.Single(cli.StderrLines);
        Assert.StartsWith("ANL1003: ", line);
        Assert.Contains("at byte 18", line);
    }

    [Fact]
    public void A_utf16_file_is_analyzed_and_its_encoding_reported()
    {
        using var cli = new CliHarness();
        var encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        const string text = "Minutes, 4 May 1950.\r\nThe Chairman said: “We begin.”\r\n";
        string path = cli.File("wide.txt", [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
        int exit = cli.Run("analyze", path, "--format", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(cli.Stdout);
        var document = json.RootElement.GetProperty("document");
        Assert.Equal("utf-16le", document.GetProperty("encoding").GetString());
        Assert.Equal(text.Length, document.GetProperty("length").GetInt32());
    }

    [Fact]
    public void An_empty_file_is_a_valid_empty_analysis_with_an_info_diagnostic()
    {
        using var cli = new CliHarness();
        string path = cli.File("empty.txt", []);
        Assert.Equal(0, cli.Run("analyze", path, "--format", "json"));
        using var json = JsonDocument.Parse(cli.Stdout);
        Assert.Equal(0, json.RootElement.GetProperty("document").GetProperty("length").GetInt32());
        var diagnostic = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("ANL1008", diagnostic.GetProperty("code").GetString());
        Assert.Equal("info", diagnostic.GetProperty("severity").GetString());

        Assert.Equal(0, cli.Run("analyze", path));
        Assert.Contains("0 characters", cli.ConsoleOutput);
        Assert.Contains("ANL1008", cli.ConsoleOutput);
    }

    [Fact]
    public void Out_writes_one_json_file_per_input_into_a_new_folder()
    {
        using var cli = new CliHarness();
        string first = cli.File("a/record.txt", "First record [sic].");
        string second = cli.File("b/record.txt", "Second record.");
        string third = cli.File("notes.md", "# Notes\nThird.");
        string output = Path.Combine(cli.Folder, "out", "nested");
        int exit = cli.Run("analyze", first, second, third, "--format", "json", "--out", output);
        Assert.Equal(0, exit);
        Assert.Equal("", cli.Stdout);
        Assert.Equal(["notes.json", "record-2.json", "record.json"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "record-2.json"))))
            Assert.Equal("Second record.".Length, json.RootElement.GetProperty("document").GetProperty("length").GetInt32());
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "notes.json"))))
            Assert.Equal("Notes", json.RootElement.GetProperty("document").GetProperty("title").GetString());
        Assert.Equal([$"Analyzed 3 of 3 files into {output}."], cli.StderrLines);
    }

    [Fact]
    public void Out_writes_text_reports_too()
    {
        using var cli = new CliHarness(MarkingAnnotator.Pipeline);
        string first = cli.File("one.txt", "He wrote [sic] “twice”.");
        string second = cli.File("two.txt", "Nothing here.");
        string output = Path.Combine(cli.Folder, "reports");
        Assert.Equal(0, cli.Run("analyze", first, second, "--out", output));
        string report = File.ReadAllText(Path.Combine(output, "one.txt"));
        Assert.Contains("one.txt", report);
        Assert.Contains("[sic]", report);
        Assert.Contains("“twice”", report);
        Assert.DoesNotContain("\u001b[", report);
        Assert.True(File.Exists(Path.Combine(output, "two.txt")));
    }

    [Fact]
    public void Many_files_into_a_folder_show_progress_on_standard_error()
    {
        using var cli = new CliHarness();
        var paths = Enumerable.Range(1, 6).Select(i => cli.File($"in/doc{i}.txt", $"Document {i}.")).ToArray();
        string output = Path.Combine(cli.Folder, "out");
        Assert.Equal(0, cli.Run(["analyze", .. paths, "-f", "json", "-o", output]));
        Assert.Equal(6, Directory.GetFiles(output, "*.json").Length);
        Assert.Equal(7, cli.StderrLines.Length);
        Assert.StartsWith("[1/6] ", cli.StderrLines[0]);
        Assert.StartsWith("[6/6] ", cli.StderrLines[5]);
    }

    [Fact]
    public void Several_files_give_json_lines_and_a_bad_one_does_not_stop_the_others()
    {
        using var cli = new CliHarness();
        string first = cli.File("first.txt", "One.");
        string second = cli.File("second.txt", "Two, longer.");
        int exit = cli.Run("analyze", first, Path.Combine(cli.Folder, "absent.txt"), second, "--format", "json");
        Assert.Equal(2, exit);
        var lines = cli.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var names = lines.Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.GetProperty("document").GetProperty("name").GetString();
        });
        Assert.Equal(["first.txt", "second.txt"], names);
        var error = Assert.Single(cli.StderrLines);
        Assert.StartsWith("ANL1001: File not found: ", error);
    }

    [Fact]
    public void Several_files_as_text_give_one_section_each()
    {
        using var cli = new CliHarness();
        string first = cli.File("alpha.txt", "One.");
        string second = cli.File("beta.txt", "Two.");
        Assert.Equal(0, cli.Run("analyze", first, second));
        int alpha = cli.ConsoleOutput.IndexOf("alpha.txt", StringComparison.Ordinal);
        int beta = cli.ConsoleOutput.IndexOf("beta.txt", StringComparison.Ordinal);
        Assert.True(alpha >= 0 && beta > alpha, cli.ConsoleOutput);
    }

    [Fact]
    public void A_folder_stands_for_its_text_and_markdown_files_but_not_its_readme()
    {
        using var cli = new CliHarness();
        cli.File("docs/b.txt", "B.");
        cli.File("docs/a.md", "A.");
        cli.File("docs/README.md", "About this folder.");
        cli.File("docs/data.csv", "x,y");
        Assert.Equal(0, cli.Run("analyze", Path.Combine(cli.Folder, "docs"), "-f", "json"));
        var names = cli.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.GetProperty("document").GetProperty("name").GetString();
        });
        Assert.Equal(["a.md", "b.txt"], names);
    }

    [Fact]
    public void A_folder_without_inputs_is_ANL1009()
    {
        using var cli = new CliHarness();
        string folder = Path.Combine(cli.Folder, "empty");
        Directory.CreateDirectory(folder);
        Assert.Equal(2, cli.Run("analyze", folder));
        Assert.StartsWith("ANL1009: ", Assert.Single(cli.StderrLines));
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--format", "xml")]
    [InlineData("-f", "tei")]
    public void A_bad_option_is_one_coded_line_and_exit_code_2(params string[] options)
    {
        using var cli = new CliHarness();
        string path = cli.File("ok.txt", "Fine.");
        int exit = cli.Run(["analyze", path, .. options]);
        Assert.Equal(2, exit);
        var line = Assert.Single(cli.StderrLines);
        Assert.StartsWith("ANL1007: ", line);
        Assert.Equal("", cli.Stdout);
    }

    [Fact]
    public void A_bad_format_names_the_accepted_ones()
    {
        using var cli = new CliHarness();
        cli.Run("analyze", cli.File("ok.txt", "Fine."), "--format", "xml");
        Assert.Equal(["ANL1007: Unknown format 'xml' for --format: use text or json."], cli.StderrLines);
    }

    [Fact]
    public void A_format_without_a_value_says_so()
    {
        using var cli = new CliHarness();
        Assert.Equal(2, cli.Run("analyze", cli.File("ok.txt", "Fine."), "--format"));
        Assert.Equal(["ANL1007: --format needs a value: text or json."], cli.StderrLines);
    }

    [Fact]
    public void No_file_is_a_coded_error()
    {
        using var cli = new CliHarness();
        Assert.Equal(2, cli.Run("analyze"));
        Assert.StartsWith("ANL1007: ", Assert.Single(cli.StderrLines));
    }

    [Fact]
    public void An_unknown_command_is_a_coded_error()
    {
        using var cli = new CliHarness();
        Assert.Equal(2, cli.Run("analyse", "x.txt"));
        Assert.StartsWith("ANL1007: ", Assert.Single(cli.StderrLines));
    }

    [Fact]
    public void An_internal_failure_is_one_line_without_a_stack_trace_and_exit_code_1()
    {
        using var cli = new CliHarness(() => throw new InvalidOperationException("the model file is damaged"));
        int exit = cli.Run("analyze", cli.File("ok.txt", "Fine."));
        Assert.Equal(1, exit);
        Assert.Equal(["ANL9001: Internal error: the model file is damaged"], cli.StderrLines);
        Assert.DoesNotContain(" at ", cli.ConsoleOutput);
    }

    [Fact]
    public void Diagnostics_of_the_pipeline_reach_the_json()
    {
        using var cli = new CliHarness(MarkingAnnotator.Pipeline);
        const string text = "He began: “and never [finished";
        Assert.Equal(0, cli.Run("analyze", cli.File("open.txt", text), "-f", "json"));
        using var json = JsonDocument.Parse(cli.Stdout);
        var diagnostic = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("ANL2001", diagnostic.GetProperty("code").GetString());
        Assert.Equal(text.IndexOf('“'), diagnostic.GetProperty("start").GetInt32());
        var quotation = Assert.Single(json.RootElement.GetProperty("layers").GetProperty("quotations").GetProperty("spans").EnumerateArray());
        Assert.False(quotation.GetProperty("closed").GetBoolean());
    }

    [Fact]
    public void A_generated_50_MB_text_is_analyzed_end_to_end_into_valid_json()
    {
        // The text-structure layers: this checks reading, streaming and writing at size; the speed of the
        // full pipeline on large input is measured by `annalist bench`, not here.
        using var cli = new CliHarness(() => new PipelineBuilder()
            .Add(new Core.Segmentation.ParagraphAnnotator())
            .Add(new Core.Tokens.TokenAnnotator())
            .Add(new Core.Segmentation.SentenceAnnotator())
            .Add(new Core.Editorial.EditorialAnnotator())
            .Add(new Core.Quotations.QuotationAnnotator())
            .Build());
        string text = GeneratedText.OfBytes(50 * 1024 * 1024, seed: 11);
        string path = cli.File("large.txt", text);
        string output = Path.Combine(cli.Folder, "out");
        // Over the default --max-chars, which is set for the full pipeline's memory; these light layers need far less.
        Assert.Equal(2, cli.Run("analyze", path, "--format", "json", "--out", output));
        Assert.Contains("ANL1013", cli.Stderr);
        int exit = cli.Run("analyze", path, "--format", "json", "--out", output, "--max-chars", "0");
        Assert.Equal(0, exit);
        var (length, layers) = StreamingJson.ValidateAndReadDocumentLength(Path.Combine(output, "large.json"));
        Assert.Equal(text.Length, length);
        Assert.True(layers, "the output has no layers object");
    }
}

public class InputFilesTests
{
    [Fact]
    public void Output_names_never_overwrite_an_input_in_the_output_folder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "annalist-names");
        var inputs = new[] { new Cli.Commands.InputFile(Path.Combine(folder, "record.txt")), new Cli.Commands.InputFile(Path.Combine(folder, "other.md")) };
        Assert.Equal(["record-2.txt", "other.txt"], Cli.Commands.InputFiles.OutputNames(inputs, ".txt", folder));
        Assert.Equal(["record.json", "other.json"], Cli.Commands.InputFiles.OutputNames(inputs, ".json", folder));
    }

    [Fact]
    public void Text_reports_written_beside_their_inputs_leave_the_inputs_intact()
    {
        using var cli = new CliHarness();
        string path = cli.File("record.txt", "The original words.");
        Assert.Equal(0, cli.Run("analyze", path, "--out", cli.Folder));
        Assert.Equal("The original words.", File.ReadAllText(path));
        Assert.Contains("record.txt", File.ReadAllText(Path.Combine(cli.Folder, "record-2.txt")));
    }

    private const string Volume = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0">
        <teiHeader><fileDesc><titleStmt><title>An Invented Volume</title></titleStmt></fileDesc></teiHeader>
        <text><body>
        <div type="document" xml:id="d3" n="3"><head>3. Memorandum, <date when="1952-02-11">February 11, 1952</date></head>
        <p>Mr. Aalto met the Minister in Turku.</p></div>
        <div type="document" xml:id="d4" n="4"><head>4. Telegram, <date when="1952-02-12">February 12, 1952</date></head>
        <p>The Minister left for Oslo the next day.</p></div>
        </body></text></TEI>
        """;

    [Fact]
    public void A_TEI_volume_is_analyzed_as_its_documents_not_as_markup()
    {
        using var cli = new CliHarness();
        string volume = cli.File("volume.xml", Volume);
        Assert.Equal(0, cli.Run("analyze", volume, "--format", "json"));
        var lines = cli.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.DoesNotContain("<div", cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("Aalto", lines[0], StringComparison.Ordinal);
        Assert.Contains("Oslo", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_TEI_volume_written_to_a_folder_gives_one_file_per_document()
    {
        using var cli = new CliHarness();
        string volume = cli.File("volume.xml", Volume);
        string output = Path.Combine(cli.Folder, "out");
        Assert.Equal(0, cli.Run("analyze", volume, "--format", "json", "--out", output));
        Assert.Equal(["volume-d3.json", "volume-d4.json"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal([$"Analyzed 2 of 2 documents into {output}."], cli.StderrLines);
    }

    [Fact]
    public void One_document_of_a_volume_is_named_by_its_id()
    {
        using var cli = new CliHarness();
        string volume = cli.File("volume.xml", Volume);
        Assert.Equal(0, cli.Run("analyze", volume + "#d4", "--format", "json"));
        var lines = cli.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("Oslo", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Aalto", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_the_volume_lacks_is_ANL1204_naming_the_id_not_a_missing_file()
    {
        using var cli = new CliHarness();
        string volume = cli.File("volume.xml", Volume);
        Assert.Equal(2, cli.Run("analyze", volume + "#d9", "--format", "json"));
        var line = Assert.Single(cli.StderrLines);
        Assert.StartsWith("ANL1204: ", line);
        Assert.Contains("'d9'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not found", line, StringComparison.Ordinal);
    }
}
