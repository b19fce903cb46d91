using System.Collections.Immutable;
using Annalist.Core.Text;

namespace Annalist.Core.Discourse;

/// <summary>
/// What a learner is told about one quotation while <see cref="QuotationSpeakerTrainer"/> trains: which
/// candidate spans are mentions of the real speaker, and which words name it.
/// </summary>
internal interface IQuotationSpeakerLearner
{
    QuotationSpeakerModel Model { get; }

    /// <summary>The gold speaker of the quotation whose content is <paramref name="content"/>, or null when the gold has none there.</summary>
    SpeakerGold? GoldFor(TextSpan content);

    /// <summary>
    /// One ranking example: the features of each option, which options are right (perhaps none), whether a pronoun cue
    /// (<c>“…,” he said</c>) asked it, the text its window of candidates spans and the quotation's own span.
    /// </summary>
    void Learn(IReadOnlyList<ulong[]> options, bool[] right, bool pronounCue, TextSpan window, TextSpan quotation);
}

/// <summary>A gold quotation's speaker for training: the spans of its mentions and the last words of their texts (lowercase).</summary>
public sealed record SpeakerGold(TextSpan Quotation, ImmutableArray<TextSpan> Mentions, ImmutableHashSet<string> LastWords);

/// <summary>
/// Speaker choice for a quotation no explicit cue attributes: the candidates in a window around it (names,
/// offices and pronouns of the narration), plus the rules' own proposal (action beat, alternation, noun
/// phrase), are ranked by <see cref="QuotationSpeakerModel"/>.
/// </summary>
internal sealed partial class TurnFinder
{
    private const int WindowBefore = 90;
    private const int WindowAfter = 50;

    private enum Proposal : byte { None, Beat, Alternation, NounPhrase, PronounCue }

    private readonly record struct Option(int Candidate, ulong[] Features);

