using System.Collections.Immutable;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Annotations;

/// <summary>A source document with the layers and diagnostics the pipeline made for it. Immutable.</summary>
public sealed class AnalyzedDocument
{
    public AnalyzedDocument(
        SourceDocument source,
        ImmutableDictionary<string, Layer> layers,
        ImmutableArray<Diagnostic> diagnostics,
        ImmutableArray<ComponentTiming> timings,
        string pipelineVersion)
    {
        Source = source;
        Layers = layers;
        Diagnostics = diagnostics;
        Timings = timings;
        PipelineVersion = pipelineVersion;
    }

    public SourceDocument Source { get; }

    public ImmutableDictionary<string, Layer> Layers { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>How long each component took on this document, in pipeline order.</summary>
    public ImmutableArray<ComponentTiming> Timings { get; }

    /// <summary>A fingerprint of the components and versions that made the layers.</summary>
    public string PipelineVersion { get; }

    public bool HasLayer(string name) => Layers.ContainsKey(name);

    /// <summary>The layer named <paramref name="name"/>, or an exception naming the missing layer.</summary>
    public Layer<T> GetLayer<T>(string name) where T : IAnnotation =>
        TryGetLayer<T>(name, out var layer) ? layer : throw new KeyNotFoundException($"The document has no layer '{name}' of {typeof(T).Name}.");

    public bool TryGetLayer<T>(string name, out Layer<T> layer) where T : IAnnotation
    {
        if (Layers.TryGetValue(name, out var found) && found is Layer<T> typed)
        {
            layer = typed;
            return true;
        }
        layer = null!;
        return false;
    }
}
