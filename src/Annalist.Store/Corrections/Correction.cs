using System.Text.Json.Nodes;

namespace Annalist.Store.Corrections;

/// <summary>
/// A user's fix to one layer of one document, kept apart from the analysis and applied again after every
/// re-analysis. <see cref="Fields"/> is a JSON object: the fields to give (add, field changes) or to
/// match (remove; empty removes everything at the span).
/// </summary>
public sealed record Correction
{
    public long Id { get; init; }

    /// <summary>The key of the document it applies to (see <see cref="StoredDocument.Key"/>).</summary>
    public required string DocumentKey { get; init; }

    public required CorrectionAction Action { get; init; }

    public required string Layer { get; init; }

    public required TextAnchor Anchor { get; init; }

    public string Fields { get; init; } = "{}";

    /// <summary>Why the user made it, in their words.</summary>
    public string? Note { get; init; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The fields as a JSON object; an empty object when <see cref="Fields"/> is not one.</summary>
    public JsonObject ParseFields()
    {
        try
        {
            return JsonNode.Parse(Fields) as JsonObject ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }
}

/// <summary>What became of a correction when it was applied to a document.</summary>
/// <param name="Span">Where it applied, which may differ from where it was made when the text changed.</param>
/// <param name="Changed">How many annotations it added, removed or changed (0 when it found nothing to change).</param>
public sealed record CorrectionOutcome(long CorrectionId, bool Anchored, Core.Text.TextSpan? Span, int Changed);
