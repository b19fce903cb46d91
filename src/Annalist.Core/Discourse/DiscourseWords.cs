using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Core.Discourse;

/// <summary>Whether a speaker candidate is a name, an office (<c>the Secretary</c>) or a pronoun.</summary>
internal enum CandidateKind : byte
{
    Name,
    Role,
    Pronoun,
}

/// <summary>
/// A stretch of narration that may name a speaker, between token indexes <see cref="First"/> and
/// <see cref="Last"/> inclusive. <see cref="Subject"/> is false where the words before it make it an
/// object (<c>to Stalin</c>, <c>asked Stalin</c>) or it is a possessive (<c>Stalin’s views</c>).
/// </summary>
internal readonly record struct SpeakerCandidate(TextSpan Span, CandidateKind Kind, int First, int Last, bool Subject, bool Possessive, string? EntityId);

/// <summary>
/// The token view the discourse component reads: words by index, with their case and a few tests, and
/// the speaker candidates of the whole document (names, role phrases, subject pronouns) outside quotations.
/// </summary>
internal sealed class DiscourseWords
{
    private readonly Token[] _tokens;

    private readonly string?[]? _tags;

    public DiscourseWords(string text, Token[] tokens, string?[]? tags = null)
    {
        Text = text;
        _tokens = tokens;
        _tags = tags;
    }

    /// <summary>The universal part of speech of token <paramref name="index"/>, when a <c>pos</c> layer was given.</summary>
    public string? Tag(int index) => _tags is not null && index >= 0 && index < _tags.Length ? _tags[index] : null;

    public string Text { get; }

    public int Count => _tokens.Length;

    public TextSpan Span(int index) => _tokens[index].Span;

    public TokenKind Kind(int index) => _tokens[index].Kind;

    public ReadOnlySpan<char> Word(int index) => _tokens[index].Span.Slice(Text);

    public bool IsWord(int index) => index >= 0 && index < _tokens.Length && _tokens[index].Kind == TokenKind.Word;

    public bool Is(int index, string word) =>
        index >= 0 && index < _tokens.Length && Word(index).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsChar(int index, char c) => index >= 0 && index < _tokens.Length && _tokens[index].Span.Length == 1 && Text[_tokens[index].Span.Start] == c;

    public bool In(int index, System.Collections.Frozen.FrozenSet<string> set) =>
        index >= 0 && index < _tokens.Length && DiscourseLexicon.Contains(set, WithoutPossessive(Word(index)).TrimEnd('.'));

    public bool IsCapitalized(int index)
    {
        if (index < 0 || index >= _tokens.Length) return false;
        var kind = _tokens[index].Kind;
        if (kind is not (TokenKind.Word or TokenKind.Abbreviation)) return false;
        return char.IsUpper(Text[_tokens[index].Span.Start]);
    }

    /// <summary>An initial (<c>J.</c>) or a title abbreviation (<c>Mr.</c>, <c>Gen.</c>).</summary>
    public bool IsInitialOrTitle(int index)
    {
        if (index < 0 || index >= _tokens.Length || _tokens[index].Kind != TokenKind.Abbreviation) return false;
        var word = Word(index);
        return char.IsUpper(word[0]) && (word.Length == 2 || DiscourseLexicon.Contains(DiscourseLexicon.Titles, word.TrimEnd('.')));
    }

    public static bool IsPossessive(ReadOnlySpan<char> word) =>
        word.Length > 2 && (word.EndsWith("’s", StringComparison.OrdinalIgnoreCase) || word.EndsWith("'s", StringComparison.OrdinalIgnoreCase));

    public static ReadOnlySpan<char> WithoutPossessive(ReadOnlySpan<char> word) => IsPossessive(word) ? word[..^2] : word;

