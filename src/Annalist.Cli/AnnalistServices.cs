using Annalist.Core.Pipeline;
using Annalist.Formats.Readers;

namespace Annalist.Cli;

/// <summary>What commands use from outside themselves; tests substitute streams, readers or the pipeline.</summary>
public sealed class AnnalistServices
{
    private readonly Lazy<AnalysisPipeline> _pipeline;

    public AnnalistServices(CommandStreams streams, Func<AnalysisPipeline>? pipeline = null, DocumentReaders? readers = null)
    {
        ArgumentNullException.ThrowIfNull(streams);
        Streams = streams;
        _pipeline = new Lazy<AnalysisPipeline>(pipeline ?? DefaultPipeline.Create);
        Readers = readers ?? DocumentReaders.Default;
    }

    public CommandStreams Streams { get; }

    /// <summary>The pipeline, built on first use so that commands not analyzing anything never load models.</summary>
    public AnalysisPipeline Pipeline => _pipeline.Value;

    public DocumentReaders Readers { get; }

    /// <summary>Readers of files holding many documents (TEI volumes) that <c>annalist ingest</c> splits into documents.</summary>
    public IReadOnlyList<Annalist.Store.Ingest.ICollectionReader> CollectionReaders { get; init; } = [new Annalist.Store.Ingest.TeiVolumeCollectionReader()];
}
