using Annalist.Core.Annotations;
using Annalist.Formats.Json;
using Annalist.Formats.Rendering;
using Annalist.Store.Search;

namespace Annalist.Store.Relational;

/// <summary>An analyzed document flattened into the rows the store writes: built before the transaction opens.</summary>
internal sealed class DocumentRows
{
    private DocumentRows(List<StoredLayer> layers, List<StoredAnnotation> annotations, List<Diagnostic> diagnostics, List<Passage> passages)
    {
        Layers = layers;
        Annotations = annotations;
        Diagnostics = diagnostics;
        Passages = passages;
    }

    public List<StoredLayer> Layers { get; }

    public List<StoredAnnotation> Annotations { get; }

    public List<Diagnostic> Diagnostics { get; }

    public List<Passage> Passages { get; }

    public static DocumentRows From(AnalyzedDocument document, FieldsJsonWriter fields)
    {
        var layers = new List<StoredLayer>();
        var annotations = new List<StoredAnnotation>();
        string text = document.Source.Text;
        foreach (var rendered in LayerOrder.For(document))
        {
            var layer = rendered.Layer;
            layers.Add(new StoredLayer(layer.Name, layer.Producer.ToString(), layer.AlignedTo, layer.Count));
            foreach (var aligned in rendered.Aligned)
                layers.Add(new StoredLayer(aligned.Name, aligned.Producer.ToString(), aligned.AlignedTo, aligned.Count));
            string producer = layer.Producer.ToString();
            for (int i = 0; i < layer.Count; i++)
            {
                var span = layer.GetAnnotation(i).Span;
                annotations.Add(new StoredAnnotation(layer.Name, producer, span, fields.Render(rendered, i, text)));
            }
        }
        return new DocumentRows(layers, annotations, [.. document.Diagnostics], Search.Passages.Of(document));
    }

    /// <summary>The layers table after corrections: counts recomputed, layers only corrections made added.</summary>
    public List<StoredLayer> LayersAfterCorrections()
    {
        var counts = Annotations.GroupBy(a => a.Layer, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<StoredLayer>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var layer in Layers)
        {
            seen.Add(layer.Name);
            bool folded = layer.AlignedTo is not null && !counts.ContainsKey(layer.Name);
            result.Add(folded ? layer : layer with { Count = counts.GetValueOrDefault(layer.Name) });
        }
        foreach (var (name, count) in counts)
        {
            if (seen.Add(name)) result.Add(new StoredLayer(name, Corrections.CorrectionApplier.Producer, null, count));
        }
        return result;
    }
}
