using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Annalist.Core.Text;
using Annalist.Web.Corpus;

namespace Annalist.Web.Api;

public sealed record Page<T>(int Total, int Offset, int Limit, IReadOnlyList<T> Items);

/// <summary>A stored document with its text, the layers asked for and its diagnostics.</summary>
public sealed record DocumentView(long Id, string Key, string Name, DocumentMetadata Metadata, string PipelineVersion, DateTimeOffset AnalyzedAt,
    string Text, IReadOnlyList<LayerView> Layers, IReadOnlyList<LayerInfo> AllLayers, IReadOnlyList<DiagnosticView> Diagnostics, IReadOnlyList<CorrectionView> Corrections);

public sealed record LayerInfo(string Name, string Producer, string? AlignedTo, int Count);

public sealed record LayerView(string Name, string Producer, string? AlignedTo, IReadOnlyList<AnnotationView> Items);

/// <summary>One annotation: its half-open UTF-16 span and its fields as the JSON writer renders them.</summary>
public sealed record AnnotationView(int Start, int End, [property: JsonConverter(typeof(RawJsonConverter))] string Fields, long? Correction);

public sealed record DiagnosticView(string Code, string Severity, string Message, int? Start, int? End, string? Producer);

public sealed record CorrectionView(long Id, string Action, string Layer, int Start, int End, string Exact,
    [property: JsonConverter(typeof(RawJsonConverter))] string Fields, string? Note, DateTimeOffset CreatedAt);

/// <summary>A line of the entity list.</summary>
public sealed record EntitySummary(string Id, string Type, string Name, System.Collections.Immutable.ImmutableArray<string> Roles, int Documents, int Mentions);

/// <summary>An entity of the corpus, with what it said, where it is mentioned and the events it takes part in.</summary>
public sealed record EntityView(CorpusEntity Entity, IReadOnlyList<Passage> Mentions, IReadOnlyList<SpeechView> Turns, IReadOnlyList<EntityEventView> Events, int TotalMentions);

public sealed record SpeechView(Passage Passage, string? Mode);

public sealed record EntityEventView(Passage Passage, string Type, string Relation, IReadOnlyList<string> Roles);

/// <summary>The entities of one document, by type.</summary>
public sealed record DocumentEntitiesView(long Document, IReadOnlyList<DocumentEntity> Entities);

public sealed record SearchView(string Query, int Limit, double Milliseconds, IReadOnlyList<SearchHitView> Hits);

public sealed record SearchHitView(long? Document, string DocumentKey, string DocumentName, int Paragraph, int ParagraphStart, int ParagraphEnd,
    int Start, int End, string Before, string Matched, string After, bool MoreBefore, bool MoreAfter, string Citation, double Score);

/// <summary>What a client sends to correct an annotation.</summary>
public sealed record CorrectionRequest(long Document, string Action, string? Layer, int Start, int End, Dictionary<string, System.Text.Json.JsonElement>? Fields, string? Note);

public sealed record CorrectionResult(long Id, bool Anchored, int? Start, int? End, int Changed);

public sealed record AntiforgeryView(string Token, string Header, string TokenHeader);

public sealed record ServerInfo(string Store, int Documents, int Entities, double IndexSeconds, bool Pages, ImmutableArray<string> Layers);

/// <summary>What a client sends to merge entity <see cref="From"/> into the entity of the route.</summary>
public sealed record EntityMergeRequest(string? From, string? Note);

/// <summary>What a client sends to split the document entities named <see cref="Names"/> off the entity of the route.</summary>
public sealed record EntitySplitRequest(IReadOnlyList<string>? Names, string? Note);
