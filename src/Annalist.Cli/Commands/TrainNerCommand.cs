using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Annalist.Core.Entities;
using Annalist.Core.Entities.Gazetteers;
using Annalist.Core.Entities.Tagging;
using Annalist.Formats.Corpora;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

public sealed class TrainNerSettings : CommandSettings
{
    [CommandOption("--corpora <PATH>")]
    [Description("The shared corpora folder (default: ../shared/corpora beside the repository).")]
    public string Corpora { get; init; } = Path.Combine("..", "shared", "corpora");

    [CommandOption("--gazetteers <PATH>")]
    [Description("The generated gazetteer tables (default: data/gazetteers).")]
    public string Gazetteers { get; init; } = Path.Combine("data", "gazetteers");

    [CommandOption("--out <PATH>")]
    [Description("Where the model, the compact gazetteer and the manifest are written (default: models/ner).")]
    public string Output { get; init; } = Path.Combine("models", "ner");

    [CommandOption("--epochs <N>")]
    public int Epochs { get; init; } = 8;

    [CommandOption("--seed <N>")]
    public int Seed { get; init; } = 20260101;

    [CommandOption("--orders <K>")]
    [Description("Train the tagger on K document orders (seeds --seed, --seed + 1000003, …) and ship the mean of their averaged weights (default 1: one order).")]
    public int Orders { get; init; } = 1;

    [CommandOption("--dev")]
    [Description("Carve a dev split out of the training part (the last tenth of LitBank's training documents), train without it and score it: for choosing features and settings without touching the held-out tenth.")]
    public bool Dev { get; init; }

    [CommandOption("--folds <K>")]
    [Description("Cross-validate on LitBank's training documents instead of training the shipped model: K trainings, each scoring the K-th part it left out (the other corpora always train); writes nothing but the scores.")]
    public int Folds { get; init; }

    [CommandOption("--errors <FILE>")]
    [Description("With --dev: write each dev mention found but not annotated (+) and each missed (-) to FILE.")]
    public string? Errors { get; init; }

    [CommandOption("--clusters <K>")]
    [Description("Number of word clusters built from the training text for features (0: none).")]
    public int Clusters { get; init; }

    [CommandOption("--brown <FILE>")]
    [Description("Brown clusters (annalist train ner-clusters) whose path prefixes are features (default: models/ner-clusters/brown.v1.tsv.gz when present; 'none' for none).")]
    public string Brown { get; init; } = Path.Combine("models", "ner-clusters", "brown.v1.tsv.gz");

    internal BrownClusters LoadBrown()
    {
        if (Brown == "none" || !File.Exists(Brown)) return BrownClusters.Empty;
        using var input = File.OpenRead(Brown);
        return BrownClusters.Read(input);
    }

    [CommandOption("--given-names <FILE>")]
    [Description("Given names with their counts (tools/gazetteers/build.mjs) whose membership is a feature, (default: data/gazetteers/given-names.tsv, as the shipped model; 'none' for none; see docs/layers/entities.md, Session 13).")]
    public string GivenNames { get; init; } = Path.Combine("data", "gazetteers", "given-names.tsv");

    internal GivenNames LoadGivenNames()
    {
        if (GivenNames == "none" || !File.Exists(GivenNames)) return Annalist.Core.Entities.Gazetteers.GivenNames.Empty;
        using var input = File.OpenText(GivenNames);
        return Annalist.Core.Entities.Gazetteers.GivenNames.ReadTable(input);
    }

    [CommandOption("--litbank-weight <N>")]
    [Description("Train on each LitBank document N times an epoch (weighs fiction against the FRUS distant supervision).")]
    public int LitBankWeight { get; init; } = 1;

    [CommandOption("--document-stage")]
    [Description("Add a second pass that also sees what the first said of each word elsewhere in the document (trained on 4-fold jackknifed first-pass labels; about five times the training time, twice the tagging time).")]
    public bool DocumentStage { get; init; }

