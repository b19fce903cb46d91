using Annalist.Core.Errors;
using Annalist.Formats.Readers;

namespace Annalist.Store.Ingest;

/// <summary>A file to ingest, or a path that gave none, with the reason.</summary>
public readonly record struct IngestInput(string Path, AnnalistException? Error = null);

/// <summary>Expands the paths given to <c>annalist ingest</c> into files.</summary>
public static class IngestInputs
{
    /// <summary>
    /// Each file as given; each folder stands for the files in it and in its subfolders whose extension
    /// is among <paramref name="extensions"/>, in ordinal order of their paths, leaving out any README (it describes its
    /// folder, as for <c>analyze</c>; name it to ingest it). Paths are made absolute.
    /// A folder holding none gives an input carrying ANL1009; a missing path one carrying ANL1001.
    /// </summary>
    public static IReadOnlyList<IngestInput> Expand(IEnumerable<string> paths, IReadOnlyCollection<string> extensions)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var inputs = new List<IngestInput>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string given in paths)
        {
            string path = Path.GetFullPath(given);
            if (File.Exists(path))
            {
                if (seen.Add(path)) inputs.Add(new IngestInput(path));
                continue;
            }
            if (!Directory.Exists(path))
            {
                inputs.Add(new IngestInput(path, MissingFile.Error(path, given)));
                continue;
            }
            List<string> found;
            try
            {
                found = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden })
                    .Where(file => extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase) && !IsReadme(file))
                    .Order(StringComparer.Ordinal)
                    .ToList();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                inputs.Add(new IngestInput(path, new AnnalistException(ErrorCatalogue.UnreadableFile, exception, given, exception.Message)));
                continue;
            }
            if (found.Count == 0)
                inputs.Add(new IngestInput(path, new AnnalistException(ErrorCatalogue.NoInputFiles, given, string.Join(", ", extensions.Order(StringComparer.Ordinal)))));
            foreach (string file in found)
            {
                if (seen.Add(file)) inputs.Add(new IngestInput(file));
            }
        }
        return inputs;
    }

    /// <summary>True for <c>README</c>, <c>README.md</c>, <c>readme.txt</c>: a folder's description, not one of its records.</summary>
    public static bool IsReadme(string path) => Path.GetFileNameWithoutExtension(path).Equals("README", StringComparison.OrdinalIgnoreCase);
}
