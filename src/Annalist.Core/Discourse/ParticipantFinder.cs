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
            while (position < text.Length && items < MaxItems)
            {
                var (start, end) = Line(text, position);
                var item = text.AsSpan(start, end - start);
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
        foreach (string label in (ReadOnlySpan<string>)["Participants", "Present", "Participant", "Attendees", "In attendance"])
        {
            if (!line.StartsWith(label, StringComparison.OrdinalIgnoreCase)) continue;
            var after = line[label.Length..];
            if (after.IsEmpty) { length = label.Length; return true; }
            if (after[0] == ':') { length = label.Length + 1; return true; }
        }
        return false;
    }

    /// <summary>A short line without the shape of a sentence of narration.</summary>
    private static bool LooksLikeItem(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || line.Length > MaxItemLength) return false;
        if (!char.IsUpper(line[0]) && line[0] != '(') return false;
        // A quotation or a colon inside the line makes it speech or a heading with text, not an item.
        if (line.IndexOfAny(Quotations.QuotationMarks.All) >= 0 && line.IndexOfAny("“”\"«»„") >= 0) return false;
        int colon = line.IndexOf(':');
        if (colon >= 0 && colon < line.Length - 1) return false;
        int words = 1;
        foreach (char c in line) if (c == ' ') words++;
        if (words > 14) return false;
        // Narration ends in a full stop after a lowercase word; an item may end in an abbreviation.
        if (line[^1] == '.' && line.Length > 2 && char.IsLower(line[^2]) && words > 4) return false;
        return true;
    }

    private static void AddItems(string text, DiscourseWords words, EntityView entities, int start, int end, string? side, List<Participant> found, bool splitOnSemicolons)
    {
        int itemStart = start;
        for (int i = start; i <= end; i++)
        {
            if (i < end && !(splitOnSemicolons && text[i] == ';')) continue;
            AddItem(text, words, entities, itemStart, i, side, found);
            itemStart = i + 1;
        }
    }

    /// <summary>
    /// One item: <c>Soviet Ambassador Zaroubin</c> (role, then name), <c>Mr. Molotov, Foreign Minister</c>
    /// (name, then role), <c>Mr. Logofet (interpreter)</c>, or a role alone (<c>The President</c>).
    /// </summary>
    private static void AddItem(string text, DiscourseWords words, EntityView entities, int start, int end, string? side, List<Participant> found)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is '-' or '•' or '*')) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ';')) end--;
        if (end - start < 2 || !char.IsLetter(text[start])) return;
        var itemSpan = new TextSpan(start, end);
        string? role = null;
        int nameEnd = end;
        int paren = text.IndexOf('(', start, end - start);
        if (paren > start)
        {
            int close = text.IndexOf(')', paren, end - paren);
            role = text.Substring(paren + 1, (close > paren ? close : end) - paren - 1).Trim();
            nameEnd = paren;
        }
        int comma = text.IndexOf(',', start, nameEnd - start);
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
