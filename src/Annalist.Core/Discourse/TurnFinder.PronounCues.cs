using Annalist.Core.Text;

namespace Annalist.Core.Discourse;

/// <summary>
/// Features for a third-person pronoun cue (<c>“…,” he said</c>: which he), templates 140–169, added to every option
/// the model ranks, whatever its source: gender agreement for the options that are no window candidate (the last
/// turns, the cues ahead, the rules' proposal, noun phrases, the coreference person), whether the option is the cue's
/// own addressee (<c>she said to Lucy</c>: not Lucy), the subject of the narration sentence just before, named inside
/// the quotation, and how many people of the cue's gender stand between the option and the cue.
/// </summary>
internal sealed partial class TurnFinder
{
    private void AddPronounCueFeatures(List<Option> options, Func<int, string?> optionKey, int q, TextSpan content, int cuePronoun, char wanted, Turn? ruleTurn, string? prevKey)
    {
        if (cuePronoun < 0 || wanted is not ('m' or 'f')) return;
        // As for the window's names and phrases: a person of the other gender is no option, whatever brought it.
        string mask = Environment.GetEnvironmentVariable("SPKP7_MASK") ?? "";
        if (mask.Contains('x')) options.RemoveAll(o => o.Candidate < 0 && KeyGenderAgreement(optionKey(o.Candidate), wanted) == 0);
        string? addresseeKey = KeyOf(ruleTurn?.AddresseeText);
        string? beatKey = SubjectKeyBefore(_outer[q].Span.Start);
        var closerAgreeing = new HashSet<string>(StringComparer.Ordinal);
        var extra = new List<ulong>(8);
        for (int i = options.Count - 1; i >= 0; i--)
        {
            int o = options[i].Candidate;
            string? key = optionKey(o);
            int source = OptionSource(o);
            int agree = o >= 0 ? GenderAgreement(o, wanted) : KeyGenderAgreement(key, wanted);
            if (o >= 0 && _candidates[o].Kind == CandidateKind.Pronoun && KindCode(_candidates[o]) == 4 && key is "i" or "me" or "my") agree = 3;
            int between = 0;
            if (o >= 0)
            {
                // Window candidates come in text order: those after this one are nearer the cue.
                foreach (string k in closerAgreeing) if (k != key) between++;
                if (agree == 1 && key is not null) closerAgreeing.Add(key);
            }
            extra.Clear();
            if (mask.Contains('a')) extra.Add(F(140, agree, source));
            if (mask.Contains('b')) extra.Add(F(141, Same(key, addresseeKey), source, agree));
            if (mask.Contains('c')) extra.Add(F(142, Same(key, beatKey), source, agree));
            if (mask.Contains('d')) extra.Add(F(143, key is not null && MentionedIn(content, key) ? 1 : 0, source, agree));
            if (mask.Contains('e')) extra.Add(F(144, Same(key, prevKey), agree, source));
            if (o >= 0 && mask.Contains('f')) extra.Add(F(145, Math.Min(between, 3), agree, _candidates[o].Subject ? 1 : 0));
            options[i] = options[i] with { Features = [.. options[i].Features, .. extra] };
        }
    }

    /// <summary>Where an option comes from: 0 a window candidate, 1 the rules' proposal, 2 an earlier turn, 3 a cue ahead, 4 a noun phrase, 5 the coreference person, 6 other.</summary>
    private static int OptionSource(int o) => o switch
    {
        >= 0 => 0,
        -1 => 1,
        -2 or -3 => 2,
        <= PhraseOption => 4,
        CorefOption => 5,
        <= -10 and > CorefOption => 3,
        _ => 6,
    };

    /// <summary>
    /// Whether the person a speaker key names (<see cref="KeyOf"/>: a last word) can be what a pronoun of gender
    /// <paramref name="wanted"/> stands for: 1 yes, 0 no, 2 unknown, 3 the first person (never a third-person cue's).
    /// The document's own pronouns after the name decide first, then a gendered person noun, then a given name.
    /// </summary>
    private int KeyGenderAgreement(string? key, char wanted)
    {
        if (key is null) return 2;
        if (key is "i" or "me" or "my" or "we") return 3;
        _genderVotes ??= CountGenderVotes();
        char? known = null;
        if (_genderVotes.TryGetValue(key, out var votes))
            known = votes.Male >= 2 * votes.Female + 1 ? 'm' : votes.Female >= 2 * votes.Male + 1 ? 'f' : null;
        known ??= DiscourseLexicon.Contains(DiscourseLexicon.MalePersonNouns, key) ? 'm'
            : DiscourseLexicon.Contains(DiscourseLexicon.FemalePersonNouns, key) ? 'f'
            : DiscourseLexicon.Contains(DiscourseLexicon.MaleGivenNames, key) ? 'm'
            : DiscourseLexicon.Contains(DiscourseLexicon.FemaleGivenNames, key) ? 'f' : null;
        return known is char g ? g == wanted ? 1 : 0 : 2;
    }

    /// <summary>The key of the first subject of the narration sentence before the one <paramref name="offset"/> is in (a pronoun as the rules resolve it), or null.</summary>
    private string? SubjectKeyBefore(int offset)
    {
        int sentence = SentenceStartBefore(offset);
        if (sentence == 0) return null;
        int previous = SentenceStartBefore(sentence - 1);
        int c = FirstCandidateFrom(_words.TokenAtOrAfter(previous));
        for (; c >= 0 && c < _candidates.Count && _candidates[c].Span.Start < sentence; c++)
        {
            var candidate = _candidates[c];
            if (candidate.Subject && !candidate.Possessive && !_quoted[candidate.First]) return KeyOf(Resolve(c).Text);
        }
        return null;
    }
}
