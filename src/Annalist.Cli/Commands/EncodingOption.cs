using Annalist.Formats.Readers;

namespace Annalist.Cli.Commands;

/// <summary>The <c>--encoding NAME</c> option of <c>analyze</c>, <c>ingest</c> and <c>export</c>: how text files without a byte-order mark are decoded.</summary>
internal static class EncodingOption
{
    public const string Help = "The encoding of text and Markdown files that have no byte-order mark (default utf-8): windows-1252 for Latin-1 text saved on Windows, iso-8859-1, iso-8859-15, or another code page name. DOCX, PDF and XML name their own.";

    /// <summary>
    /// <paramref name="readers"/> itself when <paramref name="name"/> is null, else readers of the same size limit that decode text
    /// files with the named encoding (ANL1012 when there is none of that name).
    /// </summary>
    public static DocumentReaders Apply(DocumentReaders readers, string? name) =>
        name is null ? readers : new DocumentReaders(new DocumentReaderOptions { MaxBytes = readers.Options.MaxBytes, TextEncoding = TextEncodings.Resolve(name) });

    public static string? Validate(string? name) =>
        name is not null && (string.IsNullOrWhiteSpace(name) || name.StartsWith("__", StringComparison.Ordinal))
            ? "--encoding needs a name, such as windows-1252 or iso-8859-1."
            : null;
}
