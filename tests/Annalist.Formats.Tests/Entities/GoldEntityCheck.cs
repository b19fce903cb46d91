using System.Text.Json;
using Annalist.Core.Entities;

namespace Annalist.Formats.Tests.Entities;

/// <summary>
/// The entity rule of <c>gold-format.md</c> (entity P/R/F1 and mention recall), for measuring the entity
/// layers on gold files until <c>annalist eval</c> scores them.
/// </summary>
internal static class GoldEntityCheck
{
    public sealed record Result(int GoldEntities, int Found, int SystemEntities, int SystemMatched, int MentionPairs, int MentionsCovered, List<string> Misses)
    {
        public double Precision => SystemEntities == 0 ? 0 : (double)SystemMatched / SystemEntities;

        public double Recall => GoldEntities == 0 ? 0 : (double)Found / GoldEntities;

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public double MentionRecall => MentionPairs == 0 ? 0 : (double)MentionsCovered / MentionPairs;
    }

    private sealed record GoldEntity(string Id, HashSet<string> Types, List<string[]> Mentions);

    public static Result Score(string goldJson, string text, IReadOnlyList<Entity> entities, IReadOnlyList<Mention> systemMentions)
    {
        using var document = JsonDocument.Parse(goldJson);
        var gold = new List<GoldEntity>();
        foreach (var e in document.RootElement.GetProperty("entities").EnumerateArray())
        {
            var types = new HashSet<string> { e.GetProperty("type").GetString()! };
            if (e.TryGetProperty("also_types", out var also)) foreach (var t in also.EnumerateArray()) types.Add(t.GetString()!);
            var mentions = new List<string[]>();
            foreach (var m in e.GetProperty("mentions").EnumerateArray())
                mentions.Add(m.ValueKind == JsonValueKind.Array ? [.. m.EnumerateArray().Select(x => x.GetString()!)] : [m.GetString()!]);
            gold.Add(new GoldEntity(e.GetProperty("id").GetString()!, types, mentions));
        }
        var misses = new List<string>();
        var matchedSystem = new HashSet<string>();
        var matchOf = new Dictionary<string, Entity>();
        foreach (var g in gold)
        {
            var match = entities.FirstOrDefault(s => g.Types.Contains(EntityTypeNames.Of(s.Type)) && g.Mentions.All(alternatives => alternatives.Any(s.Aliases.Contains)));
            if (match is null) { misses.Add($"entity {g.Id} not found"); continue; }
            matchedSystem.Add(match.Id);
            matchOf[g.Id] = match;
        }
        foreach (var s in entities.Where(s => !matchedSystem.Contains(s.Id))) misses.Add($"extra {EntityTypeNames.Of(s.Type)} {s.Id} [{string.Join(" | ", s.Aliases)}]");

        var goldSpans = new List<(string Id, int Start, int End)>();
        foreach (var g in gold)
        {
            foreach (var alternatives in g.Mentions)
            {
                foreach (int start in Occurrences(text, alternatives[0])) goldSpans.Add((g.Id, start, start + alternatives[0].Length));
            }
        }
        int pairs = 0, covered = 0;
        foreach (var g in gold)
        {
            foreach (var alternatives in g.Mentions)
            {
                pairs++;
                string core = alternatives[0];
                var entity = matchOf.GetValueOrDefault(g.Id)
                    ?? entities.FirstOrDefault(s => g.Types.Contains(EntityTypeNames.Of(s.Type)) && s.Aliases.Contains(core));
                bool ok = entity is not null;
                foreach (int start in Occurrences(text, core))
                {
                    int end = start + core.Length;
                    if (goldSpans.Any(o => o.Id != g.Id && o.Start <= start && o.End >= end && o.End - o.Start > end - start)) continue;
                    bool inside = entity is not null && systemMentions.Any(m => m.EntityId == entity.Id && m.Span.Start <= start && m.Span.End >= end);
                    if (!inside) { ok = false; misses.Add($"mention {g.Id} '{core}' at {start} not covered"); }
                }
                if (ok) covered++;
            }
        }
        return new Result(gold.Count, matchOf.Count, entities.Count, matchedSystem.Count, pairs, covered, misses);
    }

    /// <summary>Whole-word occurrences, as the gold format defines them.</summary>
    public static IEnumerable<int> Occurrences(string text, string value)
    {
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            bool startOk = !char.IsLetterOrDigit(value[0]) || i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            int end = i + value.Length;
            bool endOk = !char.IsLetterOrDigit(value[^1]) || end >= text.Length || !char.IsLetterOrDigit(text[end]);
            if (startOk && endOk) yield return i;
        }
    }
}
