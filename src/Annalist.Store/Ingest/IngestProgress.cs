namespace Annalist.Store.Ingest;

/// <summary>How far an ingest has got; reported after every file.</summary>
/// <param name="Total">Files to go through in all.</param>
/// <param name="Done">Files finished: stored, unchanged or skipped.</param>
/// <param name="Current">The file just finished.</param>
public sealed record IngestProgress(int Total, int Done, int Stored, int Unchanged, int Skipped, string Current, TimeSpan Elapsed)
{
    /// <summary>Files finished per second so far.</summary>
    public double FilesPerSecond => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;
}

/// <summary>A file the ingest did not store, with the coded reason.</summary>
public sealed record SkippedInput(string Path, string Code, string Message);

/// <summary>What an ingest did.</summary>
/// <param name="Stored">Documents analyzed and stored (new, changed, or analyzed by an older pipeline).</param>
/// <param name="Unchanged">Documents already stored with the same text and pipeline version, left alone.</param>
/// <param name="Cancelled">True when the ingest was stopped; everything stored before then is kept.</param>
public sealed record IngestSummary(int Stored, int Unchanged, IReadOnlyList<SkippedInput> Skipped, bool Cancelled, TimeSpan Elapsed)
{
    /// <summary>Of the unchanged documents, those found under a new key (their file moved) and kept, not analyzed again.</summary>
    public int Moved { get; init; }

    public int Total => Stored + Unchanged + Skipped.Count;
}
