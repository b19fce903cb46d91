namespace Annalist.Core.Time;

// What only a history without a document date reads in the words around an expression.
public sealed partial class TimexAnnotator
{
    // How far a clause's "had" may stand before the expression, and after it.
    private const int PluperfectWordsBefore = 8;
    private const int PluperfectWordsAfter = 3;

    /// <summary>
    /// Whether a year stated without a month dates the story's background rather than a step of it: a year
    /// that modifies a noun (<c>the 1614 rules</c>; with a month, after an article: <c>the August 1792 uprising</c>), one compared with (<c>as in 1614</c>), or one in a clause in the pluperfect (<c>forces that had
    /// invaded the north in late 1943</c>, <c>In 1830, France had conquered …</c>).
    /// </summary>
    private static bool DatesBackground(string text, List<ScanToken> tokens, TimexCandidate candidate)
    {
        if (candidate.Value.Year is null) return false;
        if (candidate.Value.Month is not null || candidate.Value.Season is not null) return ModifiesNounAfterArticle(text, tokens, candidate);
        int after = FirstTokenAt(tokens, candidate.End);
        if (after < tokens.Count && tokens[after] is { IsWord: true, Capitalized: false } noun && noun.Start - candidate.End <= 1
            && noun.Keyword == TimeKeyword.None && !noun.Word.FunctionWord && noun.Word.Unit == 0 && noun.Word.Month == 0)
            return true;
        int before = FirstTokenAt(tokens, candidate.Start) - 1;
        if (ComparesWith(text, tokens, before) || NamesThingOfYear(text, tokens, before)) return true;
        for (int i = before, words = 0; i >= 0 && words < PluperfectWordsBefore; i--)
        {
            if (EndsClause(text, tokens[i])) break;
            if (IsHad(text, tokens[i])) return true;
            if (tokens[i].IsWord) words++;
        }
        for (int i = after, words = 0; i < tokens.Count && words < PluperfectWordsAfter; i++)
        {
            if (EndsClause(text, tokens[i])) break;
            if (IsHad(text, tokens[i])) return true;
            if (tokens[i].IsWord) words++;
        }
        return false;
    }

    /// <summary>
    /// A date written between an article and a noun (<c>the August 1792 uprising</c>, <c>the 4 August 1789 decrees</c>):
    /// it names an event by its date, a thing of the story's background, rather than taking the story there.
    /// </summary>
    private static bool ModifiesNounAfterArticle(string text, List<ScanToken> tokens, TimexCandidate candidate)
    {
        int first = FirstTokenAt(tokens, candidate.Start);
        if (first == 0 || tokens[first - 1].Keyword != TimeKeyword.The) return false;
        int after = FirstTokenAt(tokens, candidate.End);
        return after < tokens.Count && tokens[after] is { IsWord: true, Capitalized: false } noun && noun.Start - candidate.End <= 1
            && noun.Keyword == TimeKeyword.None && !noun.Word.FunctionWord && noun.Word.Unit == 0 && noun.Word.Month == 0;
    }

    /// <summary>A comparison with another time (<c>arranged as in 1614</c>, <c>fewer than in 1913</c>): <c>as</c> or <c>than</c> before <c>in</c>.</summary>
    private static bool ComparesWith(string text, List<ScanToken> tokens, int preposition) =>
        preposition >= 1 && tokens[preposition].Keyword == TimeKeyword.In && tokens[preposition - 1].IsWord
        && (IsWord(text, tokens[preposition - 1], "as") || tokens[preposition - 1].Keyword == TimeKeyword.Than);

