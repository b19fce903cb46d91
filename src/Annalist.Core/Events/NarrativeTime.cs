using Annalist.Core.Annotations;
using Annalist.Core.Discourse;
using Annalist.Core.Text;
using Annalist.Core.Time;
using NodaTime.Text;

namespace Annalist.Core.Events;

/// <summary>
/// When events happen: the calendar dates and times of their sentence, else the last one the narration
/// gave before it (dates inside speech do not move the narrative on: <c>since 1939</c> in a quotation is no
/// date of the conversation).
/// </summary>
internal sealed class NarrativeTime
{
    private static readonly LocalDateTimePattern MinutePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    private readonly Layer<Timex> _timexes;
    private readonly Layer<Turn>? _turns;
    private Timex? _last;

    public NarrativeTime(Layer<Timex> timexes, Layer<Turn>? turns)
    {
        _timexes = timexes;
        _turns = turns;
    }

    public void Assign(EventDraft draft, TextSpan sentence, Layer<Timex> timexes)
    {
        Timex? start = null;
        foreach (var timex in timexes.Within(sentence))
        {
            if (!IsCalendar(timex)) continue;
            if (start is null)
            {
                start = timex;
                draft.TimeStart = timex.Value.ToTimex3();
                draft.TimeAnchor = "sentence";
            }
            else if (draft.TimeEnd is null && draft.Type is "travel" or "meal" or "meeting") draft.TimeEnd = timex.Value.ToTimex3();
        }
        if (start is null && _last is not null)
        {
            start = _last;
            draft.TimeStart = _last.Value.ToTimex3();
            draft.TimeAnchor = "narrative";
        }
        if (start is not null && start.Value.TryGetInterval(out var earliest, out var latest))
        {
            draft.Earliest = MinutePattern.Format(earliest);
            draft.Latest = MinutePattern.Format(latest);
        }
    }

    /// <summary>Moves the narrative on to the last calendar date of <paramref name="sentence"/> that lies outside speech.</summary>
    public void Advance(TextSpan sentence)
    {
        foreach (var timex in _timexes.Within(sentence))
        {
            if (IsCalendar(timex) && !InSpeech(timex.Span)) _last = timex;
        }
    }

    private bool InSpeech(TextSpan span)
    {
        if (_turns is null) return false;
        foreach (var _ in _turns.Overlapping(span)) return true;
        return false;
    }

    private static bool IsCalendar(Timex timex) => timex.Value.Type is TimexType.Date or TimexType.Time && timex.Value.Year is not null;
}
