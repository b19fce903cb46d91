namespace Annalist.Core.Text;

/// <summary>What is known about a document apart from its text. Every field is optional.</summary>
public sealed record DocumentMetadata
{
    public static DocumentMetadata Empty { get; } = new();

    public string? Title { get; init; }

    /// <summary>Where the text came from: a file path, a URL, a volume and document id.</summary>
    public string? Source { get; init; }

    /// <summary>The document's own date as written or as ISO 8601, when a reader found one.</summary>
    public string? Date { get; init; }

    /// <summary>Who wrote the document (a diarist, the drafter of a memorandum), when a reader or the caller knows.</summary>
    public string? Author { get; init; }

    /// <summary>BCP 47 language tag; English when absent.</summary>
    public string? Language { get; init; }

    /// <summary>The character encoding the reader decoded, such as <c>utf-8</c> or <c>utf-16le</c>.</summary>
    public string? Encoding { get; init; }

    /// <summary>
    /// Known people the document comes with (a FRUS volume's persons list), which person entities link to when the
    /// pipeline has no list of its own. Not stored or written with the metadata: the store keeps its fingerprint in
    /// the document's version instead.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Entities.Authorities.AuthorityList? Authority { get; init; }
}
