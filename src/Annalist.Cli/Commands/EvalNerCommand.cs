using System.ComponentModel;
using System.Text.Json.Nodes;
using Annalist.Core.Entities;
using Annalist.Core.Entities.Tagging;
using Annalist.Formats.Corpora;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

public sealed class EvalNerSettings : EvalSettings
{
    [CommandArgument(0, "<CORPUS>")]
    [Description("litbank (coref brat .ann files or their folder: the held-out tenth unless files are named), gum (CoNLL-U files or the dep folder: dev split), hipe (HIPE-2022 .tsv files), frus (TEI volumes: person mention recall over persName).")]
    public string Corpus { get; init; } = "";

    [CommandArgument(1, "<PATH>")]
    public string[] Paths { get; init; } = [];


    [CommandOption("--errors")]
    [Description("List each mention found but not in the annotation (+) and each missed (-).")]
    public bool Errors { get; init; }

    [CommandOption("--model <FILE>")]
    [Description("Score this tagger model (annalist train ner --out) instead of the shipped one.")]
    public string? Model { get; init; }

    [CommandOption("--by-type")]
    [Description("Also give precision, recall and F1 of each type (person, place, organization) alone.")]
    public bool ByType { get; init; }

    [CommandOption("--groups-unscored")]
    [Description("litbank: leave the recognizer's groups (peoples) unscored, as before session 7, instead of counting a people named by a proper noun as a person (LitBank's guidelines).")]
    public bool GroupsUnscored { get; init; }

    [CommandOption("--upper")]
    [Description("Upper-case every word before analysis (offsets kept): a synthetic corpus of records in capitals.")]
    public bool Upper { get; init; }

    [CommandOption("--no-truecase")]
    [Description("With --upper: let the tagger read the capitals as they are, without the truecased view (the figure before it).")]
    public bool NoTruecase { get; init; }

    [CommandOption("--raw")]
    [Description("Score the statistical tagger alone, without the name rules.")]
    public bool Raw { get; init; }

    public override Spectre.Console.ValidationResult Validate()
    {
        if (Corpus is not ("litbank" or "gum" or "hipe" or "frus")) return Spectre.Console.ValidationResult.Error("ANL1007: the corpus must be litbank, gum, hipe or frus.");
        foreach (string path in Paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path)) return Spectre.Console.ValidationResult.Error($"ANL1001: File not found: {path}");
        }
        return Spectre.Console.ValidationResult.Success();
    }
}

