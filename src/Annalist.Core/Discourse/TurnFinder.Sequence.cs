namespace Annalist.Core.Discourse;

/// <summary>
/// Decoding the quotations of a text as a sequence rather than one at a time: a beam of
/// <see cref="QuotationSpeakerModel.Beam"/> hypotheses, each with its own turns so far (which the model's
/// conversation features and the rules' alternation read), each quotation the model decides branching every
/// hypothesis into one per option, the model's scores summed. Greedy decoding lets one early error set the
/// phase of a whole alternating run; a beam keeps the other phase alive until the quotations after it (a
/// pronoun cue, a reply that fits one history better) tell them apart.
/// </summary>
internal sealed partial class TurnFinder
{
    /// <summary>While a beam decodes: every option of the quotation being decided, its score and the turn it makes.</summary>
    private List<(float Score, Turn? Turn)>? _branches;

    private sealed record Hypothesis(List<Turn> Turns, double Score);

    /// <summary>The quoted turns, greedily or (with a model whose <see cref="QuotationSpeakerModel.Beam"/> exceeds 1, not while training) by a beam.</summary>
    private void FindQuotedInSequence()
    {
        int width = _learner is null && _model is not null ? _model.Beam : 1;
        if (width <= 1)
        {
            FindQuoted();
            return;
        }
        double temperature = _model!.BeamTemperature, repeat = _model.BeamRepeatPenalty;
        var beam = new List<Hypothesis> { new([], 0) };
        var next = new List<Hypothesis>();
        var branches = new List<(float Score, Turn? Turn)>();
        for (int q = 0; q < _outer.Length; q++)
        {
            next.Clear();
            int diagnostics = _diagnostics.Count;
            for (int h = 0; h < beam.Count; h++)
            {
                var hypothesis = beam[h];
                _turns = hypothesis.Turns;
                int before = _turns.Count;
                branches.Clear();
                _branches = branches;
                FindQuoted(q, q + 1);
                _branches = null;
                // The rules report what they find once, not once per hypothesis.
                if (h > 0 && _diagnostics.Count > diagnostics) _diagnostics.RemoveRange(diagnostics, _diagnostics.Count - diagnostics);
                if (branches.Count <= 1 || _turns.Count != before + 1)
                {
                    next.Add(_turns.Count == before + 1 ? hypothesis with { Score = hypothesis.Score - Repeats(_turns, _turns[^1], repeat) } : hypothesis);
                    continue;
                }
                // The finder kept the best option's turn; each other option is a hypothesis of its own.
                var kept = _turns[^1];
                double normalizer = temperature > 0 ? LogSumExp(branches, temperature) : 0;
                for (int b = 0; b < branches.Count; b++)
                {
                    var (raw, turn) = branches[b];
                    double score = temperature > 0 ? raw / temperature - normalizer : raw;
                    if (turn is null) continue;
                    List<Turn> turns;
                    if (ReferenceEquals(turn, kept) || turn == kept) turns = _turns;
                    else
                    {
                        turns = new List<Turn>(_turns.Count + 8);
                        turns.AddRange(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_turns)[..^1]);
                        turns.Add(turn);
                    }
                    next.Add(new Hypothesis(turns, hypothesis.Score + score - Repeats(turns, turn, repeat)));
                }
            }
            beam = Prune(next, width);
        }
        _turns = beam[0].Turns;
    }

    /// <summary>
    /// <paramref name="penalty"/> when <paramref name="turn"/> (the last of <paramref name="turns"/>) follows the turn before it
    /// with no word of narration between and the same speaker: printed dialogue almost never does, so a hypothesis whose phase
    /// puts a later cued turn's speaker in the turn just before it loses by it, and the cue corrects the run before it.
    /// </summary>
    private double Repeats(List<Turn> turns, Turn? turn, double penalty)
    {
        if (penalty <= 0 || turn is null || turns.Count < 2 || turn.Mode != TurnMode.Direct) return 0;
        var before = turns[^2];
        if (before.Mode != TurnMode.Direct || before.Span.End > turn.Span.Start) return 0;
        string? key = KeyOf(turn.SpeakerText);
        if (key is null || key != KeyOf(before.SpeakerText)) return 0;
        return NarrationWords(before.Span.End, turn.Span.Start, 1) == 0 && ParagraphIndex(turn.Span.Start) != ParagraphIndex(before.Span.End) ? penalty : 0;
    }

    private static double LogSumExp(List<(float Score, Turn? Turn)> branches, double temperature)
    {
        double max = double.NegativeInfinity, sum = 0;
        foreach (var (score, _) in branches) max = Math.Max(max, score / temperature);
        foreach (var (score, _) in branches) sum += Math.Exp(score / temperature - max);
        return max + Math.Log(sum);
    }

    /// <summary>
    /// The best <paramref name="width"/> hypotheses, one for each recent history (the last four speakers and the
    /// last addressee, all that the features and the rules read): two that agree there would be scored alike from here on.
    /// </summary>
    private static List<Hypothesis> Prune(List<Hypothesis> hypotheses, int width)
    {
        hypotheses.Sort((a, b) => b.Score.CompareTo(a.Score));
        var kept = new List<Hypothesis>(width);
        var seen = new HashSet<(int, string?, string?, string?, string?, string?)>();
        foreach (var hypothesis in hypotheses)
        {
            var turns = hypothesis.Turns;
            var signature = (turns.Count, Back(1), Back(2), Back(3), Back(4), turns.Count > 0 ? KeyOf(turns[^1].AddresseeText) : null);
            if (!seen.Add(signature)) continue;
            kept.Add(hypothesis);
            if (kept.Count == width) break;

            string? Back(int k) => turns.Count >= k ? KeyOf(turns[^k].SpeakerText) ?? "" : null;
        }
        return kept;
    }
}
