using System.ComponentModel;
using Annalist.Core.Pipeline;
using Annalist.Evaluation;
using Annalist.Evaluation.Coreference;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary><c>annalist eval coref litbank PATH… [--split held-out|training|all]</c>, <c>annalist eval coref gum PATH… [--split dev|test]</c>.</summary>
public sealed class EvalCorefSettings : EvalSettings
{
    [CommandArgument(0, "<CORPUS>")]
    [Description("litbank: coref/brat .ann files, or their folder (then --split chooses the documents); gum: .conllu files, or the GUM folder (then the --split documents of the open genres).")]
    public string Corpus { get; init; } = "";

    [CommandArgument(1, "<PATH>")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--split <SPLIT>")]
    [Description("LitBank folder: 'held-out' (the last tenth in file-name order, the default), 'training' or 'all'. GUM folder: 'dev' (the default) or 'test'.")]
    public string? Split { get; init; }

    public override ValidationResult Validate()
    {
        if (Corpus is not ("litbank" or "gum")) return ValidationResult.Error("ANL1007: the corpus must be litbank or gum.");
        string split = Split ?? (Corpus == "gum" ? "dev" : "held-out");
        if (Corpus == "litbank" && split is not ("held-out" or "training" or "all")) return ValidationResult.Error("--split must be held-out, training or all.");
        if (Corpus == "gum" && split is not ("dev" or "test")) return ValidationResult.Error("--split must be dev or test for GUM.");
        if (Paths.Length == 0) return ValidationResult.Error("Give at least one file or folder.");
        foreach (string path in Paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path)) return ValidationResult.Error($"ANL1001: File not found: {path}");
        }
        return ValidationResult.Success();
    }

    /// <summary>True when some document scored is held out (its errors are never listed).</summary>
    public bool TouchesHeldOut => Corpus == "litbank" && Paths.Any(Directory.Exists) && (Split ?? "held-out") is "held-out" or "all";

    /// <summary>The named files, and for each folder the documents of the split.</summary>
    public IEnumerable<string> Documents()
    {
        foreach (string path in Paths)
        {
            if (!Directory.Exists(path))
            {
                yield return path;
                continue;
            }
            if (Corpus == "gum")
            {
                foreach (string file in NerCorpora.GumFiles(path, Split ?? "dev", openGenresOnly: true)) yield return file;
                continue;
            }
            var all = LitBankCoreferenceReader.DocumentPaths(path);
            var chosen = (Split ?? "held-out") switch
            {
                "training" => LitBankCoreferenceReader.Training(all),
                "all" => all,
                _ => LitBankCoreferenceReader.HeldOut(all),
            };
            foreach (string file in chosen) yield return file;
        }
    }
}

/// <summary><c>annalist eval coref …</c>: pronoun and noun-phrase antecedent accuracy of the coreference layer.</summary>
public sealed class EvalCorefCommand(AnnalistServices services) : EvalCommandBase<EvalCorefSettings>(services)
{
    protected override string Title(EvalCorefSettings settings) => $"Coreference ({settings.Corpus})";

    protected override bool JsonIncludesDocuments => false;

    protected override EvaluationResult Evaluate(EvalCorefSettings settings, AnalysisPipeline pipeline, CancellationToken cancellationToken) =>
        new CoreferenceEvaluator(pipeline) { ListErrors = !settings.TouchesHeldOut }.Evaluate(
            settings.Documents().Select(path => settings.Corpus == "gum" ? GumCoreferenceReader.Read(path) : LitBankCoreferenceReader.Read(path)),
            cancellationToken);
}
