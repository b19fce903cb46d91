using Annalist.Cli.Commands;
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
        config.AddBranch<EvalSettings>("eval", eval =>
        {
            eval.SetDescription("Score the pipeline against gold files, TimeML corpora or FRUS volumes.");
            eval.SetDefaultCommand<EvalCommand>();
            eval.AddCommand<EvalTimeMlCommand>("timeml").WithDescription("TempEval-3 scores of the time layer on TimeML (.tml) or WikiWars keyinline files.");
            eval.AddCommand<EvalFrusCommand>("frus").WithDescription("Document dates, person mentions and participants against FRUS TEI markup.");
        });
    }
}
