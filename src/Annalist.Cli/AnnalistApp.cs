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
        return app.Run(NormalizeArguments(args));
    }

    /// <summary>
    /// Spectre.Console.Cli gives a branch's default command no positional arguments, so
    /// <c>eval GOLD.json…</c> is routed to the hidden <c>eval gold GOLD.json…</c>, the same command.
    /// Anything that runs the app from a command line must pass its arguments through here.
    /// </summary>
    public static string[] NormalizeArguments(string[] args)
    {
        if (args.Length < 2 || args[0] != "eval") return args;
        if (args[1] is "timeml" or "frus" or "gold" or "-h" or "--help" or "-?") return args;
        return ["eval", "gold", .. args[1..]];
    }

    public static void Configure(IConfigurator config)
    {
        config.SetApplicationName("annalist");
        config.AddBranch<EvalSettings>("eval", eval =>
        {
            eval.SetDescription("Score the pipeline: 'annalist eval GOLD.json…' against gold files (docs/gold-format.md), or against TimeML corpora and FRUS volumes with the commands below.");
            eval.SetDefaultCommand<EvalCommand>();
            eval.AddCommand<EvalCommand>("gold").IsHidden().WithDescription("Score against gold files (the default: 'annalist eval GOLD.json…').");
            eval.AddCommand<EvalTimeMlCommand>("timeml").WithDescription("TempEval-3 scores of the time layer on TimeML (.tml) or WikiWars keyinline files.");
            eval.AddCommand<EvalFrusCommand>("frus").WithDescription("Document dates, person mentions and participants against FRUS TEI markup.");
        });
    }
}
