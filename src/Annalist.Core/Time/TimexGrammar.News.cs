namespace Annalist.Core.Time;

/// <summary>Conventions of the TimeML guidelines that news text exercises most.</summary>
internal sealed partial class TimexGrammar
{
    /// <summary>
    /// Whether a trailing <c>before</c>/<c>after</c> closes an offset (<c>two days after,</c>) rather than opening
    /// what it is measured from. TimeML makes <c>before</c>/<c>after</c> with a complement a signal outside the
    /// expression, which stays a duration (<c>one year</c> after he was killed); TIMEX2 keeps the offset reading
    /// before a clause.
    /// </summary>
    private bool EndsOffset(int i)
    {
        if (_options.Guidelines == TimexGuidelines.Timex2) return IsClauseEnd(i);
        return i >= Count || T(i).Class == ScanTokenClass.Punctuation;
    }
}
