using Annalist.Core.Text;

namespace Annalist.Core.Discourse;

/// <summary>
/// The conversation an untagged quotation stands in: dialogue printed a speech a paragraph, with nothing
/// between the quotations, alternates between two people, so an explicit cue anywhere along such a run
/// (<c>“…,” said Mary</c> three quotations on) tells by its parity whose turn this one is. The model weighs it
/// as features of every option (templates 117–118; 110–139 are this file's range). An untagged quotation also
/// reads its <see cref="Scene"/>: where it stands in a run, how it joins the quotation before, whom that one
/// called by name and asked, and who the narration between was about (templates 119–124).
/// </summary>
internal sealed partial class TurnFinder
{
    /// <summary>Words of narration (outside quotations) between two offsets, counted up to <paramref name="cap"/>.</summary>
    private int NarrationWords(int from, int to, int cap = 20)
    {
        int count = 0;
        for (int t = _words.TokenAtOrAfter(from); t < _words.Count && _words.Span(t).Start < to && count < cap; t++)
        {
            if (_words.IsWord(t) && !_quoted[t]) count++;
        }
        return count;
    }

    /// <summary>
    /// The nearest explicit cue along a run of quotations that follow one another with no narration between
    /// (A, B, A, B …), forward (<paramref name="step"/> 1) or back (−1) from quotation <paramref name="q"/>: the
    /// speaker's key and how many quotations away it stands, so that its parity tells whether it is this
    /// quotation's speaker or the other's. A cue between two quotations ends the run after it.
    /// </summary>
    private (string? Key, int Distance) ChainCue(int q, int step)
    {
        for (int k = 1; k <= 8; k++)
        {
            int j = q + step * k, near = j - step;
            if (j < 0 || j >= _outer.Length) break;
            var (first, second) = step > 0 ? (_outer[near], _outer[j]) : (_outer[j], _outer[near]);
            bool bare = NarrationWords(first.Span.End, second.Span.Start) == 0;
            var (_, _, key) = CuedSpeakerOf(j, int.MaxValue);
            if (key is not null) return (key, k);
            if (!bare) break;
        }
        return (null, 0);
    }

    private ulong[] ChainFeatures(string? key, (string? Key, int Distance) ahead, (string? Key, int Distance) behind) =>
    [
        F(117, 0, ahead.Distance % 2, Same(key, ahead.Key)),
        F(117, 1, behind.Distance % 2, Same(key, behind.Key)),
        F(118, 0, Math.Min(ahead.Distance, 4), Same(key, ahead.Key)),
        F(118, 1, Math.Min(behind.Distance, 4), Same(key, behind.Key)),
    ];

    /// <summary>
    /// What an untagged quotation's place in the conversation says about whether the last speaker goes on:
    /// <paramref name="Run"/> is how many bare quotations (no narration between) lead up to it, capped at 3, or 4
    /// for a bare quotation inside its paragraph; <paramref name="Join"/> how it follows the quotation before
    /// (0 after an unclosed one, 1 in the same paragraph, 2 on a new paragraph, 3 after narration, 4 first);
    /// <paramref name="Called"/> the names the previous quotation calls out; <paramref name="Subject"/> the key of
    /// the last subject in the narration between the two quotations.
    /// </summary>
    private readonly record struct Scene(int Run, int Join, bool PreviousAsks, bool Asks, HashSet<string> Called, string? Subject);

    private Scene SceneOf(int q, TextSpan content, TextSpan? previousContent, int qFirst)
    {
        var quotation = _outer[q];
        int run = 0;
        for (int k = 1; k <= 3 && q - k >= 0; k++)
        {
            if (NarrationWords(_outer[q - k].Span.End, _outer[q - k + 1].Span.Start, 1) > 0) break;
            run = k;
        }
        bool opens = OpensParagraph(quotation.Span.Start);
        if (run > 0 && !opens) run = 4;
        int join = 4;
        string? subject = null;
        if (q > 0)
        {
            var before = _outer[q - 1];
            bool bare = NarrationWords(before.Span.End, quotation.Span.Start, 1) == 0;
            join = !bare ? 3 : !before.Closed ? 0 : ParagraphIndex(before.Span.Start) == ParagraphIndex(quotation.Span.Start) ? 1 : 2;
            if (!bare)
            {
                int last = _words.TokenAtOrAfter(before.Span.End);
                int c = FirstCandidateFrom(last);
                for (; c >= 0 && c < _candidates.Count && _candidates[c].Last < qFirst; c++)
                {
                    if (_candidates[c].Subject && !_quoted[_candidates[c].First]) subject = KeyOf(Resolve(c).Text) ?? subject;
                }
            }
        }
        bool previousAsks = previousContent is { } pc && Contains(pc, '?');
        var called = previousContent is { } prior ? Vocatives(prior) : [];
        return new Scene(run, join, previousAsks, Contains(content, '?'), called, subject);
    }

    private bool Contains(TextSpan span, char mark) => _text.AsSpan(span.Start, span.Length).IndexOf(mark) >= 0;

    private static ulong[] SceneFeatures(Scene scene, string? key, string? prevKey, string? twoBackKey, string? prevAddressee)
    {
        int last = Same(key, prevKey);
        bool bare = scene.Join < 3;
        return
        [
            F(119, scene.Run, last, Same(key, twoBackKey)),
            F(120, scene.Run, Same(key, prevAddressee), scene.PreviousAsks ? 1 : 0),
            F(121, key is not null && scene.Called.Contains(key) ? 1 : 0, last, bare ? 1 : 0),
            F(122, Same(key, scene.Subject), bare ? 1 : 0, last),
            F(123, (scene.PreviousAsks ? 1 : 0) + (scene.Asks ? 2 : 0), last),
            F(124, scene.Join, last, Same(key, prevAddressee)),
        ];
    }
}
