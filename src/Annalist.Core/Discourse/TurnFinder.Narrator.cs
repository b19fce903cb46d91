using Annalist.Core.Text;

namespace Annalist.Core.Discourse;

/// <summary>
/// The first-person narrator as a speaker option of the model: a story told as <c>I</c> has a speaker no name
/// or nearby pronoun need stand for. Whether the narration is in the first person is read from the document itself.
/// </summary>
internal sealed partial class TurnFinder
{
    /// <summary>The option code of the narrator (the narration's <c>I</c>).</summary>
    private const int NarratorOption = -30;

    /// <summary>Below this share of the narration's pronouns in the first person (in tenths), the narrator is no option: an `I` in a story told as he and she is a letter's or a frame's.</summary>
    private const int MinimumFirstPersonShare = 5;

    /// <summary>A feature every narrator option carries: a model holding a weight for it was trained with the option (<see cref="QuotationSpeakerModel.OffersNarrator"/>).</summary>
    internal static readonly ulong NarratorBias = F(109, 1);

    /// <summary>Tokens of the narration (outside quotations) that say <c>I</c>, <c>me</c>, <c>my</c>, <c>myself</c> or <c>mine</c>, in order.</summary>
    private List<int>? _narrationFirstPerson;

    /// <summary>The share of first-person pronouns among the narration's personal pronouns, in tenths (0–10); -1 without pronouns.</summary>
    private int _firstPersonShare = -2;

    private static bool IsFirstPerson(ReadOnlySpan<char> word) =>
        word is "I" || word.Equals("me", StringComparison.OrdinalIgnoreCase) || word.Equals("my", StringComparison.OrdinalIgnoreCase)
        || word.Equals("myself", StringComparison.OrdinalIgnoreCase) || word.Equals("mine", StringComparison.OrdinalIgnoreCase);

    private static bool IsThirdPerson(ReadOnlySpan<char> word) =>
        DiscourseLexicon.Contains(DiscourseLexicon.MalePronouns, word) || DiscourseLexicon.Contains(DiscourseLexicon.FemalePronouns, word)
        || word.Equals("himself", StringComparison.OrdinalIgnoreCase) || word.Equals("herself", StringComparison.OrdinalIgnoreCase);

    private void CountNarrationPersons()
    {
        _narrationFirstPerson = [];
        int third = 0;
        for (int t = 0; t < _words.Count; t++)
        {
            if (_quoted[t] || !_words.IsWord(t)) continue;
            var word = _words.Word(t);
            if (IsFirstPerson(word)) _narrationFirstPerson.Add(t);
            else if (IsThirdPerson(word)) third++;
        }
        int total = _narrationFirstPerson.Count + third;
        _firstPersonShare = total == 0 ? -1 : (int)Math.Round(10.0 * _narrationFirstPerson.Count / total);
    }

    /// <summary>Tokens from <paramref name="t"/> back to the last narration first-person pronoun before it, or -1.</summary>
    private int FirstPersonDistanceBefore(int t)
    {
        var list = _narrationFirstPerson!;
        int i = list.BinarySearch(t);
        if (i < 0) i = ~i;
        return i == 0 ? -1 : t - list[i - 1];
    }

    /// <summary>Tokens from <paramref name="t"/> on to the next narration first-person pronoun, or -1.</summary>
    private int FirstPersonDistanceAfter(int t)
    {
        var list = _narrationFirstPerson!;
        int i = list.BinarySearch(t);
        if (i < 0) i = ~i;
        return i == list.Count ? -1 : list[i] - t;
    }

    /// <summary>Whether the narration of paragraphs <paramref name="p"/> to <paramref name="pLast"/> says <c>I</c> (or me, my).</summary>
    private bool ParagraphsSayI(int p, int pLast)
    {
        var list = _narrationFirstPerson!;
        if (p < 0 || pLast >= _paragraphs.Length) return false;
        int start = _words.TokenAtOrAfter(_paragraphs[p].Start), end = _words.TokenAtOrAfter(_paragraphs[pLast].End);
        int i = list.BinarySearch(start);
        if (i < 0) i = ~i;
        return i < list.Count && list[i] < end;
    }

