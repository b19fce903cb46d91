using Annalist.Store;
using Annalist.Store.Ingest;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Rendering;

namespace Annalist.Cli.Commands;

/// <summary>
/// <c>annalist ingest PATH... [--db FILE|postgres://…]</c>: analyzes and stores every file not stored yet
/// (or changed, or analyzed by another pipeline version), each in its own transaction, with a progress
/// bar on standard error. Files that cannot be read are reported as coded lines and the rest go on; the
/// exit code is 0 when every file was stored or unchanged, 2 when some were skipped, 130 when stopped.
/// </summary>
public sealed class IngestCommand : Command<IngestSettings>
{
    private const int CancelledExitCode = 130;

    private readonly AnnalistServices _services;

    public IngestCommand(AnnalistServices services)
    {
        _services = services;
    }

    public override int Execute(CommandContext context, IngestSettings settings, CancellationToken cancellationToken)
    {
        var streams = _services.Streams;
        var pipeline = AuthorityOption.Apply(_services.Pipeline, settings.Authority);
        using var store = CorpusStores.Open(settings.StoreLocation);
        var ingester = new CorpusIngester(store, pipeline, EncodingOption.Apply(_services.Readers, settings.Encoding), VolumeAuthorityOption.Apply(_services.CollectionReaders, settings.NoVolumeAuthority)) { MaxDegreeOfParallelism = settings.Jobs, MaxDocumentLength = settings.MaxChars };
        var inputs = ingester.Expand(settings.Paths);
        IngestSummary summary;
        if (streams.ErrorIsInteractive && inputs.Count > 1)
        {
            summary = null!;
            streams.ErrorConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DocumentsPerSecondColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask("ingesting", maxValue: inputs.Count);
                    summary = ingester.Ingest(inputs, report => task.Value = report.Done, cancellationToken);
                    task.Value = inputs.Count;
                });
        }
        else
        {
            int step = Math.Max(1, inputs.Count / 20);
            summary = ingester.Ingest(inputs, report =>
            {
                if (report.Done % step == 0 && report.Done < report.Total)
                    streams.WriteErrorLine($"[{report.Done}/{report.Total}] {report.FilesPerSecond:0.0} documents/s");
            }, cancellationToken);
        }

        foreach (var skipped in summary.Skipped) streams.WriteErrorLine($"{skipped.Code}: {skipped.Message.ReplaceLineEndings(" ")}");
        double rate = summary.Elapsed.TotalSeconds > 0 ? (summary.Stored + summary.Unchanged) / summary.Elapsed.TotalSeconds : 0;
        string skippedText = summary.Skipped.Count == 0 ? "none skipped" : $"{summary.Skipped.Count} skipped ({string.Join(", ", summary.Skipped.GroupBy(s => s.Code).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"))})";
        streams.WriteErrorLine(
            $"{(summary.Cancelled ? "Stopped: " : "")}{summary.Stored} stored, {summary.Unchanged} unchanged{(summary.Moved > 0 ? $" ({summary.Moved} found moved)" : "")}, {skippedText}, in {summary.Elapsed.TotalSeconds:0.0} s ({rate:0.0} documents/s) into {store.Location}.");
        if (summary.Cancelled)
        {
            streams.WriteErrorLine("Run the same command again to go on where it stopped.");
            return CancelledExitCode;
        }
        return summary.Skipped.Count == 0 ? 0 : AnnalistApp.InputErrorExitCode;
    }

    /// <summary>Documents finished per second, from the progress task's own speed estimate.</summary>
    private sealed class DocumentsPerSecondColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? $"{speed:0.0} docs/s" : "… docs/s", new Style(Color.Grey));
    }
}
