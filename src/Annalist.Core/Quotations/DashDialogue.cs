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
        char mark = text[start];
        for (int turns = 0; turns < 50; turns++)
        {
            int end = EndOf(text, content, limit, afterColon);
            foreach (var span in existing)
            {
                if (span.Start <= start && start < span.End || span.Start >= start && span.Start < limit && span.Start < end) return;
            }
            int trimmed = end;
            while (trimmed > content && char.IsWhiteSpace(text[trimmed - 1])) trimmed--;
            if (trimmed <= content) return;
            found.Add(new Quotation(new TextSpan(start, trimmed), new TextSpan(content, trimmed), false, 0, mark));
            if (afterColon || end >= limit) return;
            // The words go on after their cue (“— Thanks, he said. — I can't …” or “… he said. I can't …”).
            int next = SentenceEndAfter(text, end, limit);
            while (next < limit && char.IsWhiteSpace(text[next])) next++;
            if (next >= limit) return;
            if (TryOpen(text, next, limit, out int reopened)) (start, content) = (next, reopened);
            else if (SpeechLike(text, next, limit)) (start, content) = (next, next);
            else return;
        }
    }

    /// <summary>Just after the end of the sentence that runs on from <paramref name="from"/> (a cue), or <paramref name="limit"/>.</summary>
    private static int SentenceEndAfter(string text, int from, int limit)
    {
        for (int k = from; k < limit; k++)
        {
            if (text[k] is '.' or '!' or '?' && (k + 1 >= limit || char.IsWhiteSpace(text[k + 1]))) return k + 1;
            // “— Thanks, he said, — I can't …”: a dash after the cue's comma takes the words up again.
            if (text[k] == ',' && k + 2 < limit && text[k + 1] == ' ' && TryOpen(text, k + 2, limit, out _)) return k + 1;
        }
        return limit;
    }

    /// <summary>
    /// A sentence at <paramref name="at"/> that reads as the speaker going on rather than narration: it says
    /// <c>I</c>, <c>me</c>, <c>we</c> or <c>you</c>, or asks or exclaims, and does not open with a third-person
    /// pronoun, which narration after a cue usually does (<c>He went out.</c>).
    /// </summary>
    private static bool SpeechLike(string text, int at, int limit)
    {
        int end = SentenceEndAfter(text, at, limit);
        var sentence = text.AsSpan(at, end - at);
        if (sentence.IsEmpty || !char.IsLetter(sentence[0]) && sentence[0] is not ('\'' or '’')) return false;
        bool firstWord = true, personal = false;
        foreach (var range in sentence.SplitAny(" \n\t,;:.!?"))
        {
            var w = sentence[range];
            if (w.IsEmpty) continue;
            if (firstWord && DiscourseLexicon.Contains(DiscourseLexicon.ThirdPersonPronouns, w)) return false;
            firstWord = false;
            int apostrophe = w.IndexOfAny('\'', '’');
            var stem = apostrophe > 0 ? w[..apostrophe] : w;
            if (stem is "I" || stem.Equals("me", StringComparison.OrdinalIgnoreCase) || stem.Equals("we", StringComparison.OrdinalIgnoreCase)
                || stem.Equals("you", StringComparison.OrdinalIgnoreCase) || stem.Equals("my", StringComparison.OrdinalIgnoreCase) || stem.Equals("your", StringComparison.OrdinalIgnoreCase)) personal = true;
        }
        char last = sentence.TrimEnd()[^1];
        return personal || last is '?' or '!';
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
            // “, he said”: a pronoun before the verb, in either case.
            if (word == 0 && DiscourseLexicon.Contains(DiscourseLexicon.SubjectPronouns, w)) continue;
            if (char.IsLower(w[0]))
            {
                if (DiscourseLexicon.Contains(DiscourseLexicon.SpeechVerbs, w)) return true;
                // “, the old miller said”: the words of a noun phrase before the verb.
                if (phrase) continue;
                return false;
            }
        }
        return false;
    }
}
