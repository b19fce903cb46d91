using Annalist.Core.Annotations;
using Annalist.Core.Text;
using Annalist.Evaluation.Gold;
using Annalist.Evaluation.SystemOutput;

namespace Annalist.Evaluation.Scoring;

/// <summary>
/// Speaker turns as the gold format defines: a gold turn is matched (one to one) by a system turn
/// whose spoken text begins at <c>starts</c>, leading quotation marks and spaces ignored, and, where
/// <c>ends</c> is given, ends with it, trailing quotation marks ignored. System turns whose mode is
/// outside the file's <c>turn_modes</c> are not scored. A matched turn has the right speakers when
/// its speaker ids are exactly the system entities matched to the gold speakers, one for each.
/// Counts: gold, system, matched, speaker_correct.
/// </summary>
public static class TurnScorer
{
    public const string Layer = LayerNames.Turns;

    public static LayerScore Score(ResolvedGold gold, SystemLayers system, EntityAlignment entities, string? documentName = null)
    {
        var score = new LayerScoreBuilder(Layer, system.Has(LayerNames.Turns), documentName);
        score.Declare(LayerMetrics.Gold, LayerMetrics.System, LayerMetrics.Matched, "speaker_correct");
        string text = gold.Text;
        var modes = gold.File.TurnModes;
        var turns = system.Get(LayerNames.Turns)
            .Where(t => t.Fields.String("mode") is not { } mode || modes.Contains(mode))
            .ToList();
        score.Add(LayerMetrics.Gold, gold.Turns.Length);
        score.Add(LayerMetrics.System, turns.Count);
        var used = new bool[turns.Count];
        foreach (var expected in gold.Turns)
        {
            int start = SkipLeading(text, expected.Starts.Start, expected.Starts.End);
            int? end = expected.Ends is { } ends ? SkipTrailing(text, ends.Start, ends.End) : null;
            int partner = -1;
            for (int s = 0; s < turns.Count && partner < 0; s++)
            {
                if (used[s]) continue;
                var span = turns[s].Span;
                if (SkipLeading(text, span.Start, span.End) != start) continue;
                if (end is { } wanted && SkipTrailing(text, span.Start, span.End) != wanted) continue;
                partner = s;
            }
            string description = $"{string.Join("+", expected.Gold.Speakers)}: {TimexScorer.Describe(expected.Starts, expected.Gold.Starts)}";
            if (partner < 0)
            {
                score.Miss(description);
                continue;
            }
            used[partner] = true;
            score.Add(LayerMetrics.Matched);
            var speakers = turns[partner].Fields.Strings("speakers");
            if (SpeakersRight(expected.Gold.Speakers, speakers, entities)) score.Add("speaker_correct");
            else score.Mismatch($"{description} ← system speakers [{string.Join(", ", speakers)}]");
        }
        for (int s = 0; s < turns.Count; s++)
        {
            if (!used[s]) score.Spurious($"[{string.Join(", ", turns[s].Fields.Strings("speakers"))}] {turns[s].Fields.String("mode")}: {TimexScorer.Describe(turns[s].Span, turns[s].Text)}");
        }
        return score.Build();
    }

    private static bool SpeakersRight(IReadOnlyList<string> goldSpeakers, IReadOnlyList<string> systemSpeakers, EntityAlignment entities)
    {
        var distinct = systemSpeakers.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count != goldSpeakers.Count) return false;
        var unclaimed = new List<string>(distinct);
        foreach (string speaker in goldSpeakers)
        {
            int index = unclaimed.FindIndex(id => entities.Matches(speaker, id));
            if (index < 0) return false;
            unclaimed.RemoveAt(index);
        }
        return unclaimed.Count == 0;
    }

    internal static bool IsQuoteOrSpace(char c) => char.IsWhiteSpace(c) || c is '"' or '\'' or '“' or '”' or '‘' or '’' or '«' or '»' or '„' or '‚' or '‹' or '›';

    private static int SkipLeading(string text, int start, int end)
    {
        while (start < end && IsQuoteOrSpace(text[start])) start++;
        return start;
    }

    private static int SkipTrailing(string text, int start, int end)
    {
        while (end > start && IsQuoteOrSpace(text[end - 1])) end--;
        return end;
    }

    internal static TextSpan Trim(string text, TextSpan span) =>
        new(SkipLeading(text, span.Start, span.End), Math.Max(SkipLeading(text, span.Start, span.End), SkipTrailing(text, span.Start, span.End)));
}
