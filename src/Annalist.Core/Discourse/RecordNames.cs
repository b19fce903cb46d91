using Annalist.Core.Entities;
using Annalist.Core.Text;

namespace Annalist.Core.Discourse;

/// <summary>
/// Names a record's form says are people before any entity exists, for the entities layer, which runs first: the one
/// a transcript's heading says holds the conference or answers (<c>… HELD BY FOREIGN MINISTER X Y</c>, after an office)
/// and a telegram's signature, a name alone on its last line. Read from the text alone.
/// </summary>
internal static class RecordNames
{
    private const int HeadingReach = 600;

    /// <summary>The answerer's name in the heading (without the office before it), or null when no heading names one after an office.</summary>
    public static TextSpan? AnswererName(string text)
    {
        int lineStart = 0;
        while (lineStart < text.Length && lineStart < HeadingReach)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            if (AnswererInLine(text, lineStart, Math.Min(lineEnd, lineStart + 300)) is { } found) return found;
            lineStart = lineEnd + 1;
        }
        return null;
    }

    private static TextSpan? AnswererInLine(string text, int start, int end)
    {
        var line = text.AsSpan(start, end - start);
        foreach (string marker in AnswererMarkers)
        {
            int at = line.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at < 0 || at > 0 && line[at - 1] != ' ') continue;
            int from = start + at + marker.Length;
            int to = from;
            while (to < end && text[to] is not (',' or ';' or '(' or '\n' or ':')) to++;
            // The office's words, then the name: a name with no office before it is not taken (“conference of foreign ministers”).
            int position = from;
            bool office = false;
            while (NextWord(text, position, to) is var (wordStart, wordEnd) && wordStart >= 0)
            {
                var word = text.AsSpan(wordStart, wordEnd - wordStart);
                bool officeWord = TitleLexicon.IsTitleWord(TitleCased(word))
                                  || office && (word.Equals("of", StringComparison.OrdinalIgnoreCase) || TitleLexicon.IsOfficeDomain(TitleCased(word)))
                                  || position == from && word.Equals("the", StringComparison.OrdinalIgnoreCase);
                if (!officeWord) break;
                // A modifier alone (“conference of Foreign Ministers”) is no office: it needs its head (Minister, General, Mr.).
                office |= TitleLexicon.IsHeadTitle(TitleCased(word));
                position = wordEnd;
            }
            if (!office) return null;
            int nameStart = -1, nameEnd = -1, words = 0;
            while (NextWord(text, position, to) is var (wordStart, wordEnd) && wordStart >= 0)
            {
                var word = text.AsSpan(wordStart, wordEnd - wordStart);
                if (!char.IsUpper(word[0]) || IsStopWord(word)) break;
                if (nameStart < 0) nameStart = wordStart;
                nameEnd = wordEnd;
                words++;
                position = wordEnd;
            }
            if (nameStart < 0 || words > 4) return null;
            return new TextSpan(nameStart, nameEnd);
        }
        return null;
    }

    /// <summary>The signature of a telegram (a heading opening <c>Telegram</c>, after any document number): its last line when that is a name alone.</summary>
    public static TextSpan? TelegramSigner(string text)
    {
        var heading = text.AsSpan().TrimStart();
        int digits = 0;
        while (digits < heading.Length && char.IsAsciiDigit(heading[digits])) digits++;
        if (digits > 0 && digits + 1 < heading.Length && heading[digits] == '.') heading = heading[(digits + 1)..].TrimStart();
        if (!heading.StartsWith("telegram", StringComparison.OrdinalIgnoreCase)) return null;
        int end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        int start = text.LastIndexOf('\n', Math.Max(0, end - 1)) + 1;
        if (start == 0 || end - start < 2 || end - start > 40) return null;
        // The line before is blank: a signature stands apart from the text.
        if (start < 2 || text[start - 2] != '\n' && !(start >= 3 && text[start - 2] == '\r' && text[start - 3] == '\n')) return null;
        var line = text.AsSpan(start, end - start);
        int words = 1;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == ' ') { words++; continue; }
            if (!(char.IsLetter(c) || c is '.' or '-' or '\'')) return null;
            if ((i == 0 || line[i - 1] == ' ') && !char.IsUpper(c)) return null;
        }
        return words <= 3 ? new TextSpan(start, end) : null;
    }

    /// <summary>
    /// The names in a transcript's speaker labels: a line opening with a title and a name before a colon
    /// (<c>SECRETARY X:</c>, <c>Mr. Y:</c>), in a text with at least two such lines or a <c>Q:</c>/<c>A:</c> line, so that
    /// the text is a script and not a heading. The title says the name is a person's whatever its casing; a label with
    /// no name (<c>THE PRESIDENT:</c>, <c>Q:</c>) gives none.
    /// </summary>
    public static List<TextSpan> ScriptSpeakers(string text)
    {
        var names = new List<TextSpan>();
        int scriptLines = 0, lineStart = 0;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            int colon = text.IndexOf(':', lineStart, Math.Min(lineEnd - lineStart, 60));
            if (colon > lineStart && colon + 1 < lineEnd && LabelName(text, lineStart, colon) is var (name, script) && script)
            {
                scriptLines++;
                if (name is { } found) names.Add(found);
            }
            lineStart = lineEnd + 1;
        }
        return scriptLines >= 2 ? names : [];
    }

    /// <summary>Whether the words before a colon are a speaker label (<c>Q</c>, <c>A</c>, titles and a name), and the name in it.</summary>
    private static (TextSpan? Name, bool Script) LabelName(string text, int start, int colon)
    {
        var label = text.AsSpan(start, colon - start).Trim();
        if (label is "Q" or "A") return (null, true);
        int position = start, nameStart = -1, nameEnd = -1, words = 0;
        bool title = false;
        while (NextWord(text, position, colon) is var (wordStart, wordEnd) && wordStart >= 0)
        {
            var word = text.AsSpan(wordStart, wordEnd - wordStart);
            if (!char.IsUpper(word[0])) return (null, false);
            string cased = TitleCased(word);
            if (nameStart < 0 && cased is "Of") return (null, title); // an office's label (SECRETARY OF STATE:) holds no name
            if (nameStart < 0 && TitleLexicon.IsTitleWord(cased)) title |= TitleLexicon.IsHeadTitle(cased);
            else if (nameStart < 0 && cased is "The") { }
            else
            {
                if (nameStart < 0) nameStart = wordStart;
                nameEnd = wordEnd;
                words++;
            }
            position = wordEnd;
        }
        // Only words and spaces before the colon: a sentence's clause (“He said: …”) is no label.
        for (int i = position; i < colon; i++) if (text[i] != ' ') return (null, false);
        if (!title || words > 3 || TitleLexicon.IsRecordPartLabel(label.ToString())) return (null, false);
        return (nameStart < 0 ? null : new TextSpan(nameStart, nameEnd), true);
    }

    private static readonly string[] AnswererMarkers =
    [
        "conference of ", "conference by ", "conference held by ", "conference given by ", "interview with ", "interview of ",
        "interview given by ", "interview granted by ", "remarks of ", "remarks by ", "examination of ", "testimony of ", "questioning of ",
    ];

    private static bool IsStopWord(ReadOnlySpan<char> word) =>
        word.Equals("on", StringComparison.OrdinalIgnoreCase) || word.Equals("at", StringComparison.OrdinalIgnoreCase)
        || word.Equals("in", StringComparison.OrdinalIgnoreCase) || word.Equals("before", StringComparison.OrdinalIgnoreCase)
        || word.Equals("held", StringComparison.OrdinalIgnoreCase) || word.Equals("and", StringComparison.OrdinalIgnoreCase)
        || word.Equals("of", StringComparison.OrdinalIgnoreCase);

    /// <summary>The next word (letters, with any inner period, hyphen or apostrophe) between <paramref name="from"/> and <paramref name="to"/>; (-1, -1) when none.</summary>
    private static (int Start, int End) NextWord(string text, int from, int to)
    {
        int start = from;
        while (start < to && text[start] == ' ') start++;
        if (start >= to || !char.IsLetter(text[start])) return (-1, -1);
        int end = start;
        while (end < to && (char.IsLetter(text[end]) || text[end] is '.' or '-' or '\'' or '’')) end++;
        return (start, end);
    }

    private static string TitleCased(ReadOnlySpan<char> word)
    {
        foreach (char c in word) if (char.IsLower(c)) return word.ToString();
        return word.Length < 2 ? word.ToString() : word[0] + word[1..].ToString().ToLowerInvariant();
    }
}
