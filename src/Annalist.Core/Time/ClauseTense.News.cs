using System.Collections.Frozen;

namespace Annalist.Core.Time;

internal static partial class ClauseTense
{
    /// <summary>
    /// <c>could</c> before a bare verb other than <c>have</c> is a possibility to come (<c>said the storm could reach the coast
    /// by Thursday evening</c>, <c>a vote could come Friday</c>): +1. <c>could have</c>, <c>could be</c>, <c>could not</c> and the rest stay
    /// undecided (0), as often the past of <c>can</c>.
    /// </summary>
    private static int CouldTense(string text, ReadOnlySpan<Syntax.PosTag> tags, int k) =>
        k + 1 < tags.Length && tags[k + 1].Language == "VB" && !Word(text, tags[k + 1]).Equals("have", StringComparison.OrdinalIgnoreCase)
        && !Word(text, tags[k + 1]).Equals("be", StringComparison.OrdinalIgnoreCase) ? 1 : 0;

    /// <summary>
    /// A present passive of planning or forecasting (<c>heavy rain is expected over the weekend</c>, <c>the vote is scheduled
    /// for Friday</c>, <c>talks are now set for Monday</c>) speaks of what is to come, though its participle is a past form.
    /// </summary>
    private static bool PresentPassiveOfWhatIsToCome(string text, ReadOnlySpan<Syntax.PosTag> tags, int k)
    {
        if (!PlanningParticipleLookup.Contains(Word(text, tags[k]))) return false;
        int b = k - 1;
        if (b >= 0 && tags[b].Language == "RB") b--;
        return b >= 0 && tags[b].Language is "VBZ" or "VBP";
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlanningParticipleLookup = new[]
    {
        "expected", "scheduled", "set", "due", "slated", "planned", "forecast", "predicted",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
