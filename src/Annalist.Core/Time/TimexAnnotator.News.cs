namespace Annalist.Core.Time;

public sealed partial class TimexAnnotator
{
    /// <summary>
    /// TimeML types a part of a named day as a time of day (<c>Friday morning</c>, <c>last night</c>,
    /// <c>this evening</c>: <c>TIME</c>, value <c>…TMO</c>), however vague; TIMEX2 has no types to decide.
    /// </summary>
    private static Timex WithTimeMlType(Timex timex) =>
        timex.Value is { Type: TimexType.Date, PartOfDay: not null and not "WE", Day: not null, Hour: null }
            ? timex with { Value = timex.Value with { Type = TimexType.Time } }
            : timex;

    /// <summary>
    /// A weekday (or a clock time with no day) in a present-tense clause is one to come (<c>The trial opens Monday</c>): news reports what
    /// happened in the past tense and what is scheduled in the present.
    /// </summary>
    private bool ReadsSchedule(TimexCandidate candidate) =>
        Options.Guidelines == TimexGuidelines.TimeMl && (candidate.Need == AnchorNeed.Weekday || ClockTimeWithoutDay(candidate));

    // "Polls open at 7 a.m.": a clock time whose day the text gives elsewhere, in a clause in the present.
    private static bool ClockTimeWithoutDay(TimexCandidate candidate) =>
        candidate.Need == AnchorNeed.Fill && candidate.Value is { Hour: not null, Day: null, Month: null, Year: null };
}
