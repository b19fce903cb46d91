using System.Diagnostics;
using Annalist.Tests;

namespace Annalist.Formats.Tests.Export.Tei;

/// <summary>Runs Debian's <c>jing</c> (RELAX NG validator) over files against <c>../shared/schemas/tei/tei_all.rng</c>.</summary>
internal static class Jing
{
    private static readonly Lazy<string?> Executable = new(Find);

    public static string? Path => Executable.Value;

    public static string TeiSchema => SharedData.PathTo("schemas", "tei", "tei_all.rng");

    /// <summary>Why a jing test cannot run here, or null when it can.</summary>
    public static string? Unavailable =>
        !SharedData.Available ? SharedData.MissingMessage
        : Path is null ? "jing is not installed (apt-get install jing); TEI validation cannot run."
        : null;

    /// <summary>
    /// Validates <paramref name="files"/> in one jing run; returns its exit code and what it printed: errors (one per
    /// line) on standard output, then standard error without the Debian wrapper's warnings about optional jars.
    /// </summary>
    public static (int ExitCode, string Output) Validate(string schema, IReadOnlyList<string> files)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("jing is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(schema);
        foreach (string file in files) start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var messages = error.Result.Split('\n').Where(line => line.Length > 0 && !line.StartsWith("[warning]", StringComparison.Ordinal));
        return (process.ExitCode, output + string.Join('\n', messages));
    }

    private static string? Find()
    {
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator))
        {
            if (folder.Length == 0) continue;
            string candidate = System.IO.Path.Combine(folder, "jing");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}

/// <summary>A fact that runs jing against the shared TEI schema; skipped with a message when either is missing.</summary>
public sealed class JingFactAttribute : FactAttribute
{
    public JingFactAttribute()
    {
        if (Jing.Unavailable is { } reason) Skip = reason;
    }
}
