using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Quotations;
using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Core.Discourse;

/// <summary>
/// Finds the turns of one document in three passes: quotations with their cues (a label or reporting
/// clause before the quotation, one after it, or the alternation of two speakers), script-form lines
/// (<c>NAME: …</c>, <c>Q: …</c>), then reported speech in the narration outside them. Speakers are then
/// bound: names and offices to entities and participants, pronouns to the most recent person named as a
/// subject before them.
/// </summary>
internal sealed partial class TurnFinder
{
    private const int MaxLeadTokens = 60;

    private readonly string _text;
    private readonly TextSpan[] _paragraphs;
    private readonly TextSpan[] _sentences;
    private readonly Quotation[] _outer;
    private readonly DiscourseWords _words;
    private readonly EntityView _entities;
    private readonly bool[] _quoted;
    private readonly List<SpeakerCandidate> _candidates;
    private readonly int[] _candidateAt;
    private readonly List<Participant> _participants;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly string? _producer;
    private List<Turn> _turns = [];
    private readonly string? _author;
    private readonly string? _authorId;
    private readonly QuotationSpeakerModel? _model;
    private readonly IQuotationSpeakerLearner? _learner;

    /// <summary>The paragraphs were regrouped from a text written a sentence a line: a new one does not say a new speaker.</summary>
    private readonly bool _paragraphsInferred;

    // Each document runs these once: optimized from the first call, as tiered compilation would reach them too late.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private TurnFinder(string text, TextSpan[] paragraphs, TextSpan[] sentences, Token[] tokens, Quotation[] quotations, EntityView entities, string? producer, string?[]? tags, string? author, QuotationSpeakerModel? model, IQuotationSpeakerLearner? learner, bool paragraphsInferred)
    {
        _paragraphsInferred = paragraphsInferred;
        _model = model;
        _learner = learner;
        _author = string.IsNullOrWhiteSpace(author) ? null : author.Trim();
        _text = text;
        _paragraphs = paragraphs;
        _sentences = sentences;
        _outer = quotations.Where(q => q.Depth == 0 && q.Span.End <= text.Length).ToArray();
        _words = new DiscourseWords(text, tokens, tags);
        _entities = entities;
        _producer = producer;
        _quoted = new bool[tokens.Length];
        foreach (var q in _outer)
        {
            for (int i = _words.TokenAtOrAfter(q.Span.Start); i < tokens.Length && tokens[i].Span.Start < q.Span.End; i++) _quoted[i] = true;
        }
        var sentenceStarts = new HashSet<int>(sentences.Select(s => s.Start));
        _candidates = _words.FindCandidates(i => _quoted[i], entities, i => sentenceStarts.Contains(tokens[i].Span.Start) || OpensSentenceAfterQuote(i));
        _candidateAt = new int[tokens.Length];
        Array.Fill(_candidateAt, -1);
        for (int c = 0; c < _candidates.Count; c++)
        {
            for (int t = _candidates[c].First; t <= _candidates[c].Last; t++) _candidateAt[t] = c;
        }
        _participants = ParticipantFinder.Find(text, _words, _candidates, sentences, entities);
        if (_author is null && (HeadingAuthor() ?? DiaryKeeper() ?? TelegramSigner()) is { } drafter)
        {
            _author = drafter;
            _authorId = ParticipantNamed(drafter) ?? ResolveRoleText(drafter) ?? _entities.PersonNamed(drafter);
        }
        else if (_author is not null)
        {
            _authorId = ParticipantNamed(_author) ?? _entities.PersonNamed(_author) ?? ResolveRoleText(_author);
        }
    }

    public static (List<Turn> Turns, List<Participant> Participants, List<Diagnostic> Diagnostics) Find(
        string text, TextSpan[] paragraphs, TextSpan[] sentences, Token[] tokens, Quotation[] quotations, EntityView entities, string? producer, string?[]? tags = null, string? author = null,
        QuotationSpeakerModel? model = null, IQuotationSpeakerLearner? learner = null, bool paragraphsInferred = false, Coreference.CoreferenceLink[]? coreference = null)
    {
        var finder = new TurnFinder(text, paragraphs, sentences, tokens, quotations, entities, producer, tags, author, model, learner, paragraphsInferred);
        finder._coreference = coreference ?? [];
        if ((learner?.Model ?? model)?.ReadsReportedTurns == true) finder.PreviewReported();
        finder.FindQuotedInSequence();
        int scriptFrom = finder._turns.Count;
        finder.FindScriptForm();
        finder.BindAnswersToLabels();
        finder.AddressScriptParties(scriptFrom);
        finder.FindReported();
        finder._turns.Sort((a, b) => a.Span.CompareTo(b.Span));
        finder.AnswerReportedTurns();
        finder.MarkGroupVoices();
        finder.BindSideMembers();
        foreach (var turn in finder._turns)
        {
            if (turn.SpeakerText is null && turn.Cue is { } cue && !finder._speakerlessCues.Contains(cue.Start)) finder.Report(ErrorCatalogue.UnnamedSpeaker, cue);
        }
        return (finder._turns, finder._participants, finder._diagnostics);
    }

    /// <summary>
    /// An untagged quotation straight after a reported turn (<c>… Y replied that …. “And the trucks?”</c>) answers it:
    /// it is the turn's addressee's, else the last other speaker's before it, not the reported speaker's going on; and
    /// its addressee is the reported speaker.
    /// Reported turns are found after the quotations, so this is settled once both are known.
    /// </summary>
    private void AnswerReportedTurns()
    {
        for (int i = 1; i < _turns.Count; i++)
        {
            var turn = _turns[i];
            var reported = _turns[i - 1];
            if (turn.Mode != TurnMode.Direct || turn.Cue is not null || reported.Mode != TurnMode.Reported || reported.SpeakerText is null) continue;
            if (reported.Span.End > turn.Span.Start || HasNarrationBetween(reported.Span.End, turn.Span.Start - 1)) continue;
            // The model (or a rule) already chose another speaker than the reported one: the reply still answers the
            // reported speaker, so it takes that addressee whichever speaker ranked first.
            if (turn.SpeakerText is not null && !SameSpeaker(turn, reported))
            {
                if (turn.AddresseeText is null) _turns[i] = turn with { Addressees = reported.Speakers, AddresseeText = reported.SpeakerText };
                continue;
            }
            Turn? answerer = null;
            if (reported.AddresseeText is not null) answerer = reported with { SpeakerText = reported.AddresseeText, Speakers = reported.Addressees };
            for (int j = i - 2; answerer is null && j >= 0 && j >= i - 13; j--)
            {
                if (_turns[j].SpeakerText is not null && !SameSpeaker(_turns[j], reported)) answerer = _turns[j];
            }
            if (answerer is null) continue;
            _turns[i] = turn with { SpeakerText = answerer.SpeakerText, Speakers = answerer.Speakers, Addressees = reported.Speakers, AddresseeText = reported.SpeakerText };
        }
    }

    private bool OpensSentenceAfterQuote(int i) => i > 0 && _quoted[i - 1] && !_quoted[i];

    // ---- Direct speech in quotation marks ----

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void FindQuoted(int from = 0, int to = int.MaxValue)
    {
        Turn? previous = _turns.Count > 0 ? _turns[^1] : null;
        for (int q = from; q < _outer.Length && q < to; q++)
        {
            var quotation = _outer[q];
            if (quotation.Content.IsEmpty || !HasLetter(quotation.Content)) continue;
            Attribution? attribution = LeadCue(q) ?? TrailingCue(q);
            Turn? turn = null;
            var proposal = Proposal.None;
            if (attribution is { } found)
            {
                turn = MakeTurn(quotation.Content, TurnMode.Direct, found);
                // “…,” he said: who “he” is, the model weighs among the people before the cue (gender, recency, the
                // conversation), the rules' own antecedent among them.
                if (found.Joint.IsEmpty && _candidates[found.SpeakerCandidate] is { Kind: CandidateKind.Pronoun } pronoun
                    && DiscourseLexicon.Contains(DiscourseLexicon.ThirdPersonPronouns, _words.Word(pronoun.First)) && !_words.Is(pronoun.First, "who")
                    && (_model is not null || _learner is not null))
                    turn = AttributeByModel(q, turn, Proposal.PronounCue, previous, found.SpeakerCandidate);
            }
            else if (previous is not null && previous.Cue is { } cue && ContinuesAcrossCue(previous, cue, quotation.Span.Start))
            {
                // “…,” said my mother, “and …”: the second part is the same speaker's, its cue the one between.
                turn = previous with { Span = quotation.Content };
            }
            else if ((TrailingNounPhrase(q) ?? LeadNounPhrase(q)) is { } phrase)
            {
                turn = new Turn(quotation.Content, TurnMode.Direct, phrase.Cue, _text.Substring(phrase.Speaker.Start, phrase.Speaker.Length), [], [], null);
            }
            else if (ActionBeatSpeaker(q) is { } beat)
            {
                // “He turned round. “Now, sir …”: an untagged quotation after a sentence of narration is its subject's.
                turn = new Turn(quotation.Content, TurnMode.Direct, null, beat.Text, beat.Ids, [], null);
                proposal = Proposal.Beat;
            }
            else if (previous is not null && OpensParagraph(quotation.Span.Start) && FollowsClosely(previous, quotation.Span.Start))
            {
                // Untagged alternation: two speakers take turns, paragraph by paragraph. The reply to a
                // turn with a known addressee is the addressee's; otherwise the last other speaker's.
                proposal = Proposal.Alternation;
                var other = LastOtherSpeaker(previous);
                // A, B, A, B: the turn two back, when it is the one the previous turn answered.
                var twoBack = _turns.Count >= 2 && _turns[^1] == previous ? _turns[^2] : null;
                if (twoBack is not null && (twoBack.SpeakerText is null || !FollowsClosely(twoBack, previous.Span.Start) || SameSpeaker(twoBack, previous))) twoBack = null;
                if (previous.AddresseeText is not null)
                    turn = new Turn(quotation.Content, TurnMode.Direct, null, previous.AddresseeText, previous.Addressees, previous.Speakers, previous.SpeakerText);
                else if ((twoBack ?? other) is { } answered)
                    turn = new Turn(quotation.Content, TurnMode.Direct, null, answered.SpeakerText, answered.Speakers, previous.Speakers, previous.SpeakerText);
                else if (previous.SpeakerText is not null)
                    turn = new Turn(quotation.Content, TurnMode.Direct, null, null, [], previous.Speakers, previous.SpeakerText);
            }
            // Dialogue printed as quotation (a paragraph of its own, or words ending in the marks' punctuation) is
            // a turn even when nothing names its speaker; a quoted term or title is not.
            if (turn is null && LooksLikeSpeech(quotation)) turn = new Turn(quotation.Content, TurnMode.Direct, null, null, [], [], null);
            // Without an explicit cue the rules only guess; the trained model weighs their guess against the nearby candidates.
            if (turn is not null && turn.Cue is null && (_model is not null || _learner is not null)) turn = AttributeByModel(q, turn, proposal, previous);
            if (turn is null) continue;
            _turns.Add(turn);
            previous = turn;
        }
    }

    /// <summary>A quotation that opens its paragraph, or whose words end in sentence punctuation or a dash inside the marks.</summary>
    private bool LooksLikeSpeech(Quotation quotation)
    {
        if (OpensParagraph(quotation.Span.Start) && CountWords(quotation.Content) >= 1) return true;
        int end = quotation.Content.End;
        while (end > quotation.Content.Start && char.IsWhiteSpace(_text[end - 1])) end--;
        if (end == quotation.Content.Start) return false;
        char last = _text[end - 1];
        return last is '.' or ',' or '!' or '?' or '—' or '–' or '-' or '…' && CountWords(quotation.Content) >= 2;
    }

    private int CountWords(TextSpan span)
    {
        int words = 0;
        for (int i = _words.TokenAtOrAfter(span.Start); i < _words.Count && _words.Span(i).End <= span.End; i++)
        {
            if (_words.IsWord(i) && ++words >= 3) break;
        }
        return words;
    }

    /// <summary>The most recent turn of this conversation whose speaker is not <paramref name="previous"/>'s.</summary>
    private Turn? LastOtherSpeaker(Turn previous)
    {
        for (int i = _turns.Count - 1; i >= 0 && i >= _turns.Count - 12; i--)
        {
            var turn = _turns[i];
            if (turn.SpeakerText is null || turn.Mode != TurnMode.Direct) continue;
            if (!SameSpeaker(turn, previous)) return turn;
        }
        return null;
    }

    /// <summary>
    /// The subject that opens the sentence of narration just before quotation <paramref name="q"/> (in its
    /// paragraph or ending the one before), when the quotation opens a sentence: a name, an office, a
    /// pronoun (resolved) or a common noun phrase (<c>The pedestrian halted.</c>).
    /// </summary>
    private (string Text, ImmutableArray<string> Ids)? ActionBeatSpeaker(int q)
    {
        var quotation = _outer[q];
        int t = _words.TokenAtOrAfter(quotation.Span.Start) - 1;
        if (t < 0 || _quoted[t] || !(_words.IsChar(t, '.') || _words.IsChar(t, '!') || _words.IsChar(t, ';'))) return null;
        int p = ParagraphIndex(quotation.Span.Start);
        int pt = ParagraphIndex(_words.Span(t).Start);
        if (p < 0 || pt < p - 1) return null;
        int sentenceStart = SentenceStartBefore(_words.Span(t).Start);
        int first = _words.TokenAtOrAfter(sentenceStart);
        for (int i = first; i <= t; i++)
        {
            if (_quoted[i]) return null;
        }
        int c = first < _candidateAt.Length ? _candidateAt[first] : -1;
        if (c >= 0 && _candidates[c].First == first && !_candidates[c].Possessive)
        {
            // A capitalized word opening a sentence is a name only if tagged as one (not “Nevertheless”).
            if (_candidates[c].Kind == CandidateKind.Name && _words.Tag(first) is { } tag && tag is not ("PROPN" or "NOUN")) return null;
            if (_candidates[c].Last + 1 < _words.Count && _words.In(_candidates[c].Last + 1, DiscourseLexicon.SpeechVerbs)) return null;
            var (text, id) = Resolve(c);
            return text is null ? null : (text, id is null ? [] : [id]);
        }
        int end = NounPhraseEnd(first, _words.Span(t).Start);
        if (end > first + 1 && end < _words.Count && !_words.In(end, DiscourseLexicon.SpeechVerbs)
            && (_words.IsChar(end, ',') || _words.IsWord(end) && !_words.IsCapitalized(end)))
            return (_text.Substring(_words.Span(first).Start, _words.Span(end - 1).End - _words.Span(first).Start), []);
        return null;
    }

