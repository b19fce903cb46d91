namespace Annalist.Web;

/// <summary>How <c>annalist serve</c> runs: which store, where it listens, and the token that writes need.</summary>
public sealed record ReaderOptions
{
    /// <summary>The port used when none is given.</summary>
    public const int DefaultPort = 5170;

    /// <summary>An SQLite file or a <c>postgres://</c> address, as every corpus command takes it.</summary>
    public required string StoreLocation { get; init; }

    /// <summary>The address to bind: loopback unless the user asks otherwise. Port 0 takes a free port.</summary>
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = DefaultPort;

    /// <summary>The write token; null generates a random one at start.</summary>
    public string? WriteToken { get; init; }

    /// <summary>Largest request body accepted, in bytes; corrections are small.</summary>
    public long MaxRequestBodyBytes { get; init; } = 64 * 1024;

    /// <summary>Longest a request may run before it is stopped with ANL7021.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Store connections kept for concurrent readers (one store instance is not thread-safe).</summary>
    public int StoreConnections { get; init; } = Math.Max(4, Environment.ProcessorCount * 2);
}
