using System.Collections.Immutable;
using System.Text;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Annalist.Formats.Readers;

/// <summary>
/// PDF files with a text layer: each page's text in reading order, pages separated by a blank line. A
/// PDF of page images only (a scan) is refused with ANL5063, which says to OCR it first; an encrypted
/// one with ANL5064. Thread-safe.
/// </summary>
public sealed class PdfReader : FileDocumentReader
{
    public PdfReader(DocumentReaderOptions? options = null) : base(options)
    {
    }

    public override IReadOnlyList<string> Extensions { get; } = [".pdf"];

    protected override DocumentReadResult ReadChecked(ReadOnlySpan<byte> content, string name, string displayName, string? source)
    {
        if (!content.StartsWith("%PDF-"u8) && content.IndexOf("%PDF-"u8) is < 0 or > 1024)
            throw new AnnalistException(ErrorCatalogue.NotAPdfDocument, displayName, "it does not begin like a PDF");
        var text = new StringBuilder();
        int pages;
        string? title;
        try
        {
            using var pdf = PdfDocument.Open(content.ToArray(), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            pages = pdf.NumberOfPages;
            foreach (var page in pdf.GetPages())
            {
                string pageText = ContentOrderTextExtractor.GetText(page).Trim();
                if (pageText.Length == 0) continue;
                if (text.Length > 0) text.Append("\n\n");
                text.Append(pageText);
            }
            title = string.IsNullOrWhiteSpace(pdf.Information.Title) ? null : pdf.Information.Title.Trim();
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new AnnalistException(ErrorCatalogue.PdfEncrypted, displayName);
        }
        catch (Exception exception) when (exception is not (OutOfMemoryException or AnnalistException))
        {
            // A parser of untrusted bytes fails in many ways (PdfDocumentFormatException and general ones alike); none is the user's to debug.
            throw new AnnalistException(ErrorCatalogue.NotAPdfDocument, exception, displayName, exception.Message);
        }
        if (pages > 0 && !HasLetters(text))
            throw new AnnalistException(ErrorCatalogue.PdfWithoutText, displayName, pages);
        var metadata = new DocumentMetadata { Source = source, Title = title, Encoding = "pdf" };
        var diagnostics = text.Length == 0 ? [Diagnostic.From(ErrorCatalogue.EmptyDocument, null, null)] : ImmutableArray<Diagnostic>.Empty;
        return new DocumentReadResult(new SourceDocument(name, text.ToString(), metadata), diagnostics);
    }

    private static bool HasLetters(StringBuilder text)
    {
        foreach (var chunk in text.GetChunks())
        {
            foreach (char c in chunk.Span)
            {
                if (char.IsLetterOrDigit(c)) return true;
            }
        }
        return false;
    }
}
