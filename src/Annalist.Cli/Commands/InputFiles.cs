using Annalist.Core.Errors;
using Annalist.Core.Text;
using Annalist.Store.Ingest;

namespace Annalist.Cli.Commands;

/// <summary>
/// One input named on the command line, or found in a folder named there; for one document of a collection
/// (a TEI volume), the document already read and its id within the file.
/// </summary>
public readonly record struct InputFile(string Path, AnnalistException? Error = null, SourceDocument? Document = null, string? Member = null);

/// <summary>Expands command-line arguments into the files to analyze.</summary>
public static class InputFiles
{
    /// <summary>
    /// Each argument as given, except that a folder stands for the files directly inside it whose
    /// extension is among <paramref name="extensions"/>, in ordinal order of their names, leaving out a
    /// README (it describes the folder; name it explicitly to analyze it); a folder with none gives an
    /// input carrying ANL1009. Missing files are kept: reading them reports ANL1001 (ANL1014 for a link to nothing).
    /// </summary>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> arguments, IReadOnlyCollection<string> extensions)
    {
        var inputs = new List<InputFile>();
        foreach (string argument in arguments)
        {
            if (!Directory.Exists(argument))
            {
                inputs.Add(new InputFile(argument));
                continue;
            }
            List<string> found;
            try
            {
                found = Directory.EnumerateFiles(argument)
                    .Where(path => extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase)
                        && !Path.GetFileNameWithoutExtension(path).Equals("README", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                inputs.Add(new InputFile(argument, new AnnalistException(ErrorCatalogue.UnreadableFile, exception, argument, exception.Message)));
                continue;
            }
            if (found.Count == 0)
                inputs.Add(new InputFile(argument, new AnnalistException(ErrorCatalogue.NoInputFiles, argument, string.Join(", ", extensions.Order(StringComparer.Ordinal)))));
            inputs.AddRange(found.Select(path => new InputFile(path)));
        }
        return inputs;
    }

    /// <summary>The extensions a folder is searched for: those of the document readers and of the collection readers.</summary>
    public static IReadOnlyList<string> Extensions(Formats.Readers.DocumentReaders readers, IEnumerable<ICollectionReader> collections) =>
        readers.KnownExtensions.Concat(collections.SelectMany(reader => reader.Extensions)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>
    /// Each input whose extension one of <paramref name="collections"/> reads (a TEI volume) replaced by its
    /// documents, in the file's order (<c>volume.xml#ID</c>: only the document with that id, ANL1204 when there is none);
    /// a volume that cannot be read gives an input carrying the reader's error.
    /// </summary>
    public static IReadOnlyList<InputFile> ExpandCollections(IReadOnlyList<InputFile> inputs, IReadOnlyList<ICollectionReader> collections)
    {
        var expanded = new List<InputFile>(inputs.Count);
        foreach (var input in inputs)
        {
            // “volume.xml#d12” names one document of a collection, as the store and the gold files key it.
            string path = input.Path;
            string? member = null;
            int hash = path.LastIndexOf('#');
            if (input.Error is null && !File.Exists(path) && hash > 0 && File.Exists(path[..hash]))
            {
                member = path[(hash + 1)..];
                path = path[..hash];
            }
            var reader = input.Error is null && File.Exists(path)
                ? collections.FirstOrDefault(r => r.Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
                : null;
            if (reader is null)
            {
                expanded.Add(input);
                continue;
            }
            try
            {
                var items = reader.Read(path).Where(item => member is null || item.Id == member).Select(item => new InputFile(path, null, item.Document, item.Id)).ToList();
                if (member is not null && items.Count == 0)
                    expanded.Add(new InputFile(input.Path, new AnnalistException(ErrorCatalogue.TeiDocumentNotFound, path, member)));
                expanded.AddRange(items);
            }
            catch (AnnalistException exception)
            {
                expanded.Add(new InputFile(input.Path, exception));
            }
        }
        return expanded;
    }

    /// <summary>
    /// An output file name per input, <c>NAME</c> + <paramref name="extension"/> where NAME is the input's
    /// name without its extension; a name already taken by an earlier input, or by an input file lying in
    /// <paramref name="folder"/> itself (which must never be overwritten), gets <c>NAME-2</c>, <c>NAME-3</c>, …. A
    /// document of a collection is named after the file and its id (<c>volume-d7</c>).
    /// </summary>
    public static IReadOnlyList<string> OutputNames(IReadOnlyList<InputFile> inputs, string extension, string folder)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string outputFolder = Path.GetFullPath(folder);
        foreach (var input in inputs)
        {
            string full = Path.GetFullPath(input.Path);
            if (string.Equals(Path.GetDirectoryName(full), outputFolder.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
                taken.Add(Path.GetFileName(full));
        }
        var names = new List<string>(inputs.Count);
        foreach (var input in inputs)
        {
            string stem = Path.GetFileNameWithoutExtension(input.Path.TrimEnd('/', '\\'));
            if (stem.Length == 0) stem = "document";
            if (input.Member is { } member) stem += "-" + member;
            string name = stem + extension;
            for (int n = 2; !taken.Add(name); n++) name = $"{stem}-{n}{extension}";
            names.Add(name);
        }
        return names;
    }
}
