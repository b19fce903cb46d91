namespace Annalist.Core.Syntax;

/// <summary>Which sentences <see cref="DependencyAnnotator"/> parses.</summary>
public enum SentenceSelection
{
    /// <summary>Every sentence (the default): the layer is a full tree per sentence.</summary>
    All,

    /// <summary>
    /// Only sentences that hold a trigger word (<see cref="DependencyAnnotatorOptions.TriggerWords"/>) or
    /// overlap a quotation; the tokens of the others get head -1 and relation <c>_</c> (unspecified, as in CoNLL-U).
    /// </summary>
    Triggered,
}

/// <summary>Settings of <see cref="DependencyAnnotator"/>.</summary>
public sealed record DependencyAnnotatorOptions
{
    /// <summary>The default: parse every sentence.</summary>
    public static readonly DependencyAnnotatorOptions Default = new();

    public SentenceSelection Sentences { get; init; } = SentenceSelection.All;

    /// <summary>
    /// Word forms (matched ignoring case) that make a sentence worth parsing under
    /// <see cref="SentenceSelection.Triggered"/>: by default <see cref="SyntaxTriggerLexicon.Words"/>, the
    /// verbs and nouns of the event frames and of reported speech.
    /// </summary>
    public IReadOnlySet<string> TriggerWords { get; init; } = SyntaxTriggerLexicon.Words;

    /// <summary>Under <see cref="SentenceSelection.Triggered"/>, also parse every sentence that overlaps a quotation (speech whose speaker and verb the turns and events read).</summary>
    public bool ParseQuotations { get; init; } = true;
}
