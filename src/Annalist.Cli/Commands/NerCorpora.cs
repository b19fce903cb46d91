using Annalist.Core.Errors;
using Annalist.Formats.Corpora;

namespace Annalist.Cli.Commands;

/// <summary>Where the entity tagger's training and measuring corpora lie under <c>../shared/corpora</c>, and which parts may be used for what.</summary>
internal static class NerCorpora
{
    /// <summary>GUM genres whose texts are CC BY or CC BY-SA: the only ones trained on.</summary>
    public static readonly string[] OpenGumGenres = ["academic", "bio", "court", "news", "interview", "voyage"];

    /// <summary>FRUS volumes marked train in the corpora README.</summary>
    public static readonly string[] FrusTrainVolumes = ["frus1948v01p1", "frus1949v07p1", "frus1955-57v02", "frus1955-57v24"];

    public static string Gum(string corpora) => Path.Combine(corpora, "ner", "gum");

    public static string LitBank(string corpora) => Path.Combine(corpora, "ner", "litbank", "coref", "brat");

    /// <summary>GUM documents of one split (<c>train</c>: every GUM document in neither dev nor test), optionally only open genres.</summary>
    /// <paramref name="gumFolder"/> is GUM's folder (with <c>splits.md</c> and <c>dep/</c>) or its <c>dep/</c> folder.
    public static IEnumerable<string> GumFiles(string gumFolder, string split, bool openGenresOnly)
    {
        gumFolder = GumRoot(gumFolder);
        var dev = GumEntityReader.ReadSplit(new StreamReader(Path.Combine(gumFolder, "splits.md")), "dev");
        var test = GumEntityReader.ReadSplit(new StreamReader(Path.Combine(gumFolder, "splits.md")), "test");
        foreach (string path in Directory.GetFiles(Path.Combine(gumFolder, "dep"), "GUM_*.conllu").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(path);
            string genre = name.Split('_')[1];
            bool inSplit = split switch
            {
                "dev" => dev.Contains(name),
                "test" => test.Contains(name),
                _ => !dev.Contains(name) && !test.Contains(name),
            };
            if (inSplit && (!openGenresOnly || OpenGumGenres.Contains(genre))) yield return path;
        }
    }

    private static string GumRoot(string folder)
    {
        string full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (File.Exists(Path.Combine(full, "splits.md")) && Directory.Exists(Path.Combine(full, "dep"))) return full;
        string? parent = Path.GetDirectoryName(full);
        if (parent is not null && File.Exists(Path.Combine(parent, "splits.md")) && Path.GetFileName(full) == "dep") return parent;
        throw new AnnalistException(ErrorCatalogue.NoEvaluationInput, folder, "not GUM's folder: expected splits.md and dep/*.conllu in it, or its dep folder");
    }

    public static IEnumerable<CorpusDocument> ReadGum(string path)
    {
        using var reader = new StreamReader(path);
        foreach (var document in GumEntityReader.Read(reader, Path.GetFileNameWithoutExtension(path)).ToList()) yield return document;
    }
}
