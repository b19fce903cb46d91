using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Evaluation.SystemOutput;

/// <summary>One system annotation in neutral form: its span, the text it covers and its fields.</summary>
public sealed record SystemItem(TextSpan Span, string Text, FieldBag Fields);

/// <summary>
/// What the system produced for one document, layer by layer, in neutral form. Made from an
/// <see cref="AnalyzedDocument"/> or by hand (gold-as-system in tests). A layer absent here was not
/// produced, which the report says.
/// </summary>
public sealed class SystemLayers
{
    private readonly ImmutableDictionary<string, ImmutableArray<SystemItem>> _layers;

    public SystemLayers(string text, ImmutableDictionary<string, ImmutableArray<SystemItem>> layers)
    {
        Text = text;
        _layers = layers;
    }

    public string Text { get; }

    public bool Has(string layer) => _layers.ContainsKey(layer);

    public IEnumerable<string> Names => _layers.Keys;

    /// <summary>The items of <paramref name="layer"/> in span order; empty when it was not produced.</summary>
    public ImmutableArray<SystemItem> Get(string layer) => _layers.TryGetValue(layer, out var items) ? items : [];

    public SystemLayers With(string layer, IEnumerable<SystemItem> items) =>
        new(Text, _layers.SetItem(layer, [.. items.OrderBy(i => i.Span)]));

    public static SystemLayers Empty(string text) => new(text, ImmutableDictionary<string, ImmutableArray<SystemItem>>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>Reads every layer of <paramref name="document"/> through <see cref="IAnnotation.WriteFields"/>.</summary>
    public static SystemLayers From(AnalyzedDocument document)
    {
        string text = document.Source.Text;
        var builder = ImmutableDictionary.CreateBuilder<string, ImmutableArray<SystemItem>>(StringComparer.Ordinal);
        foreach (var (name, layer) in document.Layers)
        {
            var items = ImmutableArray.CreateBuilder<SystemItem>(layer.Count);
            foreach (var annotation in layer.Annotations)
            {
                var span = annotation.Span;
                string covered = span.End <= text.Length ? text.Substring(span.Start, span.Length) : "";
                items.Add(new SystemItem(span, covered, FieldBag.From(annotation, text)));
            }
            builder[name] = items.MoveToImmutable();
        }
        return new SystemLayers(text, builder.ToImmutable());
    }
}
