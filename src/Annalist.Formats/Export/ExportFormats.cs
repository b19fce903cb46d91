using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Formats.Export.Csv;
using Annalist.Formats.Export.Gexf;
using Annalist.Formats.Export.Json;
using Annalist.Formats.Export.Tei;
using Annalist.Formats.Export.WebAnno;
using Annalist.Formats.Export.WebAnnotation;

namespace Annalist.Formats.Export;

/// <summary>The export formats by name, and the session that writes a stream of documents into a folder in one of them.</summary>
public static class ExportFormats
{
    public const string Tei = "tei";
    public const string Json = "json";
    public const string Csv = "csv";
    public const string Gexf = "gexf";

    /// <summary>W3C Web Annotation JSON-LD, one <c>.jsonld</c> per document.</summary>
    public const string WebAnno = "webanno";

    /// <summary>WebAnno TSV 3.3 (WebAnno, INCEpTION), one <c>.tsv</c> per document.</summary>
    public const string WebAnnoTsv = "webanno-tsv";

    public static IReadOnlyList<string> Names { get; } = [Tei, Json, Csv, Gexf, WebAnno, WebAnnoTsv];

    public static bool IsKnown(string? format) => format is not null && Names.Contains(format.ToLowerInvariant());

    /// <summary>A session writing <paramref name="format"/> into <paramref name="folder"/> (created if missing).</summary>
    /// <exception cref="AnnalistException">ANL5100 for an unknown format; ANL5102 when the folder cannot be written.</exception>
    public static ExportSession Open(string format, string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string name = format?.ToLowerInvariant() ?? "";
        try
        {
            Directory.CreateDirectory(folder);
            return name switch
            {
                Tei => new ExportSession(name, folder, new TeiExportWriter(), null),
                Json => new ExportSession(name, folder, new JsonExportWriter(), null),
                WebAnno => new ExportSession(name, folder, new WebAnnotationWriter(DateTimeOffset.UtcNow), null),
                WebAnnoTsv => new ExportSession(name, folder, new WebAnnoTsvWriter(), null),
                Csv => new ExportSession(name, folder, null, new CsvExportWriter(folder)),
                Gexf => new ExportSession(name, folder, null, new GexfExportWriter(folder)),
                _ => throw new AnnalistException(ErrorCatalogue.UnknownExportFormat, format ?? ""),
            };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new AnnalistException(ErrorCatalogue.ExportWriteFailed, exception, name, folder, exception.Message);
        }
    }
}

/// <summary>
/// Writes documents, one at a time, into a folder: a file per document for TEI, JSON, Web Annotation and WebAnno TSV (named after the
/// document, made unique), or tables and a network gathered over all documents for CSV and GEXF, written by
/// <see cref="Complete"/>. Not thread-safe.
/// </summary>
public sealed class ExportSession : IDisposable
{
    private readonly IDocumentExportWriter? _documentWriter;
    private readonly ICorpusExportWriter? _corpusWriter;
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _files = [];

    internal ExportSession(string format, string folder, IDocumentExportWriter? documentWriter, ICorpusExportWriter? corpusWriter)
    {
        Format = format;
        Folder = folder;
        _documentWriter = documentWriter;
        _corpusWriter = corpusWriter;
    }

    public string Format { get; }

    public string Folder { get; }

    /// <summary>How many documents were added.</summary>
    public int Documents { get; private set; }

    /// <summary>Exports <paramref name="document"/>; returns what the writer noticed (such as ANL5103).</summary>
    /// <exception cref="AnnalistException">ANL5102 when a file cannot be written; ANL5106 when the writer failed on this document (nothing of it is kept).</exception>
    public IReadOnlyList<Diagnostic> Add(ExportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        Documents++;
        if (_corpusWriter is not null) return Guard(Folder, () => _corpusWriter.Add(document));
        string path = Path.Combine(Folder, FileNameFor(document.Name, _documentWriter!.Extension));
        var diagnostics = Guard(path, () =>
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                return _documentWriter.Write(document, stream);
            }
            catch (Exception exception) when (exception is not (IOException or UnauthorizedAccessException or AnnalistException))
            {
                // A writer's bug: no half-written file is left behind, and the other documents go on.
                File.Delete(path);
                throw new AnnalistException(ErrorCatalogue.ExportDocumentFailed, exception, document.Key, exception.Message);
            }
        });
        _files.Add(path);
        return diagnostics;
    }

    /// <summary>Finishes the export; returns every file written.</summary>
    public IReadOnlyList<string> Complete()
    {
        if (_corpusWriter is not null) _files.AddRange(Guard(Folder, _corpusWriter.Complete));
        return _files;
    }

    public void Dispose() => _corpusWriter?.Dispose();

    /// <summary>
    /// A file name for a document: its name without extension and with what file systems refuse
    /// (<c>/ \ : * ? " &lt; &gt; | #</c>, control characters) as <c>_</c>, then <c>-2</c>, <c>-3</c>, … when taken.
    /// </summary>
    public string FileNameFor(string documentName, string extension)
    {
        string name = documentName;
        int hash = name.IndexOf('#');
        string stem = hash >= 0 ? Path.GetFileNameWithoutExtension(name[..hash]) + "_" + name[(hash + 1)..] : Path.GetFileNameWithoutExtension(name);
        var chars = stem.Select(c => c < ' ' || "/\\:*?\"<>|#".Contains(c) ? '_' : c).ToArray();
        stem = new string(chars).Trim().TrimStart('.');
        if (stem.Length == 0) stem = "document";
        if (stem.Length > 120) stem = stem[..120];
        string candidate = stem + extension;
        for (int n = 2; !_taken.Add(candidate); n++) candidate = $"{stem}-{n}{extension}";
        return candidate;
    }

    private T Guard<T>(string path, Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new AnnalistException(ErrorCatalogue.ExportWriteFailed, exception, Format, path, exception.Message);
        }
    }
}
