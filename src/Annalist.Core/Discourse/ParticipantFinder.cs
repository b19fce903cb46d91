using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Core.Discourse;

/// <summary>
/// Participants of the conversation: the items of a participants block (a line <c>Participants:</c>,
/// then one item per line, under optional side headings such as <c>United States:</c>), or, failing
/// a block, the names of narrative statements (<c>A and B met with C and D</c>, <c>Other than X, Y and
/// Z were present</c>).
/// </summary>
internal static class ParticipantFinder
{
    private const int MaxItemLength = 160;
    private const int MaxItems = 60;

    public static List<Participant> Find(string text, DiscourseWords words, List<SpeakerCandidate> candidates, TextSpan[] sentences, EntityView entities)
    {
        var found = new List<Participant>();
        FindBlocks(text, words, entities, found);
        if (found.Count == 0) FindNarrative(text, words, candidates, sentences, found);
        return found;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void FindBlocks(string text, DiscourseWords words, EntityView entities, List<Participant> found)
    {
        int position = 0;
        while (position < text.Length)
        {
            var (lineStart, lineEnd) = Line(text, position);
            position = lineEnd + 1;
            var line = text.AsSpan(lineStart, lineEnd - lineStart).Trim();
            if (!TryLabel(line, out int labelLength)) continue;
            int offset = lineStart + (text.AsSpan(lineStart, lineEnd - lineStart).Length - text.AsSpan(lineStart, lineEnd - lineStart).TrimStart().Length);
            string? side = null;
            // Items may follow the label on its own line, separated by semicolons.
            int rest = offset + labelLength;
            if (text.AsSpan(rest, lineEnd - rest).Trim().Length > 0) AddItems(text, words, entities, rest, lineEnd, side, found, splitOnSemicolons: true);
            int items = 0;
            bool afterBlank = true;
            while (position < text.Length && items < MaxItems)
            {
                var (start, end) = Line(text, position);
                var item = text.AsSpan(start, end - start);
                bool groupStart = afterBlank;
                afterBlank = item.IsWhiteSpace();
                if (item.IsWhiteSpace())
                {
                    // A blank line ends the block unless the next line is another short item.
                    var (nextStart, nextEnd) = Line(text, end + 1);
                    if (end + 1 >= text.Length || !LooksLikeItem(text.AsSpan(nextStart, nextEnd - nextStart).Trim())) break;
                    position = end + 1;
                    continue;
                }
                var trimmed = item.Trim();
                if (!LooksLikeItem(trimmed)) break;
                position = end + 1;
                items++;
                if (trimmed[^1] == ':' && trimmed.Length < 40)
                {
                    side = trimmed[..^1].Trim().ToString();
                    continue;
                }
                if (IsSideHeading(text, words, entities, start, end) || groupStart && OpensGroup(text, words, entities, start, end))
                {
                    side = trimmed.ToString();
                    continue;
                }
                AddItems(text, words, entities, start, end, side, found, splitOnSemicolons: true);
            }
        }
    }

    private static (int Start, int End) Line(string text, int position)
    {
        if (position >= text.Length) return (text.Length, text.Length);
        int newline = text.IndexOf('\n', position);
        return (position, newline < 0 ? text.Length : newline);
    }

    private static bool TryLabel(ReadOnlySpan<char> line, out int length)
    {
        length = 0;
        if (line.IsEmpty) return false;
        foreach (string label in DiscourseLexicon.ParticipantBlockLabels)
        {
            if (!line.StartsWith(label, StringComparison.OrdinalIgnoreCase)) continue;
            if (TryLabelEnd(line, label.Length, out length)) return true;
        }
        // A misspelt label (“Particpants”): one word of the label's length, give or take a letter, with its ends.
        int word = 0;
        while (word < line.Length && char.IsLetter(line[word])) word++;
        if (word is >= 10 and <= 13 && line.StartsWith("partic", StringComparison.OrdinalIgnoreCase)
            && line[..word].EndsWith("ants", StringComparison.OrdinalIgnoreCase) && TryLabelEnd(line, word, out length)) return true;
        // A sentence that announces the list (“The following were present:”) ends in a colon; it may close a
        // paragraph of narration (“The situation was discussed. The following were present:”).
        var announcing = line;
        int lastStop = line.LastIndexOf(". ");
        if (lastStop >= 0 && line[^1] == ':') announcing = line[(lastStop + 2)..].TrimStart();
        if (announcing.Length is > 0 and < 80 && announcing[^1] == ':')
        {
            var words = announcing[..^1].TrimEnd();
            foreach (string ending in DiscourseLexicon.ParticipantLabelEndings)
            {
                if (words.EndsWith(ending, StringComparison.OrdinalIgnoreCase) && (words.Length == ending.Length || words[^(ending.Length + 1)] == ' '))
                {
                    length = line.Length;
                    return true;
                }
            }
        }
        return false;
    }

    private static bool TryLabelEnd(ReadOnlySpan<char> line, int labelLength, out int length)
    {
        length = 0;
        var after = line[labelLength..];
        if (after.IsWhiteSpace()) { length = line.Length; return true; }
        if (after[0] == ':') { length = labelLength + 1; return true; }
        return false;
    }

    /// <summary>A short line without the shape of a sentence of narration.</summary>
    private static bool LooksLikeItem(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty) return false;
        if (!char.IsUpper(line[0]) && line[0] is not '(' and not '[') return false;
        // A quotation or a colon inside the line makes it speech or a heading with text, not an item,
        // except after an office code (“EUR: Mr. Thompson”).
        if (line.IndexOfAny("“”\"«»„") >= 0) return false;
        int colon = line.IndexOf(':');
        if (colon >= 0 && colon < line.Length - 1 && !IsOfficeCode(line[..colon])) return false;
        int words = 1, commas = 0;
        foreach (char c in line)
        {
            if (c == ' ') words++;
            else if (c == ',') commas++;
        }
        // A long line is an item only as a list of names (“The President, Secretary of State, Mr. A, …”).
        if (line.Length > MaxItemLength || words > 14)
            return commas >= 3 && words <= 4 * (commas + 1) && line.Length <= 6 * MaxItemLength;
        // Narration ends in a full stop after a lowercase word; an item may end in an abbreviation, or
        // give a name and then a role after a comma (“Jacob Beam, Consul General designate at Batavia.”).
        if (line[^1] == '.' && line.Length > 2 && char.IsLower(line[^2]) && words > 4 && !StartsWithNameAndComma(line)) return false;
        return true;
    }