/// <summary>
/// <c>annalist eval ner litbank|gum|hipe|frus PATH… [--json]</c>: exact-span precision, recall and F1 of the
/// shipped entity tagger on a corpus's own annotation, types mapped to person/place/organization (see
/// <c>docs/layers/entities.md</c>).
/// </summary>
public sealed class EvalNerCommand : Command<EvalNerSettings>
{
    public override int Execute(CommandContext context, EvalNerSettings settings, CancellationToken cancellationToken)
    {
        var model = EntityModels.TaggerModel;
        if (settings.Model is not null)
        {
            using var input = File.OpenRead(settings.Model);
            model = PerceptronModel.Read(input);
        }
        if (model is null)
        {
            Console.WriteLine($"{Annalist.Core.Errors.ErrorCatalogue.TaggerModelMissing.Code}: {Annalist.Core.Errors.ErrorCatalogue.TaggerModelMissing.Template}");
            return 1;
        }
        var gazetteer = EntityModels.Gazetteer;
        var tagger = new MentionTagger(model, gazetteer);
        var sources = settings.Raw ? null : new NerScorer.SourceLog();
        var scorer = settings.Raw ? NerScorer.RawTagger(tagger) : NerScorer.Recognizer(new EntityRecognizer(tagger, gazetteer), sources);
        if (settings.Upper && !settings.NoTruecase) scorer = Truecased(scorer);
        if (settings.Corpus == "frus") return PersonRecall(settings, scorer);
        // LitBank follows ACE, whose PER covers groups of people (the Magyars); the other corpora's mappings leave groups out.
        bool groupsArePersons = settings.Corpus == "litbank" && !settings.GroupsUnscored;
        var total = new NerScore(0, 0, 0);
        EntityType[] types = [EntityType.Person, EntityType.Place, EntityType.Organization];
        var byType = types.ToDictionary(t => t, _ => new NerScore(0, 0, 0));
        int documents = 0;
        foreach (var read in Documents(settings))
        {
            var document = settings.Upper ? UpperCased(read) : read;
            cancellationToken.ThrowIfCancellationRequested();
            if (settings.Errors) Console.WriteLine(document.Name);
            total = total.Add(NerScorer.Score(document, scorer, settings.Errors ? Console.Out : null, groupsArePersons, sources));
            if (settings.ByType)
            {
                // One type alone: the other types' gold leaves the document, so a span typed wrongly is a miss and a false find.
                foreach (var type in types)
                {
                    var only = document with { Mentions = [.. document.Mentions.Where(m => m.Type is null || m.Type == type)] };
                    byType[type] = byType[type].Add(NerScorer.Score(only, (d, i) => scorer(d, i).Where(m => m.Type == type || groupsArePersons && type == EntityType.Person && m.Type == EntityType.Group), groupsArePersons: groupsArePersons));
                }
            }
            documents++;
        }
        static JsonObject ScoreJson(NerScore score) => new()
        {
            ["precision"] = Math.Round(score.Precision, 4),
            ["recall"] = Math.Round(score.Recall, 4),
            ["f1"] = Math.Round(score.F1, 4),
            ["n"] = score.Gold,
        };
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
            if (settings.ByType) json["types"] = new JsonObject(types.Select(t => KeyValuePair.Create(t.ToString().ToLowerInvariant(), (JsonNode?)ScoreJson(byType[t]))));
            Console.WriteLine(json.ToJsonString());
        }
        else
        {
            Console.WriteLine($"{settings.Corpus}: {documents} documents, {total.Gold} gold mentions, {total.Predicted} found, {total.Correct} exact");
            Console.WriteLine($"precision {total.Precision:F4}  recall {total.Recall:F4}  F1 {total.F1:F4}");
            if (settings.ByType)
            {
                foreach (var type in types)
                    Console.WriteLine($"  {type.ToString().ToLowerInvariant(),-12} precision {byType[type].Precision:F4}  recall {byType[type].Recall:F4}  F1 {byType[type].F1:F4}  ({byType[type].Gold} gold, {byType[type].Predicted} found)");
            }
        }
        return 0;
    }

    /// <summary>The document with every word in capitals; ToUpperInvariant maps char by char, so lengths and offsets hold.</summary>
    internal static CorpusDocument UpperCased(CorpusDocument document) =>
        document with { Sentences = [.. document.Sentences.Select(s => (IReadOnlyList<string>)[.. s.Select(w => w.ToUpperInvariant())])] };

    /// <summary>The tagger reading the truecased view of its input, as the pipeline's entity annotator does.</summary>
    internal static NerScorer.Tagger Truecased(NerScorer.Tagger inner) => (document, input) =>
    {
        var view = Annalist.Core.Text.Casing.Truecaser.View(input.Text, input.Tokens, input.SentenceStarts, Annalist.Core.Text.Casing.TruecaseModel.Shipped);
        return inner(document, ReferenceEquals(view.Text, input.Text) ? input : new TaggingInput(view.Text, input.Tokens, input.SentenceStarts, input.PartsOfSpeech));
    };

    /// <summary>FRUS marks persons only: person mention recall over the volumes' persName spans.</summary>
    private static int PersonRecall(EvalNerSettings settings, NerScorer.Tagger scorer)
    {
        int covered = 0, gold = 0, documents = 0;
        foreach (string path in settings.Paths)
        {
            foreach (var document in FrusPersonReader.Read(path))
            {
                var (c, g) = NerScorer.PersonCoverage(settings.Upper ? UpperCased(document) : document, scorer);
                covered += c;
                gold += g;
                documents++;
            }
        }
        double recall = gold == 0 ? 0 : (double)covered / gold;
        if (settings.Json)
            Console.WriteLine(new JsonObject { ["layers"] = new JsonObject { ["ner"] = new JsonObject { ["person_recall"] = Math.Round(recall, 4), ["n"] = gold } }, ["documents"] = documents, ["corpus"] = "frus" }.ToJsonString());
        else Console.WriteLine($"frus: {documents} documents, {gold} persName mentions, {covered} inside a person mention: recall {recall:F4}");
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
                        ? NerCorpora.GumFiles(path, "dev", openGenresOnly: false)
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
