using System.Runtime.CompilerServices;

namespace Annalist.Tests;

/// <summary>
/// Finds <c>../shared</c> (the seed record, gold files and corpora) beside the repository, or where
/// <c>ANNALIST_SHARED</c> points. Tests that need it skip, with a message, when it is absent.
/// </summary>
public static class SharedData
{
    public const string MissingMessage = "../shared is not beside the repository (fresh clone); set ANNALIST_SHARED to run this test.";

    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The repository's root folder, found from this source file's location.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared folder, or null when absent.</summary>
    public static string? Directory => Root.Value;

    public static bool Available => Root.Value is not null;

    /// <summary>A path inside the shared folder; call only when <see cref="Available"/>.</summary>
    public static string PathTo(params string[] parts) =>
        Path.Combine([Root.Value ?? throw new InvalidOperationException(MissingMessage), .. parts]);

    private static string? FindRoot()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("ANNALIST_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment)) return System.IO.Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        string candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        return System.IO.Directory.Exists(Path.Combine(candidate, "seed")) ? candidate : null;
    }

    private static string FindRepositoryRoot([CallerFilePath] string thisFile = "")
    {
        string? folder = Path.GetDirectoryName(thisFile);
        while (folder is not null && !File.Exists(Path.Combine(folder, "Annalist.sln"))) folder = Path.GetDirectoryName(folder);
        return folder ?? throw new InvalidOperationException("Cannot find Annalist.sln above " + thisFile);
    }
}
