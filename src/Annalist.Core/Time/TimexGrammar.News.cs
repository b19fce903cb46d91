using System.Collections.Frozen;

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

    /// <summary>
    /// After a quarter or half, <c>of the year</c> or <c>of this year</c>: the expression runs on to the year
    /// (<c>the first half of the year</c> is one expression, the year the anchor's); the index after it, or -1.
    /// </summary>
    private int OfTheYear(int i)
    {
        if (!IsKw(i, TimeKeyword.Of) || !(IsKw(i + 1, TimeKeyword.The) || IsKw(i + 1, TimeKeyword.This))) return -1;
        var unit = T(i + 2);
        return unit.IsWord && unit.Word.Unit == (byte)(TimeUnit.Year + 1) && !unit.Word.PluralUnit ? i + 3 : -1;
    }

    /// <summary>
    /// <c>year-ago</c>/<c>year-earlier</c> at <paramref name="year"/> before a noun that is not a period of a report
    /// (<c>the year-ago results</c>, <c>a year-earlier loss</c>): the article is the noun's, not a count of years, and
    /// the adjective alone is the expression (TimeML extent; TBAQ marks the adjective alone 5 of 6 times).
    /// <c>the year-ago quarter</c>, <c>the year-earlier nine months</c> keep their article.
    /// </summary>
    private bool YearAgoBeforeItsNoun(int year)
    {
        if (Kw(year) != TimeKeyword.Year || T(year).Word.PluralUnit || !IsDash(year + 1) || !Adjacent(year, year + 1)
            || Kw(year + 2) is not (TimeKeyword.Ago or TimeKeyword.Earlier) || !Adjacent(year + 1, year + 2))
            return false;
        var noun = T(year + 3);
        return noun.IsWord && !noun.Capitalized && !noun.Word.FunctionWord && noun.Word.Unit == 0 && noun.Word.Number == 0
            && noun.Word.Ordinal == 0 && !IsWordAt(year + 3, "period");
    }

    /// <summary>
    /// After <c>the year</c>/<c>the quarter</c> of a report, what the period is measured by rather than a noun it
    /// modifies: a figure after <c>of</c> (<c>a high for the year of $42</c>) or a comparison (<c>in the quarter compared
    /// with</c>, <c>versus</c>), so the period is the report's.
    /// </summary>
    private bool FigureOrComparisonAfter(int k) =>
        IsKw(k, TimeKeyword.Of) && (IsPunct(k + 1, '$') || IsNumber(k + 1) && !(Digits(k + 1) == 4 && Num(k + 1) is >= 1000 and <= 2199))
        || IsWordAt(k, "compared") && (IsWordAt(k + 1, "with") || IsWordAt(k + 1, "to"))
        || IsWordAt(k, "versus");

    /// <summary>
    /// <c>the latest year</c>, <c>the latest fiscal year</c> at <paramref name="latest"/>: the last year a report can give
    /// whole, the one before the writer's, as <c>the latest quarter</c> is the one before the writer's quarter. The index
    /// after it, or -1.
    /// </summary>
    private int LatestYear(int first, int latest)
    {
        int u = IsKw(latest + 1, TimeKeyword.Fiscal) ? latest + 2 : latest + 1;
        var unit = T(u);
        if (!unit.IsWord || unit.Word.PluralUnit || unit.Word.Unit != (byte)(TimeUnit.Year + 1) || IsNumber(u + 1)
            || IsDash(u + 1) && Adjacent(u, u + 1) || IsWordAt(u + 1, "ended") || IsWordAt(u + 1, "ending"))
            return -1;
        return Shifted(first, u + 1, TimeUnit.Year, -1, deictic: true);
    }

    /// <summary>A quarter or half, which takes its clause's tense as a month does (<c>will open in the fourth quarter</c>).</summary>
    private static bool IsReportPeriod(TimeValue value) => value.Month is null && (value.Quarter is not null || value.Half is not null);

    /// <summary>
    /// Whether a decade follows the position word at <paramref name="j"/> (<c>the early 1990s</c>, <c>the mid-1980s</c>),
    /// where the article belongs to the expression as it does before the decade alone.
    /// </summary>
    private bool DecadeAfter(int j)
    {
        int k = IsDash(j + 1) ? j + 2 : j + 1;
        return IsNumber(k) && Digits(k) == 4 && Num(k) % 10 == 0 && (IsKw(k + 1, TimeKeyword.S) || IsApostrophe(k + 1));
    }

    /// <summary><c>and a half</c> at <paramref name="i"/>: <c>two and a half years</c>, <c>a year and a half</c> (<c>P18M</c>).</summary>
    private bool AndAHalf(int i) => IsKw(i, TimeKeyword.And) && IsKw(i + 1, TimeKeyword.A) && IsKw(i + 2, TimeKeyword.Half);

    /// <summary>
    /// <c>of the '80s</c>, <c>of the 1990s</c> after a half or quarter: a part of a decade has no value of its own, so the
    /// decade is marked alone rather than a half of some year.
    /// </summary>
    private bool OfADecade(int i)
    {
        if (!IsKw(i, TimeKeyword.Of) || !IsKw(i + 1, TimeKeyword.The)) return false;
        int k = IsApostrophe(i + 2) ? i + 3 : i + 2;
        return IsNumber(k) && Num(k) % 10 == 0 && (Digits(k) == 4 || Digits(k) == 2 && k == i + 3) && (IsKw(k + 1, TimeKeyword.S) || IsApostrophe(k + 1));
    }

    /// <summary>
    /// Whether a verb in the past stands right before the expression at token <paramref name="t"/>, or before
    /// its <c>in</c>/<c>on</c> (<c>closed in June</c>, <c>ended June 30</c>): what it dates has happened, so a month
    /// written without a year lies before the report, not in the months after it.
    /// </summary>
    private bool PastVerbJustBefore(int t)
    {
        int k = t - 1;
        if (IsKw(k, TimeKeyword.In) || IsKw(k, TimeKeyword.On)) k--;
        if (k < 0 || !T(k).IsWord || T(k).Capitalized) return false;
        var word = _text.AsSpan(T(k).Start, T(k).End - T(k).Start);
        if (IsFutureCue(word)) return false;
        // "will be paid Dec. 14", "to be published in November", "when the case is heard in May": not yet done.
        if (IsWordAt(k - 1, "be") || IsWordAt(k - 1, "is") || IsWordAt(k - 1, "are") || IsWordAt(k - 1, "being")) return false;
        return TimeLexicon.IsPastForm(word) || word.Length >= 5 && word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("eed", StringComparison.Ordinal);
    }

    /// <summary>
    /// A future cue one or two words before the past form at <paramref name="k"/>: <c>will stay closed until Tuesday</c>,
    /// where the participle describes a state to come.
    /// </summary>
    private bool FutureCueJustBefore(int k)
    {
        for (int b = k - 1; b >= 0 && b >= k - 2; b--)
        {
            if (!T(b).IsWord) return false;
            var word = _text.AsSpan(T(b).Start, T(b).End - T(b).Start);
            if (word.Equals("will", StringComparison.OrdinalIgnoreCase) || word.Equals("shall", StringComparison.OrdinalIgnoreCase)
                || word.Equals("ll", StringComparison.OrdinalIgnoreCase) || word.Equals("would", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>
    /// <c>the current year</c>, <c>the current fiscal year</c>, <c>the current quarter</c>: the unit the document's date
    /// lies in, as <c>this year</c>; the index after it, or -1.
    /// </summary>
    private int MatchTheCurrent(int i)
    {
        if (!IsWordAt(i + 1, "current")) return -1;
        int k = IsKw(i + 2, TimeKeyword.Fiscal) ? i + 3 : i + 2;
        var unit = T(k);
        if (!unit.IsWord || unit.Word.Unit == 0 || unit.Word.PluralUnit || unit.Keyword == TimeKeyword.Weekend
            || unit.Word.UnitValue is not (TimeUnit.Week or TimeUnit.Month or TimeUnit.Quarter or TimeUnit.Year or TimeUnit.Decade or TimeUnit.Century))
            return -1;
        return Shifted(i, k + 1, unit.Word.UnitValue, 0, deictic: true);
    }

    /// <summary><c>the week of March 6</c>: one expression, the week of that day; the index after it, or -1.</summary>
    private int MatchTheWeekOf(int i)
    {
        var unit = T(i + 1);
        if (!unit.IsWord || unit.Word.UnitValue != TimeUnit.Week || unit.Word.Unit == 0 || unit.Word.PluralUnit || unit.Keyword == TimeKeyword.Weekend
            || !IsKw(i + 2, TimeKeyword.Of) || !IsMonth(i + 3))
            return -1;
        int before = _output.Count;
        int end = MatchMonthLed(i + 3);
        if (end <= i + 3 || _output.Count != before + 1 || _output[^1].Value is not { Month: not null, Day: not null })
        {
            if (_output.Count > before) _output.RemoveRange(before, _output.Count - before);
            return -1;
        }
        _output[^1] = Reanchor(_output[^1], StartOf(i));
        _output[^1].WeekOf = true;
        return end;
    }

    /// <summary>
    /// Whether a four-digit number between a determiner and a singular noun names that noun's year (<c>a 1996 law</c>,
    /// <c>its 1990 invasion</c>, <c>his unsuccessful 1996 campaign</c>), as <c>the 1954 election</c> does: a count takes a
    /// plural (<c>a 1000 men</c>), a measure its unit (<c>a 2000 pound bomb</c>). One adjective may stand between the
    /// determiner and the year.
    /// </summary>
    private bool YearOfNoun(int i)
    {
        int year = Num(i);
        if (Digits(i) != 4 || year is < 1000 or > 2099) return false;
        int d = i - 1;
        bool adjective = IsLowerWord(d) && !T(d).Word.FunctionWord && T(d).Word.Unit == 0 && T(d).Keyword == TimeKeyword.None && !Adjacent(d, i);
        if (adjective) d--;
        if (!IsNounDeterminer(d, articleAllowed: true)) return false;
        var noun = T(i + 1);
        if (!noun.IsWord || Adjacent(i, i + 1) || noun.Word.FunctionWord || noun.Word.Month != 0 || noun.Word.Unit != 0 || noun.Keyword != TimeKeyword.None)
            return false;
        var word = _text.AsSpan(noun.Start, noun.End - noun.Start);
        if (word.Length < 3 || word[^1] is 's' && word[^2] is not ('s' or 'u' or 'i') || MeasureWordLookup.Contains(word)) return false;
        // "an 1850 census", not "a 1500 pound bomb"; a following possessive or number continues something else.
        return !IsApostrophe(i + 2) && !IsNumber(i + 2);
    }

    private bool IsNounDeterminer(int k, bool articleAllowed)
    {
        if ((uint)k >= (uint)Count || !T(k).IsWord) return false;
        if (articleAllowed && (T(k).Keyword is TimeKeyword.A or TimeKeyword.The)) return true;
        var word = _text.AsSpan(T(k).Start, T(k).End - T(k).Start);
        return word.Equals("its", StringComparison.OrdinalIgnoreCase) || word.Equals("his", StringComparison.OrdinalIgnoreCase)
            || word.Equals("her", StringComparison.OrdinalIgnoreCase) || word.Equals("their", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Units of measure and counted things that follow a number written like a year (<c>a 2000 pound bomb</c>).</summary>
    private static readonly FrozenSet<string> MeasureWords = new[]
    {
        "pound", "ton", "tonne", "meter", "metre", "mile", "yard", "foot", "inch", "acre", "hectare", "gallon", "barrel", "liter", "litre",
        "gram", "kilogram", "kilometer", "kilometre", "percent", "per", "page", "word", "man", "member", "seat", "bed", "room", "unit",
        "share", "point", "megawatt", "kilowatt", "horsepower", "dollar", "cent", "yen", "franc", "mark", "ruble", "rouble", "rupee",
        "kg", "km", "mm", "cm", "lb", "mph", "cc", "strong", "odd", "plus", "or", "more",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MeasureWordLookup = MeasureWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether the expression at token <paramref name="i"/> is a deadline put off to a day to come: <c>until</c> or
    /// <c>through</c> after a verb of deferral (<c>postponed until Tuesday</c>, <c>extended its deadline until 9 a.m. Tuesday</c>,
    /// <c>extended the loans through January</c>, <c>has until Friday</c>). A report names a deferred day while it is still ahead; once passed it reports what happened on it.
    /// </summary>
    private bool DeferredUntil(int i)
    {
        if (!IsWordAt(i - 1, "until") && !IsWordAt(i - 1, "till") && !IsWordAt(i - 1, "through")) return false;
        if (IsWordAt(i - 2, "has") || IsWordAt(i - 2, "have")) return true;
        for (int k = i - 2; k >= 0 && k >= i - 10; k--)
        {
            var token = T(k);
            if (token.Class == ScanTokenClass.Punctuation && token.Value is '.' or ';' or '!' or '?' or '"' or '“' or '”') return false;
            if (!token.IsWord) continue;
            if (DeferralVerbLookup.Contains(_text.AsSpan(token.Start, token.End - token.Start))) return !IsWordAt(k - 1, "had");
        }
        return false;
    }

    /// <summary>
    /// A verb of intention before <c>to</c> (<c>were planning to march on Monday</c>, <c>intends to vote Friday</c>): what is
    /// intended lies ahead of the report.
    /// </summary>
    private bool IntentionBefore(int k) =>
        IsWordAt(k + 1, "to") && IntentionVerbLookup.Contains(_text.AsSpan(T(k).Start, T(k).End - T(k).Start));

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DeferralVerbLookup = new[]
    {
        "postpone", "postpones", "postponed", "delay", "delays", "delayed", "extend", "extends", "extended", "adjourn", "adjourns",
        "adjourned", "defer", "defers", "deferred", "recess", "recessed", "give", "gives", "gave", "given", "granted", "deadline",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> IntentionVerbLookup = new[]
    {
        "plan", "planning", "intend", "intends", "intending", "hope", "hopes", "hoping", "aim", "aims", "aiming",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether the <c>-ed</c> word at <paramref name="k"/> modifies a noun after a determiner (<c>a still unspecified date</c>,
    /// <c>the revised plan</c>), an adjective rather than a verb in the past.
    /// </summary>
    private bool AdjectiveAfterDeterminer(int k)
    {
        int d = k - 1;
        if (IsLowerWord(d) && _text.AsSpan(T(d).Start, T(d).End - T(d).Start).EndsWith("ly", StringComparison.Ordinal) || IsWordAt(d, "still")) d--;
        return IsNounDeterminer(d, articleAllowed: true) && T(k + 1).IsWord && !T(k + 1).Word.FunctionWord;
    }

    /// <summary>
    /// A weekday written short without its period (<c>Sun</c>, <c>Wed</c>): a name or a word (<c>that Sun</c> computer), as
    /// <see cref="MatchWeekday"/> also requires the period of an abbreviation.
    /// </summary>
    private bool ShortWeekdayWithoutPeriod(int k) => T(k).End - T(k).Start <= 4 && !(IsPunct(k + 1, '.') && Adjacent(k, k + 1));

    /// <summary>
    /// <c>of</c> after a quantity (<c>one of the first</c>, <c>some of the second</c>): a partitive, so the ordinal after it
    /// counts things, not days.
    /// </summary>
    private bool PartitiveOf(int of)
    {
        if (!IsKw(of, TimeKeyword.Of)) return false;
        if (IsNumber(of - 1)) return true;
        if ((uint)(of - 1) >= (uint)Count || !T(of - 1).IsWord) return false;
        return PartitiveLookup.Contains(_text.AsSpan(T(of - 1).Start, T(of - 1).End - T(of - 1).Start)) || T(of - 1).Word.Number != 0;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PartitiveLookup = new[]
    {
        "one", "some", "many", "most", "all", "each", "any", "none", "several", "few", "both", "either", "neither", "among",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A year's quarter or half written with a possessive (<c>this year's third quarter</c>, <c>next year's first quarter</c>,
    /// <c>1988's second half</c>) is one expression, that quarter of that year, as <c>the third quarter of this year</c> is.
    /// </summary>
    private static void JoinYearsQuarter(string text, List<TimexCandidate> output)
    {
        for (int k = output.Count - 2; k >= 0; k--)
        {
            var year = output[k];
            var period = output[k + 1];
            if (year.Value is not { Granularity: TimeGranularity.Year, Month: null, Quarter: null, Half: null, Season: null } || year.Value.Type != TimexType.Date) continue;
            if (year.Need is not (AnchorNeed.None or AnchorNeed.Shift) || year.Need == AnchorNeed.Shift && year.ShiftUnit != TimeUnit.Year) continue;
            if (period.Value is not { Year: null, Month: null } || period.Value.Quarter is null && period.Value.Half is null || period.Need != AnchorNeed.Fill) continue;
            var between = text.AsSpan(year.End, period.Start - year.End);
            if (between.Length < 3 || between[0] is not ('\'' or '’') || between[1] != 's' || !between[2..].IsWhiteSpace()) continue;
            year.End = period.End;
            year.Value = year.Value with { Quarter = period.Value.Quarter, Half = period.Value.Half, Granularity = period.Value.Granularity };
            output.RemoveAt(k + 1);
        }
    }

    /// <summary>
    /// Quarters before <c>of</c>, a determiner and something that is no time are a fraction (<c>about three-quarters of its
    /// food</c>, <c>more than a quarter of the market</c>), not a duration; <c>a quarter of an hour</c>, <c>several quarters of
    /// losses</c> stay durations.
    /// </summary>
    private void DropFractions()
    {
        int t = 0;
        for (int k = 0; k < _output.Count; k++)
        {
            var candidate = _output[k];
            if (candidate.Value is not { Type: TimexType.Duration, Unit: TimeUnit.Quarter }) continue;
            while (t < _tokens.Count && _tokens[t].Start < candidate.End) t++;
            if (!IsKw(t, TimeKeyword.Of)) continue;
            int n = t + 1;
            while (n < Count && n <= t + 3 && T(n).IsWord && T(n).Word.FunctionWord) n++;
            // "several quarters of losses", "two quarters of 1990": a span of time; a fraction takes a determiner after "of".
            if (candidate.Value.Amount is null || n == t + 1 || n >= Count || T(n).IsNumber || T(n).IsWord && T(n).Word.Unit != 0) continue;
            _output.RemoveAt(k--);
        }
    }

    /// <summary>
    /// A part of the day after <c>mid-</c>, <c>late</c> or <c>early</c>: before its day (<c>mid-afternoon yesterday</c>,
    /// <c>late morning Tuesday</c>), that part of that day; alone (<c>at mid-afternoon</c>, <c>in late afternoon trading</c>),
    /// that part of the day the text is at, as <c>that evening</c>. The position word is added by the caller.
    /// </summary>
    private int MatchPositionedPartOfDay(int i)
    {
        var token = T(i);
        if (token.Word.PluralUnit || !IsLowerWord(i) && !token.Capitalized) return -1;
        int p = IsDash(i - 1) && Adjacent(i - 1, i) ? i - 2 : i - 1;
        if (Kw(p) is not (TimeKeyword.Mid or TimeKeyword.Late or TimeKeyword.Early) || IsKw(p - 1, TimeKeyword.The)) return -1;
        string part = PartCode(token.Word.PartOfDay);
        int d = i + 1;
        if (Kw(d) is TimeKeyword.Yesterday or TimeKeyword.Today or TimeKeyword.Tomorrow)
        {
            int shift = Kw(d) switch { TimeKeyword.Yesterday => -1, TimeKeyword.Tomorrow => 1, _ => 0 };
            Emit(new TimexCandidate
            {
                Start = StartOf(i),
                End = EndOf(d),
                Value = new TimeValue { Type = TimexType.Date, PartOfDay = part, Granularity = TimeGranularity.PartOfDay },
                Need = shift == 0 ? AnchorNeed.Today : AnchorNeed.Shift,
                ShiftUnit = TimeUnit.Day,
                Shift = shift,
                Deictic = true,
            });
            return d + 1;
        }
        if (IsWeekday(d) && !ShortWeekdayWithoutPeriod(d))
        {
            Emit(new TimexCandidate
            {
                Start = StartOf(i),
                End = EndOf(d),
                Value = new TimeValue { Type = TimexType.Date, Weekday = T(d).Word.Weekday, PartOfDay = part, Granularity = TimeGranularity.PartOfDay },
                Need = AnchorNeed.Weekday,
                Tense = TenseBefore(p),
            });
            return d + 1;
        }
        Emit(new TimexCandidate
        {
            Start = StartOf(i),
            End = EndOf(i),
            Value = new TimeValue { Type = TimexType.Date, PartOfDay = part, Granularity = TimeGranularity.PartOfDay },
            Need = AnchorNeed.Fill,
        });
        return i + 1;
    }

    /// <summary>
    /// <c>a quarter of an hour</c>, <c>three quarters of an hour</c>: a fraction of one unit, valued as that unit's part
    /// (<c>PT15M</c>, <c>PT45M</c>) rather than as a quarter of a year beside an hour. <paramref name="k"/> is the word
    /// <c>quarter(s)</c>; <paramref name="unitAt"/> the unit after <c>of a</c>/<c>of an</c>.
    /// </summary>
    private bool QuarterOfAUnit(int k, int quarters, out int unitAt)
    {
        unitAt = k;
        if (IsDash(k) && Adjacent(k - 1, k)) k++;
        var word = T(k);
        if (!word.IsWord || word.Word.Unit == 0 || word.Word.UnitValue != TimeUnit.Quarter || word.Word.PluralUnit != (quarters > 1)) return false;
        if (!IsKw(k + 1, TimeKeyword.Of) || !IsKw(k + 2, TimeKeyword.A)) return false;
        var unit = T(k + 3);
        if (!unit.IsWord || unit.Word.Unit == 0 || unit.Word.PluralUnit || unit.Word.UnitValue is TimeUnit.Quarter or TimeUnit.Decade) return false;
        unitAt = k + 3;
        return true;
    }

    /// <summary>
    /// Where a year's expression starts: <c>fiscal 1989</c> is one expression, the TimeML extent taking in the
    /// modifier that says which kind of year is meant (its value stays the year written).
    /// </summary>
    private int FiscalYearStart(int i, bool era) => !era && IsKw(i - 1, TimeKeyword.Fiscal) ? i - 1 : i;

    /// <summary><c>every quarter of an hour</c> at <paramref name="i"/> (<c>every</c>) and <paramref name="j"/> (<c>quarter</c>): a set of the unit's part (<c>PT15M</c>); the index after it, or -1.</summary>
    private int MatchEveryQuarterOf(int i, int j)
    {
        if (!QuarterOfAUnit(j, 1, out int unitAt)) return -1;
        Emit(new TimexCandidate
        {
            Start = StartOf(i),
            End = EndOf(unitAt),
            Value = new TimeValue { Type = TimexType.Set, Amount = 0.25, Unit = T(unitAt).Word.UnitValue, Quantifier = "EVERY" },
        });
        return unitAt + 1;
    }

    /// <summary>
    /// Whether the unit after a count is written capitalized (<c>CBS's "60 Minutes"</c>, a title-case headline's
    /// <c>for 6 Months</c>): a name or a title, which TimeML leaves unmarked, not a span of time. TIMEX2 marks the
    /// names of periods (<c>the Hundred Days</c>), so there it stays a duration.
    /// </summary>
    private bool NamesAUnit(int unit) => _options.Guidelines != TimexGuidelines.Timex2 && T(unit).Capitalized && T(unit).Keyword != TimeKeyword.Weekend && T(unit).Word.Holiday == 0
        && !(T(unit).End - T(unit).Start > 1 && char.IsUpper(_text[T(unit).Start + 1])); // a telegram in capitals ("WITHIN 48 HOURS") keeps its times

    /// <summary>
    /// <c>by year-end</c>, <c>by year end</c>, <c>by year's end</c>, <c>since year-end</c>, <c>at month's end</c> at <paramref name="i"/> (<c>year</c> or <c>month</c>):
    /// the end of the document's year or month (TimeML's <c>mod="END"</c>), the last one past after <c>since</c>; the index after it, or -1.
    /// Only after a preposition, so that <c>year-end bonuses</c> and <c>the year end</c> of a sentence keep their own readings.
    /// </summary>
    private int MatchUnitEnd(int i)
    {
        if (T(i).Word.PluralUnit || Kw(i - 1) is not (TimeKeyword.By or TimeKeyword.Since or TimeKeyword.Until or TimeKeyword.Before or TimeKeyword.At or TimeKeyword.After
            or TimeKeyword.Approximately)) return -1;
        int k = IsDash(i + 1) && Adjacent(i, i + 1) ? i + 2
            : IsApostrophe(i + 1) && IsKw(i + 2, TimeKeyword.S) ? i + 3
            : i + 1;
        if (!IsKw(k, TimeKeyword.End)) return -1;
        // "year-end results": the adjective of a noun, not a date the clause is set at.
        if (T(k + 1).IsWord && !T(k + 1).Word.FunctionWord && !T(k + 1).Capitalized) return -1;
        // "around year end" straddles the turn of the year: its nearest unit is the year's last month, approximately.
        var unit = T(i).Word.UnitValue;
        if (Kw(i - 1) == TimeKeyword.Approximately)
            return unit != TimeUnit.Year ? -1 : Shifted(i, k + 1, TimeUnit.Year, 0, deictic: true, v => v with { Month = 12, Granularity = TimeGranularity.Month, Modifier = TimeModifier.Approximate });
        return Shifted(i, k + 1, unit, Kw(i - 1) == TimeKeyword.Since ? -1 : 0, deictic: true, v => v with { Modifier = TimeModifier.End });
    }

    /// <summary>
    /// A title-case <c>This Week</c> or <c>Next Year</c> just after an opening quotation mark (<c>ABC's "This Week"</c>):
    /// the title of a programme or a column, which TimeML leaves unmarked; TIMEX2 marks named periods, so there it stays.
    /// </summary>
    private bool QuotedTitle(int i) => _options.Guidelines != TimexGuidelines.Timex2 && T(i).Capitalized && (uint)(i + 1) < (uint)Count
        && T(i + 1).IsWord && T(i + 1).Capitalized && T(i + 1).Word.Unit != 0
        && (IsPunct(i - 1, '"') || IsPunct(i - 1, '“') || IsPunct(i - 1, '`'));
    /// <summary>
    /// The token after a word between a count and its unit that leaves the unit as it is (<c>two more years</c>, <c>three
    /// additional months</c>, <c>the last two fiscal years</c>): TimeML marks the count, the word and the unit as one duration
    /// (the extent takes the modifiers of the head, TimeML 1.2.1 §2.2.1). Else <paramref name="k"/> itself.
    /// </summary>
    private int SkipCountModifier(int k)
    {
        var unit = T(k + 1);
        if (!T(k).IsWord || !unit.IsWord || unit.Word.Unit == 0) return k;
        if (T(k).Keyword == TimeKeyword.Fiscal) return unit.Word.UnitValue == TimeUnit.Year ? k + 1 : k;
        bool modifier = T(k).Keyword == TimeKeyword.More || CountModifierLookup.Contains(_text.AsSpan(T(k).Start, T(k).End - T(k).Start));
        // "an additional year", "one more day": a single unit takes the modifier after an article or "one" only.
        bool single = !unit.Word.PluralUnit && (T(k - 1).Keyword == TimeKeyword.A || IsWordAt(k - 1, "an") || IsWordAt(k - 1, "one"))
            && !CalendarDayLookup.Contains(_text.AsSpan(T(k).Start, T(k).End - T(k).Start));
        return modifier && (unit.Word.PluralUnit || single) ? k + 1 : k;
    }

    // Days of a calendar that counts only some of them: "eight trading days" is eight days, as TimeML values it.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CalendarDayLookup = new[]
    {
        "trading", "business", "working",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CountModifierLookup = new[]
    {
        "additional", "extra", "further", "full", "straight", "consecutive", "successive", "trading", "business", "working",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A set's quantifier as written (TimeML 1.2.1 §2.2.3, <c>quant</c>): <c>each year</c> is <c>EACH</c>, <c>every year</c>
    /// <c>EVERY</c>.
    /// </summary>
    private string QuantifierOf(int i) => IsKw(i, TimeKeyword.Each) ? "EACH" : "EVERY";

    /// <summary>
    /// <c>the decade</c> after a preposition (<c>by the end of the decade</c>, <c>in the decade</c>) is the decade the text is
    /// about, as <c>the year</c> is its year; only under TimeML (TIMEX2 histories keep their own reading).
    /// </summary>
    private bool TheDecade(int u) => _options.Guidelines == TimexGuidelines.TimeMl && T(u).Word.UnitValue == TimeUnit.Decade;
    /// <summary>
    /// <c>last</c> right after a modal is the verb (<c>the slump could last two more years</c>, <c>will last three weeks</c>):
    /// what follows is a duration, not <c>the last two years</c> counted back from the writer.
    /// </summary>
    private bool LastAsVerb(int i) => Kw(i) == TimeKeyword.Last && T(i - 1).IsWord
        && ModalLookup.Contains(_text.AsSpan(T(i - 1).Start, T(i - 1).End - T(i - 1).Start));

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ModalLookup = new[]
    {
        "will", "would", "could", "can", "cannot", "may", "might", "should", "must", "shall", "did", "does", "do", "won't", "wouldn't", "couldn't",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    /// <summary>
    /// <c>could</c> before a bare verb, short of the expression at <paramref name="i"/> (<c>said the storm could reach the coast
    /// by Thursday evening</c>, <c>a ruling could come Friday</c>): a possibility reported as still to come. <c>could have</c>,
    /// <c>could not</c> and <c>could be</c> keep the past of <c>can</c> (<c>could not attend Monday</c>, <c>could be located
    /// Wednesday</c>: TBAQ AQUAINT fell .7868 → .7851 with <c>be</c> counted).
    /// </summary>
    private bool CouldOfWhatIsToCome(int k, int i) => k + 1 < i && IsWordAt(k, "could") && IsLowerWord(k + 1)
        && !IsWordAt(k + 1, "have") && !IsWordAt(k + 1, "be") && !IsWordAt(k + 1, "not") && !IsWordAt(k + 1, "never") && !IsWordAt(k + 1, "only")
        && !(IsPunct(k + 1, '\'') || IsPunct(k + 1, '’'));
    /// <summary>
    /// <c>the next year</c>, <c>the next month</c>, <c>the next week</c> in a clause about the future (<c>will be closed over the
    /// next year</c>, <c>expect unemployment to keep rising over the next year</c>) count from the writer, as <c>next year</c>
    /// does, not from the story's last date (<c>mid-1983</c> in the clause before). TimeML only; <paramref name="first"/> is
    /// the article, <paramref name="j"/> the <c>next</c>.
    /// </summary>
    private bool NextAfterTheWriter(int first, int j) => _options.Guidelines == TimexGuidelines.TimeMl && first != j && Kw(j) == TimeKeyword.Next
        && T(j + 1).IsWord && !T(j + 1).Word.PluralUnit && T(j + 1).Keyword != TimeKeyword.Weekend
        && T(j + 1).Word.Unit is (byte)(TimeUnit.Week + 1) or (byte)(TimeUnit.Month + 1) or (byte)(TimeUnit.Year + 1)
        && TenseBefore(first) > 0;
    /// <summary>
    /// Verbs of expectation in the present (<c>economists expect unemployment to keep rising over the next year</c>, <c>the
    /// agency forecasts a surplus in May</c>): what they are about lies ahead of the report.
    /// </summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ExpectationVerbLookup = new[]
    {
        "expect", "expects", "forecast", "forecasts", "predict", "predicts", "anticipate", "anticipates",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary><c>the fiscal year that ended in March</c>: a report period up to a date, as <c>the fiscal year ended March 31</c> is (<c>P1Y</c>).</summary>
    private bool ThatEnded(int k) =>
        (IsWordAt(k, "that") || IsWordAt(k, "which")) && (IsWordAt(k + 1, "ended") || IsWordAt(k + 1, "ends") || IsWordAt(k + 1, "ending"));

    /// <summary>
    /// <c>in the fall</c>, <c>by the fall</c> (TimeML, not in a past clause): the season, which American wire copy names so;
    /// <c>the fall of</c> is a collapse, and a past clause (<c>was injured in the fall</c>) more often means a tumble.
    /// </summary>
    private bool FallAsSeason(int first, int seasonToken) =>
        _options.Guidelines == TimexGuidelines.TimeMl && first < seasonToken && Kw(first) == TimeKeyword.The
        && Kw(first - 1) is TimeKeyword.In or TimeKeyword.During or TimeKeyword.By or TimeKeyword.Until
        && !IsKw(seasonToken + 1, TimeKeyword.Of) && TenseBefore(first) >= 0;

    /// <summary>
    /// <c>this past weekend</c>, <c>this past week</c>, <c>the past weekend</c> (at <paramref name="past"/>): the one just
    /// gone, as <c>last weekend</c> is, the whole phrase one expression; -1 when no single unit follows.
    /// </summary>
    private int ThisPast(int first, int past)
    {
        var unit = T(past + 1);
        // "this past spring": the season of the writer's year, as "this spring" is (a report written after it).
        if (unit.IsWord && unit.Word.Season != 0 && !unit.Word.PluralUnit && Kw(first) == TimeKeyword.This)
        {
            int season = unit.Word.Season;
            return Shifted(first, past + 2, TimeUnit.Year, 0, true, v => v with { Season = season, Granularity = TimeGranularity.Season });
        }
        if (!unit.IsWord || unit.Word.Unit == 0 || unit.Word.PluralUnit || unit.Word.UnitValue is TimeUnit.Second or TimeUnit.Minute or TimeUnit.Hour) return -1;
        if (unit.Keyword == TimeKeyword.Weekend)
            return Shifted(first, past + 2, TimeUnit.Week, -1, true, value => value with { Weekday = null, PartOfDay = "WE" });
        return Kw(first) == TimeKeyword.This ? Shifted(first, past + 2, unit.Word.UnitValue, -1, true) : -1;
    }

    /// <summary>
    /// <c>of last year</c>, <c>of next year</c> after a quarter or half (<c>the second half of last year</c>): one expression,
    /// the year counted from the writer; the index after it (and the year's step), or -1.
    /// </summary>
    private int OfAYearAway(int i, out int shift)
    {
        shift = 0;
        if (!IsKw(i, TimeKeyword.Of) || Kw(i + 1) is not (TimeKeyword.Last or TimeKeyword.Next)) return -1;
        var unit = T(i + 2);
        if (!unit.IsWord || unit.Word.Unit != (byte)(TimeUnit.Year + 1) || unit.Word.PluralUnit) return -1;
        shift = Kw(i + 1) == TimeKeyword.Last ? -1 : 1;
        return i + 3;
    }

    private int EmitPeriodOfAYearAway(int first, int end, bool quarter, int ordinal, int shift)
    {
        var value = quarter
            ? new TimeValue { Type = TimexType.Date, Quarter = ordinal, Granularity = TimeGranularity.Quarter }
            : new TimeValue { Type = TimexType.Date, Half = ordinal, Granularity = TimeGranularity.Half };
        Emit(new TimexCandidate { Start = StartOf(first), End = EndOf(end - 1), Value = value, Need = AnchorNeed.Shift, ShiftUnit = TimeUnit.Year, Shift = shift, Deictic = true });
        return end;
    }

    /// <summary><c>some 50 years</c>, <c>some two hours</c>: <c>some</c> before a count and its unit is an approximation inside the expression, as <c>about</c> is.</summary>
    private bool SomeBeforeCount(int i) =>
        (IsNumber(i + 1) || T(i + 1).IsWord && T(i + 1).Word.Number > 1) && T(i + 2).IsWord && T(i + 2).Word.Unit != 0 && T(i + 2).Word.PluralUnit;

    /// <summary>
    /// <c>to</c> and a larger whole count after a count (<c>two to three weeks</c>, <c>12 to 18 months</c>): one span of a
    /// number not known, as <c>a few weeks</c> is. A smaller second count is not a range (<c>cut from five to three years</c>).
    /// TimeML only: TIMEX2 (WikiWars) marks the two counts apart. Always true, so it can sit in a condition.
    /// </summary>
    private bool AfterCountRange(ref double? amount, ref int afterQuantity)
    {
        if (_options.Guidelines == TimexGuidelines.TimeMl && CountRange(amount, afterQuantity, out int afterRange))
        {
            amount = null;
            afterQuantity = afterRange;
        }
        return true;
    }

    private bool CountRange(double? low, int afterLow, out int next)
    {
        next = afterLow;
        if (low is not { } a || a != Math.Floor(a) || !IsWordAt(afterLow, "to")) return false;
        if (!TryQuantity(afterLow + 1, out double? high, out int afterHigh) || high is not { } b || b != Math.Floor(b) || b <= a) return false;
        if (!TryUnit(SkipCountModifier(afterHigh), out _, out bool plural, out _) || !plural) return false;
        next = afterHigh;
        return true;
    }
}
