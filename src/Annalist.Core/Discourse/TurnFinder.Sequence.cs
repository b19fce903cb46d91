namespace Annalist.Core.Discourse;

/// <summary>
/// A learner that trains on the beam's histories (<see cref="QuotationSpeakerTrainer.TrainingBeam"/>): the turn finder
/// decodes each training document with the beam it will decode with, tells it each option's right-ness through
/// <see cref="IQuotationSpeakerLearner.Learn"/> (which then only records), and asks for an update where the gold history
/// falls out of the beam (early update, Collins &amp; Roark 2004; decoding goes on from the gold history) or ends below the best.
/// </summary>
internal interface IQuotationSequenceLearner : IQuotationSpeakerLearner
{
    /// <summary>The beam it trains with (width, temperature, repeat penalty: as <see cref="QuotationSpeakerModel.Beam"/>).</summary>
    (int Width, double Temperature, double RepeatPenalty) TrainingBeam { get; }

    /// <summary>The right options of the last <see cref="IQuotationSpeakerLearner.Learn"/> call (null: none since the last take), forgotten once taken.</summary>
    bool[]? TakeRight();

    /// <summary>Promotes the chosen options' features of the gold history and demotes the best hypothesis's; null when nothing was wrong (a step all the same).</summary>
    void Update(IEnumerable<ulong[]>? gold, IEnumerable<ulong[]>? predicted);

    /// <summary>How decoding goes on after an early update.</summary>
    EarlyUpdate AfterEarlyUpdate { get; }
}

/// <summary>How a beam trainer's decoding goes on after an early update.</summary>
public enum EarlyUpdate
{
    /// <summary>From the gold history alone (LaSO).</summary>
    Gold,

    /// <summary>From the beam's best history, its wrong choices kept as the conversation the features read (DAgger-like): right-ness counts from there.</summary>
    Own,

    /// <summary>Not at all: the rest of the document is left (Collins &amp; Roark).</summary>
    Stop,
}

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
    private List<(float Score, Turn? Turn, ulong[] Features, int Option)>? _branches;

    /// <summary>A history of the beam: its turns, its score, and while training the features of its choices (latest first) and whether every choice was a right one.</summary>
    private sealed record Hypothesis(List<Turn> Turns, double Score, Choice? Choices = null, bool Gold = true);

    private sealed record Choice(ulong[] Features, Choice? Before)
    {
        public IEnumerable<ulong[]> All()
        {
            for (var c = this; c is not null; c = c.Before) yield return c.Features;
        }
    }

    /// <summary>
    /// The quoted turns, greedily or by a beam: a model's (<see cref="QuotationSpeakerModel.Beam"/> above 1), or while training a
    /// trainer's (<see cref="IQuotationSequenceLearner.TrainingBeam"/>), which then learns where the gold history leaves the beam.
    /// </summary>
    private void FindQuotedInSequence()
    {
        var trainer = _learner as IQuotationSequenceLearner;
        int width = trainer is not null ? trainer.TrainingBeam.Width : _learner is null && _model is not null ? _model.Beam : 1;
        if (width <= 1)
        {
            FindQuoted();
            return;
        }
        var (_, temperature, repeat) = trainer?.TrainingBeam ?? (0, _model!.BeamTemperature, _model.BeamRepeatPenalty);
        var beam = new List<Hypothesis> { new([], 0) };
        var next = new List<Hypothesis>();
        var branches = new List<(float Score, Turn? Turn, ulong[] Features, int Option)>();
        for (int q = 0; q < _outer.Length; q++)
        {
            next.Clear();
            int diagnostics = _diagnostics.Count;
            bool decided = false;
            for (int h = 0; h < beam.Count; h++)
            {
                var hypothesis = beam[h];
                _turns = hypothesis.Turns;
                int before = _turns.Count;
                branches.Clear();
                _branches = branches;
                trainer?.TakeRight();
                FindQuoted(q, q + 1);
                _branches = null;
                // Which options were right (training only; none when the gold names no right option: every choice stays gold).
                var right = trainer?.TakeRight() is { } r && r.Contains(true) && branches.Exists(b => r[b.Option]) ? r : null;
                decided |= right is not null;
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
                    var (raw, turn, features, option) = branches[b];
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
                    next.Add(trainer is null
                        ? new Hypothesis(turns, hypothesis.Score + score - Repeats(turns, turn, repeat))
                        : new Hypothesis(turns, hypothesis.Score + score - Repeats(turns, turn, repeat), new Choice(features, hypothesis.Choices), hypothesis.Gold && (right is null || right[option])));
                }
            }
            bool goldBefore = trainer is not null && beam.Exists(h => h.Gold);
            beam = Prune(next, width, trainer is not null);
            if (goldBefore && !beam.Exists(h => h.Gold) && next.Find(h => h.Gold) is { } gold)
            {
                // Early update: the gold history fell out of the beam; learn, and go on from it alone.
                trainer!.Update(gold.Choices?.All(), beam[0].Choices?.All());
                if (trainer.AfterEarlyUpdate == EarlyUpdate.Stop)
                {
                    _turns = gold.Turns;
                    return;
                }
                beam = [trainer.AfterEarlyUpdate == EarlyUpdate.Own ? beam[0] with { Score = 0, Choices = null, Gold = true } : gold with { Score = 0 }];
            }
            else if (decided) trainer!.Update(null, null);
        }
        if (trainer is not null && !beam[0].Gold && beam.Find(h => h.Gold) is { } last) trainer.Update(last.Choices?.All(), beam[0].Choices?.All());
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

    private static double LogSumExp(List<(float Score, Turn? Turn, ulong[] Features, int Option)> branches, double temperature)
    {
        double max = double.NegativeInfinity, sum = 0;
        foreach (var branch in branches) max = Math.Max(max, branch.Score / temperature);
        foreach (var branch in branches) sum += Math.Exp(branch.Score / temperature - max);
        return max + Math.Log(sum);
    }

    /// <summary>
    /// The best <paramref name="width"/> hypotheses, one for each recent history (the last four speakers and the
    /// last addressee, all that the features and the rules read): two that agree there would be scored alike from here on.
    /// While <paramref name="training"/>, a gold history is kept beside a wrong one that agrees with it there (their choices differ elsewhere).
    /// </summary>
    private static List<Hypothesis> Prune(List<Hypothesis> hypotheses, int width, bool training = false)
    {
        hypotheses.Sort((a, b) => b.Score.CompareTo(a.Score));
        var kept = new List<Hypothesis>(width);
        var seen = new HashSet<(int, string?, string?, string?, string?, string?, bool)>();
        foreach (var hypothesis in hypotheses)
        {
            var turns = hypothesis.Turns;
            var signature = (turns.Count, Back(1), Back(2), Back(3), Back(4), turns.Count > 0 ? KeyOf(turns[^1].AddresseeText) : null, training && hypothesis.Gold);
            if (!seen.Add(signature)) continue;
            kept.Add(hypothesis);
            if (kept.Count == width) break;

            string? Back(int k) => turns.Count >= k ? KeyOf(turns[^k].SpeakerText) ?? "" : null;
        }
        return kept;
    }
}
