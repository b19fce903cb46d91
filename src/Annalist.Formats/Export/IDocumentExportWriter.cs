using Annalist.Core.Annotations;

namespace Annalist.Formats.Export;

/// <summary>A format that writes one file per document (TEI, JSON, Web Annotation JSON-LD, WebAnno TSV).</summary>
public interface IDocumentExportWriter
{
    /// <summary>The format's name on the command line, such as <c>tei</c>.</summary>
    string Format { get; }

    /// <summary>The extension of the files it writes, with its dot.</summary>
    string Extension { get; }

    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/> (left open); returns what it noticed, such as ANL5103.</summary>
    IReadOnlyList<Diagnostic> Write(ExportDocument document, Stream output);
}
