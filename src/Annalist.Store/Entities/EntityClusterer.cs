namespace Annalist.Store.Entities;

/// <summary>
/// Gathers the document entities of one block (see <see cref="EntityBlocks"/>) into clusters, each one
/// corpus entity. People: given names and initials must agree where both have them (<c>J. Stalin</c>,
/// <c>Joseph Stalin</c>); two people of one surname with different given names stay two; a bare surname
/// (<c>Marshal Stalin</c>, <c>Stalin</c>) joins the only person of that surname, else the one whose titles
/// or roles it shares, else the one named in at least twice as many documents as any other (else it stays apart). Places of one gazetteer entry, and other
/// entities of one folded name, are one. The result does not depend on the order of the input.
/// </summary>
public static class EntityClusterer
{
    /// <summary>A user's split: in a cluster holding any of <paramref name="Members"/>, those named any of <paramref name="Names"/> go apart.</summary>
    public sealed record Split(long CorrectionId, IReadOnlySet<EntityMemberKey> Members, IReadOnlySet<string> Names);

    /// <summary>The clusters of <paramref name="members"/>, each member with the rule and evidence that put it there; largest first.</summary>
    public static List<List<DocumentEntity>> Cluster(IReadOnlyList<DocumentEntity> members, IReadOnlyList<Split>? splits = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        var ordered = members.OrderBy(m => m.DocumentKey, StringComparer.Ordinal).ThenBy(m => m.LocalId, StringComparer.Ordinal).ToList();
        var clusters = new List<Gathering>();
        if (ordered.Count > 0 && ordered[0].IsPerson && !ordered[0].BlockKey.StartsWith("gazetteer:", StringComparison.Ordinal)) ClusterPeople(ordered, clusters);
        else ClusterByKey(ordered, clusters);
        var result = clusters.Select(c => c.Members).ToList();
        foreach (var split in splits ?? []) result = ApplySplit(result, split);
        return [.. result.Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c[0].DocumentKey, StringComparer.Ordinal).ThenBy(c => c[0].LocalId, StringComparer.Ordinal)];
    }

    private sealed class Gathering
    {
        public List<DocumentEntity> Members { get; } = [];

        public IReadOnlyList<string> Given { get; set; } = [];

        public string Representative { get; set; } = "";

        public HashSet<string> Titles { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        /// <summary>Folded names with given names: what a "same-name" join must share (a bare surname is not enough).</summary>
        public HashSet<string> FullNames { get; } = new(StringComparer.Ordinal);

        public int Documents => Members.Select(m => m.DocumentKey).Distinct(StringComparer.Ordinal).Count();

        public void Add(DocumentEntity member, Profile profile, string rule, string evidence)
        {
            Members.Add(member with { Rule = rule, Evidence = evidence });
            if (profile.Given.Count > Given.Count || (profile.Given.Count == Given.Count && Letters(profile.Given) > Letters(Given)))
            {
                Given = profile.Given;
                Representative = profile.Longest;
            }
            if (Representative.Length == 0) Representative = profile.Longest;
            Titles.UnionWith(profile.Titles);
            Names.UnionWith(profile.Folded);
            FullNames.UnionWith(profile.Full);
        }
    }

    private sealed record Profile(IReadOnlyList<string> Given, string Longest, HashSet<string> Titles, HashSet<string> Folded)
    {
        public HashSet<string> Full { get; init; } = new(StringComparer.Ordinal);
    }

    private static Profile ProfileOf(DocumentEntity member)
    {
        IReadOnlyList<string> given = [];
        string longest = member.Name;
        var titles = new HashSet<string>(StringComparer.Ordinal);
        var folded = new HashSet<string>(StringComparer.Ordinal);
        var full = new HashSet<string>(StringComparer.Ordinal);
        foreach (string written in member.Names)
        {
            var name = EntityName.Parse(written, person: true);
            if (name.Given.Count > given.Count)
            {
                given = name.Given;
                longest = written;
            }
            titles.UnionWith(name.Titles);
            if (name.Words.Count > 0) folded.Add(name.Folded);
            if (name.Given.Count > 0) full.Add(name.Folded);
        }
        foreach (string role in member.Roles)
        {
            foreach (string word in EntityName.Parse(role, person: false).Words) titles.Add(word);
        }
        return new Profile(given, longest, titles, folded) { Full = full };
    }

    private static void ClusterPeople(List<DocumentEntity> ordered, List<Gathering> clusters)
    {
        var profiles = ordered.Select(ProfileOf).ToList();
        // Fullest names first, so that a cluster's given names are known before initials and bare surnames are judged.
        var order = Enumerable.Range(0, ordered.Count).OrderByDescending(i => profiles[i].Given.Count).ThenByDescending(i => Letters(profiles[i].Given)).ThenBy(i => i).ToList();
        var bare = new List<int>();
        foreach (int i in order)
        {
            var member = ordered[i];
            var profile = profiles[i];
            if (profile.Given.Count == 0)
            {
                bare.Add(i);
                continue;
            }
            Gathering? best = null;
            int bestScore = -1;
            foreach (var cluster in clusters)
            {
                if (!EntityName.GivenCompatible(cluster.Given, profile.Given)) continue;
                int score = cluster.FullNames.Overlaps(profile.Full) ? 1000 : CountEqual(cluster.Given, profile.Given);
                if (score > bestScore)
                {
                    best = cluster;
                    bestScore = score;
                }
            }
            if (best is null)
            {
                var created = new Gathering();
                created.Add(member, profile, "first", member.Name);
                clusters.Add(created);
                continue;
            }
            string rule = best.FullNames.Overlaps(profile.Full) ? "same-name" : EntityName.AgreeByInitial(best.Given, profile.Given) ? "initials" : "given-names";
            best.Add(member, profile, rule, $"{member.Name} ~ {best.Representative}");
        }
        Gathering? bareCluster = null, ambiguous = null;
        // Bare surnames are judged by what the named clusters were before any bare surname joined them, so
        // that the first to join does not draw all the others after it.
        var named = clusters.Where(c => c.Given.Count > 0).ToList();
        var documents = named.ToDictionary(c => c, c => c.Documents);
        var titles = named.ToDictionary(c => c, c => new HashSet<string>(c.Titles, StringComparer.Ordinal));
        foreach (int i in bare)
        {
            var member = ordered[i];
            var profile = profiles[i];
            if (named.Count == 0)
            {
                if (bareCluster is null)
                {
                    bareCluster = new Gathering();
                    clusters.Add(bareCluster);
                    bareCluster.Add(member, profile, "first", member.Name);
                }
                else
                {
                    bareCluster.Add(member, profile, bareCluster.Names.Overlaps(profile.Folded) ? "same-name" : "surname", $"{member.Name} ~ {bareCluster.Representative}");
                }
                continue;
            }
            if (named.Count == 1)
            {
                named[0].Add(member, profile, "surname", $"{member.Name} ~ {named[0].Representative}");
                continue;
            }
            var sharing = profile.Titles.Count == 0 ? [] : named.Where(c => titles[c].Overlaps(profile.Titles)).ToList();
            if (sharing.Count == 1)
            {
                sharing[0].Add(member, profile, "surname+role", $"{member.Name} ~ {sharing[0].Representative} ({string.Join(", ", titles[sharing[0]].Intersect(profile.Titles).Order(StringComparer.Ordinal))})");
                continue;
            }
            var pool = sharing.Count > 1 ? sharing : named;
            var ranked = pool.OrderByDescending(c => documents[c]).ThenBy(c => clusters.IndexOf(c)).ToList();
            if (documents[ranked[0]] < 2 * documents[ranked[1]])
            {
                // No clear favourite: the bare surname stays an entity of its own for a user to merge.
                if (ambiguous is null)
                {
                    ambiguous = new Gathering();
                    clusters.Add(ambiguous);
                }
                ambiguous.Add(member, profile, "surname, ambiguous", $"{member.Name} could be any of {string.Join("; ", ranked.Select(c => c.Representative))}");
                continue;
            }
            var chosen = ranked[0];
            chosen.Add(member, profile, "surname, most documents",
                $"{member.Name} ~ {chosen.Representative}, named in most documents of {pool.Count}: {string.Join("; ", pool.Select(c => c.Representative))}");
        }
    }

    private static void ClusterByKey(List<DocumentEntity> ordered, List<Gathering> clusters)
    {
        if (ordered.Count == 0) return;
        var cluster = new Gathering();
        clusters.Add(cluster);
        foreach (var member in ordered)
        {
            var profile = new Profile([], member.Name, new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
            if (cluster.Members.Count == 0) cluster.Add(member, profile, "first", member.Name);
            else if (member.Gazetteer is { } gazetteer) cluster.Add(member, profile, "gazetteer", $"{member.Name} ~ {cluster.Representative} ({gazetteer})");
            else cluster.Add(member, profile, "same-name", $"{member.Name} ~ {cluster.Representative}");
        }
    }

    private static List<List<DocumentEntity>> ApplySplit(List<List<DocumentEntity>> clusters, Split split)
    {
        var result = new List<List<DocumentEntity>>();
        foreach (var cluster in clusters)
        {
            if (!cluster.Any(m => split.Members.Contains(new EntityMemberKey(m.DocumentKey, m.LocalId))))
            {
                result.Add(cluster);
                continue;
            }
            var apart = cluster.Where(m => m.Names.Any(n => split.Names.Contains(FoldedName(n)))).ToList();
            if (apart.Count == 0 || apart.Count == cluster.Count)
            {
                result.Add(cluster);
                continue;
            }
            result.Add([.. cluster.Except(apart)]);
            result.Add([.. apart.Select(m => m with { Rule = "user-split", Evidence = $"split apart by correction {split.CorrectionId}" })]);
        }
        return result;
    }

    /// <summary>The form names are compared in by a split: folded words, titles kept (<c>Marshal Stalin</c> is not <c>Stalin</c>).</summary>
    public static string FoldedName(string name) => EntityName.Parse(name, person: false).Folded;

    private static int Letters(IReadOnlyList<string> words) => words.Sum(w => w.Length);

    private static int CountEqual(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        int n = Math.Min(a.Count, b.Count), equal = 0;
        for (int k = 0; k < n; k++)
        {
            if (a[k] == b[k]) equal++;
        }
        return equal;
    }
}
