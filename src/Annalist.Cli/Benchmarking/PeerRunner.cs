using System.Diagnostics;
using System.Text.Json;
using Annalist.Core.Errors;

namespace Annalist.Cli.Benchmarking;

/// <summary>What one peer tool did with the corpus.</summary>
public sealed record PeerRun(string Peer, string Package, string Version, TimeSpan Elapsed)
{
    public double WordsPerSecond(BenchmarkCorpus corpus) => corpus.Words / Elapsed.TotalSeconds;
}

/// <summary>
/// Runs the Node.js scripts of <c>bench/peers</c> on the corpus, written to a temporary folder one file
/// per document. Installs the peers' packages from the committed lockfile (<c>npm ci</c>) on first use.
/// </summary>
public sealed class PeerRunner(string peersDirectory, Action<string> log)
{
    /// <summary>The peers and what each does: the work its own users would ask of it on such records.</summary>
    public static readonly IReadOnlyList<(string Name, string Work)> Peers =
    [
        ("compromise", "tokenize, tag, find people"),
        ("wink", "tokenize, sentences, part-of-speech tags"),
        ("chrono", "dates and times (strict parser)"),
    ];

    /// <summary>The first <c>bench/peers</c> folder found in <paramref name="start"/> or above it, or null.</summary>
    public static string? Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "bench", "peers");
            if (File.Exists(Path.Combine(candidate, "run.mjs"))) return candidate;
        }
        return null;
    }

    public IReadOnlyList<PeerRun> RunAll(BenchmarkCorpus corpus, CancellationToken cancellationToken)
    {
        EnsureInstalled(cancellationToken);
        string folder = Directory.CreateTempSubdirectory("annalist-bench-").FullName;
        try
        {
            var files = new List<string>(corpus.Documents.Count);
            for (int i = 0; i < corpus.Documents.Count; i++)
            {
                string path = Path.Combine(folder, $"{i:D6}.txt");
                File.WriteAllText(path, corpus.Documents[i].Text);
                files.Add(path);
            }
            return Peers.Select(peer => RunOne(peer.Name, files, cancellationToken)).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private void EnsureInstalled(CancellationToken cancellationToken)
    {
        if (Directory.Exists(Path.Combine(peersDirectory, "node_modules"))) return;
        log("Installing the peer tools (npm ci in " + peersDirectory + ") …");
        var (exitCode, _, error) = Execute("npm", ["ci", "--no-audit", "--no-fund"], cancellationToken);
        if (exitCode != 0) throw new AnnalistException(ErrorCatalogue.PeerFailed, "npm ci", FirstLine(error));
    }

    private PeerRun RunOne(string peer, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        log($"Running {peer} …");
        var (exitCode, output, error) = Execute("node", ["run.mjs", peer, .. files], cancellationToken);
        if (exitCode != 0) throw new AnnalistException(ErrorCatalogue.PeerFailed, peer, FirstLine(error));
        try
        {
            using var json = JsonDocument.Parse(output.Trim());
            var root = json.RootElement;
            return new PeerRun(peer, root.GetProperty("package").GetString() ?? peer, root.GetProperty("version").GetString() ?? "?",
                TimeSpan.FromSeconds(root.GetProperty("seconds").GetDouble()));
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new AnnalistException(ErrorCatalogue.PeerFailed, peer, "unexpected output: " + FirstLine(output));
        }
    }

    private (int ExitCode, string Output, string Error) Execute(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = peersDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new AnnalistException(ErrorCatalogue.PeerFailed, program, "could not start");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new AnnalistException(ErrorCatalogue.PeerFailed, program, $"not found ({exception.Message}); install Node.js to compare with the peers");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            process.WaitForExitAsync(cancellationToken).GetAwaiter().GetResult();
            return (process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
        }
    }

    private static string FirstLine(string text)
    {
        string trimmed = text.Trim();
        int newline = trimmed.IndexOf('\n');
        return newline < 0 ? trimmed : trimmed[..newline];
    }
}
