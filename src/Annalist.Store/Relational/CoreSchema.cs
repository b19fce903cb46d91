namespace Annalist.Store.Relational;

/// <summary>The tables both dialects share, written once with the dialect's key and JSON types filled in.</summary>
internal static class CoreSchema
{
    /// <param name="identity">The column definition of a generated 64-bit primary key.</param>
    /// <param name="json">The type of a JSON column.</param>
    public static List<string> Version1(string identity, string json) =>
    [
        $"""
        CREATE TABLE documents (
            id {identity},
            doc_key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            source_path TEXT,
            sha256 TEXT NOT NULL,
            text TEXT NOT NULL,
            metadata {json} NOT NULL,
            pipeline_version TEXT NOT NULL,
            analyzed_at TEXT NOT NULL)
        """,
        "CREATE INDEX documents_by_name ON documents (name)",
        """
        CREATE TABLE layers (
            document_id BIGINT NOT NULL REFERENCES documents (id),
            name TEXT NOT NULL,
            producer TEXT NOT NULL,
            aligned_to TEXT,
            item_count INTEGER NOT NULL,
            PRIMARY KEY (document_id, name))
        """,
        $"""
        CREATE TABLE annotations (
            document_id BIGINT NOT NULL REFERENCES documents (id),
            layer TEXT NOT NULL,
            producer TEXT NOT NULL,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            fields {json} NOT NULL,
            correction_id BIGINT)
        """,
        "CREATE INDEX annotations_by_document ON annotations (document_id, layer, start_offset)",
        """
        CREATE TABLE diagnostics (
            document_id BIGINT NOT NULL REFERENCES documents (id),
            code TEXT NOT NULL,
            severity TEXT NOT NULL,
            message TEXT NOT NULL,
            start_offset INTEGER,
            end_offset INTEGER,
            producer TEXT)
        """,
        "CREATE INDEX diagnostics_by_document ON diagnostics (document_id)",
        $"""
        CREATE TABLE corrections (
            id {identity},
            doc_key TEXT NOT NULL,
            action TEXT NOT NULL,
            layer TEXT NOT NULL,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL,
            suffix TEXT NOT NULL,
            fields {json} NOT NULL,
            note TEXT,
            created_at TEXT NOT NULL)
        """,
        "CREATE INDEX corrections_by_document ON corrections (doc_key, id)",
    ];

    /// <summary>Corpus entities, the document entities gathered into them, and the facets search filters by.</summary>
    public static List<string> Version2(string identity) =>
    [
        $"""
        CREATE TABLE corpus_entities (
            id {identity},
            type TEXT NOT NULL,
            name TEXT NOT NULL,
            block_key TEXT NOT NULL,
            merged_into BIGINT)
        """,
        "CREATE INDEX corpus_entities_by_block ON corpus_entities (block_key)",
        """
        CREATE TABLE document_entities (
            document_id BIGINT NOT NULL REFERENCES documents (id),
            local_id TEXT NOT NULL,
            type TEXT NOT NULL,
            name TEXT NOT NULL,
            names TEXT NOT NULL,
            roles TEXT NOT NULL,
            gazetteer TEXT,
            block_key TEXT NOT NULL,
            search_key TEXT NOT NULL,
            entity_id BIGINT,
            rule TEXT NOT NULL,
            evidence TEXT NOT NULL,
            PRIMARY KEY (document_id, local_id))
        """,
        "CREATE INDEX document_entities_by_block ON document_entities (block_key)",
        "CREATE INDEX document_entities_by_entity ON document_entities (entity_id)",
        "CREATE INDEX document_entities_by_search_key ON document_entities (search_key)",
        """
        CREATE TABLE facets (
            document_id BIGINT NOT NULL REFERENCES documents (id),
            kind TEXT NOT NULL,
            value TEXT NOT NULL,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            earliest TEXT,
            latest TEXT)
        """,
        "CREATE INDEX facets_by_document ON facets (document_id, kind, start_offset)",
        "CREATE INDEX facets_by_value ON facets (kind, value)",
    ];

    /// <summary>
    /// The index an entity's occurrences are read by: from its document entities (document, local id) to their
    /// facets of one kind, with the offsets in the index so the rows need not be read.
    /// </summary>
    public static List<string> Version3() =>
    [
        "CREATE INDEX facets_by_document_value ON facets (document_id, kind, value, start_offset, end_offset)",
    ];
}
