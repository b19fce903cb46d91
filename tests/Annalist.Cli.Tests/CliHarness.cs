using System.Text;
using Annalist.Core.Pipeline;
using Spectre.Console.Cli.Testing;
using Spectre.Console.Testing;

namespace Annalist.Cli.Tests;

/// <summary>Runs <c>annalist</c> in-process with captured standard output and error, in a temp folder of its own.</summary>
internal sealed class CliHarness : IDisposable
{
    private readonly Func<AnalysisPipeline>? _pipeline;

    public CliHarness(Func<AnalysisPipeline>? pipeline = null)
    {
        _pipeline = pipeline;
        Folder = Path.Combine(Path.GetTempPath(), "annalist-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>Whether standard error is taken for a terminal (live progress is drawn on it); false, as when piped, by default.</summary>
    public bool ErrorIsInteractive { get; init; }

    public string Stdout { get; private set; } = "";

    public string Stderr { get; private set; } = "";

    /// <summary>What Spectre wrote to the console: the text report, help.</summary>
    public string ConsoleOutput { get; private set; } = "";

    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public string File(string name, byte[] content)
    {
        string path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public string File(string name, string content) => File(name, Encoding.UTF8.GetBytes(content));

    public int Run(params string[] args)
    {
        var console = new TestConsole().Width(160);
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var services = new AnnalistServices(new CommandStreams(console, stdout, stderr, ErrorIsInteractive), _pipeline);
        var tester = new CommandAppTester(console: console);
        tester.Configure(config => AnnalistApp.Configure(config, services));
        var result = tester.Run(AnnalistApp.NormalizeArguments(args));
        Stdout = Encoding.UTF8.GetString(stdout.ToArray());
        Stderr = stderr.ToString();
        ConsoleOutput = result.Output;
        return result.ExitCode;
    }

    public static string Example(string name) => Path.Combine(Annalist.Tests.SharedData.RepositoryRoot, "examples", name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
