using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Store;

/// <summary>What decides whether a document must be analyzed again: its text's hash and the pipeline that analyzed it.</summary>
public readonly record struct DocumentFingerprint(string Sha256, string PipelineVersion);

/// <summary>A stored document.</summary>
/// <param name="Key">Its identity in the store: the full path of its file (or the reader's source id).</param>
public sealed record StoredDocument(long Id, string Key, string Name, string? SourcePath, string Sha256, string Text, DocumentMetadata Metadata, string PipelineVersion, DateTimeOffset AnalyzedAt);

/// <summary>A layer of a stored document: its producer and how many items it has.</summary>
public sealed record StoredLayer(string Name, string Producer, string? AlignedTo, int Count);

/// <summary>
/// One stored annotation. <see cref="Fields"/> is a JSON object of its fields as the JSON writer renders
/// them (fields of aligned layers folded in). <see cref="CorrectionId"/> names the last correction that
/// added or changed it.
/// </summary>
public sealed record StoredAnnotation(string Layer, string Producer, TextSpan Span, string Fields, long? CorrectionId = null);

public sealed record StoredDiagnostic(string Code, DiagnosticSeverity Severity, string Message, TextSpan? Span, string? Producer);

/// <summary>What <see cref="ICorpusStore.Save"/> did.</summary>
/// <param name="Replaced">True when an earlier analysis of the key was replaced.</param>
public sealed record SaveResult(long DocumentId, bool Replaced, int Annotations, int CorrectionsApplied, int CorrectionsNotApplied);
