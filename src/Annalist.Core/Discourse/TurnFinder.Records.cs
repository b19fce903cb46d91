using System.Collections.Immutable;
using Annalist.Core.Text;

namespace Annalist.Core.Discourse;

/// <summary>
/// Record styles beyond the memorandum's narration: a transcript's questioner and answerer as its heading names them
/// (<c>Press Conference of the Secretary of State</c>, <c>Interview with General X</c>), and the voices of sides and
/// delegations (<c>The Soviet side stated that …</c>).
/// </summary>
internal sealed partial class TurnFinder
{
    /// <summary>What a heading says about the one who answers: the words naming him, his entity if bound, and whether the questions are the press's.</summary>
    private readonly record struct Answerer(string? Text, ImmutableArray<string> Ids, bool Press, string? Questioner = null, ImmutableArray<string> QuestionerIds = default);

    private Answerer? _answerer;

    /// <summary>Phrases of a heading after which the one holding the conference or answering is named.</summary>
    private static readonly string[] AnswererMarkers =
    [
        "conference of ", "conference by ", "conference held by ", "conference given by ", "interview with ", "interview of ",
        "interview given by ", "interview granted by ", "remarks of ", "remarks by ", "examination of ", "testimony of ", "questioning of ",
    ];

    private bool? _questionAnswerLines;

    /// <summary>
    /// A <c>Q</c> or <c>A</c> label, or <c>Question</c> / <c>Answer</c> in a document whose lines open with both (elsewhere
    /// they are headings: <c>Question: the status of the loan</c>).
    /// </summary>
    private bool IsQuestionAnswerLabel(int t)
    {
        var word = _words.Word(t);
        if (word is "Q" or "A") return true;
        if (!word.Equals("question", StringComparison.OrdinalIgnoreCase) && !word.Equals("answer", StringComparison.OrdinalIgnoreCase)) return false;
        _questionAnswerLines ??= HasLineOpening("question:") && HasLineOpening("answer:");
        return _questionAnswerLines.Value;
    }

