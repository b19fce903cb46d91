using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Annalist.Cli.Reports;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Formats.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>
/// <c>annalist analyze FILE... [--format text|json] [--out DIR] [--authority FILE.csv]</c>: reads each file, runs the pipeline
/// and writes a report or JSON to standard output (JSON Lines for several files) or one file per input
/// into DIR. A file that cannot be read is reported on standard error as one coded line and the others
/// are still analyzed; the exit code is 0 when all went well, 2 when an input failed, 1 otherwise.
/// </summary>
public sealed class AnalyzeCommand : Command<AnalyzeSettings>
{
    /// <summary>From this many inputs on, writing to a folder shows progress on standard error.</summary>
    public const int ProgressThreshold = 5;

    private const int ReportFileWidth = 120;

    private readonly AnnalistServices _services;

    public AnalyzeCommand(AnnalistServices services)
    {
        _services = services;
    }

    private CommandStreams Streams => _services.Streams;

    public override int Execute(CommandContext context, AnalyzeSettings settings, CancellationToken cancellationToken)
    {
        var extensions = InputFiles.Extensions(_services.Readers, _services.CollectionReaders);
        var inputs = InputFiles.ExpandCollections(InputFiles.Expand(settings.Files, extensions), VolumeAuthorityOption.Apply(_services.CollectionReaders, settings.NoVolumeAuthority));
        var pipeline = FullSyntaxOption.Apply(AuthorityOption.Apply(_services.Pipeline, settings.Authority), settings.FullSyntax);
        var run = new Run(Streams, EncodingOption.Apply(_services.Readers, settings.Encoding), settings.MaxChars);
        if (settings.OutputDirectory is { } folder) WriteToFolder(inputs, settings, folder, pipeline, run, cancellationToken);
        else WriteToStandardOutput(inputs, settings, pipeline, run, cancellationToken);
        run.ReportPendingFailures();
        return run.ExitCode;
    }

    private void WriteToStandardOutput(IReadOnlyList<InputFile> inputs, AnalyzeSettings settings, AnalysisPipeline pipeline, Run run, CancellationToken cancellationToken)
    {
        bool several = inputs.Count > 1;
        if (settings.IsJson)
        {
            using var writer = new AnalysisJsonWriter(Streams.OutputStream, new AnalysisJsonOptions { Indented = settings.Indent && !several });
            foreach (var (_, document) in WithLiveStatus(inputs, pipeline, run, cancellationToken))
            {
                writer.Write(document);
                writer.Flush();
                Streams.OutputStream.WriteByte((byte)'\n');
                Streams.OutputStream.Flush();
            }
            return;
        }
        var report = new TextReportWriter(Streams.Output, settings.ReportOptions);
        bool first = true;
        foreach (var (_, document) in WithLiveStatus(inputs, pipeline, run, cancellationToken))
        {
            if (!first) Streams.Output.WriteLine();
            first = false;
            report.Write(document);
        }
    }

    private void WriteToFolder(IReadOnlyList<InputFile> inputs, AnalyzeSettings settings, string folder, AnalysisPipeline pipeline, Run run, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new AnnalistException(ErrorCatalogue.OutputNotWritable, exception, folder, exception.Message);
        }
        string extension = settings.IsJson ? ".json" : ".txt";
        var names = InputFiles.OutputNames(inputs, extension, folder);
        int written = 0;

        void WriteAll(Action<int, string> progressed)
        {
            foreach (var (index, document) in Analyze(inputs, pipeline, run, null, cancellationToken))
            {
                string path = Path.Combine(folder, names[index]);
                if (TryWriteFile(path, document, settings, run)) written++;
                progressed(index, path);
            }
        }

