namespace Annalist.Core.Syntax;

/// <summary>
/// The words of the sentences whose syntax some component of the default pipeline reads, so that
/// <see cref="SentenceSelection.Triggered"/> parses those and skips the rest. Today one component reads the
/// <c>dependencies</c> layer: <c>events</c>, for the roles, evidence and state of a frame, and only in sentences
/// holding one of its trigger words (its own lexicon, read here so the two never drift apart), and in the
/// sentence before one that also holds a plural pronoun (<see cref="BackReferenceWords"/>). Turns,
/// speakers, attributions, quotations and entities do not read the layer. A component that starts reading
/// it must add its cue words here, or its sentences go unparsed.
/// </summary>
public static class SyntaxTriggerLexicon
{
    /// <summary>The trigger word forms, compared ignoring case: the event trigger verbs and nouns.</summary>
    public static IReadOnlySet<string> Words { get; } = new HashSet<string>(Events.EventLexicon.TypeOfTrigger.Keys, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Plural pronouns: an event role filled by one is resolved to the nearest coordination of persons before
    /// it, found by walking the tree back over the end of the previous sentence, so that sentence is parsed too.
    /// </summary>
    public static IReadOnlySet<string> BackReferenceWords { get; } = new HashSet<string>(["they", "them"], StringComparer.OrdinalIgnoreCase);
}