    /// <summary>
    /// The sender of a telegram (<c>TELEGRAM FROM THE EMBASSY IN …</c>, <c>30. Telegram From …</c>): the name alone on its last line, the signature
    /// (<c>HALLORAN</c>), given a likely casing; null when the record is no telegram or ends otherwise.
    /// </summary>
    private string? TelegramSigner()
    {
        if (_paragraphs.Length < 2) return null;
        var heading = _text.AsSpan(_paragraphs[0].Start, _paragraphs[0].Length).Trim();
        // An edition's document number before the heading (“30. Telegram From the Embassy …”).
        int digits = 0;
        while (digits < heading.Length && char.IsAsciiDigit(heading[digits])) digits++;
        if (digits > 0 && digits + 1 < heading.Length && heading[digits] == '.') heading = heading[(digits + 1)..].TrimStart();
        if (!heading.StartsWith("telegram", StringComparison.OrdinalIgnoreCase)) return null;
        var last = _text.AsSpan(_paragraphs[^1].Start, _paragraphs[^1].Length).Trim();
        if (last.Length < 2 || last.Length > 40) return null;
        var words = last.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 3 || words.Any(w => !char.IsUpper(w[0]) || !w.All(c => char.IsLetter(c) || c is '.' or '-' or '\''))) return null;
        return string.Join(' ', words.Select(w => w.Length < 2 || w.Any(char.IsLower) ? w : w[0] + w[1..].ToLowerInvariant()));
    }

    /// <summary>
    /// The one whose diary the record is, as its heading names him (<c>Diary of X Y</c>, <c>From the Diary of X</c>,
    /// <c>X's Diary</c>): the diary's <c>I</c>; null when the heading is no diary's.
    /// </summary>
    private string? DiaryKeeper()
    {
        if (_paragraphs.Length < 2) return null;
        var heading = _text.AsSpan(_paragraphs[0].Start, _paragraphs[0].Length).Trim();
        int newline = heading.IndexOf('\n');
        if (newline >= 0) heading = heading[..newline].TrimEnd();
        ReadOnlySpan<char> name;
        int of = heading.IndexOf("diary of ", StringComparison.OrdinalIgnoreCase);
        if (of >= 0 && IsDiaryLead(heading[..of]))
        {
            name = heading[(of + "diary of ".Length)..];
            int cut = name.IndexOfAny(",;(:");
            if (cut >= 0) name = name[..cut];
        }
        else
        {
            int possessive = heading.IndexOf("'s diary", StringComparison.OrdinalIgnoreCase);
            if (possessive < 0) possessive = heading.IndexOf("\u2019s diary", StringComparison.OrdinalIgnoreCase);
            if (possessive <= 0) return null;
            name = heading[..possessive];
        }
        var words = name.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 4 || words.Any(w => !char.IsUpper(w[0]) || !w.All(c => char.IsLetter(c) || c is '.' or '-' or '\''))) return null;
        return string.Join(' ', words);
    }

    /// <summary>What may stand before <c>Diary of</c> in a heading: nothing, <c>The</c>, <c>From the</c>, <c>Extract from the</c>.</summary>
    private static bool IsDiaryLead(ReadOnlySpan<char> lead)
    {
        var words = lead.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 3 && words.All(w => w.ToLowerInvariant() is "the" or "from" or "extract" or "extracts" or "excerpt" or "excerpts");
    }

    private bool? _questionAnswerPeriodLines;

    /// <summary>
    /// <c>Q.</c> or <c>A.</c> opening a line, in a document whose lines open with both (elsewhere <c>A.</c> is an initial:
    /// <c>A. Lund said …</c>).
    /// </summary>
    /// <returns>Where the label ends (after its period), or -1 when <paramref name="t"/> opens none.</returns>
    private int QuestionAnswerPeriodLabelEnd(int t)
    {
        var word = _words.Word(t);
        int end = word is "Q." or "A." ? _words.Span(t).End
            : word is "Q" or "A" && _words.IsChar(t + 1, '.') && _words.Span(t + 1).Start == _words.Span(t).End ? _words.Span(t + 1).End : -1;
        if (end < 0) return -1;
        _questionAnswerPeriodLines ??= HasLineOpening("Q. ") && HasLineOpening("A. ");
        return _questionAnswerPeriodLines.Value ? end : -1;
    }

    private int? _capitalsPeriodLines;

    /// <summary>
    /// A hearing's label: a line that opens with a name or office in capitals and a period (<c>THE CHAIRMAN.</c>,
    /// <c>Mr. PELLOR.</c>, <c>Senator MARSH.</c>) before words in sentence case, in a document where two lines open so.
    /// </summary>
    private (TextSpan Label, int ContentStart)? CapitalsPeriodLabel(int lineStart, int lineEnd)
    {
        if (CapitalsPeriodLabelAt(lineStart, lineEnd) is not { } label) return null;
        if (_capitalsPeriodLines is null)
        {
            int count = 0;
            for (int at = 0; at < _text.Length && count < 2;)
            {
                int newline = _text.IndexOf('\n', at);
                int end = newline < 0 ? _text.Length : newline;
                if (CapitalsPeriodLabelAt(at, end) is not null) count++;
                at = end + 1;
            }
            _capitalsPeriodLines = count;
        }
        return _capitalsPeriodLines >= 2 ? label : null;
    }

    private (TextSpan Label, int ContentStart)? CapitalsPeriodLabelAt(int lineStart, int lineEnd)
    {
        int at = lineStart;
        while (at < lineEnd && _text[at] is ' ' or '\t') at++;
        int start = at;
        var words = new List<(int Start, int End)>();
        while (at < lineEnd && words.Count < 4)
        {
            int wordStart = at;
            while (at < lineEnd && (char.IsLetter(_text[at]) || _text[at] is '\'' or '-')) at++;
            if (at == wordStart) return null;
            words.Add((wordStart, at));
            if (at < lineEnd && _text[at] == '.' && IsCapitalsWord(wordStart, at)) break;
            if (at < lineEnd && _text[at] == '.') at++;
            if (at >= lineEnd || _text[at] != ' ') return null;
            at++;
        }
        if (at >= lineEnd || _text[at] != '.' || words.Count == 0) return null;
        // Every word is in capitals but a title before the name (“Mr.”, “Senator”).
        for (int w = 0; w < words.Count; w++)
        {
            var (s, e) = words[w];
            if (IsCapitalsWord(s, e)) continue;
            if (w > 0 || words.Count == 1 || !char.IsUpper(_text[s]) || !DiscourseLexicon.Titles.Contains(_text[s..e])) return null;
        }
        if (words.Any(w => DiscourseLexicon.HeadingLabels.Contains(_text[w.Start..w.End]) || DiscourseLexicon.MarkingLabels.Contains(_text[w.Start..w.End]))) return null;
        int content = at + 1;
        if (content >= lineEnd || _text[content] != ' ') return null;
        while (content < lineEnd && char.IsWhiteSpace(_text[content])) content++;
        // The words after it are in sentence case: a telegram in capitals has no labels.
        if (content >= lineEnd || !char.IsUpper(_text[content]) || !_text[content..lineEnd].Any(char.IsLower)) return null;
        return (new TextSpan(start, at), content);
    }

    /// <summary>A label of a title and a name (<c>Senator WELKE</c>, <c>MR. DOVRAN</c>), not an office (<c>THE CHAIRMAN</c>).</summary>
    private static bool IsTitledName(string label)
    {
        var words = label.Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 && DiscourseLexicon.Contains(DiscourseLexicon.Titles, TitleCase(words[0])) && !IsOfficeWord(words[^1]);
    }

    private bool IsCapitalsWord(int start, int end) =>
        end - start >= 2 && Enumerable.Range(start, end - start).All(i => !char.IsLower(_text[i])) && char.IsUpper(_text[start]);

    private bool HasLineOpening(string label)
    {
        int at = 0;
        while ((at = _text.IndexOf(label, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            if (at == 0 || _text[at - 1] == '\n') return true;
            at += label.Length;
        }
        return false;
    }

    /// <summary>
    /// A transcript's <c>Q:</c> is a questioner no entity stands for (the press at a press conference); its <c>A:</c>
    /// the one the heading says holds the conference or is interviewed, when it names one.
    /// </summary>
    private Turn QuestionAnswerTurn(int t, TextSpan span, TextSpan cue)
    {
        string label = _words.Word(t).ToString().TrimEnd('.');
        var answerer = _answerer ??= FindAnswerer();
        if (char.ToUpperInvariant(label[0]) == 'Q')
            return answerer.Questioner is { } questioner
                ? new Turn(span, TurnMode.Direct, cue, questioner, answerer.QuestionerIds, [], null)
                : new Turn(span, TurnMode.Direct, cue, label, [], [], null, answerer.Press ? "press" : "questioner");
        return new Turn(span, TurnMode.Direct, cue, answerer.Text ?? label, answerer.Ids, [], null);
    }

    /// <summary>
    /// The one answering, as the heading names him (<c>PRESS CONFERENCE OF THE SECRETARY OF STATE, MARCH 3</c>, <c>Interview
    /// with General Tarn</c>): bound to a person named so (by surname, capitals folded), else to the holder of the office.
    /// </summary>
    private Answerer FindAnswerer()
    {
        bool press = false;
        foreach (var paragraph in _paragraphs)
        {
            if (paragraph.Start > 600) break;
            var line = _text.AsSpan(paragraph.Start, Math.Min(paragraph.Length, 300));
            if (line.Contains("press", StringComparison.OrdinalIgnoreCase) || line.Contains("news conference", StringComparison.OrdinalIgnoreCase)) press = true;
            foreach (string marker in AnswererMarkers)
            {
                int at = line.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
                if (at < 0) continue;
                var rest = line[(at + marker.Length)..];
                string? questioner = marker.StartsWith("interview", StringComparison.Ordinal) ? Interviewer(rest) : null;
                int end = rest.IndexOfAny(",;(\n");
                if (end >= 0) rest = rest[..end];
                foreach (string stop in (string[])[" on ", " at ", " in ", " before ", " held ", " and ", " by "])
                {
                    int cut = rest.IndexOf(stop, StringComparison.OrdinalIgnoreCase);
                    if (cut >= 0) rest = rest[..cut];
                }
                rest = rest.Trim().TrimEnd('.').Trim();
                if (rest.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) rest = rest[4..].TrimStart();
                if (rest.Length < 2 || !char.IsUpper(rest[0])) continue;
                string named = rest.ToString();
                return new Answerer(named, BindAnswerer(named), press, questioner, questioner is null ? [] : BindAnswerer(questioner));
            }
        }
        return new Answerer(null, [], press);
    }

    /// <summary>
    /// The one who asks, as an interview's heading names him after the one interviewed (<c>Interview with General X by
    /// Y Z</c>, <c>…, conducted by Y Z</c>); null when the heading names none.
    /// </summary>
    private static string? Interviewer(ReadOnlySpan<char> afterMarker)
    {
        int newline = afterMarker.IndexOf('\n');
        if (newline >= 0) afterMarker = afterMarker[..newline];
        int by = afterMarker.IndexOf(" by ", StringComparison.OrdinalIgnoreCase);
        if (by < 0) return null;
        var words = new List<string>();
        foreach (string word in afterMarker[(by + 4)..].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string bare = word.TrimEnd(',', ';', ':');
            bool last = bare.Length < word.Length;
            // A title or an initial keeps its period (“Mr.”, “J.”); any other word's ends the heading's sentence.
            if (bare.EndsWith('.') && bare.Length > 2 && !DiscourseLexicon.Contains(DiscourseLexicon.Titles, bare.TrimEnd('.'))) { bare = bare.TrimEnd('.'); last = true; }
            if (bare.Length == 0 || !char.IsUpper(bare[0]) || bare is "On" or "At" or "In" or "ON" or "AT" or "IN") break;
            words.Add(bare);
            if (last) break;
        }
        return words.Count is 0 or > 4 ? null : string.Join(' ', words);
    }

    private ImmutableArray<string> BindAnswerer(string named)
    {
        var words = named.Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries);
        string last = words[^1];
        // “the Secretary of State Halvorsen”: a last word that is no office or place word is a surname.
        if (!IsOfficeWord(last) && (_entities.PersonForLabel(last) ?? _entities.PersonForLabel(last, capitalsToo: true)) is { } person) return [person];
        if ((ParticipantNamed(named) ?? ResolveRoleText(TitleCase(named))) is { } holder) return [holder];
        return [];
    }

    private static bool IsOfficeWord(string word) =>
        DiscourseLexicon.Contains(DiscourseLexicon.RoleHeads, TitleCase(word)) || word.Equals("state", StringComparison.OrdinalIgnoreCase);

    private static string TitleCase(string words) =>
        string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Any(char.IsLower) || w.Length < 2 ? w : w[0] + w[1..].ToLowerInvariant()));

    /// <summary>
    /// A label in capitals naming an office (<c>THE SECRETARY:</c>) in a transcript whose heading names the one answering
    /// by that office: that person's entities; null otherwise.
    /// </summary>
    private ImmutableArray<string>? HolderForOfficeLabel(string label)
    {
        if (label.Any(char.IsLower)) return null;
        var words = label.Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !IsOfficeWord(words[^1])) return null;
        var answerer = _answerer ??= FindAnswerer();
        if (answerer.Text is null || answerer.Ids.IsEmpty || !EntityView.ContainsWord(answerer.Text, words[^1])) return null;
        return answerer.Ids;
    }

    /// <summary>
    /// The answers of a transcript whose heading names an answerer the entity layer did not bind take the person a
    /// label of the same surname (<c>SECRETARY HALVORSEN:</c>) or of an office the heading gives him (<c>THE SECRETARY:</c>) was bound to.
    /// </summary>
    private void BindAnswersToLabels()
    {
        if (_answerer is not { Text: { } named, Ids.IsEmpty: true }) return;
        string last = NameFolding.Fold(named.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]);
        bool LabelNames(string said)
        {
            var words = said.Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries);
            if (said == named || words.Length == 0) return false;
            if (NameFolding.Fold(words[^1]) == last && !IsOfficeWord(last)) return true;
            return words.Any(w => IsOfficeWord(w) && !w.Equals("state", StringComparison.OrdinalIgnoreCase) && EntityView.ContainsWord(named, w));
        }
        var labels = _turns.Where(turn => turn.Cue is not null && turn.Mode == TurnMode.Direct && !turn.Speakers.IsEmpty && turn.SpeakerText is { } said && LabelNames(said)).ToList();
        // Two people holding labels of that office cannot tell which one answers.
        if (labels.Count == 0 || labels.Any(l => !l.Speakers.SequenceEqual(labels[0].Speakers))) return;
        var bound = labels[0];
        for (int i = 0; i < _turns.Count; i++)
        {
            if (_turns[i].SpeakerText == named && _turns[i].Speakers.IsEmpty) _turns[i] = _turns[i] with { Speakers = bound.Speakers };
        }
    }

    /// <summary>
    /// A script between two parties (<c>X: … Y: … X: …</c>, an interview's named questioner and answerer): each speaks to
    /// the other, so each label's turn is addressed to the other party. A label no name stands for (a press
    /// conference's <c>Q:</c>) or a third party leaves the addressees unset.
    /// </summary>
    private void AddressScriptParties(int first)
    {
        if (_turns.Count - first < 2) return;
        static string? Party(Turn turn) =>
            turn.SpeakerRole is not null || turn.Cue is null ? null
            : !turn.Speakers.IsEmpty ? string.Join('+', turn.Speakers)
            : turn.SpeakerText is { } said && !IsBareQuestionAnswerLabel(said) ? "text:" + NameFolding.Fold(said) : null;
        var parties = new List<(string Key, Turn Turn)>();
        for (int i = first; i < _turns.Count; i++)
        {
            if (Party(_turns[i]) is not { } key) return;
            if (!parties.Any(p => p.Key == key)) parties.Add((key, _turns[i]));
            if (parties.Count > 2) return;
        }
        if (parties.Count != 2) return;
        for (int i = first; i < _turns.Count; i++)
        {
            var other = parties.First(p => p.Key != Party(_turns[i])).Turn;
            if (_turns[i].AddresseeText is null) _turns[i] = _turns[i] with { Addressees = other.Speakers, AddresseeText = other.SpeakerText };
        }
    }

    private static bool IsBareQuestionAnswerLabel(string label) => label.TrimEnd('.') is "Q" or "A" or "Question" or "Answer" or "QUESTION" or "ANSWER";

    // ---- Sides, delegations and peoples as speakers ----

    /// <summary>
    /// Whether the noun phrase from determiner <paramref name="d"/> to <paramref name="head"/> names a side rather than persons:
    /// a group noun (<c>side</c>, <c>delegation</c>, <c>government</c>, <c>representatives</c>) or a capitalized side word
    /// before its head (<c>the Soviet experts</c>); <c>the latter</c>, <c>the former</c> are persons.
    /// </summary>
    private bool IsGroupVoice(int d, int head)
    {
        if (_words.Is(head, "latter") || _words.Is(head, "former") || _words.Is(head, "others")) return false;
        if (_words.In(head, DiscourseLexicon.GroupSpeakerNouns)) return true;
        var word = _words.Word(head);
        if (word.Length > 4 && word[^1] == 's' && DiscourseLexicon.Contains(DiscourseLexicon.GroupSpeakerNouns, word[..^1])) return true;
        // “the Soviet experts” speak for a side; “the French Foreign Minister” is one person.
        if (word.Length < 4 || word[^1] != 's') return false;
        for (int k = d + 1; k < head; k++)
        {
            if (_words.IsCapitalized(k) && SideNames(_words.Word(k).ToString()).Count > 0) return true;
        }
        return false;
    }

    /// <summary>
    /// A people as subject: <c>The Americans said</c>, <c>the Chinese replied</c>, <c>the Soviets insisted</c> — a determiner
    /// opening its clause and a plural demonym; the speaker is the side it names (<c>speaker_role</c> <c>group</c>).
    /// </summary>
    private ReportedCue? PeopleSubject(int verb)
    {
        int t = verb - 1;
        while (t >= 0 && t > verb - 4 && _words.In(t, DiscourseLexicon.Interposed) && !_words.In(t, DiscourseLexicon.Determiners)) t--;
        if (!_words.IsWord(t) || _quoted[t] || !_words.IsCapitalized(t)) return null;
        if (_candidateAt[t] is int c and >= 0 && GroupCandidate(c, t) is { } named) return named with { Verb = verb };
        var word = _words.Word(t).ToString();
        bool plural = word.EndsWith('s') || word.EndsWith("ese", StringComparison.Ordinal) || word is "British" or "French" or "English" or "Dutch" or "Swiss" or "Irish";
        if (!plural || SideNames(word).Count == 0) return null;
        int d = t - 1;
        if (!_words.Is(d, "the") && !_words.Is(d, "both") && !_words.Is(d, "all")) return null;
        int sentenceStart = SentenceStartBefore(_words.Span(d).Start);
        bool opensClause = _words.Span(d).Start == sentenceStart || !_words.IsWord(d - 1) || _words.Is(d - 1, "and") || _words.Is(d - 1, "but") || _words.Is(d - 1, "then") || _words.Is(d - 1, "when");
        if (!opensClause || d > 0 && _quoted[d - 1]) return null;
        var phrase = new TextSpan(_words.Span(d).Start, _words.Span(t).End);
        return new ReportedCue(verb, -1, phrase.Start, false, _text.Substring(phrase.Start, phrase.Length), SidesNamed(d, t + 1), -1, Role: "group");
    }

    /// <summary>
    /// Turns of every kind whose speaker words name a side (<c>The Chinese side said: “…”</c>, <c>Soviet side: …</c>) and that
    /// are bound to no one: <c>speaker_role</c> <c>group</c> and the sides' entities, as for reported speech.
    /// </summary>
    private void MarkGroupVoices()
    {
        for (int i = 0; i < _turns.Count; i++)
        {
            var turn = _turns[i];
            if (turn.SpeakerRole is not null || !turn.Speakers.IsEmpty || turn.SpeakerText is not { Length: > 2 } said || turn.Cue is not { } cue) continue;
            int at = _text.AsSpan(cue.Start, cue.Length).IndexOf(said, StringComparison.Ordinal);
            if (at < 0) continue;
            int first = _words.TokenAtOrAfter(cue.Start + at);
            int last = first;
            while (last + 1 < _words.Count && _words.Span(last + 1).End <= cue.Start + at + said.Length) last++;
            if (first >= _words.Count || last <= first && !_words.IsCapitalized(first)) continue;
            // “one of the group” is a person of it.
            if (!_words.In(first, DiscourseLexicon.PhraseDeterminers) && !(_words.IsCapitalized(first) && SideNames(_words.Word(first).ToString()).Count > 0)) continue;
            bool people = _words.Is(first, "the") && last == first + 1 && _words.IsCapitalized(last) && _words.Word(last) is { Length: > 4 } w && w[^1] == 's' && SideNames(w.ToString()).Count > 0;
            if (!people && !(last > first && IsGroupVoice(first, last))) continue;
            _turns[i] = turn with { SpeakerRole = "group", Speakers = SidesNamed(first, last + 1) };
        }
    }

    /// <summary>
    /// Minutes' <c>The British representative said</c>, <c>the Netherlands delegate asked</c>: a turn bound to no one whose speaker
    /// words are a determiner, a side (a demonym or a country's name) and one singular member noun is the participant of that
    /// side, when exactly one participant stands for it.
    /// </summary>
    private void BindSideMembers()
    {
        if (_participants.Count == 0) return;
        for (int i = 0; i < _turns.Count; i++)
        {
            var turn = _turns[i];
            if (turn.SpeakerRole is not null || !turn.Speakers.IsEmpty || turn.SpeakerText is not { Length: > 4 } said) continue;
            var parts = said.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3 || !parts[0].Equals("the", StringComparison.OrdinalIgnoreCase) || !DiscourseLexicon.Contains(DiscourseLexicon.SideMemberNouns, parts[^1])) continue;
            string sideWords = string.Join(' ', parts[1..^1]);
            if (!char.IsUpper(sideWords[0])) continue;
            var names = SideNames(sideWords);
            if (names.Count == 0) continue;
            var members = _participants.Where(p => p.EntityId is not null && p.Affiliation is { } a && names.Any(n => EntityView.ContainsWord(a, n))).Select(p => p.EntityId!).Distinct(StringComparer.Ordinal).ToList();
            if (members.Count == 1) _turns[i] = turn with { Speakers = [members[0]] };
        }
    }

    /// <summary>
    /// A name the entity layer made a side of (<c>The French Government</c>, <c>the Soviet Delegation</c>: not a person, ending in
    /// a group noun) as the subject of a reporting verb: that side's turn, bound to its side words' entities or else its own.
    /// </summary>
    private ReportedCue? GroupCandidate(int c, int t)
    {
        var candidate = _candidates[c];
        if (candidate.Last != t || candidate.Possessive || _entities.MentionAt(candidate.Span) is not { } mention || mention.Type == "person") return null;
        string id = mention.EntityId;
        if (!_words.In(t, DiscourseLexicon.GroupSpeakerNouns)) return null;
        int first = candidate.First;
        if (_words.Is(first - 1, "the")) first--;
        bool opensClause = _words.Span(first).Start == SentenceStartBefore(_words.Span(first).Start) || !_words.IsWord(first - 1) || _words.Is(first - 1, "and") || _words.Is(first - 1, "but") || _words.Is(first - 1, "then");
        if (!opensClause) return null;
        var sides = SidesNamed(first, t);
        var phrase = new TextSpan(_words.Span(first).Start, candidate.Span.End);
        return new ReportedCue(-1, -1, phrase.Start, false, _text.Substring(phrase.Start, phrase.Length), sides.IsEmpty ? [id] : sides, -1, Role: "group");
    }

    /// <summary>
    /// The entities of the sides a group phrase names: for each capitalized side word before <paramref name="end"/> (<c>Soviet</c>,
    /// <c>U.S.</c>, <c>Americans</c>), the affiliation of the participants that matches it, bound to the entity of those words,
    /// else the entity the entity layer gave the words themselves; for <c>both sides</c> with no side word, the two affiliations
    /// of the participants. Empty unless every side named is bound.
    /// </summary>
    private ImmutableArray<string> SidesNamed(int d, int end)
    {
        var ids = ImmutableArray.CreateBuilder<string>();
        int named = 0;
        for (int k = d; k < end; k++)
        {
            if (!_words.IsCapitalized(k) || _words.In(k, DiscourseLexicon.PhraseDeterminers)) continue;
            string word = _words.Word(k).ToString();
            var names = SideNames(word);
            if (names.Count == 0) continue;
            named++;
            string? affiliation = _participants.Select(p => p.Affiliation).FirstOrDefault(a => a is not null && names.Any(n => EntityView.ContainsWord(a, n)));
            string? id = (affiliation is null ? null : _entities.GroupNamed(affiliation)) ?? names.Select(_entities.GroupNamed).FirstOrDefault(i => i is not null)
                ?? (_entities.MentionAt(_words.Span(k)) is { } mention && _entities.TypeOf(mention.EntityId) != "person" ? mention.EntityId : null);
            if (id is null) return [];
            if (!ids.Contains(id)) ids.Add(id);
        }
        if (named == 0 && (_words.Is(d, "both") || _words.Is(d + 1, "two")))
        {
            var sides = _participants.Select(p => p.Affiliation).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (sides.Count != 2) return [];
            foreach (var side in sides)
            {
                if (_entities.GroupNamed(side) is not { } id) return [];
                ids.Add(id);
            }
        }
        return ids.ToImmutable();
    }

    /// <summary>
    /// The names a side word stands for, from the gazetteer: a demonym's country's names and abbreviations with the word itself
    /// (<c>Soviet</c>: <c>Soviet</c>, <c>Union of Soviet Socialist Republics</c>, <c>Soviet Union</c>, <c>U.S.S.R.</c>, …); a
    /// country's name or abbreviation (<c>U.S.</c>) gives its country's. Empty for any other word.
    /// </summary>
    private static IReadOnlyList<string> SideNames(string word)
    {
        var gazetteer = Entities.EntityModels.Gazetteer;
        string singular = word.Length > 4 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
        if (gazetteer.TryGetDemonym(singular, out var country) || gazetteer.TryGetDemonym(word, out country)) return [singular, .. gazetteer.NamesOf(country)];
        if (gazetteer.TryGetCountry(word, out country)) return gazetteer.NamesOf(country);
        return [];
    }

    // ---- Memoranda: editorial identification, topics raised, numbered points ----

    /// <summary>Pronoun tokens an editor identified by a name in brackets right after them (<c>He (Molotov) said</c>), by the name's candidate.</summary>
    private readonly Dictionary<int, int> _editorialPronoun = [];

    /// <summary>
    /// <c>He (Molotov) said</c>, <c>she [Mrs. Ardent] replied</c>: an editor's name in brackets after a personal pronoun, closing at
    /// <paramref name="close"/>, is the subject; -1 if the brackets hold no such name.
    /// </summary>
    private int EditorialIdentification(int close)
    {
        if (!_words.IsChar(close, ')') && !_words.IsChar(close, ']')) return -1;
        int c = close > 0 ? _candidateAt[close - 1] : -1;
        if (c < 0 || _candidates[c].Last != close - 1 || _candidates[c].Kind == CandidateKind.Pronoun) return -1;
        int open = _candidates[c].First - 1;
        if (!_words.IsChar(open, _words.IsChar(close, ')') ? '(' : '[')) return -1;
        int pronoun = open - 1;
        if (pronoun < 0 || _quoted[pronoun] || !_words.In(pronoun, DiscourseLexicon.ThirdPersonPronouns) || _words.Is(pronoun, "who")) return -1;
        _editorialPronoun[c] = pronoun;
        return c;
    }

    /// <summary>
    /// <c>The Minister then raised the question whether …</c>, <c>brought up the matter as to whether …</c>, <c>took up the question
    /// whether …</c>: a turn without a verb of saying, whose content is the question put, from <c>whether</c>.
    /// </summary>
    private ReportedCue? TopicCue(int t)
    {
        int n = t + 1;
        if (_words.Is(t, "brought") || _words.Is(t, "took"))
        {
            if (!_words.Is(n, "up")) return null;
            n++;
        }
        else if (!_words.Is(t, "raised")) return null;
        if (!_words.Is(n, "the") || !_words.In(n + 1, DiscourseLexicon.TopicNouns)) return null;
        // Only a question put (“whether …”) has content; the matter named (“the question of the frontier posts”) is a
        // speech act without its content, which the gold format counts as no turn (like “asked about the numbers”).
        int content = n + 2;
        if (_words.Is(content, "as") && _words.Is(content + 1, "to") && _words.Is(content + 2, "whether")) content += 2;
        if (!_words.Is(content, "whether")) return null;
        if (content >= _words.Count || !_words.IsWord(content) && !_words.IsCapitalized(content) || _quoted[content]) return null;
        int subject = SubjectBefore(t);
        if (subject < 0) subject = CoordinatedSubject(t, participle: false);
        if (subject < 0) return null;
        return new ReportedCue(t, subject, _candidates[subject].Span.Start, false, null, [], -1, ContentAfter: content, Topic: true);
    }

    /// <summary>
    /// Where the matter a question raised names ends: before a comma or <c>and</c> that opens another clause of its speaker
    /// (<c>…, indicating that</c>, <c>… and he said that</c>), else at <paramref name="sentenceEnd"/>.
    /// </summary>
    private int TopicEnd(int content, int sentenceEnd)
    {
        for (int k = content + 1; k < _words.Count && _words.Span(k).Start < sentenceEnd; k++)
        {
            bool clause = _words.IsChar(k, ',') && _words.In(k + 1, DiscourseLexicon.ReportingParticiples)
                || _words.Is(k, "and") && _candidateAt[Math.Min(k + 1, _words.Count - 1)] is int c and >= 0 && _candidates[c].First == k + 1 && _candidates[c].Kind == CandidateKind.Pronoun;
            if (!clause) continue;
            int last = _words.IsChar(k - 1, ',') ? k - 2 : k - 1;
            return last > content ? TrimEnd(_words.Span(content).Start, _words.Span(last).End) : sentenceEnd;
        }
        return sentenceEnd;
    }

    /// <summary>Reported-turn starts whose content is the first of numbered points after a colon; the points after it are turns of their own.</summary>
    private readonly HashSet<int> _pointTurns = [];

    /// <summary>
    /// A verb whose short object closes its paragraph with a colon (<c>made the following points:</c>, <c>emphasized three
    /// things:</c>): the colon's token, else -1.
    /// </summary>
    private int ColonClosingParagraph(int after)
    {
        for (int k = after; k < _words.Count && k <= after + 6; k++)
        {
            if (_quoted[k] || _words.In(k, DiscourseLexicon.FiniteMarkers) || _words.Is(k, "that")) return -1;
            if (!_words.IsChar(k, ':')) continue;
            if (k == after) return -1;
            int paragraph = ParagraphIndex(_words.Span(k).Start);
            if (paragraph < 0 || _paragraphs[paragraph].End > _words.Span(k).End + 1 && _text.AsSpan(_words.Span(k).End, _paragraphs[paragraph].End - _words.Span(k).End).Trim().Length > 0) return -1;
            return k;
        }
        return -1;
    }

    /// <summary>Whether <paramref name="t"/> is a phrasal verb whose object introduces points after a colon (<c>made the following points:</c>).</summary>
    private bool IntroducesPoints(int t) =>
        _words.In(t, DiscourseLexicon.PhrasalReportingVerbs) && ColonClosingParagraph(t + 1) is int colon and >= 0 && PointAfter(colon) >= 0;

    /// <summary>The first word of the numbered point opening the paragraph after the colon that closes the verb's object, or -1.</summary>
    private int FirstPointAfterColon(int after)
    {
        int colon = ColonClosingParagraph(after);
        return colon < 0 ? -1 : PointAfter(colon);
    }

    private int PointAfter(int colon)
    {
        int p = ParagraphIndex(_words.Span(colon).Start);
        if (p < 0 || p + 1 >= _paragraphs.Length) return -1;
        int start = PointStart(_paragraphs[p + 1]);
        if (start < 0) return -1;
        int token = _words.TokenAtOrAfter(start);
        return token < _words.Count && !_quoted[token] && _words.Span(token).Start < _paragraphs[p + 1].End ? token : -1;
    }

    /// <summary>Where the words of a paragraph opening with a list marker (<c>1.</c>, <c>(b)</c>) begin, or -1 for any other paragraph.</summary>
    private int PointStart(TextSpan paragraph)
    {
        if (!OpensWithListMarker(paragraph)) return -1;
        int k = paragraph.Start;
        while (k < paragraph.End && char.IsWhiteSpace(_text[k])) k++;
        while (k < paragraph.End && !char.IsWhiteSpace(_text[k])) k++;
        while (k < paragraph.End && char.IsWhiteSpace(_text[k])) k++;
        return k < paragraph.End ? k : -1;
    }

    /// <summary>
    /// The numbered points after <paramref name="turn"/> (which ends at <paramref name="end"/> in a colon, or is itself the first
    /// point), each a turn of the same speaker with no cue of its own, over the paragraphs that open with a list marker and hold
    /// no cue or turn of another; the first other paragraph ends them.
    /// </summary>
    private List<Turn> PointTurns(Turn turn, int end, List<int> starts)
    {
        var points = new List<Turn>();
        int p = ParagraphIndex(end - 1);
        while (p >= 0 && p + 1 < _paragraphs.Length)
        {
            var paragraph = _paragraphs[p + 1];
            int start = PointStart(paragraph);
            if (start < 0) break;
            int k = starts.BinarySearch(paragraph.Start);
            if (k < 0) k = ~k;
            if (k < starts.Count && starts[k] < paragraph.End) break;
            int token = _words.TokenAtOrAfter(start);
            if (token < _words.Count && _quoted[token]) break;
            points.Add(turn with { Span = new TextSpan(start, TrimEnd(start, paragraph.End)), Cue = null });
            p++;
        }
        return points;
    }
}