    /// <summary>0 when the quotation's words say neither, 1 first person only, 2 <c>you</c> only, 3 both.</summary>
    private int QuotationPersons(TextSpan content)
    {
        bool first = false, second = false;
        for (int t = _words.TokenAtOrAfter(content.Start); t < _words.Count && _words.Span(t).End <= content.End; t++)
        {
            if (!_words.IsWord(t)) continue;
            var word = _words.Word(t);
            first |= IsFirstPerson(word);
            second |= word.Equals("you", StringComparison.OrdinalIgnoreCase) || word.Equals("your", StringComparison.OrdinalIgnoreCase);
        }
        return (first ? 1 : 0) + (second ? 2 : 0);
    }

    /// <summary>Whether quotation <paramref name="q"/>'s explicit cue is the narrator's (<c>I said</c>, <c>said I</c>), when it lies within paragraph <paramref name="lastParagraph"/>.</summary>
    private bool CuedByI(int q, int lastParagraph)
    {
        if (q < 0 || q >= _outer.Length || ParagraphIndex(_outer[q].Span.Start) > lastParagraph) return false;
        if ((LeadCue(q) ?? TrailingCue(q)) is not { } cue || !cue.Joint.IsEmpty) return false;
        var speaker = _candidates[cue.SpeakerCandidate];
        return speaker.Kind == CandidateKind.Pronoun && _words.Is(speaker.First, "I");
    }

    /// <summary>The narrator's speaker text and key: the author when the metadata or heading names one, else <c>I</c>.</summary>
    private (string Text, string Key) Narrator() => _author is not null ? (_author, KeyOf(_author) ?? "i") : ("I", "i");

    /// <summary>
    /// The narrator's option for quotation <paramref name="q"/>, or null when the narration never says <c>I</c>. Its
    /// features: the document's first-person share, narration <c>I</c> in the quotation's paragraph, the distance to the
    /// nearest narration <c>I</c> on each side, the narrator's place in the last two turns and the next cue, and whether the
    /// words themselves say <c>I</c> or <c>you</c>.
    /// </summary>
    private Option? NarratorOptionFor(int q, int qFirst, int qLast, int p, int pLast, bool opens, Proposal proposal, string? prevKey, string? twoBackKey, string? ruleKey, TextSpan content, int wantedCode)
    {
        if (_narrationFirstPerson is null) CountNarrationPersons();
        if (_narrationFirstPerson!.Count == 0 || _firstPersonShare < MinimumFirstPersonShare) return null;
        string key = Narrator().Key;
        int share = _firstPersonShare;
        int before = FirstPersonDistanceBefore(qFirst), after = FirstPersonDistanceAfter(qLast);
        int beforeBucket = before < 0 ? 8 : Bucket(before), afterBucket = after < 0 ? 8 : Bucket(after);
        bool paragraph = ParagraphsSayI(p, pLast);
        bool near = ParagraphsSayI(Math.Max(0, p - 1), Math.Min(_paragraphs.Length - 1, pLast + 1));
        int cuedAhead = CuedByI(q + 1, pLast + 1) ? 1 : CuedByI(q + 2, pLast + 2) ? 2 : 0;
        int persons = QuotationPersons(content);
        int prev = Same(key, prevKey), twoBack = Same(key, twoBackKey);
        int shareBand = Math.Clamp(share, 0, 10) / 3;
        return new Option(NarratorOption,
        [
            F(100, shareBand, paragraph ? 1 : 0),
            F(102, Math.Min(beforeBucket, afterBucket), near ? 1 : 0),
            F(104, prev, twoBack, (int)proposal),
            F(106, cuedAhead, persons),
            F(108, Same(key, ruleKey), opens ? 1 : 0),
            NarratorBias,
        ]);
    }
}
