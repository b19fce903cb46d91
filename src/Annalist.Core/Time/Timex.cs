using System.Globalization;
using Annalist.Core.Annotations;
using Annalist.Core.Text;
using NodaTime.Text;

namespace Annalist.Core.Time;

/// <summary>Where an anchored value took what it does not state from.</summary>
public enum TimexAnchorSource : byte
{
    /// <summary>Not anchored: complete as written, or not a point.</summary>
    None,
    /// <summary>An earlier expression in the text, at <see cref="Timex.Anchor"/>.</summary>
    Narrative,
    /// <summary>The document's own date from its metadata.</summary>
    Document,
    /// <summary>The reference date given in <see cref="TimexOptions"/>.</summary>
    Given,
}

/// <summary>
/// One temporal expression of the <c>timexes</c> layer: its extent (without a preposition such as
/// <c>on</c> or <c>since</c>, and without an editor's brackets), its normalized value, and how it was anchored.
/// </summary>
/// <param name="Span">The expression's characters.</param>
/// <param name="Value">The normalized value, on the proleptic Gregorian calendar.</param>
/// <param name="Anchor">Start offset of the expression the value was anchored to, or null.</param>
/// <param name="AnchorSource">What the value was anchored to.</param>
/// <param name="Editorial">True when the expression lies inside an editor's square brackets.</param>
public sealed record Timex(TextSpan Span, TimeValue Value, int? Anchor, TimexAnchorSource AnchorSource, bool Editorial) : IAnnotation
{
    private static readonly LocalDateTimePattern MinutePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    public void WriteFields(IFieldWriter writer)
    {
        writer.String("type", Value.Type switch
        {
            TimexType.Date => "DATE",
            TimexType.Time => "TIME",
            TimexType.Duration => "DURATION",
            _ => "SET",
        });
        writer.String("value", Value.ToTimex3());
        writer.String("edtf", Value.ToEdtf());
        if (Anchor is { } anchor) writer.Number("anchor", anchor);
        else writer.Null("anchor");
        writer.String("anchor_source", AnchorSource switch
        {
            TimexAnchorSource.Narrative => "narrative",
            TimexAnchorSource.Document => "document",
            TimexAnchorSource.Given => "given",
            _ => null,
        });
        writer.String("mod", Value.ModifierName);
        writer.Boolean("editorial", Editorial);
        writer.String("calendar", Value.Calendar switch
        {
            WrittenCalendar.Julian => "julian",
            WrittenCalendar.Dual => "dual",
            _ => "gregorian",
        });
        if (Value.TryGetInterval(out var earliest, out var latest))
        {
            writer.String("earliest", MinutePattern.Format(earliest));
            writer.String("latest", MinutePattern.Format(latest));
        }
        else
        {
            writer.Null("earliest");
            writer.Null("latest");
        }
        if (Value.Type == TimexType.Set)
        {
            writer.String("quant", Value.Quantifier);
            writer.String("freq", Value.Frequency);
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Span} {Value.ToTimex3()}");
}
