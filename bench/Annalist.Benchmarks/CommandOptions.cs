namespace Annalist.Benchmarks;

/// <summary>The <c>--name value</c> options of the benchmark project's own commands (web-load, web-render, search-latency).</summary>
internal static class CommandOptions
{
    public static string? Value(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
