namespace Annalist.Formats.Json;

/// <summary>How <see cref="AnalysisJsonWriter"/> lays out its output.</summary>
public sealed record AnalysisJsonOptions
{
    public static AnalysisJsonOptions Default { get; } = new();

    /// <summary>Indent nested objects for a person to read; off by default (and always off for JSON Lines).</summary>
    public bool Indented { get; init; }
}
