using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Text;
using Annalist.Evaluation.SystemOutput;

namespace Annalist.Evaluation.Gold;

/// <summary>
/// Renders a resolved gold file as system output, with the fields of <c>json-layers.md</c>, so the
/// scorers can be checked against themselves: gold scored as system must give exactly 1.0.
/// </summary>
public static class GoldAsSystem
{
    public static SystemLayers Build(ResolvedGold gold)
    {
        string text = gold.Text;
        SystemItem Item(TextSpan span, params (string, object?)[] fields) => new(span, text.Substring(span.Start, span.Length), FieldBag.Of(fields));
        var layers = SystemLayers.Empty(text);
        var file = gold.File;

        if (file.Entities is { } entities)
        {
            layers = layers.With(LayerNames.Entities, entities.Select(e => Item(
                default,
                ("id", e.Id), ("type", e.Type), ("name", e.Name),
                ("aliases", e.Mentions.SelectMany(m => m).Distinct().ToImmutableArray()))));
            layers = layers.With(LayerNames.Mentions, gold.Mentions.SelectMany(m => m.Occurrences.Select(span =>
                Item(span, ("type", m.Entity.Type), ("entity", m.Entity.Id)))));
        }
        if (file.Timexes is not null)
            layers = layers.With(LayerNames.Timexes, gold.Timexes.Select(t => Item(t.Span, ("type", t.Gold.Type), ("value", t.Gold.Value))));
        if (file.Turns is not null)
        {
            layers = layers.With(LayerNames.Turns, gold.Turns.Select(t => Item(
                new TextSpan(t.Starts.Start, Math.Max(t.Starts.End, t.Ends?.End ?? 0)),
                ("speakers", t.Gold.Speakers), ("mode", t.Gold.Mode ?? file.TurnModes.FirstOrDefault() ?? "direct"))));
        }
        if (file.Events is not null)
        {
            layers = layers.With(LayerNames.Events, gold.Events.Select(e => Item(
                e.Evidence,
                ("type", e.Gold.Type),
                ("polarity", e.Gold.Polarity),
                ("roles", FieldBag.Of([.. e.Gold.Roles.Select(r => (r.Key, (object?)r.Value))])),
                ("items", e.Gold.Items.Select(i => FieldBag.Of(("item", i.Item), ("quantity", i.Quantity))).ToImmutableArray()),
                ("time", e.Gold.TimeStart is null ? null : FieldBag.Of(("start", e.Gold.TimeStart), ("end", e.Gold.TimeEnd))))));
        }
        if (file.Quantities is not null)
        {
            layers = layers.With(LayerNames.Quantities, gold.Quantities.Select(q => Item(
                q.Span, ("value", q.Gold.Value), ("min", q.Gold.Min), ("max", q.Gold.Max), ("unit", q.Gold.Unit), ("qualifier", q.Gold.Qualifier))));
        }
        if (file.Editorial is not null)
            layers = layers.With(LayerNames.Editorial, gold.Editorial.Select(e => Item(e.Span, ("kind", e.Gold.Kind))));
        if (file.Attributions is not null)
            layers = layers.With(LayerNames.Attributions, gold.Attributions.Select(a => Item(a.Span, ("evidentiality", a.Gold.Evidentiality), ("source_holder", a.Gold.SourceHolder))));
        return layers;
    }
}