    /// <summary>Index of the first token starting at or after <paramref name="offset"/>.</summary>
    public int TokenAtOrAfter(int offset)
    {
        int low = 0, high = _tokens.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (_tokens[mid].Span.Start < offset) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>
    /// Every speaker candidate of the text, in order, skipping tokens for which <paramref name="skip"/> is
    /// true (those inside quotations). Person mentions of <paramref name="entities"/> give entity ids;
    /// a name that lies on a mention of another type (a place, a people) is no candidate.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public List<SpeakerCandidate> FindCandidates(Func<int, bool> skip, EntityView entities, Func<int, bool> startsSentence)
    {
        var found = new List<SpeakerCandidate>();
        for (int i = 0; i < _tokens.Length; i++)
        {
            if (skip(i)) continue;
            var kind = _tokens[i].Kind;
            if (kind is not (TokenKind.Word or TokenKind.Abbreviation)) continue;
            var word = Word(i);
            if (kind == TokenKind.Word && DiscourseLexicon.Contains(DiscourseLexicon.SubjectPronouns, word))
            {
                if (word.Equals("you", StringComparison.OrdinalIgnoreCase) || word is "i") continue;
                found.Add(new SpeakerCandidate(_tokens[i].Span, CandidateKind.Pronoun, i, i, true, false, null));
                continue;
            }
            if (Is(i, "the") && TryRole(i + 1, skip, out int roleEnd))
            {
                var span = new TextSpan(_tokens[i].Span.Start, _tokens[roleEnd].Span.End);
                bool possessive = IsPossessive(Word(roleEnd));
                if (possessive) span = new TextSpan(span.Start, span.End - 2);
                string? id = entities.MentionAt(span) is { } m && m.Type == "person" ? m.EntityId : null;
                found.Add(new SpeakerCandidate(span, CandidateKind.Role, i, roleEnd, !possessive && IsSubjectPosition(i), possessive, id));
                i = roleEnd;
                continue;
            }
            if (!StartsName(i, startsSentence(i))) continue;
            int end = i;
            while (end + 1 < _tokens.Length && !skip(end + 1) && ContinuesName(end + 1) && !IsPossessive(Word(end)) && !LineBreakBefore(end + 1) && !startsSentence(end + 1)) end++;
            // A title alone or a role noun alone (“President said”) names by office.
            bool allRole = true;
            for (int t = i; t <= end && allRole; t++) allRole = In(t, DiscourseLexicon.RoleNouns) || In(t, DiscourseLexicon.Titles);
            bool isPossessive = IsPossessive(Word(end));
            var nameSpan = new TextSpan(_tokens[i].Span.Start, _tokens[end].Span.End - (isPossessive ? 2 : 0));
            string? entity = null;
            if (entities.MentionAt(nameSpan) is { } mention)
            {
                if (mention.Type == "person")
                {
                    entity = mention.EntityId;
                    // A sentence-opening word before the tagged name (“Saw Hopkins”) is not part of it; a title is.
                    if (mention.Span.Start > nameSpan.Start && mention.Span.Start < nameSpan.End && !IsInitialOrTitle(i) && !In(i, DiscourseLexicon.Titles) && !In(i, DiscourseLexicon.RoleNouns))
                        nameSpan = new TextSpan(mention.Span.Start, nameSpan.End);
                }
                else if (!IntroducesSpeech(end + 1) || Is(end + 1, "and"))
                {
                    // Only people speak: a name typed as a place or group counts only right before a verb of speaking or a label colon.
                    i = end;
                    continue;
                }
            }
            else if (!entities.IsEmpty && !allRole && startsSentence(i) && i == end && !IntroducesSpeech(end + 1))
            {
                // With an entity layer at hand, a lone capitalized word opening a sentence is not a name unless it is tagged.
                i = end;
                continue;
            }
            found.Add(new SpeakerCandidate(nameSpan, allRole ? CandidateKind.Role : CandidateKind.Name, i, end, !isPossessive && IsSubjectPosition(i), isPossessive, entity));
            i = end;
        }
        return found;
    }

    private bool LineBreakBefore(int index) =>
        Text.AsSpan(_tokens[index - 1].Span.End, _tokens[index].Span.Start - _tokens[index - 1].Span.End).Contains('\n');

    /// <summary>A lone word opening a sentence is still a name before <c>and</c>, a label colon or a verb of speaking.</summary>
    private bool IntroducesSpeech(int next) =>
        next < _tokens.Length && (Is(next, "and") || IsChar(next, ':') || IsChar(next, ',') || In(next, DiscourseLexicon.SpeechVerbs));

    private bool TryRole(int start, Func<int, bool> skip, out int end)
    {
        end = -1;
        for (int i = start; i < _tokens.Length && i < start + 5 && !skip(i); i++)
        {
            if (In(i, DiscourseLexicon.RoleHeads))
            {
                end = i;
                // “of the Exchequer”, “of State for War”: a British office's domain, with its article and its second domain.
                if (!IsPossessive(Word(i)) && Is(i + 1, "of") && DomainAt(i + 2) is int domain and >= 0)
                {
                    end = domain;
                    while (end + 1 < _tokens.Length && IsCapitalized(end + 1) && !IsPossessive(Word(end))) end++;
                }
                if (!IsPossessive(Word(end)) && Is(end + 1, "for") && IsCapitalized(end + 2) && !IsInitialOrTitle(end + 2))
                {
                    end += 2;
                    while (end + 1 < _tokens.Length && IsCapitalized(end + 1) && !IsPossessive(Word(end))) end++;
                }
                return true;
            }
            if (!(IsCapitalized(i) || In(i, DiscourseLexicon.RoleNouns)) || IsPossessive(Word(i))) return false;
        }
        return false;
    }

    private int DomainAt(int i)
    {
        if (Is(i, "the")) i++;
        return i < _tokens.Length && IsCapitalized(i) && !IsInitialOrTitle(i) ? i : -1;
    }

    private bool StartsName(int i, bool sentenceStart)
    {
        if (IsInitialOrTitle(i)) return true;
        if (_tokens[i].Kind != TokenKind.Word || !char.IsUpper(Text[_tokens[i].Span.Start])) return false;
        var word = WithoutPossessive(Word(i));
        if (DiscourseLexicon.Contains(DiscourseLexicon.NotNames, word)) return false;
        if (sentenceStart && (word.EndsWith("ly", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal))) return false;
        return true;
    }

    private bool ContinuesName(int i)
    {
        if (IsInitialOrTitle(i)) return true;
        if (_tokens[i].Kind != TokenKind.Word) return false;
        var word = Word(i);
        if (char.IsUpper(word[0])) return !DiscourseLexicon.Contains(DiscourseLexicon.NotNames, WithoutPossessive(word));
        return word is "de" or "van" or "von" or "der" or "bin" or "ibn" or "al" or "la" or "du" or "da" or "del" or "di" && i + 1 < _tokens.Length && IsCapitalized(i + 1);
    }

    /// <summary>Not after a preposition, determiner, possessive or a verb that takes its object.</summary>
    private bool IsSubjectPosition(int first)
    {
        int before = first - 1;
        if (before < 0 || _tokens[before].Kind != TokenKind.Word) return true;
        var word = Word(before);
        if (IsPossessive(word)) return false;
        return !DiscourseLexicon.Contains(DiscourseLexicon.NonSubjectPrecursors, word);
    }
}
