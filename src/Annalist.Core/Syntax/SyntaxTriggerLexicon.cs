namespace Annalist.Core.Syntax;

/// <summary>
/// The words of the sentences whose syntax some component of the default pipeline reads, so that
/// <see cref="SentenceSelection.Triggered"/> parses those and skips the rest. Today one component reads the
/// <c>dependencies</c> layer: <c>events</c>, for the roles, evidence and state of a frame, and only in sentences
/// holding one of its trigger words (its own lexicons of one-word and phrasal triggers and arrivals, read here so
/// the two never drift apart), and in the sentence before one that also holds a pronoun resolved through it (<see cref="BackReferenceWords"/>). Turns,
/// speakers, attributions, quotations and entities do not read the layer. A component that starts reading
/// it must add its cue words here, or its sentences go unparsed.
/// </summary>
public static class SyntaxTriggerLexicon
{
    /// <summary>The trigger word forms, compared ignoring case: the event trigger verbs and nouns.</summary>
    public static IReadOnlySet<string> Words { get; } = new HashSet<string>(
        Events.EventLexicon.TypeOfTrigger.Keys
            .Concat(Events.EventLexicon.PhrasesByVerb.Keys)
            .Concat(Events.EventLexicon.ArrivalWords)
            .Append("unable"),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Pronouns resolved through the previous sentence's tree: a plural one to the nearest coordination of persons
    /// before it, <c>he</c>/<c>she</c> to the previous main-clause subject, so that sentence is parsed too.
    /// </summary>
    public static IReadOnlySet<string> BackReferenceWords { get; } = new HashSet<string>(["they", "them", "he", "she"], StringComparer.OrdinalIgnoreCase);
}
