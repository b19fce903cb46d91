using Annalist.Core.Text;

namespace Annalist.Core.Discourse;

/// <summary>
/// The conversation an untagged quotation stands in: dialogue printed a speech a paragraph, with nothing
/// between the quotations, alternates between two people, so an explicit cue anywhere along such a run
/// (<c>“…,” said Mary</c> three quotations on) tells by its parity whose turn this one is. The model weighs it
/// as features of every option (templates 117–118; 110–139 are this file's range).
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
    /// A weight no option ever carries: its presence in a model file says the model was trained to read reported turns
    /// (<see cref="QuotationSpeakerModel.ReadsReportedTurns"/>), so the file records the setting without a new format.
    /// </summary>
    internal static readonly ulong ReportedTurnsMarker = F(127, 1);

    /// <summary>The narration's reported turns with a speaker (<c>she asked him whether …</c>), by start, found before the quotations' turns.</summary>
    private List<Turn> _reportedAhead = [];

    /// <summary>
    /// A pre-pass of <see cref="FindReported"/> before the quotations are decided, so that the conversation the model reads
    /// counts a reported turn as someone's turn: the real pass runs after them as before, and what this one leaves behind
    /// (its turns, the sets it marks, its diagnostics) is undone.
    /// </summary>
    private void PreviewReported()
    {
        var turns = _turns;
        var speakerless = new HashSet<int>(_speakerlessCues);
        var points = new HashSet<int>(_pointTurns);
        var editorial = new Dictionary<int, int>(_editorialPronoun);
        int diagnostics = _diagnostics.Count;
        _turns = [];
        FindReported();
        _reportedAhead = [.. _turns.Where(t => t.Mode == TurnMode.Reported && t.SpeakerText is not null).OrderBy(t => t.Span.Start)];
        _turns = turns;
        _speakerlessCues.Clear();
        _speakerlessCues.UnionWith(speakerless);
        _pointTurns.Clear();
        _pointTurns.UnionWith(points);
        _editorialPronoun.Clear();
        foreach (var (key, value) in editorial) _editorialPronoun[key] = value;
        _diagnostics.RemoveRange(diagnostics, _diagnostics.Count - diagnostics);
    }

    /// <summary>The latest reported turn starting in [<paramref name="from"/>, <paramref name="to"/>), within two paragraphs before paragraph <paramref name="p"/>.</summary>
    private Turn? ReportedSince(int from, int to, int p)
    {
        for (int r = _reportedAhead.Count - 1; r >= 0 && _reportedAhead[r].Span.Start >= from; r--)
        {
            var reported = _reportedAhead[r];
            if (reported.Span.Start < to) return ParagraphIndex(reported.Span.Start) >= p - 2 ? reported : null;
        }
        return null;
    }
}