    private Turn? AttributeByModel(int q, Turn? ruleTurn, Proposal proposal, Turn? previous, int cuePronoun = -1)
    {
        var model = _learner?.Model ?? _model;
        if (model is null) return ruleTurn;
        var quotation = _outer[q];
        var content = ruleTurn?.Span ?? quotation.Content;
        int qFirst = _words.TokenAtOrAfter(quotation.Span.Start);
        int qLast = _words.TokenAtOrAfter(quotation.Span.End) - 1;
        int p = ParagraphIndex(quotation.Span.Start);
        int pLast = ParagraphIndex(Math.Max(quotation.Span.Start, quotation.Span.End - 1));
        bool opens = OpensParagraph(quotation.Span.Start);
        // Whom the words call by name (“…, Mary?”): someone spoken to, almost never the speaker.
        var vocatives = Vocatives(content);

        // The conversation so far: the last two turns' speakers, when they are near.
        string? prevKey = null, twoBackKey = null, prevAddressee = null;
        TextSpan? prevContent = null;
        if (_turns.Count > 0 && ParagraphIndex(_turns[^1].Span.Start) >= p - 3)
        {
            prevKey = KeyOf(_turns[^1].SpeakerText);
            prevAddressee = KeyOf(_turns[^1].AddresseeText);
            prevContent = _turns[^1].Span;
            if (_turns.Count > 1 && ParagraphIndex(_turns[^2].Span.Start) >= p - 5) twoBackKey = KeyOf(_turns[^2].SpeakerText);
        }
        // A reported turn of the narration since the last quoted one (TurnFinder.Conversation.cs): “She asked him whether …”, then “No.”
        var reported = model.ReadsReportedTurns ? ReportedSince(_turns.Count > 0 ? _turns[^1].Span.End : 0, quotation.Span.Start, p) : null;
        string? reportedKey = KeyOf(reported?.SpeakerText), reportedAddressee = KeyOf(reported?.AddresseeText);
        string? ruleKey = KeyOf(ruleTurn?.SpeakerText);
        // Looking ahead: the next quotations' explicit cues (a reply tagged later tells who is being answered).
        var (nextText, nextIds, nextKey) = CuedSpeakerOf(q + 1, pLast + 1);
        var (afterNextText, afterNextIds, afterNextKey) = CuedSpeakerOf(q + 2, pLast + 2);
        char wanted = '\0';
        if (cuePronoun >= 0)
        {
            var word = _words.Word(_candidates[cuePronoun].First);
            wanted = DiscourseLexicon.Contains(DiscourseLexicon.MalePronouns, word) ? 'm' : DiscourseLexicon.Contains(DiscourseLexicon.FemalePronouns, word) ? 'f' : 'p';
        }
        int wantedCode = wanted switch { 'm' => 1, 'f' => 2, 'p' => 3, _ => 0 };

        // What the coreference layer says the cue's pronoun is, whatever its confidence (the model weighs that).
        var cueLink = cuePronoun >= 0 ? LinkAt(_candidates[cuePronoun].Span) : null;
        string? cueEntity = cueLink?.EntityId;
        string? cueCorefKey = cueEntity is null ? null : KeyOf(CoreferenceName(cueEntity));
        int cueScore = cueLink is { } cl ? ScoreBucket(cl.Score) : 0;

        var options = new List<Option>();
        var keys = new List<string?>();
        int from = Math.Max(0, qFirst - WindowBefore);
        int first = FirstCandidateFrom(from);
        var keyCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (first >= 0)
        {
            for (int c = first; c < _candidates.Count && _candidates[c].First <= qLast + WindowAfter; c++)
            {
                var candidate = _candidates[c];
                if (candidate.First >= qFirst && candidate.Last <= qLast || c == cuePronoun) continue;
                // A pronoun's cue names someone already mentioned: only what stands before the cue can be meant.
                if (cuePronoun >= 0 && c > cuePronoun) break;
                int cp = ParagraphIndex(candidate.Span.Start);
                if (cp < p - 2 || cp > pLast + 1) continue;
                string? key = KeyOf(Resolve(c).Text);
                keys.Add(key);
                options.Add(new Option(c, []));
                if (key is not null) keyCounts[key] = keyCounts.GetValueOrDefault(key) + 1;
            }
        }

        // Ranks count outward from the quotation on each side.
        int lastBefore = options.FindLastIndex(o => _candidates[o.Candidate].Last < qFirst);
        var features = new List<ulong>(32);
        var excluded = new HashSet<int>();
        for (int i = 0; i < options.Count; i++)
        {
            var candidate = _candidates[options[i].Candidate];
            bool before = candidate.Last < qFirst;
            int rank = before ? lastBefore - i : i - lastBefore - 1;
            int side = before ? 0 : 1;
            int place = Place(candidate, before, p, pLast, quotation.Span);
            int kind = KindCode(candidate);
            int distance = before ? qFirst - candidate.Last - 1 : candidate.First - qLast - 1;
            int quotesBetween = QuotesBetween(q, candidate, before);
            string? key = keys[i];
            features.Clear();
            features.Add(F(1, kind, place));
            features.Add(F(2, Bucket(distance), side));
            features.Add(F(3, Math.Min(rank, 3), side, kind));
            features.Add(F(4, candidate.Subject ? 1 : 0, place));
            features.Add(F(5, VerbAfter(candidate), place));
            features.Add(F(6, VerbBefore(candidate) ? 1 : 0, place));
            features.Add(F(7, Math.Min(quotesBetween, 3), side));
            features.Add(F(8, Same(key, prevKey), Same(key, twoBackKey), Same(key, prevAddressee)));
            features.Add(F(9, Same(key, prevKey), place));
            features.Add(F(10, Same(key, twoBackKey), place));
            features.Add(F(11, key is not null && MentionedIn(content, key) ? 1 : 0, kind));
            features.Add(F(12, key is not null && prevContent is { } pc && MentionedIn(pc, key) ? 1 : 0, Same(key, prevKey)));
            features.Add(F(13, (int)proposal, Same(key, ruleKey)));
            features.Add(F(14, opens ? 1 : 0, place, kind));
            features.Add(F(15, candidate.Possessive ? 1 : 0, side));
            features.Add(F(16, candidate.EntityId is null ? 0 : 1, kind));
            features.Add(F(17, key is null ? 0 : Math.Min(keyCounts.GetValueOrDefault(key), 4), kind));
            features.Add(F(18, FirstInSentence(options[i].Candidate) ? 1 : 0, place));
            features.Add(F(19, Math.Min(rank, 3), place, VerbAfter(candidate)));
            features.Add(F(20, kind, Same(key, prevKey), Same(key, twoBackKey)));
            features.Add(F(21, place, candidate.Subject ? 1 : 0, VerbAfter(candidate)));
            features.Add(F(22, Same(key, nextKey), Same(key, afterNextKey), place));
            features.Add(F(23, Same(key, nextKey), Same(key, prevKey), opens ? 1 : 0));
            if (key is not null && vocatives.Contains(key)) excluded.Add(i);
            if (wanted != '\0')
            {
                int agree = GenderAgreement(options[i].Candidate, wanted);
                // “she” never stands for a man the document has called “he”.
                if (agree == 0) excluded.Add(i);
                features.Add(F(50, agree, kind));
                features.Add(F(51, agree, Math.Min(rank, 3), candidate.Subject ? 1 : 0));
                features.Add(F(52, wantedCode, Same(key, ruleKey)));
                features.Add(F(53, agree, Same(key, prevKey), Same(key, twoBackKey)));
            }
            if (cueLink is { } link)
            {
                int match = CorefMatch(OptionEntity(options[i].Candidate), key, cueEntity, cueCorefKey);
                int isAntecedent = link.Antecedent is { } a && a.Overlaps(candidate.Span) ? 1 : 0;
                features.Add(F(90, match, cueScore, kind));
                features.Add(F(91, match, Same(key, ruleKey), cueScore));
                features.Add(F(92, isAntecedent, match, Math.Min(rank, 3)));
            }
            else if (candidate.Kind == CandidateKind.Pronoun && LinkAt(candidate.Span) is { } own && CoreferenceName(own.EntityId) is { } ownName)
            {
                // A pronoun of the narration: whether the coreference layer agrees with the rules on who it is.
                features.Add(F(93, Same(KeyOf(ownName), key), ScoreBucket(own.Score), place));
            }
            options[i] = options[i] with { Features = [.. features] };
        }

        if (excluded.Count > 0)
        {
            options = [.. options.Where((_, i) => !excluded.Contains(i))];
            keys = [.. keys.Where((_, i) => !excluded.Contains(i))];
        }

        // The rules' own proposal is an option of its own, for a speaker outside the window or a noun phrase.
        // The rules' guess too, unless it is the name the words call out.
        if (ruleTurn?.SpeakerText is not null && !(ruleKey is not null && vocatives.Contains(ruleKey)))
        {
            bool inWindow = ruleKey is not null && keys.Contains(ruleKey);
            options.Add(new Option(-1,
            [
                F(30, (int)proposal),
                F(31, (int)proposal, inWindow ? 1 : 0),
                F(32, (int)proposal, Same(ruleKey, prevKey), Same(ruleKey, twoBackKey)),
                F(33, (int)proposal, opens ? 1 : 0),
                F(94, 1, CorefMatch(ruleTurn.Speakers.Length == 1 ? ruleTurn.Speakers[0] : null, ruleKey, cueEntity, cueCorefKey), cueScore),
            ]));
        }
        // The speakers of the last two turns are options too: dialogue alternates when nothing says otherwise.
        var history = new List<Turn>();
        for (int back = 1; back <= 2 && back <= _turns.Count; back++)
        {
            var earlier = _turns[^back];
            string? key = KeyOf(earlier.SpeakerText);
            if (key is null || ParagraphIndex(earlier.Span.Start) < p - 2 * back - 1 || key == ruleKey || vocatives.Contains(key) || history.Any(h => KeyOf(h.SpeakerText) == key)) continue;
            bool inWindow = keys.Contains(key);
            options.Add(new Option(-2 - history.Count,
            [
                F(40, back, (int)proposal),
                F(41, back, opens ? 1 : 0, Same(prevKey, twoBackKey)),
                F(42, back, inWindow ? 1 : 0),
                F(43, back, earlier.Cue is null ? 0 : 1, wantedCode),
                F(44, back, prevContent is { } pc && MentionedIn(pc, key) ? 1 : 0),
                F(45, back, MentionedIn(content, key) ? 1 : 0),
                F(94, 2 + back, CorefMatch(earlier.Speakers.Length == 1 ? earlier.Speakers[0] : null, key, cueEntity, cueCorefKey), cueScore),
            ]));
            history.Add(earlier);
        }
        // The reported turn's speaker and the one it was said to, as options of their own (by the history's option codes).
        if (reported is not null)
        {
            for (int role = 1; role <= 2; role++)
            {
                string? key = role == 1 ? reportedKey : reportedAddressee;
                if (key is null || key == ruleKey || vocatives.Contains(key) || history.Any(h => KeyOf(h.SpeakerText) == key)) continue;
                options.Add(new Option(-2 - history.Count,
                [
                    F(46, role, (int)proposal),
                    F(47, role, keys.Contains(key) ? 1 : 0, opens ? 1 : 0),
                    F(48, role, MentionedIn(content, key) ? 1 : 0, wantedCode),
                ]));
                history.Add(role == 1 ? reported : reported with { SpeakerText = reported.AddresseeText, Speakers = reported.Addressees });
            }
        }
        var ahead = new List<(string Text, ImmutableArray<string> Ids, string Key)>();
        if (afterNextText is not null && afterNextKey is not null && afterNextKey != nextKey) ahead.Add((afterNextText, afterNextIds, afterNextKey));
        if (nextText is not null && nextKey is not null) ahead.Add((nextText, nextIds, nextKey));
        for (int j = 0; j < ahead.Count; j++)
        {
            string aheadKey = ahead[j].Key;
            if (vocatives.Contains(aheadKey)) { ahead.RemoveAt(j--); continue; }
            int which = aheadKey == nextKey ? 1 : 2;
            options.Add(new Option(-10 - j,
            [
                F(60, which, (int)proposal),
                F(61, which, keys.Contains(aheadKey) ? 1 : 0, opens ? 1 : 0),
                F(62, which, Same(aheadKey, prevKey), Same(aheadKey, twoBackKey)),
                F(63, which, MentionedIn(content, aheadKey) ? 1 : 0),
                F(64, which, wantedCode),
                F(94, 4 + which, CorefMatch(ahead[j].Ids.Length == 1 ? ahead[j].Ids[0] : null, aheadKey, cueEntity, cueCorefKey), cueScore),
            ]));
        }
        // Common noun phrases for people in the narration around it (the old man, her mother), which no name covers.
        var phrases = PersonPhrasesNear(from, cuePronoun >= 0 ? _candidates[cuePronoun].First - 1 : qLast + WindowAfter, qFirst, qLast, p, pLast);
        for (int j = 0; j < phrases.Count; j++)
        {
            var phrase = phrases[j];
            int phraseAgree = wanted is 'm' or 'f' ? PhraseGender(phrase) is char pg ? pg == wanted ? 1 : 0 : 2 : 3;
            if (phraseAgree == 0) continue;
            bool before = phrase.Last < qFirst;
            int side = before ? 0 : 1;
            int place = Place(phrase, before, p, pLast, quotation.Span);
            int distance = before ? qFirst - phrase.Last - 1 : phrase.First - qLast - 1;
            string? key = KeyOf(_text.Substring(phrase.Span.Start, phrase.Span.Length));
            int rank = before ? phrases.Count(x => x.Last < qFirst && x.First > phrase.Last) : phrases.Count(x => x.First > qLast && x.Last < phrase.First);
            options.Add(new Option(PhraseOption - j,
            [
                F(70, place, phrase.Subject ? 1 : 0),
                F(71, Bucket(distance), side),
                F(72, Math.Min(rank, 3), side),
                F(73, VerbAfter(phrase), place),
                F(74, VerbBefore(phrase) ? 1 : 0, place),
                F(75, (int)proposal, Same(key, ruleKey)),
                F(76, Same(key, prevKey), Same(key, twoBackKey), Same(key, prevAddressee)),
                F(77, opens ? 1 : 0, place),
                F(78, Math.Min(QuotesBetween(q, phrase, before), 3), side),
                F(79, phrase.Possessive ? 1 : 0, wantedCode),
                F(80, Same(key, nextKey), Same(key, afterNextKey), place),
                F(81, phraseAgree, place),
                F(95, CorefMatch(LinkAt(phrase.Span)?.EntityId, key, cueEntity, cueCorefKey), cueScore, place),
            ]));
        }
        // The person the coreference layer names for the cue's pronoun, when no other option stands for them.
        string? corefOptionText = null;
        if (cueEntity is not null && cueCorefKey is not null && cueCorefKey != ruleKey && !keys.Contains(cueCorefKey)
            && !options.Any(o => o.Candidate < -1 && o.Candidate > PhraseOption && OptionKeyOfSpecial(o.Candidate) == cueCorefKey))
        {
            corefOptionText = CoreferenceName(cueEntity);
            options.Add(new Option(CorefOption,
            [
                F(96, cueScore),
                F(97, cueScore, Same(cueCorefKey, ruleKey), wantedCode),
                F(98, cueScore, Same(cueCorefKey, prevKey), Same(cueCorefKey, twoBackKey)),
                F(99, cueScore, _entities.TypeOf(cueEntity) == "person" ? 1 : 0),
            ]));
        }
        // A story told in the first person: its narrator, whether or not an “I” stands near.
        if (model.OffersNarrator && cuePronoun < 0 && ruleTurn?.Cue is null && NarratorOptionFor(q, qFirst, qLast, p, pLast, opens, proposal, prevKey, twoBackKey, ruleKey, content, wantedCode) is { } narrator) options.Add(narrator);
        if (options.Count == 0) return ruleTurn;

        string? OptionKeyOfSpecial(int o) => o <= -10 ? ahead[-10 - o].Key : KeyOf(history[-2 - o].SpeakerText);
        string? OptionKey(int o) => o == -1 ? ruleKey : o == NarratorOption ? Narrator().Key : o == CorefOption ? cueCorefKey : o <= PhraseOption ? KeyOf(PhraseText(phrases[PhraseOption - o])) : o <= -10 ? ahead[-10 - o].Key : o < -1 ? KeyOf(history[-2 - o].SpeakerText) : keys[options.FindIndex(x => x.Candidate == o)];

        // Along a run of bare alternating quotations, the nearest explicit cue either way and its parity (TurnFinder.Conversation.cs).
        if (cuePronoun < 0)
        {
            var chainAhead = ChainCue(q, 1);
            var chainBehind = ChainCue(q, -1);
            if (chainAhead.Key is not null || chainBehind.Key is not null)
                for (int i = 0; i < options.Count; i++)
                    options[i] = options[i] with { Features = [.. options[i].Features, .. ChainFeatures(OptionKey(options[i].Candidate), chainAhead, chainBehind)] };
        }

        if (reported is not null)
            for (int i = 0; i < options.Count; i++)
            {
                string? key = OptionKey(options[i].Candidate);
                options[i] = options[i] with { Features = [.. options[i].Features, F(125, Same(key, reportedKey), Same(key, prevKey), opens ? 1 : 0), F(126, Same(key, reportedAddressee), Same(key, prevKey))] };
            }

        if (_learner is not null && _learner.GoldFor(content) is { } gold)
        {
            var right = new bool[options.Count];
            bool any = false;
            for (int i = 0; i < options.Count; i++)
            {
                int o = options[i].Candidate;
                // A pronoun is right only when what it is resolved to is, since that is what the turn will say.
                right[i] = o >= 0
                    ? _candidates[o].Kind == CandidateKind.Pronoun ? keys[i] is { } k && gold.LastWords.Contains(k) : gold.Mentions.Any(m => m.Overlaps(_candidates[o].Span))
                    : o <= PhraseOption ? gold.Mentions.Any(m => m.Overlaps(phrases[PhraseOption - o].Span))
                    : gold.LastWords.Contains(OptionKey(o) ?? "");
                any |= right[i];
            }
            int windowLast = Math.Min(_words.Count - 1, cuePronoun >= 0 ? _candidates[cuePronoun].First : qLast + WindowAfter);
            var window = _words.Count == 0 ? quotation.Span : new TextSpan(Math.Min(_words.Span(from).Start, quotation.Span.Start), Math.Max(_words.Span(windowLast).End, quotation.Span.End));
            _learner.Learn([.. options.Select(o => o.Features)], right, cuePronoun >= 0, window, quotation.Span);
        }

        int best = -1;
        float bestScore = float.NegativeInfinity;
        Turn? bestTurn = null;
        bool named = false;
        for (int i = 0; i < options.Count; i++)
        {
            float score = model.Score(options[i].Features);
            var turn = TurnFor(options[i].Candidate);
            // A line of dialogue is someone's: an option that leaves it to no one is taken only when no option names anyone.
            bool names = turn?.SpeakerText is not null;
            if (named && !names) continue;
            if (names && !named || score > bestScore) (best, bestScore, bestTurn, named) = (i, score, turn, names);
            // Decoding a sequence (TurnFinder.Sequence.cs): every option is a hypothesis of its own.
            _branches?.Add((score, turn, options[i].Features, i));
        }
        if (_branches is not null && named) _branches.RemoveAll(b => b.Turn?.SpeakerText is null);
        return best < 0 ? TurnFor(options[0].Candidate) : bestTurn;

        Turn? TurnFor(int chosen)
        {
            if (chosen == -1) return ruleTurn;
            // A reply opening its own paragraph after another quotation is another speaker's, as dialogue is printed;
            // the model may not overrule alternation so, unless the paragraphs were only inferred from a text
            // written a sentence a line (where one speaker's next sentence after a cue opens a paragraph too).
            if (!_paragraphsInferred && proposal == Proposal.Alternation && prevKey is not null && OptionKey(chosen) == prevKey) return ruleTurn;
            if (chosen == CorefOption)
            {
                bool person = _entities.TypeOf(cueEntity!) == "person";
                return new Turn(content, TurnMode.Direct, ruleTurn?.Cue, corefOptionText, person ? [cueEntity!] : [], ruleTurn?.Addressees ?? [], ruleTurn?.AddresseeText);
            }
            if (chosen == NarratorOption)
            {
                var (narratorText, _) = Narrator();
                ImmutableArray<string> narratorIds = _authorId is null ? [] : [_authorId];
                if (ruleTurn?.Cue is not null) return new Turn(content, TurnMode.Direct, ruleTurn.Cue, narratorText, narratorIds, ruleTurn.Addressees, ruleTurn.AddresseeText);
                bool answers = previous is not null && prevKey is not null && prevKey != Narrator().Key;
                return new Turn(content, TurnMode.Direct, null, narratorText, narratorIds, answers ? previous!.Speakers : [], answers ? previous!.SpeakerText : null);
            }
            if (chosen <= PhraseOption)
            {
                string phraseText = PhraseText(phrases[PhraseOption - chosen]);
                bool answers = previous is not null && prevKey is not null && KeyOf(phraseText) != prevKey;
                return ruleTurn?.Cue is not null
                    ? new Turn(content, TurnMode.Direct, ruleTurn.Cue, phraseText, [], ruleTurn.Addressees, ruleTurn.AddresseeText)
                    : new Turn(content, TurnMode.Direct, null, phraseText, [], answers ? previous!.Speakers : [], answers ? previous!.SpeakerText : null);
            }
            if (chosen <= -10)
            {
                var (aheadText, aheadIds, aheadKey) = ahead[-10 - chosen];
                bool answers = previous is not null && KeyOf(previous.SpeakerText) != aheadKey;
                return new Turn(content, TurnMode.Direct, ruleTurn?.Cue, aheadText, aheadIds, answers ? previous!.Speakers : [], answers ? previous!.SpeakerText : null);
            }
            if (chosen < -1)
            {
                var earlier = history[-2 - chosen];
                bool answers = previous is not null && KeyOf(previous.SpeakerText) != KeyOf(earlier.SpeakerText);
                return new Turn(content, TurnMode.Direct, ruleTurn?.Cue, earlier.SpeakerText, earlier.Speakers, answers ? previous!.Speakers : [], answers ? previous!.SpeakerText : null);
            }
            var (text, id) = Resolve(chosen);
            text ??= _text.Substring(_candidates[chosen].Span.Start, _candidates[chosen].Span.Length);
            ImmutableArray<string> addressees = [];
            string? addresseeText = null;
            if (previous is not null && prevKey is not null && KeyOf(text) != prevKey)
                (addressees, addresseeText) = (previous.Speakers, previous.SpeakerText);
            if (ruleTurn?.Cue is not null) (addressees, addresseeText) = (ruleTurn.Addressees, ruleTurn.AddresseeText);
            return new Turn(content, TurnMode.Direct, ruleTurn?.Cue, text, id is null ? [] : [id], addressees, addresseeText);
        }
    }

