using Annalist.Core.Errors;

namespace Annalist.Formats.Readers;

/// <summary>Reads a whole file with the checks every reader needs, turning I/O failures into catalogue errors.</summary>
public static class FileBytes
{
    /// <exception cref="AnnalistException">ANL1001 missing, ANL1004 larger than <paramref name="maxBytes"/>, ANL1005 unreadable.</exception>
    public static byte[] Read(string path, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            if (Directory.Exists(path))
                throw new AnnalistException(ErrorCatalogue.UnreadableFile, path, "it is a folder, not a file");
            if (!File.Exists(path))
                throw MissingFile.Error(path);
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            long length = RandomAccess.GetLength(handle);
            if (length > maxBytes)
                throw new AnnalistException(ErrorCatalogue.InputTooLarge, path, length, maxBytes);
            var bytes = new byte[length];
            int total = 0;
            while (total < bytes.Length)
            {
                int read = RandomAccess.Read(handle, bytes.AsSpan(total), total);
                if (read == 0) break;
                total += read;
            }
            return total == bytes.Length ? bytes : bytes[..total];
        }
        catch (FileNotFoundException)
        {
            throw MissingFile.Error(path);
        }
        catch (DirectoryNotFoundException)
        {
            throw MissingFile.Error(path);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new AnnalistException(ErrorCatalogue.UnreadableFile, exception, path, "permission denied");
        }
        catch (IOException exception)
        {
            throw new AnnalistException(ErrorCatalogue.UnreadableFile, exception, path, exception.Message);
        }
    }
}
