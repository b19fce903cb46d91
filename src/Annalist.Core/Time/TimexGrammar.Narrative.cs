namespace Annalist.Core.Time;

// What only narrative anchoring reads differently.
internal sealed partial class TimexGrammar
{
    /// <summary>
    /// Whether the words at <paramref name="i"/> name an event an offset counts from
    /// (<c>eight days after the siege began</c>, <c>a year after Marathon</c>): a word with no time meaning, or
    /// <c>the</c> before one. A history dates its events as it tells them, so such an offset is a date counted
    /// from the story's point, as <c>eight days later</c> is (<see cref="TimexCandidate.EventOffset"/>). An offset
    /// from a written date or a holiday (<c>two days after June 5</c>, <c>three days before Christmas</c>) counts from that
    /// date (<see cref="TimexCandidate.Signal"/>).
    /// </summary>
    private bool StartsEventAnchor(int i)
    {
        if (_options.Anchoring != TimexAnchoring.Narrative) return false;
        if (IsKw(i, TimeKeyword.The)) i++;
        var token = T(i);
        if (!token.IsWord || token.Keyword != TimeKeyword.None) return false;
        var word = token.Word;
        if (word.Holiday != 0 && token.Capitalized) return false; // "three days before Christmas" counts from that day
        return word.Month == 0 && word.Weekday == 0 && word.Unit == 0 && word.Number == 0 && word.Ordinal == 0 && !word.FunctionWord;
    }

