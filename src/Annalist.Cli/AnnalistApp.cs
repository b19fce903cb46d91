using Spectre.Console.Cli;

namespace Annalist.Cli;

/// <summary>The <c>annalist</c> command line: one place that lists every command.</summary>
public static class AnnalistApp
{
    public static int Run(string[] args)
    {
        var app = new CommandApp();
        app.Configure(Configure);
        return app.Run(args);
    }

    public static void Configure(IConfigurator config)
    {
        config.SetApplicationName("annalist");
        config.AddBranch("train", train =>
        {
            train.SetDescription("Train the models Annalist ships, from the shared corpora.");
            train.AddCommand<Commands.TrainTaggerCommand>("tagger").WithDescription("Train the part-of-speech tagger.");
            train.AddCommand<Commands.TrainParserCommand>("parser").WithDescription("Train the dependency parser (after the tagger).");
            train.AddCommand<Commands.TrainNerCommand>("ner").WithDescription("Train the entity mention tagger (GUM open genres, LitBank, FRUS persName).");
        });
        config.AddCommand<Commands.EvalUdCommand>("eval-ud").WithDescription("Score tagging and parsing on a UD treebank (gold tokenization).");
        config.AddCommand<Commands.EvalNerCommand>("eval-ner").WithDescription("Score the entity tagger on LitBank, GUM or HIPE-2022 annotation.");
    }
}
