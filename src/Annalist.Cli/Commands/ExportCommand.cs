using System.Collections.Concurrent;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Text;
using Annalist.Formats.Export;
using Annalist.Store;
using Annalist.Store.Ingest;
using Annalist.Store.Postgres;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>
/// <c>annalist export --format tei|json|csv|gexf|webanno|webanno-tsv [--db …] [--out DIR] [FILE…]</c>: the named files analyzed
/// on the fly, or every document of the store, written into DIR (<c>docs/export.md</c>). Both go through
/// <see cref="ExportDocument"/>, so a stored document exports as its fresh analysis would (with its corrections).
/// Progress is drawn on standard error; what a writer notices (ANL5103 …) is reported per document. Exit code 0
/// when everything was exported, 2 when an input could not be read, 1 when an export failed.
/// </summary>
public sealed class ExportCommand : Command<ExportSettings>
{
    /// <summary>Without a terminal, progress lines (one every twentieth) are written from this many documents on.</summary>
    public const int ProgressLinesFrom = 20;

    private readonly AnnalistServices _services;

    public ExportCommand(AnnalistServices services)
    {
        _services = services;
    }

    private CommandStreams Streams => _services.Streams;

    public override int Execute(CommandContext context, ExportSettings settings, CancellationToken cancellationToken)
    {
        var failures = new ConcurrentQueue<AnnalistException>();
        int total;
        IEnumerable<ExportDocument> documents;
        ICorpusStore? store = null;
        try
        {
            // Everything that can refuse the run is checked before the output folder is made, so a mistake leaves no empty ./export.
            if (settings.Files.Length > 0)
            {
                var readers = EncodingOption.Apply(_services.Readers, settings.Encoding);
                var pipeline = FullSyntaxOption.Apply(AuthorityOption.Apply(_services.Pipeline, settings.Authority), settings.FullSyntax);
                var inputs = ExpandFiles(settings.Files, failures);
                total = inputs.Count;
                documents = AnalyzeFiles(inputs, pipeline, readers, settings.MaxChars, VolumeAuthorityOption.Apply(_services.CollectionReaders, settings.NoVolumeAuthority), failures, cancellationToken);
            }
            else
            {
                // A store's documents are exported as stored: no models are loaded.
                store = settings.OpenExistingStore();
                var keys = store.GetFingerprints().Keys.Order(StringComparer.Ordinal).ToList();
                if (keys.Count == 0) throw new AnnalistException(ErrorCatalogue.NothingToExport, store.Location);
                total = keys.Count;
                documents = FromStore(store, keys, failures, cancellationToken);
            }
            using var session = ExportFormats.Open(settings.Format, settings.Folder);
            int exported = Run(session, documents, total, failures);
            var files = session.Complete();
            ReportFailures(failures, out bool inputFailed, out bool otherFailed);
            Streams.WriteErrorLine($"Exported {exported} document{(exported == 1 ? "" : "s")} as {session.Format} into {session.Folder} ({files.Count} file{(files.Count == 1 ? "" : "s")}).");
            return otherFailed ? AnnalistApp.FailureExitCode : inputFailed ? AnnalistApp.InputErrorExitCode : 0;
        }
        finally
        {
            store?.Dispose();
        }
    }

