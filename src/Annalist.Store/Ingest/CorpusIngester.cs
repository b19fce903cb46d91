using System.Diagnostics;
using Annalist.Core.Annotations;
using Annalist.Core.Entities.Authorities;
using Annalist.Core.Errors;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Formats.Readers;

namespace Annalist.Store.Ingest;

/// <summary>
/// Reads files, analyzes on all cores the documents that are new, changed, or were analyzed by another
/// pipeline version, and stores each in its own transaction, so that an ingest stopped at any point can
/// simply be run again: what was stored is skipped as unchanged, nothing is stored twice. A file that
/// cannot be read, or a document that cannot be stored, is reported with its code and the ingest goes on.
/// </summary>
public sealed class CorpusIngester
{
    private readonly ICorpusStore _store;
    private readonly AnalysisPipeline _pipeline;
    private readonly DocumentReaders _readers;
    private readonly Dictionary<string, ICollectionReader> _collections = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="collections">Readers for files of many documents (TEI volumes), chosen by extension before <paramref name="readers"/>.</param>
    public CorpusIngester(ICorpusStore store, AnalysisPipeline pipeline, DocumentReaders? readers = null, IEnumerable<ICollectionReader>? collections = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(pipeline);
        _store = store;
        _pipeline = pipeline;
        _readers = readers ?? DocumentReaders.Default;
        foreach (var collection in collections ?? [])
        {
            foreach (string extension in collection.Extensions) _collections[extension] = collection;
        }
    }

    /// <summary>Cores to analyze on; 0 means all of them.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    /// <summary>Documents longer than this many characters are skipped with ANL1013 (0: no limit); see <see cref="DocumentLengthLimit"/>.</summary>
    public int MaxDocumentLength { get; init; } = DocumentLengthLimit.DefaultMaxCharacters;

    /// <summary>The files an ingest would go through for <paramref name="paths"/>.</summary>
    public IReadOnlyList<IngestInput> Expand(IEnumerable<string> paths) =>
        IngestInputs.Expand(paths, _readers.KnownExtensions.Concat(_collections.Keys).Distinct(StringComparer.OrdinalIgnoreCase).ToList());

    /// <summary>Ingests the files and folders in <paramref name="paths"/>.</summary>
    /// <param name="afterEach">Called on the calling thread after each file; may cancel the ingest through the token's source.</param>
    /// <remarks>Cancellation stops the ingest between documents and is reported in the summary, not thrown.</remarks>
    public IngestSummary Ingest(IEnumerable<string> paths, Action<IngestProgress>? afterEach = null, CancellationToken cancellationToken = default) =>
        Ingest(Expand(paths), afterEach, cancellationToken);