    [CommandOption("--per-document")]
    [Description("With --folds: print each left-out document's scores, with and without the rules.")]
    public bool PerDocument { get; init; }

    [CommandOption("--without <STEPS>")]
    [Description("Leave these rule steps of the recognizer out (comma-separated names of RecognizerSteps), to measure what each contributes.")]
    public string? Without { get; init; }

    internal RecognizerSteps Steps =>
        Without is null ? RecognizerSteps.All
        : Without.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Aggregate(RecognizerSteps.All, (steps, name) => steps & ~Enum.Parse<RecognizerSteps>(name, ignoreCase: true));

    [CommandOption("--min-feature-count <N>")]
    [Description("Features seen fewer times in the training data are left out (default 2).")]
    public int MinimumFeatureCount { get; init; } = 2;

    [CommandOption("--no-heldout")]
    [Description("Do not score LitBank's held-out tenth (for candidate models written elsewhere with --out: the tenth is measured once per shipped model).")]
    public bool NoHeldOut { get; init; }

    [CommandOption("--recased <N>")]
    [Description("Train also on a copy in capitals of every N-th sentence of the fully annotated corpora (GUM, LitBank), so the tagger learns names where capitalization says little (0: none).")]
    public int Recased { get; init; }

    [CommandOption("--recased-title")]
    [Description("With --recased: also a title-case (headline) copy of another N-th of the sentences.")]
    public bool RecasedTitle { get; init; }

    [CommandOption("--aggressiveness <C>")]
    [Description("Passive-aggressive (PA-I) updates capped at C instead of the perceptron's unit steps (0: perceptron).")]
    public float Aggressiveness { get; init; }

    [CommandOption("--word-dropout <P>")]
    [Description("Hide the word-form features of this share of capitalized training tokens, drawn afresh each epoch, so names are also learned from affixes, shape, clusters and context (0: none).")]
    public float WordDropout { get; init; }

    [CommandOption("--given-names-dropout <P>")]
    [Description("Hide the given-name features of this share of the tokens --given-names-dropout-on names, drawn afresh each epoch from --seed, so names no list holds are still learned from shape and context (0: none).")]
    public float GivenNamesDropout { get; init; }

    [CommandOption("--given-names-dropout-on <TOKENS>")]
    [Description("Where given-name dropout hides: 'all', any token (default), or 'first', only the first word of a person's name of two words or more.")]
    public string GivenNamesDropoutOn { get; init; } = "all";

    internal bool GivenNamesDropoutFirstWords => GivenNamesDropoutOn.Equals("first", StringComparison.OrdinalIgnoreCase);

    [CommandOption("--label-pairs <TEMPLATES>")]
    [Description("Conjoin the label pair (previous label, label) with these properties of the token, each a transition table of its own: a comma-separated list of shape, brown, case, word (default: none, one table).")]
    public string? LabelPairs { get; init; }

    internal LabelPairTemplates PairTemplates => LabelPairFeatures.Parse(LabelPairs) ?? LabelPairTemplates.None;

    [CommandOption("--labels <SCHEME>")]
    [Description("The labels the tagger learns: bio, or bilou (a name's last word and one-word names get labels of their own).")]
    public string Labels { get; init; } = "bio";

    internal LabelScheme Scheme => Labels.Equals("bilou", StringComparison.OrdinalIgnoreCase) ? LabelScheme.Bilou : LabelScheme.Bio;

    [CommandOption("--no-frus")]
    [Description("Leave out the FRUS persName distant supervision.")]
    public bool NoFrus { get; init; }

