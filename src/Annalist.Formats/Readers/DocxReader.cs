using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Annalist.Formats.Readers;

/// <summary>
/// Word documents (<c>.docx</c>): the text of the main body's paragraphs, table cells included, in
/// document order, one paragraph per block separated by a blank line; tabs and line breaks kept.
/// Styles, fields' codes, comments and deleted revisions are not text. The archive is checked before it
/// is opened, so a zip bomb is refused with ANL5061 rather than unpacked. Thread-safe.
/// </summary>
public sealed class DocxReader : FileDocumentReader
{
    /// <summary>256 MiB unpacked: far above any real document.</summary>
    public const long DefaultMaxExpandedBytes = 256L * 1024 * 1024;

    private const int MaxEntries = 10_000;

    public DocxReader(DocumentReaderOptions? options = null, long maxExpandedBytes = DefaultMaxExpandedBytes) : base(options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExpandedBytes);
        MaxExpandedBytes = maxExpandedBytes;
    }

    /// <summary>The most bytes the archive may unpack to, all parts together.</summary>
    public long MaxExpandedBytes { get; }

    public override IReadOnlyList<string> Extensions { get; } = [".docx"];

    protected override DocumentReadResult ReadChecked(ReadOnlySpan<byte> content, string name, string displayName, string? source)
    {
        byte[] bytes = content.ToArray();
        CheckArchive(bytes, displayName);
        string text;
        string? title;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var word = WordprocessingDocument.Open(stream, false, new OpenSettings
            {
                AutoSave = false,
                // Each part is parsed with a bound too, in case the archive's declared sizes lie.
                MaxCharactersInPart = MaxExpandedBytes,
            });
            var body = word.MainDocumentPart?.Document?.Body
                ?? throw new AnnalistException(ErrorCatalogue.NotAWordDocument, displayName, "it has no document body");
            text = BodyText(body);
            title = string.IsNullOrWhiteSpace(word.PackageProperties.Title) ? null : word.PackageProperties.Title.Trim();
        }
        catch (Exception exception) when (exception is not (OutOfMemoryException or AnnalistException))
        {
            // OpenXmlPackageException, XmlException, InvalidDataException and others: untrusted bytes fail in many ways.
            throw new AnnalistException(ErrorCatalogue.NotAWordDocument, exception, displayName, exception.Message);
        }
        var metadata = new DocumentMetadata { Source = source, Title = title, Encoding = "docx" };
        var diagnostics = text.Length == 0 ? [Diagnostic.From(ErrorCatalogue.EmptyDocument, null, null)] : ImmutableArray<Diagnostic>.Empty;
        return new DocumentReadResult(new SourceDocument(name, text, metadata), diagnostics);
    }

    /// <summary>Refuses archives whose entries would unpack to more than <see cref="MaxExpandedBytes"/>, counting as it inflates.</summary>
    private void CheckArchive(byte[] bytes, string displayName)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > MaxEntries)
                throw new AnnalistException(ErrorCatalogue.ArchiveTooLarge, displayName, MaxExpandedBytes, $"{archive.Entries.Count:N0} parts");
            long declared = archive.Entries.Sum(entry => entry.Length);
            if (declared > MaxExpandedBytes)
                throw new AnnalistException(ErrorCatalogue.ArchiveTooLarge, displayName, MaxExpandedBytes, $"its parts declare {declared:N0} bytes");
            // Declared sizes can lie: inflate for real, stopping at the limit.
            long total = 0;
            byte[] buffer = new byte[81920];
            foreach (var entry in archive.Entries)
            {
                using var part = entry.Open();
                int read;
                while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > MaxExpandedBytes)
                        throw new AnnalistException(ErrorCatalogue.ArchiveTooLarge, displayName, MaxExpandedBytes, $"part {entry.FullName} alone goes past it");
                }
            }
        }
        catch (InvalidDataException exception)
        {
            throw new AnnalistException(ErrorCatalogue.NotAWordDocument, exception, displayName, "it is not a valid ZIP archive");
        }
    }

    private static string BodyText(Body body)
    {
        var text = new StringBuilder();
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            // A paragraph inside a text box inside another paragraph is read with its own paragraph, not twice.
            if (paragraph.Ancestors<Paragraph>().Any()) continue;
            int before = text.Length;
            if (before > 0) text.Append("\n\n");
            int start = text.Length;
            AppendRuns(paragraph, text);
            if (text.Length == start || text.ToString(start, text.Length - start).AsSpan().IsWhiteSpace()) text.Length = before;
        }
        return text.ToString();
    }

    private static void AppendRuns(OpenXmlElement element, StringBuilder text)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
                case NoBreakHyphen:
                    text.Append('\u2011');
                    break;
                case DeletedRun or DeletedText or FieldCode or DeletedFieldCode:
                    break;
                case Paragraph:
                    break;
                default:
                    AppendRuns(child, text);
                    break;
            }
        }
    }
}
