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
        // An office listed alone (“The Secretary”) that the entity layer joined to a named item of the block
        // (“Livingston Merchant, Assistant Secretary”) is not that person: two items are two people.
        for (int i = 0; i < found.Count; i++)
        {
            var office = found[i];
            if (office.EntityId is not { } id || !office.Name.StartsWith("The ", StringComparison.OrdinalIgnoreCase)) continue;
            if (found.Any(p => !ReferenceEquals(p, office) && p.EntityId == id && !p.Name.StartsWith("The ", StringComparison.OrdinalIgnoreCase)))
                found[i] = office with { EntityId = null };
        }
        return found;
    }

    /// <summary>
    /// The people a participants block lists, read before any entity exists (for the entities layer, which runs first):
    /// each item's name as a span of <paramref name="text"/> with the office or role stated with it. Narrative
    /// statements are not read; sides are told from people by the block's form alone.
    /// </summary>
    public static List<(TextSpan Name, string? Role)> ListedPeople(string text, Token[] tokens)
    {
        var found = new List<Participant>();
        FindBlocks(text, new DiscourseWords(text, tokens), EntityView.Empty, found);
        var listed = new List<(TextSpan Name, string? Role)>(found.Count);
        foreach (var participant in found)
        {
            int at = text.IndexOf(participant.Name, participant.Span.Start, participant.Span.Length, StringComparison.Ordinal);
            if (at >= 0) listed.Add((new TextSpan(at, at + participant.Name.Length), participant.Role));
        }
        return listed;
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
            if (!TryLabel(line, out int labelLength))
            {
                FindInlineList(text, words, entities, lineStart, lineEnd, found);
                continue;
            }
            int offset = lineStart + (text.AsSpan(lineStart, lineEnd - lineStart).Length - text.AsSpan(lineStart, lineEnd - lineStart).TrimStart().Length);
            string? side = null;
            // Items may follow the label on its own line, separated by semicolons.
            int rest = offset + labelLength;
            // A table of two columns repeats the label in its second cell (“Participants:⇥Participants:”): no item.
            var restOfLine = text.AsSpan(rest, lineEnd - rest).Trim();
            if (restOfLine.Length > 0 && !(TryLabel(restOfLine, out int repeated) && repeated == restOfLine.Length)) AddItems(text, words, entities, rest, lineEnd, side, found, splitOnSemicolons: true);
            int items = 0;
            bool afterBlank = true;
            // The line the last item ended on, so that a line going on with it (an item split over two lines) extends it.
            int lastItemLineEnd = found.Count > 0 && found[^1].Span.End > lineStart ? lineEnd : -1;
            while (position < text.Length && items < MaxItems)
            {
                var (start, end) = Line(text, position);
                var item = text.AsSpan(start, end - start);
                bool groupStart = afterBlank;
                bool continues = lastItemLineEnd == start - 1;
                afterBlank = item.IsWhiteSpace();
                if (item.IsWhiteSpace())
                {
                    // A blank line ends the block unless the next line is another short item.
                    var (nextStart, nextEnd) = Line(text, end + 1);
                    var next = Unnumbered(text.AsSpan(nextStart, nextEnd - nextStart).Trim());
                    if (end + 1 >= text.Length || !LooksLikeItem(next) || IsOtherHeading(next)) break;
                    position = end + 1;
                    continue;
                }
                var trimmed = item.Trim();
                int lead = start + (item.Length - item.TrimStart().Length);
                if (continues && found.Count > 0 && GoesOn(text, found[^1], trimmed))
                {
                    var last = found[^1];
                    int continuationEnd = lead + trimmed.Length;
                    while (continuationEnd > lead && text[continuationEnd - 1] is '.' or ',' or ';' && !EndsWithAbbreviation(text, lead, continuationEnd)) continuationEnd--;
                    string more = text.Substring(lead, continuationEnd - lead);
                    found[^1] = last with { Span = new TextSpan(last.Span.Start, continuationEnd), Role = last.Role is null ? more : last.Role + " " + more };
                    lastItemLineEnd = end;
                    position = end + 1;
                    continue;
                }
                // “Also present: Mr. Sand”, “Others present:”: the block goes on, under no side.
                if (TryLabel(trimmed, out int subLabel))
                {
                    side = null;
                    position = end + 1;
                    items++;
                    int restStart = lead + subLabel;
                    int before = found.Count;
                    if (restStart < end && text.AsSpan(restStart, end - restStart).Trim().Length > 0) AddItems(text, words, entities, restStart, end, side, found, splitOnSemicolons: true);
                    lastItemLineEnd = found.Count > before ? end : -1;
                    continue;
                }
                // “1. Mr. Ralston”, “- Mr. Dubois”, “• Colonel Moe”: the number or bullet is no part of the item.
                var unnumbered = Unnumbered(trimmed);
                if (unnumbered.Length < trimmed.Length)
                {
                    start = lead + (trimmed.Length - unnumbered.Length);
                    trimmed = unnumbered;
                }
                if (!LooksLikeItem(trimmed)) break;
                position = end + 1;
                items++;
                lastItemLineEnd = -1;
                if (trimmed[^1] == ':' && trimmed.Length < 80 && (trimmed.IndexOf('\t') >= 0 || trimmed.Length < 40))
                {
                    // Sides of two columns on one row (“For Norway:⇥For the United States:”) head no one column alone.
                    side = trimmed.IndexOf('\t') >= 0 ? null : trimmed[..^1].Trim().ToString();
                    continue;
                }
                if (trimmed.IndexOf('\t') >= 0 && AllCellsAreSides(text, words, entities, start, end))
                {
                    // A row naming the sides of two columns (“United States”, “United Kingdom”) heads no one column alone.
                    side = null;
                    continue;
                }
                // Once a side heads the block, a lone word between items opens the next side (“Turkey” after the last American).
                if (IsSideHeading(text, words, entities, start, end) || groupStart && OpensGroup(text, words, entities, start, end)
                    || side is not null && trimmed.IndexOf(' ') < 0 && OpensGroup(text, words, entities, start, end))
                {
                    side = trimmed.ToString();
                    continue;
                }
                // “United States: The Secretary, Mr. Allen”: a side before the colon heads the items after it.
                int colon = trimmed.IndexOf(':');
                if (colon > 0 && colon < trimmed.Length - 1 && !IsOfficeCode(trimmed[..colon]) && IsSideHeading(text, words, entities, start, start + colon))
                {
                    side = trimmed[..colon].Trim().ToString();
                    AddItems(text, words, entities, start + colon + 1, end, side, found, splitOnSemicolons: true);
                }
                else AddItems(text, words, entities, start, end, side, found, splitOnSemicolons: true);
                lastItemLineEnd = end;
            }
        }
    }

    private static bool AllCellsAreSides(string text, DiscourseWords words, EntityView entities, int start, int end)
    {
        int cellStart = start;
        for (int i = start; i <= end; i++)
        {
            if (i < end && text[i] != '\t') continue;
            if (text.AsSpan(cellStart, i - cellStart).Trim().Length > 0 && !IsSideHeading(text, words, entities, cellStart, i)) return false;
            cellStart = i + 1;
        }
        return true;
    }

    /// <summary>The line without a leading item number or bullet (<c>1.</c>, <c>2)</c>, <c>(3)</c>, <c>-</c>, <c>•</c>, <c>*</c>, a dash and a space).</summary>
    private static ReadOnlySpan<char> Unnumbered(ReadOnlySpan<char> line)
    {
        if (line.Length > 2 && line[0] is '-' or '•' or '*' or '–' or '—' && line[1] == ' ') return line[2..].TrimStart();
        int i = line.Length > 0 && line[0] == '(' ? 1 : 0;
        int digits = i;
        while (digits < line.Length && digits - i < 3 && char.IsAsciiDigit(line[digits])) digits++;
        if (digits == i || digits + 1 >= line.Length) return line;
        if (line[digits] is '.' or ')' && line[digits + 1] == ' ') return line[(digits + 2)..].TrimStart();
        return line;
    }

    /// <summary>
    /// A line that goes on with the item above it: that item's line broke after a word that cannot end it (<c>of</c>,
    /// <c>the</c>, <c>for</c>), or this line opens in lowercase and is short, without a sentence's end.
    /// </summary>
    private static bool GoesOn(string text, Participant previous, ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || line.Length > 80) return false;
        var before = text.AsSpan(previous.Span.Start, previous.Span.Length).TrimEnd();
        int space = before.LastIndexOf(' ');
        var lastWord = before[(space + 1)..];
        // Not after a comma or “and”: table rows often end so (“The Secretary,”) with the next person on the next line.
        bool dangling = lastWord is "of" or "the" or "for" or "to" or "in" or "on" or "at" or "a" or "an" or "with";
        if (dangling) return true;
        if (!char.IsLower(line[0]) || StartsWithNameParticle(line)) return false;
        int wordCount = line.Count(' ') + 1;
        return wordCount <= 8 && line[^1] is not '.' and not '?' and not '!';
    }

    /// <summary>
    /// The list after an announcing phrase inside a line of narration (<c>… The following were present: A, B and C.</c>),
    /// or of a sentence opening <c>Present at … were</c> (items separated by semicolons, else commas), to the sentence's end.
    /// </summary>
    private static void FindInlineList(string text, DiscourseWords words, EntityView entities, int lineStart, int lineEnd, List<Participant> found)
    {
        var line = text.AsSpan(lineStart, lineEnd - lineStart);
        int itemsStart = -1;
        foreach (string ending in InlineAnnouncements)
        {
            int at = line.IndexOf(ending, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (at == 0 || line[at - 1] == ' ')) { itemsStart = lineStart + at + ending.Length; break; }
        }
        if (itemsStart < 0)
        {
            // “Present at the meeting of the Board were the Chairman, presiding; …”
            for (int sentence = 0; sentence < line.Length && itemsStart < 0;)
            {
                var rest = line[sentence..];
                if (rest.StartsWith("Present at ", StringComparison.Ordinal) || rest.StartsWith("Present were ", StringComparison.Ordinal))
                {
                    int were = rest.IndexOf(" were ", StringComparison.Ordinal);
                    int stop = rest.IndexOf(". ", StringComparison.Ordinal);
                    if (were > 0 && (stop < 0 || were < stop) && were < 160) itemsStart = lineStart + sentence + were + 6;
                }
                int next = rest.IndexOf(". ", StringComparison.Ordinal);
                if (next < 0) break;
                sentence += next + 2;
            }
        }
        if (itemsStart < 0) return;
        while (itemsStart < lineEnd && text[itemsStart] is ' ' or ':') itemsStart++;
        int itemsEnd = SentenceEnd(text, itemsStart, lineEnd);
        if (itemsEnd - itemsStart < 3) return;
        bool semicolons = text.AsSpan(itemsStart, itemsEnd - itemsStart).Count(';') >= 1;
        int before = found.Count;
        if (semicolons) AddItems(text, words, entities, itemsStart, itemsEnd, null, found, splitOnSemicolons: true);
        else AddInlineNames(text, words, entities, itemsStart, itemsEnd, found);
        // An inline list is a block only if it names at least two.
        if (found.Count - before < 2) found.RemoveRange(before, found.Count - before);
    }

    private static readonly string[] InlineAnnouncements = ["following were present:", "those present were:", "present were:", "were present:", "also present were:"];

    /// <summary>Where the sentence opening at <paramref name="from"/> ends: the first full stop followed by a space and a capital, not after an abbreviation or initial.</summary>
    private static int SentenceEnd(string text, int from, int lineEnd)
    {
        for (int i = from; i < lineEnd; i++)
        {
            if (text[i] != '.') continue;
            if (i + 1 < lineEnd && !(text[i + 1] == ' ' && i + 2 < lineEnd && char.IsUpper(text[i + 2]))) continue;
            if (EndsWithAbbreviation(text, from, i + 1)) continue;
            return i;
        }
        return lineEnd;
    }

    /// <summary>Names separated by commas and a last <c>and</c>; a pronoun (<c>myself</c>) is left out.</summary>
    private static void AddInlineNames(string text, DiscourseWords words, EntityView entities, int start, int end, List<Participant> found)
    {
        int partStart = start;
        for (int i = start; i <= end; i++)
        {
            bool and = i + 5 <= end && text.AsSpan(i, 5) is " and ";
            if (i < end && text[i] != ',' && !and) continue;
            int s = partStart;
            while (s < i && char.IsWhiteSpace(text[s])) s++;
            if (text.AsSpan(s, i - s).StartsWith("and ", StringComparison.Ordinal)) s += 4;
            var part = text.AsSpan(s, i - s).Trim();
            if (part.Length > 1 && char.IsUpper(part[0]) && part is not ("I" or "Myself")) AddItem(text, words, entities, s, i, null, found);
            partStart = and ? i + 5 : i + 1;
            if (and) i += 4;
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
        if (line.IndexOf('\t') >= 0)
        {
            foreach (var range in line.Split('\t'))
            {
                var cell = line[range].Trim();
                if (!cell.IsEmpty && !LooksLikeItem(cell)) return false;
            }
            return true;
        }
        if (!char.IsUpper(line[0]) && line[0] is not '(' and not '[' && !StartsWithNameParticle(line)) return false;
        // A quotation or a colon inside the line makes it speech or a heading with text, not an item,
        // except after an office code (“EUR: Mr. Thompson”).
        if (line.IndexOfAny("“”\"«»„") >= 0) return false;
        int colon = line.IndexOf(':');
        if (colon >= 0 && colon < line.Length - 1 && !IsOfficeCode(line[..colon]) && !IsRoleLabel(line[..colon])) return false;
        int words = 1, commas = 0;
        foreach (char c in line)
        {
            if (c == ' ') words++;
            else if (c == ',') commas++;
        }
        // A long line is an item only as a list of names (“The President, Secretary of State, Mr. A, …”).
        if (line.Length > MaxItemLength || words > 14)
            return commas >= 3 && words <= 4 * (commas + 1) && line.Length <= 6 * MaxItemLength || IsNameWithLongOffice(line, words);
        // Narration ends in a full stop after a lowercase word; an item may end in an abbreviation, or
        // give a name and then a role after a comma (“Jacob Beam, Consul General designate at Batavia.”).
        if (line[^1] == '.' && line.Length > 2 && char.IsLower(line[^2]) && words > 4 && !StartsWithNameAndComma(line)) return false;
        return true;
    }

    /// <summary>
    /// A line after a blank line heading another part of the record (<c>SUBJECT</c>, <c>Subject: Trade</c>, <c>Date:</c>):
    /// one of <see cref="RecordPartHeadings"/>, alone or before a colon. It ends the block. (Not every heading label:
    /// <c>Translator:</c> or <c>Others:</c> may head people of the block.)
    /// </summary>
    private static bool IsOtherHeading(ReadOnlySpan<char> line)
    {
        int colon = line.IndexOf(':');
        var head = (colon >= 0 ? line[..colon] : line).Trim();
        if (head.Length is < 2 or > 16) return false;
        foreach (char c in head) if (!char.IsLetter(c)) return false;
        return RecordPartHeadings.Contains(head.ToString().ToLowerInvariant());
    }

    private static readonly HashSet<string> RecordPartHeadings = new(StringComparer.Ordinal)
    {
        "subject", "subjects", "topic", "topics", "agenda", "summary", "date", "time", "place", "location",
        "reference", "distribution", "classification", "source", "attachment", "enclosure",
    };

    /// <summary>A name that opens with a lowercase particle (<c>van Hoorn</c>, <c>de la Serre</c>, <c>d’Arcy</c>): a new item, not the last one going on.</summary>
    private static bool StartsWithNameParticle(ReadOnlySpan<char> line)
    {
        if (line.Length > 2 && line[0] is 'd' or 'l' && line[1] is '\'' or '’' && char.IsUpper(line[2])) return true;
        int i = 0;
        // Up to two particles (“de la”), then a capitalized word.
        for (int particles = 0; particles < 2; particles++)
        {
            int space = line[i..].IndexOf(' ');
            if (space <= 0) return false;
            if (!NameParticles.Contains(line.Slice(i, space).ToString())) return false;
            i += space + 1;
            if (i < line.Length && char.IsUpper(line[i])) return true;
        }
        return false;
    }

    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "van", "von", "de", "du", "da", "di", "del", "della", "der", "den", "ter", "ten", "le", "la", "al", "el", "dos", "das", "zu",
    };

    /// <summary>
    /// A long item of a name and its office (<c>Mr. A, Deputy Assistant Secretary of State for … and Special Adviser to the Secretary</c>):
    /// a name before the first comma, and after it the capitalized words of an office, with at most one lowercase word in five
    /// besides the small words of titles (<c>of</c>, <c>the</c>, <c>for</c>). Narration has far more.
    /// </summary>
    private static bool IsNameWithLongOffice(ReadOnlySpan<char> line, int words)
    {
        if (line.Length > 2 * MaxItemLength || words > 32 || !StartsWithNameAndComma(line)) return false;
        if (line[^1] == '.' && char.IsLower(line[^2])) return false;
        var office = line[(line.IndexOf(',') + 1)..];
        int total = 0, lower = 0;
        foreach (var range in office.Split(' '))
        {
            var word = office[range].Trim(",;()");
            if (word.IsEmpty || !char.IsLetter(word[0])) continue;
            total++;
            if (char.IsLower(word[0]) && !OfficeSmallWords.Contains(word.ToString())) lower++;
        }
        return total > 0 && lower * 5 <= total;
    }

    private static readonly HashSet<string> OfficeSmallWords = new(StringComparer.Ordinal)
    {
        "of", "the", "for", "and", "to", "on", "in", "at", "with", "a", "an", "de", "du", "la", "le", "van", "von",
    };

    /// <summary>A role or side before a colon in an item (<c>Interpreter: Mr. Sund</c>, <c>United States: …</c>): one to three capitalized words.</summary>
    private static bool IsRoleLabel(ReadOnlySpan<char> head)
    {
        head = head.Trim();
        if (head.IsEmpty || head.Length > 32) return false;
        int count = 0;
        foreach (var range in head.Split(' '))
        {
            var word = head[range];
            if (word.IsEmpty) continue;
            if (!char.IsUpper(word[0]) && word is not ("of" or "the")) return false;
            count++;
        }
        return count is >= 1 and <= 3;
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
        bool parted = splitOnSemicolons && text.AsSpan(start, end - start).Contains(';');
        for (int i = start; i <= end; i++)
        {
            // A tab parts the cells of a table row (two columns, one per side); each cell is an item.
            if (i < end && !(splitOnSemicolons && text[i] == ';') && text[i] != '\t') continue;
            // Items parted by semicolons keep their commas: “Mr. A, Chief Engineer; Mr. B, Secretary” is two people with their offices.
            if (CountCommas(text, itemStart, i) >= 3 || !parted && EveryPartOpensWithAddress(text, itemStart, i)) AddList(text, words, entities, itemStart, i, side, found);
            else AddItem(text, words, entities, itemStart, i, side, found);
            itemStart = i + 1;
        }
    }

    private static int CountCommas(string text, int start, int end) => text.AsSpan(start, end - start).Count(',');

    /// <summary>
    /// Parts after commas that each open with a form of address (<c>Comrade A, Comrade B, Comrade C (interpreter)</c>,
    /// <c>Mr. A, Mr. B</c>) are people, however few; an office after a name (<c>Mr. A, Secretary of State</c>) is none.
    /// </summary>
    private static bool EveryPartOpensWithAddress(string text, int start, int end)
    {
        if (CountCommas(text, start, end) == 0) return false;
        int partStart = start;
        bool addressed = false;
        for (int i = start; i <= end; i++)
        {
            if (i < end && text[i] != ',') continue;
            var part = text.AsSpan(partStart, i - partStart).Trim();
            if (part.StartsWith("and ", StringComparison.Ordinal)) part = part[4..].TrimStart();
            int space = part.IndexOf(' ');
            if (space <= 0) return false;
            if (DiscourseLexicon.Contains(DiscourseLexicon.FormsOfAddress, part[..space].TrimEnd('.'))) addressed = true;
            else if (!IsTitleBeforeName(part, space)) return false;
            partStart = i + 1;
        }
        return addressed;
    }

    /// <summary>
    /// An office used as a title before a name (<c>Ambassador Durec</c>, <c>Minister of Finance Berwick</c>): a role noun,
    /// an of-phrase of the office's domain if any, then capitalized words none of which is <c>of</c> or another role noun
    /// (<c>Secretary of State</c> is an office, no name).
    /// </summary>
    private static bool IsTitleBeforeName(ReadOnlySpan<char> part, int space)
    {
        if (!DiscourseLexicon.Contains(DiscourseLexicon.RoleHeads, part[..space])) return false;
        var rest = part[(space + 1)..].Trim();
        int parenthesis = rest.IndexOf('(');
        if (parenthesis >= 0) rest = rest[..parenthesis].TrimEnd();
        if (rest.Length == 0) return false;
        bool opening = true, domains = false, named = false;
        foreach (var range in rest.Split(' '))
        {
            var word = rest[range];
            if (word.Length == 0) continue;
            // “Minister of Finance Berwick”: an of-phrase naming the office's domain, then the name.
            if (opening && word is "of") { domains = true; continue; }
            if (domains && !named && Annalist.Core.Entities.TitleLexicon.IsOfficeDomain(word)) { opening = false; continue; }
            if (domains && opening) return false;
            opening = false;
            if (!char.IsUpper(word[0]) || DiscourseLexicon.Contains(DiscourseLexicon.RoleHeads, word)) return false;
            named = true;
        }
        return named;
    }

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
        // The last of a list of items (“…; and General Ulland”).
        if (text.AsSpan(start, end - start).StartsWith("and ", StringComparison.Ordinal)) start += 4;
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
        if (colon > start && colon < end - 1 && (IsOfficeCode(text.AsSpan(start, colon - start)) || IsRoleLabel(text.AsSpan(start, colon - start))))
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
        // “Minister Ralston and party”, “Mr. Dubois et al.”: the company is said of the item, not its name.
        foreach (string company in Company)
        {
            int at = text.AsSpan(start, nameEnd - start).IndexOf(company, StringComparison.Ordinal);
            if (at <= 0) continue;
            string said = text.Substring(start + at + 1, nameEnd - start - at - 1).Trim();
            role = role is null ? said : role + "; " + said;
            nameEnd = start + at;
            break;
        }
        int paren = text.AsSpan(start, nameEnd - start).IndexOfAny('(', '[') is var p && p > 0 ? start + p : -1;
        if (paren > start)
        {
            char closing = text[paren] == '(' ? ')' : ']';
            int close = text.IndexOf(closing, paren, nameEnd - paren);
            string inside = text.Substring(paren + 1, (close > paren ? close : nameEnd) - paren - 1).Trim();
            // “Mr. Ardley (United Kingdom)”, minutes' style: a country in brackets is the side, not a role.
            if (side is null && NamesCountry(inside)) side = inside;
            // “The Minister of Transport (Mr. A. Crane)”: an office listed with its holder's name in brackets.
            else if (role is null && close > paren && OpensWithAddress(inside) && IsOfficeAlone(text.AsSpan(start, paren - start).Trim()))
            {
                int holderStart = paren + 1;
                while (holderStart < close && char.IsWhiteSpace(text[holderStart])) holderStart++;
                var holder = new TextSpan(holderStart, holderStart + inside.Length);
                string? holderId = entities.MentionAt(holder) is { } mention && mention.Type == "person" ? mention.EntityId : entities.PersonNamed(inside);
                found.Add(new Participant(itemSpan, inside, text.AsSpan(start, paren - start).Trim().ToString(), side, holderId, ParticipantSource.Block));
                return;
            }
            // “The Prime Minister (in the Chair)”: a note of where one sat or for what, no role.
            else if (StartsWithAny(inside, "in ", "for ", "at ", "from ", "until ")) { }
            else role = role is null ? inside : inside + "; " + role;
            nameEnd = paren;
        }
        // A footnote mark glued to the name (“Mr. Ralston2”) is no part of it.
        while (nameEnd - 1 > start && char.IsAsciiDigit(text[nameEnd - 1]) && char.IsLetter(text[nameEnd - 2]) is var letter && (letter || char.IsAsciiDigit(text[nameEnd - 2])))
        {
            int digitsStart = nameEnd - 1;
            while (digitsStart > start && char.IsAsciiDigit(text[digitsStart - 1])) digitsStart--;
            if (digitsStart > start && char.IsLetter(text[digitsStart - 1]) && nameEnd - digitsStart <= 2) nameEnd = digitsStart;
            break;
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
        // “Minister of Trade Rasul”: the office runs on through its “of” phrase to the name.
        bool officeOf = lastRole >= 0 && words.Is(lastRole + 1, "of") && lastRole + 2 < words.Count && words.Span(lastRole + 2).End <= nameEnd && words.IsCapitalized(lastRole + 2);
        if (lastRole >= 0 && lastRole + 1 < words.Count && words.Span(lastRole + 1).End <= nameEnd && (words.IsCapitalized(lastRole + 1) || officeOf))
        {
            // “Secretary of State Dulles”: the role runs on through “of State”.
            int t = lastRole + 1;
            if (words.Is(lastRole + 1, "of")) t = lastRole + 2;
            if (words.Is(lastRole + 1, "of"))
            {
                // An of-phrase of words naming a ministry's domain (“of Trade”, “of Foreign Affairs”) ends where they do: the name may have two words.
                bool domain = Annalist.Core.Entities.TitleLexicon.IsOfficeDomain(words.Word(t));
                while (t + 1 < words.Count && words.Span(t + 1).End <= nameEnd && words.IsCapitalized(t + 1) && !words.IsInitialOrTitle(t + 1) && !LooksLikeSurname(words, t + 1, nameEnd)
                       && (!domain || Annalist.Core.Entities.TitleLexicon.IsOfficeDomain(words.Word(t + 1)))) t++;
                t++;
                // “Secretary of State for War”, “for Foreign Affairs”: a second domain after “for” is the office's too.
                if (words.Is(t, "for") && t + 1 < words.Count && words.Span(t + 1).End <= nameEnd && words.IsCapitalized(t + 1))
                {
                    t++;
                    while (t + 1 < words.Count && words.Span(t + 1).End <= nameEnd && words.IsCapitalized(t + 1) && !words.IsInitialOrTitle(t + 1)
                           && Annalist.Core.Entities.TitleLexicon.IsOfficeDomain(words.Word(t + 1))) t++;
                    t++;
                }
            }
            if (t < words.Count && words.Span(t).End <= nameEnd)
            {
                string leading = text.Substring(start, words.Span(t - 1).End - start).Trim();
                role = role is null ? leading : leading + "; " + role;
                nameStart = words.Span(t).Start;
            }
            else if (role is null)
            {
                role = text.Substring(start, nameEnd - start).Trim();
            }
        }
        else if (lastRole >= 0 && role is null)
        {
            role = text.Substring(start, nameEnd - start).Trim();
        }
        if (nameEnd <= nameStart) return;
        var nameSpan = new TextSpan(nameStart, nameEnd);
        string name = text.Substring(nameStart, nameEnd - nameStart);
        // An office listed alone (“The Secretary”) is no surname: “Assistant Secretary” of another item must not bind it.
        bool office = name.StartsWith("The ", StringComparison.OrdinalIgnoreCase);
        string? id = entities.MentionAt(nameSpan) is { } m && m.Type == "person" ? m.EntityId : office ? entities.PersonNamedExactly(name) : entities.PersonNamed(name);
        // “the Secretary of State for War”, “the Minister of Labour”: not the entity of a shorter office or of a word inside it.
        if (office && id is not null && entities.NameOf(id) is { } entityName && !HoldsEveryCapitalizedWord(entityName, name)) id = null;
        // “WRENFIELD: When will the barges be loaded?” after the block is a transcript's line, not a side and its member.
        if (id is null && side is not null && LooksLikeSpeech(text, words, nameSpan)) return;
        found.Add(new Participant(itemSpan, name, role, side, id, ParticipantSource.Block));
    }

    private static bool HoldsEveryCapitalizedWord(string entityName, string office)
    {
        foreach (string word in office.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length > 1 && char.IsUpper(word[0]) && !word.Equals("The", StringComparison.Ordinal) && !EntityView.ContainsWord(entityName, word)) return false;
        }
        return true;
    }

    private static bool StartsWithAny(string words, params string[] openings) => openings.Any(o => words.StartsWith(o, StringComparison.Ordinal));

    private static bool OpensWithAddress(string words)
    {
        int space = words.IndexOf(' ');
        return space > 0 && DiscourseLexicon.Contains(DiscourseLexicon.FormsOfAddress, words.AsSpan(0, space).TrimEnd('.'));
    }

    /// <summary>An office with no name in it (<c>The Minister of Transport</c>, <c>Chairman</c>): a role noun, any words of its domain after it.</summary>
    private static bool IsOfficeAlone(ReadOnlySpan<char> words)
    {
        bool head = false;
        foreach (var range in words.Split(' '))
        {
            var word = words[range];
            if (word.Length == 0) continue;
            if (DiscourseLexicon.Contains(DiscourseLexicon.RoleHeads, word)) { head = true; continue; }
            if (word is "The" or "the" or "of" or "for" || DiscourseLexicon.Contains(DiscourseLexicon.LowerRanks, word) || DiscourseLexicon.Contains(DiscourseLexicon.RoleNouns, word)) continue;
            if (!head || !Annalist.Core.Entities.TitleLexicon.IsOfficeDomain(word)) return false;
        }
        return head;
    }

    /// <summary>Whether <paramref name="words"/> are a country's name or abbreviation in the gazetteer (<c>France</c>, <c>U.S.S.R.</c>).</summary>
    private static bool NamesCountry(string words) =>
        words.Length is > 1 and < 60 && Entities.EntityModels.Gazetteer.TryGetCountry(string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries)), out _);

    private static bool LooksLikeSpeech(string text, DiscourseWords words, TextSpan item)
    {
        var trimmed = text.AsSpan(item.Start, item.Length).TrimEnd();
        if (trimmed.Length > 0 && trimmed[^1] is '?' or '!') return true;
        for (int t = words.TokenAtOrAfter(item.Start); t < words.Count && words.Span(t).End <= item.End; t++)
        {
            if (!words.IsCapitalized(t) && words.In(t, DiscourseLexicon.FiniteMarkers)) return true;
        }
        return false;
    }

    private static readonly string[] Company = [" and party", " and his party", " et al", " and members of his staff", " and members of her staff", " and staff", " and others", " and aides", " and advisers", " and advisors"];

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
