namespace Annalist.Cli.Commands;

/// <summary>The <c>--max-chars N</c> option of <c>analyze</c>, <c>ingest</c> and <c>export</c>: the longest document one analysis takes.</summary>
internal static class MaxCharsOption
{
    public const string Help = "Refuse a document longer than this many characters with ANL1013 (default 10,000,000, about 1.8 GB of memory while analyzed; 0: no limit). Split a longer file into its records.";

    public static string? Validate(int maxChars) => maxChars < 0 ? "--max-chars must be 0 (no limit) or more." : null;
}
