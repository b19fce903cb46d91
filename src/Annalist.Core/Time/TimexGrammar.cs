namespace Annalist.Core.Time;

/// <summary>
/// The hand-written recognizer: walks the tokens once, and at each token tries the constructions in a
/// fixed order (longest first within each), dispatching on the word's lexicon entry rather than on
/// characters. Finds expressions and their stated parts; anchoring is left to <see cref="TimexResolver"/>.
/// </summary>
internal sealed partial class TimexGrammar
{
    private readonly string _text;
    private readonly List<ScanToken> _tokens;
    private readonly List<TimexCandidate> _output;
    private readonly TimexOptions _options;

    private TimexGrammar(string text, List<ScanToken> tokens, List<TimexCandidate> output, TimexOptions options)
    {
        _text = text;
        _tokens = tokens;
        _output = output;
        _options = options;
    }

    public static void Recognize(string text, List<ScanToken> tokens, List<TimexCandidate> output, TimexOptions options)
    {
        var grammar = new TimexGrammar(text, tokens, output, options);
        int i = 0;
        while (i < tokens.Count)
        {
            int next = grammar.MatchAt(i);
            i = next > i ? next : i + 1;
        }
        CarryYearBack(text, output);
        JoinYearsQuarter(text, output);
        grammar.DropFractions();
        grammar.MarkFutureMonths();
    }

    /// <summary>
    /// Gives a month or holiday written without a year the tense of its clause (<c>payable Jan. 2</c>), and
    /// so a dated expression (<c>a campaign planned for 1976</c>), which then does not move the story.
    /// </summary>
    private void MarkFutureMonths()
    {
        int t = 0;
        foreach (var candidate in _output)
        {
            bool undated = candidate.Need == AnchorNeed.Fill && candidate.Value.Year is null && (candidate.Value.Month is not null || candidate.Holiday is not null || IsReportPeriod(candidate.Value));
            bool dated = candidate.Need == AnchorNeed.None && candidate.Value.Year is not null && candidate.Value.IsPoint;
            if (!(undated || dated) || candidate.Tense != 0) continue;
            while (t < _tokens.Count && _tokens[t].Start < candidate.Start) t++;
            if (t < _tokens.Count && _tokens[t].Start == candidate.Start) candidate.Tense = TenseBefore(t);
            if (candidate.Tense < 0 && undated && PastVerbJustBefore(t)) candidate.Tense = -2;
        }
    }

    /// <summary>
    /// The first end of a range across months takes the year written after the second:
    /// <c>14 October - 25 November 1952</c>, <c>July-November 1954</c>, <c>between March and June 1955</c>
    /// (a year earlier when its month comes later, as in <c>December-February 1940</c>).
    /// </summary>
    private static void CarryYearBack(string text, List<TimexCandidate> output)
    {
        for (int k = 0; k + 1 < output.Count; k++)
        {
            var first = output[k];
            var second = output[k + 1];
            if (first.Need != AnchorNeed.Fill || first.Holiday is not null || first.Value.Year is not null || first.Value.Month is not { } month) continue;
            if (second.Need != AnchorNeed.None || second.Value.Year is not { } year || second.Value.Month is not { } secondMonth || second.Start < first.End) continue;
            if (!IsRangeJoint(text.AsSpan(first.End, second.Start - first.End))) continue;
            int carried = month <= secondMonth ? year : year == 1 ? -1 : year - 1;
            first.Value = first.Value with { Year = carried };
            first.Need = AnchorNeed.None;
        }
    }

    private static bool IsRangeJoint(ReadOnlySpan<char> between)
    {
        var joint = between.Trim();
        if (joint.Length == 1) return TimexTokenizer.IsDash(joint[0]);
        return joint.Equals("to", StringComparison.OrdinalIgnoreCase) || joint.Equals("until", StringComparison.OrdinalIgnoreCase)
            || joint.Equals("till", StringComparison.OrdinalIgnoreCase) || joint.Equals("through", StringComparison.OrdinalIgnoreCase)
            || joint.Equals("and", StringComparison.OrdinalIgnoreCase) || joint.Equals("or", StringComparison.OrdinalIgnoreCase);
    }

    // ---- token helpers -------------------------------------------------------------------------

    private int Count => _tokens.Count;

    private ScanToken T(int i) => (uint)i < (uint)_tokens.Count ? _tokens[i] : default;

    private TimeKeyword Kw(int i) => (uint)i < (uint)_tokens.Count ? _tokens[i].Keyword : TimeKeyword.None;

    private bool IsKw(int i, TimeKeyword keyword) => Kw(i) == keyword;

    private bool IsPunct(int i, char c) => (uint)i < (uint)_tokens.Count && _tokens[i].Class == ScanTokenClass.Punctuation && _tokens[i].Value == c;

    private bool IsDash(int i) => (uint)i < (uint)_tokens.Count && _tokens[i].Class == ScanTokenClass.Punctuation && TimexTokenizer.IsDash((char)_tokens[i].Value);

    private bool IsApostrophe(int i) => (uint)i < (uint)_tokens.Count && _tokens[i].Class == ScanTokenClass.Punctuation && TimexTokenizer.IsApostrophe((char)_tokens[i].Value);

    private bool Adjacent(int a, int b) => (uint)b < (uint)_tokens.Count && (uint)a < (uint)_tokens.Count && _tokens[a].End == _tokens[b].Start;

    private bool IsNumber(int i) => (uint)i < (uint)_tokens.Count && _tokens[i].IsNumber && _tokens[i].Value >= 0 && !_tokens[i].HasSeparator;

    private int Num(int i) => _tokens[i].Value;

    private int Digits(int i) => _tokens[i].Digits;

    private bool IsCapitalizedWord(int i) => (uint)i < (uint)_tokens.Count && _tokens[i].IsWord && _tokens[i].Capitalized;

    private bool IsLowerWord(int i) => (uint)i < (uint)_tokens.Count && _tokens[i].IsWord && !_tokens[i].Capitalized;

    private int StartOf(int i) => _tokens[i].Start;

    private int EndOf(int i) => _tokens[i].End;

    /// <summary>Skips an abbreviation's period directly after token <paramref name="i"/>.</summary>
    private int SkipPeriod(int i) => IsPunct(i + 1, '.') && Adjacent(i, i + 1) ? i + 1 : i;

    private int SkipComma(int i) => IsPunct(i, ',') ? i + 1 : i;

    private bool IsMonth(int i) =>
        (uint)i < (uint)_tokens.Count && _tokens[i].IsWord && _tokens[i].Word.Month != 0 && _tokens[i].Capitalized
        && (_tokens[i].End - _tokens[i].Start >= 3);

    private int MonthOf(int i) => _tokens[i].Word.Month;

    private bool IsAbbreviatedMonth(int i) => IsMonth(i) && MonthOf(i) != 5 && (_tokens[i].End - _tokens[i].Start <= 3 || (_tokens[i].End - _tokens[i].Start == 4 && MonthOf(i) == 9));

    private bool IsWeekday(int i) => (uint)i < (uint)_tokens.Count && _tokens[i].IsWord && _tokens[i].Word.Weekday != 0 && _tokens[i].Capitalized;

    private void Emit(TimexCandidate candidate) => _output.Add(candidate);

    /// <summary>
    /// +1 when a future cue (<c>will</c>, <c>would</c>, <c>scheduled</c>, <c>payable</c>) comes earlier in
    /// the clause, -1 when a verb in the past (<c>said</c>, <c>announced</c>) comes nearer, else 0: in
    /// <c>they would appeal the ruling announced Wednesday</c>, Wednesday is past. A weekday of the
    /// future lies after the document date, one of the past before it.
    /// </summary>
    private int TenseBefore(int i)
    {
        if (_options.Guidelines == TimexGuidelines.TimeMl && DeferredUntil(i)) return 1;
        if (IsKw(i - 1, TimeKeyword.Since)) return -1;
        for (int k = i - 1; k >= 0 && k >= i - 8; k--)
        {
            var token = T(k);
            if (token.Class == ScanTokenClass.Punctuation && token.Value is '.' or ';' or '!' or '?' or '"' or '“' or '”') return 0;
            if (!token.IsWord) continue;
            var word = _text.AsSpan(token.Start, token.End - token.Start);
            if (IsFutureCue(word))
            {
                // "had been scheduled to expire Friday", "as previously planned": a plan that lies in the past.
                for (int b = k - 1; b >= 0 && b >= k - 3; b--)
                {
                    if (IsWordAt(b, "had") || IsWordAt(b, "was") || IsWordAt(b, "were") || IsWordAt(b, "previously") || IsWordAt(b, "originally")) return -1;
                }
                return 1;
            }
            // "set to resume Monday", "is to meet Tuesday", "as early as Tuesday".
            if (IsWordAt(k + 1, "to") && k + 1 < i && (word.Equals("set", StringComparison.OrdinalIgnoreCase) || word.Equals("is", StringComparison.OrdinalIgnoreCase)
                || word.Equals("are", StringComparison.OrdinalIgnoreCase)))
                return 1;
            if (word.Equals("early", StringComparison.OrdinalIgnoreCase) && IsWordAt(k - 1, "as") && IsWordAt(k + 1, "as")) return 1;
            if (IntentionBefore(k) && k + 1 < i) return 1;
            if (CouldOfWhatIsToCome(k, i) || ExpectationVerbLookup.Contains(word)) return 1;
            if (!token.Capitalized && TimeLexicon.IsPastForm(word)) return FutureCueJustBefore(k) ? 1 : -1;
            // A past form ends the search, unless a passive "be" makes it part of what follows "will".
            if (!token.Capitalized && word.Length >= 5 && word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("eed", StringComparison.Ordinal)
                && !IsWordAt(k - 1, "be") && !IsWordAt(k - 2, "be") && !AdjectiveAfterDeterminer(k))
                return FutureCueJustBefore(k) ? 1 : -1;
        }
        return 0;
    }

    private static bool IsFutureCue(ReadOnlySpan<char> word) =>
        word.Equals("will", StringComparison.OrdinalIgnoreCase) || word.Equals("shall", StringComparison.OrdinalIgnoreCase)
        || word.Equals("ll", StringComparison.OrdinalIgnoreCase) || word.Equals("scheduled", StringComparison.OrdinalIgnoreCase)
        || word.Equals("planned", StringComparison.OrdinalIgnoreCase) || word.Equals("plans", StringComparison.OrdinalIgnoreCase)
        || word.Equals("expected", StringComparison.OrdinalIgnoreCase) || word.Equals("soon", StringComparison.OrdinalIgnoreCase)
        || word.Equals("would", StringComparison.OrdinalIgnoreCase) || word.Equals("going", StringComparison.OrdinalIgnoreCase)
        || word.Equals("due", StringComparison.OrdinalIgnoreCase) || word.Equals("payable", StringComparison.OrdinalIgnoreCase)
        || word.Equals("effective", StringComparison.OrdinalIgnoreCase);

    private bool IsWordAt(int i, string word) =>
        (uint)i < (uint)_tokens.Count && _tokens[i].IsWord && _text.AsSpan(_tokens[i].Start, _tokens[i].End - _tokens[i].Start).Equals(word, StringComparison.OrdinalIgnoreCase);

    // ---- entry ---------------------------------------------------------------------------------

    private int MatchAt(int i)
    {
        var token = T(i);
        if (token.Class == ScanTokenClass.Punctuation) return -1;
        if (_options.Guidelines == TimexGuidelines.Timex2)
        {
            int timex2 = MatchTimex2Only(i);
            if (timex2 > i) return timex2;
        }
        if (MatchHistoryPeriod(i) is var period && period > i) return period;
        int vague = MatchVagueSpan(i);
        if (vague > i) return vague;
        // year-ago, year-earlier [quarter|period] without an article: the reported quarter a year before.
        if (Kw(i) == TimeKeyword.Year && (!IsKw(i - 1, TimeKeyword.The) || YearAgoBeforeItsNoun(i)) && IsDash(i + 1) && Adjacent(i, i + 1) && Kw(i + 2) is TimeKeyword.Ago or TimeKeyword.Earlier
            && Adjacent(i + 1, i + 2) && !IsNumber(i - 1))
        {
            int after = i + 3;
            if (T(after).IsWord && (T(after).Word.Unit == (byte)(TimeUnit.Quarter + 1) && !T(after).Word.PluralUnit || IsWordAt(after, "period"))) after++;
            return ReportQuarter(i, after, null, -1);
        }

        // Modifiers that extend an expression to the left.
        var modifier = TimeModifier.None;
        int core = i;
        if (TryApproximation(i, out var approx, out int afterApprox))
        {
            modifier = approx;
            core = afterApprox;
        }
        int position = TryPosition(core, out var positional);
        if (position > core)
        {
            int matched = MatchCore(position, out var inner);
            if (matched > position && inner is not null && inner.Value.IsPoint)
            {
                inner.Value = inner.Value with { Modifier = positional };
                Extend(inner, StartOf(i), modifier);
                return matched;
            }
        }
        int end = MatchCore(core, out var candidate);
        if (end > core && candidate is not null)
        {
            if (core > i) Extend(candidate, StartOf(i), modifier);
            return end;
        }
        return -1;
    }

    private void Extend(TimexCandidate candidate, int start, TimeModifier modifier)
    {
        int index = _output.IndexOf(candidate);
        var extended = new TimexCandidate
        {
            Start = start,
            End = candidate.End,
            Value = modifier == TimeModifier.None ? candidate.Value : candidate.Value with { Modifier = modifier },
            Need = candidate.Need,
            ShiftUnit = candidate.ShiftUnit,
            Shift = candidate.Shift,
            Deictic = candidate.Deictic,
            TwoDigitYear = candidate.TwoDigitYear,
            EraOpen = candidate.EraOpen,
            EventOffset = candidate.EventOffset,
        };
        if (index >= 0) _output[index] = extended;
    }

