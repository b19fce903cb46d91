using Annalist.Core.Annotations;

namespace Annalist.Formats.Export;

/// <summary>A format that gathers every exported document into a few files of a folder (CSV tables, a GEXF network).</summary>
public interface ICorpusExportWriter : IDisposable
{
    /// <summary>The format's name on the command line, such as <c>csv</c>.</summary>
    string Format { get; }

    /// <summary>Adds <paramref name="document"/>; returns what it noticed.</summary>
    IReadOnlyList<Diagnostic> Add(ExportDocument document);

    /// <summary>Writes what is still held and closes the files; returns their paths.</summary>
    IReadOnlyList<string> Complete();
}
