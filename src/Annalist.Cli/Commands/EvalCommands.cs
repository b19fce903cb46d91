using Annalist.Core.Errors;
using Annalist.Core.Pipeline;
using Annalist.Evaluation;
using Annalist.Evaluation.Frus;
using Annalist.Evaluation.Reports;
using Annalist.Evaluation.TimeMl;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>Shared shape of the eval commands: run, print the report or JSON, turn coded errors into one line and exit code 1.</summary>
public abstract class EvalCommandBase<TSettings>(IAnsiConsole console) : Command<TSettings> where TSettings : EvalSettings
{
    protected IAnsiConsole Console { get; } = console;

    protected abstract string Title(TSettings settings);

    protected abstract EvaluationResult Evaluate(TSettings settings, AnalysisPipeline pipeline, CancellationToken cancellationToken);

    protected virtual bool JsonIncludesDocuments => true;

    public override int Execute(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var result = Evaluate(settings, DefaultPipeline.Create(), cancellationToken);
            if (settings.Json)
            {
                Console.Profile.Out.Writer.WriteLine(EvaluationJson.Write(result, JsonIncludesDocuments));
                Console.Profile.Out.Writer.Flush();
            }
            else EvaluationReport.Write(Console, result, Title(settings));
            return 0;
        }
        catch (AnnalistException exception)
        {
            Console.Profile.Out.Writer.WriteLine(exception.ToOneLine());
            return 1;
        }
    }
}

/// <summary><c>annalist eval GOLD.json…</c>: scores the pipeline against hand-made gold files.</summary>
public sealed class EvalCommand(IAnsiConsole console) : EvalCommandBase<EvalGoldSettings>(console)
{
    protected override string Title(EvalGoldSettings settings) => "Gold evaluation";

    protected override EvaluationResult Evaluate(EvalGoldSettings settings, AnalysisPipeline pipeline, CancellationToken cancellationToken) =>
        new GoldEvaluator(pipeline).Evaluate(settings.GoldFiles, cancellationToken);
}

/// <summary><c>annalist eval timeml PATH…</c>: TempEval-3 scoring of the time layer.</summary>
public sealed class EvalTimeMlCommand(IAnsiConsole console) : EvalCommandBase<EvalTimeMlSettings>(console)
{
    protected override string Title(EvalTimeMlSettings settings) => $"TimeML evaluation (anchor: {settings.ParsedAnchor})";

    protected override EvaluationResult Evaluate(EvalTimeMlSettings settings, AnalysisPipeline pipeline, CancellationToken cancellationToken) =>
        new TimeMlEvaluator(pipeline).Evaluate(settings.Paths, settings.ParsedAnchor, cancellationToken);
}

/// <summary><c>annalist eval frus VOLUME.xml…</c>: scores against FRUS's own markup.</summary>
public sealed class EvalFrusCommand(IAnsiConsole console) : EvalCommandBase<EvalFrusSettings>(console)
{
    protected override string Title(EvalFrusSettings settings) => "FRUS evaluation";

    protected override bool JsonIncludesDocuments => false;

    protected override EvaluationResult Evaluate(EvalFrusSettings settings, AnalysisPipeline pipeline, CancellationToken cancellationToken) =>
        new FrusEvaluator(pipeline).Evaluate(settings.Volumes, cancellationToken);
}
