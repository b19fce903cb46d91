using System.Text.Json;
using Annalist.Tests;
using Spectre.Console.Cli;
using Spectre.Console.Testing;

namespace Annalist.Cli.Tests.Commands;

public sealed class EvalCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("annalist-eval-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int ExitCode, string Output) Run(params string[] args)
    {
        var console = new TestConsole().Width(200);
        var app = new CommandApp();
        app.Configure(config =>
        {
            AnnalistApp.Configure(config);
            config.ConfigureConsole(console);
        });
        int exitCode = app.Run(AnnalistApp.NormalizeArguments(args));
        return (exitCode, console.Output);
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
        string gold = WriteGold("""{"format": "annalist-gold/1", "document": "doc.txt", "timexes": [{"text": "June 4", "type": "DATE", "value": "XXXX-06-04"}]}""");

        var (exitCode, output) = Run("eval", gold);

        Assert.Equal(0, exitCode);
        Assert.Contains("Gold evaluation: 1 document", output);
        Assert.Contains("relaxed_f1", output);
        Assert.Contains("\"June 4\" DATE XXXX-06-04", output);
    }

    [Fact]
    public void Eval_json_has_documents_and_the_scored_layers()
    {
        string gold = WriteGold("""{"format": "annalist-gold/1", "document": "doc.txt", "editorial": [{"kind": "note", "text": "[sic]"}]}""");

        var (exitCode, output) = Run("eval", gold, "--json");

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
    public void Bad_input_is_one_coded_line_and_exit_code_1(string json, string code)
    {
        string gold = WriteGold(json);

        var (exitCode, output) = Run("eval", gold);

        Assert.Equal(1, exitCode);
        Assert.StartsWith(code + ":", output.Trim());
        Assert.Single(output.Trim().Split('\n'));
    }

    [Fact]
    public void A_missing_gold_file_is_ANL1001()
    {
        var (exitCode, output) = Run("eval", Path.Combine(_folder, "nothing.gold.json"));

        Assert.Equal(1, exitCode);
        Assert.StartsWith("ANL1001:", output.Trim());
    }

    [Fact]
    public void Eval_timeml_reads_files_and_checks_the_anchor()
    {
        string file = Path.Combine(_folder, "a.tml");
        File.WriteAllText(file, "<TimeML><TEXT>Rain fell <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2001-05-02\">on May 2</TIMEX3>.</TEXT></TimeML>");

        var (exitCode, output) = Run("eval", "timeml", file, "--anchor", "narrative", "--json");
        var (badExit, _) = Run("eval", "timeml", file, "--anchor", "soon");

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

        var (exitCode, output) = Run("eval", "frus", file);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("ANL1201:", output.Trim());
    }

    [SharedFact]
    public void Eval_on_the_seed_gold_lists_its_layers()
    {
        var (exitCode, output) = Run("eval", SharedData.PathTo("gold", "000_b6bf8e9b8d153cfb.gold.json"), "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["timexes", "entities", "turns", "events", "quantities", "editorial", "attributions"],
            json.RootElement.GetProperty("layers").EnumerateObject().Select(p => p.Name));
    }
}
