using Annalist.Core.Errors;

namespace Annalist.Formats.Readers;

/// <summary>The error for a path that names no file: a symbolic link whose target is gone is told apart from a name that is not there.</summary>
public static class MissingFile
{
    /// <summary>ANL1014 naming the link and its missing target when <paramref name="path"/> is a broken symbolic link, else ANL1001.</summary>
    /// <param name="path">The path looked for.</param>
    /// <param name="shown">The name to show the user (the path as given); <paramref name="path"/> when null.</param>
    public static AnnalistException Error(string path, string? shown = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        shown ??= path;
        return BrokenLinkTarget(path) is { } target
            ? new AnnalistException(ErrorCatalogue.BrokenLink, shown, target)
            : new AnnalistException(ErrorCatalogue.FileNotFound, shown);
    }

    /// <summary>Where <paramref name="path"/> points, as written in the link, with the full path when it is relative; null unless it is a link to nothing.</summary>
    private static string? BrokenLinkTarget(string path)
    {
        try
        {
            var info = new FileInfo(path);
            // File.Exists is true for a link whatever it points to, so the end of the chain of links is what is looked for.
            if (info.LinkTarget is not { } target || info.ResolveLinkTarget(returnFinalTarget: true) is not { } end
                || File.Exists(end.FullName) || Directory.Exists(end.FullName)) return null;
            if (Path.IsPathRooted(target)) return target;
            string resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(info.FullName) ?? "", target));
            return $"{target} ({resolved})";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
