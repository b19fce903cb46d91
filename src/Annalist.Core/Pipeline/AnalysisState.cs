using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Pipeline;

/// <summary>What a component sees: the document and the layers made before it. Read-only.</summary>
public sealed class AnalysisState
{
    internal AnalysisState(SourceDocument document, ImmutableDictionary<string, Layer> layers)
    {
        Document = document;
        Layers = layers;
    }

    public SourceDocument Document { get; }

    public string Text => Document.Text;

    public ImmutableDictionary<string, Layer> Layers { get; }

    /// <summary>A required layer. Throws when absent, which the pipeline's checks make a programming error.</summary>
    public Layer<T> Get<T>(string name) where T : IAnnotation =>
        Layers.TryGetValue(name, out var layer) && layer is Layer<T> typed
            ? typed
            : throw new InvalidOperationException($"Layer '{name}' of {typeof(T).Name} is not available; declare it in Requires.");

    public bool TryGet<T>(string name, out Layer<T> layer) where T : IAnnotation
    {
        if (Layers.TryGetValue(name, out var found) && found is Layer<T> typed)
        {
            layer = typed;
            return true;
        }
        layer = null!;
        return false;
    }

    internal AnalysisState With(IEnumerable<Layer> added) => new(Document, Layers.SetItems(added.Select(l => KeyValuePair.Create(l.Name, l))));
}
