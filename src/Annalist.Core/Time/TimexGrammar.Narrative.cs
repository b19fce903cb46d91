namespace Annalist.Core.Time;

// What only narrative anchoring reads differently.
internal sealed partial class TimexGrammar
{
    /// <summary>
    /// Whether the words at <paramref name="i"/> name an event an offset counts from
    /// (<c>eight days after the siege began</c>, <c>a year after Marathon</c>): a word with no time meaning, or
    /// <c>the</c> before one. A history dates its events as it tells them, so such an offset is a date counted
    /// from the story's point, as <c>eight days later</c> is (<see cref="TimexCandidate.EventOffset"/>). An offset
    /// from a written date (<c>two days after June 5</c>) is left as it was.
    /// </summary>
    private bool StartsEventAnchor(int i)
    {
        if (_options.Anchoring != TimexAnchoring.Narrative) return false;
        if (IsKw(i, TimeKeyword.The)) i++;
        var token = T(i);
        if (!token.IsWord || token.Keyword != TimeKeyword.None) return false;
        var word = token.Word;
        return word.Month == 0 && word.Weekday == 0 && word.Unit == 0 && word.Number == 0 && word.Ordinal == 0 && !word.FunctionWord;
    }
}
