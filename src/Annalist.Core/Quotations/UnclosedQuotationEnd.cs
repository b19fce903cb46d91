using Annalist.Core.Text;

namespace Annalist.Core.Quotations;

/// <summary>Why an unclosed quotation ends where it does; shown in diagnostic ANL2001.</summary>
public enum UnclosedQuotationReason : byte
{
    /// <summary>Nothing suggests an earlier end: the quotation runs to the end of its paragraph.</summary>
    ParagraphEnd,
    /// <summary>A later sentence reads as narration again; the quotation ends after the sentence before it.</summary>
    NarrationResumes,
    /// <summary>A new quotation with the same opening mark begins; the open one ends before the sentence holding it.</summary>
    NextQuotationOpens,
    /// <summary>The quotation enclosing it closes first.</summary>
    EnclosingQuotationCloses,
}

/// <summary>
/// Decides where a quotation that is never closed ends. Reads only the sentences after the one holding the
/// opening mark, and stops at the first that shows the narrator speaking again:
/// <list type="bullet">
/// <item>it names, in the third person, someone the quotation was attributed to (the names in the
/// cue before the mark: <c>Gromyko:</c>, <c>Eden, turning to him, said:</c>);</item>
/// <item>it opens a speech cue of its own: a colon before a quotation mark, a sentence ending in a colon,
/// or a speaker label (<c>Gromyko: …</c>);</item>
/// <item>after quoted first- or second-person speech, it has no first- or second-person word and its
/// subject (a name or <c>he</c>/<c>she</c>/<c>they</c>, after any leading clause) is followed by a
/// past-tense verb (<c>As the talk went on, Eden asked …</c>); a lone capitalized word opening the sentence
/// counts as a name only when it is capitalized mid-sentence nearby;</item>
/// <item>it holds the next opening mark of the same kind.</item>
/// </list>
/// The quotation then ends with the sentence before, unless that would leave it without a word. Linear
/// in the sentences it reads.
/// </summary>
internal static class UnclosedQuotationEnd
{
    private const int MaxLabelWords = 4;

    /// <summary>How far before the colon a cue's names are looked for; bounds the work on pathological text.</summary>
    private const int MaxCueLength = 200;

    /// <param name="text">The document's text.</param>
    /// <param name="sentences">Sentence spans, sorted by start.</param>
    /// <param name="opening">Offset of the opening mark.</param>
    /// <param name="searchFrom">Offset from which to read (the opening mark, or the mark that continues it in a later paragraph).</param>
    /// <param name="limit">The quotation ends at or before this offset.</param>
    /// <param name="limitIsNewOpening">True when <paramref name="limit"/> is a new opening mark of the same kind.</param>
    /// <param name="speakerNames">Name words of the cue that introduced the quotation.</param>
    /// <returns>The end offset, and why it is there, or null when nothing ended the quotation before <paramref name="limit"/>.</returns>
    public static (int End, UnclosedQuotationReason? Reason) Find(
        string text, ReadOnlySpan<TextSpan> sentences, int opening, int searchFrom, int limit, bool limitIsNewOpening,
        ReadOnlySpan<TextSpan> speakerNames)
    {
        int index = LastStartingAtOrBefore(sentences, searchFrom);
        int previousEnd = -1;
        bool firstPersonSoFar = false;
        int candidate = index + 1;
        if (index >= 0 && sentences[index].End > searchFrom)
        {
            previousEnd = Math.Min(sentences[index].End, limit);
            firstPersonSoFar = HasFirstOrSecondPerson(text, new TextSpan(searchFrom, Math.Max(searchFrom, previousEnd)));
        }
        for (; candidate < sentences.Length && sentences[candidate].Start < limit; candidate++)
        {
            var sentence = sentences[candidate];
            if (sentence.Start <= searchFrom) continue;
            var clipped = new TextSpan(sentence.Start, Math.Min(sentence.End, limit));
            UnclosedQuotationReason? reason =
                NamesSpeaker(text, clipped, speakerNames) || OpensSpeechCue(text, clipped, text[opening]) || (firstPersonSoFar && NarratesInThirdPerson(text, clipped))
                    ? UnclosedQuotationReason.NarrationResumes
                    : limitIsNewOpening && sentence.End >= limit ? UnclosedQuotationReason.NextQuotationOpens : null;
            int end = previousEnd > opening ? previousEnd : TrimEnd(text, opening, sentence.Start);
            if (reason is not null && HasWordOrDigit(text, opening + 1, end)) return (end, reason);
            firstPersonSoFar |= HasFirstOrSecondPerson(text, clipped);
            previousEnd = clipped.End;
        }
        return (TrimEnd(text, opening, limit), null);
    }

