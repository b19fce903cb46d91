using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Annalist.Formats.Conllu;
using Annalist.Formats.Corpora;

namespace Annalist.Cli.Commands;

/// <summary>
/// Every sentence of the shared corpora that unlabeled models may learn from — the FRUS train volumes' whole text, UD
/// English EWT train, GUM's open genres' training documents, LitBank's training 90 (never its held-out tenth, GUM dev or
/// test, or a measure-only volume) — with the files read and the tokens per source, for a manifest.
/// </summary>
internal sealed class PermittedTrainingText
{
    public List<IReadOnlyList<string>> Sentences { get; } = [];
    public List<string> Files { get; } = [];
    public JsonObject Tokens { get; } = [];

    public static PermittedTrainingText Read(string corpora)
    {
        var text = new PermittedTrainingText();
        foreach (string volume in NerCorpora.FrusTrainVolumes)
        {
            string path = Path.Combine(corpora, "frus", volume + ".xml");
            if (File.Exists(path)) text.Add("frus", path, TrainNerClustersCommand.FrusSentences(path));
        }
        string ewt = Path.Combine(corpora, "ud", "UD_English-EWT", "en_ewt-ud-train.conllu");
        if (File.Exists(ewt)) text.Add("ud_ewt", ewt, ConlluReader.ReadFile(ewt).Select(s => (IReadOnlyList<string>)[.. s.Words.Select(w => w.Form)]));
        string gum = NerCorpora.Gum(corpora);
        if (Directory.Exists(gum))
        {
            foreach (string path in NerCorpora.GumFiles(gum, "train", openGenresOnly: true)) text.Add("gum", path, NerCorpora.ReadGum(path).SelectMany(d => d.Sentences));
        }
        string litbank = NerCorpora.LitBank(corpora);
        if (Directory.Exists(litbank))
        {
            foreach (string path in LitBankReader.Training(LitBankReader.DocumentPaths(litbank))) text.Add("litbank", path, LitBankReader.Read(path, coarse: false).Sentences);
        }
        return text;
    }

    /// <summary>The files read, each with its path below <paramref name="corpora"/>, size and SHA-256, for a manifest's <c>data</c>.</summary>
    public JsonArray DataManifest(string corpora) => new([.. Files.Select(f => (JsonNode)Describe(f, Path.GetRelativePath(corpora, f).Replace('\\', '/')))]);

    /// <summary>A file as a manifest names it: <paramref name="name"/>, its size and SHA-256.</summary>
    public static JsonObject Describe(string path, string name) => new()
    {
        ["path"] = name,
        ["bytes"] = new FileInfo(path).Length,
        ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))),
    };

    private void Add(string source, string file, IEnumerable<IReadOnlyList<string>> read)
    {
        Files.Add(file);
        long count = 0;
        foreach (var sentence in read)
        {
            Sentences.Add(sentence);
            count += sentence.Count;
        }
        Tokens[source] = (Tokens[source]?.GetValue<long>() ?? 0) + count;
    }
}
