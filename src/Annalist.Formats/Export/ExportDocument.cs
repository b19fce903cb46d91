using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Text;
using Annalist.Formats.Json;
using Annalist.Formats.Rendering;

namespace Annalist.Formats.Export;

/// <summary>
/// What every exporter reads: one document's text, metadata and layers, each annotation a span with its
/// fields as the JSON writer renders them. Built from a fresh analysis (<see cref="FromAnalysis"/>) or from
/// a corpus store's rows (<see cref="FromStored"/>), so both exports run the same code. Immutable.
/// </summary>
public sealed class ExportDocument
{
    private readonly Dictionary<string, ExportLayer> _byName;

    private ExportDocument(string key, string name, string text, DocumentMetadata metadata, string sha256, string pipelineVersion,
        ImmutableArray<ExportLayer> layers, ImmutableArray<Diagnostic> diagnostics)
    {
        Key = key;
        Name = name;
        Text = text;
        Metadata = metadata;
        Sha256 = sha256;
        PipelineVersion = pipelineVersion;
        Layers = layers;
        Diagnostics = diagnostics;
        _byName = new Dictionary<string, ExportLayer>(StringComparer.Ordinal);
        foreach (var layer in layers) _byName.TryAdd(layer.Name, layer);
    }

    /// <summary>The document's identity: its store key, or the path it was read from.</summary>
    public string Key { get; }

    public string Name { get; }

    public string Text { get; }

    public DocumentMetadata Metadata { get; }

    public string Sha256 { get; }

    public string PipelineVersion { get; }

    /// <summary>
    /// The layers in the order writers show them; aligned layers are folded into their host's fields. Items are
    /// sorted by start, longest first, then (for equal spans) by their fields' JSON.
    /// </summary>
    public ImmutableArray<ExportLayer> Layers { get; }

    /// <summary>What analysis noticed, followed by what building this model noticed (ANL5104, ANL5105).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The items of layer <paramref name="name"/>, empty when the document lacks it.</summary>
    public ImmutableArray<ExportAnnotation> Items(string name) =>
        _byName.TryGetValue(name, out var layer) ? layer.Items : [];