    private int Run(ExportSession session, IEnumerable<ExportDocument> documents, int total, ConcurrentQueue<AnnalistException> failures)
    {
        int done = 0, exported = 0;
        void ExportAll(Action? progressed)
        {
            foreach (var document in documents)
            {
                try
                {
                    foreach (var diagnostic in session.Add(document))
                        if (diagnostic.Severity != DiagnosticSeverity.Info) Write($"{document.Key}: {diagnostic.Code}: {diagnostic.Message}");
                    exported++;
                }
                catch (AnnalistException failure) when (failure.Code == ErrorCatalogue.ExportDocumentFailed.Code)
                {
                    failures.Enqueue(failure);
                }
                done++;
                progressed?.Invoke();
            }
        }

        if (Streams.ErrorIsInteractive && total > 1)
        {
            Streams.ErrorConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask($"exporting {session.Format}", maxValue: total);
                    ExportAll(() => task.Value = done);
                    task.Value = total;
                });
        }
        else
        {
            int step = Math.Max(1, total / 20);
            ExportAll(() =>
            {
                if (total >= ProgressLinesFrom && done % step == 0 && done < total) Streams.WriteErrorLine($"[{done}/{total}] exported");
            });
        }
        return exported;

        void Write(string line) => Streams.WriteErrorLine(line.ReplaceLineEndings(" "));
    }

    private IReadOnlyList<IngestInput> ExpandFiles(IEnumerable<string> files, ConcurrentQueue<AnnalistException> failures)
    {
        var extensions = InputFiles.Extensions(_services.Readers, _services.CollectionReaders);
        var named = files.Select(Path.GetFullPath).Where(File.Exists).ToHashSet(StringComparer.Ordinal);
        var inputs = new List<IngestInput>();
        foreach (var input in IngestInputs.Expand(files, extensions))
        {
            if (input.Error is { } error) failures.Enqueue(error);
            // A README found in a folder describes the folder (as for analyze); named on its own it is exported.
            else if (named.Contains(input.Path) || !Path.GetFileNameWithoutExtension(input.Path).Equals("README", StringComparison.OrdinalIgnoreCase)) inputs.Add(input);
        }
        return inputs;
    }

    /// <summary>The files' documents analyzed on all cores, in input order; a TEI volume gives one per document.</summary>
    private IEnumerable<ExportDocument> AnalyzeFiles(IReadOnlyList<IngestInput> inputs, Annalist.Core.Pipeline.AnalysisPipeline pipeline, Formats.Readers.DocumentReaders readers, int maxChars, IReadOnlyList<ICollectionReader> collections, ConcurrentQueue<AnnalistException> failures, CancellationToken cancellationToken)
    {
        var keys = new ConcurrentDictionary<SourceDocument, (string Key, IReadOnlyList<Diagnostic> Notes)>(ReferenceEqualityComparer.Instance);
        IEnumerable<SourceDocument> Documents()
        {
            foreach (var input in inputs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = new List<(string Key, SourceDocument Document, IReadOnlyList<Diagnostic> Notes)>();
                try
                {
                    var collection = collections.FirstOrDefault(reader =>
                        reader.Extensions.Contains(Path.GetExtension(input.Path), StringComparer.OrdinalIgnoreCase));
                    if (collection is not null)
                        read.AddRange(collection.Read(input.Path).Select(item => ($"{input.Path}#{item.Id}", item.Document, (IReadOnlyList<Diagnostic>)[])));
                    else
                    {
                        var result = readers.Read(input.Path);
                        read.Add((input.Path, result.Document, result.Diagnostics));
                    }
                }
                catch (AnnalistException exception)
                {
                    failures.Enqueue(exception);
                    continue;
                }
                foreach (var (key, document, notes) in read)
                {
                    try
                    {
                        Annalist.Core.Pipeline.DocumentLengthLimit.Check(document, key, maxChars);
                    }
                    catch (AnnalistException exception)
                    {
                        failures.Enqueue(exception);
                        continue;
                    }
                    keys[document] = (key, notes);
                    yield return document;
                }
            }
        }

        foreach (var analyzed in pipeline.AnalyzeMany(Documents(), cancellationToken: cancellationToken))
        {
            keys.TryRemove(analyzed.Source, out var entry);
            var document = entry.Notes.Count == 0
                ? analyzed
                : new AnalyzedDocument(analyzed.Source, analyzed.Layers, [.. entry.Notes, .. analyzed.Diagnostics], analyzed.Timings, analyzed.PipelineVersion);
            yield return ExportDocument.FromAnalysis(document, entry.Key ?? analyzed.Source.Name);
        }
    }

    private static IEnumerable<ExportDocument> FromStore(ICorpusStore store, IReadOnlyList<string> keys, ConcurrentQueue<AnnalistException> failures, CancellationToken cancellationToken)
    {
        foreach (string key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stored = store.FindDocument(key);
            if (stored is null || stored.Key != key)
            {
                failures.Enqueue(new AnnalistException(ErrorCatalogue.DocumentNotInStore, key));
                continue;
            }
            yield return ExportDocument.FromStored(stored.Key, stored.Name, stored.Text, stored.Metadata, stored.Sha256, stored.PipelineVersion,
                store.GetLayers(stored.Id).Select(layer => new ExportSourceLayer(layer.Name, layer.Producer, layer.AlignedTo)),
                store.GetAnnotations(stored.Id).Select(annotation => new ExportSourceAnnotation(annotation.Layer, annotation.Span, annotation.Fields)),
                store.GetDiagnostics(stored.Id).Select(diagnostic => new Diagnostic(diagnostic.Code, diagnostic.Severity, diagnostic.Message, diagnostic.Span, diagnostic.Producer)));
        }
    }

    private void ReportFailures(ConcurrentQueue<AnnalistException> failures, out bool inputFailed, out bool otherFailed)
    {
        inputFailed = otherFailed = false;
        while (failures.TryDequeue(out var failure))
        {
            if (AnnalistApp.IsInputError(failure)) inputFailed = true;
            else otherFailed = true;
            Streams.WriteErrorLine(failure.ToOneLine());
        }
    }
}
