using System.Text.Json;
using Annalist.Tests;

namespace Annalist.Cli.Tests.Commands;

public sealed class EvalCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("annalist-eval-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Runs the command; Output is the report or JSON, Errors what went to standard error.</summary>
    private static (int ExitCode, string Output, string Errors) Run(params string[] args)
    {
        using var cli = new CliHarness();
        int exitCode = cli.Run(args);
        return (exitCode, cli.ConsoleOutput + cli.Stdout, cli.Stderr);
    }

    private string WriteGold(string json, string text = "The envoys met on June 4 [sic] and left.")
    {
        File.WriteAllText(Path.Combine(_folder, "doc.txt"), text);
        string path = Path.Combine(_folder, "doc.gold.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Eval_prints_the_table_and_every_miss()
    {
        string gold = WriteGold("""{"format": "annalist-gold/1", "document": "doc.txt", "timexes": [{"text": "left", "type": "DATE", "value": "XXXX-06-05"}]}""");

        var (exitCode, output, _) = Run("eval", gold);

        Assert.Equal(0, exitCode);
        Assert.Contains("Gold evaluation: 1 document", output);
        Assert.Contains("relaxed_f1", output);
        Assert.Contains("\"left\" DATE XXXX-06-05", output);
    }

    [Fact]
    public void Eval_json_has_documents_and_the_scored_layers()
    {
        string gold = WriteGold("""{"format": "annalist-gold/1", "document": "doc.txt", "editorial": [{"kind": "note", "text": "[sic]"}]}""");

        var (exitCode, output, _) = Run("eval", gold, "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("documents").GetInt32());
        Assert.Equal(["precision", "recall", "f1"], json.RootElement.GetProperty("layers").GetProperty("editorial").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("""{"format": "annalist-gold/1", "document": "doc.txt", "timexes": [{"text": "July 4", "type": "DATE", "value": "X"}]}""", "ANL1104")]
    [InlineData("""{"format": "annalist-gold/0", "document": "doc.txt"}""", "ANL1102")]
    [InlineData("""{"format": "annalist-gold/1", "document": "doc.txt", """, "ANL1101")]
    [InlineData("""{"format": "annalist-gold/1", "document": "missing.txt"}""", "ANL1001")]
    public void Bad_input_is_one_coded_line_on_standard_error_and_exit_code_2(string json, string code)
    {
        string gold = WriteGold(json);

        var (exitCode, output, errors) = Run("eval", gold);

        Assert.Equal(2, exitCode);
        Assert.StartsWith(code + ":", errors.Trim());
        Assert.Single(errors.Trim().Split('\n'));
        Assert.Equal("", output.Trim());
    }

    [Fact]
    public void A_missing_gold_file_is_ANL1001()
    {
        var (exitCode, _, errors) = Run("eval", Path.Combine(_folder, "nothing.gold.json"));

        Assert.Equal(2, exitCode);
        Assert.StartsWith("ANL1001:", errors.Trim());
    }

    [Fact]
    public void Eval_ner_gum_on_a_folder_that_is_not_GUM_is_ANL1105()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "dep"));
        var (exitCode, _, errors) = Run("eval", "ner", "gum", Path.Combine(_folder, "dep"));
        Assert.Equal(2, exitCode);
        Assert.StartsWith("ANL1105:", errors.Trim());
    }

    [Fact]
    public void Eval_timeml_reads_files_and_checks_the_anchor()
    {
        string file = Path.Combine(_folder, "a.tml");
        File.WriteAllText(file, "<TimeML><TEXT>Rain fell <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2001-05-02\">on May 2</TIMEX3>.</TEXT></TimeML>");

        var (exitCode, output, _) = Run("eval", "timeml", file, "--anchor", "narrative", "--json");
        var (badExit, _, _) = Run("eval", "timeml", file, "--anchor", "soon");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["strict_f1", "relaxed_f1", "value_accuracy", "value_f1", "type_accuracy"], json.RootElement.GetProperty("layers").GetProperty("timexes").EnumerateObject().Select(p => p.Name));
        Assert.NotEqual(0, badExit);
    }

    [Fact]
    public void Eval_frus_reports_malformed_xml_as_a_coded_line()
    {
        string file = Path.Combine(_folder, "v.xml");
        File.WriteAllText(file, "<TEI><text><body>");

        var (exitCode, _, errors) = Run("eval", "frus", file);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("ANL1201:", errors.Trim());
    }

    [SharedFact]
    public void Eval_on_the_seed_gold_lists_its_layers()
    {
        var (exitCode, output, _) = Run("eval", SharedData.PathTo("gold", "000_b6bf8e9b8d153cfb.gold.json"), "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["timexes", "entities", "turns", "events", "quantities", "editorial", "attributions"],
            json.RootElement.GetProperty("layers").EnumerateObject().Select(p => p.Name));
    }
}