    /// <summary>
    /// <c>the new year</c> in a history: the first of January the story comes to next (<c>Eight days before the new year,
    /// Franco …</c> after December 1938 is 1939's). Returns the token after <c>year</c>, or -1.
    /// </summary>
    private int MatchTheNewYear(int i)
    {
        if (_options.Anchoring != TimexAnchoring.Narrative || T(i).Capitalized || !IsKw(i - 1, TimeKeyword.The) || !IsKw(i + 1, TimeKeyword.Year)
            || T(i + 1).Capitalized || IsApostrophe(i + 2)) return -1;
        Emit(new TimexCandidate
        {
            Start = StartOf(i - 1),
            End = EndOf(i + 1),
            Value = new TimeValue { Type = TimexType.Date, Month = 1, Day = 1, Granularity = TimeGranularity.Day },
            Need = AnchorNeed.Fill,
            Tense = 1,
        });
        return i + 2;
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

internal sealed partial class TimexGrammar
{
    /// <summary>
    /// A year written with an apostrophe for its century (<c>the Club of '89</c>, <c>the class of '99</c>): two digits
    /// after an apostrophe that opens a word, taking the century that puts them nearest the story's year. An
    /// apostrophe after a letter (<c>boys' 99</c>) or a number followed by more of one (<c>'99.5</c>, <c>'99%</c>) is none.
    /// Returns the token after the year, or -1.
    /// </summary>
    private int MatchApostropheYear(int i)
    {
        if (Digits(i) != 2 || !IsApostrophe(i - 1) || !Adjacent(i - 1, i)) return -1;
        if (i >= 2 && EndOf(i - 2) == StartOf(i - 1) && !IsPunct(i - 2, '(')) return -1;
        var next = T(i + 1);
        if (i + 1 < Count && Adjacent(i, i + 1) && (next.IsWord || next.IsNumber || IsApostrophe(i + 1) || IsPunct(i + 1, '%'))) return -1;
        if ((IsPunct(i + 1, '.') || IsPunct(i + 1, ',')) && IsNumber(i + 2) && Adjacent(i + 1, i + 2)) return -1;
        if (IsDash(i + 1) && Adjacent(i, i + 1)) return -1;
        Emit(new TimexCandidate { Start = StartOf(i - 1), End = EndOf(i), Value = TimeValue.FromDate(Num(i)), TwoDigitYear = true });
        return i + 1;
    }

    /// <summary>
    /// A four-digit number before a lowercase word that is a year by what surrounds it rather than by a preposition:
    /// the second end of a short year range (<c>the 1975-1976 dry season</c>: a range of counts is no shorter than its
    /// ends are far apart, a range of years a few years long); after a name and <c>of</c>
    /// (<c>the Concordat of 1801 between …</c>, <c>the Constitution of 1793</c>); after <c>as late as</c>, <c>as early as</c>.
    /// (A year between a possessive and a singular noun, <c>his 1995 book</c>, is <see cref="YearOfNoun"/>'s.)
    /// </summary>
    private bool IsYearByContext(int i)
    {
        if (IsDash(i - 1) && IsNumber(i - 2) && Digits(i - 2) == 4 && Num(i) > Num(i - 2) && Num(i) - Num(i - 2) <= 10) return true;
        if (IsWordAt(i - 1, "as") && Kw(i - 2) is TimeKeyword.Late or TimeKeyword.Early && IsWordAt(i - 3, "as")) return true;
        return IsKw(i - 1, TimeKeyword.Of) && IsCapitalizedWord(i - 2) && i >= 3 && !IsPunct(i - 3, '.') && !StartsLine(i - 2)
            && T(i - 2).Word.Month == 0 && T(i - 2).Keyword == TimeKeyword.None;
    }

    /// <summary>
    /// A range of round hundreds before a noun is a count (<c>the 1500-2000 men of the garrison</c>), not two years.
    /// </summary>
    private bool StartsCountRange(int i)
    {
        if (!IsDash(i + 1) || !IsNumber(i + 2) || Digits(i + 2) != 4 || Num(i) % 100 != 0 || Num(i + 2) % 100 != 0 || Num(i + 2) <= Num(i)) return false;
        var follower = T(i + 3);
        return follower.IsWord && !follower.Capitalized && !follower.Word.FunctionWord && follower.Word.Unit == 0;
    }

    /// <summary>
    /// <c>as recently as</c> before a date (<c>as recently as late 2009</c>) says how near the date is; the date is the
    /// expression, and <c>recently</c> no reference of its own.
    /// </summary>
    private bool IntroducesDate(int i) =>
        IsWordAt(i - 1, "as") && IsWordAt(i + 1, "as") && (IsNumber(i + 2) || IsMonth(i + 2) || Kw(i + 2) is TimeKeyword.Early or TimeKeyword.Late or TimeKeyword.Mid);

    /// <summary>
    /// <c>the previous April</c>, <c>the following March</c>: the latest such month before the story's point, or the first
    /// after it, referring back to the story whatever the anchoring. Returns the token after the month.
    /// </summary>
    private int MatchTheShiftedMonth(int first, int month, int shift)
    {
        Emit(new TimexCandidate
        {
            Start = StartOf(first),
            End = EndOf(month),
            Value = TimeValue.FromDate(null, MonthOf(month), null),
            Need = AnchorNeed.Fill,
            Shift = shift,
            Anaphoric = true,
        });
        return month + 1;
    }
}

internal sealed partial class TimexGrammar
{
    /// <summary>
    /// Periods of unstated length a history refers to, kept only in a history (<see cref="TimexCandidate.HistoryPeriod"/>): <c>the intervening years</c>,
    /// <c>the following days</c>, <c>the final years of the regime</c> (<c>PXY</c>, <c>PXD</c>); <c>the years following the
    /// war</c>; <c>years of conflict</c> after a preposition; <c>a months-long trek</c> (<c>PXM</c>); and
    /// <c>for the time being</c> (<c>PRESENT_REF</c>), <c>a thing of the past</c> (<c>PAST_REF</c>).
    /// Returns the token after what was matched, or -1.
    /// </summary>
    private int MatchHistoryPeriod(int i)
    {
        if (_options.Anchoring != TimexAnchoring.Narrative || !T(i).IsWord) return -1;
        if (MatchNamedPeriod(i) is var named && named > i) return named;
        if (MatchDawnOfDate(i) is var dawn && dawn > i) return dawn;
        if (IsKw(i, TimeKeyword.The))
        {
            if (IsPeriodPosition(i + 1) && IsVaguePlural(i + 2)) return VaguePeriod(i, i + 2);
            if (IsVaguePlural(i + 1) && (IsKw(i + 2, TimeKeyword.Following) || IsKw(i + 2, TimeKeyword.After))) return VaguePeriod(i, i + 1);
            if (IsWordAt(i + 1, "time") && IsWordAt(i + 2, "being") && IsKw(i - 1, TimeKeyword.For)) return HistoryReference(i, i + 3, TimeReference.Present);
            if (IsKw(i + 1, TimeKeyword.Past) && IsKw(i - 1, TimeKeyword.Of) && !T(i + 2).IsWord && !T(i + 2).IsNumber) return HistoryReference(i, i + 2, TimeReference.Past);
            return -1;
        }
        if (IsVaguePlural(i) && IsKw(i + 1, TimeKeyword.Of) && T(i + 2) is { IsWord: true, Capitalized: false } what && what.Word.Unit == 0 && !what.Word.FunctionWord
            && what.Keyword == TimeKeyword.None && i > 0 && T(i - 1).IsWord && T(i - 1).Word.FunctionWord && T(i - 1).Keyword is not (TimeKeyword.The or TimeKeyword.A)
            && T(i - 1).Word.Number == 0)
            return VaguePeriod(i, i);
        if (T(i).Word.PluralUnit && T(i).Word.UnitValue is TimeUnit.Day or TimeUnit.Week or TimeUnit.Month or TimeUnit.Year && IsDash(i + 1) && Adjacent(i, i + 1)
            && IsWordAt(i + 2, "long") && Adjacent(i + 1, i + 2) && !IsNumber(i - 1) && T(i - 1).Word.Number == 0)
        {
            Emit(new TimexCandidate { Start = StartOf(i), End = EndOf(i + 2), Value = TimeValue.FromDuration(null, T(i).Word.UnitValue), HistoryPeriod = true });
            return i + 3;
        }
        return -1;
    }

    // Words that place an unstated stretch of time within a story: the intervening years, the final months.
    private bool IsPeriodPosition(int i) =>
        IsKw(i, TimeKeyword.Following) || IsKw(i, TimeKeyword.Preceding) || IsWordAt(i, "intervening") || IsWordAt(i, "ensuing")
        || IsWordAt(i, "subsequent") || IsWordAt(i, "final") || IsWordAt(i, "closing") || IsWordAt(i, "opening") || IsWordAt(i, "early")
        || IsKw(i, TimeKeyword.Last) && !IsNumber(i + 1);

    private bool IsVaguePlural(int i) =>
        T(i) is { IsWord: true } token && token.Word.PluralUnit && token.Keyword != TimeKeyword.Weekend
        && token.Word.UnitValue is TimeUnit.Day or TimeUnit.Week or TimeUnit.Month or TimeUnit.Year or TimeUnit.Decade;

    private int VaguePeriod(int first, int unit)
    {
        Emit(new TimexCandidate { Start = StartOf(first), End = EndOf(unit), Value = TimeValue.FromDuration(null, T(unit).Word.UnitValue), HistoryPeriod = true });
        return unit + 1;
    }

    private int HistoryReference(int first, int end, TimeReference reference)
    {
        Emit(new TimexCandidate { Start = StartOf(first), End = EndOf(end - 1), Value = TimeValue.FromReference(reference), HistoryPeriod = true });
        return end;
    }
}

internal sealed partial class TimexGrammar
{
    // Nouns of things that happen at one time: a season or month before one names when that thing happened.
    private static readonly HashSet<string> EventNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "offensive", "offensives", "counteroffensive", "counteroffensives", "counter", "campaign", "campaigns", "battle", "battles",
        "fighting", "operation", "operations", "attack", "attacks", "assault", "assaults", "invasion", "uprising", "uprisings",
        "revolt", "revolution", "retreat", "advance", "election", "elections", "session", "crisis", "strike", "strikes",
        "accession", "vote", "push", "raids", "raid", "war", "siege", "coup", "riots", "massacre", "decrees",
    };

    /// <summary>Whether the word after <paramref name="i"/> is a noun a time word before it modifies (<c>summer offensive</c>, <c>the August battles</c>).</summary>
    private bool BeforeNoun(int i)
    {
        var next = T(i + 1);
        if (!next.IsWord || next.Start - T(i).End > 1) return false;
        var word = next.Word;
        if (word.FunctionWord || next.Keyword != TimeKeyword.None || word.Unit != 0 || word.Month != 0 || word.Season != 0 || word.Weekday != 0
            || word.Number != 0 || word.Ordinal != 0 || word.Holiday != 0 || word.SetUnit != 0) return false;
        // A capitalized noun only in a name written in capitals throughout (the Winter Offensive).
        return !next.Capitalized || T(i).Capitalized;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EventNounLookup = EventNouns.GetAlternateLookup<ReadOnlySpan<char>>();

    private bool BeforeEventNoun(int i) =>
        BeforeNoun(i) && EventNounLookup.Contains(_text.AsSpan(T(i + 1).Start, T(i + 1).End - T(i + 1).Start));

    /// <summary>
    /// Whether what stands before <paramref name="i"/> makes the word there a modifier of the noun after it: an article, a
    /// possessive (<c>their</c>, <c>Meade's</c>), an adjective or noun (<c>the costly August battles</c>), or, in a name, a
    /// capitalized word (<c>the Chinese Winter Offensive</c>). A preposition before it makes it a time of its own (<c>in
    /// August</c>), and a capitalized word before it with a lowercase one after, a name (<c>Theresa May said</c>).
    /// </summary>
    private bool InModifierSlot(int i)
    {
        if (IsKw(i - 1, TimeKeyword.S) && IsApostrophe(i - 2)) return true;
        var previous = T(i - 1);
        if (i == 0 || !previous.IsWord || previous.End - previous.Start == 0) return false;
        if (previous.Keyword is TimeKeyword.The or TimeKeyword.A) return true;
        if (IsWordAt(i - 1, "his") || IsWordAt(i - 1, "her") || IsWordAt(i - 1, "its") || IsWordAt(i - 1, "their") || IsWordAt(i - 1, "our")
            || IsWordAt(i - 1, "an")) return true;
        if (previous.Word.FunctionWord || previous.Word.Month != 0 || previous.Word.Season != 0) return false;
        if (previous.Capitalized) return T(i + 1).Capitalized && T(i).Capitalized;
        return previous.Keyword == TimeKeyword.None;
    }

    /// <summary>
    /// A season written without a year right before the noun it modifies (<c>their main summer offensive</c>, <c>the Chinese
    /// Winter Offensive</c>, <c>winter quarters</c>): the extent is the season alone (TIMEX2). Before the name of something that
    /// happened (an offensive, a campaign) it is the season of the story's year, or of the year written after the noun
    /// (<c>the Spring Offensive of 1918</c>), and it dates that thing without moving the story
    /// (<see cref="TimexCandidate.ModifiesNoun"/>); before another noun it is any year's season (<c>XXXX-WI</c>). <c>fall</c> and
    /// <c>spring</c>, verbs too, only before a noun of something that happened. Only in a history. Returns the token after the season, or -1.
    /// </summary>
    private int MatchSeasonBeforeNoun(int i)
    {
        if (_options.Anchoring != TimexAnchoring.Narrative || !BeforeNoun(i) || !InModifierSlot(i)) return -1;
        var token = T(i);
        int season = token.Word.Season;
        bool verbToo = season == 3 && _text[token.Start] is 'f' or 'F' || season == 1;
        bool happened = BeforeEventNoun(i);
        if (verbToo && !happened) return -1;
        var value = new TimeValue { Type = TimexType.Date, Season = season, Granularity = TimeGranularity.Season };
        var need = AnchorNeed.None;
        if (happened)
        {
            if (IsKw(i + 2, TimeKeyword.Of) && TryYearAt(i + 3, out int year, out _)) value = value with { Year = year };
            else need = AnchorNeed.Fill;
        }
        Emit(new TimexCandidate { Start = token.Start, End = token.End, Value = value, Need = need, ModifiesNoun = true, HistoryPeriod = true });
        return i + 1;
    }
}

internal sealed partial class TimexGrammar
{
    /// <summary>
    /// The first of two seasons joined by <c>and</c>/<c>or</c> takes the year written after the second (<c>summer and autumn
    /// 1918</c>, <c>the spring and summer of 1943</c>), as the first of two months does (<c>May and September 1933</c>).
    /// Returns the token after the first season, or -1.
    /// </summary>
    private int MatchSeasonBeforeCoordinatedYear(int first, int seasonToken, bool fall)
    {
        int conjunction = seasonToken + 1;
        if (!(IsKw(conjunction, TimeKeyword.And) || IsKw(conjunction, TimeKeyword.Or)) || (fall && first == seasonToken)) return -1;
        int second = IsKw(conjunction + 1, TimeKeyword.The) ? conjunction + 2 : conjunction + 1;
        if (!T(second).IsWord || T(second).Word.Season == 0) return -1;
        int k = IsKw(second + 1, TimeKeyword.Of) ? second + 2 : second + 1;
        if (!TryYearAt(k, out int year, out int afterYear)) return -1;
        int season = T(seasonToken).Word.Season;
        if (season == 4) WinterAcrossYears(afterYear, ref year);
        Emit(new TimexCandidate
        {
            Start = StartOf(first),
            End = EndOf(seasonToken),
            Value = new TimeValue { Type = TimexType.Date, Year = year, Season = season, Granularity = TimeGranularity.Season },
        });
        return conjunction;
    }

    /// <summary>
    /// A word in <c>-ing</c> after a season that goes on to its object or a preposition (<c>spent the spring and summer
    /// organizing a small army</c>, <c>the winter preparing for the offensive</c>) is a verb of the clause, not a noun the
    /// season modifies.
    /// </summary>
    private bool GerundWithObject(int i)
    {
        var word = T(i);
        if (!word.IsWord || word.Capitalized || word.End - word.Start < 5 || !_text.AsSpan(word.Start, word.End - word.Start).EndsWith("ing")) return false;
        var next = T(i + 1);
        return next.IsWord && next.Word.FunctionWord && next.Keyword is not (TimeKeyword.And or TimeKeyword.Or or TimeKeyword.Of)
            && !IsWordAt(i + 1, "but") && !IsWordAt(i + 1, "nor");
    }

    /// <summary>
    /// A year right before a season that modifies a noun (<c>their 1982 summer offensives</c>, <c>the 1916 winter
    /// campaign</c>) is that season of that year, one expression. <c>fall</c> and <c>spring</c>, verbs too, only before the
    /// name of something that happened. Returns the token after the season, or -1.
    /// </summary>
    private int MatchYearBeforeSeason(int yearToken, int seasonToken, int year)
    {
        var token = T(seasonToken);
        if (!token.IsWord || token.Word.Season == 0 || !BeforeNoun(seasonToken)) return -1;
        int season = token.Word.Season;
        bool verbToo = season == 3 && _text[token.Start] is 'f' or 'F' || season == 1;
        if (verbToo && !BeforeEventNoun(seasonToken)) return -1;
        Emit(new TimexCandidate
        {
            Start = StartOf(yearToken),
            End = token.End,
            Value = new TimeValue { Type = TimexType.Date, Year = year, Season = season, Granularity = TimeGranularity.Season },
        });
        return seasonToken + 1;
    }
}

internal sealed partial class TimexGrammar
{
    /// <summary>
    /// A month written without a year or day right before the noun it modifies (<c>the March accession</c>, <c>a May vote</c>,
    /// <c>the costly August battles</c>): it takes its year from the story like any month, but does not move the story's point
    /// (<see cref="TimexCandidate.ModifiesNoun"/>).
    /// </summary>
    private bool MonthModifiesNoun(int i) => !IsAbbreviatedMonth(i) && BeforeNoun(i) && InModifierSlot(i) && (!IsCapitalizedWord(i - 1) || Kw(i - 1) is TimeKeyword.The or TimeKeyword.A)
        && (!IsCapitalizedWord(i + 1) || Kw(i - 1) is TimeKeyword.The or TimeKeyword.A);
}

internal sealed partial class TimexGrammar
{
    /// <summary>
    /// An ordinal in words after <c>Month the</c> that goes on to a noun (<c>In July the first great battle was fought</c>)
    /// counts the noun, not the month's days: <c>July the first</c> is a day only where no lowercase content word follows.
    /// </summary>
    private bool OrdinalBeforeNoun(int dayToken, int afterDay) =>
        afterDay == dayToken + 1 && T(dayToken) is { IsWord: true } ordinal && ordinal.Word.Ordinal != 0
        && T(afterDay) is { IsWord: true, Capitalized: false } next && !next.Word.FunctionWord && next.Keyword == TimeKeyword.None
        && next.Word.Unit == 0 && next.Word.Month == 0 && next.Word.Number == 0 && next.Word.Ordinal == 0 && next.Word.PartOfDay == 0;

    /// <summary>
    /// A night that runs over two days (<c>the night of 9–10 November</c>) is one expression, dated by the day it began
    /// (TIMEX2: <c>…-09TNI</c>); the range matched after <c>of</c> gave two dates, the second the next day, joined here.
    /// </summary>
    private void JoinNightAcrossDays(int before, int partOfDay)
    {
        if (partOfDay != 4 || _output.Count != before + 2) return;
        var (first, second) = (_output[before], _output[before + 1]);
        if (first.Value is not { Type: TimexType.Date, Day: { } firstDay } || second.Value is not { Type: TimexType.Date, Day: { } secondDay }
            || (secondDay != firstDay + 1 && secondDay != 1) || _text.AsSpan(first.End, second.Start - first.End).Trim().Length != 1) return;
        first.End = second.End;
        _output.RemoveAt(before + 1);
    }

    /// <summary>
    /// A winter written with both its years (<c>the winter of 1812–13</c>, <c>winter 1916/1917</c>): the winter whose January
    /// falls in the second, as a season counts by its middle month. Returns the token after what was matched, and the year.
    /// </summary>
    private int WinterAcrossYears(int afterYear, ref int year)
    {
        if (!(IsDash(afterYear) || IsPunct(afterYear, '/')) || !Adjacent(afterYear - 1, afterYear) || !IsNumber(afterYear + 1) || !Adjacent(afterYear, afterYear + 1))
            return afterYear;
        int second = Num(afterYear + 1);
        bool follows = Digits(afterYear + 1) == 2 ? second == (year + 1) % 100 : Digits(afterYear + 1) == 4 && second == year + 1;
        if (!follows || year <= 0) return afterYear;
        year++;
        return afterYear + 2;
    }
}

internal sealed partial class TimexGrammar
{
    /// <summary>
    /// A period named by its length (<c>the Hundred Days</c>, <c>the Seven Years War</c>, <c>the Six-Day War</c>): a number in
    /// words and a unit, both capitalized, after <c>the</c>. TIMEX2 marks the length alone (<c>P100D</c>, <c>P7Y</c>), without the
    /// article or the noun after it. Only in a history. Returns the token after the unit, or -1.
    /// </summary>
    private int MatchNamedPeriod(int i)
    {
        var number = T(i);
        if (!number.Capitalized || number.Word.Number <= 2 || !IsKw(i - 1, TimeKeyword.The)) return -1;
        int unit = i + 1;
        bool hyphened = IsDash(unit) && Adjacent(i, unit) && Adjacent(unit, unit + 1);
        if (hyphened) unit++;
        var name = T(unit);
        if (!name.IsWord || !name.Capitalized || name.Word.Unit == 0 || name.Word.PluralUnit == hyphened
            || name.Word.UnitValue is not (TimeUnit.Day or TimeUnit.Week or TimeUnit.Month or TimeUnit.Year)) return -1;
        int amount = number.Word.Number - 1; // stored one above the number, as units are
        Emit(new TimexCandidate { Start = number.Start, End = name.End, Value = TimeValue.FromDuration(amount, name.Word.UnitValue), HistoryPeriod = true });
        return unit + 1;
    }

    /// <summary>
    /// <c>dawn on 29 May 1453</c>, <c>daybreak of 3 June</c>, <c>Tuesday dawn of 4 March</c>: the start of that day (TIMEX2: the date with <c>START</c>), one
    /// expression from the dawn to the date's end. Only in a history. Returns the token after the date, or -1.
    /// </summary>
    private int MatchDawnOfDate(int i)
    {
        int d = IsWeekday(i) ? i + 1 : i;
        if (!(IsWordAt(d, "dawn") || IsWordAt(d, "daybreak")) || !(IsKw(d + 1, TimeKeyword.Of) || IsKw(d + 1, TimeKeyword.On))) return -1;
        int before = _output.Count;
        int dateEnd = MatchCoreInner(d + 2);
        if (dateEnd > d + 2 && _output.Count == before + 1 && _output[^1].Value is { Type: TimexType.Date, Day: not null, Modifier: TimeModifier.None } date)
        {
            var dated = _output[^1];
            _output[^1] = new TimexCandidate { Start = StartOf(i), End = dated.End, Value = date with { Modifier = TimeModifier.Start }, Need = dated.Need };
            return dateEnd;
        }
        if (_output.Count > before) _output.RemoveRange(before, _output.Count - before);
        return -1;
    }
}