    /// <summary>Only the cue of <paramref name="previous"/> (and punctuation) stands between it and <paramref name="start"/>.</summary>
    private bool ContinuesAcrossCue(Turn previous, TextSpan cue, int start)
    {
        if (cue.Start < previous.Span.End || cue.End > start) return false;
        // Narration between the two parts may run on after the cue, but not past the end of a sentence.
        int lastQuote = _words.TokenAtOrAfter(previous.Span.End);
        while (lastQuote < _words.Count && _quoted[lastQuote] && _words.Span(lastQuote).Start < start) lastQuote++;
        for (int i = lastQuote; i < _words.Count && _words.Span(i).Start < start; i++)
        {
            if (_words.IsChar(i, '.') || _words.IsChar(i, '!') || _words.IsChar(i, '?')) return false;
        }
        return !LineBreakBetween(previous.Span.End, start);
    }

    private readonly record struct NounPhraseCue(TextSpan Speaker, TextSpan Cue);

    /// <summary>
    /// A speaker named by a common noun phrase after the quotation: <c>“…,” said my mother</c>,
    /// <c>“…,” the old man replied</c>. The phrase runs from its determiner over lowercase words to punctuation.
    /// </summary>
    private NounPhraseCue? TrailingNounPhrase(int q)
    {
        var quotation = _outer[q];
        int t = _words.TokenAtOrAfter(quotation.Span.End);
        int limit = q + 1 < _outer.Length ? _outer[q + 1].Span.Start : _text.Length;
        if (t < _words.Count && (_words.IsChar(t, ',') || _words.Kind(t) == TokenKind.Dash)) t++;
        if (t >= _words.Count || _words.Span(t).Start >= limit || LineBreakBetween(quotation.Span.End, _words.Span(t).Start)) return null;
        if (_words.In(t, DiscourseLexicon.SpeechVerbs) && !_words.IsCapitalized(t))
        {
            int end = NounPhraseEnd(t + 1, limit);
            return end > t + 1 ? new NounPhraseCue(new TextSpan(_words.Span(t + 1).Start, _words.Span(end - 1).End), new TextSpan(_words.Span(t).Start, _words.Span(end - 1).End)) : null;
        }
        int phraseEnd = NounPhraseEnd(t, limit);
        if (phraseEnd > t && phraseEnd < _words.Count && _words.Span(phraseEnd).Start < limit && _words.In(phraseEnd, DiscourseLexicon.SpeechVerbs))
            return new NounPhraseCue(new TextSpan(_words.Span(t).Start, _words.Span(phraseEnd - 1).End), new TextSpan(_words.Span(t).Start, _words.Span(phraseEnd).End));
        return null;
    }

    /// <summary>The same before the quotation, in its sentence: <c>the boy said, “…”</c>, <c>my mother cried: “…”</c>.</summary>
    private NounPhraseCue? LeadNounPhrase(int q)
    {
        var quotation = _outer[q];
        int end = _words.TokenAtOrAfter(quotation.Span.Start) - 1;
        int from = Math.Max(SentenceStartBefore(quotation.Span.Start), q > 0 ? _outer[q - 1].Span.End : 0);
        int first = _words.TokenAtOrAfter(from);
        if (end >= 0 && (_words.IsChar(end, ',') || _words.IsChar(end, ':'))) end--;
        if (end < first || end < 1 || !_words.In(end, DiscourseLexicon.SpeechVerbs) || _words.IsCapitalized(end)) return null;
        for (int start = Math.Max(first, end - 5); start < end; start++)
        {
            if (!_words.In(start, DiscourseLexicon.SpeakerDeterminers) || start > first && _words.In(start - 1, DiscourseLexicon.NonSubjectPrecursors)) continue;
            if (NounPhraseEnd(start, _words.Span(end).Start) == end)
                return new NounPhraseCue(new TextSpan(_words.Span(start).Start, _words.Span(end - 1).End), new TextSpan(_words.Span(start).Start, _words.Span(end).End));
        }
        return null;
    }

    /// <summary>The token after a noun phrase opening at <paramref name="t"/> with a determiner; <paramref name="t"/> when none opens there.</summary>
    private int NounPhraseEnd(int t, int limit)
    {
        if (t >= _words.Count || !_words.In(t, DiscourseLexicon.SpeakerDeterminers)) return t;
        int e = t + 1;
        while (e < _words.Count && e <= t + 4 && _words.Span(e).Start < limit && _words.IsWord(e) && !LooksLikeVerbOrAdverb(e)
               && !_words.In(e, DiscourseLexicon.NonSubjectPrecursors) && !_words.In(e, DiscourseLexicon.SpeechVerbs) && !_words.In(e, DiscourseLexicon.Interposed)) e++;
        return e > t + 1 ? e : t;
    }

    /// <summary>A word that ends a noun phrase rather than extending it: <c>-ly</c>, <c>-ed</c>, an auxiliary.</summary>
    private bool LooksLikeVerbOrAdverb(int t)
    {
        if (_words.Tag(t) is { } tag) return tag is not ("NOUN" or "ADJ" or "PROPN" or "NUM");
        var word = _words.Word(t);
        return word.Length > 3 && (word.EndsWith("ly", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
            || _words.In(t, DiscourseLexicon.FiniteMarkers);
    }

    private static bool SameSpeaker(Turn a, Turn b) =>
        a.Speakers.Length > 0 && b.Speakers.Length > 0 ? a.Speakers.SequenceEqual(b.Speakers) : string.Equals(a.SpeakerText, b.SpeakerText, StringComparison.Ordinal);

    /// <summary>The turn before ended in the paragraph just before this one.</summary>
    private bool FollowsClosely(Turn previous, int start)
    {
        int p = ParagraphIndex(start);
        if (p <= 0 || ParagraphIndex(previous.Span.Start) < p - 1) return false;
        // After a tagged turn, narration may run on in its paragraph (“…,” said Dick, who had set to work.).
        int from = previous.Cue is not null && ParagraphIndex(previous.Span.Start) == p - 1 ? _paragraphs[p].Start : previous.Span.End;
        return !HasNarrationBetween(from, start);
    }

    private bool HasNarrationBetween(int from, int to)
    {
        for (int i = _words.TokenAtOrAfter(from); i < _words.Count && _words.Span(i).Start < to; i++)
        {
            if (!_quoted[i] && _words.IsWord(i)) return true;
        }
        return false;
    }

    /// <summary>A line break between the offsets; in a text written a sentence a line, only a paragraph's start counts as one.</summary>
    private bool LineBreakBetween(int from, int to) =>
        _paragraphsInferred ? ParagraphIndex(to) != ParagraphIndex(from) : _text.AsSpan(from, to - from).Contains('\n');

    private bool OpensParagraph(int offset)
    {
        int p = ParagraphIndex(offset);
        return p >= 0 && _text.AsSpan(_paragraphs[p].Start, offset - _paragraphs[p].Start).IsWhiteSpace();
    }

    private int ParagraphIndex(int offset)
    {
        int low = 0, high = _paragraphs.Length - 1, found = -1;
        while (low <= high)
        {
            int mid = (low + high) >>> 1;
            if (_paragraphs[mid].Start <= offset) { found = mid; low = mid + 1; }
            else high = mid - 1;
        }
        return found;
    }

    private int SentenceStartBefore(int offset)
    {
        int low = 0, high = _sentences.Length - 1, found = -1;
        while (low <= high)
        {
            int mid = (low + high) >>> 1;
            if (_sentences[mid].Start <= offset) { found = mid; low = mid + 1; }
            else high = mid - 1;
        }
        return found < 0 ? 0 : _sentences[found].Start;
    }

    private int SentenceEndAfter(int offset)
    {
        foreach (var s in SentencesAround(offset)) return s.End;
        return _text.Length;
    }

    private IEnumerable<TextSpan> SentencesAround(int offset)
    {
        int low = 0, high = _sentences.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (_sentences[mid].End <= offset) low = mid + 1;
            else high = mid;
        }
        if (low < _sentences.Length) yield return _sentences[low];
    }

    private readonly record struct Attribution(int SpeakerCandidate, TextSpan Cue, ImmutableArray<int> Joint, int Addressee);

    /// <summary>
    /// A cue before the quotation, in the same sentence and after any earlier quotation: a label
    /// (<c>Name:</c>, <c>Name, from the side:</c>), a clause ending in a colon, comma or verb of speaking
    /// (<c>Stalin said:</c>, <c>saying</c>), or an editor's bracket (<c>[Stalin said:]</c>).
    /// </summary>
    private Attribution? LeadCue(int q)
    {
        var quotation = _outer[q];
        int start = Math.Max(SentenceStartBefore(quotation.Span.Start), q > 0 ? _outer[q - 1].Span.End : 0);
        int p = ParagraphIndex(quotation.Span.Start);
        if (p >= 0) start = Math.Max(start, _paragraphs[p].Start);
        if (start >= quotation.Span.Start || _text.AsSpan(start, quotation.Span.Start - start).IsWhiteSpace()) start = LeadParagraphBefore(q, p) ?? start;
        if (start >= quotation.Span.Start) return null;
        int end = quotation.Span.Start;
        while (end > start && char.IsWhiteSpace(_text[end - 1])) end--;
        if (end == start) return null;
        char last = _text[end - 1];
        bool bracket = last == ']';
        int inner = bracket ? end - 1 : end;
        while (inner > start && char.IsWhiteSpace(_text[inner - 1])) inner--;
        char mark = inner > start ? _text[inner - 1] : '\0';
        if (mark is '-' or '—' or '–') mark = DashLeadMark(start, inner);
        int firstToken = _words.TokenAtOrAfter(start);
        int lastToken = _words.TokenAtOrAfter(end) - 1;
        if (lastToken < firstToken) return null;
        if (lastToken - firstToken > MaxLeadTokens) firstToken = lastToken - MaxLeadTokens;
        int verb = -1;
        for (int t = lastToken; t >= firstToken; t--)
        {
            if (_words.IsWord(t) && !_words.IsCapitalized(t) && SpeechVerbEnd(t) >= 0) { verb = t; break; }
        }
        int verbLast = verb >= 0 ? SpeechVerbEnd(verb) : -1;
        bool endsInVerb = verb >= 0 && verbLast >= lastToken - (bracket ? 2 : 1) && mark is not ('.' or '?' or '!');
        bool colonOrComma = mark is ':' or ',' or '—' or '–';
        if (!colonOrComma && !endsInVerb) return null;
        if (mark is ',' or '—' or '–' && verb < 0) return null;
        int speaker = ChooseSpeaker(firstToken, lastToken, verb);
        if (speaker < 0) return null;
        var candidate = _candidates[speaker];
        var joint = JointWith(speaker, firstToken);
        int cueStart = Math.Min(_candidates[joint.Length > 0 ? joint[0] : speaker].Span.Start, verb >= 0 ? _words.Span(verb).Start : int.MaxValue);
        // An editor's cue is the words inside the brackets (`[Stalin said:]` → `Stalin said:`), as its opening bracket is outside.
        var cue = new TextSpan(cueStart, bracket ? end - 1 : end);
        return new Attribution(speaker, cue, joint, AddresseeAfter(verb, lastToken));
    }

    /// <summary>
    /// For a quotation opening paragraph <paramref name="p"/>, the start of the last sentence of the paragraph
    /// before when that sentence introduces it (ends in a colon or a dash: <c>Then she turned and said:</c>).
    /// </summary>
    private int? LeadParagraphBefore(int q, int p)
    {
        if (p <= 0 || !OpensParagraph(_outer[q].Span.Start)) return null;
        var before = _paragraphs[p - 1];
        int end = before.End;
        while (end > before.Start && char.IsWhiteSpace(_text[end - 1])) end--;
        if (end == before.Start || _text[end - 1] is not (':' or '—' or '–' or '-')) return null;
        if (_text[end - 1] == '-' && (end - 1 == before.Start || _text[end - 2] != '-')) return null;
        int start = Math.Max(SentenceStartBefore(end - 1), before.Start);
        if (q > 0 && _outer[q - 1].Span.End > start) return null;
        return start;
    }

    /// <summary>
    /// How a lead that ends in a dash introduces its quotation (<c>and said at once --</c>, <c>had asked: --</c>):
    /// the colon or comma before the dash, else the dash (two hyphens count as one); a single hyphen is none.
    /// </summary>
    private char DashLeadMark(int start, int end)
    {
        int i = end;
        while (i > start && _text[i - 1] is '-' or '—' or '–') i--;
        if (end - i == 1 && _text[i] == '-') return '-';
        while (i > start && char.IsWhiteSpace(_text[i - 1])) i--;
        return i > start && _text[i - 1] is ':' or ',' ? _text[i - 1] : '—';
    }

    /// <summary>
    /// The last token of a verb of speaking at <paramref name="t"/>: <paramref name="t"/> itself, its particle
    /// (<c>put in</c>, <c>broke in</c>), or -1 when no verb of speaking is there.
    /// </summary>
    private int SpeechVerbEnd(int t)
    {
        if (_words.In(t, DiscourseLexicon.SpeechVerbs)) return t;
        return _words.In(t, DiscourseLexicon.PhrasalSpeechVerbs) && t + 1 < _words.Count && _words.In(t + 1, DiscourseLexicon.SpeechParticles) ? t + 1 : -1;
    }

    /// <summary>A cue after the quotation: <c>“…,” Name said</c>, <c>“…,” said the Secretary</c>, <c>“…,” he replied.</c></summary>
    private Attribution? TrailingCue(int q)
    {
        var quotation = _outer[q];
        int t = _words.TokenAtOrAfter(quotation.Span.End);
        int limit = q + 1 < _outer.Length ? _outer[q + 1].Span.Start : int.MaxValue;
        int p = ParagraphIndex(quotation.Span.Start);
        if (p >= 0) limit = Math.Min(limit, _paragraphs[p].End);
        if (t < _words.Count && (_words.IsChar(t, ',') || _words.Kind(t) == TokenKind.Dash)) t++;
        if (t >= _words.Count || _words.Span(t).Start >= limit) return null;
        int c = _candidateAt[t];
        if (c >= 0 && _candidates[c].First == t && !_candidates[c].Possessive)
        {
            int v = _candidates[c].Last + 1;
            while (v < _words.Count && _words.In(v, DiscourseLexicon.Interposed) && v < _candidates[c].Last + 3) v++;
            if (v < _words.Count && _words.Span(v).Start < limit && SpeechVerbEnd(v) is var verbEnd and >= 0 && !_words.IsCapitalized(v))
                return new Attribution(c, new TextSpan(_words.Span(t).Start, _words.Span(verbEnd).End), [], AddresseeAfter(verbEnd, Math.Min(_words.Count - 1, verbEnd + 3)));
            return null;
        }
        if (_words.In(t, DiscourseLexicon.SpeechVerbs) && !_words.IsCapitalized(t))
        {
            int after = t + 1;
            int c2 = after < _words.Count ? _candidateAt[after] : -1;
            // “…,” said I: the narrator's inverted cue (a third person's, said he, is left to the model as before).
            if (c2 >= 0 && _candidates[c2].First == after && (_candidates[c2].Kind != CandidateKind.Pronoun || _words.Is(after, "I")))
                return new Attribution(c2, new TextSpan(_words.Span(t).Start, _candidates[c2].Span.End), [], -1);
        }
        return null;
    }

    /// <summary>
    /// The speaker of a lead: with a verb of speaking, the nearest subject before it (or the name just
    /// after it, <c>said Stalin</c>); without one, the first subject of the lead (a label, <c>Stalin supported this:</c>).
    /// </summary>
    private int ChooseSpeaker(int firstToken, int lastToken, int verb)
    {
        int first = FirstCandidateFrom(firstToken);
        if (first < 0) return -1;
        if (verb >= 0)
        {
            int best = -1;
            for (int c = first; c < _candidates.Count && _candidates[c].Last < verb; c++)
            {
                if (_candidates[c].Subject) best = c;
            }
            if (best >= 0) return best;
            int next = _candidateAt[Math.Min(verb + 1, _words.Count - 1)];
            if (verb + 1 <= lastToken && next >= 0 && _candidates[next].First == verb + 1 && _candidates[next].Kind != CandidateKind.Pronoun) return next;
            return -1;
        }
        for (int c = first; c < _candidates.Count && _candidates[c].Last <= lastToken; c++)
        {
            if (_candidates[c].Subject) return c;
        }
        return -1;
    }

    private int FirstCandidateFrom(int token)
    {
        int low = 0, high = _candidates.Count;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (_candidates[mid].First < token) low = mid + 1;
            else high = mid;
        }
        return low < _candidates.Count ? low : -1;
    }