    /// <summary>
    /// The keys (<see cref="KeyOf"/>) of the names a quotation calls out: a capitalized word that is not the
    /// quotation's first word of a sentence unless an exclamation or comma follows, set off by a comma or the
    /// quotation's start before it and by a comma, <c>!</c>, <c>?</c> or <c>.</c> after it (<c>“Oh, Mary!”</c>,
    /// <c>“Come here, Tom.”</c>, <c>“Edith! Edith!”</c>).
    /// </summary>
    private HashSet<string> Vocatives(TextSpan content)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        int first = _words.TokenAtOrAfter(content.Start);
        for (int t = first; t < _words.Count && _words.Span(t).End <= content.End; t++)
        {
            if (!_words.IsWord(t) || !_words.IsCapitalized(t) || _words.Word(t) is "I" || _words.In(t, DiscourseLexicon.Titles)) continue;
            int start = t;
            // A title before the name belongs to it (“Yes, Mr. Hale.”).
            while (start > first && (_words.In(start - 1, DiscourseLexicon.Titles) || _words.IsInitialOrTitle(start - 1))) start--;
            int end = t;
            while (end + 1 < _words.Count && _words.Span(end + 1).End <= content.End && _words.IsWord(end + 1) && _words.IsCapitalized(end + 1)) end++;
            bool setBefore = start == first || _words.IsChar(start - 1, ',');
            int after = end + 1;
            bool setAfter = after >= _words.Count || _words.Span(after).Start >= content.End
                || _words.IsChar(after, ',') || _words.IsChar(after, '!') || _words.IsChar(after, '?') || _words.IsChar(after, '.');
            bool opening = start == first && !(after < _words.Count && (_words.IsChar(after, '!') || _words.IsChar(after, ',')));
            if (setBefore && setAfter && !opening && KeyOf(_text.Substring(_words.Span(start).Start, _words.Span(end).End - _words.Span(start).Start)) is { } key) found.Add(key);
            t = end;
        }
        return found;
    }

    /// <summary>Option codes at and below this one are noun phrases of <see cref="PersonPhrasesNear"/>.</summary>
    private const int PhraseOption = -100;

    /// <summary>The option code of the person the coreference layer gives a pronoun cue, when no other option covers them.</summary>
    private const int CorefOption = -20;

    /// <summary>The coreference link starting inside <paramref name="span"/>, whatever its score; null when there is none or it introduces someone.</summary>
    private Coreference.CoreferenceLink? LinkAt(TextSpan span)
    {
        int lo = 0, hi = _coreference.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_coreference[mid].Span.Start < span.Start) lo = mid + 1;
            else hi = mid;
        }
        for (; lo < _coreference.Length && _coreference[lo].Span.Start < span.End; lo++)
        {
            if (!_coreference[lo].Introduces) return _coreference[lo];
        }
        return null;
    }

    private Dictionary<string, string>? _introducedNames;

    /// <summary>The name of a coreference entity: its first alias, or for a person no name has named, the phrase that introduced them.</summary>
    private string? CoreferenceName(string entityId)
    {
        if (_entities.NameOf(entityId) is { } name) return name;
        if (_introducedNames is null)
        {
            _introducedNames = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var link in _coreference)
            {
                if (link.Introduces && link.Kind == Coreference.ReferringKind.Nominal) _introducedNames.TryAdd(link.EntityId, _text.Substring(link.Span.Start, link.Span.Length));
            }
        }
        return _introducedNames.GetValueOrDefault(entityId);
    }

    /// <summary>The entity a window candidate stands for: a pronoun's by the coreference layer, else its own or the rules' binding.</summary>
    private string? OptionEntity(int c)
    {
        var candidate = _candidates[c];
        if (candidate.Kind == CandidateKind.Pronoun) return LinkAt(candidate.Span)?.EntityId;
        return candidate.EntityId ?? Resolve(c).EntityId;
    }

    /// <summary>1 when an option is the person the coreference layer gives the cue (by entity, else by name), 0 when it is someone else, 2 when unknown.</summary>
    private static int CorefMatch(string? optionEntity, string? optionKey, string? cueEntity, string? cueKey)
    {
        if (cueEntity is null) return 3;
        if (optionEntity is not null) return optionEntity == cueEntity ? 1 : optionKey is not null && optionKey == cueKey ? 1 : 0;
        return optionKey is null || cueKey is null ? 2 : optionKey == cueKey ? 1 : 0;
    }

    private static int ScoreBucket(double score) => score switch
    {
        < 0.6 => 1,
        < 0.75 => 2,
        < 0.9 => 3,
        < 0.97 => 4,
        _ => 5,
    };

    private string PhraseText(SpeakerCandidate phrase) => _text.Substring(phrase.Span.Start, phrase.Span.Length);

    /// <summary>
    /// Noun phrases naming a person outside quotations between tokens <paramref name="from"/> and
    /// <paramref name="to"/>, in paragraphs two before <paramref name="p"/> to one after <paramref name="pLast"/>,
    /// that no name, office or pronoun candidate covers: a determiner or possessive, up to three modifiers, and a
    /// person noun (<c>the old man</c>, <c>her mother</c>, <c>a tall stranger</c>). The words inside the quotation are left out.
    /// </summary>
    private List<SpeakerCandidate> PersonPhrasesNear(int from, int to, int qFirst, int qLast, int p, int pLast)
    {
        var found = new List<SpeakerCandidate>();
        to = Math.Min(to, _words.Count - 1);
        for (int t = Math.Max(0, from); t <= to; t++)
        {
            if (t >= qFirst && t <= qLast || _quoted[t] || !_words.In(t, DiscourseLexicon.SpeakerDeterminers) || _candidateAt[t] >= 0) continue;
            int head = -1;
            for (int e = t + 1; e <= t + 4 && e <= to && e < _words.Count; e++)
            {
                if (_quoted[e] || !_words.IsWord(e) || _candidateAt[e] >= 0 || _words.IsCapitalized(e) && !_words.In(e, DiscourseLexicon.PersonNouns)) break;
                if (_words.In(e, DiscourseLexicon.PersonNouns) && !_words.In(e + 1, DiscourseLexicon.PersonNouns)) { head = e; break; }
                if (_words.In(e, DiscourseLexicon.NonSubjectPrecursors) || _words.In(e, DiscourseLexicon.SpeechVerbs) || _words.In(e, DiscourseLexicon.FiniteMarkers)
                    || _words.Tag(e) is { } tag && tag is not ("ADJ" or "NOUN" or "NUM")) break;
            }
            if (head < 0) continue;
            int cp = ParagraphIndex(_words.Span(t).Start);
            if (cp < p - 2 || cp > pLast + 1) { t = head; continue; }
            var span = new TextSpan(_words.Span(t).Start, _words.Span(head).End);
            bool possessive = DiscourseWords.IsPossessive(_words.Word(head));
            if (possessive) span = new TextSpan(span.Start, span.End - 2);
            bool subject = !possessive && !(t > 0 && (_words.In(t - 1, DiscourseLexicon.NonSubjectPrecursors) || _words.In(t - 1, DiscourseLexicon.SpeechVerbs) && !_words.IsCapitalized(t - 1)));
            found.Add(new SpeakerCandidate(span, CandidateKind.Role, t, head, subject, possessive, null));
            t = head;
        }
        return found;
    }

    /// <summary>The gender of a name's first word after any title, when it is a common given name.</summary>
    private char? GivenNameGender(SpeakerCandidate candidate)
    {
        if (candidate.Kind != CandidateKind.Name) return null;
        int t = candidate.First;
        while (t < candidate.Last && (_words.IsInitialOrTitle(t) || _words.In(t, DiscourseLexicon.Titles))) t++;
        return _words.In(t, DiscourseLexicon.MaleGivenNames) ? 'm' : _words.In(t, DiscourseLexicon.FemaleGivenNames) ? 'f' : null;
    }

    /// <summary>The gender a person noun phrase's head gives (<c>the old man</c>: m), else null.</summary>
    private char? PhraseGender(SpeakerCandidate phrase) =>
        _words.In(phrase.Last, DiscourseLexicon.MalePersonNouns) ? 'm' : _words.In(phrase.Last, DiscourseLexicon.FemalePersonNouns) ? 'f' : null;

    private Dictionary<string, (int Male, int Female)>? _genderVotes;

    /// <summary>
    /// The gender the document gives a name: the pronouns that first follow its mentions (in the same or the
    /// next sentence, before another name) vote, and one side must have twice the other's votes.
    /// </summary>
    private char? NameGender(int c)
    {
        _genderVotes ??= CountGenderVotes();
        string? key = KeyOf(_text.Substring(_candidates[c].Span.Start, _candidates[c].Span.Length));
        if (key is null || !_genderVotes.TryGetValue(key, out var votes)) return null;
        if (votes.Male >= 2 * votes.Female + 1) return 'm';
        if (votes.Female >= 2 * votes.Male + 1) return 'f';
        return null;
    }

    private Dictionary<string, (int Male, int Female)> CountGenderVotes()
    {
        var votes = new Dictionary<string, (int Male, int Female)>(StringComparer.Ordinal);
        for (int c = 0; c < _candidates.Count; c++)
        {
            var candidate = _candidates[c];
            if (candidate.Kind == CandidateKind.Pronoun) continue;
            string? key = KeyOf(_text.Substring(candidate.Span.Start, candidate.Span.Length));
            if (key is null) continue;
            var (male, female) = votes.GetValueOrDefault(key);
            if (TitleGender(candidate.First) is char titled)
            {
                // A title is worth a few pronouns.
                votes[key] = titled == 'm' ? (male + 3, female) : (male, female + 3);
                continue;
            }
            int limit = SentenceEndAfter(SentenceEndAfter(candidate.Span.End) + 1);
            int next = c + 1 < _candidates.Count ? _candidates[c + 1].First : _words.Count;
            for (int t = candidate.Last + 1; t < _words.Count && _words.Span(t).Start < limit; t++)
            {
                if (t >= next && next < _words.Count && _candidates[c + 1].Kind != CandidateKind.Pronoun) break;
                if (_quoted[t] || !_words.IsWord(t)) continue;
                // The pronoun of a cue right after a quotation (“…,” she said) is the speaker's, not the name's.
                if (t > 0 && (_quoted[t - 1] || _words.IsChar(t - 1, ',') && t > 1 && _quoted[t - 2])) continue;
                var word = _words.Word(t);
                if (DiscourseLexicon.Contains(DiscourseLexicon.MalePronouns, word)) { votes[key] = (male + 1, female); break; }
                if (DiscourseLexicon.Contains(DiscourseLexicon.FemalePronouns, word)) { votes[key] = (male, female + 1); break; }
            }
        }
        return votes;
    }

    /// <summary>The speaker an explicit cue gives quotation <paramref name="q"/>, when it lies within paragraph <paramref name="lastParagraph"/>.</summary>
    private (string? Text, ImmutableArray<string> Ids, string? Key) CuedSpeakerOf(int q, int lastParagraph)
    {
        if (q >= _outer.Length || ParagraphIndex(_outer[q].Span.Start) > lastParagraph) return (null, [], null);
        if ((LeadCue(q) ?? TrailingCue(q)) is not { } cue || !cue.Joint.IsEmpty) return (null, [], null);
        if (_candidates[cue.SpeakerCandidate].Kind == CandidateKind.Pronoun) return (null, [], null);
        var (text, id) = Resolve(cue.SpeakerCandidate);
        return (text, id is null ? [] : [id], KeyOf(text));
    }

    /// <summary>1 when candidate <paramref name="c"/> can be what a pronoun of gender <paramref name="wanted"/> stands for, 0 when it cannot, 2 when unknown.</summary>
    private int GenderAgreement(int c, char wanted)
    {
        var candidate = _candidates[c];
        if (candidate.Kind == CandidateKind.Pronoun)
        {
            var word = _words.Word(candidate.First);
            char g = DiscourseLexicon.Contains(DiscourseLexicon.MalePronouns, word) ? 'm' : DiscourseLexicon.Contains(DiscourseLexicon.FemalePronouns, word) ? 'f' : word.Equals("they", StringComparison.OrdinalIgnoreCase) || word.Equals("we", StringComparison.OrdinalIgnoreCase) ? 'p' : '\0';
            return g == '\0' ? 2 : g == wanted ? 1 : 0;
        }
        if (wanted == 'p') return 2;
        return (TitleGender(candidate.First) ?? NameGender(c) ?? GivenNameGender(candidate)) is char known ? known == wanted ? 1 : 0 : 2;
    }

    /// <summary>Where a candidate stands relative to the quotation: its paragraph and sentence.</summary>
    private int Place(SpeakerCandidate candidate, bool before, int p, int pLast, TextSpan quotation)
    {
        int cp = ParagraphIndex(candidate.Span.Start);
        if (before)
        {
            if (cp < p) return cp == p - 1 ? 2 : 3;
            return SentenceStartBefore(quotation.Start) <= candidate.Span.Start ? 0 : 1;
        }
        if (cp > pLast) return 6;
        return SentenceStartBefore(candidate.Span.Start) <= quotation.End ? 4 : 5;
    }

    private int KindCode(SpeakerCandidate candidate)
    {
        if (candidate.Kind == CandidateKind.Name) return 0;
        if (candidate.Kind == CandidateKind.Role) return 1;
        var word = _words.Word(candidate.First);
        if (DiscourseLexicon.Contains(DiscourseLexicon.MalePronouns, word)) return 2;
        if (DiscourseLexicon.Contains(DiscourseLexicon.FemalePronouns, word)) return 3;
        return word.Equals("who", StringComparison.OrdinalIgnoreCase) ? 5 : 4;
    }

    /// <summary>1 when a verb of speaking follows the candidate (adverbs aside), 2 when a comma and then one does; else 0.</summary>
    private int VerbAfter(SpeakerCandidate candidate)
    {
        int v = candidate.Last + 1;
        while (v < _words.Count && v <= candidate.Last + 3 && _words.In(v, DiscourseLexicon.Interposed)) v++;
        if (v < _words.Count && !_quoted[v] && _words.In(v, DiscourseLexicon.SpeechVerbs) && !_words.IsCapitalized(v)) return 1;
        return _words.IsChar(candidate.Last + 1, ',') && _words.In(candidate.Last + 2, DiscourseLexicon.SpeechVerbs) ? 2 : 0;
    }

    private bool VerbBefore(SpeakerCandidate candidate) =>
        candidate.First > 0 && !_quoted[candidate.First - 1] && _words.In(candidate.First - 1, DiscourseLexicon.SpeechVerbs) && !_words.IsCapitalized(candidate.First - 1);

    private bool FirstInSentence(int c)
    {
        int start = SentenceStartBefore(_candidates[c].Span.Start);
        return c == 0 || _candidates[c - 1].Span.End <= start;
    }

    private int QuotesBetween(int q, SpeakerCandidate candidate, bool before)
    {
        int count = 0;
        if (before)
        {
            for (int k = q - 1; k >= 0 && _outer[k].Span.Start >= candidate.Span.End && count < 4; k--) count++;
        }
        else
        {
            for (int k = q + 1; k < _outer.Length && _outer[k].Span.End <= candidate.Span.Start && count < 4; k++) count++;
        }
        return count;
    }

    /// <summary>A capitalized word of <paramref name="span"/> is <paramref name="key"/> (a vocative, or someone spoken of).</summary>
    private bool MentionedIn(TextSpan span, string key)
    {
        for (int t = _words.TokenAtOrAfter(span.Start); t < _words.Count && _words.Span(t).End <= span.End; t++)
        {
            if (_words.IsCapitalized(t) && DiscourseWords.WithoutPossessive(_words.Word(t)).Equals(key, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>Who a speaker text names, for comparing speakers: its last word, lowercase, without a possessive.</summary>
    internal static string? KeyOf(string? speakerText)
    {
        if (speakerText is null) return null;
        var trimmed = speakerText.AsSpan().TrimEnd(" .,;:!?");
        trimmed = DiscourseWords.WithoutPossessive(trimmed);
        int space = trimmed.LastIndexOf(' ');
        var last = trimmed[(space + 1)..];
        return last.IsEmpty ? null : last.ToString().ToLowerInvariant();
    }

    private static int Same(string? a, string? b) => a is null || b is null ? 2 : string.Equals(a, b, StringComparison.Ordinal) ? 1 : 0;

    private static int Bucket(int distance) => distance switch
    {
        <= 0 => 0,
        1 => 1,
        2 => 2,
        <= 4 => 3,
        <= 8 => 4,
        <= 16 => 5,
        <= 32 => 6,
        _ => 7,
    };

    /// <summary>The hash of a feature: its template and up to three small values (SplitMix64 finalizer).</summary>
    private static ulong F(int template, int a = 0, int b = 0, int c = 0)
    {
        ulong x = (ulong)template << 48 ^ (ulong)(a & 0xFFFF) << 32 ^ (ulong)(b & 0xFFFF) << 16 ^ (ulong)(c & 0xFFFF);
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ x >> 31;
    }
}
