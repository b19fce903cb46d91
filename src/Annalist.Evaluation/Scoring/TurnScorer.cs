using Annalist.Core.Annotations;
using Annalist.Core.Text;
using Annalist.Evaluation.Gold;
using Annalist.Evaluation.SystemOutput;

namespace Annalist.Evaluation.Scoring;

/// <summary>
/// Speaker turns as the gold format defines: a gold turn is matched (one to one) by a system turn
/// whose spoken text begins at <c>starts</c>, leading quotation marks and spaces ignored, and, where
/// <c>ends</c> is given, ends with that text, trailing quotation marks ignored (white space runs equal
/// for TEI documents). System turns whose mode is
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
            string? ending = expected.Ends is { } ends ? Collapse(text.AsSpan(ends.Start, SkipTrailing(text, ends.Start, ends.End) - ends.Start), gold.WhitespaceEqual) : null;
            int partner = -1;
            for (int s = 0; s < turns.Count && partner < 0; s++)
            {
                if (used[s]) continue;
                var span = turns[s].Span;
                if (SkipLeading(text, span.Start, span.End) != start) continue;
                if (ending is not null && !EndsWith(text, span, ending, gold.WhitespaceEqual)) continue;
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

    /// <summary>True when the spoken text, trailing quotation marks ignored, ends with <paramref name="ending"/>.</summary>
    private static bool EndsWith(string text, TextSpan span, string ending, bool whitespaceEqual)
    {
        int end = SkipTrailing(text, span.Start, span.End);
        string spoken = Collapse(text.AsSpan(span.Start, end - span.Start), whitespaceEqual);
        return spoken.EndsWith(ending, StringComparison.Ordinal);
    }

    private static string Collapse(ReadOnlySpan<char> text, bool whitespaceEqual)
    {
        if (!whitespaceEqual) return text.ToString();
        var builder = new System.Text.StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && builder.Length > 0) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

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
}
