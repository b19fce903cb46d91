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

internal sealed partial class TimexGrammar
{
    /// <summary>
    /// Ancient dates whose era is written once, after the last number: a range (<c>499-493 BC</c>, <c>264 to 241
    /// BC</c>: both ends are BC, and a BC range runs down) and a decade of two or three digits (<c>the 470s BC</c>).
    /// Returns the token after what was matched, or -1.
    /// </summary>
    private int MatchEraRangeOrDecade(int i)
    {
        int value = Num(i);
        int digits = Digits(i);
        if (value == 0 || digits > 4) return -1;
        if (digits <= 3 && value % 10 == 0 && IsKw(i + 1, TimeKeyword.S) && Adjacent(i, i + 1) && TryEra(i + 2, out bool decadeBc, out int afterDecade))
        {
            Emit(new TimexCandidate
            {
                Start = StartOf(i),
                End = EndOf(afterDecade - 1),
                Value = new TimeValue { Type = TimexType.Date, Year = decadeBc ? -value : value, Granularity = TimeGranularity.Decade },
            });
            return afterDecade;
        }
        if (!(IsDash(i + 1) || IsKw(i + 1, TimeKeyword.To)) || !IsNumber(i + 2) || Digits(i + 2) > 4 || !TryEra(i + 3, out bool bc, out _)) return -1;
        int second = Num(i + 2);
        if (second == 0 || (bc ? second >= value : second <= value)) return -1;
        Emit(new TimexCandidate { Start = StartOf(i), End = EndOf(i), Value = TimeValue.FromDate(bc ? -value : value) });
        int end = MatchYear(i + 2);
        return end > i + 2 ? end : i + 1;
    }
}
