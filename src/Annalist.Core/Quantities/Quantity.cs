using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Quantities;

/// <summary>What a quantity counts or measures.</summary>
public enum QuantityKind : byte
{
    /// <summary>A bare number: nothing after it says what it counts.</summary>
    Number,
    /// <summary>A number of things (<c>400 rifles</c>, <c>fifty cars</c>); <see cref="Quantity.Item"/> is the counted noun phrase.</summary>
    Count,
    /// <summary>An amount in a unit of measure (<c>15-60 kilometers</c>, <c>3 tons</c>).</summary>
    Measure,
    /// <summary>An amount of money (<c>$5 million</c>, <c>5,000 rubles</c>).</summary>
    Money,
    /// <summary>A percentage (<c>40%</c>, <c>ten per cent</c>).</summary>
    Percent,
}

/// <summary>
/// One item of the <c>quantities</c> layer: a number in digits or words with its hedge, unit and counted
/// item. <see cref="Span"/> runs from the hedge (if any) to the end of the unit or counted noun phrase.
/// Either <see cref="Value"/> is set, or both <see cref="Min"/> and <see cref="Max"/> (a range).
/// </summary>
/// <param name="Span">The whole expression, hedge and unit included.</param>
/// <param name="Kind">What the number counts or measures.</param>
/// <param name="Value">The number, scale words applied (<c>2.5 million</c> is 2500000); null for a range.</param>
/// <param name="Min">The lower end of a range, else null.</param>
/// <param name="Max">The upper end of a range, else null.</param>
/// <param name="Unit">The unit of measure or currency (<c>kilometers</c>, <c>dollars</c>, <c>percent</c>), or for a count the counted noun phrase as written.</param>
/// <param name="Qualifier">The hedge, lower-cased as written (<c>about</c>, <c>more than</c>, <c>at least</c>), or null.</param>
/// <param name="Item">For a count, the counted noun phrase (<c>hand-held machine guns</c>); else null.</param>
public sealed record Quantity(TextSpan Span, QuantityKind Kind, double? Value, double? Min, double? Max, string? Unit, string? Qualifier, TextSpan? Item) : IAnnotation
{
    public void WriteFields(IFieldWriter writer)
    {
        writer.String("kind", Kind switch
        {
            QuantityKind.Count => "count",
            QuantityKind.Measure => "measure",
            QuantityKind.Money => "money",
            QuantityKind.Percent => "percent",
            _ => "number",
        });
        if (Value is { } value) writer.Number("value", value);
        else
        {
            writer.Number("min", Min ?? double.NaN);
            writer.Number("max", Max ?? double.NaN);
        }
        writer.String("unit", Unit);
        writer.String("qualifier", Qualifier);
        writer.Span("item", Item);
    }
}