    public override Spectre.Console.ValidationResult Validate()
    {
        if (!Directory.Exists(Corpora)) return Spectre.Console.ValidationResult.Error($"ANL1007: corpora folder not found: {Corpora}");
        if (!Directory.Exists(Gazetteers)) return Spectre.Console.ValidationResult.Error($"ANL1007: gazetteer folder not found: {Gazetteers}");
        if (!Labels.Equals("bio", StringComparison.OrdinalIgnoreCase) && !Labels.Equals("bilou", StringComparison.OrdinalIgnoreCase))
            return Spectre.Console.ValidationResult.Error("ANL1007: --labels must be bio or bilou.");
        if (LabelPairFeatures.Parse(LabelPairs) is null)
            return Spectre.Console.ValidationResult.Error("ANL1007: --label-pairs takes a comma-separated list of shape, brown, case, word.");
        if (!GivenNamesDropoutOn.Equals("first", StringComparison.OrdinalIgnoreCase) && !GivenNamesDropoutOn.Equals("all", StringComparison.OrdinalIgnoreCase))
            return Spectre.Console.ValidationResult.Error("ANL1007: --given-names-dropout-on must be first or all.");
        if (GivenNamesDropout is < 0 or > 1) return Spectre.Console.ValidationResult.Error("ANL1007: --given-names-dropout must be between 0 and 1.");
        if (Epochs < 1) return Spectre.Console.ValidationResult.Error("ANL1007: --epochs must be at least 1.");
        if (Orders < 1) return Spectre.Console.ValidationResult.Error("ANL1007: --orders must be at least 1.");
        if (Without is not null && Without.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(n => !Enum.TryParse<RecognizerSteps>(n, ignoreCase: true, out _)) is { } unknown)
            return Spectre.Console.ValidationResult.Error($"ANL1007: --without: no step '{unknown}' (steps: {string.Join(", ", Enum.GetNames<RecognizerSteps>())}).");
        return Spectre.Console.ValidationResult.Success();
    }
}