    // Nouns before "of" + year that place a time within the year rather than name a thing of it: the end of 1870 moves the story.
    private static readonly HashSet<string> PositionNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "end", "beginning", "start", "middle", "close", "turn", "course", "rest", "remainder", "part", "half", "dawn", "eve", "autumn",
        "spring", "summer", "winter", "fall", "events", "months", "weeks", "days", "years",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PositionNounLookup = PositionNouns.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A year that names a thing by the year it was made (<c>the treaty of 1870</c>, <c>the Constitution of 1791</c>, <c>the
    /// great census of 1860</c>, <c>those of 1870</c>): <c>the</c>, a noun (one adjective allowed before it) and <c>of</c> before it. As <c>the 1870 treaty</c> does, it dates the story's
    /// background. A noun of position (<c>the end of 1870</c>, <c>the course of 1870</c>) takes the story there.
    /// </summary>
    private static bool NamesThingOfYear(string text, List<ScanToken> tokens, int preposition)
    {
        if (preposition < 2 || tokens[preposition].Keyword != TimeKeyword.Of) return false;
        var noun = tokens[preposition - 1];
        if (IsWord(text, noun, "those") || IsWord(text, noun, "that")) return tokens[preposition - 2].IsWord; // "ran along those of 1870"
        bool article = tokens[preposition - 2].Keyword == TimeKeyword.The
            || preposition >= 3 && tokens[preposition - 3].Keyword == TimeKeyword.The && tokens[preposition - 2] is { IsWord: true, Capitalized: false } adjective
                && adjective.Keyword == TimeKeyword.None && !adjective.Word.FunctionWord && adjective.Word.Number == 0;
        if (!article) return false;
        return noun.IsWord && noun.Keyword == TimeKeyword.None && !noun.Word.FunctionWord && noun.Word.Unit == 0 && noun.Word.Month == 0
            && noun.Word.Season == 0 && noun.Word.Number == 0 && noun.Word.Ordinal == 0
            && !PositionNounLookup.Contains(text.AsSpan(noun.Start, noun.End - noun.Start));
    }

    private static bool IsWord(string text, ScanToken token, string word) =>
        text.AsSpan(token.Start, token.End - token.Start).Equals(word, StringComparison.OrdinalIgnoreCase);

    // How far before the expression "until" may stand in its clause.
    private const int EndpointWordsBefore = 8;

    /// <summary>Whether the expression ends a span its clause states: <c>until</c> or <c>till</c> a few words before it.</summary>
    private static bool EndsASpan(string text, List<ScanToken> tokens, TimexCandidate candidate)
    {
        for (int i = FirstTokenAt(tokens, candidate.Start) - 1, words = 0; i >= 0 && words < EndpointWordsBefore; i--)
        {
            if (EndsClause(text, tokens[i])) break;
            if (tokens[i].Keyword == TimeKeyword.Until) return true;
            if (tokens[i].IsWord) words++;
        }
        return false;
    }

    private static int FirstTokenAt(List<ScanToken> tokens, int offset)
    {
        int low = 0, high = tokens.Count;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (tokens[middle].Start < offset) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private static bool EndsClause(string text, ScanToken token) => token.Class == ScanTokenClass.Punctuation && text[token.Start] is '.' or ';' or ':' or '!' or '?' or '\n';

    private static bool IsHad(string text, ScanToken token) =>
        token.IsWord && text.AsSpan(token.Start, token.End - token.Start).Equals("had", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A count of quarters in a history is a fraction (<c>three quarters of the army</c>, <c>a decrease of about a
    /// quarter</c>): histories count time in years and months, and a report's quarters need a report's date. A vague count
    /// (<c>several quarters of losses</c>) is no fraction, but after <c>in</c> it is the idiom for circles of opinion
    /// (<c>it was argued in some quarters</c>).
    /// </summary>
    private static bool IsFractionOfQuarters(string text, TimexCandidate candidate) =>
        candidate.Value is { Type: TimexType.Duration, Unit: TimeUnit.Quarter } quarters && candidate.Need == AnchorNeed.None
        && (quarters.Amount is not null || PreviousWordIs(text, candidate.Start, "in"));

    private static bool PreviousWordIs(string text, int start, string word)
    {
        int end = start;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        int begin = end;
        while (begin > 0 && char.IsLetter(text[begin - 1])) begin--;
        return text.AsSpan(begin, end - begin).Equals(word, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed partial class TimexAnnotator
{
    /// <summary>
    /// The start of the paragraph <paramref name="offset"/> is in: a paragraph ends at a blank line, or at a line break after
    /// the end of a sentence (a hard-wrapped line that breaks mid-sentence continues it). <paramref name="paragraph"/> caches
    /// the last paragraph found, as expressions come in text order.
    /// </summary>
    private static int ParagraphStart(string text, int offset, ref (int Start, int End) paragraph)
    {
        if (offset >= paragraph.Start && offset < paragraph.End) return paragraph.Start;
        int start = offset;
        while (start > 0 && !EndsParagraph(text, start - 1)) start--;
        int end = offset;
        while (end < text.Length && !EndsParagraph(text, end)) end++;
        paragraph = (start, end);
        return start;
    }

    private static bool EndsParagraph(string text, int i)
    {
        if (text[i] != '\n') return false;
        int before = i - 1;
        while (before >= 0 && text[before] is ' ' or '\t' or '\r') before--;
        return before < 0 || text[before] is '\n' or '.' or '!' or '?' or '"' or '”' or ')' or ':';
    }
}

public sealed partial class TimexAnnotator
{
    // How far after a clock time the date it belongs to may be written.
    private const int ClockDateMaxGap = 60;

    /// <summary>
    /// A history often writes the hour before the day (<c>At 5:34 AM local time on March 20, 2003</c>): a clock time without a
    /// date followed, in the same sentence and a few words on, by a full date takes that date rather than the story's last day.
    /// </summary>
    private static void DateClockTimesFromDateAfter(string text, List<TimexCandidate> candidates)
    {
        for (int i = 0; i + 1 < candidates.Count; i++)
        {
            var clock = candidates[i];
            if (clock.Need != AnchorNeed.Fill || clock.Value is not { Hour: not null, Day: null, Month: null, Year: null }) continue;
            var date = candidates[i + 1];
            if (date.Need != AnchorNeed.None || date.Value is not { Year: { } year, Month: { } month, Day: { } day, Hour: null }) continue;
            if (date.Start < clock.End || date.Start - clock.End > ClockDateMaxGap) continue;
            var between = text.AsSpan(clock.End, date.Start - clock.End);
            if (between.IndexOfAny('.', ';', '\n') >= 0 || between.IndexOfAny('(', ')') >= 0) continue;
            clock.Value = clock.Value with { Year = year, Month = month, Day = day };
            clock.Need = AnchorNeed.None;
            clock.DatedBy = date.Start;
        }
    }
}

public sealed partial class TimexAnnotator
{
    // How far after a month or season modifying a noun the date that states its year may be written.
    private const int ModifierDateMaxGap = 80;

    /// <summary>
    /// A month or season written without its year that the same phrase goes on to date: coordinated with one that states it
    /// (<c>the spring and early summer of 1943</c>, <c>March and April 1862</c>), or naming a thing that the clause dates
    /// (<c>their summer offensive against the south in June 1942</c>). It takes that year, not the story's: the story's point
    /// may be a digression, and the writer has given the year a few words on. Only where the first month does not lie after
    /// the dated one (<c>December and January 1943</c> is the December before).
    /// </summary>
    private static void DateMonthsFromYearAfter(string text, List<TimexCandidate> candidates)
    {
        for (int i = 0; i + 1 < candidates.Count; i++)
        {
            var bare = candidates[i];
            if (bare.Need != AnchorNeed.Fill || bare.Holiday is not null || bare.Shift != 0 || bare.Anaphoric) continue;
            if (TryDateDayFromRangeEnd(text, bare, candidates[i + 1])) continue;
            if (bare.Value is not { Year: null, Hour: null } || FirstMonth(bare.Value) is not { } first) continue;
            var date = candidates[i + 1];
            if (date.Need != AnchorNeed.None || date.Value is not { Year: { } year } || date.Value.Season == 4 || FirstMonth(date.Value) is not { } second) continue;
            if (date.Start < bare.End || first > second) continue;
            var between = text.AsSpan(bare.End, date.Start - bare.End);
            bool coordinated = IsCoordination(between);
            bool dated = bare.ModifiesNoun && between.Length <= ModifierDateMaxGap && between.IndexOfAny(".;:()\n") < 0
                && (bare.Value.Month is { } month ? month == date.Value.Month : date.Value.Month is { } inSeason && inSeason - first is >= 0 and < 3);
            if (!coordinated && !dated) continue;
            bare.Value = bare.Value with { Year = year };
            bare.Need = AnchorNeed.None;
            bare.DatedBy = date.Start;
        }
    }

    /// <summary>
    /// A length of time before <c>before</c>/<c>after</c> and a date right after it (<c>Three days before Christmas</c>,
    /// <c>two weeks after 4 July 1761</c>): the offset is that date counted back or on, read once the date is resolved.
    /// </summary>
    private static void CountOffsetsFromDateAfter(string text, List<TimexCandidate> candidates)
    {
        for (int i = 0; i + 1 < candidates.Count; i++)
        {
            var offset = candidates[i];
            var date = candidates[i + 1];
            if (offset.Signal == 0 || offset.Value is not { Type: TimexType.Duration, Amount: { } amount } || amount != Math.Floor(amount) || amount <= 0) continue;
            if (offset.Value.Unit is not (TimeUnit.Day or TimeUnit.Week or TimeUnit.Month or TimeUnit.Year) || date.Start <= offset.End) continue;
            if (date.Value.Type != TimexType.Date || date.Value.Day is null && date.Value.Month is null) continue;
            var between = text.AsSpan(offset.End, date.Start - offset.End).Trim();
            if (!between.Equals(offset.Signal < 0 ? "before" : "after", StringComparison.OrdinalIgnoreCase)) continue;
            date.CountsOffset = offset;
        }
    }

    /// <summary>The offset <paramref name="date"/> counts (<see cref="TimexCandidate.CountsOffset"/>), now that the date is read.</summary>
    private static void RecountOffset(List<Timex> result, Dictionary<TimexCandidate, int> offsets, TimexCandidate date, Timex dated)
    {
        if (date.CountsOffset is not { } offset || !offsets.TryGetValue(offset, out int index)) return;
        var length = offset.Value;
        if (TimexResolver.CountFrom(dated.Value, length.Unit, (int)length.Amount!.Value * offset.Signal) is { } counted)
            result[index] = result[index] with { Value = counted, Anchor = dated.Span.Start, AnchorSource = TimexAnchorSource.Narrative };
    }

    /// <summary>
    /// A sentence of a history that opens on a month without its year (<c>In December, the two powers signed an armistice.</c>)
    /// more than six months after the month the story last named steps forward in that year, rather than back to the year before.
    /// </summary>
    private static void KeepOpeningMonthsInTheYear(string text, List<TimexCandidate> candidates)
    {
        for (int i = 1; i < candidates.Count; i++)
        {
            var opening = candidates[i];
            if (opening.Need != AnchorNeed.Fill || opening.Holiday is not null || opening.Shift != 0 || opening.Anaphoric) continue;
            if (opening.Value is not { Year: null, Month: { } month, Day: null, Hour: null } || !OpensSentenceWithIn(text, opening.Start)) continue;
            if (candidates[i - 1].Value is not { Month: { } earlierMonth, Hour: null } || month - earlierMonth <= 6) continue;
            opening.SameYear = true;
        }
    }

    private static bool OpensSentenceWithIn(string text, int start)
    {
        if (start < 3 || !text.AsSpan(start - 3, 3).Equals("In ", StringComparison.Ordinal)) return false;
        var before = text.AsSpan(0, start - 3).TrimEnd(' ');
        return before.Length == 0 || before[^1] is '.' or '\n' or '!' or '?';
    }

    /// <summary>
    /// A day written without its month at the start of a range whose end states it (<c>from the 13th to the 19th of October
    /// 1950</c>, <c>the 3rd and 4th of May 1808</c>): the day of that month and year, not of the story's month.
    /// </summary>
    private static bool TryDateDayFromRangeEnd(string text, TimexCandidate bare, TimexCandidate end)
    {
        if (bare.Value is not { Day: { } day, Month: null, Year: null, Hour: null }) return false;
        if (end.Need != AnchorNeed.None || end.Value is not { Year: { } year, Month: { } month, Day: { } endDay, Hour: null } || endDay <= day) return false;
        if (end.Start < bare.End) return false;
        var between = text.AsSpan(bare.End, end.Start - bare.End).Trim();
        if (!(between is "to" or "and" or "until" or "till" or "through" or "-" or "–" or "to the" or "and the")) return false;
        bare.Value = bare.Value with { Year = year, Month = month };
        bare.Need = AnchorNeed.None;
        bare.DatedBy = end.Start;
        return true;
    }

    /// <summary>The first month of a month's or season's value: spring from March, winter from December.</summary>
    private static int? FirstMonth(TimeValue value) => value.Month ?? value.Season switch
    {
        1 => 3,
        2 => 6,
        3 => 9,
        4 => 12,
        _ => null,
    };

    private static bool IsCoordination(ReadOnlySpan<char> between)
    {
        var words = between.Trim();
        if (words.Length > 0 && words[0] == ',') words = words[1..].TrimStart();
        return words.Equals("and", StringComparison.OrdinalIgnoreCase) || words.Equals("or", StringComparison.OrdinalIgnoreCase);
    }
}

public sealed partial class TimexAnnotator
{
    /// <summary>
    /// A month or season written without its year in a clause in the pluperfect (<c>who had spent the spring organizing an
    /// army</c>, <c>the garrison had held out since March</c>): <c>had</c> up to eight words before it in its clause (not past
    /// a comma, <c>and</c> or <c>but</c>), and no <c>by</c>, <c>until</c> or <c>till</c> right before it (<c>had been
    /// repulsed by January</c> may be after the point).
    /// </summary>
    private static bool InPluperfectClause(string text, List<ScanToken> tokens, TimexCandidate candidate)
    {
        if (candidate.Holiday is not null || candidate.Shift != 0 || candidate.Value is not { Year: null, Day: null, Hour: null } value) return false;
        if (value.Month is null && value.Season is null) return false;
        // "had been repulsed by January", "had held out until March": a state reached by then, which may lie after the point.
        if (PreviousWordIs(text, candidate.Start, "by") || PreviousWordIs(text, candidate.Start, "until") || PreviousWordIs(text, candidate.Start, "till")) return false;
        for (int i = FirstTokenAt(tokens, candidate.Start) - 1, words = 0; i >= 0 && words < PluperfectWordsBefore; i--)
        {
            // "the towns had been cut off, and in June …": a new clause after a comma or a conjunction is the story's again.
            if (EndsClause(text, tokens[i]) || text[tokens[i].Start] == ',' || IsWord(text, tokens[i], "and") || IsWord(text, tokens[i], "but")) break;
            if (IsHad(text, tokens[i])) return true;
            if (tokens[i].IsWord) words++;
        }
        return false;
    }
}

public sealed partial class TimexAnnotator
{
    /// <summary>
    /// A date a state is counted from (<c>at peace with its neighbour since 1502</c>): <c>since</c> right before it. Earlier
    /// than the story's point, it is background and does not take the story back.
    /// </summary>
    private static bool StartsASpan(string text, TimexCandidate candidate) => PreviousWordIs(text, candidate.Start, "since");

    // Participles that date a source or a person rather than a step of the story: a history published in 1923, a general born in 1490.
    private static readonly HashSet<string> SourceParticiples = new(StringComparer.OrdinalIgnoreCase)
    {
        "born", "published", "written", "printed", "reprinted", "declassified", "released", "issued", "composed", "compiled",
        "translated", "edited", "discovered", "excavated", "unearthed", "rediscovered",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SourceParticipleLookup = SourceParticiples.GetAlternateLookup<ReadOnlySpan<char>>();

    // Words before a participle that make it a verb of the story's own clause (was born in 1795, had been published in 1923).
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "was", "were", "is", "are", "be", "been", "being", "had", "has", "have", "first", "then", "later", "finally", "eventually",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AuxiliaryLookup = Auxiliaries.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A year of another story line than the narrative's: in a phrase that dates a source or a person (<c>an undated report
    /// declassified in 2005</c>, <c>a general born in 1490</c>): a participle of <see cref="SourceParticiples"/> after a noun
    /// (no auxiliary before it), then <c>in</c>. A writer's own clause (<c>the report was published in 1923</c>) moves the story.
    /// </summary>
    private static bool DatesASource(string text, TimexCandidate candidate)
    {
        if (candidate.Value.Year is null || candidate.Value.Day is not null) return false;
        var before = text.AsSpan(0, candidate.Start);
        if (!TakeWordBack(ref before, out var preposition) || !preposition.Equals("in", StringComparison.OrdinalIgnoreCase)) return false;
        if (!TakeWordBack(ref before, out var participle) || !SourceParticipleLookup.Contains(participle)) return false;
        if (!TakeWordBack(ref before, out var previous)) return false;
        return !AuxiliaryLookup.Contains(previous) && !previous.EndsWith("ly", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The word before the end of <paramref name="text"/> across spaces only, and the text before it.</summary>
    private static bool TakeWordBack(ref ReadOnlySpan<char> text, out ReadOnlySpan<char> word)
    {
        int end = text.Length;
        while (end > 0 && text[end - 1] == ' ') end--;
        int begin = end;
        while (begin > 0 && char.IsLetter(text[begin - 1])) begin--;
        word = text[begin..end];
        text = text[..begin];
        return word.Length > 0;
    }
}

public sealed partial class TimexAnnotator
{
    // How long the place before a dateline's date may be ("Washington,", "Paris, Embassy,").
    private const int DatelinePlaceMaxLength = 60;

    /// <summary>
    /// A record's dateline: its first expression, a full date alone on its line but for a place and a comma before it and a
    /// period after it (<c>Washington, March 14, 1952.</c>). The time of writing, which the record's deictic words count from.
    /// </summary>
    private static TimexCandidate? Dateline(string text, List<TimexCandidate> candidates)
    {
        if (candidates.Count == 0 || candidates[0] is not { Need: AnchorNeed.None, Value: { Year: not null, Month: not null, Day: not null } } first) return null;
        int lineStart = first.Start == 0 ? 0 : text.LastIndexOf('\n', first.Start - 1) + 1;
        int lineEnd = text.IndexOf('\n', first.End);
        if (lineEnd < 0) lineEnd = text.Length;
        var before = text.AsSpan(lineStart, first.Start - lineStart).Trim();
        var after = text.AsSpan(first.End, lineEnd - first.End).Trim();
        if (!(after.IsEmpty || after is ".")) return null;
        if (!before.IsEmpty && (before[^1] != ',' || before.Length > DatelinePlaceMaxLength)) return null;
        return first;
    }
}
