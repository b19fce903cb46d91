using Annalist.Core.Syntax;

namespace Annalist.Core.Time;

/// <summary>
/// The tense of the finite verb nearest an expression within its clause, read from Penn tags of the
/// <c>pos</c> layer: the fallback when the word lists of <see cref="TimexGrammar"/> decide nothing
/// (<c>The delegation arrived Tuesday</c>, <c>Talks may resume in March</c>).
/// </summary>
internal static partial class ClauseTense
{
    // How many tagged words either side of the expression the search looks at: past the word lists' reach
    // (eight words), as far as a clause runs ("the mission may then leave with its escort, its interpreters and its supplies for the border in May").
    private const int Window = 20;

    /// <summary>+1 for a modal (future or plan), -1 for a past or perfect verb, 0 for a present verb or none.</summary>
    public static int Around(string text, ReadOnlySpan<PosTag> tags, int start, int end) => Around(text, tags, start, end, presentAsFuture: false);

    /// <summary>
    /// As <see cref="Around(string, ReadOnlySpan{PosTag}, int, int)"/>, for a story told in the past: a present passive of
    /// planning (<c>the date is set by most historians at 26 January</c>) is the writer's present, not a step ahead of the
    /// story, so it counts as any present verb does.
    /// </summary>
    public static int AroundInStory(string text, ReadOnlySpan<PosTag> tags, int start, int end) => Around(text, tags, start, end, presentAsFuture: false, story: true);

    /// <summary>
    /// As <see cref="Around(string, ReadOnlySpan{PosTag}, int, int)"/>, but a present verb counts as what is to come:
    /// news writes what is scheduled in the present (<c>The trial opens Monday</c>).
    /// </summary>
    public static int AroundScheduled(string text, ReadOnlySpan<PosTag> tags, int start, int end) => Around(text, tags, start, end, presentAsFuture: true);

    private static int Around(string text, ReadOnlySpan<PosTag> tags, int start, int end, bool presentAsFuture, bool story = false)
    {
        // "Monday's ruling": the expression qualifies a noun, and the clause's verb says nothing of when it lies.
        if (IsPossessive(text.AsSpan(end))) return 0;
        int first = FirstAtOrAfter(tags, start);
        for (int k = first - 1; k >= 0 && k >= first - Window; k--)
        {
            if (IsClauseEnd(tags[k].Language)) break;
            int tense = TenseOf(text, tags, k, presentAsFuture, story, out bool decided);
            if (decided) return tense;
        }
        int after = FirstAtOrAfter(tags, end);
        for (int k = after; k < tags.Length && k < after + Window; k++)
        {
            if (IsClauseEnd(tags[k].Language)) break;
            if (presentAsFuture && PlansTo(text, tags, k)) return 1;
            int tense = TenseOf(text, tags, k, presentAsFuture, story, out bool decided);
            if (decided) return tense;
        }
        return 0;
    }

    private static int TenseOf(string text, ReadOnlySpan<PosTag> tags, int k, bool presentAsFuture, bool story, out bool decided)
    {
        decided = true;
        switch (tags[k].Language)
        {
            case "MD":
                // "could" is as often the past of "can" as a possibility to come.
                return Word(text, tags[k]).Equals("could", StringComparison.OrdinalIgnoreCase) ? CouldTense(text, tags, k) : 1;
            case "VBD":
                return -1;
            case "VBN":
                if (PresentPassiveOfWhatIsToCome(text, tags, k)) return story ? 0 : 1;
                // A participle after a modal ("will be held") belongs to what is to come; otherwise it is past
                // ("has met", "was signed", "the treaty signed Monday").
                for (int b = k - 1; b >= 0 && b >= k - 3; b--)
                {
                    if (tags[b].Language == "MD") return Word(text, tags[b]).Equals("could", StringComparison.OrdinalIgnoreCase) ? 0 : 1;
                    if (IsClauseEnd(tags[b].Language)) break;
                }
                return -1;
            case "VBZ" or "VBP":
                return presentAsFuture ? 1 : 0;
            case "NN" or "NNS" or "JJ" or "RBR" or "VB" when IsPresentVerbReadAsOther(text, tags, k):
                return presentAsFuture ? 1 : 0;
            default:
                decided = false;
                return 0;
        }
    }

