using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Annalist.Core.Entities;
using Annalist.Core.Text.Casing;
using Annalist.Formats.Conllu;
using Annalist.Formats.Corpora;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

public sealed class TrainTruecaseSettings : CommandSettings
{
    [CommandOption("--corpora <PATH>")]
    [Description("The shared corpora folder (default: ../shared/corpora beside the repository).")]
    public string Corpora { get; init; } = Path.Combine("..", "shared", "corpora");

    [CommandOption("--out <PATH>")]
    [Description("The model to write (default: models/truecase.v1.tsv.gz); its manifest goes beside it (truecase.manifest.json).")]
    public string Output { get; init; } = Path.Combine("models", "truecase.v1.tsv.gz");

    public override Spectre.Console.ValidationResult Validate() =>
        Directory.Exists(Corpora) ? Spectre.Console.ValidationResult.Success() : Spectre.Console.ValidationResult.Error($"ANL1007: corpora folder not found: {Corpora}");
}

/// <summary>
/// <c>annalist train truecase</c>: counts the casing forms of every word of the permitted training text — the FRUS
/// train volumes, UD English EWT train, GUM's open genres' training documents, LitBank's training 90 — and of the
/// shipped gazetteer's place names, and writes the truecasing model with a manifest.
/// </summary>
public sealed class TrainTruecaseCommand : Command<TrainTruecaseSettings>
{
    public override int Execute(CommandContext context, TrainTruecaseSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var text = PermittedTrainingText.Read(settings.Corpora);
        var (sentences, tokens) = (text.Sentences, text.Tokens);
        var names = EntityModels.Gazetteer.PlaceNames.Order(StringComparer.Ordinal).ToList();
        var counts = TruecaseModel.CountForms(sentences, names);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.Output))!);
        using (var output = File.Create(settings.Output)) counts.Write(output);
        TruecaseModel model;
        using (var input = File.OpenRead(settings.Output)) model = TruecaseModel.Read(input);
        Console.WriteLine($"text: {tokens.ToJsonString()} tokens, {sentences.Count:N0} sentences, {names.Count:N0} place names; {counts.Words:N0} words, {model.Count:N0} kept ({clock.Elapsed.TotalSeconds:F0} s)");
        var accuracy = new JsonObject();
        string dev = Path.Combine(settings.Corpora, "ud", "UD_English-EWT", "en_ewt-ud-dev.conllu");
        if (File.Exists(dev))
        {
            var (words, restored, capitalized, capitalizedRestored) = Measure(model, ConlluReader.ReadFile(dev).Select(s => (IReadOnlyList<string>)[.. s.Words.Select(w => w.Form)]).ToList());
            accuracy["ud_ewt_dev"] = new JsonObject
            {
                ["words"] = words,
                ["restored"] = Math.Round((double)restored / words, 4),
                ["words_with_capital"] = capitalized,
                ["with_capital_restored"] = Math.Round((double)capitalizedRestored / capitalized, 4),
            };
            Console.WriteLine($"UD EWT dev upper-cased: {restored:N0} of {words:N0} words restored ({(double)restored / words:P2}); of those with a capital {capitalizedRestored:N0} of {capitalized:N0} ({(double)capitalizedRestored / capitalized:P2})");
        }
        string root = Path.GetDirectoryName(Path.GetFullPath(settings.Output))!;
        var manifest = new JsonObject
        {
            ["component"] = "casing.truecase.v1",
            ["created_by"] = "annalist train truecase",
            ["algorithm"] = "form counts per lower-case word, first words of sentences and words after a colon not counted; gazetteer place names' words counted once as capitalized; kept where the likeliest form has a capital",
            ["tokens"] = tokens,
            ["place_names"] = names.Count,
            ["words_counted"] = counts.Words,
            ["words_kept"] = model.Count,
            ["held_out_accuracy"] = accuracy,
            ["output"] = PermittedTrainingText.Describe(settings.Output, Path.GetFileName(settings.Output)),
            ["data"] = text.DataManifest(settings.Corpora),
        };
        File.WriteAllText(Path.Combine(root, "truecase.manifest.json"), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    /// <summary>
    /// Upper-cases held-out sentences, reads them through the truecaser as one passage each, and counts the words
    /// (tokens with a letter) whose casing comes back exactly, overall and among those written with a capital.
    /// </summary>
    internal static (int Words, int Restored, int Capitalized, int CapitalizedRestored) Measure(TruecaseModel model, IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var original = Annalist.Core.Entities.Tagging.TaggingInput.FromSentences(sentences);
        string upper = original.Text.ToUpperInvariant();
        var view = Truecaser.View(upper, original.Tokens, original.SentenceStarts, model);
        int words = 0, restored = 0, capitalized = 0, capitalizedRestored = 0;
        foreach (var token in original.Tokens)
        {
            var gold = token.Slice(original.Text);
            if (!TruecaseModel.HasLetter(gold)) continue;
            bool same = gold.SequenceEqual(token.Slice(view.Text));
            bool capital = gold.IndexOfAnyInRange('A', 'Z') >= 0;
            words++;
            if (same) restored++;
            if (capital) capitalized++;
            if (capital && same) capitalizedRestored++;
        }
        return (words, restored, capitalized, capitalizedRestored);
    }
}
