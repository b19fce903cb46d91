using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Annalist.Core.Errors;
using Annalist.Core.Text;
using Annalist.Store.Corrections;
using Annalist.Store.Entities;
using Annalist.Store.Search;

namespace Annalist.Store.Relational;

/// <remarks>
/// Corpus entities: after each document is saved its entities are written with their block key, and
/// every block it touched is gathered again (<see cref="EntityClusterer"/>), so the work per document is
/// the size of its blocks, never the corpus. Corpus ids survive regathering: a cluster keeps the id most
/// of its members had. A user's merges and splits are corrections (document key empty, layer
/// <see cref="EntityLayer"/>) naming the document entities they concerned, replayed after every regathering.
/// </remarks>
public abstract partial class RelationalCorpusStore
{
    /// <summary>The layer name under which corpus-entity corrections are kept in the corrections table.</summary>
    public const string EntityLayer = "corpus_entities";

    private const string MemberColumns =
        "SELECT de.document_id, d.doc_key, de.local_id, de.type, de.names, de.roles, de.gazetteer, de.block_key, de.entity_id, de.rule, de.evidence " +
        "FROM document_entities de JOIN documents d ON d.id = de.document_id";

    private List<EntityCorrection>? _entityCorrections;

    private sealed record EntityCorrection(long Id, CorrectionAction Action, bool Unmerge, HashSet<EntityMemberKey> Into, HashSet<EntityMemberKey> From, HashSet<string> Names, HashSet<string> Blocks);