    /// <summary>Speakers joined to <paramref name="speaker"/> by <c>and</c> or commas (<c>Stalin and Molotov said</c>).</summary>
    private ImmutableArray<int> JointWith(int speaker, int firstToken)
    {
        var joint = ImmutableArray.CreateBuilder<int>();
        if (_candidates[speaker].Kind == CandidateKind.Pronoun && !_words.Is(_candidates[speaker].First, "I")) return [];
        int c = speaker;
        int byComma = 0;
        while (c > 0)
        {
            int before = _candidates[c].First - 1;
            // A list of speakers ends in "and" before its last name ("A, B and C said"): a comma alone before the speaker
            // closes a phrase of another kind ("On the islands, I told him").
            bool joiner = _words.Is(before, "and") || (c != speaker && _words.IsChar(before, ','));
            if (before < firstToken || !joiner) break;
            int other = _candidateAt[Math.Max(before - 1, 0)];
            if (before - 1 < firstToken || other < 0 || _candidates[other].Last != before - 1 || _candidates[other].Kind == CandidateKind.Pronoun || _candidates[other].Possessive) break;
            joint.Insert(0, other);
            if (byComma == 0 && _words.IsChar(before, ',')) byComma = joint.Count;
            c = other;
        }
        // A list of speakers opens its clause; one that a phrase or more names run into (“Regarding A, B and C, Mr. X
        // and I told him”) ends at its last comma: what stands before that is no speaker.
        if (byComma > 0 && joint.Count > 0 && !OpensSpeakerList(_candidates[joint[0]].First, firstToken)) joint.RemoveRange(0, joint.Count - (byComma - 1));
        return joint.ToImmutable();
    }

    private bool OpensSpeakerList(int first, int firstToken) =>
        first <= firstToken || !_words.IsWord(first - 1) && !_words.IsChar(first - 1, ',') || _words.Is(first - 1, "then") || _words.Is(first - 1, "but") || _words.Is(first - 1, "when");

    /// <summary>The person spoken to right after an addressee verb (<c>asked the Minister</c>) or <c>to</c>, if any.</summary>
    private int AddresseeAfter(int verb, int lastToken)
    {
        if (verb < 0) return -1;
        int t = verb + 1;
        if (!_words.In(verb, DiscourseLexicon.AddresseeVerbs))
        {
            if (!_words.Is(t, "to")) return -1;
            t++;
        }
        if (t > lastToken || t >= _words.Count) return -1;
        int c = _candidateAt[t];
        return c >= 0 && _candidates[c].First == t ? c : -1;
    }

    private Turn MakeTurn(TextSpan span, TurnMode mode, Attribution attribution)
    {
        var speakers = ImmutableArray.CreateBuilder<string>();
        var texts = new List<string>();
        foreach (int c in attribution.Joint.Append(attribution.SpeakerCandidate))
        {
            var (text, id) = Resolve(c);
            if (text is not null) texts.Add(text);
            if (id is not null && !speakers.Contains(id)) speakers.Add(id);
        }
        string? speakerText = texts.Count == 0 ? null : string.Join(" and ", texts);
        // Unless every speaker was bound, binding some would say the wrong thing about who spoke.
        var ids = speakers.Count == texts.Count ? speakers.ToImmutable() : [];
        string? addresseeText = null;
        ImmutableArray<string> addressees = [];
        if (attribution.Addressee >= 0)
        {
            var (text, id) = Resolve(attribution.Addressee);
            addresseeText = text;
            if (id is not null) addressees = [id];
        }
        return new Turn(span, mode, attribution.Cue, speakerText, ids, addressees, addresseeText);
    }

    /// <summary>The words naming candidate <paramref name="c"/> (a pronoun's antecedent) and its entity id, if bound.</summary>
    private (string? Text, string? EntityId) Resolve(int c)
    {
        // A confident coreference link decides who a pronoun is; the rules' words are kept when they name the same person.
        var rules = ResolveByRules(c);
        return CoreferenceOf(c) is { } linked && linked.EntityId != rules.EntityId ? linked : rules;
    }

    private (string? Text, string? EntityId) ResolveByRules(int c)
    {
        var candidate = _candidates[c];
        if (candidate.Kind == CandidateKind.Pronoun)
        {
            var word = _words.Word(candidate.First);
            // A diary's or a memorandum's “I” is its author, when the metadata names one.
            if (word is "I" && _author is not null) return (_author, _authorId);
            if (!DiscourseLexicon.Contains(DiscourseLexicon.ThirdPersonPronouns, word)) return (word.ToString(), null);
            char gender = DiscourseLexicon.Contains(DiscourseLexicon.MalePronouns, word) ? 'm' : DiscourseLexicon.Contains(DiscourseLexicon.FemalePronouns, word) ? 'f' : '\0';
            int antecedent = Antecedent(c, word.Equals("who", StringComparison.OrdinalIgnoreCase), gender);
            if (antecedent < 0) return (null, null);
            candidate = _candidates[antecedent];
        }
        string text = _text.Substring(candidate.Span.Start, candidate.Span.Length);
        // A name shorter than a participant's (“Sir Robert” for “Sir Robert Scott”) is that participant.
        if (candidate.Kind == CandidateKind.Name && ParticipantNamed(text) is { } participant) return (text, participant);
        // An office is the participant holding it before any entity of the same words (“the Ambassador” of the block).
        if (candidate.Kind == CandidateKind.Role && _participants.Count > 0 && ResolveRole(candidate) is { } holder && !IsOtherOffice(candidate, holder)) return (text, holder);
        // “The Secretary” is not the participant listed as Assistant Secretary, whatever the entity layer joined.
        if (candidate.Kind == CandidateKind.Role && candidate.EntityId is { } joined && (IsLowerRankOf(candidate, joined) || IsOtherOffice(candidate, joined))) return (text, null);
        // “The Chairman replied” after “Mr. Abeni (Chairman) opened the meeting”: the one the record gave that office in brackets.
        if (candidate.Kind == CandidateKind.Role && BracketedHolder(candidate) is { } bracketed) return (text, bracketed);
        if (candidate.EntityId is { } id) return (text, id);
        if (candidate.Kind == CandidateKind.Name) return (text, _entities.PersonNamed(text));
        return (text, ResolveRole(candidate) is { } office && !IsOtherOffice(candidate, office) ? office : null);
    }

    /// <summary>Links of the <c>coreference</c> layer, by start; empty without one.</summary>
    private Coreference.CoreferenceLink[] _coreference = [];

    /// <summary>Below it, a pronoun cue is left to the rules and the speaker model.</summary>
    private const double CoreferenceConfidence = 0.97;