    /// <summary>A short code of an office before a colon: <c>EUR</c>, <c>UNA</c>, <c>S/P</c>.</summary>
    private static bool IsOfficeCode(ReadOnlySpan<char> head)
    {
        if (head.IsEmpty || head.Length > 6) return false;
        foreach (char c in head) if (!char.IsUpper(c) && c is not '/' and not '-') return false;
        return true;
    }

    /// <summary>The words before the line's first comma are capitalized, and at most five.</summary>
    private static bool StartsWithNameAndComma(ReadOnlySpan<char> line)
    {
        int comma = line.IndexOf(',');
        if (comma <= 0) return false;
        int words = 0;
        foreach (var range in line[..comma].Split(' '))
        {
            var word = line[..comma][range];
            if (word.IsEmpty) continue;
            if (!char.IsUpper(word[0])) return false;
            words++;
        }
        return words is >= 1 and <= 5;
    }

    /// <summary>
    /// A line that heads a side of the table (<c>United States</c>, <c>Soviet Delegation</c>): a place or
    /// organization mention as a whole, a place of the gazetteer, or words ending in a noun of affiliation, without a person's title.
    /// </summary>
    private static bool IsSideHeading(string text, DiscourseWords words, EntityView entities, int start, int end)
    {
        var line = text.AsSpan(start, end - start).Trim();
        if (line.IsEmpty || line.Length > 40 || line.IndexOf(',') >= 0 || line.IndexOf('(') >= 0) return false;
        int offset = start + (text.AsSpan(start, end - start).Length - text.AsSpan(start, end - start).TrimStart().Length);
        var span = new TextSpan(offset, offset + line.Length);
        if (entities.MentionAt(span) is { } m && m.Span.Start <= span.Start + 4 && m.Span.End >= span.End && m.Type is "place" or "organization") return true;
        var bare = line.StartsWith("The ", StringComparison.Ordinal) ? line[4..] : line;
        if (Entities.EntityModels.Gazetteer.TryGetPlace(bare, out _)) return true;
        int first = words.TokenAtOrAfter(offset), last = -1;
        for (int t = first; t < words.Count && words.Span(t).End <= span.End; t++)
        {
            if (words.IsInitialOrTitle(t) || words.In(t, DiscourseLexicon.RoleHeads)) return false;
            if (words.Kind(t) == TokenKind.Word) last = t;
        }
        return last >= 0 && words.In(last, DiscourseLexicon.AffiliationHeads);
    }

