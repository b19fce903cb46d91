using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Evaluation.Gold;
using Annalist.Evaluation.SystemOutput;

namespace Annalist.Evaluation.Scoring;

/// <summary>Which system entity ids each gold entity id was matched to (empty when not found).</summary>
public sealed class EntityAlignment
{
    private readonly ImmutableDictionary<string, ImmutableHashSet<string>> _matches;

    public EntityAlignment(ImmutableDictionary<string, ImmutableHashSet<string>> matches) => _matches = matches;

    public static EntityAlignment None { get; } = new(ImmutableDictionary<string, ImmutableHashSet<string>>.Empty);

    public ImmutableHashSet<string> SystemIdsFor(string goldId) => _matches.TryGetValue(goldId, out var ids) ? ids : [];

    /// <summary>True when the system entity <paramref name="systemId"/> was matched to gold entity <paramref name="goldId"/>.</summary>
    public bool Matches(string goldId, string? systemId) => systemId is not null && SystemIdsFor(goldId).Contains(systemId);
}

/// <summary>
/// Entities as the gold format defines: a gold entity is found when a system entity of an accepted
/// type has every gold mention (or one alternative of each) among its mention texts, case-sensitively;
/// mention texts are its <c>aliases</c> and the texts of its items in <c>mentions</c>. Gold and system
/// entities are paired one to one (a maximum matching), so an entity that lumps several together
/// finds only one. Precision counts system entities of the four scored types left unpaired. Mention recall is the share of
/// (entity, core form) pairs all of whose counted occurrences lie inside system mentions of an
/// accepted-type system entity having that form (one matched to the gold entity, when it was found).
/// Counts: gold, system, found_gold, matched_system, mention_pairs, mention_pairs_found.
/// </summary>
public static class EntityScorer
{
    public const string Layer = LayerNames.Entities;

    private static readonly HashSet<string> ScoredTypes = new(StringComparer.Ordinal) { "person", "place", "organization", "group" };

    public static (LayerScore Score, EntityAlignment Alignment) Score(ResolvedGold gold, SystemLayers system, string? documentName = null)
    {
        var entities = gold.File.Entities ?? [];
        var score = new LayerScoreBuilder(Layer, system.Has(LayerNames.Entities), documentName);
        score.Declare(LayerMetrics.Gold, LayerMetrics.System, LayerMetrics.FoundGold, LayerMetrics.MatchedSystem, "mention_pairs", "mention_pairs_found");

        var mentions = system.Get(LayerNames.Mentions);
        var systemEntities = system.Get(LayerNames.Entities)
            .Select(item => new SystemEntity(
                item.Fields.String("id") ?? "",
                item.Fields.String("type"),
                item.Fields.String("name") ?? item.Text,
                new HashSet<string>(item.Fields.Strings("aliases").Concat(mentions.Where(m => m.Fields.String("entity") == item.Fields.String("id")).Select(m => m.Text)), StringComparer.Ordinal)))
            .Where(e => e.Type is not null && ScoredTypes.Contains(e.Type))
            .ToList();

        score.Add(LayerMetrics.Gold, entities.Length);
        score.Add(LayerMetrics.System, systemEntities.Count);
        var candidates = entities
            .Select(entity => systemEntities
                .Select((s, index) => (s, index))
                .Where(c => entity.AcceptsType(c.s.Type) && entity.Mentions.All(alternatives => alternatives.Any(c.s.Texts.Contains)))
                .Select(c => c.index)
                .ToList())
            .ToList();
        int[] partner = OneToOne(candidates, systemEntities.Count);

        var matches = ImmutableDictionary.CreateBuilder<string, ImmutableHashSet<string>>(StringComparer.Ordinal);
        var matchedSystem = new bool[systemEntities.Count];
        for (int g = 0; g < entities.Length; g++)
        {
            var entity = entities[g];
            if (partner[g] >= 0)
            {
                matchedSystem[partner[g]] = true;
                matches[entity.Id] = [systemEntities[partner[g]].Id];
                score.Add(LayerMetrics.FoundGold);
            }
            else
            {
                matches[entity.Id] = [];
                string why = candidates[g].Count > 0 ? " (its only candidates were matched to other gold entities)" : "";
                score.Miss($"{entity.Type} {entity.Id} [{string.Join(", ", entity.Mentions.Select(m => m[0]))}]{why}");
            }
        }
        for (int s = 0; s < systemEntities.Count; s++)
        {
            var entity = systemEntities[s];
            if (matchedSystem[s]) score.Add(LayerMetrics.MatchedSystem);
            else score.Spurious($"{entity.Type} {entity.Id} \"{entity.Name}\" [{string.Join(", ", entity.Texts)}]");
        }
        var alignment = new EntityAlignment(matches.ToImmutable());

        var typeOf = systemEntities.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var pair in gold.Mentions)
        {
            if (pair.Occurrences.IsEmpty) continue;
            score.Add("mention_pairs");
            var right = alignment.SystemIdsFor(pair.Entity.Id);
            bool IsRight(string? id) =>
                id is not null && typeOf.TryGetValue(id, out var entity) && pair.Entity.AcceptsType(entity.Type)
                && (right.IsEmpty ? entity.Texts.Contains(pair.CoreForm) : right.Contains(id));
            int covered = pair.Occurrences.Count(occurrence => mentions.Any(m => m.Span.Contains(occurrence) && IsRight(m.Fields.String("entity"))));
            if (covered == pair.Occurrences.Length) score.Add("mention_pairs_found");
            else score.Mismatch($"mention \"{pair.CoreForm}\" of {pair.Entity.Id}: {covered} of {pair.Occurrences.Length} occurrences inside a mention of the right entity");
        }
        return (score.Build(), alignment);
    }

    /// <summary>
    /// A maximum one-to-one matching of gold entities to candidate system entities (augmenting paths),
    /// so that one system entity lumping several people together finds at most one of them.
    /// </summary>
    private static int[] OneToOne(List<List<int>> candidates, int systemCount)
    {
        var goldOf = new int[systemCount];
        Array.Fill(goldOf, -1);
        var partner = new int[candidates.Count];
        Array.Fill(partner, -1);
        for (int g = 0; g < candidates.Count; g++) TryAugment(g, new bool[systemCount]);
        return partner;

        bool TryAugment(int g, bool[] visited)
        {
            foreach (int s in candidates[g])
            {
                if (visited[s]) continue;
                visited[s] = true;
                if (goldOf[s] < 0 || TryAugment(goldOf[s], visited))
                {
                    goldOf[s] = g;
                    partner[g] = s;
                    return true;
                }
            }
            return false;
        }
    }

    private sealed record SystemEntity(string Id, string? Type, string Name, HashSet<string> Texts);
}