    /// <summary>The person the coreference layer confidently gives pronoun candidate <paramref name="c"/>, when it names one of the entities.</summary>
    private (string? Text, string? EntityId)? CoreferenceOf(int c)
    {
        var candidate = _candidates[c];
        if (candidate.Kind != CandidateKind.Pronoun || _coreference.Length == 0) return null;
        int lo = 0, hi = _coreference.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_coreference[mid].Span.Start < candidate.Span.Start) lo = mid + 1;
            else hi = mid;
        }
        for (; lo < _coreference.Length && _coreference[lo].Span.Start == candidate.Span.Start; lo++)
        {
            var link = _coreference[lo];
            if (link.Kind != Coreference.ReferringKind.Pronoun || link.Introduces || link.Score < CoreferenceConfidence) continue;
            if (_entities.TypeOf(link.EntityId) != "person" || _entities.NameOf(link.EntityId) is not { } name) continue;
            return (name, link.EntityId);
        }
        return null;
    }

    private readonly Dictionary<int, string?> _roleHolders = [];
    private readonly Dictionary<string, string?> _participantsNamed = new(StringComparer.Ordinal);

    private string? ResolveRole(SpeakerCandidate role)
    {
        if (_roleHolders.TryGetValue(role.First, out var known)) return known;
        var words = new List<string>();
        for (int t = role.First; t <= role.Last; t++)
        {
            if (_words.IsWord(t)) words.Add(DiscourseWords.WithoutPossessive(_words.Word(t)).ToString());
        }
        return _roleHolders[role.First] = ResolveRoleWords(words);
    }

    /// <summary>The person an office written out names (<c>the Secretary of State</c>), as <see cref="ResolveRole"/> binds it.</summary>
    private string? ResolveRoleText(string phrase) =>
        ResolveRoleWords(phrase.Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => w != "of").ToList());

    /// <summary>
    /// The participant an office names: the one whose role or name holds its head noun; when several do, the
    /// one whose role, side or name holds every capitalized modifier (<c>the Greek Ambassador</c>), or for a bare
    /// head the one whose head no lower rank qualifies (<c>the Secretary</c>, not the Assistant Secretary).
    /// </summary>
    private string? ResolveRoleWords(List<string> words)
    {
        int h = words.FindLastIndex(w => DiscourseLexicon.Contains(DiscourseLexicon.RoleHeads, w));
        if (h < 0) return null;
        string head = words[h];
        var modifiers = words.Take(h).Where(w => w.Length > 1 && char.IsUpper(w[0]) && !DiscourseLexicon.Contains(DiscourseLexicon.PhraseDeterminers, w)).ToList();
        var holders = new List<Participant>();
        foreach (var participant in _participants)
        {
            if (participant.EntityId is null || holders.Any(p => p.EntityId == participant.EntityId)) continue;
            if ((participant.Role is { } r && EntityView.ContainsWord(r, head)) || EntityView.ContainsWord(participant.Name, head)) holders.Add(participant);
        }
        if (holders.Count == 1) return holders[0].EntityId;
        if (holders.Count > 1)
        {
            var chosen = modifiers.Count > 0
                ? holders.Where(p => modifiers.All(m => EntityView.ContainsWord(string.Join(" ", p.Role, p.Affiliation, p.Name), m))).ToList()
                : holders.Where(p => !HasLowerRank(p.Role ?? p.Name, head)).ToList();
            return chosen.Count == 1 ? chosen[0].EntityId : _entities.PersonWithRole(head, modifiers);
        }
        return _entities.PersonWithRole(head, modifiers);
    }

    private Dictionary<string, string?>? _bracketedOffices;

    /// <summary>
    /// The person an office candidate names because the record wrote that office in brackets after one name
    /// (<c>Mr. Abeni (Chairman)</c>, <c>Mrs. Varga (Rapporteur)</c>): the same words, determiners aside; null when no
    /// name or several names were given it.
    /// </summary>
    private string? BracketedHolder(SpeakerCandidate role)
    {
        if (_bracketedOffices is null)
        {
            _bracketedOffices = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (int c = 0; c < _candidates.Count; c++)
            {
                var named = _candidates[c];
                int open = named.Last + 1;
                if (named.Kind != CandidateKind.Name || _quoted[named.First] || !_words.IsChar(open, '(')) continue;
                int close = open + 1;
                while (close < _words.Count && close < open + 5 && _words.IsWord(close) && _words.IsCapitalized(close)) close++;
                if (close == open + 1 || !_words.IsChar(close, ')') || !_words.In(close - 1, DiscourseLexicon.RoleHeads)) continue;
                string office = string.Join(' ', Enumerable.Range(open + 1, close - open - 1).Select(t => _words.Word(t).ToString()));
                string? id = named.EntityId ?? _entities.PersonNamed(_text.Substring(named.Span.Start, named.Span.Length));
                if (id is null) continue;
                _bracketedOffices[office] = _bracketedOffices.TryGetValue(office, out var earlier) && earlier != id ? null : id;
            }
        }
        if (_bracketedOffices.Count == 0) return null;
        var words = new List<string>();
        for (int t = role.First; t <= role.Last; t++)
        {
            if (_words.IsWord(t) && !_words.In(t, DiscourseLexicon.PhraseDeterminers)) words.Add(DiscourseWords.WithoutPossessive(_words.Word(t)).ToString());
        }
        return words.Count > 0 && _bracketedOffices.TryGetValue(string.Join(' ', words), out var holder) ? holder : null;
    }

    /// <summary>
    /// Whether office candidate <paramref name="role"/> names another office than entity <paramref name="id"/>: the entity is
    /// named only by an office's domain words, or its names lack its head (<c>The Minister of Labour</c> and an entity <c>Labour</c>) or the domain after its <c>for</c>
    /// (<c>the Secretary of State for War</c> and an entity <c>Secretary of State</c>).
    /// </summary>
    private bool IsOtherOffice(SpeakerCandidate role, string id)
    {
        // A person “named” only by an office's domain (“Labour” of “the Minister of Labour”) is the tagger's reading of an office.
        var aliases = _entities.AliasesOf(id);
        if (aliases.Count > 0 && aliases.All(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => w is "of" or "and" || Annalist.Core.Entities.TitleLexicon.IsOfficeDomain(w)))) return true;
        var known = _entities.NamesAndRolesOf(id).Concat(_participants.Where(p => p.EntityId == id).SelectMany(p => new[] { p.Name, p.Role ?? "" })).ToList();
        if (known.Count == 0) return false;
        string name = string.Join(" ; ", known);
        int head = -1;
        for (int t = role.First; t <= role.Last; t++)
        {
            if (_words.In(t, DiscourseLexicon.RoleHeads)) { head = t; break; }
        }
        if (head < 0) return false;
        if (!EntityView.ContainsWord(name, DiscourseWords.WithoutPossessive(_words.Word(head)).ToString())) return true;
        for (int t = head + 1; t < role.Last; t++)
        {
            if (!_words.Is(t, "for")) continue;
            for (int d = t + 1; d <= role.Last; d++)
            {
                if (_words.IsCapitalized(d) && !EntityView.ContainsWord(name, DiscourseWords.WithoutPossessive(_words.Word(d)).ToString())) return true;
            }
        }
        return false;
    }

    /// <summary>Whether office candidate <paramref name="role"/>, a bare head (<c>the Secretary</c>), names participant <paramref name="id"/> only by a lower rank of it.</summary>
    private bool IsLowerRankOf(SpeakerCandidate role, string id)
    {
        string head = "";
        for (int t = role.Last; t >= role.First; t--)
        {
            if (_words.In(t, DiscourseLexicon.RoleHeads)) { head = DiscourseWords.WithoutPossessive(_words.Word(t)).ToString(); break; }
            if (_words.IsCapitalized(t) && !_words.Is(t, "the")) return false;
        }
        if (head.Length == 0) return false;
        for (int t = role.First; t <= role.Last; t++)
        {
            if (_words.In(t, DiscourseLexicon.LowerRanks)) return false;
        }
        var holder = _participants.FirstOrDefault(p => p.EntityId == id);
        return holder is not null && HasLowerRank(string.Join(" ", holder.Role, holder.Name), head);
    }

    /// <summary>Whether <paramref name="role"/> qualifies <paramref name="head"/> with a lower rank (<c>Assistant Secretary</c>, <c>Deputy Director</c>).</summary>
    private static bool HasLowerRank(string role, string head)
    {
        var words = role.Split([' ', ',', '-'], StringSplitOptions.RemoveEmptyEntries);
        for (int i = 1; i < words.Length; i++)
        {
            if (words[i].Equals(head, StringComparison.OrdinalIgnoreCase) && DiscourseLexicon.Contains(DiscourseLexicon.LowerRanks, words[i - 1])) return true;
        }
        return false;
    }

    /// <summary>
    /// The one participant whose name holds every word of <paramref name="name"/> but its titles (<c>Sir
    /// Robert</c>, <c>Mr. Scott</c> for <c>Sir Robert Scott</c>); null when none or several do.
    /// </summary>
    private string? ParticipantNamed(string name)
    {
        if (_participants.Count == 0) return null;
        if (_participantsNamed.TryGetValue(name, out var known)) return known;
        return _participantsNamed[name] = FindParticipantNamed(name);
    }

    private string? FindParticipantNamed(string name)
    {
        var words = name.Split([' ', '.', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => DiscourseWords.WithoutPossessive(w).ToString())
            .Where(w => w.Length > 1 && !DiscourseLexicon.Contains(DiscourseLexicon.Titles, w)).ToList();
        if (words.Count == 0) return null;
        string? found = null;
        foreach (var participant in _participants)
        {
            if (participant.EntityId is null || !words.All(w => EntityView.ContainsWord(participant.Name, w))) continue;
            if (found is not null && found != participant.EntityId) return null;
            found = participant.EntityId;
        }
        return found ?? ParticipantByInitials(name);
    }

    /// <summary>
    /// <c>AK said that</c>: initials in capitals that a participants block gives in brackets after one name
    /// (<c>Ambassador Korvan (AK)</c>), which the block keeps among that participant's roles.
    /// </summary>
    private string? ParticipantByInitials(string name)
    {
        if (name.Length is < 2 or > 4 || !name.All(char.IsUpper)) return null;
        string? found = null;
        foreach (var participant in _participants)
        {
            if (participant.EntityId is null || participant.Role is null) continue;
            if (!participant.Role.Split(';', StringSplitOptions.TrimEntries).Contains(name, StringComparer.Ordinal)) continue;
            if (found is not null && found != participant.EntityId) return null;
            found = participant.EntityId;
        }
        return found;
    }

    /// <summary>
    /// The drafter a memorandum's heading names (<c>Memorandum of Conversation, by Mr. A. B. Lund</c>; <c>…, by
    /// the Director of the Office of … (Lund)</c>; <c>… by the Secretary of State</c>), or null.
    /// </summary>
    private string? HeadingAuthor()
    {
        foreach (var paragraph in _paragraphs)
        {
            if (paragraph.Start > 600) break;
            var line = _text.AsSpan(paragraph.Start, Math.Min(paragraph.Length, 400));
            int conversation = line.IndexOf("Conversation", StringComparison.OrdinalIgnoreCase);
            if (conversation < 0) continue;
            int by = line[conversation..].IndexOf(" by ", StringComparison.Ordinal);
            if (by < 0) return null;
            var rest = line[(conversation + by + 4)..].Trim();
            int newline = rest.IndexOf('\n');
            if (newline >= 0) rest = rest[..newline].TrimEnd();
            if (rest.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
            {
                int open = rest.LastIndexOf('(');
                if (open > 0 && rest.EndsWith(")", StringComparison.Ordinal))
                {
                    var inner = rest[(open + 1)..^1].Trim();
                    return inner.Length > 1 && char.IsUpper(inner[0]) ? inner.ToString() : null;
                }
                int of = rest.IndexOf(" of ", StringComparison.Ordinal);
                int comma = rest.IndexOf(',');
                int cut = of < 0 ? comma : comma < 0 ? of : Math.Min(of, comma);
                return (cut < 0 ? rest : rest[..cut]).Trim().ToString();
            }
            if (rest.Length == 0 || !char.IsUpper(rest[0])) return null;
            int end = rest.IndexOf(',');
            int ofName = rest.IndexOf(" of ", StringComparison.Ordinal);
            if (ofName >= 0 && (end < 0 || ofName < end)) end = ofName;
            var named = (end < 0 ? rest : rest[..end]).Trim();
            return named.Length > 1 ? named.ToString() : null;
        }
        return null;
    }

    /// <summary>
    /// The most recent name or office before pronoun candidate <paramref name="c"/> that stood as a subject
    /// (for <c>who</c>, the nearest one in the same sentence, whatever its position).
    /// </summary>
    private int Antecedent(int c, bool relative, char gender = '\0')
    {
        int sentenceStart = SentenceStartBefore(_candidates[c].Span.Start);
        for (int a = c - 1; a >= 0 && a >= c - 60; a--)
        {
            var candidate = _candidates[a];
            if (candidate.Kind == CandidateKind.Pronoun || candidate.Possessive) continue;
            if (candidate.EntityId is { } id && _entities.TypeOf(id) is { } type && type != "person") continue;
            if (relative) return candidate.Span.Start >= sentenceStart ? a : -1;
            // “she” passes over “Mr. Bennet”, “he” over “Mrs. Bennet”: a title gives the gender.
            if (gender != '\0' && (TitleGender(candidate.First) ?? NameGender(a) ?? GivenNameGender(candidate)) is char known && known != gender) continue;
            if (candidate.Subject) return a;
        }
        return -1;
    }

    private char? TitleGender(int t) =>
        _words.In(t, DiscourseLexicon.MaleTitles) ? 'm' : _words.In(t, DiscourseLexicon.FemaleTitles) ? 'f' : null;

    // ---- Script form ----

    /// <summary>Lines that open with a speaker label and a colon and hold no quotation: <c>STALIN: …</c>, <c>Q: …</c>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void FindScriptForm()
    {
        int lineStart = 0;
        while (lineStart < _text.Length)
        {
            int newline = _text.IndexOf('\n', lineStart);
            int lineEnd = newline < 0 ? _text.Length : newline;
            TryScriptLine(lineStart, lineEnd);
            lineStart = lineEnd + 1;
        }
    }

    private void TryScriptLine(int lineStart, int lineEnd)
    {
        int t = _words.TokenAtOrAfter(lineStart);
        if (t >= _words.Count || _words.Span(t).Start >= lineEnd || _quoted[t]) return;
        // “[Gorelov:] …”: a translated record's label in square brackets.
        int bracket = _words.IsChar(t, '[') ? t++ : -1;
        if (bracket >= 0 && (t >= _words.Count || _words.Span(t).Start >= lineEnd || _quoted[t])) return;
        if (bracket < 0 && QuestionAnswerPeriodLabelEnd(t) is int periodEnd and >= 0)
        {
            int start = periodEnd;
            while (start < lineEnd && char.IsWhiteSpace(_text[start])) start++;
            int end = TrimEnd(start, lineEnd);
            if (start >= end || QuotationMarks.IsQuotationMark(_text[start]) || !HasLetter(new TextSpan(start, end))) return;
            _turns.Add(QuestionAnswerTurn(t, new TextSpan(start, end), new TextSpan(_words.Span(t).Start, periodEnd)));
            for (int i = t; i < _words.Count && _words.Span(i).Start < end; i++) _quoted[i] = true;
            return;
        }
        if (bracket < 0 && CapitalsPeriodLabel(lineStart, lineEnd) is { } capitals)
        {
            int start = capitals.ContentStart;
            int end = TrimEnd(start, lineEnd);
            string labelText = _text[capitals.Label.Start..capitals.Label.End];
            // “Senator WELKE.”: a title before a name in capitals says the entity of that name, in capitals only, is the person.
            ImmutableArray<string> speakers = HolderForOfficeLabel(labelText)
                ?? ((_entities.PersonForLabel(labelText) ?? (IsTitledName(labelText) ? _entities.PersonForLabel(labelText, capitalsToo: true) : null)) is { } person ? [person] : []);
            _turns.Add(new Turn(new TextSpan(start, end), TurnMode.Direct, new TextSpan(capitals.Label.Start, capitals.Label.End + 1), labelText, speakers, [], null));
            for (int i = t; i < _words.Count && _words.Span(i).Start < end; i++) _quoted[i] = true;
            return;
        }
        int label = t;
        int limit = Math.Min(_words.Count, t + 6);
        int nameLast = -1;
        while (label < limit && _words.Span(label).End <= lineEnd && !_words.IsChar(label, ':'))
        {
            // “Premier Lian (hereafter Lian):”: a record names the short label its later lines use.
            if (label > t && _words.IsChar(label, '(') && (_words.Is(label + 1, "hereafter") || _words.Is(label + 1, "hereinafter")))
            {
                int close = label + 2;
                while (close < label + 6 && close < _words.Count && _words.IsCapitalized(close) && !_words.IsChar(close, ')')) close++;
                if (close == label + 2 || !_words.IsChar(close, ')') || !_words.IsChar(close + 1, ':')) return;
                nameLast = label - 1;
                label = close + 1;
                limit = label + 1;
                break;
            }
            // “Soviet side:”, “Chinese delegation:”: a group noun after a capitalized word labels a side's words.
            bool sideNoun = label > t && _words.IsCapitalized(label - 1) && _words.In(label, DiscourseLexicon.GroupSpeakerNouns) && _words.IsChar(label + 1, ':');
            if (!(_words.IsCapitalized(label) || _words.Is(label, "the") || _words.Is(label, "of") || _words.IsChar(label, '.') || sideNoun)) return;
            label++;
        }
        if (label >= limit || label == t || !_words.IsChar(label, ':')) return;
        bool questionOrAnswer = label - t == 1 && IsQuestionAnswerLabel(t);
        if (!questionOrAnswer && (_words.In(t, DiscourseLexicon.HeadingLabels) || _words.In(label - 1, DiscourseLexicon.HeadingLabels) || _words.In(t, DiscourseLexicon.ParticipantLabels))) return;
        if (_words.Is(t, "the") && label - t < 2) return;
        if (bracket >= 0 && !_words.IsChar(label + 1, ']')) return;
        int labelEnd = bracket >= 0 ? label + 1 : label;
        int contentStart = _words.Span(labelEnd).End;
        while (contentStart < lineEnd && char.IsWhiteSpace(_text[contentStart])) contentStart++;
        if (contentStart >= lineEnd || QuotationMarks.IsQuotationMark(_text[contentStart]) || !HasLetter(new TextSpan(contentStart, lineEnd))) return;
        int contentEnd = lineEnd;
        while (contentEnd > contentStart && char.IsWhiteSpace(_text[contentEnd - 1])) contentEnd--;
        if (label - t == 1 && _words.Word(t).Length == 1 && _words.Word(t) is not ("Q" or "A")) return;
        // A side heading a participants block (“Soviet Union: Mr. A”) lists, it says nothing.
        if (nameLast < 0) nameLast = label - 1;
        string sideLabel = _text[_words.Span(t).Start.._words.Span(nameLast).End];
        if (_participants.Any(p => p.Source == ParticipantSource.Block && p.Affiliation == sideLabel && p.Span.Start >= contentStart && p.Span.Start < contentEnd)) return;
        var cue = new TextSpan(_words.Span(bracket >= 0 ? bracket : t).Start, _words.Span(labelEnd).End);
        if (questionOrAnswer)
        {
            _turns.Add(QuestionAnswerTurn(t, new TextSpan(contentStart, contentEnd), cue));
            for (int i = t; i < _words.Count && _words.Span(i).Start < contentEnd; i++) _quoted[i] = true;
            return;
        }
        int c = _candidateAt[t];
        Attribution attribution;
        if (c >= 0 && _candidates[c].First == t && _candidates[c].Kind != CandidateKind.Pronoun)
        {
            attribution = new Attribution(c, cue, [], -1);
            var turn = MakeTurn(new TextSpan(contentStart, contentEnd), TurnMode.Direct, attribution);
            // A label in capitals the tagger read as a name of its own (or as no person) stands for the person the record names so.
            if ((turn.Speakers.IsEmpty || _entities.IsNamedInCapitalsOnly(turn.Speakers[0])) && turn.SpeakerText is { } said && _entities.PersonForLabel(said) is { } person)
                turn = turn with { Speakers = [person] };
            if (turn.SpeakerText is { } office && HolderForOfficeLabel(office) is { } holder) turn = turn with { Speakers = holder };
            _turns.Add(turn);
        }
        else
        {
            int labelStart = _words.Span(t).Start;
            string labelText = _text.Substring(labelStart, _words.Span(nameLast).End - labelStart);
            ImmutableArray<string> speakers = HolderForOfficeLabel(labelText) ?? (_entities.PersonForLabel(labelText) is { } person ? [person] : []);
            _turns.Add(new Turn(new TextSpan(contentStart, contentEnd), TurnMode.Direct, cue, labelText, speakers, [], null));
        }
        for (int i = t; i < _words.Count && _words.Span(i).Start < contentEnd; i++) _quoted[i] = true;
    }

    // ---- Reported speech ----

    /// <summary>
    /// What opens one reported turn: the reporting verb (or the word that stands for it, <c>was</c> in <c>the
    /// Secretary's reply was that</c>), the candidate naming the speaker (-1 when a noun phrase or no one does),
    /// where the cue starts, and for a speaker no candidate names, the phrase and the entities it was bound to.
    /// </summary>
    private readonly record struct ReportedCue(int Verb, int Subject, int CueStart, bool Implicit, string? PhraseText, ImmutableArray<string> PhraseIds, int Addressee, int ContentAfter = -1, string? Role = null, bool Topic = false);

    private readonly HashSet<int> _speakerlessCues = [];

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void FindReported()
    {
        var reported = new List<(TextSpan Span, string? Speaker)>();
        var opened = new List<Turn>();
        for (int t = 0; t < _words.Count; t++)
        {
            if (_quoted[t] || !_words.IsWord(t) || _words.IsCapitalized(t)) continue;
            if (InvertedReportedTurn(t, reported) is { } inverted)
            {
                _turns.Add(inverted);
                opened.Add(inverted);
                reported.Add((inverted.Span, inverted.SpeakerText));
                continue;
            }
            if (InsetReportedTurn(t, reported, opened) is { } inset)
            {
                _turns.Add(inset);
                opened.Add(inset);
                reported.Add((inset.Span, inset.SpeakerText));
                continue;
            }
            if (ReportedCueAt(t) is not { } cue) continue;
            int verb = cue.Verb;
            int after = PhrasalThat(verb) is int that and >= 0 ? that
                : _words.Is(verb + 1, "out") && (_words.Is(verb, "pointed") || _words.Is(verb, "pointing")) ? verb + 2 : verb + 1;
            if (cue.ContentAfter >= 0) after = cue.ContentAfter;
            int addressee = cue.Addressee;
            int addresseePronoun = -1;
            string? groupAddressee = null;
            if (cue.ContentAfter >= 0) { }
            else if (addressee < 0 && _words.In(verb, DiscourseLexicon.AddresseeVerbs) && after < _words.Count && _candidateAt[after] is int a && a >= 0 && _candidates[a].First == after)
            {
                addressee = a;
                after = _candidates[a].Last + 1;
            }
            else if (_words.In(verb, DiscourseLexicon.AddresseeVerbs) && _words.In(after, DiscourseLexicon.ObjectPronouns))
            {
                addresseePronoun = after;
                after++;
            }
            else if (_words.In(verb, DiscourseLexicon.AddresseeVerbs) && GroupAddresseeHead(after) is int head and >= 0)
            {
                groupAddressee = _text[_words.Span(after).Start.._words.Span(head).End];
                after = head + 1;
            }
            else if (_words.Is(after, "to") && after + 1 < _words.Count && _candidateAt[after + 1] is int b && b >= 0 && _candidates[b].First == after + 1)
            {
                addressee = b;
                after = _candidates[b].Last + 1;
            }
            else if (_words.Is(after, "to") && _words.In(after + 1, DiscourseLexicon.ObjectPronouns))
            {
                addresseePronoun = after + 1;
                after += 2;
            }
            // A list marker between the verb and its content (“told him (a) that …”) is none of either.
            if (_words.IsChar(after, '(') && after + 2 < _words.Count && _words.IsChar(after + 2, ')') && _words.Span(after + 1).Length <= 3) after += 3;
            if (_words.IsChar(after, ',') && !_words.IsWord(after + 1)) continue;
            if (_words.IsChar(after, ',')) after++;
            // “The content of what he said was: …”, a translated record's formula: what follows the colon is what was said.
            bool contentFormula = cue.ContentAfter < 0 && _words.Is(after, "was") && _words.IsChar(after + 1, ':') && _words.IsWord(after + 2)
                && cue.Subject >= 0 && _words.Is(_candidates[cue.Subject].First - 1, "what");
            int contentToken = contentFormula ? after + 2 : cue.Topic ? after : ContentStart(verb, after);
            if (contentToken < 0) contentToken = ThatAfterAside(after, _words.In(verb, DiscourseLexicon.AddresseeVerbs) || _words.IsChar(after - 1, ','));
            if (contentToken < 0 && cue.ContentAfter < 0) contentToken = ContentAfterColon(after);
            if (contentToken < 0 && cue.ContentAfter < 0 && FirstPointAfterColon(after) is int point and >= 0) { contentToken = point; _pointTurns.Add(_words.Span(point).Start); }
            if (contentToken < 0 || contentToken >= _words.Count || _quoted[contentToken]) continue;
            int contentStart = _words.Span(contentToken).Start;
            int contentEnd = SentenceEndAfter(contentStart);
            if (cue.Topic) contentEnd = TopicEnd(contentToken, contentEnd);
            if (contentEnd <= contentStart) continue;
            var span = new TextSpan(contentStart, TrimEnd(contentStart, contentEnd));
            string? speakerText = cue.Subject >= 0 ? Resolve(cue.Subject).Text : cue.PhraseText;
            bool personalPronoun = cue.Implicit || cue.Subject >= 0 && _candidates[cue.Subject].Kind == CandidateKind.Pronoun && !_words.Is(_candidates[cue.Subject].First, "who");
            // “The Minister told me that …; I replied that …”: the writer answering after a semicolon is another speaker.
            if (!cue.Implicit && cue.Subject >= 0 && _candidates[cue.Subject].Kind == CandidateKind.Pronoun && _words.IsChar(_candidates[cue.Subject].First - 1, ';')
                && (_words.Is(_candidates[cue.Subject].First, "I") || _words.Is(_candidates[cue.Subject].First, "we"))) personalPronoun = false;
            if (IsOwnSpeakerInside(reported, _words.Span(verb).Start, speakerText, personalPronoun)) continue;
            int cueEnd = _words.Span(contentToken - 1).End;
            if (_pointTurns.Contains(contentStart) && ColonClosingParagraph(after) is int colon and >= 0) cueEnd = _words.Span(colon).End;
            Turn turn;
            if (cue.Subject >= 0)
            {
                var joint = cue.Implicit ? [] : JointWith(cue.Subject, _words.TokenAtOrAfter(SentenceStartBefore(contentStart)));
                int cueStart = cue.Implicit || cue.ContentAfter >= 0 ? cue.CueStart : _candidates[joint.Length > 0 ? joint[0] : cue.Subject].Span.Start;
                if (_editorialPronoun.TryGetValue(cue.Subject, out int pronounToken)) cueStart = Math.Min(cueStart, _words.Span(pronounToken).Start);
                int speaker = cue.Subject;
                if (ReportedAntecedent(cue.Subject, opened) is int named and >= 0) speaker = named;
                turn = MakeTurn(span, TurnMode.Reported, new Attribution(speaker, new TextSpan(cueStart, cueEnd), joint, addressee));
                if (turn.Speakers.IsEmpty && PluralRoleSpeakers(cue.Subject) is { } together)
                    turn = turn with { Speakers = together.Ids, SpeakerText = together.Text, Cue = new TextSpan(Math.Min(together.Start, cueStart), cueEnd) };
            }
            else
            {
                var (addresseeText, addresseeId) = addressee >= 0 ? Resolve(addressee) : (null, null);
                turn = new Turn(span, TurnMode.Reported, new TextSpan(cue.CueStart, cueEnd), cue.PhraseText, cue.PhraseIds,
                    addresseeId is null ? [] : [addresseeId], addresseeText, cue.Role);
                if (cue.PhraseText is null) _speakerlessCues.Add(cue.CueStart);
            }
            if (groupAddressee is not null && turn.AddresseeText is null) turn = turn with { AddresseeText = groupAddressee };
            if (addresseePronoun >= 0 && turn.AddresseeText is null)
            {
                var (pronounText, pronounId) = ObjectPronounAddressee(addresseePronoun, turn);
                turn = turn with { AddresseeText = pronounText, Addressees = pronounId is null ? [] : [pronounId] };
            }
            _turns.Add(turn);
            opened.Add(turn);
            // What a question raised names is no speech of its own: a cue after it (“…, indicating that”) still opens a turn.
            if (!cue.Topic) reported.Add((span, turn.SpeakerText));
        }
        ContinueReported(opened);
    }

    /// <summary>
    /// The last word of people spoken to that no candidate covers, right after an addressee verb (<c>told both Turkish and
    /// British representatives that</c>, <c>asked the visiting officials whether</c>): a noun naming people within six
    /// words, with <c>that</c> or a question word after it; -1 if none.
    /// </summary>
    private int GroupAddresseeHead(int first)
    {
        for (int t = first; t < _words.Count && t <= first + 6; t++)
        {
            if (!_words.IsWord(t) || _quoted[t] || _words.In(t, DiscourseLexicon.FiniteMarkers) || _words.Is(t, "that") || _words.Is(t, "to")
                || _words.Tag(t) is "AUX" or "ADP") return -1;
            if (!_words.In(t, DiscourseLexicon.GroupSpeakerNouns) || _words.Is(t, "latter") || _words.Is(t, "former")) continue;
            return _words.Is(t + 1, "that") || _words.In(t + 1, DiscourseLexicon.QuestionOpeners) ? t : -1;
        }
        return -1;
    }

    /// <summary>
    /// The one spoken to that an object pronoun names (<c>told me that</c>, <c>replied to him that</c>): <c>me</c> is the
    /// author when the metadata names one; <c>him</c> or <c>her</c> the speaker of the last turn of the paragraph by
    /// another, else the person right after a verb in the sentence or the one before (<c>I thanked Ambassador X and told
    /// him</c>, <c>Saw the Minister. … I told him</c>), else the last other speaker of the two paragraphs before;
    /// otherwise the pronoun's own words, unbound. Never the turn's own speaker.
    /// </summary>
    private (string? Text, string? EntityId) ObjectPronounAddressee(int pronoun, Turn turn)
    {
        var word = _words.Word(pronoun);
        if (word.Equals("me", StringComparison.OrdinalIgnoreCase) && _author is not null)
            return _authorId is not null && turn.Speakers.Contains(_authorId) || string.Equals(_author, turn.SpeakerText, StringComparison.Ordinal) ? (null, null) : (_author, _authorId);
        bool male = DiscourseLexicon.Contains(DiscourseLexicon.MalePronouns, word), female = DiscourseLexicon.Contains(DiscourseLexicon.FemalePronouns, word);
        if (!male && !female) return (word.ToString(), null);
        int offset = _words.Span(pronoun).Start;
        int paragraph = ParagraphIndex(offset);
        int paragraphStart = paragraph >= 0 ? _paragraphs[paragraph].Start : 0;
        if (LastOtherSpeakerFrom(paragraphStart, offset, turn) is { } inParagraph) return inParagraph;
        int sentenceStart = SentenceStartBefore(offset);
        int previous = sentenceStart - 1;
        while (previous > 0 && char.IsWhiteSpace(_text[previous])) previous--;
        int from = Math.Max(paragraphStart, previous > 0 ? SentenceStartBefore(previous) : 0);
        char gender = male ? 'm' : 'f';
        int next = FirstCandidateFrom(pronoun);
        // First the object of a verb, then any person named (a diary's “Saw Hopkins” may be read as one name).
        for (int pass = 0; pass < 2; pass++)
        for (int a = (next < 0 ? _candidates.Count : next) - 1; a >= 0; a--)
        {
            var candidate = _candidates[a];
            if (candidate.Span.Start >= offset) continue;
            if (candidate.Span.Start < from) break;
            if (candidate.Kind == CandidateKind.Pronoun || candidate.Possessive || _quoted[candidate.First]) continue;
            // The object of a verb: “thanked Ambassador X”, “Saw the Minister”.
            bool afterWord = candidate.First > 0 && _words.IsWord(candidate.First - 1);
            if (pass == 0 && (!afterWord || _words.Tag(candidate.First - 1) != "VERB")) continue;
            // “his note concerning Mr. X”, “including Mr. Y”: a participle's object is no one spoken to.
            if (afterWord && _words.Word(candidate.First - 1).EndsWith("ing", StringComparison.Ordinal)) continue;
            if (candidate.EntityId is { } id && _entities.TypeOf(id) is { } type && type != "person") continue;
            if ((TitleGender(candidate.First) ?? NameGender(a) ?? GivenNameGender(candidate)) is char known && known != gender) continue;
            var (text, entity) = Resolve(a);
            if (text is null || string.Equals(text, turn.SpeakerText, StringComparison.Ordinal) || entity is not null && turn.Speakers.Contains(entity)) continue;
            return (text, entity);
        }
        int earlier = paragraph >= 2 ? _paragraphs[paragraph - 2].Start : 0;
        return LastOtherSpeakerFrom(earlier, paragraphStart, turn) ?? (word.ToString(), null);
    }

    /// <summary>The speaker of the last turn between <paramref name="from"/> and <paramref name="before"/> whose speaker is named and is not <paramref name="turn"/>'s.</summary>
    private (string? Text, string? EntityId)? LastOtherSpeakerFrom(int from, int before, Turn turn)
    {
        for (int i = _turns.Count - 1; i >= 0; i--)
        {
            var other = _turns[i];
            if (other.Span.Start >= before) continue;
            if (other.Span.Start < from) break;
            if (other.SpeakerText is not { } text || text is "I" or "we" or "We") continue;
            if (string.Equals(text, turn.SpeakerText, StringComparison.Ordinal) || other.Speakers.Length > 1) continue;
            if (!other.Speakers.IsEmpty && turn.Speakers.Contains(other.Speakers[0])) continue;
            return (text, other.Speakers.IsEmpty ? null : other.Speakers[0]);
        }
        return null;
    }

    /// <summary>
    /// A cue set into what it reports, its subject after the verb (<c>Steps could be taken, said Mr. X, either through
    /// …</c>): the turn is the whole sentence, the cue the verb and its subject. A pronoun after the verb is no such cue.
    /// </summary>
    private Turn? InvertedReportedTurn(int verb, List<(TextSpan Span, string? Speaker)> reported)
    {
        if (!_words.IsChar(verb - 1, ',') || !_words.In(verb, DiscourseLexicon.ReportingVerbs) || verb + 1 >= _words.Count) return null;
        int c = _candidateAt[verb + 1];
        if (c < 0 || _candidates[c].First != verb + 1 || _candidates[c].Kind == CandidateKind.Pronoun || _candidates[c].Possessive) return null;
        int last = _candidates[c].Last;
        if (!_words.IsChar(last + 1, ',') || _quoted[last + 1]) return null;
        int start = SentenceStartBefore(_words.Span(verb).Start);
        int first = _words.TokenAtOrAfter(start);
        if (first < 0 || first >= verb - 2 || _quoted[first]) return null;
        int end = TrimEnd(start, SentenceEndAfter(_words.Span(verb).Start));
        if (_words.Span(last + 1).End >= end) return null;
        var cue = new TextSpan(_words.Span(verb).Start, _candidates[c].Span.End);
        if (IsOwnSpeakerInside(reported, cue.Start, Resolve(c).Text, false)) return null;
        foreach (var turn in _turns)
        {
            if (turn.Span.Start < end && start < turn.Span.End) return null;
        }
        return MakeTurn(new TextSpan(start, end), TurnMode.Reported, new Attribution(c, cue, [], -1));
    }

    /// <summary>
    /// A cue set into what it reports, its subject first (<c>The matter, he said, was closed.</c>, <c>The question of
    /// the assets, the Ambassador said, was urgent.</c>): a name, office or personal pronoun between commas before a
    /// reporting verb and a comma; the turn is the whole sentence, the cue the subject and the verb. A sentence opening
    /// with one word before the comma (<c>Yes, he said, …</c>), inside a quotation or already in a turn is none.
    /// </summary>
    private Turn? InsetReportedTurn(int verb, List<(TextSpan Span, string? Speaker)> reported, List<Turn> opened)
    {
        if (verb < 2 || !_words.IsChar(verb + 1, ',') || !_words.In(verb, DiscourseLexicon.ReportingVerbs) || verb + 2 >= _words.Count) return null;
        if (!_words.IsWord(verb + 2) || _quoted[verb + 2]) return null;
        int c = _candidateAt[verb - 1];
        if (c < 0 || _candidates[c].Last != verb - 1 || _candidates[c].Possessive) return null;
        var candidate = _candidates[c];
        bool pronoun = candidate.Kind == CandidateKind.Pronoun;
        if (pronoun && _words.Is(candidate.First, "who")) return null;
        if (!_words.IsChar(candidate.First - 1, ',') || _quoted[candidate.First - 1]) return null;
        int start = SentenceStartBefore(_words.Span(verb).Start);
        int first = _words.TokenAtOrAfter(start);
        if (first < 0 || first > candidate.First - 3 || _quoted[first]) return null;
        int end = TrimEnd(start, SentenceEndAfter(_words.Span(verb).Start));
        if (_words.Span(verb + 2).End > end) return null;
        var cue = new TextSpan(candidate.Span.Start, _words.Span(verb).End);
        // The pronoun stands for someone before its sentence: “The Minister, he said, was worried” is not the Minister's.
        int speaker = ReportedAntecedent(c, opened, start) is int named and >= 0 && !NamedBefore(named, start, candidate.First) ? named : c;
        string? speakerText = speaker == c && pronoun ? null : Resolve(speaker).Text;
        if (IsOwnSpeakerInside(reported, cue.Start, speakerText, pronoun)) return null;
        foreach (var turn in _turns)
        {
            if (turn.Span.Start < end && start < turn.Span.End) return null;
        }
        if (speaker == c && pronoun && !_words.Is(candidate.First, "I")) return new Turn(new TextSpan(start, end), TurnMode.Reported, cue, null, [], [], null);
        return MakeTurn(new TextSpan(start, end), TurnMode.Reported, new Attribution(speaker, cue, [], -1));
    }

    /// <summary>Whether the person of candidate <paramref name="c"/> is named again between <paramref name="from"/> and token <paramref name="beforeToken"/> (what a set-in pronoun reports is about them, so it is not theirs).</summary>
    private bool NamedBefore(int c, int from, int beforeToken)
    {
        var (text, id) = Resolve(c);
        int first = FirstCandidateFrom(_words.TokenAtOrAfter(from));
        for (int a = first; a >= 0 && a < _candidates.Count && _candidates[a].First < beforeToken; a++)
        {
            if (_candidates[a].Kind == CandidateKind.Pronoun) continue;
            var (otherText, otherId) = Resolve(a);
            if (id is not null ? otherId == id : string.Equals(otherText, text, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>
    /// The reported cue whose verb is token <paramref name="t"/>, if any: a reporting verb with a subject
    /// before it (a candidate; the subject of an earlier verb it is coordinated with, <c>… and said that</c>,
    /// <c>…, adding that</c>; a noun phrase naming people, <c>the British representatives noted that</c>),
    /// a passive (<c>it was agreed that</c>, <c>he was told that</c>: no speaker), or a possessive statement
    /// (<c>the Secretary's reply was that</c>).
    /// </summary>
    private ReportedCue? ReportedCueAt(int t)
    {
        if (PossessiveStatementSpeaker(t) is int owner and >= 0)
            return new ReportedCue(t, owner, _candidates[owner].Span.Start, false, null, [], -1);
        // “He went on to say that …”, “She proceeded to explain that …”: the subject stands before the phrase.
        int head = ContinuedSpeechHead(t);
        bool participle = head < 0 && _words.In(t, DiscourseLexicon.ReportingParticiples);
        if (TopicCue(t) is { } topic) return topic;
        if (head < 0 && !participle && !_words.In(t, DiscourseLexicon.ReportingVerbs) && PhrasalThat(t) < 0 && !IntroducesPoints(t)) return null;
        if ((_words.Is(t, "pointed") || _words.Is(t, "pointing")) && !_words.Is(t + 1, "out")) return null;
        int verb = head >= 0 ? head : t;
        if (!participle && PassiveCue(t) is { } passive) return passive;
        if (!participle && PeopleSubject(verb) is { } people) return people with { Verb = t };
        int subject = participle ? -1 : SubjectBefore(verb);
        if (subject >= 0) return new ReportedCue(t, subject, 0, false, null, [], -1);
        int coordinated = CoordinatedSubject(verb, participle);
        if (coordinated >= 0) return new ReportedCue(t, coordinated, _words.Span(verb).Start, true, null, [], CalledPerson(coordinated, verb));
        if (participle) return null;
        return NounPhraseSubject(verb) is { } phrase ? phrase with { Verb = t } : null;
    }

    /// <summary>
    /// <c>it was agreed that</c>, <c>it had been pointed out that</c> (no one named), <c>the Ambassador was told
    /// that</c> (the one spoken to named): a cue with no speaker.
    /// </summary>
    private ReportedCue? PassiveCue(int verb)
    {
        int be = verb - 1;
        // “I was subsequently told”, “it was also pointed out”: one adverb may stand between.
        if (!IsPassiveBe(be) && _words.In(be, DiscourseLexicon.Interposed) && !_words.In(be, DiscourseLexicon.Modals) && IsPassiveBe(be - 1)) be--;
        if (!IsPassiveBe(be)) return null;
        int before = _words.Is(be, "been") && (_words.Is(be - 1, "had") || _words.Is(be - 1, "has") || _words.Is(be - 1, "have")) ? be - 2 : be - 1;
        if (before < 0 || _quoted[before]) return null;
        int agent = PassiveAgent(verb);
        int contentAfter = agent >= 0 ? _candidates[agent].Last + 1 : -1;
        string? agentText = null;
        if (agent < 0 && AgentPhraseThat(verb) is int that and >= 0)
        {
            // “by a member of the press that”: a speaker no candidate covers; its words are the speaker, unbound.
            int by = AgentBy(verb);
            agentText = _text[_words.Span(by + 1).Start.._words.Span(that - 1).End];
            contentAfter = that;
        }
        if (_words.Is(before, "it")) return new ReportedCue(verb, agent, _words.Span(before).Start, false, agentText, [], -1, contentAfter);
        int c = _candidateAt[before];
        if (c >= 0 && _candidates[c].Last == before && _words.In(verb, DiscourseLexicon.AddresseeVerbs) && !_candidates[c].Possessive)
            return new ReportedCue(verb, agent, _candidates[c].Span.Start, false, agentText, [], c, contentAfter);
        return null;
    }

    private bool IsPassiveBe(int t) => _words.Is(t, "was") || _words.Is(t, "were") || _words.Is(t, "been") || _words.Is(t, "is");

    /// <summary>Where <c>by</c> of a passive's agent would stand: after the verb, its particle (<c>pointed out</c>) and one adverb (<c>told later by</c>).</summary>
    private int AgentBy(int verb)
    {
        int by = _words.Is(verb + 1, "out") ? verb + 2 : verb + 1;
        return !_words.Is(by, "by") && _words.In(by, DiscourseLexicon.Interposed) && !_words.In(by, DiscourseLexicon.Modals) && _words.Is(by + 1, "by") ? by + 1 : by;
    }

    /// <summary>The agent of a passive cue (<c>was told by Mr. X that</c>, <c>it was pointed out by the Ambassador that</c>): the speaker; -1 if none is named.</summary>
    private int PassiveAgent(int verb)
    {
        int by = AgentBy(verb);
        if (!_words.Is(by, "by") || by + 1 >= _words.Count || _quoted[by + 1]) return -1;
        int c = _candidateAt[by + 1];
        if (c < 0 || _candidates[c].First != by + 1 || _candidates[c].Possessive) return -1;
        // The content follows the agent: “… by the Ambassador that …”, “… by him that …”.
        return _words.Is(_candidates[c].Last + 1, "that") ? c : -1;
    }

    /// <summary>
    /// The <c>that</c> after an agent no candidate covers (<c>was told by a member of the press that</c>, <c>by one of
    /// the group that</c>): a determiner and at most six words, none of them a verb's marker, before <c>that</c>; -1 if none.
    /// </summary>
    private int AgentPhraseThat(int verb)
    {
        int by = AgentBy(verb);
        if (!_words.Is(by, "by") || by + 2 >= _words.Count || _quoted[by + 1]) return -1;
        if (!_words.In(by + 1, DiscourseLexicon.SpeakerDeterminers) && !_words.In(by + 1, DiscourseLexicon.PhraseDeterminers)) return -1;
        for (int t = by + 2; t < _words.Count && t <= by + 7; t++)
        {
            if (_words.Is(t, "that")) return t > by + 2 ? t : -1;
            if (!_words.IsWord(t) || _quoted[t] || _words.In(t, DiscourseLexicon.FiniteMarkers)) return -1;
        }
        return -1;
    }

    /// <summary>The speaker of <c>X's reply was that</c>, <c>Mr. Y's view was that</c> at the token <c>was</c>; -1 if none.</summary>
    private int PossessiveStatementSpeaker(int t)
    {
        if (!_words.Is(t, "was") || !_words.Is(t + 1, "that")) return -1;
        // “The Senator's comment on this point was that”, “Mr. Y's main concern was that”: a modifier before the noun,
        // a short phrase after it that opens with a preposition.
        for (int n = t - 1; n >= 1 && n >= t - 6; n--)
        {
            if (!_words.IsWord(n) || _quoted[n] || _words.In(n, DiscourseLexicon.FiniteMarkers)) return -1;
            if (!_words.In(n, DiscourseLexicon.StatementNouns)) continue;
            if (n + 1 < t && !_words.In(n + 1, DiscourseLexicon.StatementPrepositions)) continue;
            int owner = n - 1;
            if (_candidateAt[owner] < 0 && owner >= 1 && !_words.IsCapitalized(owner) && _words.IsWord(owner)) owner--;
            int c = _candidateAt[owner];
            if (c >= 0 && _candidates[c].Last == owner && _candidates[c].Possessive) return c;
        }
        return -1;
    }

    /// <summary>
    /// The token <c>that</c> of a phrase that reports speech with its content: <c>expressed the hope that</c>,
    /// <c>voiced the view that</c>, <c>made it clear that</c>, <c>made the point that</c>; -1 if <paramref name="t"/> opens none.
    /// </summary>
    private int PhrasalThat(int t)
    {
        if (!_words.In(t, DiscourseLexicon.PhrasalReportingVerbs)) return -1;
        if (_words.Is(t, "made") && _words.Is(t + 1, "it") && _words.In(t + 2, DiscourseLexicon.ClarityWords) && _words.Is(t + 3, "that")) return t + 3;
        int n = t + 1;
        if (_words.In(n, DiscourseLexicon.Determiners)) n++;
        if (_words.In(n, DiscourseLexicon.StatementNouns) && _words.Is(n + 1, "that")) return n + 1;
        return -1;
    }

    /// <summary>
    /// The subject of a reporting verb that has none of its own, coordinated with an earlier verb of the same
    /// sentence (<c>I called on him and told him that</c>, <c>…, pointing out that</c>): the last subject candidate before it.
    /// </summary>
    private int CoordinatedSubject(int verb, bool participle)
    {
        int t = verb - 1;
        while (t >= 0 && t > verb - 4 && _words.In(t, DiscourseLexicon.Interposed) && _candidateAt[t] < 0) t--;
        bool joined = _words.Is(t, "and") || (participle && (_words.IsChar(t, ',') || _words.Is(t, "by")));
        if (!joined || _quoted[Math.Max(t, 0)]) return -1;
        int sentenceStart = SentenceStartBefore(_words.Span(verb).Start);
        int from = FirstCandidateFrom(verb);
        for (int c = (from < 0 ? _candidates.Count : from) - 1; c >= 0; c--)
        {
            var candidate = _candidates[c];
            if (candidate.Span.Start < sentenceStart || candidate.First < verb - 40) break;
            if (_quoted[candidate.First] || candidate.Possessive || !candidate.Subject) continue;
            if (candidate.First > 0 && _words.In(candidate.First - 1, DiscourseLexicon.NonSubjectPrecursors)) continue;
            // “Mr. Abeni (Chairman) opened …”: an office in brackets after a name is an aside, not the subject.
            if (_words.IsChar(candidate.First - 1, '(') && c > 0 && _candidates[c - 1].Last == candidate.First - 2) continue;
            return c;
        }
        return -1;
    }

    /// <summary>
    /// Whom the subject called on before a coordinated reporting verb (<c>X called the Secretary and said that</c>, <c>X
    /// received the Ambassador and told him that</c>): the person right after the verb of calling, whom the speech is
    /// addressed to; -1 when none.
    /// </summary>
    private int CalledPerson(int subject, int verb)
    {
        for (int t = _candidates[subject].Last + 1; t < verb && t < _candidates[subject].Last + 4; t++)
        {
            if (!_words.In(t, DiscourseLexicon.CallingVerbs)) continue;
            int o = _words.Is(t + 1, "on") || _words.Is(t + 1, "upon") ? t + 2 : t + 1;
            if (o >= _words.Count || _candidateAt[o] is not (var a and >= 0) || _candidates[a].First != o || _candidates[a].Kind == CandidateKind.Pronoun) return -1;
            // The person and then the verb's “and”: “called the Secretary and said”, not “called the Secretary's attention to …”.
            return !_candidates[a].Possessive && _words.Is(_candidates[a].Last + 1, "and") && _candidates[a].Last + 2 == verb ? a : -1;
        }
        return -1;
    }

    /// <summary>
    /// A speaker no candidate covers: a determiner, up to four modifiers and a noun naming people
    /// (<c>the British representatives</c>, <c>Both Ministers</c>, <c>the latter</c>) right before the verb,
    /// opening its clause. Bound to the participants holding its role noun when that names them exactly.
    /// </summary>
    private ReportedCue? NounPhraseSubject(int verb)
    {
        int head = verb - 1;
        while (head >= 0 && head > verb - 3 && _words.In(head, DiscourseLexicon.Interposed) && !_words.In(head, DiscourseLexicon.Determiners)) head--;
        if (!_words.IsWord(head) || _quoted[head] || _candidateAt[head] >= 0) return null;
        var word = DiscourseWords.WithoutPossessive(_words.Word(head));
        string singular = word.EndsWith("s", StringComparison.OrdinalIgnoreCase) && word.Length > 3 ? word[..^1].ToString() : word.ToString();
        bool people = _words.In(head, DiscourseLexicon.GroupSpeakerNouns) || DiscourseLexicon.Contains(DiscourseLexicon.RoleHeads, singular)
            || DiscourseLexicon.Contains(DiscourseLexicon.PersonNouns, singular) || DiscourseLexicon.Contains(DiscourseLexicon.GroupSpeakerNouns, singular);
        if (!people) return null;
        int d = head - 1;
        while (d >= 0 && d >= head - 4 && _words.IsWord(d) && !_words.In(d, DiscourseLexicon.PhraseDeterminers) && !_words.In(d, DiscourseLexicon.FiniteMarkers)
            && !_words.In(d, DiscourseLexicon.NonSubjectPrecursors) && !_words.In(d, DiscourseLexicon.SpeechVerbs)) d--;
        if (!_words.In(d, DiscourseLexicon.PhraseDeterminers)) return null;
        int sentenceStart = SentenceStartBefore(_words.Span(d).Start);
        bool opensClause = _words.Span(d).Start == sentenceStart || !_words.IsWord(d - 1) || _words.Is(d - 1, "and") || _words.Is(d - 1, "but") || _words.Is(d - 1, "then") || _words.Is(d - 1, "when");
        if (!opensClause || (d > 0 && _quoted[d - 1] && _words.Span(d).Start != sentenceStart)) return null;
        var phrase = new TextSpan(_words.Span(d).Start, _words.Span(head).End);
        var ids = ImmutableArray.CreateBuilder<string>();
        if (DiscourseLexicon.Contains(DiscourseLexicon.RoleHeads, singular))
        {
            foreach (var participant in _participants)
            {
                if (participant.EntityId is not { } id || ids.Contains(id)) continue;
                if ((participant.Role is { } r && EntityView.ContainsWord(r, singular)) || EntityView.ContainsWord(participant.Name, singular)) ids.Add(id);
            }
        }
        bool plural = !singular.Equals(word.ToString(), StringComparison.Ordinal);
        bool both = _words.Is(d, "both") || _words.Is(d + 1, "two");
        ImmutableArray<string> bound = (plural && both && ids.Count == 2) || (!plural && ids.Count == 1) ? ids.ToImmutable() : [];
        string? role = null;
        if (bound.IsEmpty && IsGroupVoice(d, head)) (bound, role) = (SidesNamed(d, head), "group");
        return new ReportedCue(verb, -1, phrase.Start, false, _text.Substring(phrase.Start, phrase.Length), bound, -1, Role: role);
    }

    /// <summary>
    /// The person a <c>he</c> or <c>she</c> (or <c>the latter</c>) cue stands for in reported speech: the most
    /// recent name or office before it that was a subject outside what earlier turns reported (<c>Mr. A said
    /// that Mr. B was away. He added …</c> is Mr. A's), of the pronoun's gender; -1 when not a pronoun or none.
    /// </summary>
    private int ReportedAntecedent(int c, List<Turn> opened, int before = int.MaxValue)
    {
        var pronoun = _candidates[c];
        if (pronoun.Kind != CandidateKind.Pronoun) return -1;
        var word = _words.Word(pronoun.First);
        bool male = DiscourseLexicon.Contains(DiscourseLexicon.MalePronouns, word), female = DiscourseLexicon.Contains(DiscourseLexicon.FemalePronouns, word);
        if (!male && !female) return -1;
        char gender = male ? 'm' : 'f';
        int o = opened.Count - 1;
        for (int a = c - 1; a >= 0 && a >= c - 80; a--)
        {
            var candidate = _candidates[a];
            if (candidate.Span.Start >= before) continue;
            if (_quoted[candidate.First] || candidate.Kind == CandidateKind.Pronoun || candidate.Possessive || !candidate.Subject && !IsObjectOfSubjectlessVerb(candidate)) continue;
            if (candidate.EntityId is { } id && _entities.TypeOf(id) is { } type && type != "person") continue;
            // A capitalized word the entity layer left unbound (“Assembly”, “Greece”) is no person unless some list names one so.
            if (candidate.Kind == CandidateKind.Name && candidate.EntityId is null && ResolveByRules(a).EntityId is null) continue;
            while (o >= 0 && opened[o].Span.Start > candidate.Span.Start) o--;
            if (o >= 0 && (opened[o].Span.Contains(candidate.Span.Start) || ContinuesTo(opened[o], candidate.Span.Start))) continue;
            if ((TitleGender(candidate.First) ?? NameGender(a) ?? GivenNameGender(candidate)) is char known && known != gender) continue;
            return a;
        }
        return -1;
    }

    /// <summary>
    /// A diary's sentence without a subject (<c>Saw the Minister at ten.</c>, <c>Called on Mr. X.</c>), or the writer's own
    /// (<c>I saw the Minister this morning.</c>, <c>We called on Mr. X.</c>): the person right after the verb that opens
    /// it is whom the next <c>he</c> or <c>she</c> stands for, as a subject would be, since the writer is no <c>he</c>.
    /// </summary>
    private bool IsObjectOfSubjectlessVerb(SpeakerCandidate candidate)
    {
        int sentenceStart = SentenceStartBefore(candidate.Span.Start);
        int verb = _words.TokenAtOrAfter(sentenceStart);
        // “1. I saw …”: a paragraph's number opens no clause.
        while (verb >= 0 && verb < candidate.First && !_words.IsWord(verb)) verb++;
        if (verb >= 0 && (_words.Is(verb, "I") || _words.Is(verb, "We")) && verb + 1 < candidate.First && !_words.IsCapitalized(verb + 1)) verb++;
        else if (verb >= 0 && !_words.IsCapitalized(verb)) return false;
        if (verb < 0 || verb >= candidate.First || candidate.First - verb > 2 || _words.Tag(verb) != "VERB") return false;
        return candidate.First == verb + 1 || _words.Tag(verb + 1) is "ADP";
    }

    /// <summary>
    /// Joint speakers an office in the plural names (<c>Both Ministers</c>, <c>the two Ambassadors</c>, <c>the
    /// Ministers</c>): the participants holding that office, when two or more do (exactly two after <c>both</c>).
    /// </summary>
    private (ImmutableArray<string> Ids, string Text, int Start)? PluralRoleSpeakers(int c)
    {
        var candidate = _candidates[c];
        if (candidate.Kind == CandidateKind.Pronoun) return null;
        var word = DiscourseWords.WithoutPossessive(_words.Word(candidate.Last));
        if (word.Length < 4 || !word.EndsWith("s", StringComparison.Ordinal)) return null;
        string singular = word[..^1].ToString();
        if (!DiscourseLexicon.Contains(DiscourseLexicon.RoleHeads, singular)) return null;
        var ids = ImmutableArray.CreateBuilder<string>();
        foreach (var participant in _participants)
        {
            if (participant.EntityId is not { } id || ids.Contains(id)) continue;
            if ((participant.Role is { } r && EntityView.ContainsWord(r, singular)) || EntityView.ContainsWord(participant.Name, singular)) ids.Add(id);
        }
        int start = candidate.Span.Start;
        bool both = _words.Is(candidate.First - 1, "both") || _words.Is(candidate.First, "both") || _words.Is(candidate.First + 1, "two") || _words.Is(candidate.First - 1, "two");
        if (_words.Is(candidate.First - 1, "both")) start = _words.Span(candidate.First - 1).Start;
        if (ids.Count < 2 || both && ids.Count != 2) return null;
        return (ids.ToImmutable(), _text.Substring(start, candidate.Span.End - start), start);
    }

    /// <summary>The first word of <c>went on to</c> / <c>proceeded to</c> / <c>telephoned to</c> before an infinitive of speaking at <paramref name="t"/>; -1 if none.</summary>
    private int ContinuedSpeechHead(int t)
    {
        if (t < 2 || !_words.In(t, DiscourseLexicon.InfinitivesOfSpeaking) || !_words.Is(t - 1, "to")) return -1;
        if (_words.In(t - 2, DiscourseLexicon.ProceedVerbs) || _words.In(t - 2, DiscourseLexicon.ContactVerbs)) return t - 2;
        // “called at his request to advise us that”, “telephoned this morning to say that”: a short phrase between.
        for (int k = t - 3; k >= 0 && k >= t - 7; k--)
        {
            if (!_words.IsWord(k) || _quoted[k] || _words.In(k, DiscourseLexicon.FiniteMarkers) || _words.Is(k, "to")) break;
            if (_words.In(k, DiscourseLexicon.ContactVerbs) && !_words.IsCapitalized(k)) return k;
        }
        return t >= 3 && _words.Is(t - 2, "on") && _words.In(t - 3, DiscourseLexicon.ProceedVerbs) ? t - 3 : -1;
    }

    /// <summary>A cue inside a reported turn opens no new one when it names the turn's own speaker (or is a pronoun, which mostly does).</summary>
    private static bool IsOwnSpeakerInside(List<(TextSpan Span, string? Speaker)> reported, int at, string? speaker, bool pronoun)
    {
        for (int i = reported.Count - 1; i >= 0 && i >= reported.Count - 4; i--)
        {
            if (!reported[i].Span.Contains(at)) continue;
            return pronoun || string.Equals(reported[i].Speaker, speaker, StringComparison.Ordinal);
        }
        return false;
    }

    /// <summary>
    /// Speech reported over several sentences: a reported turn goes on over the next sentences of its
    /// paragraph that hold no cue and no quotation, until one opens with a person doing something (<c>He then
    /// referred to …</c>, <c>I agreed.</c>: narration resumes). A person with a modal (<c>He would …</c>) is still
    /// what was said, and so is one with an auxiliary (<c>He was aware …</c>).
    /// </summary>
    private void ContinueReported(List<Turn> opened)
    {
        if (opened.Count == 0) return;
        var starts = new List<int>(_turns.Count * 2);
        foreach (var turn in _turns)
        {
            starts.Add(turn.Span.Start);
            if (turn.Cue is { } cue) starts.Add(cue.Start);
        }
        starts.Sort();
        var points = new List<Turn>();
        for (int i = 0; i < opened.Count; i++)
        {
            var turn = opened[i];
            // Of turns ending together (a nested cue), the innermost goes on.
            if (i + 1 < opened.Count && opened[i + 1].Span.End == turn.Span.End) continue;
            int paragraph = ParagraphIndex(turn.Span.Start);
            int end = turn.Span.End;
            int s = SentenceIndexAt(end - 1);
            while (s >= 0 && s + 1 < _sentences.Length)
            {
                var next = _sentences[s + 1];
                if (next.Start < end || ParagraphIndex(next.Start) != paragraph || paragraph < 0) break;
                int k = starts.BinarySearch(next.Start);
                if (k < 0) k = ~k;
                if (k < starts.Count && starts[k] < next.End) break;
                if (!HasLetter(next) || !HasFiniteVerb(next) || OpensWithNarration(next)) break;
                end = TrimEnd(next.Start, next.End);
                s++;
            }
            if (_text[end - 1] == ':' || _pointTurns.Contains(turn.Span.Start)) points.AddRange(PointTurns(turn, end, starts));
            if (end == turn.Span.End) continue;
            int at = _turns.IndexOf(turn);
            _turns[at] = turn with { Span = new TextSpan(turn.Span.Start, end) };
        }
        _turns.AddRange(points);
    }

    /// <summary>Whether a paragraph opens with a list marker: <c>1.</c>, <c>2)</c>, <c>(a)</c>, <c>b.</c>, <c>(iii)</c>.</summary>
    private bool OpensWithListMarker(TextSpan paragraph)
    {
        var text = _text.AsSpan(paragraph.Start, paragraph.Length).TrimStart();
        int k = 0;
        bool parenthesis = text.Length > 0 && text[0] == '(';
        if (parenthesis) k++;
        int markStart = k;
        while (k < text.Length && k - markStart < 4 && (char.IsDigit(text[k]) || char.IsLower(text[k]))) k++;
        int length = k - markStart;
        if (length == 0 || k >= text.Length) return false;
        // A lowercase marker is one letter or a short roman numeral, never a word (“in …”).
        if (char.IsLower(text[markStart]) && length > 1 && text[markStart..k].ContainsAnyExcept("ivx")) return false;
        bool closed = parenthesis ? text[k] == ')' : text[k] is '.' or ')';
        return closed && k + 1 < text.Length && char.IsWhiteSpace(text[k + 1]);
    }

    private readonly Dictionary<TextSpan, int> _reach = [];
    private int[]? _directStarts;

    /// <summary>Whether reported turn <paramref name="turn"/>, continued as <see cref="ContinueReported"/> does, would reach <paramref name="offset"/>.</summary>
    private bool ContinuesTo(Turn turn, int offset)
    {
        if (offset < turn.Span.End) return false;
        if (!_reach.TryGetValue(turn.Span, out int reach))
        {
            _directStarts ??= [.. _turns.Where(t => t.Mode == TurnMode.Direct).Select(t => t.Span.Start).Order()];
            reach = turn.Span.End;
            int paragraph = ParagraphIndex(turn.Span.Start);
            int s = SentenceIndexAt(turn.Span.End - 1);
            while (paragraph >= 0 && s >= 0 && s + 1 < _sentences.Length)
            {
                var next = _sentences[++s];
                if (next.Start < turn.Span.End || ParagraphIndex(next.Start) != paragraph) break;
                int k = Array.BinarySearch(_directStarts, next.Start);
                if (k < 0) k = ~k;
                if (k < _directStarts.Length && _directStarts[k] < next.End) break;
                if (!HasFiniteVerb(next) || OpensWithNarration(next)) break;
                reach = next.End;
            }
            _reach[turn.Span] = reach;
        }
        return offset < reach;
    }

    private int SentenceIndexAt(int offset)
    {
        int low = 0, high = _sentences.Length - 1;
        while (low <= high)
        {
            int mid = (low + high) >>> 1;
            if (_sentences[mid].End <= offset) low = mid + 1;
            else if (_sentences[mid].Start > offset) high = mid - 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>
    /// Whether a sentence is narration rather than more of what was said: it opens with a person, or a phrase
    /// of the meeting's course (<c>After some discussion …</c>), or one of the conversation's participants is the
    /// subject of a verb in it; a person with a modal after it (<c>He would …</c>) is still what was said.
    /// </summary>
    private bool OpensWithNarration(TextSpan sentence)
    {
        int first = _words.TokenAtOrAfter(sentence.Start);
        int t = first;
        int limit = Math.Min(_words.Count, t + 6);
        if (_words.In(t, DiscourseLexicon.NarrationOpeners)) return true;
        while (t < limit && (_words.In(t, DiscourseLexicon.SentenceConnectives) || _words.IsChar(t, ',') || !_words.IsWord(t) && !_words.IsCapitalized(t))) t++;
        if (t >= _words.Count || _words.Span(t).Start >= sentence.End) return false;
        if (_words.Is(t, "there") && _words.Is(t + 1, "followed")) return true;
        for (int k = first; k < _words.Count && _words.Span(k).Start < sentence.End; k++)
        {
            int c = _candidateAt[k];
            if (c < 0 || _candidates[c].First != k || _candidates[c].Possessive || _quoted[k]) continue;
            var candidate = _candidates[c];
            bool opening = k == t;
            if (!opening && !(candidate.Subject && IsParticipant(c))) continue;
            if (candidate.Kind == CandidateKind.Pronoun && !_words.In(k, DiscourseLexicon.SubjectPronouns)) continue;
            int v = candidate.Last + 1;
            while (v < _words.Count && (_words.IsChar(v, ',') || _words.In(v, DiscourseLexicon.SentenceConnectives))) v++;
            if (!_words.IsWord(v) && !_words.IsChar(v, '(') || _words.In(v, DiscourseLexicon.Modals) || _words.In(v, DiscourseLexicon.ContentAuxiliaries) || _words.Is(v, "and") || _words.Is(v, "or")) continue;
            // “The President of the Executive Yuan would …”, “The Minister (Mr. X) would …”: the verb is further on; not decided here.
            // “He handed over a note”: a verb of giving or meeting is the clause's own verb, narration.
            if (_words.In(v, DiscourseLexicon.NonSubjectPrecursors) && !_words.In(v, DiscourseLexicon.ObjectVerbs) || _words.IsChar(v, '(') || !opening && _words.IsCapitalized(v)) continue;
            return true;
        }
        return false;
    }

    /// <summary>Whether a sentence has a word that looks like a finite verb: a note without one (<c>Lunch with the consul.</c>) is no speech.</summary>
    private bool HasFiniteVerb(TextSpan sentence)
    {
        for (int k = _words.TokenAtOrAfter(sentence.Start); k < _words.Count && _words.Span(k).Start < sentence.End; k++)
        {
            if (!_words.IsWord(k)) continue;
            if (_words.In(k, DiscourseLexicon.FiniteMarkers) || _words.In(k, DiscourseLexicon.Modals) || _words.In(k, DiscourseLexicon.ContentAuxiliaries)) return true;
            var word = _words.Word(k);
            if (word.Length >= 4 && char.IsLower(word[0]) && word.EndsWith("ed", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private HashSet<string>? _participantIds;

    /// <summary>Whether candidate <paramref name="c"/> names one of the participants (or the drafter).</summary>
    private bool IsParticipant(int c)
    {
        _participantIds ??= [.. _participants.Where(p => p.EntityId is not null).Select(p => p.EntityId!), .. _authorId is null ? [] : new[] { _authorId }];
        if (_candidates[c].Kind == CandidateKind.Pronoun) return _words.Is(_candidates[c].First, "I") || _words.Is(_candidates[c].First, "we");
        return ResolveByRules(c).EntityId is { } id && _participantIds.Contains(id);
    }

    /// <summary>The subject of the reporting verb at <paramref name="verb"/>: a candidate just before it, adverbs and auxiliaries aside.</summary>
    private int SubjectBefore(int verb)
    {
        int t = verb - 1;
        int skipped = 0;
        for (int asides = 0; ; )
        {
            if (asides < 2 && t >= 0 && !_quoted[t] && AsideBefore(t) is int before and >= 0)
            {
                t = before;
                asides++;
                continue;
            }
            if (!(t >= 0 && skipped < 4 && !_quoted[t] && (_words.In(t, DiscourseLexicon.Interposed) || _words.IsChar(t, ',') || IsMannerAdverb(t) || _words.Is(t, "both")) && _candidateAt[t] < 0)) break;
            t--;
            skipped++;
        }
        if (t < 0 || _quoted[t]) return -1;
        if (EditorialIdentification(t) is int identified and >= 0) return identified;
        int c = _candidateAt[t];
        if (c < 0 || _candidates[c].Last != t) return -1;
        var candidate = _candidates[c];
        if (candidate.Possessive) return -1;
        // “… said that Mr. Lie had agreed”: a complementizer before a name is no determiner.
        if (!candidate.Subject && !(candidate.First > 0 && (_words.Is(candidate.First - 1, "and") || _words.Is(candidate.First - 1, "that") && candidate.Kind != CandidateKind.Pronoun))) return -1;
        return c;
    }

    /// <summary>
    /// The token before an aside that ends at <paramref name="t"/> between a subject and its verb: a country in brackets
    /// (<c>Mr. Fontaine (France) said</c>, minutes' style) or a participle or <c>through</c> phrase between commas right after
    /// a candidate (<c>The Prime Minister, speaking through the interpreter, said</c>); -1 for none.
    /// </summary>
    private int AsideBefore(int t)
    {
        if (_words.IsChar(t, ')'))
        {
            for (int k = t - 1; k > 0 && k >= t - 8; k--)
            {
                if (!_words.IsChar(k, '(')) continue;
                if (k + 1 > t - 1) return -1;
                string inside = _text[_words.Span(k + 1).Start.._words.Span(t - 1).End];
                var gazetteer = Entities.EntityModels.Gazetteer;
                return gazetteer.TryGetCountry(inside, out _) || gazetteer.TryGetDemonym(inside, out _) ? k - 1 : -1;
            }
            return -1;
        }
        if (!_words.IsChar(t, ',')) return -1;
        for (int k = t - 1; k > 0 && k >= t - 10; k--)
        {
            if (_quoted[k] || _words.IsChar(k, '.') || _words.IsChar(k, ';')) return -1;
            if (!_words.IsChar(k, ',')) continue;
            int first = k + 1;
            bool opensAside = first < t && _words.IsWord(first) && !_words.IsCapitalized(first)
                && (_words.Word(first) is { Length: > 5 } w && w.EndsWith("ing", StringComparison.Ordinal) || _words.Is(first, "through"));
            return opensAside && _candidateAt[k - 1] >= 0 ? k - 1 : -1;
        }
        return -1;
    }

    /// <summary>A lowercase adverb in <c>-ly</c> between a subject and its verb (<c>had repeatedly asked</c>, <c>then briefly explained</c>).</summary>
    private bool IsMannerAdverb(int t) =>
        _words.IsWord(t) && !_words.IsCapitalized(t) && _words.Word(t).Length > 4 && _words.Word(t).EndsWith("ly", StringComparison.Ordinal) && _words.Tag(t) is null or "ADV";

    /// <summary>Where the reported content begins, or -1 when the verb reports no content (<c>asked about</c>, <c>said goodbye</c>).</summary>
    private int ContentStart(int verb, int after)
    {
        if (after >= _words.Count || !_words.IsWord(after)) return -1;
        if (_words.Is(after, "that"))
        {
            int next = after + 1;
            // “said that, speaking frankly, he could …”: the content opens after the comma.
            if (_words.IsChar(next, ',') && _words.IsWord(next + 1)) next++;
            return next < _words.Count && _words.IsWord(next) || _words.IsCapitalized(next) ? next : -1;
        }
        if (_words.In(verb, DiscourseLexicon.QuestionVerbs) && _words.In(after, DiscourseLexicon.QuestionOpeners)) return after;
        if (!_words.In(verb, DiscourseLexicon.BareClauseVerbs)) return -1;
        if (_words.In(after, DiscourseLexicon.BareClauseOpeners) && _words.IsWord(after + 1)) return after;
        if (_words.In(after, DiscourseLexicon.PersonalClauseSubjects) && _words.IsWord(after + 1) && !_words.IsCapitalized(after + 1) && !_words.In(after + 1, DiscourseLexicon.NonSubjectPrecursors)) return after;
        if (_words.In(after, DiscourseLexicon.ClauseSubjects) && !_words.Is(after, "this") && !_words.Is(after, "these") && !_words.Is(after, "those"))
            return FiniteWithin(after + 1, 3, pronounSubject: true) ? after : -1;
        if (_words.In(after, DiscourseLexicon.Determiners) || _words.IsCapitalized(after) || _words.In(after, DiscourseLexicon.ClauseSubjects))
            return FiniteWithin(after + 1, 6) ? after : -1;
        return -1;
    }

    /// <summary>
    /// The content after a short aside between the verb and <c>that</c> (<c>said in reply that</c>, <c>said
    /// first that</c>, <c>remarked in an aside to Mr. X that</c>); -1 if none.
    /// </summary>
    private int ThatAfterAside(int after, bool anyOpener = false)
    {
        if (after >= _words.Count || !anyOpener && !_words.In(after, DiscourseLexicon.AsideOpeners)) return -1;
        // The aside stays in the verb's sentence: “asked me to call this morning. He said that …” is no cue of the first.
        int sentenceEnd = SentenceEndAfter(_words.Span(after).Start);
        for (int k = after + 1; k < _words.Count && k <= after + 7; k++)
        {
            if (_words.Span(k).Start >= sentenceEnd) return -1;
            if (_quoted[k] || _words.In(k, DiscourseLexicon.FiniteMarkers)) return -1;
            if (!_words.IsWord(k) && !_words.IsChar(k, ',') && !_words.IsCapitalized(k) && !_words.IsChar(k, '.')) return -1;
            if (!_words.Is(k, "that")) continue;
            // “at that time” is no complementizer.
            if (_words.In(k - 1, DiscourseLexicon.NonSubjectPrecursors)) return -1;
            int next = k + 1;
            if (_words.IsChar(next, ',') && _words.IsWord(next + 1)) next++;
            return next < _words.Count && (_words.IsWord(next) || _words.IsCapitalized(next)) ? next : -1;
        }
        return -1;
    }

    /// <summary>
    /// The content after a colon that closes a short object of the verb (<c>emphasized two points: 1. …</c>, <c>made
    /// the following proposals: …</c>); -1 if none. A quotation after the colon is direct speech, found elsewhere.
    /// </summary>
    private int ContentAfterColon(int after)
    {
        for (int k = after; k < _words.Count && k <= after + 5; k++)
        {
            if (_quoted[k]) return -1;
            if (_words.IsChar(k, ':'))
            {
                int next = k + 1;
                // “Gorelov said: the agreement had expired”: a colon right after the verb opens the content when no quotation follows.
                bool rightAfterVerb = k == after && _words.In(k - 1, DiscourseLexicon.ReportingVerbs) && next < _words.Count && _words.IsWord(next);
                return (k > after || rightAfterVerb) && next < _words.Count && !_quoted[next] && (_words.IsWord(next) || _words.IsCapitalized(next) || char.IsDigit(_text[_words.Span(next).Start]) || _words.IsChar(next, '('))
                    && ParagraphIndex(_words.Span(next).Start) == ParagraphIndex(_words.Span(k).Start) ? next : -1;
            }
            if (!_words.IsWord(k) || _words.In(k, DiscourseLexicon.FiniteMarkers) || _words.Is(k, "that")) return -1;
        }
        return -1;
    }

    private bool FiniteWithin(int from, int count, bool pronounSubject = false)
    {
        for (int t = from; t < _words.Count && t < from + count; t++)
        {
            if (!_words.IsWord(t) && !_words.IsCapitalized(t)) return false;
            if (_words.In(t, DiscourseLexicon.FiniteMarkers)) return true;
            var word = _words.Word(t);
            // After a pronoun a past form is its verb (“he realized …”); after a determiner it may be a modifier (“the proposed course”).
            if ((t > from || pronounSubject) && word.Length >= 5 && char.IsLower(word[0]) && word.EndsWith("ed", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private int TrimEnd(int start, int end)
    {
        while (end > start && char.IsWhiteSpace(_text[end - 1])) end--;
        return end;
    }

    private bool HasLetter(TextSpan span)
    {
        foreach (char c in _text.AsSpan(span.Start, span.Length))
        {
            if (char.IsLetterOrDigit(c)) return true;
        }
        return false;
    }

    private void Report(ErrorCode code, TextSpan span, params object[] arguments) => _diagnostics.Add(Diagnostic.From(code, span, _producer, arguments));
}