    public IReadOnlyList<CorpusEntity> ListEntities(EntityQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            if (!string.IsNullOrWhiteSpace(query.Name))
                return [.. FindEntities(query.Name, query.Type).Take(Math.Max(1, query.Limit))];
            string sql = "SELECT COALESCE(ce.merged_into, ce.id) AS root, COUNT(DISTINCT de.document_id) AS documents " +
                "FROM document_entities de JOIN corpus_entities ce ON ce.id = de.entity_id" +
                (query.Type is null ? "" : " WHERE ce.type = @t") +
                " GROUP BY COALESCE(ce.merged_into, ce.id) ORDER BY documents DESC, root LIMIT @l";
            var roots = new List<long>();
            using (var command = query.Type is null ? Command(null, sql, ("l", Math.Max(1, query.Limit))) : Command(null, sql, ("t", query.Type), ("l", Math.Max(1, query.Limit))))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read()) roots.Add(reader.GetInt64(0));
            }
            return [.. roots.Select(root => Describe(null, root)).OfType<CorpusEntity>()];
        }
        catch (DbException exception)
        {
            throw new AnnalistException(ErrorCatalogue.StoreFailed, exception, exception.Message);
        }
    }

    public IReadOnlyList<CorpusEntity> FindEntities(string idOrName, string? type = null)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        return [.. FindRoots(idOrName, type).Select(root => Describe(null, root)).OfType<CorpusEntity>().OrderByDescending(e => e.Documents).ThenBy(e => e.Id)];
    }

    /// <summary>The root ids of the entities an id or a name stands for, without describing them.</summary>
    private List<long> FindRoots(string idOrName, string? type)
    {
        string text = idOrName.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
        {
            if (RootOf(null, id) is not { } root) return [];
            return type is null || Scalar(null, "SELECT type FROM corpus_entities WHERE id = @i", ("i", root)) as string == type ? [root] : [];
        }
        var asPerson = EntityName.Parse(text, person: true);
        var asOther = EntityName.Parse(text, person: false);
        var keys = new[] { asPerson.Surname, asOther.Folded }.Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (keys.Length == 0) return [];
        var parameters = keys.Select((k, i) => ($"k{i}", (object?)k)).ToList();
        string sql = MemberColumns + " WHERE de.search_key IN (" + string.Join(", ", keys.Select((_, i) => $"@k{i}")) + ")" + (type is null ? "" : " AND de.type = @t");
        if (type is not null) parameters.Add(("t", type));
        var clusters = new HashSet<long>();
        foreach (var member in ReadMembers(null, sql, [.. parameters]))
        {
            if (member.EntityId != 0 && NameMatches(member, asPerson, asOther)) clusters.Add(member.EntityId);
        }
        var roots = new List<long>();
        foreach (long cluster in clusters.Order())
        {
            if (RootOf(null, cluster) is { } root && !roots.Contains(root)) roots.Add(root);
        }
        return roots;
    }

    public CorpusEntityDetails? GetEntity(long id, int maxOccurrences = 50)
    {
        try
        {
            if (RootOf(null, id) is not { } root) return null;
            var clusters = ClusterIdsOf(null, root);
            var members = ReadMembers(null, MemberColumns + " WHERE de.entity_id IN (" + string.Join(", ", clusters) + ") ORDER BY d.doc_key, de.local_id");
            if (Describe(null, root, members) is not { } entity) return null;
            return new CorpusEntityDetails(entity, members, Occurrences(clusters, DocumentFacets.Mention, maxOccurrences), Occurrences(clusters, DocumentFacets.Turn, maxOccurrences),
                [.. clusters.Where(c => c != root)]);
        }
        catch (DbException exception)
        {
            throw new AnnalistException(ErrorCatalogue.StoreFailed, exception, exception.Message);
        }
    }

    public IReadOnlyList<DocumentEntity> GetEntityMembers(long id)
    {
        try
        {
            return RootOf(null, id) is { } root ? MembersOf(null, root) : [];
        }
        catch (DbException exception)
        {
            throw new AnnalistException(ErrorCatalogue.StoreFailed, exception, exception.Message);
        }
    }

    public CorpusEntity MergeEntities(long into, long from, string? note = null)
    {
        return InTransaction(transaction =>
        {
            long target = RootOf(transaction, into) ?? throw new AnnalistException(ErrorCatalogue.EntityNotInStore, into);
            long source = RootOf(transaction, from) ?? throw new AnnalistException(ErrorCatalogue.EntityNotInStore, from);
            if (target == source) throw new AnnalistException(ErrorCatalogue.EntitiesAlreadyOne, into, from, target);
            var intoMembers = MembersOf(transaction, target);
            var fromMembers = MembersOf(transaction, source);
            var fields = new JsonObject
            {
                ["into"] = KeysJson(intoMembers),
                ["from"] = KeysJson(fromMembers),
                ["blocks"] = new JsonArray([.. intoMembers.Concat(fromMembers).Select(m => (JsonNode)m.BlockKey).DistinctBy(n => n.GetValue<string>())]),
            };
            string name = Describe(transaction, source)?.Name ?? from.ToString(CultureInfo.InvariantCulture);
            RecordEntityCorrection(transaction, CorrectionAction.MergeEntity, name, fields, note);
            ReplayMerges(transaction, intoMembers.Concat(fromMembers).Select(m => m.BlockKey).ToHashSet(StringComparer.Ordinal));
            return Describe(transaction, target)!;
        }, "entities");
    }

    public IReadOnlyList<CorpusEntity> SplitEntity(long id, IReadOnlyList<string> names, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        return InTransaction<IReadOnlyList<CorpusEntity>>(transaction =>
        {
            long root = RootOf(transaction, id) ?? throw new AnnalistException(ErrorCatalogue.EntityNotInStore, id);
            var members = MembersOf(transaction, root);
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in names) wanted.Add(EntityClusterer.FoldedName(name));
            wanted.Remove("");
            var apart = members.Where(m => m.Names.Any(n => wanted.Contains(EntityClusterer.FoldedName(n)))).ToList();
            if (apart.Count == 0 || apart.Count == members.Count)
                throw new AnnalistException(ErrorCatalogue.SplitNamesNotFound, id, string.Join(", ", names), string.Join(", ", members.SelectMany(m => m.Names).Distinct(StringComparer.Ordinal).Take(12)));
            var blocks = members.Select(m => m.BlockKey).ToHashSet(StringComparer.Ordinal);
            string label = string.Join(", ", names);
            // Names that are exactly what a user merged in: undo that merge rather than cut a cluster.
            var mergedIn = apart.Select(m => m.EntityId).Distinct().Where(c => c != root).ToList();
            if (mergedIn.Count > 0 && apart.All(m => m.EntityId != root) && members.Where(m => mergedIn.Contains(m.EntityId)).Count() == apart.Count)
            {
                RecordEntityCorrection(transaction, CorrectionAction.SplitEntity, label, new JsonObject
                {
                    ["unmerge"] = true,
                    ["from"] = KeysJson(apart),
                    ["blocks"] = new JsonArray([.. apart.Select(m => (JsonNode)m.BlockKey).DistinctBy(n => n.GetValue<string>())]),
                }, note);
                ReplayMerges(transaction, blocks);
            }
            else
            {
                RecordEntityCorrection(transaction, CorrectionAction.SplitEntity, label, new JsonObject
                {
                    ["members"] = KeysJson(members),
                    ["names"] = new JsonArray([.. wanted.Order(StringComparer.Ordinal).Select(n => (JsonNode)n)]),
                    ["blocks"] = new JsonArray([.. blocks.Order(StringComparer.Ordinal).Select(b => (JsonNode)b)]),
                }, note);
                foreach (string block in blocks.Order(StringComparer.Ordinal)) Regather(transaction, block);
                ReplayMerges(transaction, blocks);
            }
            var after = new List<CorpusEntity>();
            foreach (var member in new[] { members.First(m => !apart.Contains(m)), apart[0] })
            {
                var current = ReadMembers(transaction, MemberColumns + " WHERE de.document_id = @d AND de.local_id = @l", ("d", member.DocumentId), ("l", member.LocalId)).FirstOrDefault();
                if (current is not null && RootOf(transaction, current.EntityId) is { } r && Describe(transaction, r) is { } entity && after.All(e => e.Id != entity.Id)) after.Add(entity);
            }
            return after;
        }, "entities");
    }

    /// <summary>
    /// Writes a document's entities and facets anew. On a first analysis the plain cases are gathered at
    /// once (see <see cref="TryAssign"/>) and only the blocks with anything else are regathered; on a
    /// re-analysis every block the document's old and new entities are in is regathered.
    /// </summary>
    private void IndexEntitiesAndFacets(DbTransaction transaction, long documentId, string key, string text, DocumentMetadata metadata, IEnumerable<StoredAnnotation> rows)
    {
        var facets = DocumentFacets.From(documentId, key, text, metadata, rows);
        var previous = new Dictionary<string, (long Entity, string Block)>(StringComparer.Ordinal);
        using (var command = Command(transaction, "SELECT local_id, entity_id, block_key FROM document_entities WHERE document_id = @d", ("d", documentId)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) previous[reader.GetString(0)] = (reader.IsDBNull(1) ? 0 : reader.GetInt64(1), reader.GetString(2));
        }
        if (previous.Count > 0) Execute(transaction, "DELETE FROM document_entities WHERE document_id = @d", ("d", documentId));
        Execute(transaction, "DELETE FROM facets WHERE document_id = @d", ("d", documentId));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var members = facets.Entities.Where(e => seen.Add(e.LocalId)).ToList();
        var blocks = previous.Values.Select(v => v.Block).ToHashSet(StringComparer.Ordinal);
        blocks.UnionWith(members.Select(m => m.BlockKey));
        var toRegather = new HashSet<string>(StringComparer.Ordinal);
        if (previous.Count > 0)
        {
            toRegather.UnionWith(blocks);
            for (int i = 0; i < members.Count; i++)
            {
                if (previous.TryGetValue(members[i].LocalId, out var hint) && hint.Block == members[i].BlockKey && hint.Entity > 0)
                    members[i] = members[i] with { EntityId = hint.Entity, Rule = "first", Evidence = "" };
            }
        }
        else
        {
            var known = EntitiesOfBlocks(transaction, blocks);
            foreach (var group in members.GroupBy(m => m.BlockKey, StringComparer.Ordinal))
            {
                var assigned = TryAssign(transaction, group.Key, [.. group], known.GetValueOrDefault(group.Key) ?? []);
                if (assigned is null)
                {
                    toRegather.Add(group.Key);
                    continue;
                }
                foreach (var member in assigned) members[members.FindIndex(m => m.LocalId == member.LocalId)] = member;
            }
        }
        using (var command = Command(transaction,
            "INSERT INTO document_entities (document_id, local_id, type, name, names, roles, gazetteer, block_key, search_key, entity_id, rule, evidence) VALUES (@d, @l, @t, @n, @a, @r, @g, @b, @s, @e, @u, @v)",
            ("d", documentId), ("l", ""), ("t", ""), ("n", ""), ("a", ""), ("r", ""), ("g", null), ("b", ""), ("s", ""), ("e", null), ("u", ""), ("v", "")))
        {
            command.Prepare();
            foreach (var entity in members)
            {
                command.Parameters[1].Value = entity.LocalId;
                command.Parameters[2].Value = entity.Type;
                command.Parameters[3].Value = entity.Name;
                command.Parameters[4].Value = JsonSerializer.Serialize(entity.Names);
                command.Parameters[5].Value = JsonSerializer.Serialize(entity.Roles);
                command.Parameters[6].Value = (object?)entity.Gazetteer ?? DBNull.Value;
                command.Parameters[7].Value = entity.BlockKey;
                command.Parameters[8].Value = SearchKeyOf(entity);
                command.Parameters[9].Value = entity.EntityId > 0 ? entity.EntityId : DBNull.Value;
                command.Parameters[10].Value = entity.Rule;
                command.Parameters[11].Value = entity.Evidence;
                command.ExecuteNonQuery();
            }
        }
        InsertFacets(transaction, documentId, facets.Facets);
        foreach (string block in toRegather.Order(StringComparer.Ordinal)) Regather(transaction, block);
        ReplayMerges(transaction, blocks);
    }

    public void RenameDocument(string oldKey, string newKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(oldKey);
        ArgumentException.ThrowIfNullOrEmpty(newKey);
        InTransaction(transaction =>
        {
            if (Scalar(transaction, "SELECT id FROM documents WHERE doc_key = @k", ("k", oldKey)) is null) throw new AnnalistException(ErrorCatalogue.DocumentNotInStore, oldKey);
            if (Scalar(transaction, "SELECT id FROM documents WHERE doc_key = @k", ("k", newKey)) is not null) throw new AnnalistException(ErrorCatalogue.DocumentKeyTaken, oldKey, newKey);
            int hash = newKey.LastIndexOf('#');
            string sourcePath = hash > 0 && !File.Exists(newKey) ? newKey[..hash] : newKey;
            Execute(transaction, "UPDATE documents SET doc_key = @n, source_path = @s WHERE doc_key = @o", ("n", newKey), ("s", sourcePath), ("o", oldKey));
            Execute(transaction, "UPDATE corrections SET doc_key = @n WHERE doc_key = @o", ("n", newKey), ("o", oldKey));
            foreach (var correction in ReadCorrections(transaction, "").Where(c => c.Layer == EntityLayer))
            {
                var fields = correction.ParseFields();
                bool changed = false;
                foreach (string name in new[] { "into", "from", "members" })
                {
                    if (fields[name] is not JsonArray array) continue;
                    foreach (var item in array)
                    {
                        if (item is JsonArray { Count: 2 } pair && pair[0]?.GetValue<string>() == oldKey)
                        {
                            pair[0] = newKey;
                            changed = true;
                        }
                    }
                }
                if (changed) Execute(transaction, $"UPDATE corrections SET fields = {JsonValue("@f")} WHERE id = @i", ("f", fields.ToJsonString()), ("i", correction.Id));
            }
            _entityCorrections = null;
            return 0;
        }, oldKey);
    }

    /// <summary>The corpus entities of each of <paramref name="blocks"/>: id, canonical name.</summary>
    private Dictionary<string, List<(long Id, string Name)>> EntitiesOfBlocks(DbTransaction transaction, IReadOnlyCollection<string> blocks)
    {
        var result = new Dictionary<string, List<(long, string)>>(StringComparer.Ordinal);
        foreach (var chunk in blocks.Chunk(200))
        {
            var parameters = chunk.Select((b, i) => ($"b{i}", (object?)b)).ToArray();
            using var command = Command(transaction, "SELECT id, name, block_key FROM corpus_entities WHERE block_key IN (" + string.Join(", ", parameters.Select(p => "@" + p.Item1)) + ")", parameters);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                string block = reader.GetString(2);
                if (!result.TryGetValue(block, out var list)) result[block] = list = [];
                list.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }
        return result;
    }

    /// <summary>
    /// A new document's members of one block gathered without reading the block, when the case is plain:
    /// a block new to the corpus with one member; a block that is one entity anyway (anything but people);
    /// people each with given names agreeing with exactly one entity and naming it no more fully than it is
    /// named already, or each a bare surname in a block of one entity. Null when the block must be regathered.
    /// </summary>
    private List<DocumentEntity>? TryAssign(DbTransaction transaction, string block, List<DocumentEntity> members, List<(long Id, string Name)> entities)
    {
        if (EntityCorrections(transaction).Any(c => c.Action == CorrectionAction.SplitEntity && !c.Unmerge && c.Blocks.Contains(block))) return null;
        bool person = members[0].IsPerson && !block.StartsWith("gazetteer:", StringComparison.Ordinal);
        if (entities.Count == 0)
        {
            if (members.Count != 1) return null;
            var only = members[0];
            long created = Convert.ToInt64(Scalar(transaction, "INSERT INTO corpus_entities (type, name, block_key) VALUES (@t, @n, @b) RETURNING id",
                ("t", only.Type), ("n", only.Name), ("b", block)), CultureInfo.InvariantCulture);
            return [only with { EntityId = created, Rule = "first", Evidence = only.Name }];
        }
        if (!person)
        {
            if (entities.Count != 1) return null;
            var (id, name) = entities[0];
            return [.. members.Select(m => m with
            {
                EntityId = id,
                Rule = m.Gazetteer is null ? "same-name" : "gazetteer",
                Evidence = m.Gazetteer is null ? $"{m.Name} ~ {name}" : $"{m.Name} ~ {name} ({m.Gazetteer})",
            })];
        }
        var parsedEntities = entities.Select(e => (e.Id, e.Name, Parsed: EntityName.Parse(e.Name, person: true))).ToList();
        var result = new List<DocumentEntity>();
        foreach (var member in members)
        {
            var names = member.Names.Select(n => EntityName.Parse(n, person: true)).ToList();
            var fullest = names.OrderByDescending(n => n.Given.Count).ThenByDescending(n => n.Given.Sum(g => g.Length)).First();
            if (fullest.Given.Count > 0)
            {
                var compatible = parsedEntities.Where(e => e.Parsed.Given.Count > 0 && EntityName.GivenCompatible(e.Parsed.Given, fullest.Given)).ToList();
                if (compatible.Count != 1) return null;
                var (id, name, parsed) = compatible[0];
                bool fuller = fullest.Given.Count > parsed.Given.Count
                    || (fullest.Given.Count == parsed.Given.Count && fullest.Given.Sum(g => g.Length) > parsed.Given.Sum(g => g.Length));
                if (fuller) return null;
                string rule = names.Any(n => n.Given.Count > 0 && n.Folded == parsed.Folded) ? "same-name" : EntityName.AgreeByInitial(parsed.Given, fullest.Given) ? "initials" : "given-names";
                result.Add(member with { EntityId = id, Rule = rule, Evidence = $"{member.Name} ~ {name}" });
            }
            else
            {
                if (parsedEntities.Count != 1) return null;
                var (id, name, parsed) = parsedEntities[0];
                string rule = parsed.Given.Count == 0 && names.Any(n => n.Folded == parsed.Folded) ? "same-name" : "surname";
                result.Add(member with { EntityId = id, Rule = rule, Evidence = $"{member.Name} ~ {name}" });
            }
        }
        return result;
    }

    /// <summary>Writes facet rows; a dialect may do it in bulk.</summary>
    private protected virtual void InsertFacets(DbTransaction transaction, long documentId, IReadOnlyList<Facet> facets)
    {
        if (facets.Count == 0) return;
        using var command = Command(transaction, "INSERT INTO facets (document_id, kind, value, start_offset, end_offset, earliest, latest) VALUES (@d, @k, @v, @s, @e, @a, @b)",
            ("d", documentId), ("k", ""), ("v", ""), ("s", 0), ("e", 0), ("a", null), ("b", null));
        command.Prepare();
        foreach (var facet in facets)
        {
            command.Parameters[1].Value = facet.Kind;
            command.Parameters[2].Value = facet.Value;
            command.Parameters[3].Value = facet.Span.Start;
            command.Parameters[4].Value = facet.Span.End;
            command.Parameters[5].Value = (object?)facet.Earliest ?? DBNull.Value;
            command.Parameters[6].Value = (object?)facet.Latest ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
    }

    private static string SearchKeyOf(DocumentEntity entity)
    {
        var name = EntityName.Parse(entity.Name, entity.IsPerson);
        return entity.IsPerson ? name.Surname : name.Folded;
    }

    private static bool NameMatches(DocumentEntity member, EntityName asPerson, EntityName asOther)
    {
        foreach (string written in member.Names)
        {
            if (member.IsPerson)
            {
                var name = EntityName.Parse(written, person: true);
                // A name with given names finds only bearers named with agreeing given names, not every bare surname.
                if (asPerson.Surname.Length > 0 && name.Surname == asPerson.Surname && EntityName.GivenCompatible(name.Given, asPerson.Given)
                    && (asPerson.Given.Count == 0 || name.Given.Count > 0))
                    return true;
                if (name.Folded == asOther.Folded) return true;
            }
            else if (EntityName.Parse(written, person: false).Folded == asOther.Folded)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Gathers the entities of one block again, keeping corpus ids where it can, and removes entities left with no member.</summary>
    private void Regather(DbTransaction transaction, string block)
    {
        var members = ReadMembers(transaction, MemberColumns + " WHERE de.block_key = @b", ("b", block));
        var splits = EntityCorrections(transaction)
            .Where(c => c.Action == CorrectionAction.SplitEntity && !c.Unmerge && c.Blocks.Contains(block))
            .Select(c => new EntityClusterer.Split(c.Id, c.From, c.Names)).ToList();
        var existing = new HashSet<long>();
        using (var command = Command(transaction, "SELECT id FROM corpus_entities WHERE block_key = @b", ("b", block)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) existing.Add(reader.GetInt64(0));
        }
        var before = members.ToDictionary(m => (m.DocumentId, m.LocalId), m => m);
        var used = new HashSet<long>();
        foreach (var cluster in EntityClusterer.Cluster(members, splits))
        {
            long id = cluster.Select(m => before[(m.DocumentId, m.LocalId)].EntityId)
                .Where(e => e > 0 && existing.Contains(e) && !used.Contains(e))
                .GroupBy(e => e).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefault();
            string name = CanonicalName(cluster);
            if (id == 0)
            {
                id = Convert.ToInt64(Scalar(transaction, "INSERT INTO corpus_entities (type, name, block_key) VALUES (@t, @n, @b) RETURNING id",
                    ("t", cluster[0].Type), ("n", name), ("b", block)), CultureInfo.InvariantCulture);
            }
            else
            {
                Execute(transaction, "UPDATE corpus_entities SET name = @n, type = @t WHERE id = @i AND (name <> @n OR type <> @t)", ("n", name), ("t", cluster[0].Type), ("i", id));
            }
            used.Add(id);
            foreach (var member in cluster)
            {
                var old = before[(member.DocumentId, member.LocalId)];
                if (old.EntityId == id && old.Rule == member.Rule && old.Evidence == member.Evidence) continue;
                Execute(transaction, "UPDATE document_entities SET entity_id = @e, rule = @r, evidence = @v WHERE document_id = @d AND local_id = @l",
                    ("e", id), ("r", member.Rule), ("v", member.Evidence), ("d", member.DocumentId), ("l", member.LocalId));
            }
        }
        foreach (long gone in existing.Where(e => !used.Contains(e)))
        {
            Execute(transaction, "UPDATE corpus_entities SET merged_into = NULL WHERE merged_into = @i", ("i", gone));
            Execute(transaction, "DELETE FROM corpus_entities WHERE id = @i", ("i", gone));
        }
    }

    /// <summary>Re-applies, in the order they were made, the user's merges (and undone merges) that concern <paramref name="blocks"/>.</summary>
    private void ReplayMerges(DbTransaction transaction, IReadOnlySet<string> blocks)
    {
        foreach (var correction in EntityCorrections(transaction))
        {
            if (correction.Action == CorrectionAction.SplitEntity && !correction.Unmerge) continue;
            if (!correction.Blocks.Overlaps(blocks)) continue;
            long from = CurrentCluster(transaction, correction.From, correction.Blocks);
            if (from == 0) continue;
            if (correction.Unmerge)
            {
                Execute(transaction, "UPDATE corpus_entities SET merged_into = NULL WHERE id = @i", ("i", from));
                continue;
            }
            long into = CurrentCluster(transaction, correction.Into, correction.Blocks);
            if (into == 0 || RootOf(transaction, into) is not { } root || root == from) continue;
            Execute(transaction, "UPDATE corpus_entities SET merged_into = @r WHERE id = @i OR merged_into = @i", ("r", root), ("i", from));
        }
    }

    /// <summary>The cluster most of <paramref name="keys"/> are in now (0 when none is stored any more).</summary>
    private long CurrentCluster(DbTransaction transaction, HashSet<EntityMemberKey> keys, HashSet<string> blocks)
    {
        var votes = new Dictionary<long, int>();
        foreach (string block in blocks)
        {
            foreach (var member in ReadMembers(transaction, MemberColumns + " WHERE de.block_key = @b", ("b", block)))
            {
                if (member.EntityId > 0 && keys.Contains(new EntityMemberKey(member.DocumentKey, member.LocalId))) votes[member.EntityId] = votes.GetValueOrDefault(member.EntityId) + 1;
            }
        }
        return votes.Count == 0 ? 0 : votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key).First().Key;
    }

    private static string CanonicalName(List<DocumentEntity> cluster) =>
        cluster.SelectMany(m => m.Names)
            .GroupBy(n => n, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Count: g.Count(), Words: EntityName.Parse(g.Key, cluster[0].IsPerson) is var p ? (cluster[0].IsPerson ? p.Given.Count + (p.Surname.Length > 0 ? 1 : 0) : p.Words.Count) : 0,
                Letters: g.Key.Length))
            .OrderByDescending(c => c.Words).ThenByDescending(c => c.Count).ThenByDescending(c => c.Letters).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name).FirstOrDefault() ?? cluster[0].LocalId;

    private long? RootOf(DbTransaction? transaction, long id)
    {
        using var command = Command(transaction, "SELECT id, merged_into FROM corpus_entities WHERE id = @i", ("i", id));
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return reader.IsDBNull(1) ? reader.GetInt64(0) : reader.GetInt64(1);
    }

    private List<long> ClusterIdsOf(DbTransaction? transaction, long root)
    {
        var ids = new List<long> { root };
        using var command = Command(transaction, "SELECT id FROM corpus_entities WHERE merged_into = @r ORDER BY id", ("r", root));
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }

    private List<DocumentEntity> MembersOf(DbTransaction? transaction, long root) =>
        ReadMembers(transaction, MemberColumns + " WHERE de.entity_id IN (" + string.Join(", ", ClusterIdsOf(transaction, root)) + ") ORDER BY d.doc_key, de.local_id");

    private CorpusEntity? Describe(DbTransaction? transaction, long root, List<DocumentEntity>? members = null)
    {
        string type, name;
        using (var command = Command(transaction, "SELECT type, name FROM corpus_entities WHERE id = @i", ("i", root)))
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read()) return null;
            type = reader.GetString(0);
            name = reader.GetString(1);
        }
        members ??= MembersOf(transaction, root);
        var names = members.SelectMany(m => m.Names).GroupBy(n => n, StringComparer.Ordinal).OrderByDescending(g => g.Key == name).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key);
        var roles = members.SelectMany(m => m.Roles).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var gazetteers = members.Select(m => m.Gazetteer).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return new CorpusEntity(root, type, name, [.. names], [.. roles], members.Select(m => m.DocumentId).Distinct().Count(), [.. gazetteers]);
    }

    private List<EntityOccurrence> Occurrences(List<long> clusters, string kind, int max)
    {
        var found = new List<(long Document, string Key, string Name, TextSpan Span)>();
        // The entity's few document entities lead, each finding its facets by (document, kind, value); SQLite keeps
        // the order of a CROSS JOIN, and without statistics it would otherwise scan every facet of the kind.
        string sql = "SELECT f.document_id, d.doc_key, d.name, f.start_offset, f.end_offset FROM document_entities de " +
            "CROSS JOIN facets f JOIN documents d ON d.id = f.document_id " +
            $"WHERE f.document_id = de.document_id AND f.kind = @k AND f.value = de.local_id AND de.entity_id IN ({string.Join(", ", clusters)}) " +
            "ORDER BY d.doc_key, f.start_offset LIMIT @m";
        using (var command = Command(null, sql, ("k", kind), ("m", Math.Max(1, max))))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) found.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), new TextSpan(reader.GetInt32(3), reader.GetInt32(4))));
        }
        var texts = new Dictionary<long, string>();
        var result = new List<EntityOccurrence>();
        foreach (var (document, key, name, span) in found)
        {
            if (!texts.TryGetValue(document, out var text))
            {
                text = Scalar(null, "SELECT text FROM documents WHERE id = @d", ("d", document)) as string ?? "";
                texts[document] = text;
            }
            if (span.End > text.Length) continue;
            const int Context = 60;
            int before = Math.Max(0, span.Start - Context), after = Math.Min(text.Length, span.End + Context);
            result.Add(new EntityOccurrence(key, name, span, text[span.Start..span.End], text[before..span.Start], text[span.End..after]));
        }
        return result;
    }

    private List<DocumentEntity> ReadMembers(DbTransaction? transaction, string sql, params (string, object?)[] parameters)
    {
        var result = new List<DocumentEntity>();
        using var command = Command(transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new DocumentEntity(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                ParseStrings(reader.GetString(4)), ParseStrings(reader.GetString(5)), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7))
            {
                EntityId = reader.IsDBNull(8) ? 0 : reader.GetInt64(8),
                Rule = reader.GetString(9),
                Evidence = reader.GetString(10),
            });
        }
        return result;
    }

    private static ImmutableArray<string> ParseStrings(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ImmutableArray<string>>(json);
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static JsonArray KeysJson(IEnumerable<DocumentEntity> members) =>
        new([.. members.Select(m => (JsonNode)new JsonArray(m.DocumentKey, m.LocalId))]);

    private void RecordEntityCorrection(DbTransaction transaction, CorrectionAction action, string name, JsonObject fields, string? note)
    {
        Execute(transaction,
            $"INSERT INTO corrections (doc_key, action, layer, start_offset, end_offset, exact, prefix, suffix, fields, note, created_at) VALUES ('', @a, @l, 0, 0, @x, '', '', {JsonValue("@j")}, @n, @t)",
            ("a", action.Name()), ("l", EntityLayer), ("x", name), ("j", fields.ToJsonString()), ("n", note), ("t", Now()));
        _entityCorrections = null;
    }

    /// <summary>The user's merges and splits of corpus entities, in the order they were made (read once per store instance).</summary>
    private List<EntityCorrection> EntityCorrections(DbTransaction? transaction)
    {
        if (_entityCorrections is not null) return _entityCorrections;
        var result = new List<EntityCorrection>();
        foreach (var correction in ReadCorrections(transaction, ""))
        {
            if (correction.Layer != EntityLayer) continue;
            var fields = correction.ParseFields();
            result.Add(new EntityCorrection(correction.Id, correction.Action, fields["unmerge"]?.GetValue<bool>() == true,
                KeysOf(fields["into"]), KeysOf(fields["from"] ?? fields["members"]), StringsOf(fields["names"]), StringsOf(fields["blocks"])));
        }
        _entityCorrections = result;
        return result;
    }

    private static HashSet<EntityMemberKey> KeysOf(JsonNode? node)
    {
        var keys = new HashSet<EntityMemberKey>();
        if (node is not JsonArray array) return keys;
        foreach (var item in array)
        {
            if (item is JsonArray { Count: 2 } pair && pair[0]?.GetValue<string>() is { } key && pair[1]?.GetValue<string>() is { } local) keys.Add(new EntityMemberKey(key, local));
        }
        return keys;
    }

    private static HashSet<string> StringsOf(JsonNode? node) =>
        node is JsonArray array ? array.Select(n => n?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
}