/// <summary>
/// <c>annalist train ner</c>: rebuilds the entity tagger from the train parts of the shared corpora (GUM's
/// open genres, LitBank without its held-out tenth, FRUS train volumes' linked persName), with a
/// manifest of data files and their SHA-256, settings, seed and held-out scores.
/// </summary>
public sealed class TrainNerCommand : Command<TrainNerSettings>
{
    public override int Execute(CommandContext context, TrainNerSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(settings.Output);
        string gazetteerPath = Path.Combine(settings.Output, "gazetteer.v1.tsv.gz");
        using (var output = File.Create(gazetteerPath)) GazetteerSources.WriteCompact(settings.Gazetteers, output);
        Gazetteer gazetteer;
        using (var input = File.OpenRead(gazetteerPath)) gazetteer = Gazetteer.Read(input);
        Console.WriteLine($"gazetteer: {gazetteer.NameCount:N0} names, {gazetteer.DemonymCount:N0} demonyms ({new FileInfo(gazetteerPath).Length:N0} bytes)");
        var givenNames = settings.LoadGivenNames();
        Console.WriteLine($"given names: {givenNames.Count:N0}");

        var files = new List<string>();
        var corpus = new List<CorpusDocument>();
        var counts = new JsonObject();
        void Add(string source, string file, IEnumerable<CorpusDocument> read)
        {
            files.Add(file);
            int tokens = 0;
            foreach (var document in read)
            {
                corpus.Add(document);
                tokens += document.TokenCount;
            }
            counts[source] = (counts[source]?.GetValue<int>() ?? 0) + tokens;
        }
        string gum = NerCorpora.Gum(settings.Corpora);
        foreach (string path in NerCorpora.GumFiles(gum, "train", openGenresOnly: true)) Add("gum", path, NerCorpora.ReadGum(path));
        var litbank = LitBankReader.DocumentPaths(NerCorpora.LitBank(settings.Corpora));
        var litbankTraining = LitBankReader.Training(litbank);
        var litbankDev = settings.Dev ? LitBankReader.HeldOut(litbankTraining) : [];
        foreach (string path in litbankTraining.Except(litbankDev)) Add("litbank", path, [LitBankReader.Read(path, coarse: false)]);
        if (!settings.NoFrus)
        {
            foreach (string volume in NerCorpora.FrusTrainVolumes)
            {
                string path = Path.Combine(settings.Corpora, "frus", volume + ".xml");
                if (File.Exists(path)) Add("frus", path, FrusPersonReader.Read(path));
            }
        }
        if (settings.Folds >= 2) return CrossValidate(settings, gazetteer, givenNames, corpus, litbankTraining.Except(litbankDev).ToList(), clock);
        var lowerCaseWords = LowerCaseWords(corpus);
        var litbankTrained = litbankTraining.Except(litbankDev).Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        var documents = WithRecased(Weighted(corpus, litbankTrained!, settings.LitBankWeight), settings.Recased, settings.RecasedTitle).Select(d => d.ToTrainingDocument(lowerCaseWords)).ToList();
        Console.WriteLine($"training tokens: {counts.ToJsonString()} in {documents.Count:N0} documents ({clock.Elapsed.TotalSeconds:F0} s)");

        var clusters = Clusters(settings, corpus);
        Console.WriteLine($"word clusters: {clusters.Count:N0} words ({clock.Elapsed.TotalSeconds:F0} s)");
        var brown = settings.LoadBrown();
        Console.WriteLine($"brown clusters: {brown.Count:N0} words");
        // The tagger trains and is scored with the compact list it ships with.
        string givenNamesPath = Path.Combine(settings.Output, "given-names.v1.tsv.gz");
        if (givenNames.Count > 0)
        {
            using (var output = File.Create(givenNamesPath)) givenNames.Write(output);
            using var input = File.OpenRead(givenNamesPath);
            givenNames = Annalist.Core.Entities.Gazetteers.GivenNames.Read(input);
        }
        else File.Delete(givenNamesPath);
        var features = new FeatureExtractor(gazetteer, lowerCaseWords, clusters, brown, givenNames);
        var epochs = new JsonArray();
        var trainer = new PerceptronTrainer(features, new PerceptronTrainerOptions { Epochs = settings.Epochs, Seed = settings.Seed, MinimumFeatureCount = settings.MinimumFeatureCount, Scheme = settings.Scheme, Aggressiveness = settings.Aggressiveness, WordDropout = settings.WordDropout, GivenNamesDropout = settings.GivenNamesDropout, GivenNamesDropoutFirstWords = settings.GivenNamesDropoutFirstWords, Orders = settings.Orders, PairTemplates = settings.PairTemplates })
        {
            EpochFinished = (epoch, error) =>
            {
                Console.WriteLine($"epoch {epoch}: training error {error:P2} ({clock.Elapsed.TotalSeconds:F0} s)");
                epochs.Add(Math.Round(error, 5));
            },
        };
        var model = settings.DocumentStage ? trainer.TrainStacked(documents) : trainer.Train(documents);
        string modelPath = Path.Combine(settings.Output, "ner.perceptron.v1.bin.gz");
        using (var output = File.Create(modelPath)) model.Write(output);
        PerceptronModel shipped;
        using (var input = File.OpenRead(modelPath)) shipped = PerceptronModel.Read(input);
        Console.WriteLine($"model: {shipped.FeatureCount:N0} features ({new FileInfo(modelPath).Length:N0} bytes)");

        var recognizer = new EntityRecognizer(new MentionTagger(shipped, gazetteer, givenNames), gazetteer, settings.Steps);
        var scores = new JsonObject();
        if (settings.Dev)
        {
            var dev = litbankDev.Select(p => LitBankReader.Read(p, coarse: true)).ToList();
            using var errors = settings.Errors is null ? null : new StreamWriter(settings.Errors);
            scores["litbank_dev"] = ScoreJson(dev, NerScorer.Recognizer(recognizer), errors, groupsArePersons: true);
            scores["litbank_dev_tagger_only"] = ScoreJson(dev, NerScorer.RawTagger(new MentionTagger(shipped, gazetteer, givenNames)));
        }
        var gumDev = NerCorpora.GumFiles(gum, "dev", openGenresOnly: false).SelectMany(NerCorpora.ReadGum).ToList();
        scores["gum_dev"] = ScoreJson(gumDev, NerScorer.Recognizer(recognizer));
        scores["gum_dev_tagger_only"] = ScoreJson(gumDev, NerScorer.RawTagger(new MentionTagger(shipped, gazetteer, givenNames)));
        if (!settings.Dev && !settings.NoHeldOut)
        {
            // Measured once per shipped model; choices are made on the dev split (--dev), which leaves this out.
            var heldOut = LitBankReader.HeldOut(litbank).Select(p => LitBankReader.Read(p, coarse: true)).ToList();
            scores["litbank_heldout"] = ScoreJson(heldOut, NerScorer.Recognizer(recognizer), groupsArePersons: true);
            scores["litbank_heldout_groups_unscored"] = ScoreJson(heldOut, NerScorer.Recognizer(recognizer));
            scores["litbank_heldout_tagger_only"] = ScoreJson(heldOut, NerScorer.RawTagger(new MentionTagger(shipped, gazetteer, givenNames)));
        }
        Console.WriteLine($"scores: {scores.ToJsonString()}");

        var manifest = new JsonObject
        {
            ["component"] = "ner.perceptron.v8",
            ["created_by"] = "annalist train ner",
            ["settings"] = new JsonObject { ["epochs"] = settings.Epochs, ["seed"] = settings.Seed, ["orders"] = settings.Orders, ["frus"] = !settings.NoFrus, ["dev"] = settings.Dev, ["document_stage"] = settings.DocumentStage, ["word_clusters"] = settings.Clusters, ["brown_clusters"] = brown.Count == 0 ? null : FileJson(settings.Brown, settings.Output), ["given_names"] = givenNames.Count == 0 ? null : new JsonObject { ["names"] = givenNames.Count, ["source"] = FileJson(settings.GivenNames, settings.Gazetteers) }, ["litbank_weight"] = settings.LitBankWeight, ["jackknife_folds"] = settings.DocumentStage ? 4 : 0, ["minimum_feature_count"] = settings.MinimumFeatureCount, ["recased_every"] = settings.Recased, ["recased_title"] = settings.RecasedTitle, ["aggressiveness"] = settings.Aggressiveness, ["word_dropout"] = settings.WordDropout, ["given_names_dropout"] = settings.GivenNamesDropout, ["given_names_dropout_on"] = settings.GivenNamesDropoutFirstWords ? "first" : "all", ["label_pairs"] = settings.PairTemplates == LabelPairTemplates.None ? null : settings.PairTemplates.ToString(), ["labels"] = string.Join(' ', Enumerable.Range(0, shipped.Scheme.Count).Select(shipped.Scheme.Name)) },
            ["training_tokens"] = counts,
            ["epoch_training_error"] = epochs,
            ["outputs"] = new JsonObject { ["model"] = FileJson(modelPath, settings.Output), ["gazetteer"] = FileJson(gazetteerPath, settings.Output), ["given_names"] = givenNames.Count == 0 ? null : FileJson(givenNamesPath, settings.Output) },
            ["data"] = new JsonArray([.. files.Select(f => (JsonNode)FileJson(f, settings.Corpora)), .. Directory.GetFiles(settings.Gazetteers, "*.tsv").Order(StringComparer.Ordinal).Select(f => (JsonNode)FileJson(f, settings.Gazetteers))]),
            ["scores"] = scores,
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds),
        };
        File.WriteAllText(Path.Combine(settings.Output, "manifest.json"), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    /// <summary>
    /// K-fold cross-validation over LitBank's training documents (fold k: every K-th document from k), the
    /// other corpora training in every fold; prints each fold's and the pooled exact-span scores.
    /// </summary>
    private static int CrossValidate(TrainNerSettings settings, Gazetteer gazetteer, GivenNames givenNames, List<CorpusDocument> corpus, List<string> litbankPaths, Stopwatch clock)
    {
        var litbankNames = litbankPaths.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        var others = corpus.Where(d => !litbankNames.Contains(d.Name)).ToList();
        var brown = settings.LoadBrown();
        Console.WriteLine($"brown clusters: {brown.Count:N0} words");
        var pooled = new NerScore(0, 0, 0);
        var pooledUnscoredGroups = new NerScore(0, 0, 0);
        var pooledRaw = new NerScore(0, 0, 0);
        using var errors = settings.Errors is null ? null : new StreamWriter(settings.Errors);
        using var rawErrors = settings.Errors is null ? null : new StreamWriter(settings.Errors + ".raw");
        for (int fold = 0; fold < settings.Folds; fold++)
        {
            var held = litbankPaths.Where((_, i) => i % settings.Folds == fold).ToList();
            var train = others.Concat(corpus.Where(d => litbankNames.Contains(d.Name) && !held.Any(h => Path.GetFileNameWithoutExtension(h) == d.Name))).ToList();
            var lowerCaseWords = LowerCaseWords(train);
            var features = new FeatureExtractor(gazetteer, lowerCaseWords, Clusters(settings, train), brown, givenNames);
            var foldTrainer = new PerceptronTrainer(features, new PerceptronTrainerOptions { Epochs = settings.Epochs, Seed = settings.Seed, MinimumFeatureCount = settings.MinimumFeatureCount, Scheme = settings.Scheme, Aggressiveness = settings.Aggressiveness, WordDropout = settings.WordDropout, GivenNamesDropout = settings.GivenNamesDropout, GivenNamesDropoutFirstWords = settings.GivenNamesDropoutFirstWords, Orders = settings.Orders, PairTemplates = settings.PairTemplates });
            var trainDocuments = WithRecased(Weighted(train, litbankNames, settings.LitBankWeight), settings.Recased, settings.RecasedTitle).Select(d => d.ToTrainingDocument(lowerCaseWords)).ToList();
            var model = settings.DocumentStage ? foldTrainer.TrainStacked(trainDocuments) : foldTrainer.Train(trainDocuments);
            var tagger = new MentionTagger(model, gazetteer, givenNames);
            var recognizer = new EntityRecognizer(tagger, gazetteer, settings.Steps);
            if (fold == 0)
            {
                var gumDev = NerCorpora.GumFiles(NerCorpora.Gum(settings.Corpora), "dev", openGenresOnly: false).SelectMany(NerCorpora.ReadGum).ToList();
                Console.WriteLine($"fold 1 model on GUM dev: {ScoreJson(gumDev, NerScorer.Recognizer(recognizer)).ToJsonString()}, tagger only {ScoreJson(gumDev, NerScorer.RawTagger(tagger)).ToJsonString()}");
            }
            var score = new NerScore(0, 0, 0);
            var raw = new NerScore(0, 0, 0);
            foreach (string path in held)
            {
                var document = LitBankReader.Read(path, coarse: true);
                errors?.WriteLine(document.Name);
                var sources = new NerScorer.SourceLog();
                var documentScore = NerScorer.Score(document, NerScorer.Recognizer(recognizer, sources), errors, groupsArePersons: true, sources);
                score = score.Add(documentScore);
                pooledUnscoredGroups = pooledUnscoredGroups.Add(NerScorer.Score(document, NerScorer.Recognizer(recognizer)));
                rawErrors?.WriteLine(document.Name);
                var documentRaw = NerScorer.Score(document, NerScorer.RawTagger(tagger), rawErrors);
                raw = raw.Add(documentRaw);
                if (settings.PerDocument) Console.WriteLine($"  {document.Name}: F1 {documentScore.F1:F3} (tagger only {documentRaw.F1:F3}), {documentScore.Gold} gold, {documentScore.Predicted} found, {documentScore.Correct} correct; tagger only {documentRaw.Predicted} found, {documentRaw.Correct} correct");
            }
            pooled = pooled.Add(score);
            pooledRaw = pooledRaw.Add(raw);
            Console.WriteLine($"fold {fold + 1}/{settings.Folds}: F1 {score.F1:F4} (tagger only {raw.F1:F4}), {score.Gold} gold ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        Console.WriteLine($"cross-validated: precision {pooled.Precision:F4} recall {pooled.Recall:F4} F1 {pooled.F1:F4}; tagger only F1 {pooledRaw.F1:F4}; {pooled.Gold} gold; groups unscored (before session 7) F1 {pooledUnscoredGroups.F1:F4}");
        return 0;
    }

    /// <summary>
    /// The documents, then for each fully annotated one a copy of its sentences <c>k</c> with <c>k % every == every - 1</c>
    /// in capitals and, with <paramref name="title"/>, <c>k % every == every / 2 - 1</c> in title case (headline style), with
    /// the same names: telegrams, OCR'd newspapers and headlines write names and common words alike, and the training
    /// text has few such sentences.
    /// </summary>
    private static IEnumerable<CorpusDocument> WithRecased(IEnumerable<CorpusDocument> corpus, int every, bool title)
    {
        var documents = corpus.ToList();
        if (every < 2) return documents;
        var copies = new List<CorpusDocument>();
        foreach (var document in documents)
        {
            if (document.Partial) continue;
            var sentences = new List<IReadOnlyList<string>>();
            var mentions = new List<CorpusMention>();
            for (int k = 0; k < document.Sentences.Count; k++)
            {
                bool capitals = k % every == every - 1, headline = title && k % every == every / 2 - 1;
                if (!capitals && !headline) continue;
                foreach (var mention in document.Mentions.Where(m => m.Sentence == k)) mentions.Add(mention with { Sentence = sentences.Count });
                sentences.Add([.. document.Sentences[k].Select(w => capitals ? w.ToUpperInvariant() : TitleCase(w))]);
            }
            if (sentences.Count > 0) copies.Add(new CorpusDocument(document.Name + "#recased", sentences, null, mentions));
        }
        return documents.Concat(copies);
    }

    private static string TitleCase(string word) =>
        word.Length < 4 || !char.IsLower(word[0]) ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static IEnumerable<CorpusDocument> Weighted(IEnumerable<CorpusDocument> corpus, IReadOnlySet<string?> litbank, int weight) =>
        corpus.SelectMany(d => Enumerable.Repeat(d, litbank.Contains(d.Name) ? Math.Max(1, weight) : 1));

    private static WordClusters Clusters(TrainNerSettings settings, IEnumerable<CorpusDocument> corpus) =>
        settings.Clusters == 0 ? WordClusters.Empty
            : WordClusters.Build(corpus.SelectMany(d => d.Sentences), new WordClusters.Options { Clusters = settings.Clusters, Seed = settings.Seed });

    /// <summary>Words written in lower case at least three times in the training text.</summary>
    private static HashSet<string> LowerCaseWords(IEnumerable<CorpusDocument> corpus)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in corpus)
        {
            foreach (var sentence in document.Sentences)
            {
                foreach (string word in sentence)
                {
                    if (word.Length > 0 && char.IsLower(word[0])) counts[word] = counts.GetValueOrDefault(word) + 1;
                }
            }
        }
        return [.. counts.Where(p => p.Value >= 3).Select(p => p.Key)];
    }

    internal static JsonObject ScoreJson(IEnumerable<CorpusDocument> documents, NerScorer.Tagger tagger, TextWriter? errors = null, bool groupsArePersons = false)
    {
        var total = new NerScore(0, 0, 0);
        foreach (var document in documents)
        {
            errors?.WriteLine(document.Name);
            total = total.Add(NerScorer.Score(document, tagger, errors, groupsArePersons));
        }
        return new JsonObject
        {
            ["precision"] = Math.Round(total.Precision, 4),
            ["recall"] = Math.Round(total.Recall, 4),
            ["f1"] = Math.Round(total.F1, 4),
            ["n"] = total.Gold,
        };
    }

    private static JsonObject FileJson(string path, string root) => new()
    {
        ["path"] = Path.GetRelativePath(root, path).Replace('\\', '/'),
        ["bytes"] = new FileInfo(path).Length,
        ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))),
    };
}