    public IngestSummary Ingest(IReadOnlyList<IngestInput> inputs, Action<IngestProgress>? afterEach = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var clock = Stopwatch.StartNew();
        var fingerprints = _store.GetFingerprints();
        var skipped = new List<SkippedInput>();
        int stored = 0, unchanged = 0;
        // Grows as collections turn out to hold several documents; read by this thread, written by the reading one.
        int total = inputs.Count;
        // Reading runs inside the parallel query's source, one file at a time; its results reach this thread through the queue.
        var finishedWhileReading = new System.Collections.Concurrent.ConcurrentQueue<(string Path, SkippedInput? Skip, string? MovedFrom)>();
        var moves = new MovedDocuments(fingerprints);
        int moved = 0;

        void Report(string current)
        {
            afterEach?.Invoke(new IngestProgress(Volatile.Read(ref total), stored + unchanged + skipped.Count, stored, unchanged, skipped.Count, current, clock.Elapsed));
        }

        void DrainReading()
        {
            while (finishedWhileReading.TryDequeue(out var finished))
            {
                if (finished.Skip is { } skip) skipped.Add(skip);
                else if (finished.MovedFrom is { } from && !TryMove(from, finished.Path, out var failure)) skipped.Add(failure!);
                else
                {
                    unchanged++;
                    if (finished.MovedFrom is not null) moved++;
                }
                Report(finished.Path);
            }
        }

        IEnumerable<SourceDocument> ToAnalyze()
        {
            foreach (var input in inputs)
            {
                if (cancellationToken.IsCancellationRequested) yield break;
                if (input.Error is { } error)
                {
                    finishedWhileReading.Enqueue((input.Path, new SkippedInput(input.Path, error.Code, error.Message), null));
                    continue;
                }
                List<(string Key, SourceDocument Document)> documents;
                try
                {
                    documents = ReadAll(input.Path);
                }
                catch (AnnalistException exception)
                {
                    finishedWhileReading.Enqueue((input.Path, new SkippedInput(input.Path, exception.Code, exception.Message), null));
                    continue;
                }
                catch (Exception exception) when (exception is not (OperationCanceledException or OutOfMemoryException))
                {
                    // A reader's bug on one file must not end the ingest of the others.
                    var coded = new AnnalistException(ErrorCatalogue.UnreadableFile, exception, input.Path, exception.Message);
                    finishedWhileReading.Enqueue((input.Path, new SkippedInput(input.Path, coded.Code, coded.Message), null));
                    continue;
                }
                Interlocked.Add(ref total, documents.Count - 1);
                foreach (var (key, read) in documents)
                {
                    // The document carries its key so that it survives the parallel query.
                    if (MaxDocumentLength > 0 && read.Length > MaxDocumentLength)
                    {
                        var tooLong = new AnnalistException(ErrorCatalogue.DocumentTooLong, key, read.Length, MaxDocumentLength, DocumentLengthLimit.BytesPerCharacter);
                        finishedWhileReading.Enqueue((key, new SkippedInput(key, tooLong.Code, tooLong.Message), null));
                        continue;
                    }
                    var document = read.WithMetadata(read.Metadata with { Source = key });
                    // The version holds the authority list's fingerprint too, so a new or changed list re-links.
                    string version = AuthorityVersion.Of(_pipeline, document);
                    if (fingerprints.TryGetValue(key, out var known) && known.Sha256 == document.Sha256 && known.PipelineVersion == version)
                    {
                        finishedWhileReading.Enqueue((key, null, null));
                        continue;
                    }
                    // A new key whose text is stored, by this pipeline, under a key whose file is gone: the file moved.
                    if (!fingerprints.ContainsKey(key) && moves.TryClaim(document.Sha256, version, out string? from))
                    {
                        finishedWhileReading.Enqueue((key, null, from));
                        continue;
                    }
                    yield return document;
                }
            }
        }

        bool cancelled = false;
        try
        {
            foreach (var analyzed in _pipeline.AnalyzeMany(ToAnalyze(), MaxDegreeOfParallelism, cancellationToken))
            {
                DrainReading();
                string key = analyzed.Source.Metadata.Source ?? analyzed.Source.Name;
                if (TrySave(analyzed, key, out var failure)) stored++;
                else skipped.Add(failure!);
                Report(key);
                if (cancellationToken.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }
        DrainReading();
        cancelled |= cancellationToken.IsCancellationRequested && stored + unchanged + skipped.Count < total;
        return new IngestSummary(stored, unchanged, skipped, cancelled, clock.Elapsed) { Moved = moved };
    }

    /// <summary>The documents of the file at <paramref name="path"/> with their keys: the path itself, or <c>PATH#ID</c> in a collection.</summary>
    private List<(string Key, SourceDocument Document)> ReadAll(string path)
    {
        if (!_collections.TryGetValue(Path.GetExtension(path), out var collection)) return [(path, _readers.Read(path).Document)];
        var documents = new List<(string, SourceDocument)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in collection.Read(path))
        {
            string id = item.Id;
            for (int n = 2; !ids.Add(id); n++) id = $"{item.Id}-{n}";
            documents.Add(($"{path}#{id}", item.Document));
        }
        return documents;
    }

    private bool TryMove(string from, string to, out SkippedInput? failure)
    {
        failure = null;
        try
        {
            _store.RenameDocument(from, to);
            return true;
        }
        catch (AnnalistException exception)
        {
            failure = new SkippedInput(to, exception.Code, exception.Message);
            return false;
        }
    }

    /// <summary>
    /// Stored documents whose key's file no longer exists, by content hash and pipeline version: what a new
    /// key with the same text may take over. Each is claimed once; used on the reading thread only.
    /// </summary>
    private sealed class MovedDocuments(IReadOnlyDictionary<string, DocumentFingerprint> fingerprints)
    {
        private Dictionary<DocumentFingerprint, Queue<string>>? _orphans;

        public bool TryClaim(string sha256, string pipelineVersion, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? key)
        {
            _orphans ??= fingerprints
                .Where(pair => !File.Exists(FileOf(pair.Key)))
                .GroupBy(pair => pair.Value)
                .ToDictionary(g => g.Key, g => new Queue<string>(g.Select(pair => pair.Key).Order(StringComparer.Ordinal)));
            key = null;
            return _orphans.TryGetValue(new DocumentFingerprint(sha256, pipelineVersion), out var keys) && keys.TryDequeue(out key);
        }

        private static string FileOf(string key)
        {
            int hash = key.LastIndexOf('#');
            return hash > 0 && !File.Exists(key) ? key[..hash] : key;
        }
    }

    private bool TrySave(AnalyzedDocument analyzed, string key, out SkippedInput? failure)
    {
        failure = null;
        try
        {
            string version = AuthorityVersion.Of(_pipeline, analyzed.Source);
            _store.Save(version == analyzed.PipelineVersion ? analyzed
                : new AnalyzedDocument(analyzed.Source, analyzed.Layers, analyzed.Diagnostics, analyzed.Timings, version), key);
            return true;
        }
        catch (AnnalistException exception)
        {
            failure = new SkippedInput(key, exception.Code, exception.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // An annotation that cannot render its fields is a component's bug; that document is left out, the rest go on.
            var coded = new AnnalistException(ErrorCatalogue.DocumentNotSaved, exception, key, exception.Message);
            failure = new SkippedInput(key, coded.Code, coded.Message);
        }
        return false;
    }
}