    private bool TryApproximation(int i, out TimeModifier modifier, out int next)
    {
        modifier = TimeModifier.None;
        next = i;
        switch (Kw(i))
        {
            case TimeKeyword.Approximately:
                // "c." and "ca." need their period; "about" and "around" stand alone.
                var word = _text.AsSpan(StartOf(i), EndOf(i) - StartOf(i));
                if (word.Length <= 2 && !IsPunct(i + 1, '.')) return false;
                modifier = TimeModifier.Approximate;
                next = word.Length <= 2 ? i + 2 : SkipPeriod(i) + 1;
                return true;
            case TimeKeyword.Some when SomeBeforeCount(i):
                modifier = TimeModifier.Approximate;
                next = i + 1;
                return true;
            case TimeKeyword.Nearly or TimeKeyword.Almost:
                modifier = TimeModifier.LessThan;
                next = i + 1;
                return true;
            case TimeKeyword.More or TimeKeyword.Less when IsKw(i + 1, TimeKeyword.Than):
                modifier = Kw(i) == TimeKeyword.More ? TimeModifier.MoreThan : TimeModifier.LessThan;
                next = i + 2;
                return true;
            case TimeKeyword.At when IsKw(i + 1, TimeKeyword.Least):
                modifier = TimeModifier.EqualOrMore;
                next = i + 2;
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>early</c>, <c>late</c>, <c>mid-</c>, <c>the end of</c>, <c>the beginning of</c>, <c>the middle of</c>.</summary>
    private int TryPosition(int i, out TimeModifier modifier)
    {
        modifier = TimeModifier.None;
        int j = i;
        bool article = IsKw(j, TimeKeyword.The);
        if (article) j++;
        switch (Kw(j))
        {
            case TimeKeyword.Early when !article || DecadeAfter(j):
                modifier = TimeModifier.Start;
                return IsDash(j + 1) ? j + 2 : IsKw(j + 1, TimeKeyword.In) ? j + 2 : j + 1;
            case TimeKeyword.Late when !article || DecadeAfter(j):
                modifier = TimeModifier.End;
                return IsDash(j + 1) ? j + 2 : IsKw(j + 1, TimeKeyword.In) ? j + 2 : j + 1;
            case TimeKeyword.Mid when !article || DecadeAfter(j):
                modifier = TimeModifier.Mid;
                return IsDash(j + 1) ? j + 2 : j + 1;
            case TimeKeyword.End or TimeKeyword.Beginning or TimeKeyword.Start or TimeKeyword.Middle when article && IsKw(j + 1, TimeKeyword.Of):
                modifier = Kw(j) switch
                {
                    TimeKeyword.End => TimeModifier.End,
                    TimeKeyword.Middle => TimeModifier.Mid,
                    _ => TimeModifier.Start,
                };
                return j + 2;
            default:
                return i;
        }
    }

    private int MatchCore(int i, out TimexCandidate? candidate)
    {
        candidate = null;
        int before = _output.Count;
        int end = MatchCoreInner(i);
        if (end > i && _output.Count > before)
        {
            candidate = _output[^1];
            return end;
        }
        if (_output.Count > before) _output.RemoveRange(before, _output.Count - before);
        return -1;
    }

    private int MatchCoreInner(int i)
    {
        var token = T(i);
        if (token.IsNumber) return MatchNumberLed(i);
        if (!token.IsWord) return -1;
        var word = token.Word;
        if (word.PartOfDay is >= 1 and <= 4 && MatchPositionedPartOfDay(i) is > 0 and int partOfDay) return partOfDay;
        if (IsMonth(i))
        {
            int end = MatchMonthLed(i);
            if (end > i) return end;
        }
        if (IsWeekday(i)) return MatchWeekday(i);
        if (word.Holiday != 0 && token.Capitalized)
        {
            int end = MatchHoliday(i, (Holiday)(word.Holiday - 1));
            if (end > i) return end;
        }
        if (word.Keyword == TimeKeyword.New && MatchTheNewYear(i) is var newYear and > 0) return newYear;
        if (word.Keyword == TimeKeyword.New && token.Capitalized && T(i + 1).Keyword == TimeKeyword.Year && T(i + 1).Capitalized
            && IsApostrophe(i + 2) && IsKw(i + 3, TimeKeyword.S) && (IsKw(i + 4, TimeKeyword.Day) || IsKw(i + 4, TimeKeyword.Eve)) && T(i + 4).Capitalized)
        {
            int end = MatchHoliday(i, IsKw(i + 4, TimeKeyword.Eve) ? Holiday.NewYear : Holiday.NewYear, i + 5, eve: IsKw(i + 4, TimeKeyword.Eve));
            if (end > i) return end;
        }
        if (word.Number is >= 3 and <= 21)
        {
            int end = MatchSpokenYear(i);
            if (end > i) return end;
        }
        if (word.Season != 0)
        {
            int end = MatchSeason(i, i);
            if (end > i) return end;
            end = MatchSeasonBeforeNoun(i);
            if (end > i) return end;
        }
        // "daily" and "weekly" are sets before a noun too ("a daily rally"); "quarterly" and "annual" there name reports and dividends.
        if (word.SetUnit != 0 && (!(T(i + 1).IsWord && !T(i + 1).Capitalized && !T(i + 1).Word.FunctionWord)
                || (TimeUnit)(word.SetUnit - 1) is TimeUnit.Day or TimeUnit.Week or TimeUnit.Hour or TimeUnit.Month && T(i + 1).Word.Unit == 0))
        {
            Emit(new TimexCandidate
            {
                Start = token.Start,
                End = token.End,
                Value = new TimeValue { Type = TimexType.Set, Amount = 1, Unit = (TimeUnit)(word.SetUnit - 1) },
            });
            return i + 1;
        }
        if (word.Ordinal is >= 1 and <= 4)
        {
            int end = MatchQuarterOrHalf(i, i);
            if (end > i) return end;
        }
        if (word.Number != 0 || word.Keyword is TimeKeyword.A or TimeKeyword.Several or TimeKeyword.Few or TimeKeyword.Couple
                or TimeKeyword.Half or TimeKeyword.Many or TimeKeyword.Some)
        {
            int end = MatchQuantityLed(i);
            if (end > i) return end;
            if (word.Number != 0)
            {
                end = MatchClockWords(i);
                if (end > i) return end;
            }
        }
        if (word.PluralUnit && word.Unit != 0 && Kw(i - 1) is TimeKeyword.For or TimeKeyword.Within or TimeKeyword.Over
                && word.Keyword != TimeKeyword.Weekend && word.UnitValue is not (TimeUnit.Second or TimeUnit.Minute))
        {
            Emit(new TimexCandidate { Start = token.Start, End = token.End, Value = TimeValue.FromDuration(null, word.UnitValue) });
            return i + 1;
        }
        if (word.Unit != 0 && word.UnitValue == TimeUnit.Month && MatchUnitEnd(i) is var monthEnd and > 0) return monthEnd;
        return word.Keyword switch
        {
            TimeKeyword.Year when MatchUnitEnd(i) is var yearEnd and > 0 => yearEnd,
            TimeKeyword.The => MatchThe(i),
            TimeKeyword.This or TimeKeyword.Last or TimeKeyword.Next or TimeKeyword.Coming or TimeKeyword.Past
                or TimeKeyword.That or TimeKeyword.These or TimeKeyword.Those => QuotedTitle(i) || LastAsVerb(i) ? -1 : MatchDeterminer(i, i),
            TimeKeyword.Earlier or TimeKeyword.Later => MatchEarlierLater(i),
            TimeKeyword.Every or TimeKeyword.Each => MatchEvery(i),
            TimeKeyword.Once or TimeKeyword.Twice or TimeKeyword.Thrice => MatchFrequency(i, i + 1, Kw(i) switch
            {
                TimeKeyword.Once => 1,
                TimeKeyword.Twice => 2,
                _ => 3,
            }),
            TimeKeyword.Now => MatchNow(i),
            TimeKeyword.Right when IsKw(i + 1, TimeKeyword.Now) => Reference(i, i + 2, TimeReference.Present),
            TimeKeyword.Today or TimeKeyword.Yesterday or TimeKeyword.Tomorrow or TimeKeyword.Tonight => MatchTodayLike(i),
            TimeKeyword.Currently or TimeKeyword.Nowadays => Reference(i, i + 1, TimeReference.Present),
            TimeKeyword.Recently when IntroducesDate(i) => -1,
            TimeKeyword.Recently or TimeKeyword.Lately or TimeKeyword.Formerly => Reference(i, i + 1, TimeReference.Past),
            TimeKeyword.Present when IsKw(i - 1, TimeKeyword.At) => Reference(i, i + 1, TimeReference.Present),
            TimeKeyword.Noon or TimeKeyword.Midnight => MatchNoon(i),
            TimeKeyword.Ad when IsNumber(i + 1) => MatchYearAfterEra(i),
            _ => -1,
        };
    }

    // ---- numbers: years, numeric dates, days, clock times, durations ----------------------------

    private int MatchNumberLed(int i)
    {
        if (T(i).HasSeparator || T(i).Value < 0)
        {
            return MatchQuantityLed(i);
        }
        int value = Num(i);
        int digits = Digits(i);

        int apostrophe = MatchApostropheYear(i);
        if (apostrophe > i) return apostrophe;

        // ISO 1944-01-07 and numeric dates 7/1/44, 7.1.1944, 7.I.1944.
        int numeric = MatchNumericDate(i);
        if (numeric > i) return numeric;

        // Clock: 23:00, 11pm, 11 p.m., 23 o'clock, 3 in the morning (after "at").
        int clock = MatchClock(i);
        if (clock > i) return clock;

        // Ordinal day or century: 14th, 19th century.
        if (IsKw(i + 1, TimeKeyword.Th) && Adjacent(i, i + 1))
        {
            int end = MatchOrdinalLed(i, i, value, i + 2);
            if (end > i) return end;
            return -1;
        }

        // Day-first range: 7–14 January 1944 (the first day takes the month and year of the second).
        if (digits <= 2 && value is >= 1 and <= 31 && (IsDash(i + 1) || Kw(i + 1) is TimeKeyword.To or TimeKeyword.And or TimeKeyword.Through)
            && IsNumber(i + 2) && Digits(i + 2) <= 2 && Num(i + 2) is >= 1 and <= 31 && IsMonth(i + 3))
        {
            int before = _output.Count;
            int end = MatchDayMonth(i + 2, i + 2, Num(i + 2), i + 3);
            if (end > i + 2 && _output.Count == before + 1)
            {
                var second = _output[^1];
                _output.Insert(before, new TimexCandidate
                {
                    Start = StartOf(i),
                    End = EndOf(i),
                    Value = second.Value with { Day = value, Type = TimexType.Date, Hour = null, Minute = null, PartOfDay = null, Granularity = TimeGranularity.Day },
                    Need = second.Need,
                });
                return end;
            }
            if (_output.Count > before) _output.RemoveRange(before, _output.Count - before);
        }

        // Day first: 7 January 1944, 7 Jan.
        if (digits <= 2 && value is >= 1 and <= 31 && IsMonth(i + 1))
        {
            int end = MatchDayMonth(i, i, value, i + 1);
            if (end > i) return end;
        }

        int eraLed = MatchEraRangeOrDecade(i);
        if (eraLed > i) return eraLed;

        // Decades: 1930s, 1990's.
        if (digits == 4 && value % 10 == 0 && ((IsKw(i + 1, TimeKeyword.S) && Adjacent(i, i + 1))
            || (IsApostrophe(i + 1) && IsKw(i + 2, TimeKeyword.S) && Adjacent(i, i + 1) && Adjacent(i + 1, i + 2))))
        {
            int end = IsKw(i + 1, TimeKeyword.S) ? i + 2 : i + 3;
            bool century = value % 100 == 0;
            Emit(new TimexCandidate
            {
                Start = StartOf(i),
                End = EndOf(end - 1),
                Value = new TimeValue { Type = TimexType.Date, Year = value, Granularity = century ? TimeGranularity.Century : TimeGranularity.Decade },
            });
            return end;
        }

        // Durations and offsets: 24 hours, 3 days later.
        int quantity = MatchQuantityLed(i);
        if (quantity > i) return quantity;

        // Years: 1944, 44 BC, 1939-45.
        return MatchYear(i);
    }

    private int MatchYear(int i)
    {
        int value = Num(i);
        int digits = Digits(i);
        int next = i + 1;
        bool bc = false, era = false;
        if (TryEra(next, out bool isBc, out int afterEra))
        {
            bc = isBc;
            era = true;
            next = afterEra;
        }
        if (value == 0 || digits > 4) return -1;
        if (!era)
        {
            if (digits != 4 || value < 1000 || value > 2199) return MatchSmallYear(i);
            if (!LooksLikeYear(i)) return -1;
        }
        int year = bc ? -value : value;
        if (!era && MatchYearBeforeSeason(i, next, year) is var yearSeason and > 0) return yearSeason;
        Emit(new TimexCandidate
        {
            Start = StartOf(FiscalYearStart(i, era)),
            End = EndOf(next - 1),
            Value = TimeValue.FromDate(year),
            UncuedYear = !era && !HasYearCue(i),
        });
        // A year range written short: 1939-45.
        if (!era && IsDash(next) && Adjacent(next - 1, next) && IsNumber(next + 1) && Adjacent(next, next + 1) && Digits(next + 1) == 2)
        {
            int second = value / 100 * 100 + Num(next + 1);
            if (second > value)
            {
                Emit(new TimexCandidate { Start = StartOf(next + 1), End = EndOf(next + 1), Value = TimeValue.FromDate(second) });
                return next + 2;
            }
        }
        return next;
    }

    /// <summary>A year of one to three digits without era: only where a BC narrative or a year word makes it one.</summary>
    private int MatchSmallYear(int i)
    {
        if (Digits(i) > 3 || Num(i) == 0) return -1;
        var before = Kw(i - 1);
        if (before is not (TimeKeyword.In or TimeKeyword.Since or TimeKeyword.Until or TimeKeyword.By or TimeKeyword.Year or TimeKeyword.Of
                or TimeKeyword.From or TimeKeyword.To or TimeKeyword.And or TimeKeyword.Early or TimeKeyword.Late or TimeKeyword.Mid or TimeKeyword.Rest))
            return -1;
        if (before is TimeKeyword.Of or TimeKeyword.To or TimeKeyword.And && T(i - 2) is { } twoBack && twoBack.Word.Season == 0 && twoBack.Word.Month == 0
            && !(twoBack.IsNumber || twoBack.Keyword is TimeKeyword.Year or TimeKeyword.Rest or TimeKeyword.End or TimeKeyword.Beginning or TimeKeyword.Between or TimeKeyword.From))
            return -1;
        var after = T(i + 1);
        if (after.IsWord && !after.Capitalized && !after.Word.FunctionWord) return -1;
        if (after.IsNumber || IsPunct(i + 1, '%')) return -1;
        Emit(new TimexCandidate { Start = StartOf(i), End = EndOf(i), Value = TimeValue.FromDate(Num(i)), EraOpen = true });
        return i + 1;
    }

    private int MatchYearAfterEra(int i)
    {
        int n = i + 1;
        if (!IsNumber(n) || Digits(n) > 4 || Num(n) == 0) return -1;
        Emit(new TimexCandidate { Start = StartOf(i), End = EndOf(n), Value = TimeValue.FromDate(Num(n)) });
        return n + 1;
    }

    private bool TryEra(int i, out bool bc, out int next)
    {
        bc = false;
        next = i;
        var keyword = Kw(i);
        if (keyword is not (TimeKeyword.Bc or TimeKeyword.Ad)) return false;
        var token = T(i);
        var word = _text.AsSpan(token.Start, token.End - token.Start);
        bool upper = word.Length > 0 && char.IsUpper(word[0]);
        if (!upper) return false;
        bc = keyword == TimeKeyword.Bc;
        next = i + 1;
        return true;
    }

    private bool StartsLine(int i)
    {
        if (i == 0) return true;
        int from = EndOf(i - 1);
        return _text.AsSpan(from, StartOf(i) - from).Contains('\n');
    }

    private bool IsPossessivePronoun(ScanToken token)
    {
        var word = _text.AsSpan(token.Start, token.End - token.Start);
        return word.Equals("my", StringComparison.OrdinalIgnoreCase) || word.Equals("your", StringComparison.OrdinalIgnoreCase) || word.Equals("our", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether what precedes the number at <paramref name="i"/> says it is a year: a preposition, a month or season, an article, a year word.</summary>
    private bool HasYearCue(int i)
    {
        if (ListedAfter(i) is int listed and >= 0) return HasYearCue(listed);
        var previous = T(i - 1);
        if (previous.IsWord && (previous.Word.Month != 0 || previous.Word.Season != 0 || previous.Word.Holiday != 0)) return true;
        if (IsPunct(i - 1, ',') && (T(i - 2).IsNumber || T(i - 2).IsWord && (T(i - 2).Word.Month != 0 || T(i - 2).Word.Weekday != 0))) return true;
        return previous.Keyword is TimeKeyword.In or TimeKeyword.Since or TimeKeyword.Until or TimeKeyword.From or TimeKeyword.To or TimeKeyword.Through
            or TimeKeyword.Between or TimeKeyword.By or TimeKeyword.During or TimeKeyword.Before or TimeKeyword.After or TimeKeyword.Of or TimeKeyword.The
            or TimeKeyword.Early or TimeKeyword.Late or TimeKeyword.Mid or TimeKeyword.Middle or TimeKeyword.End or TimeKeyword.Year or TimeKeyword.Fiscal
            or TimeKeyword.Ad or TimeKeyword.Bc;
    }

    /// <summary>The four-digit number a list or range continues to the number at <paramref name="i"/> (<c>1939 and 1944</c>, <c>1012, 1019</c>), else -1.</summary>
    private int ListedAfter(int i)
    {
        bool joined = IsKw(i - 1, TimeKeyword.And) || IsKw(i - 1, TimeKeyword.Or) || IsKw(i - 1, TimeKeyword.To) || IsPunct(i - 1, ',') || IsDash(i - 1);
        if (joined && IsNumber(i - 2) && Digits(i - 2) == 4) return i - 2;
        // "1012, 1019, and 1046"
        if (IsKw(i - 1, TimeKeyword.And) && IsPunct(i - 2, ',') && IsNumber(i - 3) && Digits(i - 3) == 4) return i - 3;
        return -1;
    }

    /// <summary>
    /// Whether a four-digit number in year range reads as a year here, not a count or a label:
    /// <c>1500 grenades</c>, <c>page 1944</c>, <c>a total of 1954</c> are no years.
    /// </summary>
    private bool LooksLikeYear(int i)
    {
        var previous = T(i - 1);
        if (previous.IsWord && previous.Word.NumberLabel) return false;
        if (StartsCountRange(i)) return false;
        if (previous.Keyword == TimeKeyword.A) return YearOfNoun(i); // "a 1000 men": an article makes it a count, "a 1996 law" a year
        if (IsPunct(i - 1, '.') && T(i - 2).IsWord && T(i - 2).Word.NumberLabel) return false;
        if (IsPunct(i - 1, '$') || IsPunct(i - 1, '#') || IsPunct(i - 1, '£') || IsPunct(i - 1, '€')) return false;
        if (IsPunct(i - 1, '.') && Adjacent(i - 1, i) && IsNumber(i - 2)) return false;
        if (previous.Keyword == TimeKeyword.Of && T(i - 2).IsWord && T(i - 2).Word.NumberLabel) return false;
        if (ListedAfter(i) is int listed and >= 0 && !LooksLikeYear(listed)) return false;
        // "the Embassy's 1171 of May 6" cites a telegram; "Napoleon's 1812 campaign" is a year.
        if (IsKw(i - 1, TimeKeyword.S) && IsApostrophe(i - 2) && !(T(i + 1).IsWord && !T(i + 1).Capitalized && !T(i + 1).Word.FunctionWord)) return false;
        // "3–1555" in a file number; "Action 1292–d".
        if (IsDash(i - 1) && Adjacent(i - 1, i) && IsNumber(i - 2) && Adjacent(i - 2, i - 1) && Digits(i - 2) <= 2) return false;
        if (IsDash(i + 1) && Adjacent(i, i + 1) && T(i + 2).IsWord && Adjacent(i + 1, i + 2) && T(i + 2).Word.Month == 0 && T(i + 2).Word.Unit == 0) return false;
        // "by 1400 Jan. 7": a 24-hour clock time before a date.
        if (Num(i) % 100 < 60 && Num(i) / 100 < 24 && T(i + 1).IsWord && T(i + 1).Word.Month != 0 && (IsNumber(i + 2) || IsPunct(i + 2, '.') && IsNumber(i + 3))) return false;
        // "1010. Although …" opening a paragraph is a telegram's serial number, "my 1412, March 17" one cited.
        if (StartsLine(i) && IsPunct(i + 1, '.') && Adjacent(i, i + 1) && T(i + 2).IsWord && T(i + 2).Capitalized && !HasYearCue(i)) return false;
        if (previous.IsWord && IsPossessivePronoun(previous) && !T(i + 1).IsWord) return false;
        var next = T(i + 1);
        if (next.IsNumber) return false;
        if (IsPunct(i + 1, '%') || (IsPunct(i + 1, '.') && Adjacent(i, i + 1) && IsNumber(i + 2))) return false;
        if (IsPunct(i + 1, ':') && IsNumber(i + 2) && Adjacent(i + 1, i + 2)) return false;
        if (next.IsWord && Adjacent(i, i + 1)) return false;
        if (YearOfNoun(i)) return true;
        if (next.IsWord && !next.Capitalized && !next.Word.FunctionWord && next.Word.Month == 0)
        {
            if (IsYearByContext(i)) return true;
            // "the 1954 election" is a year; "1500 grenades" is a count.
            var determiner = previous.Keyword;
            bool possessive = IsKw(i - 1, TimeKeyword.S) && IsApostrophe(i - 2);
            // "In 1968 support fell" is a year; "in 2000 boxes" a count: after a temporal preposition only a plural-looking word makes it one.
            if (determiner is TimeKeyword.In or TimeKeyword.Since or TimeKeyword.Until or TimeKeyword.During or TimeKeyword.Before or TimeKeyword.After or TimeKeyword.By)
            {
                var follower = _text.AsSpan(next.Start, next.End - next.Start);
                return !(follower.Length > 3 && follower[^1] is 's' && follower[^2] is not 's') && !next.Word.NumberLabel;
            }
            // "the election of 1860 triggered secession": a verb in the past after it; "of 1500 men" stays a count.
            if (determiner == TimeKeyword.Of)
            {
                var verb = _text.AsSpan(next.Start, next.End - next.Start);
                return verb.Length > 4 && verb.EndsWith("ed", StringComparison.Ordinal) || TimeLexicon.IsPastForm(verb);
            }
            // "in late 1942 went badly": a position word only ever stands before a year.
            return determiner is TimeKeyword.The or TimeKeyword.This or TimeKeyword.That or TimeKeyword.Early or TimeKeyword.Late or TimeKeyword.Mid or TimeKeyword.Fiscal || possessive
                || (previous.IsWord && previous.Word.Month != 0) || IsPunct(i - 1, ',') && T(i - 2).IsNumber;
        }
        return true;
    }

    private int MatchNumericDate(int i)
    {
        int a = Num(i);
        // ISO: 1944-01-07, 1944-01.
        if (Digits(i) == 4 && IsDash(i + 1) && Adjacent(i, i + 1) && IsNumber(i + 2) && Adjacent(i + 1, i + 2) && Digits(i + 2) == 2)
        {
            int month = Num(i + 2);
            if (month is < 1 or > 12) return -1;
            if (IsDash(i + 3) && Adjacent(i + 2, i + 3) && IsNumber(i + 4) && Adjacent(i + 3, i + 4) && Digits(i + 4) == 2)
            {
                int isoDay = Num(i + 4);
                if (isoDay is < 1 or > 31) return -1;
                int end = i + 5;
                var value = TimeValue.FromDate(a, month, isoDay);
                // ISO time part: 1944-02-22T23:00 is rare in prose; keep the date.
                Emit(new TimexCandidate { Start = StartOf(i), End = EndOf(end - 1), Value = value });
                return end;
            }
            return -1;
        }
        if (Digits(i) > 2) return -1;
        // d/m/y, d.m.y, d.I.y
        int sep = i + 1;
        if (!Adjacent(i, sep)) return -1;
        char separator = IsPunct(sep, '/') ? '/' : IsPunct(sep, '.') ? '.' : IsDash(sep) && IsNumber(sep + 1) && Digits(sep + 1) <= 2 ? '-' : '\0';
        if (separator == '\0') return -1;
        int middle = sep + 1;
        if (!Adjacent(sep, middle)) return -1;
        int b;
        bool roman = false;
        if (IsNumber(middle) && Digits(middle) <= 2) b = Num(middle);
        else if (separator == '.' && T(middle).IsWord && T(middle).Word.Roman != 0 && T(middle).Capitalized) { b = T(middle).Word.Roman; roman = true; }
        else return -1;
        int sep2 = middle + 1;
        bool hasYear = Adjacent(middle, sep2) && (separator == '-' ? IsDash(sep2) : IsPunct(sep2, separator)) && IsNumber(sep2 + 1) && Adjacent(sep2, sep2 + 1)
            && Digits(sep2 + 1) is 2 or 4;
        if (!hasYear) return -1;
        int yearToken = sep2 + 1;
        if (IsPunct(yearToken + 1, separator) && Adjacent(yearToken, yearToken + 1) && IsNumber(yearToken + 2)) return -1; // a longer number chain
        int year = Num(yearToken);
        bool twoDigits = Digits(yearToken) == 2;
        int day, monthValue;
        if (roman || separator == '.')
        {
            day = a;
            monthValue = b;
        }
        else if (_options.SlashDates == SlashDateOrder.DayFirst)
        {
            (day, monthValue) = b > 12 && a <= 12 ? (b, a) : (a, b);
        }
        else
        {
            (monthValue, day) = a > 12 && b <= 12 ? (b, a) : (a, b);
        }
        if (monthValue is < 1 or > 12 || day is < 1 or > 31) return -1;
        Emit(new TimexCandidate
        {
            Start = StartOf(i),
            End = EndOf(yearToken),
            Value = TimeValue.FromDate(twoDigits ? year : year, monthValue, day),
            TwoDigitYear = twoDigits,
        });
        return yearToken + 1;
    }

    // ---- clock times -------------------------------------------------------------------------

    private int MatchClock(int i)
    {
        int hour = Num(i);
        if (Digits(i) > 2 || hour > 24) return -1;
        int minute = 0;
        int j = i + 1;
        bool colon = false;
        if ((IsPunct(j, ':') || IsPunct(j, '.')) && Adjacent(i, j) && IsNumber(j + 1) && Adjacent(j, j + 1) && Digits(j + 1) == 2 && Num(j + 1) < 60)
        {
            if (IsPunct(j, '.') && MeridiemLength(j + 2, out _) == 0) return -1;
            colon = true;
            minute = Num(j + 1);
            j += 2;
        }
        if (MeridiemLength(j, out bool pm) is > 0 and int length)
        {
            if (hour is 0 or > 12) return -1;
            hour = pm ? hour % 12 + 12 : hour % 12;
            return EmitClock(i, j + length, hour, minute, null);
        }
        if (IsKw(j, TimeKeyword.OClock))
        {
            int end = j + 1;
            int after = TryDayPart(end, out string? part);
            if (after > end)
            {
                hour = AdjustForPart(hour, part);
                end = after;
            }
            return EmitClock(i, end, hour, minute, part);
        }
        if (colon)
        {
            int end = j;
            if ((T(j).IsWord && T(j).Word.Unit == (byte)(TimeUnit.Hour + 1) && T(j).Word.PluralUnit)) end = j + 1;
            int after = TryDayPart(end, out string? part);
            if (after > end)
            {
                hour = AdjustForPart(hour, part);
                end = after;
            }
            return EmitClock(i, end, hour, minute, part);
        }
        if (IsKw(i - 1, TimeKeyword.At) && hour is >= 1 and <= 12)
        {
            int after = TryDayPart(j, out string? part);
            if (after > j) return EmitClock(i, after, AdjustForPart(hour, part), 0, part);
        }
        return -1;
    }

    private int MatchClockWords(int i)
    {
        int hour = T(i).Word.Number - 1;
        if (hour is < 1 or > 12) return -1;
        int j = i + 1;
        if (MeridiemLength(j, out bool pm) is > 0 and int length)
        {
            hour = pm ? hour % 12 + 12 : hour % 12;
            return EmitClock(i, j + length, hour, 0, null);
        }
        if (IsKw(j, TimeKeyword.OClock))
        {
            int end = j + 1;
            int after = TryDayPart(end, out string? part);
            if (after > end)
            {
                hour = AdjustForPart(hour, part);
                end = after;
            }
            return EmitClock(i, end, hour, 0, part);
        }
        return -1;
    }

    private int MatchNoon(int i)
    {
        if (Kw(i) == TimeKeyword.Noon && IsWordAt(i - 1, "high")) return -1; // "high noon", "High Noon": a showdown or a title
        int hour = Kw(i) == TimeKeyword.Noon ? 12 : 0;
        int start = i;
        return EmitClock(start, i + 1, hour, 0, null);
    }

    /// <summary>Tokens of an a.m./p.m. mark at <paramref name="j"/>: <c>pm</c>, <c>p.m.</c> (one token) or <c>p. m.</c> (four); 0 if none.</summary>
    private int MeridiemLength(int j, out bool pm)
    {
        pm = Kw(j) == TimeKeyword.Pm;
        if (Kw(j) is TimeKeyword.Am or TimeKeyword.Pm && (T(j).End - T(j).Start > 2 || !T(j).Capitalized || _text[T(j).Start + 1] == 'M')) return 1;
        var letter = T(j);
        if (!letter.IsWord || letter.End - letter.Start != 1 || !IsPunct(j + 1, '.') || !Adjacent(j, j + 1)) return 0;
        char c = char.ToLowerInvariant(_text[letter.Start]);
        var m = T(j + 2);
        if (c is not ('a' or 'p') || !m.IsWord || m.End - m.Start != 1 || char.ToLowerInvariant(_text[m.Start]) != 'm') return 0;
        pm = c == 'p';
        return IsPunct(j + 3, '.') && Adjacent(j + 2, j + 3) ? 4 : 3;
    }

    private static int AdjustForPart(int hour, string? part) => part switch
    {
        "AF" or "EV" when hour < 12 => hour + 12,
        "NI" when hour is >= 6 and < 12 => hour + 12,
        _ => hour,
    };

    /// <summary><c>in the morning</c>, <c>in the afternoon</c>, <c>in the evening</c>, <c>at night</c>.</summary>
    private int TryDayPart(int j, out string? part)
    {
        part = null;
        if (IsKw(j, TimeKeyword.In) && IsKw(j + 1, TimeKeyword.The) && T(j + 2).Word.PartOfDay is >= 1 and <= 4)
        {
            part = PartCode(T(j + 2).Word.PartOfDay);
            return j + 3;
        }
        if (IsKw(j, TimeKeyword.At) && T(j + 1).Word.PartOfDay == 4)
        {
            part = "NI";
            return j + 2;
        }
        return j;
    }

    private static string PartCode(int part) => part switch { 1 => "MO", 2 => "AF", 3 => "EV", 4 => "NI", _ => "DT" };

    private int EmitClock(int first, int end, int hour, int minute, string? part)
    {
        if (hour == 24) hour = 0;
        var value = new TimeValue { Type = TimexType.Time, Hour = hour, Minute = minute, PartOfDay = part, Granularity = TimeGranularity.Minute };
        int start = StartOf(first);
        // A zone between the time and its day: "4 a.m. EDT Thursday", "5 p.m. EST, Nov. 6".
        int clockEnd = end;
        if (IsTimeZone(end)) end++;
        // A weekday after the time: "9 a.m. Tuesday", "noon on Thursday".
        int w = IsKw(end, TimeKeyword.On) ? end + 1 : end;
        if (IsWeekday(w) && !(IsMonth(SkipComma(w + 1)) || IsNumber(SkipComma(w + 1))))
        {
            int weekdayEnd = w + 1;
            Emit(new TimexCandidate
            {
                Start = start,
                End = EndOf(weekdayEnd - 1),
                Value = value with { Weekday = T(w).Word.Weekday },
                Need = AnchorNeed.Weekday,
                Tense = TenseBefore(first),
            });
            return weekdayEnd;
        }
        // A date after the time: "11pm on October 3, 1950".
        int k = end;
        if (IsKw(k, TimeKeyword.On) || IsPunct(k, ',') || IsMonth(k))
        {
            int before = _output.Count;
            int dateStart = IsMonth(k) ? k : k + 1;
            int dateEnd = MatchCoreInner(dateStart);
            if (dateEnd > dateStart && _output.Count == before + 1 && _output[^1].Value is { Type: TimexType.Date, Day: not null } date)
            {
                var dated = _output[^1];
                _output.RemoveAt(_output.Count - 1);
                if (dated.Need == AnchorNeed.None && !dated.TwoDigitYear)
                {
                    // Two expressions, as TimeML marks them; the time takes its day from the date after it.
                    Emit(new TimexCandidate
                    {
                        Start = start,
                        End = EndOf(end - 1),
                        Value = date with { Type = TimexType.Time, Hour = hour, Minute = minute, PartOfDay = part, Granularity = TimeGranularity.Minute, Modifier = TimeModifier.None },
                    });
                    Emit(dated);
                    return dateEnd;
                }
                Emit(new TimexCandidate
                {
                    Start = start,
                    End = dated.End,
                    Value = date with { Type = TimexType.Time, Hour = hour, Minute = minute, PartOfDay = part, Granularity = TimeGranularity.Minute },
                    Need = dated.Need,
                    TwoDigitYear = dated.TwoDigitYear,
                });
                return dateEnd;
            }
            if (_output.Count > before) _output.RemoveRange(before, _output.Count - before);
        }
        Emit(new TimexCandidate { Start = start, End = EndOf(clockEnd - 1), Value = value, Need = AnchorNeed.Fill });
        return clockEnd;
    }

    /// <summary>
    /// Spans of unstated length around the present: <c>recent years</c>, <c>the coming months</c>, <c>the weeks
    /// ahead</c> (<c>PXY</c>, <c>PXM</c>, <c>PXW</c>), and <c>the near future</c>, <c>the near term</c>, <c>the short term</c> (<c>FUTURE_REF</c>).
    /// </summary>
    private int MatchVagueSpan(int i)
    {
        int j = IsKw(i, TimeKeyword.The) ? i + 1 : i;
        if (IsWordAt(j, "recent") || IsKw(j, TimeKeyword.Coming))
        {
            var unit = T(j + 1);
            if (unit.IsWord && unit.Word.PluralUnit && unit.Word.UnitValue is TimeUnit.Day or TimeUnit.Week or TimeUnit.Month or TimeUnit.Quarter or TimeUnit.Year or TimeUnit.Decade
                && !(j > i && IsWordAt(j, "recent")))
            {
                Emit(new TimexCandidate { Start = StartOf(i), End = EndOf(j + 1), Value = TimeValue.FromDuration(null, unit.Word.UnitValue) });
                return j + 2;
            }
            return -1;
        }
        if (j == i) return -1;
        var plural = T(j);
        if (plural.IsWord && plural.Word.PluralUnit && plural.Word.UnitValue is TimeUnit.Day or TimeUnit.Week or TimeUnit.Month or TimeUnit.Year && IsWordAt(j + 1, "ahead"))
        {
            Emit(new TimexCandidate { Start = StartOf(i), End = EndOf(j + 1), Value = TimeValue.FromDuration(null, plural.Word.UnitValue) });
            return j + 2;
        }
        if (IsWordAt(j, "near") && (IsKw(j + 1, TimeKeyword.Future) || IsWordAt(j + 1, "term")) || IsWordAt(j, "short") && IsWordAt(j + 1, "term"))
            return Reference(i, j + 2, TimeReference.Future);
        return -1;
    }

    /// <summary>
    /// A year said in words, as transcripts write it: <c>nineteen ninety-six</c>, <c>nineteen hundred</c>,
    /// <c>the year two thousand</c>, <c>two thousand and one</c>.
    /// </summary>
    private int MatchSpokenYear(int i)
    {
        int lead = T(i).Word.Number - 1;
        int year, end;
        if (lead is >= 13 and <= 20 && !IsKw(i - 1, TimeKeyword.At) && TryTwoDigitWords(i + 1, out int rest, out end)) year = lead * 100 + rest;
        else if (lead == 2 && IsWordAt(i + 1, "thousand"))
        {
            year = 2000;
            end = i + 2;
            int k = IsKw(end, TimeKeyword.And) ? end + 1 : end;
            if (TryTwoDigitWords(k, out int units, out int afterUnits) || T(k).Word.Number is >= 2 and <= 10 && (units = T(k).Word.Number - 1) > 0 && (afterUnits = k + 1) > 0)
            {
                year += units;
                end = afterUnits;
            }
            else if (!(IsKw(i - 1, TimeKeyword.Year) || IsKw(i - 1, TimeKeyword.In) || IsKw(i - 1, TimeKeyword.Since) || IsKw(i - 1, TimeKeyword.By))) return -1;
        }
        else return -1;
        var follower = T(end);
        if (follower.IsWord && !follower.Capitalized && !follower.Word.FunctionWord && follower.Word.Month == 0) return -1;
        int start = IsKw(i - 1, TimeKeyword.Year) && IsKw(i - 2, TimeKeyword.The) ? i - 2 : i;
        Emit(new TimexCandidate { Start = StartOf(start), End = EndOf(end - 1), Value = TimeValue.FromDate(year) });
        return end;
    }

    /// <summary>
    /// After a month, a day or a season, a year in words as transcripts write it (<c>January nineteen ninety-four</c>,
    /// <c>the winter of nineteen ninety-five</c>): only the hundreds-and-digits form, which a count never takes.
    /// </summary>
    private bool TrySpokenYearAfterDate(int i, out int year, out int next)
    {
        year = 0;
        next = i;
        if (!T(i).IsWord || T(i).Word.Number - 1 is not (>= 13 and <= 20)) return false;
        if (!TryTwoDigitWords(i + 1, out int rest, out int end)) return false;
        year = (T(i).Word.Number - 1) * 100 + rest;
        next = end;
        return true;
    }

    /// <summary>Two digits in words: <c>ninety-six</c>, <c>ninety six</c>, <c>forty</c>, <c>eighteen</c>, or <c>hundred</c> for 00.</summary>
    private bool TryTwoDigitWords(int k, out int value, out int end)
    {
        value = 0;
        end = k;
        int n = T(k).IsWord ? T(k).Word.Number - 1 : -1;
        if (n == 100)
        {
            end = k + 1;
            return true;
        }
        if (n is >= 10 and <= 19)
        {
            value = n;
            end = k + 1;
            return true;
        }
        if (n is < 20 or > 90 || n % 10 != 0) return false;
        value = n;
        end = k + 1;
        int u = IsDash(k + 1) && Adjacent(k, k + 1) ? k + 2 : k + 1;
        if (T(u).IsWord && T(u).Word.Number - 1 is >= 1 and <= 9)
        {
            value += T(u).Word.Number - 1;
            end = u + 1;
        }
        return true;
    }

    /// <summary>A written time zone: <c>EST</c>, <c>EDT</c>, <c>GMT</c>, <c>UTC</c>, <c>CET</c>, <c>BST</c>.</summary>
    private bool IsTimeZone(int i)
    {
        var token = T(i);
        if (!token.IsWord || token.End - token.Start is < 3 or > 4) return false;
        var word = _text.AsSpan(token.Start, token.End - token.Start);
        foreach (char c in word)
        {
            if (c is < 'A' or > 'Z') return false;
        }
        return word[^1] == 'T' || word.SequenceEqual("UTC");
    }

    // ---- month-led and day-led dates ---------------------------------------------------------

    private int MatchMonthLed(int i)
    {
        int month = MonthOf(i);
        int j = IsAbbreviatedMonth(i) ? SkipPeriod(i) + 1 : i + 1;
        // Month Day[th][,] [Year] ; Month the Dth
        int dayToken = j;
        bool withThe = IsKw(j, TimeKeyword.The);
        if (withThe) dayToken = j + 1;
        if (TryDayNumber(dayToken, out int day, out int afterDay, requireSuffix: withThe) && !OrdinalBeforeNoun(dayToken, afterDay) && !(IsPunct(afterDay, ':') && Adjacent(afterDay - 1, afterDay) && IsNumber(afterDay + 1) && Adjacent(afterDay, afterDay + 1)))
        {
            if (Digits(dayToken) == 4) return -1;
            int end = afterDay;
            int? year = null;
            // An editor's correction or doubt between day and year: "January 26 [27], 1955", "July 10(?), 1955".
            bool doubted = false;
            int skip = end;
            if (IsPunct(skip, '[') && IsNumber(skip + 1) && IsPunct(skip + 2, ']')) skip += 3;
            else if (IsPunct(skip, '(') && IsPunct(skip + 1, '?') && IsPunct(skip + 2, ')')) { skip += 3; doubted = true; }
            if (skip > end && TryYearAt(SkipComma(skip), out int doubtedYear, out int afterDoubted))
            {
                var corrected = TimeValue.FromDate(doubtedYear, month, day) with { Uncertain = doubted };
                return AfterDate(i, afterDoubted, corrected, AnchorNeed.None);
            }
            int k = SkipComma(end);
            if (TryYearAt(k, out int y, out int afterYear))
            {
                year = y;
                end = afterYear;
            }
            if (year is null && IsKw(end, TimeKeyword.Of))
            {
                int ofYear = MatchOfYear(i, end + 1, month, day);
                if (ofYear > i) return ofYear;
            }
            if (year is null && Kw(end) is TimeKeyword.This or TimeKeyword.Last or TimeKeyword.Next && Kw(end + 1) == TimeKeyword.Year)
                return MatchOfYear(i, end, month, day);
            var first = new TimexCandidate
            {
                Start = StartOf(i),
                End = EndOf(end - 1),
                Value = TimeValue.FromDate(year, month, day),
                Need = year is null ? AnchorNeed.Fill : AnchorNeed.None,
            };
            // Range: January 7–14, 1944.
            if (year is null && (IsDash(end) || IsKw(end, TimeKeyword.To) || IsKw(end, TimeKeyword.Through) || IsKw(end, TimeKeyword.And))
                && TryDayNumber(end + 1, out int day2, out int afterDay2, requireSuffix: false) && !IsMonth(afterDay2) && Digits(end + 1) <= 2)
            {
                int k2 = SkipComma(afterDay2);
                int end2 = afterDay2;
                int? year2 = null;
                if (TryYearAt(k2, out int y2, out int afterYear2))
                {
                    year2 = y2;
                    end2 = afterYear2;
                }
                first.Value = TimeValue.FromDate(year2, month, day);
                var firstFixed = new TimexCandidate { Start = first.Start, End = first.End, Value = first.Value, Need = year2 is null ? AnchorNeed.Fill : AnchorNeed.None };
                Emit(firstFixed);
                int end2Final = AfterDate(end + 1, end2, TimeValue.FromDate(year2, month, day2), year2 is null ? AnchorNeed.Fill : AnchorNeed.None);
                return end2Final;
            }
            return AfterDate(i, end, first.Value, first.Need);
        }
        // Month of 1940, Month of that year, Month of the following year
        if (IsKw(j, TimeKeyword.Of))
        {
            int ofYear = MatchOfYear(i, j + 1, month, null);
            if (ofYear > i) return ofYear;
        }
        if (Kw(j) is TimeKeyword.This or TimeKeyword.Last or TimeKeyword.Next && Kw(j + 1) == TimeKeyword.Year)
            return MatchOfYear(i, j, month, null);
        // Month Year
        int m = SkipComma(j);
        if (TryYearAt(m, out int yearOnly, out int afterY) && !(IsKw(m, TimeKeyword.Ad) && m != j))
        {
            return AfterDate(i, afterY, TimeValue.FromDate(yearOnly, month), AnchorNeed.None);
        }
        // "the 1st of the month" is handled elsewhere; bare month.
        if (!LooksLikeMonthAlone(i)) return -1;
        int endMonth = IsAbbreviatedMonth(i) ? SkipPeriod(i) + 1 : i + 1;
        Emit(new TimexCandidate { Start = StartOf(i), End = EndOf(endMonth - 1), Value = TimeValue.FromDate(null, month), Need = AnchorNeed.Fill,
            ModifiesNoun = MonthModifiesNoun(i) });
        return endMonth;
    }

    /// <summary>After <c>Month [Day] of</c>: a year, or <c>that/the same/the following/the previous year</c>.</summary>
    private int MatchOfYear(int first, int k, int month, int? day)
    {
        if (TryYearAt(k, out int year, out int afterYear))
            return AfterDate(first, afterYear, TimeValue.FromDate(year, month, day), AnchorNeed.None);
        int d = IsKw(k, TimeKeyword.The) ? k + 1 : k;
        var keyword = Kw(d);
        if (keyword is not (TimeKeyword.That or TimeKeyword.This or TimeKeyword.Same or TimeKeyword.Following or TimeKeyword.Next or TimeKeyword.Previous or TimeKeyword.Preceding or TimeKeyword.Last)) return -1;
        if (Kw(d + 1) != TimeKeyword.Year) return -1;
        int shift = keyword switch
        {
            TimeKeyword.Following or TimeKeyword.Next => 1,
            TimeKeyword.Previous or TimeKeyword.Preceding or TimeKeyword.Last => -1,
            _ => 0,
        };
        var value = TimeValue.FromDate(null, month, day);
        Emit(new TimexCandidate
        {
            Start = StartOf(first),
            End = EndOf(d + 1),
            Value = value,
            Need = AnchorNeed.Shift,
            ShiftUnit = TimeUnit.Year,
            Shift = shift,
            Deictic = keyword == TimeKeyword.This || (keyword is TimeKeyword.Last or TimeKeyword.Next && k == d),
            Anaphoric = keyword is TimeKeyword.That or TimeKeyword.Same or TimeKeyword.Following or TimeKeyword.Previous or TimeKeyword.Preceding
                || keyword == TimeKeyword.Next && k != d,
        });
        return d + 2;
    }

    private bool LooksLikeMonthAlone(int i)
    {
        int month = MonthOf(i);
        var previous = Kw(i - 1);
        // "mid-August", "early-March": the position word before the dash.
        if (IsDash(i - 1) && Adjacent(i - 1, i) && Kw(i - 2) is TimeKeyword.Mid or TimeKeyword.Early or TimeKeyword.Late) previous = Kw(i - 2);
        if (month is 5 or 3 or 8)
        {
            // "May", "March" and "August" are also a verb, a verb and an adjective: need a temporal word before, or another month after a dash.
            return IsDash(i + 1) && IsMonth(i + 2) || previous is TimeKeyword.In or TimeKeyword.Since or TimeKeyword.Until or TimeKeyword.By or TimeKeyword.Early or TimeKeyword.Late
                or TimeKeyword.Mid or TimeKeyword.Of or TimeKeyword.During or TimeKeyword.Last or TimeKeyword.Next or TimeKeyword.This or TimeKeyword.From
                or TimeKeyword.Through or TimeKeyword.Before or TimeKeyword.After or TimeKeyword.To
                || T(i).Capitalized && MonthModifiesNoun(i);
        }
        if (T(i).End - T(i).Start <= 3 && !IsPunct(i + 1, '.')) return previous is TimeKeyword.In or TimeKeyword.Since or TimeKeyword.Until;
        return true;
    }

    /// <summary>A day of the month: 7, 7th, seventh, twenty-first.</summary>
    private bool TryDayNumber(int i, out int day, out int next, bool requireSuffix)
    {
        day = 0;
        next = i;
        if (IsNumber(i) && Digits(i) <= 2)
        {
            day = Num(i);
            next = i + 1;
            if (IsKw(next, TimeKeyword.Th) && Adjacent(i, next)) next++;
            else if (requireSuffix) return false;
            return day is >= 1 and <= 31;
        }
        if (T(i).IsWord && T(i).Word.Ordinal != 0)
        {
            day = T(i).Word.Ordinal;
            next = i + 1;
            return true;
        }
        if (T(i).IsWord && T(i).Word.Number is 21 or 31 && IsDash(i + 1) && T(i + 2).Word.Ordinal is >= 1 and <= 9)
        {
            day = T(i).Word.Number - 1 + T(i + 2).Word.Ordinal;
            next = i + 3;
            return day <= 31;
        }
        return false;
    }

    private bool TryYearAt(int i, out int year, out int next)
    {
        year = 0;
        next = i;
        if (IsKw(i, TimeKeyword.Ad) && IsNumber(i + 1) && Digits(i + 1) <= 4 && Num(i + 1) > 0)
        {
            year = Num(i + 1);
            next = i + 2;
            return true;
        }
        if (TrySpokenYearAfterDate(i, out year, out next)) return true;
        if (!IsNumber(i) || Digits(i) > 4 || Num(i) == 0) return false;
        if (Digits(i) == 4 || TryEra(i + 1, out _, out _))
        {
            year = Num(i);
            next = i + 1;
            if (TryEra(next, out bool bc, out int after))
            {
                if (bc) year = -year;
                next = after;
            }
            return !(IsPunct(next, ':') && Adjacent(next - 1, next) && IsNumber(next + 1) && Adjacent(next, next + 1));
        }
        return false;
    }

    private int MatchDayMonth(int first, int dayToken, int day, int monthToken)
    {
        int month = MonthOf(monthToken);
        int end = IsAbbreviatedMonth(monthToken) ? SkipPeriod(monthToken) + 1 : monthToken + 1;
        // Dual dating: 25 October (7 November) 1917.
        if (IsPunct(end, '(') && IsNumber(end + 1) && IsMonth(end + 2))
        {
            int day2 = Num(end + 1);
            int month2 = MonthOf(end + 2);
            int close = end + 3;
            int? year2 = null;
            if (TryYearAt(close, out int yInside, out int afterInside))
            {
                year2 = yInside;
                close = afterInside;
            }
            if (IsPunct(close, ')'))
            {
                int finish = close + 1;
                int? year = year2;
                if (TryYearAt(SkipComma(finish), out int yAfter, out int afterYear))
                {
                    year = yAfter;
                    finish = afterYear;
                }
                var value = TimeValue.FromDate(year, month2, day2) with { Calendar = WrittenCalendar.Dual };
                Emit(new TimexCandidate { Start = StartOf(first), End = EndOf(finish - 1), Value = value, Need = year is null ? AnchorNeed.Fill : AnchorNeed.None });
                return finish;
            }
        }
        int? yearValue = null;
        int k = SkipComma(end);
        if (TryYearAt(k, out int y, out int afterY))
        {
            yearValue = y;
            end = afterY;
        }
        return AfterDate(first, end, TimeValue.FromDate(yearValue, month, day), yearValue is null ? AnchorNeed.Fill : AnchorNeed.None);
    }

    /// <summary>
    /// What may follow a date: an Old Style or New Style mark, <c>at 11pm</c>, a clock time, and the
    /// range-start fix-up. Emits the date (or date and time) and returns the token after it.
    /// </summary>
    private int AfterDate(int first, int end, TimeValue value, AnchorNeed need)
    {
        int start = StartOf(first);
        // O.S. / (O.S.) / Old Style / N.S.
        int k = end;
        bool parenthesis = IsPunct(k, '(');
        int mark = parenthesis ? k + 1 : IsPunct(k, ',') ? k + 1 : k;
        int afterMark = -1;
        bool julian = false;
        if (IsKw(mark, TimeKeyword.OldStyle) || (IsKw(mark, TimeKeyword.Old) && IsKw(mark + 1, TimeKeyword.Style)))
        {
            julian = true;
            afterMark = IsKw(mark, TimeKeyword.OldStyle) ? mark + 1 : mark + 2;
        }
        else if (IsKw(mark, TimeKeyword.NewStyle) || (IsKw(mark, TimeKeyword.New) && IsKw(mark + 1, TimeKeyword.Style)))
        {
            afterMark = IsKw(mark, TimeKeyword.NewStyle) ? mark + 1 : mark + 2;
        }
        if (afterMark > 0 && (!parenthesis || IsPunct(afterMark, ')')))
        {
            end = parenthesis ? afterMark + 1 : afterMark;
            if (julian)
            {
                value = value with { Calendar = WrittenCalendar.Julian };
                if (value.Year is { } y && value.Month is { } m && value.Day is { } d && TimeValue.TryFromJulian(y, m, d, out var gregorian))
                    value = value.WithDate(gregorian);
            }
        }
        // "October 3, 1950 at 11pm", "March 9, 1951, 23:00", a dateline's "November 30, 1955—1 p.m.", "until May 8 1:00AM"
        // (a clock in figures needs its colon or its a.m., so one right after the date is no count).
        int at = IsPunct(end, ',') || (IsDash(end) && value.Year is not null) ? end + 1 : end;
        if (value.Day is not null && (IsKw(at, TimeKeyword.At) || at == end + 1 || at == end) && at < Count)
        {
            int clockStart = IsKw(at, TimeKeyword.At) ? at + 1 : at;
            if (clockStart != end || IsKw(at, TimeKeyword.At) || IsNumber(clockStart))
            {
                if (TryClockAt(clockStart, out int hour, out int minute, out string? part, out int clockEnd))
                {
                    Emit(new TimexCandidate
                    {
                        Start = start,
                        End = EndOf(clockEnd - 1),
                        Value = value with { Type = TimexType.Time, Hour = hour, Minute = minute, PartOfDay = part, Granularity = TimeGranularity.Minute },
                        Need = need,
                    });
                    return clockEnd;
                }
            }
        }
        Emit(new TimexCandidate { Start = start, End = EndOf(end - 1), Value = value, Need = need });
        return end;
    }

    /// <summary>
    /// <c>[early|late] morning [hours] of</c> at <paramref name="i"/>: the part of the day's token and the <c>of</c>'s, or null.
    /// </summary>
    private (int Part, int Of)? PartOfDayHoursOf(int i)
    {
        int part = Kw(i) is TimeKeyword.Early or TimeKeyword.Late ? i + 1 : i;
        if (!T(part).IsWord || T(part).Word.PartOfDay is not (>= 1 and <= 4) || T(part).Word.PluralUnit) return null;
        int of = T(part + 1).IsWord && T(part + 1).Word.Unit == (byte)(TimeUnit.Hour + 1) && T(part + 1).Word.PluralUnit ? part + 2 : part + 1;
        return IsKw(of, TimeKeyword.Of) ? (part, of) : null;
    }

    private bool TryClockAt(int i, out int hour, out int minute, out string? part, out int end)
    {
        hour = minute = 0;
        part = null;
        end = i;
        int before = _output.Count;
        int matched = IsNumber(i) ? MatchClock(i) : T(i).Word.Number != 0 ? MatchClockWords(i) : Kw(i) is TimeKeyword.Noon or TimeKeyword.Midnight ? MatchNoon(i) : -1;
        if (matched <= i || _output.Count != before + 1 || _output[^1].Value.Type != TimexType.Time)
        {
            if (_output.Count > before) _output.RemoveRange(before, _output.Count - before);
            return false;
        }
        var clock = _output[^1];
        _output.RemoveAt(_output.Count - 1);
        if (clock.Value.Day is not null) return false;
        hour = clock.Value.Hour ?? 0;
        minute = clock.Value.Minute ?? 0;
        part = clock.Value.PartOfDay;
        end = matched;
        return true;
    }

    /// <summary>After an ordinal (<c>14th</c>, <c>fourteenth</c>): a day, a day of a month, or a century.</summary>
    private int MatchOrdinalLed(int first, int ordinalToken, int ordinal, int next)
    {
        // Century: the 19th century, the nineteenth century BC.
        if (IsKw(next, TimeKeyword.Century) || (IsDash(next) && IsKw(next + 1, TimeKeyword.Century)))
        {
            int end = IsDash(next) ? next + 2 : next + 1;
            bool bc = false;
            if (TryEra(end, out bool isBc, out int afterEra))
            {
                bc = isBc;
                end = afterEra;
            }
            int startYear = bc ? -(ordinal * 100) : (ordinal - 1) * 100;
            if (ordinal is < 1 or > 30) return -1;
            var value = new TimeValue { Type = TimexType.Date, Year = startYear == 0 ? 1 : startYear, Granularity = TimeGranularity.Century };
            if (!bc) value = value with { Year = (ordinal - 1) * 100 };
            Emit(new TimexCandidate { Start = StartOf(first), End = EndOf(end - 1), Value = value });
            return end;
        }
        if (ordinal is < 1 or > 31) return -1;
        // 14th of January [1944]; 14th January; 14th of the same month; 14th of that month.
        int k = next;
        if (IsKw(k, TimeKeyword.Of)) k++;
        if (IsMonth(k)) return MatchDayMonth(first, ordinalToken, ordinal, k);
        if (IsKw(next, TimeKeyword.Of))
        {
            int det = next + 1;
            bool the = IsKw(det, TimeKeyword.The);
            int word = the ? det + 1 : det;
            var keyword = Kw(word);
            int unitToken = keyword is TimeKeyword.Same or TimeKeyword.That or TimeKeyword.This or TimeKeyword.Following or TimeKeyword.Next
                or TimeKeyword.Previous or TimeKeyword.Preceding or TimeKeyword.Last ? word + 1 : word;
            if (the && unitToken == word && T(word).Word.Unit == (byte)(TimeUnit.Month + 1)) unitToken = word;
            if (T(unitToken).Word.Unit == (byte)(TimeUnit.Month + 1) && !T(unitToken).Word.PluralUnit && (the || unitToken > word))
            {
                int shift = keyword switch
                {
                    TimeKeyword.Following or TimeKeyword.Next => 1,
                    TimeKeyword.Previous or TimeKeyword.Preceding or TimeKeyword.Last => -1,
                    _ => 0,
                };
                var value = new TimeValue { Type = TimexType.Date, Day = ordinal, Granularity = TimeGranularity.Day };
                // "the 3rd of this month", "the 5th of next month" count from the time of writing; "of the next month" from the story.
                bool deictic = keyword == TimeKeyword.This || keyword is TimeKeyword.Last or TimeKeyword.Next && !the;
                Emit(shift == 0
                    ? new TimexCandidate { Start = StartOf(first), End = EndOf(unitToken), Value = value, Need = AnchorNeed.Fill, Deictic = deictic }
                    : new TimexCandidate { Start = StartOf(first), End = EndOf(unitToken), Value = value, Need = AnchorNeed.Shift, ShiftUnit = TimeUnit.Month, Shift = shift, Deictic = deictic });
                return unitToken + 1;
            }
        }
        // A bare day: "on the 14th", "by the 3rd".
        if (first > 0 && IsKw(first, TimeKeyword.The) && Kw(first - 1) is TimeKeyword.On or TimeKeyword.By or TimeKeyword.Until or TimeKeyword.Since
                or TimeKeyword.From or TimeKeyword.To or TimeKeyword.And or TimeKeyword.Before or TimeKeyword.After or TimeKeyword.Of or TimeKeyword.Through
            && !PartitiveOf(first - 1))
        {
            var after = T(next);
            if (after.IsWord && (after.Capitalized || !after.Word.FunctionWord) && after.Word.Month == 0) return -1;
            if (after.IsNumber) return -1;
            // "the third-quarter growth", "the second-largest": the ordinal begins a compound word.
            if (IsDash(next) && Adjacent(next - 1, next) && T(next + 1).IsWord && Adjacent(next, next + 1)) return -1;
            if (T(ordinalToken).IsWord && CountsThingsInItsSentence(first, ordinalToken)) return -1;
            Emit(new TimexCandidate
            {
                Start = StartOf(first),
                End = EndOf(next - 1),
                Value = new TimeValue { Type = TimexType.Date, Day = ordinal, Granularity = TimeGranularity.Day },
                Need = AnchorNeed.Fill,
            });
            return next;
        }
        return -1;
    }

    /// <summary>
    /// Whether a bare ordinal written as a word (<c>and the third</c>) counts things rather than days: its sentence
    /// has another ordinal before it that is no day (<c>the first levy …, a second …, and the third</c>, <c>the first and
    /// second campaigns failed and the third was aborted</c>), and no day of a date stands between them to make the
    /// ordinals a sequence of days (<c>on the second of June … and left on the ninth</c>).
    /// </summary>
    private bool CountsThingsInItsSentence(int first, int ordinalToken)
    {
        int sentenceStart = 0;
        for (int k = first - 1; k >= 0; k--)
        {
            var token = T(k);
            if (token.Class == ScanTokenClass.Punctuation && token.Value is '.' or '!' or '?' or '\n') { sentenceStart = k + 1; break; }
        }
        if (sentenceStart >= first) return false;
        int from = StartOf(sentenceStart);
        for (int c = _output.Count - 1; c >= 0 && _output[c].Start >= from; c--)
            if (_output[c].Value.Day is not null) return false;
        for (int k = sentenceStart; k < first; k++)
        {
            if (k == ordinalToken) continue;
            if (T(k).IsWord && T(k).Word.Ordinal != 0 || IsNumber(k) && IsKw(k + 1, TimeKeyword.Th) && Adjacent(k, k + 1)) return true;
        }
        return false;
    }

    // ---- words -------------------------------------------------------------------------------

    private int MatchThe(int i)
    {
        int j = i + 1;
        var next = T(j);
        if (MatchTheCurrent(i) is > 0 and int current) return current;
        if (MatchTheWeekOf(i) is > 0 and int weekOf) return weekOf;
        // the 14th ..., the seventh of May
        if (next.IsNumber && IsKw(j + 1, TimeKeyword.Th) && Adjacent(j, j + 1)) return MatchOrdinalLed(i, j, Num(j), j + 2);
        if (next.IsWord && next.Word.Ordinal != 0)
        {
            int end = MatchOrdinalLed(i, j, next.Word.Ordinal, j + 1);
            if (end > i) return end;
        }
        // the 24 February
        if (next.IsNumber && Digits(j) <= 2 && Num(j) is >= 1 and <= 31 && IsMonth(j + 1)) return MatchDayMonth(i, j, Num(j), j + 1);
        // the third quarter [of 1984], the fiscal first quarter, the first half of 2008
        int quarter = MatchQuarterOrHalf(i, j);
        if (quarter > i) return quarter;
        // the 1930s, the '30s, the thirties
        if (next.IsNumber && Digits(j) == 4 && Num(j) % 10 == 0 && (IsKw(j + 1, TimeKeyword.S) || IsApostrophe(j + 1)))
        {
            int end = MatchNumberLed(j);
            if (end > j && _output.Count > 0 && _output[^1].Value.Granularity is TimeGranularity.Decade or TimeGranularity.Century)
            {
                _output[^1] = Reanchor(_output[^1], StartOf(i));
                return end;
            }
            return -1;
        }
        if (IsApostrophe(j) && IsNumber(j + 1) && Digits(j + 1) == 2 && Num(j + 1) % 10 == 0 && IsKw(j + 2, TimeKeyword.S) && Adjacent(j + 1, j + 2))
        {
            Emit(new TimexCandidate
            {
                Start = StartOf(i),
                End = EndOf(j + 2),
                Value = new TimeValue { Type = TimexType.Date, Year = Num(j + 1), Granularity = TimeGranularity.Decade },
                TwoDigitYear = true,
            });
            return j + 3;
        }
        if (next.IsWord && next.Word.DecadeWord != 0)
        {
            Emit(new TimexCandidate
            {
                Start = StartOf(i),
                End = EndOf(j),
                Value = new TimeValue { Type = TimexType.Date, Year = next.Word.DecadeWord * 10, Granularity = TimeGranularity.Decade },
                TwoDigitYear = true,
            });
            return j + 1;
        }
        if (next.IsWord && next.Word.Season != 0)
        {
            int end = MatchSeason(i, j);
            if (end > i) return end;
        }
        if (PartOfDayHoursOf(j) is var (partToken, ofToken) && (partToken > j || ofToken > partToken + 1))
        {
            // "the early morning hours of 30 April", "the late evening of 4 May": that part of the day.
            int before = _output.Count;
            int dateEnd = MatchCoreInner(ofToken + 1);
            if (dateEnd > ofToken + 1 && _output.Count == before + 1 && _output[^1].Value is { Type: TimexType.Date, Day: not null, Hour: null } date)
            {
                var dated = _output[^1];
                _output[^1] = new TimexCandidate
                {
                    Start = StartOf(i),
                    End = dated.End,
                    Value = date with { PartOfDay = PartCode(T(partToken).Word.PartOfDay), Granularity = TimeGranularity.PartOfDay },
                    Need = dated.Need,
                };
                return dateEnd;
            }
            if (_output.Count > before) _output.RemoveRange(before, _output.Count - before);
        }
        if (next.IsWord && next.Word.PartOfDay is >= 1 and <= 4)
        {
            // the morning of January 7
            if (IsKw(j + 1, TimeKeyword.Of))
            {
                int before = _output.Count;
                int dateEnd = MatchCoreInner(j + 2);
                JoinNightAcrossDays(before, next.Word.PartOfDay);
                if (dateEnd > j + 2 && _output.Count == before + 1 && _output[^1].Value is { Type: TimexType.Date, Day: not null } date)
                {
                    var dated = _output[^1];
                    _output[^1] = new TimexCandidate
                    {
                        Start = StartOf(i),
                        End = dated.End,
                        Value = date with { PartOfDay = PartCode(next.Word.PartOfDay), Granularity = TimeGranularity.PartOfDay },
                        Need = dated.Need,
                        ShiftUnit = dated.ShiftUnit,
                        Shift = dated.Shift,
                        Deictic = dated.Deictic,
                    };
                    return dateEnd;
                }
                if (_output.Count > before) _output.RemoveRange(before, _output.Count - before);
            }
            // "in the morning": the morning of the day in the story.
            if (Kw(i - 1) is TimeKeyword.In or TimeKeyword.During && !next.Word.PluralUnit)
            {
                Emit(new TimexCandidate
                {
                    Start = StartOf(i),
                    End = EndOf(j),
                    Value = new TimeValue { Type = TimexType.Date, PartOfDay = PartCode(next.Word.PartOfDay), Granularity = TimeGranularity.PartOfDay },
                    Need = AnchorNeed.Fill,
                });
                return j + 1;
            }
        }
        if (next.Keyword == TimeKeyword.Weekend && !next.Word.PluralUnit)
            return Shifted(i, j + 1, TimeUnit.Week, 0, deictic: true, value => value with { PartOfDay = "WE" });
        switch (next.Keyword)
        {
            case TimeKeyword.Past when Kw(i - 1) is TimeKeyword.In && !IsNumber(j + 1) && T(j + 1).Word.Number == 0 && T(j + 1).Word.Unit == 0
                    && Kw(j + 1) is not (TimeKeyword.Few or TimeKeyword.Several or TimeKeyword.Couple):
                return Reference(i, j + 1, TimeReference.Past);
            case TimeKeyword.Next or TimeKeyword.Following or TimeKeyword.Previous or TimeKeyword.Preceding or TimeKeyword.Same
                or TimeKeyword.Past or TimeKeyword.Last or TimeKeyword.Coming:
                return MatchDeterminer(i, j);
            case TimeKeyword.Present:
                return Reference(i, j + 1, TimeReference.Present);
            case TimeKeyword.Future:
                return Reference(i, j + 1, TimeReference.Future);
            case TimeKeyword.Day when IsKw(j + 1, TimeKeyword.Before) || IsKw(j + 1, TimeKeyword.After):
                if (IsKw(j + 2, TimeKeyword.Yesterday) || IsKw(j + 2, TimeKeyword.Tomorrow))
                {
                    int shift = IsKw(j + 2, TimeKeyword.Yesterday) ? -2 : 2;
                    return Shifted(i, j + 3, TimeUnit.Day, shift, deictic: true);
                }
                var follower = T(j + 2);
                if (follower.IsWord && !follower.Word.FunctionWord && !follower.Capitalized) return -1;
                return Shifted(i, j + 2, TimeUnit.Day, IsKw(j + 1, TimeKeyword.Before) ? -1 : 1, deictic: false);
        }
        // the year, the month, the quarter, the fiscal year: the one the text is about.
        {
            int u = IsKw(j, TimeKeyword.Fiscal) || IsWordAt(j, "full") && T(j + 1).Word.Unit == (byte)(TimeUnit.Year + 1) ? j + 1 : j;
            var unitWord = T(u);
            // "the year ended March 31" is the twelve months up to a date, not a calendar year.
            if (unitWord.IsWord && !unitWord.Word.PluralUnit && unitWord.Word.Unit == (byte)(TimeUnit.Year + 1) && (IsWordAt(u + 1, "ended") || IsWordAt(u + 1, "ending") || ThatEnded(u + 1)))
            {
                Emit(new TimexCandidate { Start = StartOf(i), End = EndOf(u), Value = TimeValue.FromDuration(1, TimeUnit.Year) });
                return u + 1;
            }
            if (unitWord.IsWord && !unitWord.Word.PluralUnit && (unitWord.Word.Unit is (byte)(TimeUnit.Year + 1) or (byte)(TimeUnit.Month + 1) or (byte)(TimeUnit.Quarter + 1) || TheDecade(u))
                && !IsNumber(u + 1) && !(IsDash(u + 1) && Adjacent(u, u + 1))
                && (FigureOrComparisonAfter(u + 1)
                    || Kw(u + 1) is not (TimeKeyword.Of or TimeKeyword.Before or TimeKeyword.After or TimeKeyword.Earlier or TimeKeyword.Later)
                    && !(T(u + 1).IsWord && !T(u + 1).Word.FunctionWord && !T(u + 1).Capitalized))
                && (Kw(i - 1) is TimeKeyword.For or TimeKeyword.In or TimeKeyword.During or TimeKeyword.Of or TimeKeyword.Through || u > j))
            {
                return unitWord.Word.UnitValue == TimeUnit.Quarter
                    ? ReportQuarter(i, u + 1, null, 0)
                    : Shifted(i, u + 1, unitWord.Word.UnitValue, 0, deictic: false);
            }
        }
        // the latest quarter, the year-ago quarter, the year-earlier period, the 1988 quarter, the 1988 third quarter
        {
            int u = j;
            int? year = null;
            int shift = 0;
            bool latest = IsWordAt(u, "latest");
            if (latest && LatestYear(i, u) is > 0 and int latestYear) return latestYear;
            if (latest) u++;
            else if (next.IsNumber && Digits(j) == 4 && Num(j) is >= 1000 and <= 2199 && !IsPunct(j + 1, ','))
            {
                year = Num(j);
                u++;
            }
            else
            {
                if (IsWordAt(u, "comparable") || IsWordAt(u, "corresponding")) u++;
                if (Kw(u) == TimeKeyword.Year && IsDash(u + 1) && Adjacent(u, u + 1) && Kw(u + 2) is TimeKeyword.Ago or TimeKeyword.Earlier && Adjacent(u + 1, u + 2))
                {
                    shift = -1;
                    u += 3;
                }
            }
            if (u > j)
            {
                int ordinal = T(u).IsWord ? T(u).Word.Ordinal : 0;
                int q = ordinal is >= 1 and <= 4 ? (IsDash(u + 1) && Adjacent(u, u + 1) ? u + 2 : u + 1) : u;
                bool quarterWord = T(q).IsWord && T(q).Word.Unit == (byte)(TimeUnit.Quarter + 1) && !T(q).Word.PluralUnit;
                if (quarterWord || (ordinal == 0 && IsWordAt(q, "period")))
                {
                    if (ordinal is >= 1 and <= 4 && year is { } stated)
                    {
                        Emit(new TimexCandidate
                        {
                            Start = StartOf(i),
                            End = EndOf(q),
                            Value = new TimeValue { Type = TimexType.Date, Year = stated, Quarter = ordinal, Granularity = TimeGranularity.Quarter },
                        });
                        return q + 1;
                    }
                    return ReportQuarter(i, q + 1, year, shift, ordinal is >= 1 and <= 4 ? ordinal : null, latest);
                }
            }
        }
        // "the year 1944"
        if (next.Keyword == TimeKeyword.Year && IsNumber(j + 1) && Digits(j + 1) == 4)
        {
            Emit(new TimexCandidate { Start = StartOf(i), End = EndOf(j + 1), Value = TimeValue.FromDate(Num(j + 1)) });
            return j + 2;
        }
        // the past: PAST_REF when it stands alone ("in the past").
        return -1;
    }

    private static TimexCandidate Reanchor(TimexCandidate candidate, int start) => new()
    {
        Start = start,
        End = candidate.End,
        Value = candidate.Value,
        Need = candidate.Need,
        ShiftUnit = candidate.ShiftUnit,
        Shift = candidate.Shift,
        Deictic = candidate.Deictic,
        TwoDigitYear = candidate.TwoDigitYear,
        Anaphoric = candidate.Anaphoric,
    };

    /// <summary>What only the TIMEX2 guidelines mark (<see cref="TimexGuidelines.Timex2"/>).</summary>
    private int MatchTimex2Only(int i)
    {
        if (!T(i).IsWord) return -1;
        // former, recent, current, future (as adjectives), present-day
        if (IsWordAt(i, "former")) return Reference(i, i + 1, TimeReference.Past);
        if (IsWordAt(i, "recent")) return Reference(i, i + 1, TimeReference.Past);
        if (IsWordAt(i, "current")) return Reference(i, i + 1, TimeReference.Present);
        if (IsKw(i, TimeKeyword.Future) && !IsKw(i - 1, TimeKeyword.The) && T(i + 1).IsWord && !T(i + 1).Word.FunctionWord)
            return Reference(i, i + 1, TimeReference.Future);
        if ((IsKw(i, TimeKeyword.Present) || IsWordAt(i, "modern")) && IsDash(i + 1) && Adjacent(i, i + 1) && IsKw(i + 2, TimeKeyword.Day))
            return Reference(i, i + 3, TimeReference.Present);
        // at that time, by this time, during this period, at the same time, at the time
        bool afterPreposition = Kw(i - 1) is TimeKeyword.At or TimeKeyword.By or TimeKeyword.During
            or TimeKeyword.Since or TimeKeyword.Until or TimeKeyword.Before or TimeKeyword.After or TimeKeyword.Approximately or TimeKeyword.Through;
        if (afterPreposition && Kw(i) is TimeKeyword.This or TimeKeyword.That or TimeKeyword.The)
        {
            int noun = IsKw(i, TimeKeyword.The) && IsKw(i + 1, TimeKeyword.Same) ? i + 2 : i + 1;
            bool time = IsWordAt(noun, "time") || IsWordAt(noun, "period");
            bool bareThe = IsKw(i, TimeKeyword.The) && noun == i + 1;
            if (time && !(bareThe && !IsWordAt(noun, "time")) && !(T(noun + 1).IsWord && !T(noun + 1).Word.FunctionWord && !T(noun + 1).Capitalized)
                && !IsKw(noun + 1, TimeKeyword.Of))
            {
                // TIMEX2 gives "at this time" the writer's present; "at that time" points back into the story.
                if (IsKw(i, TimeKeyword.This) && IsWordAt(noun, "time")) return Reference(i, noun + 1, TimeReference.Present);
                Emit(new TimexCandidate
                {
                    Start = StartOf(i),
                    End = EndOf(noun),
                    Value = new TimeValue { Type = TimexType.Date },
                    Need = AnchorNeed.Same,
                });
                return noun + 1;
            }
        }
        // at night, night attacks, daytime
        bool night = IsWordAt(i, "night") && (Kw(i - 1) is TimeKeyword.At or TimeKeyword.By || (T(i + 1).IsWord && !T(i + 1).Word.FunctionWord && !T(i + 1).Capitalized
            && T(i + 1).Word.Unit == 0 && !IsKw(i - 1, TimeKeyword.The) && !IsKw(i - 1, TimeKeyword.A) && T(i - 1).Word.Number == 0 && T(i - 1).Word.Ordinal == 0));
        if (night || IsWordAt(i, "daytime") || IsWordAt(i, "nighttime"))
        {
            Emit(new TimexCandidate
            {
                Start = StartOf(i),
                End = EndOf(i),
                Value = new TimeValue { Type = TimexType.Date, PartOfDay = IsWordAt(i, "daytime") ? "DT" : "NI", Granularity = TimeGranularity.PartOfDay },
            });
            return i + 1;
        }
        return -1;
    }

    private int Reference(int first, int end, TimeReference reference)
    {
        Emit(new TimexCandidate { Start = StartOf(first), End = EndOf(end - 1), Value = TimeValue.FromReference(reference) });
        return end;
    }

    private int MatchNow(int i) => Reference(i, i + 1, TimeReference.Present);

    private int MatchTodayLike(int i)
    {
        var keyword = Kw(i);
        int end = i + 1;
        string? part = keyword == TimeKeyword.Tonight ? "NI" : null;
        if (keyword != TimeKeyword.Tonight && T(end).IsWord && T(end).Word.PartOfDay is >= 1 and <= 4 && !T(end).Word.PluralUnit)
        {
            part = PartCode(T(end).Word.PartOfDay);
            end++;
        }
        int shift = keyword switch { TimeKeyword.Yesterday => -1, TimeKeyword.Tomorrow => 1, _ => 0 };
        var value = new TimeValue { Type = TimexType.Date, PartOfDay = part, Granularity = part is null ? TimeGranularity.Day : TimeGranularity.PartOfDay };
        Emit(new TimexCandidate
        {
            Start = StartOf(i),
            End = EndOf(end - 1),
            Value = value,
            Need = shift == 0 ? AnchorNeed.Today : AnchorNeed.Shift,
            ShiftUnit = TimeUnit.Day,
            Shift = shift,
            Deictic = true,
        });
        return end;
    }

    /// <summary><c>this/last/next/coming/past/that/the following/the same/the previous</c> + unit, season, weekday, month, part of day.</summary>
    private int MatchDeterminer(int first, int j)
    {
        int before = _output.Count;
        // "that same day", "that same spring": as "the same".
        int end = IsKw(j, TimeKeyword.That) && IsKw(j + 1, TimeKeyword.Same) ? MatchDeterminerCore(first, j + 1) : MatchDeterminerCore(first, j);
        var keyword = Kw(j);
        bool anaphoric = keyword is TimeKeyword.That or TimeKeyword.Same or TimeKeyword.Following or TimeKeyword.Previous or TimeKeyword.Preceding
            || keyword == TimeKeyword.Next && first != j && !NextAfterTheWriter(first, j);
        if (end > j && anaphoric)
        {
            for (int c = before; c < _output.Count; c++) _output[c].Anaphoric = true;
        }
        return end;
    }

    private int MatchDeterminerCore(int first, int j)
    {
        var keyword = Kw(j);
        bool withThe = first != j;
        int k = j + 1;
        if (keyword == TimeKeyword.This && IsKw(k, TimeKeyword.Past) && ThisPast(first, k) is var thisPast and > 0) return thisPast;
        var target = T(k);
        if (!target.IsWord && !target.IsNumber) return -1;

        // the past three years, the last two months, the next few days: durations.
        if (keyword is TimeKeyword.Past or TimeKeyword.Last or TimeKeyword.Next or TimeKeyword.Coming or TimeKeyword.Following or TimeKeyword.Previous
            && (target.IsNumber || target.Word.Number != 0 || target.Keyword is TimeKeyword.Few or TimeKeyword.Several or TimeKeyword.Couple))
        {
            if (TryQuantity(k, out double? amount, out int afterQuantity) && AfterCountRange(ref amount, ref afterQuantity)
                && TryUnit(SkipCountModifier(afterQuantity), out var unit, out _, out int afterUnit))
            {
                Emit(new TimexCandidate { Start = StartOf(first), End = EndOf(afterUnit - 1), Value = TimeValue.FromDuration(amount, unit) });
                return afterUnit;
            }
            return -1;
        }
        int shift = keyword switch
        {
            TimeKeyword.Next or TimeKeyword.Following or TimeKeyword.Coming => 1,
            TimeKeyword.Last or TimeKeyword.Previous or TimeKeyword.Preceding => -1,
            TimeKeyword.Past => -1,
            _ => 0,
        };
        bool deictic = !withThe && keyword is TimeKeyword.This or TimeKeyword.Last or TimeKeyword.Next or TimeKeyword.Coming or TimeKeyword.Past or TimeKeyword.These
            || withThe && NextAfterTheWriter(first, j);
        if (keyword is TimeKeyword.These && target.Word.Unit == (byte)(TimeUnit.Day + 1) && target.Word.PluralUnit)
            return Reference(first, k + 1, TimeReference.Present);
        if (keyword is TimeKeyword.These or TimeKeyword.Those) return -1;

        if (target.Word.Unit != 0 && !target.Word.PluralUnit)
        {
            var unit = target.Word.UnitValue;
            bool weekend = target.Keyword == TimeKeyword.Weekend;
            if (unit is TimeUnit.Second or TimeUnit.Minute or TimeUnit.Hour) return -1;
            // "the past year" is a duration in TimeML; "last year" a date.
            if (withThe && keyword is TimeKeyword.Past or TimeKeyword.Last && TimeMlCountedPeriods && unit is TimeUnit.Year)
                return Shifted(first, k + 1, unit, -1, true);
            if (weekend && withThe && keyword == TimeKeyword.Past) return ThisPast(first, j);
            if (withThe && keyword is TimeKeyword.Past or TimeKeyword.Last)
            {
                Emit(new TimexCandidate { Start = StartOf(first), End = EndOf(k), Value = TimeValue.FromDuration(1, unit) });
                return k + 1;
            }
            if (keyword == TimeKeyword.Past) return -1;
            if (weekend)
            {
                int afterWeekend = Shifted(first, k + 1, TimeUnit.Week, shift, deictic, value => value with { Weekday = null, PartOfDay = "WE" });
                _output[^1].ThisWeekend = keyword == TimeKeyword.This && !withThe;
                return afterWeekend;
            }
            return Shifted(first, k + 1, unit, shift, deictic);
        }
        if (target.IsWord && target.Word.PartOfDay is >= 1 and <= 4 && !target.Word.PluralUnit)
        {
            string part = PartCode(target.Word.PartOfDay);
            if (!withThe && keyword == TimeKeyword.Last && part == "NI") return Shifted(first, k + 1, TimeUnit.Day, -1, true, v => v with { PartOfDay = part, Granularity = TimeGranularity.PartOfDay });
            if (keyword == TimeKeyword.Past) return -1;
            return Shifted(first, k + 1, TimeUnit.Day, keyword is TimeKeyword.Next or TimeKeyword.Following ? 1 : keyword is TimeKeyword.Previous or TimeKeyword.Preceding ? -1 : 0,
                deictic && keyword == TimeKeyword.This, v => v with { PartOfDay = part, Granularity = TimeGranularity.PartOfDay });
        }
        if (target.IsWord && target.Word.Season != 0 && !(target.Word.Season == 3 && _text[target.Start] == 'f' && keyword == TimeKeyword.That))
        {
            int season = target.Word.Season;
            if (keyword == TimeKeyword.Past) return -1;
            return Shifted(first, k + 1, TimeUnit.Year, shift, deictic, v => v with { Season = season, Granularity = TimeGranularity.Season });
        }
        if (IsWeekday(k) && !ShortWeekdayWithoutPeriod(k) && (!withThe || keyword is TimeKeyword.Previous or TimeKeyword.Preceding or TimeKeyword.Following or TimeKeyword.Next))
        {
            Emit(new TimexCandidate
            {
                Start = StartOf(first),
                End = EndOf(k),
                Value = new TimeValue { Type = TimexType.Date, Weekday = T(k).Word.Weekday, Granularity = TimeGranularity.Day },
                Need = AnchorNeed.Weekday,
                Shift = shift,
                Deictic = deictic,
            });
            return k + 1;
        }
        if (IsMonth(k) && !withThe && keyword is TimeKeyword.Last or TimeKeyword.Next or TimeKeyword.This)
        {
            // "last Oct. 23": the day goes with the month.
            int monthEnd = k;
            int? day = null;
            int dayToken = SkipPeriod(k) + 1;
            if (IsNumber(dayToken) && Digits(dayToken) <= 2 && Num(dayToken) is >= 1 and <= 31 && !(T(dayToken + 1).IsWord && !T(dayToken + 1).Word.FunctionWord))
            {
                day = Num(dayToken);
                monthEnd = dayToken;
            }
            Emit(new TimexCandidate
            {
                Start = StartOf(first),
                End = EndOf(monthEnd),
                Value = TimeValue.FromDate(null, MonthOf(k), day),
                Need = AnchorNeed.Fill,
                Shift = shift,
                Deictic = deictic,
                SameYear = keyword == TimeKeyword.This,
            });
            return monthEnd + 1;
        }
        if (IsMonth(k) && withThe && shift != 0 && keyword != TimeKeyword.Past) return MatchTheShiftedMonth(first, k, shift);
        return -1;
    }

    /// <summary>
    /// The quarter a report is about, moved by <paramref name="yearShift"/> years, or in the year written
    /// (<c>the 1988 period</c>); a written ordinal keeps its quarter.
    /// </summary>
    private int ReportQuarter(int first, int end, int? year, int yearShift, int? quarter = null, bool latest = false)
    {
        // the quarter a year ago, the corresponding period last year
        if (year is null && yearShift == 0 && IsKw(end, TimeKeyword.A) && Kw(end + 1) == TimeKeyword.Year && Kw(end + 2) is TimeKeyword.Ago or TimeKeyword.Earlier)
        {
            yearShift = -1;
            end += 3;
        }
        else if (year is null && yearShift == 0 && IsKw(end, TimeKeyword.Last) && Kw(end + 1) == TimeKeyword.Year)
        {
            yearShift = -1;
            end += 2;
        }
        Emit(new TimexCandidate
        {
            Start = StartOf(first),
            End = EndOf(end - 1),
            Value = new TimeValue { Type = TimexType.Date, Year = year, Quarter = quarter, Granularity = TimeGranularity.Quarter },
            Need = AnchorNeed.Shift,
            ShiftUnit = TimeUnit.Year,
            Shift = yearShift,
            ReportedQuarter = true,
            LatestQuarter = latest,
        });
        return end;
    }

    private int Shifted(int first, int end, TimeUnit unit, int shift, bool deictic, Func<TimeValue, TimeValue>? adjust = null)
    {
        var granularity = unit switch
        {
            TimeUnit.Day => TimeGranularity.Day,
            TimeUnit.Week => TimeGranularity.Week,
            TimeUnit.Month => TimeGranularity.Month,
            TimeUnit.Quarter => TimeGranularity.Quarter,
            TimeUnit.Decade => TimeGranularity.Decade,
            TimeUnit.Century => TimeGranularity.Century,
            _ => TimeGranularity.Year,
        };
        var value = new TimeValue { Type = TimexType.Date, Granularity = granularity };
        if (adjust is not null) value = adjust(value);
        Emit(new TimexCandidate
        {
            Start = StartOf(first),
            End = EndOf(end - 1),
            Value = value,
            Need = AnchorNeed.Shift,
            ShiftUnit = unit,
            Shift = shift,
            Deictic = deictic,
        });
        return end;
    }

    /// <summary><c>earlier that year</c>, <c>later that day</c>, <c>later that evening</c>.</summary>
    private int MatchEarlierLater(int i)
    {
        if (!(IsKw(i + 1, TimeKeyword.That) || IsKw(i + 1, TimeKeyword.This) || (IsKw(i + 1, TimeKeyword.In) && IsKw(i + 2, TimeKeyword.The)))) return -1;
        int j = IsKw(i + 1, TimeKeyword.In) ? i + 2 : i + 1;
        int before = _output.Count;
        int end = IsKw(j, TimeKeyword.The) ? MatchThe(j) : MatchDeterminer(j, j);
        if (end > j && _output.Count == before + 1)
        {
            var inner = _output[^1];
            _output[^1] = Reanchor(inner, StartOf(i));
            return end;
        }
        if (_output.Count > before) _output.RemoveRange(before, _output.Count - before);
        return -1;
    }

    private int MatchSeason(int first, int seasonToken)
    {
        var token = T(seasonToken);
        int season = token.Word.Season;
        bool fall = season == 3 && (_text[token.Start] is 'f' or 'F');
        int j = seasonToken + 1;
        // spring 1944, the spring of 1944
        int k = IsKw(j, TimeKeyword.Of) ? j + 1 : j;
        if (TryYearAt(k, out int year, out int afterYear) && (k > j || !fall || first < seasonToken))
        {
            if (season == 4) afterYear = WinterAcrossYears(afterYear, ref year);
            Emit(new TimexCandidate
            {
                Start = StartOf(first),
                End = EndOf(afterYear - 1),
                Value = new TimeValue { Type = TimexType.Date, Year = year, Season = season, Granularity = TimeGranularity.Season },
            });
            return afterYear;
        }
        int coordinated = MatchSeasonBeforeCoordinatedYear(first, seasonToken, fall);
        if (coordinated > 0) return coordinated;
        if (fall && !FallAsSeason(first, seasonToken)) return -1;
        // "in the spring", "by summer": the season of the year in the story.
        var before = Kw(first - 1);
        bool context = first < seasonToken || before is TimeKeyword.In or TimeKeyword.By or TimeKeyword.During or TimeKeyword.Until or TimeKeyword.Since
            or TimeKeyword.Through or TimeKeyword.Early or TimeKeyword.Late or TimeKeyword.Mid or TimeKeyword.Before or TimeKeyword.After
            || (before is TimeKeyword.And or TimeKeyword.Or && T(first - 2) is { IsWord: true } conjunct && conjunct.Word.Season != 0) // "the spring and summer"
            || (token.Capitalized && (first == 0 || IsPunct(first - 1, '.') || IsPunct(first - 1, '\n')) && IsPunct(j, ','));
        if (!context) return -1;
        if (IsKw(j, TimeKeyword.Of)) return -1;
        var after = T(j);
        if (after.IsWord && !after.Word.FunctionWord && !after.Capitalized && !GerundWithObject(j)) return -1; // "spring offensive" keeps its noun
        if (token.Capitalized && BeforeEventNoun(seasonToken)) return -1; // "the Spring Offensive": the season alone
        Emit(new TimexCandidate
        {
            Start = StartOf(first),
            End = EndOf(seasonToken),
            Value = new TimeValue { Type = TimexType.Date, Season = season, Granularity = TimeGranularity.Season },
            Need = AnchorNeed.Fill,
        });
        return j;
    }

    private int MatchWeekday(int i)
    {
        int weekday = T(i).Word.Weekday;
        bool abbreviated = T(i).End - T(i).Start <= 4;
        int j = abbreviated ? SkipPeriod(i) + 1 : i + 1;
        if (abbreviated && !IsPunct(j - 1, '.')) return -1;
        // Monday, March 9, 1951 / Monday 7 January
        int k = SkipComma(j);
        if (k < Count && (IsMonth(k) || (IsNumber(k) && IsMonth(k + 1)) || (IsKw(k, TimeKeyword.The) && IsNumber(k + 1))))
        {
            int before = _output.Count;
            int end = IsKw(k, TimeKeyword.The) ? MatchThe(k) : MatchCoreInner(k);
            if (end > k && _output.Count == before + 1 && _output[^1].Value.Day is not null)
            {
                _output[^1] = Reanchor(_output[^1], StartOf(i));
                return end;
            }
            if (_output.Count > before) _output.RemoveRange(before, _output.Count - before);
        }
        string? part = null;
        int endWeekday = j;
        if (T(j).IsWord && T(j).Word.PartOfDay is >= 1 and <= 4 && !T(j).Word.PluralUnit)
        {
            part = PartCode(T(j).Word.PartOfDay);
            endWeekday = j + 1;
        }
        Emit(new TimexCandidate
        {
            Start = StartOf(i),
            End = EndOf(endWeekday - 1),
            Value = new TimeValue { Type = TimexType.Date, Weekday = weekday, PartOfDay = part, Granularity = part is null ? TimeGranularity.Day : TimeGranularity.PartOfDay },
            Need = AnchorNeed.Weekday,
            Tense = TenseBefore(i),
        });
        return endWeekday;
    }

    private int MatchEvery(int i)
    {
        int j = i + 1;
        bool other = IsKw(j, TimeKeyword.Other);
        if (other) j++;
        var token = T(j);
        if (IsWeekday(j))
        {
            Emit(new TimexCandidate
            {
                Start = StartOf(i),
                End = EndOf(j),
                Value = new TimeValue { Type = TimexType.Set, Weekday = token.Word.Weekday, Granularity = TimeGranularity.Day, Quantifier = QuantifierOf(i) },
            });
            return j + 1;
        }
        if (!other && MatchEveryQuarterOf(i, j) is var everyQuarter and > 0) return everyQuarter;
        // "each July", "every December": the month of every year; a day after it ("every July 4") is left to the date.
        if (!other && IsMonth(j) && !IsAbbreviatedMonth(j) && !IsNumber(j + 1))
        {
            Emit(new TimexCandidate
            {
                Start = StartOf(i),
                End = EndOf(j),
                Value = new TimeValue { Type = TimexType.Set, Month = MonthOf(j), Granularity = TimeGranularity.Month, Quantifier = QuantifierOf(i) },
            });
            return j + 1;
        }
        if (token.IsWord && token.Word.Unit != 0 && !token.Word.PluralUnit)
        {
            Emit(new TimexCandidate
            {
                Start = StartOf(i),
                End = EndOf(j),
                Value = new TimeValue { Type = TimexType.Set, Amount = other ? 2 : 1, Unit = token.Word.UnitValue, Quantifier = QuantifierOf(i) },
            });
            return j + 1;
        }
        if (token.IsWord && token.Word.PartOfDay is >= 1 and <= 4)
        {
            Emit(new TimexCandidate
            {
                Start = StartOf(i),
                End = EndOf(j),
                Value = new TimeValue { Type = TimexType.Set, PartOfDay = PartCode(token.Word.PartOfDay), Granularity = TimeGranularity.PartOfDay, Quantifier = QuantifierOf(i) },
            });
            return j + 1;
        }
        if ((TryQuantity(j, out double? amount, out int afterQuantity) && TryUnit(afterQuantity, out var unit, out _, out int afterUnit)))
        {
            Emit(new TimexCandidate
            {
                Start = StartOf(i),
                End = EndOf(afterUnit - 1),
                Value = new TimeValue { Type = TimexType.Set, Amount = amount, Unit = unit, Quantifier = QuantifierOf(i) },
            });
            return afterUnit;
        }
        return -1;
    }

    /// <summary><c>twice a year</c>, <c>three times a week</c>, <c>once per month</c>.</summary>
    private int MatchFrequency(int first, int j, int times)
    {
        if (!(IsKw(j, TimeKeyword.A) || IsKw(j, TimeKeyword.Per) || IsKw(j, TimeKeyword.Every) || IsKw(j, TimeKeyword.Each))) return -1;
        var unitToken = T(j + 1);
        if (!unitToken.IsWord || unitToken.Word.Unit == 0 || unitToken.Word.PluralUnit) return -1;
        Emit(new TimexCandidate
        {
            Start = StartOf(first),
            End = EndOf(j + 1),
            Value = new TimeValue { Type = TimexType.Set, Amount = 1, Unit = unitToken.Word.UnitValue, Frequency = times + "X" },
        });
        return j + 2;
    }

    /// <summary>
    /// <c>the third quarter [of 1984]</c>, <c>third-quarter</c>, <c>the fiscal first quarter</c>,
    /// <c>the first half of 2008</c>: the year comes from the anchor when not written.
    /// </summary>
    private int MatchQuarterOrHalf(int first, int j)
    {
        if (IsKw(j, TimeKeyword.Fiscal)) j++;
        int ordinal = T(j).IsWord ? T(j).Word.Ordinal : 0;
        if (ordinal == 0 && Kw(j) == TimeKeyword.Last) ordinal = 4;
        if (ordinal == 0 && Kw(j + 1) == TimeKeyword.Half) ordinal = IsWordAt(j, "latter") ? 2 : IsWordAt(j, "former") ? 1 : 0; // the latter half of 1943
        if (ordinal is < 1 or > 4) return -1;
        int k = IsDash(j + 1) && Adjacent(j, j + 1) ? j + 2 : j + 1;
        if (IsKw(k, TimeKeyword.Fiscal)) k++;
        bool quarter = T(k).IsWord && T(k).Word.Unit == (byte)(TimeUnit.Quarter + 1) && !T(k).Word.PluralUnit;
        bool half = Kw(k) == TimeKeyword.Half && ordinal <= 2;
        if (!half && Kw(k) == TimeKeyword.Half && Kw(j) == TimeKeyword.Last)
        {
            half = true; // the last half of 1989
            ordinal = 2;
        }
        if (!quarter && !half) return -1;
        int end = k + 1;
        int? year = null;
        bool ofTheYear = false;
        if (IsKw(end, TimeKeyword.Of) && TryYearAt(end + 1, out int y, out int afterYear))
        {
            year = y;
            end = afterYear;
        }
        else if (OfADecade(end)) return -1;
        else if (OfTheYear(end) is > 0 and int afterOf)
        {
            ofTheYear = true;
            end = afterOf;
        }
        else if (OfAYearAway(end, out int yearShift) is > 0 and int afterAway) return EmitPeriodOfAYearAway(first, afterAway, quarter, ordinal, yearShift);
        var value = quarter
            ? new TimeValue { Type = TimexType.Date, Year = year, Quarter = ordinal, Granularity = TimeGranularity.Quarter }
            : new TimeValue { Type = TimexType.Date, Year = year, Half = ordinal, Granularity = TimeGranularity.Half };
        Emit(new TimexCandidate { Start = StartOf(first), End = EndOf(end - 1), Value = value, Need = year is null ? AnchorNeed.Fill : AnchorNeed.None, SameYear = ofTheYear });
        return end;
    }

    /// <summary><c>Christmas [Day|Eve] [of] [1941]</c>, <c>Easter [Sunday]</c>, <c>Thanksgiving [Day]</c>, <c>Independence Day</c>.</summary>
    private int MatchHoliday(int i, Holiday holiday, int next = -1, bool eve = false)
    {
        int j = next < 0 ? i + 1 : next;
        if (next < 0)
        {
            bool needsDay = holiday is Holiday.Independence or Holiday.Armistice or Holiday.Bastille or Holiday.Election;
            if (IsKw(j, TimeKeyword.Day) && T(j).Capitalized) j++;
            else if (IsKw(j, TimeKeyword.Eve) && T(j).Capitalized && holiday == Holiday.Christmas) { eve = true; j++; }
            else if (holiday == Holiday.Easter && T(j).Word.Weekday == 7 && T(j).Capitalized) j++;
            else if (needsDay) return -1;
        }
        int end = j;
        int? year = null;
        int k = IsKw(j, TimeKeyword.Of) ? j + 1 : SkipComma(j);
        if (TryYearAt(k, out int y, out int afterYear))
        {
            year = y;
            end = afterYear;
        }
        (int? month, int? day) = holiday switch
        {
            Holiday.Christmas => (12, eve ? 24 : 25),
            Holiday.Independence => (7, 4),
            Holiday.Armistice => (11, 11),
            Holiday.Halloween => (10, 31),
            Holiday.Bastille => (7, 14),
            Holiday.NewYear => (eve ? 12 : 1, eve ? 31 : 1),
            _ => ((int?)null, (int?)null),
        };
        var value = new TimeValue { Type = TimexType.Date, Year = year, Month = month, Day = day, Granularity = TimeGranularity.Day };
        Emit(new TimexCandidate
        {
            Start = StartOf(i),
            End = EndOf(end - 1),
            Value = value,
            Need = year is null ? AnchorNeed.Fill : AnchorNeed.None,
            Holiday = holiday is Holiday.Easter or Holiday.Thanksgiving or Holiday.Election ? holiday : null,
        });
        return end;
    }

    // ---- quantities: durations, offsets, frequencies ----------------------------------------

    private int MatchQuantityLed(int i)
    {
        if (!TryQuantity(i, out double? amount, out int afterQuantity)) return -1;
        AfterCountRange(ref amount, ref afterQuantity);
        // N times a year
        if (IsKw(afterQuantity, TimeKeyword.Times) && amount is { } times && times >= 1)
            return MatchFrequency(i, afterQuantity + 1, (int)times);
        if (!TryUnit(SkipCountModifier(afterQuantity), out var unit, out bool plural, out int afterUnit)) return -1;
        if (amount is 1 && plural && !T(i).IsNumber) return -1;
        if (IsKw(i, TimeKeyword.A) && YearAgoBeforeItsNoun(afterUnit - 1)) return -1;
        if (NamesAUnit(afterUnit - 1)) return afterUnit;
        if (amount is { } whole && !plural && AndAHalf(afterUnit))
        {
            amount = whole + 0.5;
            afterUnit += 3;
        }
        // An age, not a span of time: "a 62-year-old".
        if (IsDash(afterUnit) && IsKw(afterUnit + 1, TimeKeyword.Old)) return afterUnit + 2;
        if (IsKw(afterUnit, TimeKeyword.Old) && !IsKw(afterUnit + 1, TimeKeyword.Style)) return afterUnit + 1;
        // "a week or so ago": the approximation sits between the count and its direction, inside the expression.
        if (IsWordAt(afterUnit, "or") && IsWordAt(afterUnit + 1, "so") && Kw(afterUnit + 2) is TimeKeyword.Ago or TimeKeyword.Earlier or TimeKeyword.Later or TimeKeyword.Hence)
            afterUnit += 2;
        var direction = Kw(afterUnit);
        int shift = 0;
        bool deictic = false;
        bool eventOffset = false;
        int end = afterUnit;
        if (direction == TimeKeyword.Later && TimeMlCountedPeriods)
        {
            Emit(new TimexCandidate { Start = StartOf(i), End = EndOf(afterUnit - 1), Value = TimeValue.FromDuration(amount, unit) });
            return afterUnit + 1;
        }
        switch (direction)
        {
            case TimeKeyword.Later or TimeKeyword.Afterwards:
                shift = 1;
                end++;
                break;
            case TimeKeyword.Earlier or TimeKeyword.Previously: // "five years previously"
                shift = -1;
                end++;
                break;
            case TimeKeyword.Ago:
                shift = -1;
                deictic = true;
                end++;
                break;
            case TimeKeyword.Hence:
                shift = 1;
                deictic = true;
                end++;
                break;
            case TimeKeyword.Before or TimeKeyword.After when EndsOffset(afterUnit + 1):
                shift = direction == TimeKeyword.After ? 1 : -1;
                end++;
                break;
            case TimeKeyword.Before or TimeKeyword.After when StartsEventAnchor(afterUnit + 1):
                shift = direction == TimeKeyword.After ? 1 : -1;
                eventOffset = true;
                break;
            case TimeKeyword.From when IsKw(afterUnit + 1, TimeKeyword.Now):
                shift = 1;
                deictic = true;
                end += 2;
                break;
        }
        if (shift != 0 && amount is { } count && count == Math.Floor(count) && unit is not (TimeUnit.Second or TimeUnit.Minute))
        {
            int n = (int)count * shift;
            var granularity = unit switch
            {
                TimeUnit.Hour => TimeGranularity.Hour,
                TimeUnit.Day => TimeGranularity.Day,
                TimeUnit.Week => TimeGranularity.Week,
                TimeUnit.Month => TimeGranularity.Month,
                TimeUnit.Quarter => TimeGranularity.Quarter,
                _ => TimeGranularity.Year,
            };
            Emit(new TimexCandidate
            {
                Start = StartOf(i),
                End = EndOf(end - 1),
                Value = new TimeValue { Type = TimexType.Date, Granularity = granularity },
                Need = AnchorNeed.Shift,
                ShiftUnit = unit,
                Shift = n,
                Deictic = deictic,
                CountedYears = unit == TimeUnit.Year && shift < 0,
                EventOffset = eventOffset,
            });
            return end;
        }
        if (shift != 0)
        {
            Emit(new TimexCandidate
            {
                Start = StartOf(i),
                End = EndOf(end - 1),
                // "a few days later" lies in the past of the writer, but after its anchor, which is what TIMEX2 marks.
                Value = TimeValue.FromReference(shift > 0 && (deictic || _options.Guidelines == TimexGuidelines.Timex2) ? TimeReference.Future : TimeReference.Past),
            });
            return end;
        }
        Emit(new TimexCandidate
        {
            Start = StartOf(i),
            End = EndOf(afterUnit - 1),
            Value = TimeValue.FromDuration(amount, unit),
            Signal = _options.Anchoring == TimexAnchoring.Narrative ? direction switch { TimeKeyword.Before => -1, TimeKeyword.After => 1, _ => 0 } : 0,
        });
        return afterUnit;
    }

    private bool TimeMlCountedPeriods => _options.TimeMlCountedPeriods && _options.Guidelines == TimexGuidelines.TimeMl;

    private bool IsClauseEnd(int i) => i >= Count || T(i).Class == ScanTokenClass.Punctuation || (T(i).IsWord && T(i).Word.FunctionWord && T(i).Keyword != TimeKeyword.The);

    /// <summary>A count: 3, three, twenty-four, a, a few, several, a couple of, half a/an.</summary>
    private bool TryQuantity(int i, out double? amount, out int next)
    {
        amount = null;
        next = i;
        var token = T(i);
        if (token.IsNumber)
        {
            if (token.Value < 0) return false;
            if (IsDash(i - 1) && Adjacent(i - 1, i) && IsNumber(i - 2)) return false; // the second half of 15-60
            amount = token.Value;
            next = i + 1;
            if (IsDash(next) && Adjacent(i, next) && IsNumber(next + 1) && Adjacent(next, next + 1)) return false;
            // 2 1/2 years
            if (IsNumber(next) && IsPunct(next + 1, '/') && IsNumber(next + 2) && Adjacent(next, next + 1) && Adjacent(next + 1, next + 2)
                && Num(next + 2) is > 1 and <= 4 && Num(next) < Num(next + 2))
            {
                amount = token.Value + (double)Num(next) / Num(next + 2);
                next += 3;
            }
            else if (AndAHalf(next))
            {
                amount = token.Value + 0.5;
                next += 3;
            }
            return true;
        }
        if (!token.IsWord) return false;
        if (token.Word.Number != 0)
        {
            int value = token.Word.Number - 1;
            next = i + 1;
            if (value is >= 20 and < 100 && value % 10 == 0)
            {
                int k = IsDash(next) ? next + 1 : next;
                if (T(k).IsWord && T(k).Word.Number is >= 2 and <= 10)
                {
                    value += T(k).Word.Number - 1;
                    next = k + 1;
                }
            }
            if (T(next).Word.Number == 101)
            {
                value *= 100;
                next++;
            }
            amount = value;
            if (value is 1 or 3 && QuarterOfAUnit(next, value, out int unitAfterQuarters)) { amount = value * 0.25; next = unitAfterQuarters; return true; }
            if (AndAHalf(next))
            {
                amount = value + 0.5;
                next += 3;
            }
            return true;
        }
        switch (token.Keyword)
        {
            case TimeKeyword.A:
                if (IsKw(i + 1, TimeKeyword.Few)) { amount = null; next = i + 2; return true; }
                if (IsKw(i + 1, TimeKeyword.Couple) && IsKw(i + 2, TimeKeyword.Of)) { amount = 2; next = i + 3; return true; }
                if (T(i + 1).Word.Number == 101) { amount = 100; next = i + 2; return true; }
                if (T(i + 1).Word.Number == 13) { amount = 12; next = i + 2; return true; }
                if (QuarterOfAUnit(i + 1, 1, out int unitAfterQuarter)) { amount = 0.25; next = unitAfterQuarter; return true; }
                amount = 1;
                next = i + 1;
                if (T(next).Word.Ordinal == 2) return false;
                return (T(next).Word.Unit != 0 || T(next).Keyword != TimeKeyword.Fiscal && SkipCountModifier(next) > next) && !T(next).Word.PluralUnit && Kw(i - 1) is not (TimeKeyword.Once or TimeKeyword.Twice or TimeKeyword.Thrice or TimeKeyword.Times);
            case TimeKeyword.Few or TimeKeyword.Several or TimeKeyword.Many or TimeKeyword.Some:
                amount = null;
                next = i + 1;
                return T(next).Word.PluralUnit;
            case TimeKeyword.Couple when IsKw(i + 1, TimeKeyword.Of):
                amount = 2;
                next = i + 2;
                return true;
            case TimeKeyword.Half when IsKw(i + 1, TimeKeyword.A):
                amount = 0.5;
                next = i + 2;
                return true;
            default:
                return false;
        }
    }

    private bool TryUnit(int i, out TimeUnit unit, out bool plural, out int next)
    {
        unit = default;
        plural = false;
        next = i;
        int k = IsDash(i) && Adjacent(i - 1, i) ? i + 1 : i;
        var token = T(k);
        if (!token.IsWord || token.Word.Unit == 0 || token.Keyword == TimeKeyword.Weekend) return false;
        unit = token.Word.UnitValue;
        plural = token.Word.PluralUnit;
        next = k + 1;
        return true;
    }
}
