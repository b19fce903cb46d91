using Annalist.Core.Annotations;

namespace Annalist.Core.Pipeline;

/// <summary>The new layers and diagnostics one component made for one document.</summary>
public sealed class AnnotatorResult
{
    public AnnotatorResult(IReadOnlyList<Layer> layers, IReadOnlyList<Diagnostic>? diagnostics = null)
    {
        Layers = layers;
        Diagnostics = diagnostics ?? [];
    }

    public IReadOnlyList<Layer> Layers { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public static AnnotatorResult Of(Layer layer, IReadOnlyList<Diagnostic>? diagnostics = null) => new([layer], diagnostics);
}
