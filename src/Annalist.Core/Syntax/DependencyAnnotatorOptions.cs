namespace Annalist.Core.Syntax;

/// <summary>Which sentences <see cref="DependencyAnnotator"/> parses.</summary>
public enum SentenceSelection
{
    /// <summary>Every sentence: the layer is a full tree per sentence.</summary>
    All,

    /// <summary>
    /// Only sentences that hold a trigger word (<see cref="DependencyAnnotatorOptions.TriggerWords"/>) or, when
    /// <see cref="DependencyAnnotatorOptions.ParseQuotations"/> is set, overlap a quotation; the tokens of the
    /// others get head -1 and relation <c>_</c> (unspecified, as in CoNLL-U). The default.
    /// </summary>
    Triggered,
}

/// <summary>Settings of <see cref="DependencyAnnotator"/>.</summary>
public sealed record DependencyAnnotatorOptions
{
    /// <summary>
    /// The default: parse only the sentences a consumer of the layer reads (<see cref="SyntaxTriggerLexicon"/>),
    /// which on conversation records is about half of them and leaves the events layer as a full parse does.
    /// </summary>
    public static readonly DependencyAnnotatorOptions Default = new();

    /// <summary>Parse every sentence: a full tree per sentence, for export or study of the syntax itself.</summary>
    public static readonly DependencyAnnotatorOptions EverySentence = new() { Sentences = SentenceSelection.All };

    public SentenceSelection Sentences { get; init; } = SentenceSelection.Triggered;

    /// <summary>
    /// Word forms (matched ignoring case) that make a sentence worth parsing under
    /// <see cref="SentenceSelection.Triggered"/>: by default <see cref="SyntaxTriggerLexicon.Words"/>, the
    /// trigger verbs and nouns of the event frames.
    /// </summary>
    public IReadOnlySet<string> TriggerWords { get; init; } = SyntaxTriggerLexicon.Words;

    /// <summary>
    /// Under <see cref="SentenceSelection.Triggered"/>, words (matched ignoring case) that make a triggered sentence
    /// take the sentence before it along: by default <see cref="SyntaxTriggerLexicon.BackReferenceWords"/>.
    /// </summary>
    public IReadOnlySet<string> BackReferenceWords { get; init; } = SyntaxTriggerLexicon.BackReferenceWords;

    /// <summary>
    /// Under <see cref="SentenceSelection.Triggered"/>, also parse every sentence that overlaps a quotation. Off by
    /// default: no component reads the syntax of quoted speech as such (events find their triggers inside it).
    /// </summary>
    public bool ParseQuotations { get; init; }
}
