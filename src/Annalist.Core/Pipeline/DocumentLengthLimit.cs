using Annalist.Core.Errors;
using Annalist.Core.Text;

namespace Annalist.Core.Pipeline;

/// <summary>
/// How long one document may be to be analyzed whole. A document is analyzed in memory with every layer at once, and
/// its offsets point into the whole text, so a long file is not cut up behind the user's back: it is refused with
/// ANL1013 and a hint, before any work, rather than running for an hour and exhausting memory.
/// </summary>
public static class DocumentLengthLimit
{
    /// <summary>
    /// Measured peak memory while analyzing one long document, per character of text, rounded up
    /// (docs/benchmarks.md, "One long document"); used in the message so the user can judge a higher limit.
    /// </summary>
    public const int BytesPerCharacter = 160;

    /// <summary>Ten million characters (about ten megabytes of English text, some 1.8 GB while analyzed): far above any single record.</summary>
    public const int DefaultMaxCharacters = 10_000_000;

    /// <exception cref="AnnalistException">ANL1013 when <paramref name="document"/> is longer than <paramref name="maxCharacters"/> (0: no limit).</exception>
    public static void Check(SourceDocument document, string displayName, int maxCharacters)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (maxCharacters > 0 && document.Length > maxCharacters)
            throw new AnnalistException(ErrorCatalogue.DocumentTooLong, displayName, document.Length, maxCharacters, BytesPerCharacter);
    }
}
