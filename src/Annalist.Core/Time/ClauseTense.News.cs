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

    /// <summary>
    /// A plural or named subject followed by a verb of scheduled events that the tagger read as a noun or an adverb
    /// (<c>Rovers host Albion on Saturday</c>, <c>Ministers from 12 countries gather in Lisbon on Thursday</c>, <c>Talks on
    /// quotas end Friday</c>): a present verb. Only words whose base form is also a noun, after a word tagged as a plural or
    /// proper noun that looks plural, and before no noun of its own compound.
    /// </summary>
    private static bool IsPresentVerbReadAsOther(string text, ReadOnlySpan<Syntax.PosTag> tags, int k)
    {
        // A singular name before the word makes a compound noun ("the Senate vote Tuesday"); a plural-looking one a subject.
        if (k == 0 || tags[k - 1].Language is not ("NNS" or "NNPS" or "NNP")) return false;
        if (tags[k - 1].Language == "NNP" && Word(text, tags[k - 1]) is var name && name[^1] is not ('s' or 'S')) return false;
        var word = Word(text, tags[k]);
        if (word.Length == 0 || !char.IsLower(word[0]) || !ScheduleVerbLookup.Contains(word)) return false;
        // "the Rovers host's contract": a noun after all.
        return !(k + 1 < tags.Length && tags[k + 1].Language is "POS" or "NN" or "NNS");
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ScheduleVerbLookup = new[]
    {
        "host", "open", "close", "end", "start", "begin", "resume", "meet", "gather", "convene", "face", "play", "vote",
        "visit", "return", "head", "travel", "fly", "arrive", "leave", "march", "rally", "strike", "race", "tour", "debut",
        "launch", "kick", "wrap", "finish", "sit", "testify", "rule", "decide", "report", "release", "hold",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