    /// <summary>
    /// A line opening a group of the table (after the label or a blank line) that names no person: one word, or
    /// two or three not tagged as a person, capitalized, without a title or role, with an item line right under it (<c>Turkey</c>).
    /// </summary>
    private static bool OpensGroup(string text, DiscourseWords words, EntityView entities, int start, int end)
    {
        var line = text.AsSpan(start, end - start).Trim();
        if (line.IsEmpty || line.Length > 30 || line.IndexOfAny(",().:;") >= 0) return false;
        int offset = start + (text.AsSpan(start, end - start).Length - text.AsSpan(start, end - start).TrimStart().Length);
        var span = new TextSpan(offset, offset + line.Length);
        // A lone word is no one's name there (the tagger may call a country a person); two or more may be.
        if (line.IndexOf(' ') > 0 && entities.MentionAt(span) is { Type: "person" }) return false;
        int count = 0;
        for (int t = words.TokenAtOrAfter(offset); t < words.Count && words.Span(t).End <= span.End; t++)
        {
            if (!words.IsCapitalized(t) || words.IsInitialOrTitle(t) || words.In(t, DiscourseLexicon.RoleHeads) || words.In(t, DiscourseLexicon.RoleNouns) || words.In(t, DiscourseLexicon.Titles)) return false;
            count++;
        }
        if (count is < 1 or > 3) return false;
        var (nextStart, nextEnd) = Line(text, end + 1);
        var next = text.AsSpan(nextStart, nextEnd - nextStart).Trim();
        return end + 1 < text.Length && LooksLikeItem(next) && next.IndexOf(' ') > 0;
    }

    private static void AddItems(string text, DiscourseWords words, EntityView entities, int start, int end, string? side, List<Participant> found, bool splitOnSemicolons)
    {
        int itemStart = start;
        for (int i = start; i <= end; i++)
        {
            if (i < end && !(splitOnSemicolons && text[i] == ';')) continue;
            if (CountCommas(text, itemStart, i) >= 3) AddList(text, words, entities, itemStart, i, side, found);
            else AddItem(text, words, entities, itemStart, i, side, found);
            itemStart = i + 1;
        }
    }

    private static int CountCommas(string text, int start, int end) => text.AsSpan(start, end - start).Count(',');

    /// <summary>
    /// A line listing several people (<c>The President, Secretary of State, Mr. A, and Mr. B</c>): each
    /// comma-separated part is one item, save a generational suffix (<c>Jr.</c>), which stays with its name.
    /// </summary>
    private static void AddList(string text, DiscourseWords words, EntityView entities, int start, int end, string? side, List<Participant> found)
    {
        int partStart = start;
        for (int i = start; i <= end; i++)
        {
            if (i < end && text[i] != ',') continue;
            int next = NextPartEnd(text, i + 1, end);
            if (i < end && IsNameSuffix(text.AsSpan(i + 1, next - i - 1).Trim())) continue;
            int s = partStart;
            while (s < i && char.IsWhiteSpace(text[s])) s++;
            if (text.AsSpan(s, i - s).StartsWith("and ", StringComparison.Ordinal)) s += 4;
            AddItem(text, words, entities, s, i, side, found);
            partStart = i + 1;
        }
    }

