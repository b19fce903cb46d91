using Annalist.Core.Discourse;
using Annalist.Core.Text;

namespace Annalist.Core.Quotations;

/// <summary>
/// Dialogue printed with a dash instead of quotation marks (<c>— Come up!</c>, <c>-- What is your name?</c>):
/// a paragraph that opens with a dash, or a dash after a colon (<c>He asked: -- Why?</c>), opens a quotation.
/// It ends where a cue interrupts it (<c>, he said</c>, <c>? Stephen asked</c>, <c>, the old miller said</c>), after its first sentence
/// when it opened after a colon, or else at the paragraph's end. Nothing inside another quotation opens one.
/// </summary>
internal static class DashDialogue
{
    public static void Add(string text, TextSpan[] paragraphs, List<Quotation> found)
    {
        var existing = found.Select(q => q.Span).ToArray();
        foreach (var paragraph in paragraphs)
        {
            int i = paragraph.Start;
            while (i < paragraph.End && char.IsWhiteSpace(text[i])) i++;
            if (TryOpen(text, i, paragraph.End, out int content)) AddOne(text, i, content, paragraph.End, afterColon: false, existing, found);
            for (int k = i; k < paragraph.End; k++)
            {
                if (text[k] != ':') continue;
                int d = k + 1;
                while (d < paragraph.End && text[d] == ' ') d++;
                if (d > k + 1 && TryOpen(text, d, paragraph.End, out int after)) AddOne(text, d, after, paragraph.End, afterColon: true, existing, found);
            }
        }
    }

    /// <summary>A dash (<c>—</c>, <c>–</c> or <c>--</c>) at <paramref name="i"/>, then a space and a letter; <paramref name="content"/> is where the words begin.</summary>
    private static bool TryOpen(string text, int i, int limit, out int content)
    {
        content = -1;
        if (i >= limit) return false;
        int after;
        if (text[i] is '—' or '–') after = i + 1;
        else if (text[i] == '-' && i + 1 < limit && text[i + 1] == '-' && (i + 2 >= limit || text[i + 2] != '-')) after = i + 2;
        else return false;
        int c = after;
        while (c < limit && text[c] == ' ') c++;
        if (c == after || c >= limit || !char.IsLetterOrDigit(text[c])) return false;
        content = c;
        return true;
    }

    private static void AddOne(string text, int start, int content, int limit, bool afterColon, TextSpan[] existing, List<Quotation> found)
    {
        foreach (var span in existing)
        {
            if (span.Start <= start && start < span.End || span.Start >= start && span.Start < limit && span.Start < EndOf(text, content, limit, afterColon)) return;
        }
        int end = EndOf(text, content, limit, afterColon);
        int trimmed = end;
        while (trimmed > content && char.IsWhiteSpace(text[trimmed - 1])) trimmed--;
        if (trimmed <= content) return;
        found.Add(new Quotation(new TextSpan(start, trimmed), new TextSpan(content, trimmed), false, 0, text[start]));
    }

    private static int EndOf(string text, int content, int limit, bool afterColon)
    {
        for (int k = content; k < limit; k++)
        {
            char c = text[k];
            if (c is not (',' or '!' or '?' or '.' or ';')) continue;
            if (k + 1 < limit && text[k + 1] != ' ') continue;
            if (CueFollows(text, k + 1, limit)) return k + 1;
            if (afterColon && c is '.' or '!' or '?') return k + 1;
        }
        return limit;
    }

    /// <summary>A verb of speaking opens the words at <paramref name="at"/>, or follows a pronoun or up to three capitalized words.</summary>
    private static bool CueFollows(string text, int at, int limit)
    {
        int i = at;
        bool phrase = false;
        for (int word = 0; word < 5; word++)
        {
            while (i < limit && text[i] == ' ') i++;
            int start = i;
            while (i < limit && (char.IsLetter(text[i]) || text[i] is '.' or '\'' or '’') && !(text[i] == '.' && (i + 1 >= limit || text[i + 1] == ' ') && i - start > 3)) i++;
            if (i == start) return false;
            var w = text.AsSpan(start, i - start).TrimEnd('.');
            if (w.IsEmpty) return false;
            if (word == 0 && DiscourseLexicon.Contains(DiscourseLexicon.SpeakerDeterminers, w)) { phrase = true; continue; }
            if (char.IsLower(w[0]))
            {
                if (DiscourseLexicon.Contains(DiscourseLexicon.SpeechVerbs, w)) return true;
                // “, the old miller said”: the words of a noun phrase before the verb.
                if (phrase) continue;
                return false;
            }
            if (word == 0 && DiscourseLexicon.Contains(DiscourseLexicon.SubjectPronouns, w)) continue;
        }
        return false;
    }
}
