using Annalist.Core.Pipeline;
using Annalist.Evaluation;
using Annalist.Evaluation.Frus;
using Annalist.Evaluation.Reports;
using Annalist.Evaluation.TimeMl;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>
/// Shared shape of the eval commands: run, then print the report or JSON. Coded errors reach the
/// application's handler: one line on standard error, exit code 2 for input errors.
/// </summary>
public abstract class EvalCommandBase<TSettings>(AnnalistServices services) : Command<TSettings> where TSettings : EvalSettings
{

    protected abstract string Title(TSettings settings);

    protected abstract EvaluationResult Evaluate(TSettings settings, AnalysisPipeline pipeline, CancellationToken cancellationToken);

    protected virtual bool JsonIncludesDocuments => true;

    public override int Execute(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        var result = Evaluate(settings, services.Pipeline, cancellationToken);
        if (settings.Json)
        {
            var output = services.Streams.OutputStream;
            output.Write(System.Text.Encoding.UTF8.GetBytes(EvaluationJson.Write(result, JsonIncludesDocuments) + "\n"));
            output.Flush();
        }
        else EvaluationReport.Write(services.Streams.Output, result, Title(settings));
        return 0;
    }
}

/// <summary><c>annalist eval GOLD.json…</c>: scores the pipeline against hand-made gold files.</summary>
public sealed class EvalCommand(AnnalistServices services) : EvalCommandBase<EvalGoldSettings>(services)
{
    protected override string Title(EvalGoldSettings settings) => "Gold evaluation";

    protected override EvaluationResult Evaluate(EvalGoldSettings settings, AnalysisPipeline pipeline, CancellationToken cancellationToken) =>
        new GoldEvaluator(pipeline).Evaluate(settings.GoldFiles, cancellationToken);
}

/// <summary><c>annalist eval timeml PATH…</c>: TempEval-3 scoring of the time layer.</summary>
public sealed class EvalTimeMlCommand(AnnalistServices services) : EvalCommandBase<EvalTimeMlSettings>(services)
{
    protected override string Title(EvalTimeMlSettings settings) => $"TimeML evaluation (anchor: {settings.ParsedAnchor})";

    protected override EvaluationResult Evaluate(EvalTimeMlSettings settings, AnalysisPipeline pipeline, CancellationToken cancellationToken)
    {
        if (settings.Errors is null) return new TimeMlEvaluator(pipeline).Evaluate(settings.Paths, settings.ParsedAnchor, cancellationToken);
        using var errors = new StreamWriter(settings.Errors);
        return new TimeMlEvaluator(pipeline).Evaluate(settings.Paths, settings.ParsedAnchor, cancellationToken, errors);
    }
}

/// <summary><c>annalist eval frus VOLUME.xml…</c>: scores against FRUS's own markup.</summary>
public sealed class EvalFrusCommand(AnnalistServices services) : EvalCommandBase<EvalFrusSettings>(services)
{
    protected override string Title(EvalFrusSettings settings) => "FRUS evaluation";

    protected override bool JsonIncludesDocuments => false;

    protected override EvaluationResult Evaluate(EvalFrusSettings settings, AnalysisPipeline pipeline, CancellationToken cancellationToken)
    {
        if (settings.Errors is null) return new FrusEvaluator(pipeline).Evaluate(settings.Volumes, cancellationToken);
        using var errors = new StreamWriter(settings.Errors);
        return new FrusEvaluator(pipeline).Evaluate(settings.Volumes, cancellationToken, errors);
    }
}
