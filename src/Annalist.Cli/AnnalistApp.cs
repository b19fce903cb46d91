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
        config.AddCommand<Commands.TrainNerCommand>("train-ner").WithDescription("Rebuild the entity tagger model from the shared corpora.");
        config.AddCommand<Commands.NerDebugCommand>("ner-debug").IsHidden();
        config.AddCommand<Commands.EvalNerCommand>("eval-ner").WithDescription("Score the entity tagger on LitBank, GUM or HIPE-2022 annotation.");
    }
}
