using Annalist.Cli.Commands;
using Annalist.Core.Errors;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli;

/// <summary>The <c>annalist</c> command line: one place that lists every command.</summary>
public static class AnnalistApp
{
    /// <summary>Exit code for a failure caused by the input or the command line (codes ANL1xxx).</summary>
    public const int InputErrorExitCode = 2;

    /// <summary>Exit code for any other failure.</summary>
    public const int FailureExitCode = 1;

    private const int CancelledExitCode = 130;

    public static int Run(string[] args)
    {
        var services = new AnnalistServices(CommandStreams.FromConsole());
        var app = new CommandApp();
        app.Configure(config =>
        {
            Configure(config, services);
            config.ConfigureConsole(HelpConsole(Console.Out, Console.IsOutputRedirected ? CommandStreams.RedirectedWidth(Environment.GetEnvironmentVariable("COLUMNS")) : null));
        });
        return app.Run(NormalizeArguments(args));
    }

    /// <summary>
    /// The console Spectre writes help and usage to: <paramref name="output"/> with each line's trailing blanks dropped,
    /// <paramref name="width"/> columns wide (null: the terminal's).
    /// </summary>
    public static IAnsiConsole HelpConsole(TextWriter output, int? width)
    {
        ArgumentNullException.ThrowIfNull(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(new TrailingBlankTrimmingWriter(output)),
            // Colours only on a terminal: help piped to a file or a pager is plain text.
            Ansi = width is null ? AnsiSupport.Detect : AnsiSupport.No,
        });
        if (width is { } columns) console.Profile.Width = columns;
        return console;
    }

    /// <summary>
    /// Spectre.Console.Cli gives a branch's default command no positional arguments, so
    /// <c>eval GOLD.json…</c> is routed to the hidden <c>eval gold GOLD.json…</c>, the same command.
    /// Anything that runs the app from a command line must pass its arguments through here.
    /// </summary>
    public static string[] NormalizeArguments(string[] args)
    {
        if (args.Length < 2 || args[0] != "eval") return args;
        if (args[1] is "timeml" or "frus" or "ud" or "ner" or "quotes" or "coref" or "gold" or "-h" or "--help" or "-?") return args;
        return ["eval", "gold", .. args[1..]];
    }

    public static void Configure(IConfigurator config) => Configure(config, new AnnalistServices(CommandStreams.FromConsole()));

    public static void Configure(IConfigurator config, AnnalistServices services)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(services);
        config.SetApplicationName("annalist");
        config.Settings.StrictParsing = true;
        config.Settings.Registrar.RegisterInstance(services);
        config.SetExceptionHandler((exception, _) => HandleException(exception, services.Streams));
        config.AddCommand<AnalyzeCommand>("analyze")
            .WithDescription("Annotate records and write a report (text) or their layers (json).")
            .WithExample("analyze", "examples/memorandum-grain-talks.txt")
            .WithExample("analyze", "examples", "--format", "json", "--out", "analysis");
        config.AddCommand<IngestCommand>("ingest")
            .WithDescription("Analyze files and folders into a corpus store, skipping what is stored already.")
            .WithExample("ingest", "records")
            .WithExample("ingest", "records", "--db", "postgres://annalist:secret@localhost:5432/corpus");
        config.AddCommand<SearchCommand>("search")
            .WithDescription("Find paragraphs of the corpus by their words, with citations.")
            .WithExample("search", "grain", "harvest", "--limit", "5")
            .WithExample("search", "cars", "--speaker", "Stalin", "--from", "1945", "--to", "1947");
        config.AddBranch<EntitiesSettings>("entities", entities =>
        {
            entities.SetDescription("People, places and organizations across the corpus: list, show, merge, split.");
            entities.AddCommand<EntitiesListCommand>("list").WithDescription("The corpus entities, those in most documents first.").WithExample("entities", "list", "--type", "person", "--name", "Dulles");
            entities.AddCommand<EntitiesShowCommand>("show").WithDescription("An entity's names, roles, documents, mentions and turns, and why its parts were gathered.").WithExample("entities", "show", "Stalin");
            entities.AddCommand<EntitiesMergeCommand>("merge").WithDescription("Make entity B part of entity A (kept as a correction).").WithExample("entities", "merge", "12", "40");
            entities.AddCommand<EntitiesSplitCommand>("split").WithDescription("Take the parts of an entity with these names out into one of their own (kept as a correction).").WithExample("entities", "split", "12", "--names", "Allen Dulles");
        });
        config.AddCommand<CorrectCommand>("correct")
            .WithDescription("Fix an annotation of a stored document; the fix survives re-analysis.")
            .WithExample("correct", "retype", "memo.txt", "--quote", "Republic", "--type", "GPE")
            .WithExample("correct", "remove", "memo.txt", "--start", "120", "--end", "128");
        config.AddCommand<ExportCommand>("export")
            .WithDescription("Write records as TEI P5, analysis JSON, CSV tables, a GEXF person network, W3C Web Annotation JSON-LD or WebAnno TSV: named files analyzed on the fly, or the whole store.")
            .WithExample("export", "--format", "tei", "--out", "tei", "examples")
            .WithExample("export", "--format", "csv", "--db", "corpus.db");
        config.AddCommand<ServeCommand>("serve")
            .WithDescription("Serve the reader web application over a store: documents, people, timeline, network, map, ledger, search, corrections.")
            .WithExample("serve", "--db", "annalist.db", "--port", "5170");
        config.AddCommand<LedgerCommand>("ledger")
            .WithDescription("The commitments in records: who asked for, promised, ordered, granted or delivered what, to whom, how many, when, and what became of it.")
            .WithExample("ledger", "examples", "--format", "csv")
            .WithExample("ledger", "--db", "annalist.db", "--document", "memo.txt");
        config.AddCommand<TimelineCommand>("timeline")
            .WithDescription("The dated events of records in time order, with their participants.")
            .WithExample("timeline", "examples")
            .WithExample("timeline", "--db", "annalist.db", "--format", "json");
        config.AddCommand<BenchCommand>("bench")
            .WithDescription("Measure the pipeline's speed on a corpus, and with --peers that of peer tools on the same text.")
            .WithExample("bench", "examples", "--repeat", "100", "--peers");
        config.AddBranch<EvalSettings>("eval", eval =>
        {
            eval.SetDescription("Score the pipeline: 'annalist eval GOLD.json…' against gold files (docs/gold-format.md), or against TimeML corpora and FRUS volumes with the commands below.");
            eval.SetDefaultCommand<EvalCommand>();
            eval.AddCommand<EvalCommand>("gold").IsHidden().WithDescription("Score against gold files (the default: 'annalist eval GOLD.json…').");
            eval.AddCommand<EvalTimeMlCommand>("timeml").WithDescription("TempEval-3 scores of the time layer on TimeML (.tml) or WikiWars keyinline files.");
            eval.AddCommand<EvalNerCommand>("ner").WithDescription("Precision, recall and F1 of the entity tagger on LitBank, GUM, HIPE-2022 or FRUS annotation.");
            eval.AddCommand<EvalUdCommand>("ud").WithDescription("UPOS, UAS and LAS of the tagger and parser on a UD treebank (gold tokenization).");
            eval.AddCommand<EvalFrusCommand>("frus").WithDescription("Document dates, person mentions and participants against FRUS TEI markup.");
            eval.AddCommand<EvalQuotesCommand>("quotes").WithDescription("Speaker accuracy of the turns layer on LitBank's attributed quotations.");
            eval.AddCommand<EvalCorefCommand>("coref").WithDescription("Pronoun and noun-phrase antecedent accuracy of the coreference layer on LitBank or GUM.");
        });
        config.AddBranch("train", train =>
        {
            train.SetDescription("Train the models Annalist ships, from the shared corpora.");
            train.AddCommand<Commands.TrainTaggerCommand>("tagger").WithDescription("Train the part-of-speech tagger.");
            train.AddCommand<Commands.TrainParserCommand>("parser").WithDescription("Train the dependency parser (after the tagger).");
            train.AddCommand<Commands.TrainNerCommand>("ner").WithDescription("Train the entity mention tagger (GUM open genres, LitBank, FRUS persName).");
            train.AddCommand<Commands.TrainNerClustersCommand>("ner-clusters").WithDescription("Build the Brown word clusters the entity tagger reads (FRUS train volumes, EWT, GUM open genres, LitBank training text).");
            train.AddCommand<Commands.TrainQuotesCommand>("quotes").WithDescription("Train the quotation speaker model (LitBank's training documents).");
            train.AddCommand<Commands.TrainCorefCommand>("coref").WithDescription("Train the coreference model (LitBank's training documents, GUM's with --gum).");
            train.AddCommand<Commands.TrainTruecaseCommand>("truecase").WithDescription("Build the truecasing model for passages in capitals (FRUS train volumes, EWT, GUM open genres, LitBank training text, gazetteer names).");
        });
    }

    /// <summary>
    /// True for failures the user can fix in the input or the command line: ANL1xxx, and the DOCX and PDF
    /// readers' refusals (ANL506x), which are numbered with the store but are about an input file.
    /// </summary>
    public static bool IsInputError(AnnalistException exception) =>
        exception.Code.StartsWith("ANL1", StringComparison.Ordinal) || exception.Code.StartsWith("ANL506", StringComparison.Ordinal);

    /// <summary>Writes one coded line, never a stack trace, and chooses the exit code.</summary>
    private static int HandleException(Exception exception, CommandStreams streams)
    {
        // Parallel analysis wraps what a document's reading threw.
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate) exception = aggregate.InnerExceptions[0];
        switch (exception)
        {
            case AnnalistException coded:
                streams.WriteErrorLine(coded.ToOneLine());
                return IsInputError(coded) ? InputErrorExitCode : FailureExitCode;
            case OperationCanceledException:
                return CancelledExitCode;
            case CommandConfigurationException:
                streams.WriteErrorLine(new AnnalistException(ErrorCatalogue.Internal, exception.Message).ToOneLine());
                return FailureExitCode;
            case CommandAppException usage:
                streams.WriteErrorLine(new AnnalistException(ErrorCatalogue.InvalidOption, usage.Message).ToOneLine());
                return InputErrorExitCode;
            default:
                streams.WriteErrorLine(new AnnalistException(ErrorCatalogue.Internal, exception.Message).ToOneLine());
                return FailureExitCode;
        }
    }
}