    /// <summary>
    /// Whether the verb nearest before the expression in its clause glances forward from a story told in the past: what
    /// was then still to come (<c>docks that were to be completed by December</c>, <c>the army was to march in May</c>) or
    /// was planned (<c>a wall planned for the spring of 1689</c>, <c>the offensive was scheduled for May</c>).
    /// </summary>
    public static bool GlancesForwardInStory(string text, ReadOnlySpan<PosTag> tags, int start)
    {
        int first = FirstAtOrAfter(tags, start);
        for (int k = first - 1; k >= 0 && k >= first - Window; k--)
        {
            if (IsClauseEnd(tags[k].Language)) break;
            switch (tags[k].Language)
            {
                case "VBN":
                    return PlannedInThePast(text, tags, k) || k >= 3 && tags[k - 1].Language == "VB" && tags[k - 2].Language == "TO" && IsFutureInThePast(text, tags, k - 3);
                case "VB":
                    if (k >= 2 && tags[k - 1].Language == "TO" && IsFutureInThePast(text, tags, k - 2)) return true;
                    continue;
                case "TO":
                    continue;
                case "VBD" or "VBZ" or "VBP" or "MD" or "VBG":
                    return false;
            }
        }
        return false;
    }

    /// <summary>
    /// <c>was</c> or <c>were</c> before <c>to</c> (<c>the docks were to be completed by December</c>, <c>the army was to
    /// march in May</c>): in a story told in the past, what was then still to come.
    /// </summary>
    private static bool IsFutureInThePast(string text, ReadOnlySpan<PosTag> tags, int k) =>
        k + 1 < tags.Length && tags[k].Language == "VBD" && tags[k + 1].Language == "TO"
        && Word(text, tags[k]) is var verb && (verb.Equals("was", StringComparison.OrdinalIgnoreCase) || verb.Equals("were", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A participle of planning in a story, reduced or after <c>was</c>/<c>were</c> (<c>a wall planned for the spring of
    /// 1689</c>, <c>the offensive was scheduled for May</c>): a forward glance from the story's point, not a step of it.
    /// After <c>had</c> or <c>has</c> it is a perfect, which the clause's other words read.
    /// </summary>
    private static bool PlannedInThePast(string text, ReadOnlySpan<PosTag> tags, int k)
    {
        if (!PlanningParticipleLookup.Contains(Word(text, tags[k])) || Word(text, tags[k]).Equals("set", StringComparison.OrdinalIgnoreCase)) return false;
        int b = k - 1;
        if (b >= 0 && tags[b].Language == "RB") b--;
        return b < 0 || tags[b].Language is not ("VBZ" or "VBP" or "VBD" or "VB" or "MD") || Word(text, tags[b]) is var be
            && (be.Equals("was", StringComparison.OrdinalIgnoreCase) || be.Equals("were", StringComparison.OrdinalIgnoreCase));
    }

    // "On Tuesday, the league plans to hold …": a verb of intention before an infinitive, which taggers often read as a plural noun.
    private static bool PlansTo(string text, ReadOnlySpan<PosTag> tags, int k) =>
        k + 1 < tags.Length && tags[k + 1].Language == "TO" && tags[k].Language is "NNS" or "VBZ"
        && Word(text, tags[k]) is var word && (word.Equals("plans", StringComparison.OrdinalIgnoreCase) || word.Equals("intends", StringComparison.OrdinalIgnoreCase)
            || word.Equals("expects", StringComparison.OrdinalIgnoreCase) || word.Equals("hopes", StringComparison.OrdinalIgnoreCase));

    private static bool IsPossessive(ReadOnlySpan<char> after) =>
        after.Length >= 2 && after[0] is '\'' or '’' && after[1] is 's' or 'S' && (after.Length == 2 || !char.IsLetter(after[2]));

    private static bool IsClauseEnd(string tag) => tag is "." or ":" or "``" or "''" or "-LRB-" or "-RRB-";

    private static ReadOnlySpan<char> Word(string text, in PosTag tag) => text.AsSpan(tag.Span.Start, tag.Span.Length);

    private static int FirstAtOrAfter(ReadOnlySpan<PosTag> tags, int offset)
    {
        int low = 0, high = tags.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (tags[mid].Span.Start < offset) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