    public ExportLayer? GetLayer(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The document as analyzed; <paramref name="key"/> defaults to its source path, else its name.</summary>
    public static ExportDocument FromAnalysis(AnalyzedDocument document, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var source = document.Source;
        var fields = new FieldsJsonWriter();
        var layers = ImmutableArray.CreateBuilder<ExportLayer>();
        foreach (var rendered in LayerOrder.For(document))
        {
            // One JSON array per layer, parsed once: a document per annotation costs ten times as much.
            var array = new StringBuilder(rendered.Layer.Count * 64).Append('[');
            for (int i = 0; i < rendered.Layer.Count; i++)
            {
                if (i > 0) array.Append(',');
                array.Append(fields.Render(rendered, i, source.Text));
            }
            array.Append(']');
            var items = ImmutableArray.CreateBuilder<ExportAnnotation>(rendered.Layer.Count);
            using (var json = JsonDocument.Parse(array.ToString()))
            {
                var parsed = json.RootElement.Clone();
                int i = 0;
                foreach (var element in parsed.EnumerateArray()) items.Add(new ExportAnnotation(rendered.Layer.GetSpan(i++), element));
            }
            var aligned = rendered.Aligned.Select(layer => new AlignedLayer(layer.Name, layer.Producer.ToString())).ToImmutableArray();
            layers.Add(new ExportLayer(rendered.Name, rendered.Layer.Producer.ToString(), aligned, Sorted(items)));
        }
        return new ExportDocument(key ?? source.Metadata.Source ?? source.Name, source.Name, source.Text, source.Metadata,
            source.Sha256, document.PipelineVersion, layers.ToImmutable(), document.Diagnostics);
    }

    /// <summary>
    /// A stored document: <paramref name="layers"/> as the store lists them (aligned layers name their host),
    /// <paramref name="annotations"/> with their fields as stored JSON. An annotation whose fields are not a
    /// JSON object (ANL5104) or whose span lies outside the text (ANL5105) is left out with a diagnostic.
    /// </summary>
    public static ExportDocument FromStored(string key, string name, string text, DocumentMetadata metadata, string sha256, string pipelineVersion,
        IEnumerable<ExportSourceLayer> layers, IEnumerable<ExportSourceAnnotation> annotations, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(annotations);
        var notes = ImmutableArray.CreateBuilder<Diagnostic>();
        notes.AddRange(diagnostics ?? []);
        var layerList = layers.ToList();
        var byLayer = new Dictionary<string, ImmutableArray<ExportAnnotation>.Builder>(StringComparer.Ordinal);
        foreach (var annotation in annotations)
        {
            if (annotation.Span.Start < 0 || annotation.Span.End > text.Length)
            {
                notes.Add(Diagnostic.From(ErrorCatalogue.AnnotationOutsideText, null, null, annotation.Layer, annotation.Span.Start, annotation.Span.End, text.Length));
                continue;
            }
            if (!TryParseObject(annotation.Fields, out var fields))
            {
                notes.Add(Diagnostic.From(ErrorCatalogue.StoredFieldsUnreadable, annotation.Span, null, annotation.Layer, annotation.Span.Start, annotation.Span.End));
                continue;
            }
            if (!byLayer.TryGetValue(annotation.Layer, out var items)) byLayer[annotation.Layer] = items = ImmutableArray.CreateBuilder<ExportAnnotation>();
            items.Add(new ExportAnnotation(annotation.Span, fields));
        }

        var result = ImmutableArray.CreateBuilder<ExportLayer>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var listed = layerList.Select(layer => layer.Name).ToHashSet(StringComparer.Ordinal);
        // A layer without rows of its own whose host is listed was folded into the host's rows; any other is a layer, maybe empty.
        bool IsFolded(ExportSourceLayer layer) =>
            layer.AlignedTo is { } host && host != layer.Name && listed.Contains(host) && !byLayer.ContainsKey(layer.Name);
        foreach (var layer in layerList)
        {
            if (IsFolded(layer) || !seen.Add(layer.Name)) continue;
            var items = byLayer.GetValueOrDefault(layer.Name) ?? ImmutableArray.CreateBuilder<ExportAnnotation>();
            var aligned = layerList.Where(other => other.AlignedTo == layer.Name && IsFolded(other))
                .Select(other => new AlignedLayer(other.Name, other.Producer)).ToImmutableArray();
            result.Add(new ExportLayer(layer.Name, layer.Producer, aligned, Sorted(items)));
        }
        foreach (var (layerName, items) in byLayer.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (seen.Add(layerName)) result.Add(new ExportLayer(layerName, "", [], Sorted(items)));
        }
        return new ExportDocument(key, name, text, metadata ?? DocumentMetadata.Empty, sha256, pipelineVersion, result.ToImmutable(), notes.ToImmutable());
    }

    private static ImmutableArray<ExportAnnotation> Sorted(ImmutableArray<ExportAnnotation>.Builder items)
    {
        // Items with the same span are ordered by their fields (keys sorted, as PostgreSQL's jsonb reorders them),
        // so the order never depends on what a database returns for ties and a stored document exports as its analysis does.
        var ordered = items.OrderBy(item => item.Span.Start).ThenByDescending(item => item.Span.End).ToArray();
        for (int from = 0; from < ordered.Length;)
        {
            int to = from + 1;
            while (to < ordered.Length && ordered[to].Span == ordered[from].Span) to++;
            if (to - from > 1)
            {
                var tied = ordered[from..to].Select(item => (item, key: Canonical(item.Fields))).OrderBy(pair => pair.key, StringComparer.Ordinal).ToArray();
                for (int i = 0; i < tied.Length; i++) ordered[from + i] = tied[i].item;
            }
            from = to;
        }
        return [.. ordered];
    }

    /// <summary>A JSON value as text with object keys in ordinal order, at every depth.</summary>
    private static string Canonical(JsonElement value)
    {
        var builder = new StringBuilder();
        void Append(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    builder.Append('{');
                    bool first = true;
                    foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                    {
                        if (!first) builder.Append(',');
                        first = false;
                        builder.Append(JsonSerializer.Serialize(property.Name)).Append(':');
                        Append(property.Value);
                    }
                    builder.Append('}');
                    break;
                case JsonValueKind.Array:
                    builder.Append('[');
                    int index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (index++ > 0) builder.Append(',');
                        Append(item);
                    }
                    builder.Append(']');
                    break;
                default:
                    builder.Append(element.GetRawText());
                    break;
            }
        }
        Append(value);
        return builder.ToString();
    }

    private static bool TryParseObject(string json, out JsonElement fields)
    {
        fields = default;
        if (string.IsNullOrWhiteSpace(json)) return false;
        try
        {
            using var parsed = JsonDocument.Parse(json);
            if (parsed.RootElement.ValueKind != JsonValueKind.Object) return false;
            fields = parsed.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

/// <summary>
/// A layer of an <see cref="ExportDocument"/>: its name, producer, the layers whose fields are folded into its
/// items (such as <c>pos</c> on <c>tokens</c>) and its items, sorted by start then longest first.
/// </summary>
public sealed record ExportLayer(string Name, string Producer, ImmutableArray<AlignedLayer> Aligned, ImmutableArray<ExportAnnotation> Items);

/// <summary>A layer folded into another, named with its producer.</summary>
public sealed record AlignedLayer(string Name, string Producer);

/// <summary>A stored layer as <see cref="ExportDocument.FromStored"/> takes it, with the layer it is folded into (<c>AlignedTo</c>) or null.</summary>
public sealed record ExportSourceLayer(string Name, string Producer, string? AlignedTo);

/// <summary>A stored annotation as <see cref="ExportDocument.FromStored"/> takes it: its fields as a JSON object.</summary>
public sealed record ExportSourceAnnotation(string Layer, TextSpan Span, string Fields);
