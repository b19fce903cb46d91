using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Events;

/// <summary>One counted thing an event moves, asks for or promises: the phrase as written and its number, if stated.</summary>
public readonly record struct EventItem(TextSpan Span, string Text, double? Quantity);

/// <summary>
/// One item of the <c>events</c> layer: a typed frame (<c>travel</c>, <c>meeting</c>, <c>transfer</c>,
/// <c>request</c> …) whose <see cref="Span"/> is its evidence, the clause around the trigger word.
/// Roles map a role name to entity ids; they stay empty until an entity layer feeds this component.
/// </summary>
/// <param name="Span">The evidence: from the trigger's clause start to its clause end, within one sentence.</param>
/// <param name="Trigger">The word or words that name the event.</param>
/// <param name="Type">The frame type, as in docs/layers/events.md.</param>
/// <param name="Negative">True when the text says it did not happen (<c>have not arrived</c>, <c>did not agree</c>).</param>
/// <param name="Modality">The modal before the trigger (<c>can</c>, <c>will</c>, <c>would</c>), or null when stated as fact.</param>
/// <param name="Items">Counted things from the <c>quantities</c> layer in the same clause, or a goods noun.</param>
/// <param name="TimeStart">TIMEX3 value of the first date or time in the sentence, or null.</param>
/// <param name="TimeEnd">TIMEX3 value of a second one, for events that run from one to the other, or null.</param>
public sealed record EventFrame(TextSpan Span, TextSpan Trigger, string Type, bool Negative, string? Modality,
    IReadOnlyList<EventItem> Items, string? TimeStart, string? TimeEnd) : IAnnotation
{
    public void WriteFields(IFieldWriter writer)
    {
        writer.String("type", Type);
        writer.Span("trigger", Trigger);
        writer.String("polarity", Negative ? "negative" : "positive");
        writer.String("modality", Modality);
        writer.Object("roles", _ => { });
        writer.ObjectList("items", Items, static (w, item) =>
        {
            w.String("item", item.Text);
            if (item.Quantity is { } quantity) w.Number("quantity", quantity);
            else w.Null("quantity");
        });
        if (TimeStart is null) writer.Null("time");
        else writer.Object("time", w =>
        {
            w.String("start", TimeStart);
            w.String("end", TimeEnd);
        });
    }
}
