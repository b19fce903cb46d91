using System.Text;
using Annalist.Core.Errors;
using Annalist.Store.Search;

namespace Annalist.Store.Relational;

/// <summary>A search's filters as SQL conditions on the passage row <c>p</c>, and their parameters.</summary>
internal sealed record FilterClause(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)
{
    public static FilterClause None { get; } = new("", []);
}

public abstract partial class RelationalCorpusStore
{
    // Mentions and events lie within one paragraph: bounding their start on both sides lets the index on
    // (document, kind, start) read only that paragraph's facets. Turns and dates may span paragraphs.
    private const string InParagraph = " AND f.start_offset >= p.start_offset AND f.start_offset < p.end_offset";
    private const string Overlapping = " AND f.start_offset < p.end_offset AND f.end_offset > p.start_offset";

    /// <summary>Resolves the filters' names to corpus entities and writes them as EXISTS conditions on the facets.</summary>
    /// <exception cref="AnnalistException">ANL5009 when a name finds no entity; ANL5010 for a date that is not one.</exception>
    private protected FilterClause FilterSql(SearchFilters filters)
    {
        if (filters.IsEmpty) return FilterClause.None;
        var sql = new StringBuilder();
        var parameters = new List<(string, object?)>();
        void Entities(IEnumerable<string> wanted, string kind, string? type, string what)
        {
            foreach (string name in wanted)
            {
                var found = FindRoots(name, type);
                if (found.Count == 0 && type is not null && kind == DocumentFacets.Turn) found = FindRoots(name, null);
                if (found.Count == 0) throw new AnnalistException(ErrorCatalogue.FilterEntityNotFound, what, name);
                var clusters = found.SelectMany(root => ClusterIdsOf(null, root)).Distinct().Order();
                string ids = string.Join(", ", clusters);
                // First the entity's documents, a small set read once from its own rows; then, in those only,
                // the paragraph's facets.
                sql.Append(" AND p.document_id IN (SELECT de.document_id FROM document_entities de WHERE de.entity_id IN (").Append(ids).Append("))")
                    .Append(" AND EXISTS (SELECT 1 FROM facets f JOIN document_entities de ON de.document_id = f.document_id AND de.local_id = f.value")
                    .Append(" WHERE f.document_id = p.document_id AND f.kind = '").Append(kind).Append('\'')
                    .Append(kind == DocumentFacets.Mention ? InParagraph : Overlapping)
                    .Append(" AND de.entity_id IN (").Append(ids).Append("))");
            }
        }
        Entities(filters.Persons, DocumentFacets.Mention, "person", "person");
        Entities(filters.Places, DocumentFacets.Mention, "place", "place");
        Entities(filters.Speakers, DocumentFacets.Turn, "person", "speaker");
        foreach (string type in filters.EventTypes)
        {
            string parameter = $"ev{parameters.Count}";
            parameters.Add((parameter, type.Trim().ToLowerInvariant()));
            sql.Append(" AND EXISTS (SELECT 1 FROM facets f WHERE f.document_id = p.document_id AND f.kind = 'event'")
                .Append(InParagraph).Append(" AND LOWER(f.value) = @").Append(parameter).Append(')');
        }
        var (earliest, latest) = filters.Range();
        if (earliest is not null || latest is not null)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM facets f WHERE f.document_id = p.document_id AND f.kind = 'time'").Append(Overlapping);
            if (earliest is not null)
            {
                parameters.Add(("from", earliest));
                sql.Append(" AND (f.latest IS NULL OR f.latest >= @from)");
            }
            if (latest is not null)
            {
                parameters.Add(("to", latest));
                sql.Append(" AND (f.earliest IS NULL OR f.earliest <= @to)");
            }
            sql.Append(')');
        }
        return new FilterClause(sql.ToString(), parameters);
    }
}
