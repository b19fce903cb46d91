using System.ComponentModel;
using System.Text.Json.Nodes;
using Annalist.Core.Entities;
using Annalist.Core.Entities.Tagging;
using Annalist.Formats.Corpora;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

public sealed class EvalNerSettings : CommandSettings
{
    [CommandArgument(0, "<CORPUS>")]
    [Description("litbank (coref brat .ann files or their folder: the held-out tenth unless files are named), gum (CoNLL-U files or the dep folder: dev split), hipe (HIPE-2022 .tsv files).")]
    public string Corpus { get; init; } = "";

    [CommandArgument(1, "<PATH>")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--json")]
    public bool Json { get; init; }

    [CommandOption("--errors")]
    [Description("List each mention found but not in the annotation (+) and each missed (-).")]
    public bool Errors { get; init; }

    [CommandOption("--raw")]
    [Description("Score the statistical tagger alone, without the name rules.")]
    public bool Raw { get; init; }

    public override Spectre.Console.ValidationResult Validate()
    {
        if (Corpus is not ("litbank" or "gum" or "hipe")) return Spectre.Console.ValidationResult.Error("ANL1007: the corpus must be litbank, gum or hipe.");
        foreach (string path in Paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path)) return Spectre.Console.ValidationResult.Error($"ANL1001: File not found: {path}");
        }
        return Spectre.Console.ValidationResult.Success();
    }
}

/// <summary>
/// <c>annalist eval-ner litbank|gum|hipe PATH… [--json]</c>: exact-span precision, recall and F1 of the
/// shipped entity tagger on a corpus's own annotation, types mapped to person/place/organization (see
/// <c>docs/layers/entities.md</c>).
/// </summary>
public sealed class EvalNerCommand : Command<EvalNerSettings>
{
    public override int Execute(CommandContext context, EvalNerSettings settings, CancellationToken cancellationToken)
    {
        var model = EntityModels.TaggerModel;
        if (model is null)
        {
            Console.WriteLine($"{Annalist.Core.Errors.ErrorCatalogue.TaggerModelMissing.Code}: {Annalist.Core.Errors.ErrorCatalogue.TaggerModelMissing.Template}");
            return 1;
        }
        var gazetteer = EntityModels.Gazetteer;
        var tagger = new MentionTagger(model, gazetteer);
        var scorer = settings.Raw ? NerScorer.RawTagger(tagger) : NerScorer.Recognizer(new EntityRecognizer(tagger, gazetteer));
        var total = new NerScore(0, 0, 0);
        int documents = 0;
        foreach (var document in Documents(settings))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (settings.Errors) Console.WriteLine(document.Name);
            total = total.Add(NerScorer.Score(document, scorer, settings.Errors ? Console.Out : null));
            documents++;
        }
        if (settings.Json)
        {
            var json = new JsonObject
            {
                ["layers"] = new JsonObject
                {
                    ["ner"] = new JsonObject
                    {
                        ["precision"] = Math.Round(total.Precision, 4),
                        ["recall"] = Math.Round(total.Recall, 4),
                        ["f1"] = Math.Round(total.F1, 4),
                        ["n"] = total.Gold,
                    },
                },
                ["documents"] = documents,
                ["corpus"] = settings.Corpus,
            };
            Console.WriteLine(json.ToJsonString());
        }
        else
        {
            Console.WriteLine($"{settings.Corpus}: {documents} documents, {total.Gold} gold mentions, {total.Predicted} found, {total.Correct} exact");
            Console.WriteLine($"precision {total.Precision:F4}  recall {total.Recall:F4}  F1 {total.F1:F4}");
        }
        return 0;
    }

    private static IEnumerable<CorpusDocument> Documents(EvalNerSettings settings)
    {
        foreach (string path in settings.Paths)
        {
            switch (settings.Corpus)
            {
                case "litbank":
                    var files = Directory.Exists(path) ? LitBankReader.HeldOut(LitBankReader.DocumentPaths(path)) : [path];
                    foreach (string file in files) yield return LitBankReader.Read(file, coarse: true);
                    break;
                case "gum":
                    var gum = Directory.Exists(path)
                        ? NerCorpora.GumFiles(Path.GetDirectoryName(Path.GetFullPath(path).TrimEnd('/'))!, "dev", openGenresOnly: false)
                        : [path];
                    foreach (string file in gum)
                    {
                        foreach (var document in NerCorpora.ReadGum(file)) yield return document;
                    }
                    break;
                default:
                    using (var reader = new StreamReader(path))
                    {
                        foreach (var document in HipeReader.Read(reader).ToList()) yield return document;
                    }
                    break;
            }
        }
    }
}
