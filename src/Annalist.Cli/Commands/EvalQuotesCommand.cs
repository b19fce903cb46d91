using System.ComponentModel;
using Annalist.Core.Pipeline;
using Annalist.Evaluation;
using Annalist.Evaluation.Quotes;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary><c>annalist eval quotes litbank PATH… [--split held-out|training|all]</c>, <c>annalist eval quotes gum PATH…</c>.</summary>
public sealed class EvalQuotesSettings : EvalSettings
{
    [CommandArgument(0, "<CORPUS>")]
    [Description("litbank: quotations/tsv .ann files, or their folder (then --split chooses the documents); gum: .conllu files, or the GUM folder (then the dev and test documents of the open genres).")]
    public string Corpus { get; init; } = "";

    [CommandArgument(1, "<PATH>")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--split <SPLIT>")]
    [Description("For a folder: 'held-out' (the last tenth in file-name order, the default), 'training' (the rest) or 'all'.")]
    [DefaultValue("held-out")]
    public string Split { get; init; } = "held-out";

    public override ValidationResult Validate()
    {
        if (Corpus is not ("litbank" or "gum")) return ValidationResult.Error("ANL1007: the corpus must be litbank or gum.");
        if (Split is not ("held-out" or "training" or "all")) return ValidationResult.Error("--split must be held-out, training or all.");
        if (Paths.Length == 0) return ValidationResult.Error("Give at least one LitBank quotation file or folder.");
        foreach (string path in Paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path)) return ValidationResult.Error($"ANL1001: File not found: {path}");
        }
        return ValidationResult.Success();
    }

    /// <summary>The named files, and for each folder the documents of the split.</summary>
    public IEnumerable<string> Documents()
    {
        if (Corpus == "gum")
        {
            foreach (string path in Paths)
            {
                if (!Directory.Exists(path)) yield return path;
                else foreach (string file in NerCorpora.GumFiles(path, "dev", openGenresOnly: true).Concat(NerCorpora.GumFiles(path, "test", openGenresOnly: true))) yield return file;
            }
            yield break;
        }
        foreach (string path in Paths)
        {
            if (!Directory.Exists(path))
            {
                yield return path;
                continue;
            }
            var all = LitBankQuotationReader.DocumentPaths(path);
            int heldOut = Math.Max(1, all.Count / 10);
            var chosen = Split switch
            {
                "training" => all.Take(all.Count - heldOut),
                "all" => all,
                _ => all.Skip(all.Count - heldOut),
            };
            foreach (string file in chosen) yield return file;
        }
    }
}

/// <summary><c>annalist eval quotes litbank …</c>: speaker attribution of the turns layer.</summary>
public sealed class EvalQuotesCommand(AnnalistServices services) : EvalCommandBase<EvalQuotesSettings>(services)
{
    protected override string Title(EvalQuotesSettings settings) => $"Quotation speakers ({settings.Corpus})";

    protected override bool JsonIncludesDocuments => false;

    protected override EvaluationResult Evaluate(EvalQuotesSettings settings, AnalysisPipeline pipeline, CancellationToken cancellationToken) =>
        settings.Corpus == "gum"
            ? new GumSpeakerEvaluator(pipeline).Evaluate(settings.Documents().Select(GumSpeakerReader.Read).Where(d => d.Sentences.Length > 0), cancellationToken)
            : new QuotesEvaluator(pipeline).Evaluate(settings.Documents().Select(LitBankQuotationReader.Read), cancellationToken);
}
