using System.Security.Cryptography;
using Annalist.Core.Syntax;
using Annalist.Formats.Conllu;

namespace Annalist.Cli.Commands;

/// <summary>
/// The treebanks syntax models train and are measured on, found under the shared corpora folder:
/// UD English EWT train (CC BY-SA 4.0) and the GUM training documents of the CC BY / CC BY-SA genres;
/// EWT dev and test, PUD test for measuring.
/// </summary>
internal sealed class SyntaxTrainingData
{
    /// <summary>GUM genres whose texts are CC BY or CC BY-SA (GUM's LICENSE.txt); the others are non-commercial or unlisted.</summary>
    public static readonly string[] OpenGumGenres = ["academic", "bio", "court", "interview", "news", "voyage"];

    private SyntaxTrainingData(string shared, IReadOnlyList<string> trainFiles)
    {
        Shared = shared;
        TrainFiles = trainFiles;
    }

    public string Shared { get; }

    public IReadOnlyList<string> TrainFiles { get; }

    public string EwtDev => Path.Combine(Shared, "corpora", "ud", "UD_English-EWT", "en_ewt-ud-dev.conllu");

    public string EwtTest => Path.Combine(Shared, "corpora", "ud", "UD_English-EWT", "en_ewt-ud-test.conllu");

    public string PudTest => Path.Combine(Shared, "corpora", "ud", "UD_English-PUD", "en_pud-ud-test.conllu");

    /// <summary>The measuring sets by name, those present only.</summary>
    public IEnumerable<(string Name, string Path)> MeasureFiles()
    {
        if (File.Exists(EwtDev)) yield return ("ewt_dev", EwtDev);
        if (File.Exists(EwtTest)) yield return ("ewt_test", EwtTest);
        if (File.Exists(PudTest)) yield return ("pud_test", PudTest);
    }

    /// <summary>Finds the data; null with a message when the shared folder or a training file is missing.</summary>
    public static SyntaxTrainingData? TryLocate(string? shared, out string problem)
    {
        shared ??= Environment.GetEnvironmentVariable("ANNALIST_SHARED") ?? FindUpwards("shared");
        problem = "";
        if (shared is null || !Directory.Exists(shared))
        {
            problem = "No shared corpora folder: pass --shared DIR or set ANNALIST_SHARED.";
            return null;
        }
        string ewt = Path.Combine(shared, "corpora", "ud", "UD_English-EWT", "en_ewt-ud-train.conllu");
        if (!File.Exists(ewt))
        {
            problem = $"Missing {ewt}.";
            return null;
        }
        var files = new List<string> { ewt };
        string gum = Path.Combine(shared, "corpora", "ner", "gum");
        string splits = Path.Combine(gum, "splits.md");
        if (File.Exists(splits))
        {
            var heldOut = HeldOutGumDocuments(File.ReadAllLines(splits));
            files.AddRange(Directory.GetFiles(Path.Combine(gum, "dep"), "GUM_*.conllu")
                .Where(f => OpenGumGenres.Contains(Path.GetFileNameWithoutExtension(f).Split('_')[1]))
                .Where(f => !heldOut.Contains(Path.GetFileNameWithoutExtension(f)))
                .Order(StringComparer.Ordinal));
        }
        return new SyntaxTrainingData(Path.GetFullPath(shared), files);
    }

    /// <summary>Documents listed under the dev, test and test2 headings of GUM's splits.md.</summary>
    private static HashSet<string> HeldOutGumDocuments(string[] lines)
    {
        var heldOut = new HashSet<string>(StringComparer.Ordinal);
        bool inHeldOut = false;
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.StartsWith('#'))
            {
                string heading = line.TrimStart('#').Trim().ToLowerInvariant();
                inHeldOut = heading is "dev" or "test" or "test2";
            }
            else if (inHeldOut && line.StartsWith('*')) heldOut.Add(line.TrimStart('*').Trim());
        }
        return heldOut;
    }

    public List<TreebankSentence> ReadTraining() => [.. TrainFiles.SelectMany(f => ConlluTreebank.ReadFile(f))];

    /// <summary>Each training file relative to the shared folder, with its SHA-256.</summary>
    public IEnumerable<object> DescribeFiles(IEnumerable<string> files) =>
        files.Select(f => new { path = Path.GetRelativePath(Shared, f), sha256 = Sha256(f) });

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string? FindUpwards(string name)
    {
        string? folder = Directory.GetCurrentDirectory();
        while (folder is not null)
        {
            string candidate = Path.Combine(folder, name);
            if (Directory.Exists(Path.Combine(candidate, "corpora"))) return candidate;
            candidate = Path.Combine(folder, "..", name);
            if (Directory.Exists(Path.Combine(candidate, "corpora"))) return Path.GetFullPath(candidate);
            folder = Path.GetDirectoryName(folder);
        }
        return null;
    }
}
