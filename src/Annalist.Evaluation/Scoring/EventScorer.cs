using Annalist.Core.Annotations;
using Annalist.Evaluation.Gold;
using Annalist.Evaluation.SystemOutput;

namespace Annalist.Evaluation.Scoring;

/// <summary>
/// Events as the gold format defines. A gold event is found (one to one) by a system event of the
/// same type and polarity whose evidence overlaps the gold evidence's sentence, when every gold role
/// filler is among the system's fillers of that role (through the entity alignment), every gold item
/// appears (texts contained either way, case-insensitive, same quantity where the gold gives one) and
/// the time values are equal where given. Role-filler F1 shows partial progress: a filler is right when
/// a system event of the same type in the gold event's sentence (paired one to one) has it in the same
/// role; its recall is over the fillers of every gold event and its precision over the fillers of every
/// system event, so events of the wrong type or never found cost what they should.
/// Counts: gold, system, matched, role_gold, role_system, role_correct.
/// </summary>
public static class EventScorer
{
    public const string Layer = LayerNames.Events;

    public static LayerScore Score(ResolvedGold gold, SystemLayers system, EntityAlignment entities, string? documentName = null)
    {
        var score = new LayerScoreBuilder(Layer, system.Has(LayerNames.Events), documentName);
        score.Declare(LayerMetrics.Gold, LayerMetrics.System, LayerMetrics.Matched, "role_gold", "role_system", "role_correct");
        var events = system.Get(LayerNames.Events);
        score.Add(LayerMetrics.Gold, gold.Events.Length);
        score.Add(LayerMetrics.System, events.Length);

        foreach (var expected in gold.Events)
        {
            foreach (var (_, fillers) in expected.Gold.Roles) score.Add("role_gold", fillers.Length);
        }
        foreach (var candidate in events)
        {
            var roles = candidate.Fields.Bag("roles") ?? FieldBag.Empty;
            foreach (string role in roles.Names) score.Add("role_system", roles.Strings(role).Distinct(StringComparer.Ordinal).Count());
        }

        var fullyUsed = new bool[events.Length];
        var typeUsed = new bool[events.Length];
        foreach (var expected in gold.Events)
        {
            int full = -1, sameType = -1;
            for (int s = 0; s < events.Length; s++)
            {
                var candidate = events[s];
                if (!candidate.Span.Overlaps(expected.Sentence) || candidate.Fields.String("type") != expected.Gold.Type) continue;
                if (sameType < 0 && !typeUsed[s]) sameType = s;
                if (full < 0 && !fullyUsed[s] && FullyMatches(expected.Gold, candidate.Fields, entities)) full = s;
            }
            string description = $"{expected.Gold.Type} {TimexScorer.Describe(expected.Evidence, expected.Gold.Evidence)}";
            if (full >= 0)
            {
                fullyUsed[full] = true;
                score.Add(LayerMetrics.Matched);
            }
            else score.Miss(description);

            int roleSource = full >= 0 && !typeUsed[full] ? full : sameType;
            if (roleSource >= 0)
            {
                typeUsed[roleSource] = true;
                CountRoles(expected.Gold, events[roleSource].Fields, entities, score);
                if (full < 0) score.Mismatch($"{description} ← system {events[roleSource].Fields.String("polarity") ?? "positive"} {TimexScorer.Describe(events[roleSource].Span, events[roleSource].Text)} (type matches; roles, items, time or polarity differ)");
            }
        }
        for (int s = 0; s < events.Length; s++)
        {
            if (!fullyUsed[s]) score.Spurious($"{events[s].Fields.String("type")} {TimexScorer.Describe(events[s].Span, events[s].Text)}");
        }
        return score.Build();
    }

    private static bool FullyMatches(GoldEvent gold, FieldBag system, EntityAlignment entities)
    {
        if (!string.Equals(gold.Polarity, system.String("polarity") ?? "positive", StringComparison.OrdinalIgnoreCase)) return false;
        var roles = system.Bag("roles") ?? FieldBag.Empty;
        foreach (var (role, fillers) in gold.Roles)
        {
            var systemFillers = roles.Strings(role);
            if (!fillers.All(goldId => systemFillers.Any(id => entities.Matches(goldId, id)))) return false;
        }
        var items = system.Bags("items");
        foreach (var item in gold.Items)
        {
            bool present = items.Any(candidate =>
                candidate.String("item") is { } text
                && (text.Contains(item.Item, StringComparison.OrdinalIgnoreCase) || item.Item.Contains(text, StringComparison.OrdinalIgnoreCase))
                && (item.Quantity is not { } quantity || candidate.Number("quantity") == quantity));
            if (!present) return false;
        }
        var time = system.Bag("time");
        if (gold.TimeStart is { } start && time?.String("start") != start) return false;
        if (gold.TimeEnd is { } end && time?.String("end") != end) return false;
        return true;
    }

    private static void CountRoles(GoldEvent gold, FieldBag system, EntityAlignment entities, LayerScoreBuilder score)
    {
        var roles = system.Bag("roles") ?? FieldBag.Empty;
        foreach (string role in roles.Names)
        {
            var systemFillers = roles.Strings(role).Distinct(StringComparer.Ordinal).ToList();
            if (!gold.Roles.TryGetValue(role, out var goldFillers)) continue;
            var unclaimed = new List<string>(goldFillers);
            foreach (string id in systemFillers)
            {
                int index = unclaimed.FindIndex(goldId => entities.Matches(goldId, id));
                if (index < 0) continue;
                unclaimed.RemoveAt(index);
                score.Add("role_correct");
            }
        }
    }
}