    private static int NextPartEnd(string text, int from, int end)
    {
        int comma = from < end ? text.IndexOf(',', from, end - from) : -1;
        return comma < 0 ? end : comma;
    }

    private static bool IsNameSuffix(ReadOnlySpan<char> part) =>
        part is "Jr." or "Jr" or "Sr." or "Sr" or "II" or "III" or "IV" or "Esq." or "Esq";

    /// <summary>
    /// One item: <c>Soviet Ambassador Zaroubin</c> (role, then name), <c>Mr. Molotov, Foreign Minister</c>
    /// (name, then role), <c>Mr. Logofet (interpreter)</c>, or a role alone (<c>The President</c>).
    /// </summary>
    private static void AddItem(string text, DiscourseWords words, EntityView entities, int start, int end, string? side, List<Participant> found)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is '-' or '•' or '*')) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ';')) end--;
        // A bracketed item (“(Colonel Moe, Staff)”, an editor's “[Mr. Osborn”) is read without its brackets.
        if (start < end && text[start] is '(' or '[')
        {
            char close = text[start] == '(' ? ')' : ']';
            start++;
            if (end > start && text[end - 1] == close) end--;
        }
        // A full stop closes the item unless it ends an abbreviation (“Jr.”, “J.C.S.”).
        if (end - start > 2 && text[end - 1] == '.' && char.IsLower(text[end - 2]) && !EndsWithAbbreviation(text, start, end)) end--;
        string? role = null;
        // “EUR: Mr. Thompson”: the office code before the colon is the role.
        int colon = text.IndexOf(':', start, end - start);
        if (colon > start && IsOfficeCode(text.AsSpan(start, colon - start)))
        {
            role = text.Substring(start, colon - start);
            start = colon + 1;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
        }
        // “General McNaughton—Canadian Delegation”: what follows a dash is the side, outside the item.
        int dash = text.AsSpan(start, end - start).IndexOfAny('—', '–');
        if (dash > 0 && IsOfficeCode(text.AsSpan(start, dash).Trim()))
        {
            // “UNA—Mr. Rusk”: an office code before the dash is the role.
            role = text.AsSpan(start, dash).Trim().ToString();
            start += dash + 1;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
        }
        else if (dash > 0)
        {
            string after = text.Substring(start + dash + 1, end - start - dash - 1).Trim(' ', ']', ')');
            if (after.Length > 0) side = after;
            end = start + dash;
            while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ')' or ']')) end--;
        }
        if (end - start < 2 || !char.IsLetter(text[start])) return;
        var itemSpan = new TextSpan(start, end);
        int nameEnd = end;
        int paren = text.IndexOf('(', start, end - start);
        if (paren > start)
        {
            int close = text.IndexOf(')', paren, end - paren);
            role = text.Substring(paren + 1, (close > paren ? close : end) - paren - 1).Trim();
            nameEnd = paren;
        }
        int comma = text.IndexOf(',', start, nameEnd - start);
        // “Mr. A. Brenn, Jr.”: a generational suffix belongs to the name.
        if (comma > start && IsNameSuffix(text.AsSpan(comma + 1, NextPartEnd(text, comma + 1, nameEnd) - comma - 1).Trim()))
            comma = NextPartEnd(text, comma + 1, nameEnd) is var next && next < nameEnd ? next : -1;
        if (comma > start)
        {
            string after = text.Substring(comma + 1, nameEnd - comma - 1).Trim();
            if (after.Length > 0) role = role is null ? after : after + "; " + role;
            nameEnd = comma;
        }
        while (nameEnd > start && char.IsWhiteSpace(text[nameEnd - 1])) nameEnd--;
        int nameStart = start;
        // Leading office words (capitalized words up to the last role noun) are the role, the rest the name.
        int first = words.TokenAtOrAfter(start);
        int lastRole = -1;
        for (int t = first; t < words.Count && words.Span(t).End <= nameEnd; t++)
        {
            if (words.In(t, DiscourseLexicon.RoleHeads) && !words.IsInitialOrTitle(t)) lastRole = t;
            else if (words.Kind(t) != TokenKind.Word && words.Kind(t) != TokenKind.Abbreviation) break;
        }
        if (lastRole >= 0 && lastRole + 1 < words.Count && words.Span(lastRole + 1).End <= nameEnd && words.IsCapitalized(lastRole + 1))
        {
            // “Secretary of State Dulles”: the role runs on through “of State”.
            int t = lastRole + 1;
            if (words.Is(lastRole + 1, "of")) t = lastRole + 2;
            if (words.Is(lastRole + 1, "of"))
            {
                while (t + 1 < words.Count && words.Span(t + 1).End <= nameEnd && words.IsCapitalized(t + 1) && !words.IsInitialOrTitle(t + 1) && !LooksLikeSurname(words, t + 1, nameEnd)) t++;
                t++;
            }
            if (t < words.Count && words.Span(t).End <= nameEnd)
            {
                string leading = text.Substring(start, words.Span(t - 1).End - start).Trim();
                role = role is null ? leading : leading + "; " + role;
                nameStart = words.Span(t).Start;
            }
        }
        else if (lastRole >= 0 && role is null)
        {
            role = text.Substring(start, nameEnd - start).Trim();
        }
        if (nameEnd <= nameStart) return;
        var nameSpan = new TextSpan(nameStart, nameEnd);
        string name = text.Substring(nameStart, nameEnd - nameStart);
        string? id = entities.MentionAt(nameSpan) is { } m && m.Type == "person" ? m.EntityId : entities.PersonNamed(name);
        found.Add(new Participant(itemSpan, name, role, side, id, ParticipantSource.Block));
    }

    private static bool EndsWithAbbreviation(string text, int start, int end)
    {
        int space = text.LastIndexOf(' ', end - 1, end - start);
        var last = text.AsSpan(space + 1, end - space - 1);
        return last is "Jr." or "Sr." or "Esq." or "etc." || last.Length <= 3 && char.IsUpper(last[0]);
    }

    /// <summary>The last capitalized word before the end is a surname, not part of the office.</summary>
    private static bool LooksLikeSurname(DiscourseWords words, int t, int nameEnd) => t + 1 >= words.Count || words.Span(t + 1).Start >= nameEnd;

    private static void FindNarrative(string text, DiscourseWords words, List<SpeakerCandidate> candidates, TextSpan[] sentences, List<Participant> found)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int c = 0;
        foreach (var sentence in sentences)
        {
            var body = sentence.Slice(text);
            int met = IndexOfWords(body, " met with ");
            int present = Math.Max(IndexOfWords(body, " were present"), IndexOfWords(body, " was present"));
            if (met < 0 && present < 0) continue;
            int limit = sentence.Start + (met >= 0 ? body.Length : present);
            if (met >= 0)
            {
                // Names after “met with” run to the first preposition of place or time.
                int stop = FirstOf(body[(met + 10)..], [" in ", " at ", " on ", " during ", " to "]);
                limit = stop < 0 ? sentence.End : sentence.Start + met + 10 + stop;
            }
            while (c < candidates.Count && candidates[c].Span.Start < sentence.Start) c++;
            for (int k = c; k < candidates.Count && candidates[k].Span.End <= limit; k++)
            {
                var candidate = candidates[k];
                if (candidate.Kind == CandidateKind.Pronoun || candidate.Possessive) continue;
                string name = text.Substring(candidate.Span.Start, candidate.Span.Length);
                string key = candidate.EntityId ?? name;
                if (!seen.Add(key)) continue;
                found.Add(new Participant(candidate.Span, name, candidate.Kind == CandidateKind.Role ? name : null, null, candidate.EntityId, ParticipantSource.Narrative));
            }
        }
    }

    private static int IndexOfWords(ReadOnlySpan<char> body, string words) => body.IndexOf(words, StringComparison.Ordinal);

    private static int FirstOf(ReadOnlySpan<char> body, ReadOnlySpan<string> needles)
    {
        int best = -1;
        foreach (string needle in needles)
        {
            int at = body.IndexOf(needle, StringComparison.Ordinal);
            if (at >= 0 && (best < 0 || at < best)) best = at;
        }
        return best;
    }
}