    /// <summary>
    /// The name words of the cue just before an opening mark: the colon or comma before it, back to the start
    /// of the sentence. A short cue is a speaker label (<c>Eden:</c>, <c>[Eden said:]</c>, <c>Eden, from the
    /// back:</c>) and all its names count; in a longer one only the subject's (<c>Having read the note, Eden
    /// said:</c>) and names just before a verb of speaking (<c>… Eden asked about it and said:</c>),
    /// so that <c>He told the Ambassador that …, and said,</c> attributes nothing to the Ambassador.
    /// Names are capitalized words, not possessive, not sentence-opening function words. Empty when no cue precedes.
    /// </summary>
    public static void FindSpeakerNames(string text, ReadOnlySpan<TextSpan> sentences, int opening, int lowerBound, List<TextSpan> names)
    {
        int j = opening - 1;
        while (j >= lowerBound && (char.IsWhiteSpace(text[j]) || text[j] is ']' or ')')) j--;
        if (j < lowerBound || text[j] is not (':' or ',')) return;
        int index = LastStartingAtOrBefore(sentences, j);
        int regionStart = index >= 0 && sentences[index].End > j ? Math.Max(sentences[index].Start, lowerBound) : lowerBound;
        regionStart = Math.Max(regionStart, j - MaxCueLength);
        var region = new TextSpan(regionStart, j);

        Span<TextSpan> words = stackalloc TextSpan[MaxCueLength / 2 + 1];
        int count = 0;
        var reader = new WordReader(text, region);
        while (count < words.Length && reader.TryNext(out var word)) words[count++] = word;
        words = words[..count];
        if (count == 0) return;

        if (count <= MaxLabelWords + 1)
        {
            foreach (var word in words)
            {
                if (IsSpeakerName(text, word)) names.Add(word);
            }
            return;
        }

        int subject = 0;
        var first = words[0].Slice(text);
        if (QuotationLexicon.ClauseOpeners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first) || first.EndsWith("ing", StringComparison.Ordinal))
        {
            int comma = region.Slice(text).IndexOf(',');
            subject = count;
            if (comma >= 0)
            {
                for (int k = 0; k < count; k++)
                {
                    if (words[k].Start > regionStart + comma) { subject = k; break; }
                }
            }
        }
        for (int k = subject; k < count && k < subject + 3 && IsNameWord(text, words[k]); k++)
        {
            if (IsSpeakerName(text, words[k])) names.Add(words[k]);
        }
        var speech = QuotationLexicon.SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = 1; k < count; k++)
        {
            if (!speech.Contains(words[k].Slice(text))) continue;
            for (int n = k - 1; n >= 0 && n >= k - 3 && IsNameWord(text, words[n]); n--)
            {
                if (IsSpeakerName(text, words[n]) && !names.Contains(words[n])) names.Add(words[n]);
            }
        }
    }

    private static bool IsSpeakerName(string text, TextSpan word)
    {
        var value = word.Slice(text);
        return value.Length >= 2 && char.IsUpper(value[0]) && !WordReader.IsPossessive(value)
            && !QuotationLexicon.NotNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value);
    }

    internal static bool NamesSpeaker(string text, TextSpan sentence, ReadOnlySpan<TextSpan> speakerNames)
    {
        if (speakerNames.IsEmpty) return false;
        var reader = new WordReader(text, sentence);
        while (reader.TryNext(out var word))
        {
            var stem = WordReader.Stem(word.Slice(text));
            foreach (var name in speakerNames)
            {
                if (stem.SequenceEqual(name.Slice(text))) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A speech cue of the narrator's: a colon before a quotation mark of the open quotation's style (a single
    /// mark inside a double quotation is the speaker quoting someone), or a sentence with a reporting verb
    /// ending in a colon (<c>The answer he gave was:</c>, not <c>The terms are these:</c>), where the words
    /// before the colon have no first- or second-person word; or a speaker label at the start.
    /// </summary>
    internal static bool OpensSpeechCue(string text, TextSpan sentence, char openQuotationMark)
    {
        var span = sentence.Slice(text).TrimEnd();
        if (span.IsEmpty) return false;
        int colon = span.IndexOf(':');
        while (colon >= 0)
        {
            int next = colon + 1;
            while (next < span.Length && char.IsWhiteSpace(span[next])) next++;
            var before = new TextSpan(sentence.Start, sentence.Start + colon);
            bool cue = next == span.Length
                ? HasReportingVerb(text, before)
                : QuotationMarks.IsQuotationMark(span[next]) && !QuotationMarks.IsApostropheLike(span[next])
                    && QuotationMarks.IsDoubleStyle(span[next]) == QuotationMarks.IsDoubleStyle(openQuotationMark);
            if (cue) return !HasFirstOrSecondPerson(text, before);
            int following = span[next..].IndexOf(':');
            colon = following < 0 ? -1 : next + following;
        }
        return StartsWithSpeakerLabel(text, sentence);
    }

    private static bool HasReportingVerb(string text, TextSpan range)
    {
        var reader = new WordReader(text, range);
        var lookup = QuotationLexicon.ReportingVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
        while (reader.TryNext(out var word))
        {
            if (lookup.Contains(word.Slice(text))) return true;
        }
        return false;
    }

    /// <summary><c>Name:</c> or <c>A. Name, title:</c>, up to four capitalized words then a colon, at the start.</summary>
    private static bool StartsWithSpeakerLabel(string text, TextSpan sentence)
    {
        var reader = new WordReader(text, sentence);
        int words = 0;
        while (words < MaxLabelWords && reader.TryNext(out var word))
        {
            var value = word.Slice(text);
            if (words == 0 ? !IsNameWord(text, word) : !char.IsUpper(value[0])) return false;
            words++;
            int after = reader.Position;
            while (after < sentence.End && (text[after] == '.' || char.IsWhiteSpace(text[after]))) after++;
            if (after < sentence.End && text[after] == ':') return true;
            if (after < sentence.End && !char.IsLetter(text[after])) return false;
        }
        return false;
    }

    /// <summary>Third-person narration: a name or he/she/they (after any leading clause), then a past-tense verb, and no I/we/you.</summary>
    internal static bool NarratesInThirdPerson(string text, TextSpan sentence)
    {
        if (HasFirstOrSecondPerson(text, sentence)) return false;
        var reader = new WordReader(text, sentence);
        if (!reader.TryNext(out var first)) return false;
        var firstValue = first.Slice(text);
        bool clauseFirst = QuotationLexicon.ClauseOpeners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(firstValue)
            || firstValue.EndsWith("ing", StringComparison.Ordinal);
        if (clauseFirst)
        {
            int comma = sentence.Slice(text).IndexOf(',');
            reader = comma > 0 ? new WordReader(text, new TextSpan(sentence.Start + comma + 1, sentence.End)) : new WordReader(text, new TextSpan(first.End, sentence.End));
            if (!reader.TryNext(out first)) return false;
        }
        TextSpan verb;
        if (QuotationLexicon.ThirdPersonSubjects.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first.Slice(text)))
        {
            if (!reader.TryNext(out verb)) return false;
        }
        else
        {
            if (!IsNameWord(text, first)) return false;
            int nameWords = 1;
            while (true)
            {
                if (!reader.TryNext(out verb)) return false;
                if (nameWords >= 3 || !IsNameWord(text, verb)) break;
                nameWords++;
            }
            if (!clauseFirst && nameWords == 1 && !AppearsCapitalizedMidSentence(text, first)) return false;
        }
        return IsVerbAfterSubject(text, ref reader, verb);
    }

    /// <summary>
    /// A capitalized word at a sentence's start may be any word (<c>Points reflected …</c>); it reads as a name
    /// when it is also capitalized mid-sentence nearby. Looks a few thousand characters either way.
    /// </summary>
    private static bool AppearsCapitalizedMidSentence(string text, TextSpan word)
    {
        var value = word.Slice(text);
        int windowStart = Math.Max(0, word.Start - NameEvidenceWindow);
        int windowEnd = Math.Min(text.Length, word.End + NameEvidenceWindow);
        int position = windowStart;
        while (position < windowEnd)
        {
            int found = text.AsSpan(position, windowEnd - position).IndexOf(value, StringComparison.Ordinal);
            if (found < 0) return false;
            int at = position + found, end = at + value.Length;
            position = at + 1;
            if (at == word.Start || (end < text.Length && char.IsLetterOrDigit(text[end])) || (at > 0 && char.IsLetterOrDigit(text[at - 1])))
                continue;
            int before = at - 1;
            while (before >= 0 && text[before] is ' ' or '\u00A0') before--;
            if (before >= 0 && before < at - 1 && (char.IsLower(text[before]) || text[before] is ',' or ';')) return true;
        }
        return false;
    }

    private const int NameEvidenceWindow = 3000;

    private static bool IsVerbAfterSubject(string text, ref WordReader reader, TextSpan word)
    {
        var value = word.Slice(text);
        if (QuotationLexicon.InterposedAdverbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value)
            || (value.Length > 3 && value.EndsWith("ly", StringComparison.Ordinal)))
        {
            if (!reader.TryNext(out word)) return false;
            value = word.Slice(text);
        }
        return QuotationLexicon.IsPastTense(value);
    }

    /// <summary>A capitalized word that is no function word or adverb, or an initial (<c>A.</c>).</summary>
    private static bool IsNameWord(string text, TextSpan span)
    {
        var word = span.Slice(text);
        if (!char.IsUpper(word[0])) return false;
        if (word.Length == 1) return span.End < text.Length && text[span.End] == '.';
        return !(word.Length > 3 && word.EndsWith("ly", StringComparison.Ordinal))
            && !QuotationLexicon.NotNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    internal static bool HasFirstOrSecondPerson(string text, TextSpan range)
    {
        var reader = new WordReader(text, range);
        var lookup = QuotationLexicon.FirstOrSecondPerson.GetAlternateLookup<ReadOnlySpan<char>>();
        while (reader.TryNext(out var word))
        {
            var stem = WordReader.Stem(word.Slice(text));
            if (!lookup.Contains(stem)) continue;
            if (stem.Length > 1 && char.IsUpper(stem[1])) continue;
            if (stem.Length == 1 && stem[0] == 'i') continue;
            return true;
        }
        return false;
    }

    /// <summary>A quotation cut to nothing but marks and spaces would say nothing: such an end is not taken.</summary>
    private static bool HasWordOrDigit(string text, int start, int end) =>
        end > start && text.AsSpan(start, end - start).IndexOfAnyExcept(NonWords) >= 0;

    private static readonly System.Buffers.SearchValues<char> NonWords = System.Buffers.SearchValues.Create(
        " \t\r\n\u00A0\"'“”„‘’‚«»‹›「」『』()[].,;:!?…-–—");

    /// <summary>Index of the last sentence starting at or before <paramref name="offset"/>, or -1.</summary>
    internal static int LastStartingAtOrBefore(ReadOnlySpan<TextSpan> sentences, int offset)
    {
        int low = 0, high = sentences.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (sentences[mid].Start <= offset) low = mid + 1;
            else high = mid;
        }
        return low - 1;
    }

    private static int TrimEnd(string text, int opening, int end)
    {
        while (end > opening + 1 && char.IsWhiteSpace(text[end - 1])) end--;
        return Math.Max(end, opening + 1);
    }
}
