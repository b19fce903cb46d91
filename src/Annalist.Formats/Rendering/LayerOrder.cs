using System.Collections.Immutable;
using Annalist.Core.Annotations;

namespace Annalist.Formats.Rendering;

/// <summary>A layer as writers show it: its own items, each with the fields of the layers aligned to it.</summary>
public sealed record RenderedLayer(Layer Layer, ImmutableArray<Layer> Aligned)
{
    public string Name => Layer.Name;

    /// <summary>Writes the fields of item <paramref name="index"/>: its own, then those of each aligned layer.</summary>
    public void WriteFields(int index, IFieldWriter writer)
    {
        Layer.WriteFields(index, writer);
        foreach (var aligned in Aligned) aligned.WriteFields(index, writer);
    }
}

/// <summary>The stable order in which writers show a document's layers.</summary>
public static class LayerOrder
{
    /// <summary>
    /// The document's layers in pipeline order (by the position of their producer among
    /// <see cref="AnalyzedDocument.Timings"/>, then by name), with every layer whose
    /// <see cref="Layer.AlignedTo"/> names a present layer of the same length folded into that layer.
    /// </summary>
    public static ImmutableArray<RenderedLayer> For(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < document.Timings.Length; i++) position.TryAdd(document.Timings[i].Component.ToString(), i);
        int PositionOf(Layer layer) => position.TryGetValue(layer.Producer.ToString(), out int p) ? p : int.MaxValue;

        var ordered = document.Layers.Values
            .OrderBy(PositionOf)
            .ThenBy(layer => layer.Name, StringComparer.Ordinal)
            .ToList();
        bool IsFolded(Layer layer) =>
            layer.AlignedTo is { } target
            && target != layer.Name
            && document.Layers.TryGetValue(target, out var host)
            && host.AlignedTo is null
            && host.Count == layer.Count;

        var result = ImmutableArray.CreateBuilder<RenderedLayer>();
        foreach (var layer in ordered)
        {
            if (IsFolded(layer)) continue;
            var aligned = ordered.Where(other => IsFolded(other) && other.AlignedTo == layer.Name).ToImmutableArray();
            result.Add(new RenderedLayer(layer, aligned));
        }
        return result.ToImmutable();
    }
}