        bool showProgress = inputs.Count >= ProgressThreshold;
        if (showProgress && Streams.ErrorIsInteractive)
        {
            run.Console = Streams.ErrorConsole;
            Streams.ErrorConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask("analyzing", maxValue: inputs.Count);
                    WriteAll((_, _) => task.Value = run.Done);
                    task.Value = inputs.Count;
                });
            run.Console = null;
        }
        else if (showProgress)
        {
            WriteAll((index, path) => Streams.WriteErrorLine($"[{run.Done}/{inputs.Count}] {inputs[index].Path}{(inputs[index].Member is { } member ? "#" + member : "")} → {path}"));
        }
        else
        {
            foreach (var (index, document) in WithLiveStatus(inputs, pipeline, run, cancellationToken))
            {
                if (TryWriteFile(Path.Combine(folder, names[index]), document, settings, run)) written++;
            }
        }
        run.ReportPendingFailures();
        string unit = inputs.Any(input => input.Member is not null) ? "document" : "file";
        Streams.WriteErrorLine($"Analyzed {written} of {inputs.Count} {unit}{(inputs.Count == 1 ? "" : "s")} into {folder}.");
    }

    private static bool TryWriteFile(string path, AnalyzedDocument document, AnalyzeSettings settings, Run run)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            if (settings.IsJson)
            {
                AnalysisJsonWriter.Write(document, stream, new AnalysisJsonOptions { Indented = settings.Indent });
                return true;
            }
            using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(text),
            });
            console.Profile.Width = ReportFileWidth;
            new TextReportWriter(console, settings.ReportOptions).Write(document);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            run.Fail(new AnnalistException(ErrorCatalogue.OutputNotWritable, exception, path, exception.Message));
            return false;
        }
    }

    /// <summary>
    /// The analyzed documents in input order, with what their readers noticed among the diagnostics;
    /// inputs that cannot be read are recorded in <paramref name="run"/> and skipped.
    /// </summary>
    /// <summary>
    /// The analyzed documents as <see cref="Analyze"/> gives them; while each is being analyzed, with standard error a terminal,
    /// a live line there says which document and which component (cleared before anything is written); nothing when it is not.
    /// </summary>
    private IEnumerable<(int Index, AnalyzedDocument Document)> WithLiveStatus(IReadOnlyList<InputFile> inputs, AnalysisPipeline pipeline, Run run, CancellationToken cancellationToken)
    {
        if (!Streams.ErrorIsInteractive)
        {
            foreach (var item in Analyze(inputs, pipeline, run, null, cancellationToken)) yield return item;
            yield break;
        }
        var status = new LiveStatus();
        using var analyzed = Analyze(inputs, pipeline, run, status, cancellationToken).GetEnumerator();
        while (true)
        {
            bool moved = false;
            run.Console = Streams.ErrorConsole;
            try
            {
                Streams.ErrorConsole.Status().AutoRefresh(true).Start("reading…", context =>
                {
                    status.Context = context;
                    moved = analyzed.MoveNext();
                    status.Context = null;
                });
            }
            finally
            {
                run.Console = null;
            }
            if (!moved) yield break;
            yield return analyzed.Current;
        }
    }

    /// <summary>Shows the step a pipeline reports as the text of a live status line.</summary>
    private sealed class LiveStatus : IProgress<AnalysisStep>
    {
        public volatile StatusContext? Context;

        public void Report(AnalysisStep step)
        {
            if (Context is not { } context) return;
            context.Status(Markup.Escape(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"analyzing {step.DocumentName} ({step.DocumentLength:N0} characters): {step.Component} ({step.Index}/{step.Count})")));
            // Drawn now, not at the next tick: a component may run for minutes on a long document.
            context.Refresh();
        }
    }

    private IEnumerable<(int Index, AnalyzedDocument Document)> Analyze(IReadOnlyList<InputFile> inputs, AnalysisPipeline pipeline, Run run, IProgress<AnalysisStep>? progress, CancellationToken cancellationToken)
    {
        var pending = new ConcurrentDictionary<SourceDocument, (int Index, ImmutableArray<Diagnostic> Notes)>(ReferenceEqualityComparer.Instance);
        IEnumerable<SourceDocument> Documents()
        {
            for (int i = 0; i < inputs.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = TryRead(inputs[i], run);
                if (read is null) continue;
                pending[read.Document] = (i, read.Diagnostics);
                yield return read.Document;
            }
        }

        var analyzed = inputs.Count > 1
            ? pipeline.AnalyzeMany(Documents(), cancellationToken: cancellationToken, progress: progress)
            : Documents().Select(document => pipeline.Analyze(document, progress, cancellationToken));
        foreach (var document in analyzed)
        {
            run.ReportPendingFailures();
            pending.TryRemove(document.Source, out var entry);
            run.Done++;
            yield return (entry.Index, WithReaderNotes(document, entry.Notes));
        }
    }

    private Formats.Readers.DocumentReadResult? TryRead(InputFile input, Run run)
    {
        if (input.Error is { } known)
        {
            run.Fail(known);
            return null;
        }
        try
        {
            if (input.Document is { } member)
            {
                DocumentLengthLimit.Check(member, $"{input.Path}#{input.Member}", run.MaxChars);
                return new Formats.Readers.DocumentReadResult(member);
            }
            var read = run.Readers.Read(input.Path);
            DocumentLengthLimit.Check(read.Document, input.Path, run.MaxChars);
            return read;
        }
        catch (AnnalistException exception)
        {
            run.Fail(exception);
            return null;
        }
    }

    private static AnalyzedDocument WithReaderNotes(AnalyzedDocument document, ImmutableArray<Diagnostic> notes) =>
        notes.IsDefaultOrEmpty
            ? document
            : new AnalyzedDocument(document.Source, document.Layers, notes.AddRange(document.Diagnostics), document.Timings, document.PipelineVersion);

    /// <summary>The readers and failures of one run, failures reported on the thread that writes output, in the order they happened.</summary>
    private sealed class Run(CommandStreams streams, Formats.Readers.DocumentReaders readers, int maxChars)
    {
        /// <summary>The longest document this run analyzes (0: any).</summary>
        public int MaxChars { get; } = maxChars;

        /// <summary>The readers of this run's inputs (with the encoding the user named).</summary>
        public Formats.Readers.DocumentReaders Readers { get; } = readers;

        private readonly ConcurrentQueue<AnnalistException> _failures = new();
        private bool _inputFailed;
        private bool _otherFailed;

        /// <summary>Set while live progress is drawn on standard error, so failures are written through it.</summary>
        public IAnsiConsole? Console { get; set; }

        public int Done { get; set; }

        public int ExitCode => _otherFailed ? 1 : _inputFailed ? 2 : 0;

        public void Fail(AnnalistException exception) => _failures.Enqueue(exception);

        public void ReportPendingFailures()
        {
            while (_failures.TryDequeue(out var failure))
            {
                if (AnnalistApp.IsInputError(failure)) _inputFailed = true;
                else _otherFailed = true;
                if (Console is { } live) live.WriteLine(failure.ToOneLine());
                else streams.WriteErrorLine(failure.ToOneLine());
            }
        }
    }
}
