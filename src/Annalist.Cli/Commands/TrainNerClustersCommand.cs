using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Annalist.Core.Entities.Tagging;
using Annalist.Formats.Conllu;
using Annalist.Formats.Corpora;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

public sealed class TrainNerClustersSettings : CommandSettings
{
    [CommandOption("--corpora <PATH>")]
    [Description("The shared corpora folder (default: ../shared/corpora beside the repository).")]
    public string Corpora { get; init; } = Path.Combine("..", "shared", "corpora");

    [CommandOption("--out <PATH>")]
    [Description("The clusters file to write (default: models/ner-clusters/brown.v1.tsv.gz); its manifest goes beside it (brown.manifest.json).")]
    public string Output { get; init; } = Path.Combine("models", "ner-clusters", "brown.v1.tsv.gz");

    [CommandOption("--clusters <C>")]
    [Description("Leaves of the hierarchy (the merge window), default 256.")]
    public int Clusters { get; init; } = 256;

    [CommandOption("--min-count <N>")]
    [Description("Words seen fewer times get no path (default 3).")]
    public int MinimumCount { get; init; } = 3;

    [CommandOption("--max-words <N>")]
    [Description("At most this many of the most frequent words get paths (default 40000).")]
    public int MaxWords { get; init; } = 40_000;

    public override Spectre.Console.ValidationResult Validate()
    {
        if (!Directory.Exists(Corpora)) return Spectre.Console.ValidationResult.Error($"ANL1007: corpora folder not found: {Corpora}");
        if (Clusters < 2) return Spectre.Console.ValidationResult.Error("ANL1007: --clusters must be at least 2.");
        return Spectre.Console.ValidationResult.Success();
    }
}

/// <summary>
/// <c>annalist train ner-clusters</c>: builds the Brown word clusters the entity tagger reads from every
/// permitted text of the shared corpora — the FRUS train volumes' whole text, UD English EWT train, GUM's
/// open genres' training documents and LitBank's training 90 (never its held-out tenth, GUM dev or test, or a
/// measure-only volume) — and writes them with a manifest of files, settings and counts.
/// </summary>
public sealed class TrainNerClustersCommand : Command<TrainNerClustersSettings>
{
    public override int Execute(CommandContext context, TrainNerClustersSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var text = PermittedTrainingText.Read(settings.Corpora);
        var (sentences, tokens) = (text.Sentences, text.Tokens);
        Console.WriteLine($"text: {tokens.ToJsonString()} tokens, {sentences.Count:N0} sentences ({clock.Elapsed.TotalSeconds:F0} s)");
        var options = new BrownClusters.Options { Clusters = settings.Clusters, MinimumCount = settings.MinimumCount, MaxWords = settings.MaxWords };
        var clusters = BrownClusters.Build(sentences, options);
        Console.WriteLine($"clusters: {clusters.Count:N0} words ({clock.Elapsed.TotalSeconds:F0} s)");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.Output))!);
        using (var output = File.Create(settings.Output)) clusters.Write(output);
        string root = Path.GetDirectoryName(Path.GetFullPath(settings.Output))!;
        var manifest = new JsonObject
        {
            ["component"] = "ner.brown.v1",
            ["created_by"] = "annalist train ner-clusters",
            ["algorithm"] = "Brown et al. 1992 class-based bigram merging, Liang 2005 window; paths kept to 20 bits",
            ["settings"] = new JsonObject { ["clusters"] = settings.Clusters, ["min_count"] = settings.MinimumCount, ["max_words"] = settings.MaxWords },
            ["tokens"] = tokens,
            ["words"] = clusters.Count,
            ["output"] = PermittedTrainingText.Describe(settings.Output, Path.GetFileName(settings.Output)),
            ["data"] = text.DataManifest(settings.Corpora),
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds),
        };
        File.WriteAllText(Path.Combine(root, "brown.manifest.json"), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    /// <summary>The sentences of a FRUS TEI volume's text: every paragraph, heading, list item and note of its body, tokenized as the pipeline tokenizes.</summary>
    internal static IEnumerable<IReadOnlyList<string>> FrusSentences(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, IgnoreComments = true, IgnoreProcessingInstructions = true };
        using var reader = XmlReader.Create(path, settings);
        var text = new StringBuilder();
        bool inText = false;
        var blocks = new List<string>();
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.LocalName == "text") inText = true;
                    if (inText && reader.LocalName == "lb") text.Append(' ');
                    else if (inText && reader.LocalName is "p" or "head" or "item" or "note" or "cell" or "dateline" or "signed") Flush();
                    break;
                case XmlNodeType.EndElement:
                    if (reader.LocalName is "p" or "head" or "item" or "note" or "cell" or "dateline" or "signed") Flush();
                    if (reader.LocalName == "text") inText = false;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (inText) text.Append(reader.Value);
                    break;
            }
            if (blocks.Count > 0)
            {
                foreach (string block in blocks)
                {
                    foreach (var sentence in Sentences(block)) yield return sentence;
                }
                blocks.Clear();
            }
        }
        Flush();
        foreach (string block in blocks)
        {
            foreach (var sentence in Sentences(block)) yield return sentence;
        }

        void Flush()
        {
            // A line break inside a paragraph is a space; the paragraph ends a block.
            string block = string.Join(' ', text.ToString().Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            text.Clear();
            if (block.Length > 0) blocks.Add(block);
        }
    }

    private static IEnumerable<IReadOnlyList<string>> Sentences(string text)
    {
        var input = PlainTextInput.From(text);
        List<string>? current = null;
        for (int i = 0; i < input.Count; i++)
        {
            if (input.SentenceStarts[i] && current is { Count: > 0 })
            {
                yield return current;
                current = null;
            }
            (current ??= []).Add(input.Word(i).ToString());
        }
        if (current is { Count: > 0 }) yield return current;
    }
}
