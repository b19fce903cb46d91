namespace Annalist.Formats.Conllu;

/// <summary>
/// One syntactic word of a CoNLL-U sentence (a line with an integer ID, 1-based), its ten columns in
/// order. <c>Head</c> is the head's ID, 0 for the root, -1 when the column is <c>_</c> or unreadable.
/// </summary>
public sealed record ConlluWord(
    int Id,
    string Form,
    string Lemma,
    string UniversalTag,
    string LanguageTag,
    string Features,
    int Head,
    string Relation,
    string EnhancedDependencies,
    string Miscellany);

/// <summary>A surface token that stands for several words (ID <c>N-M</c>), such as <c>don't</c> = <c>do</c> + <c>n't</c>.</summary>
public sealed record ConlluMultiwordToken(int FirstWordId, int LastWordId, string Form, string Miscellany);

/// <summary>An empty node of the enhanced graph (ID <c>N.K</c>); it is not part of the basic tree.</summary>
public sealed record ConlluEmptyNode(int AfterWordId, int Index, string Form, string UniversalTag, string EnhancedDependencies);

/// <summary>A sentence of a CoNLL-U file: its comments, words, multiword tokens and empty nodes.</summary>
public sealed class ConlluSentence
{
    public ConlluSentence(
        int line,
        IReadOnlyList<string> comments,
        IReadOnlyList<ConlluWord> words,
        IReadOnlyList<ConlluMultiwordToken> multiwordTokens,
        IReadOnlyList<ConlluEmptyNode> emptyNodes)
    {
        Line = line;
        Comments = comments;
        Words = words;
        MultiwordTokens = multiwordTokens;
        EmptyNodes = emptyNodes;
    }

    /// <summary>1-based line number of the sentence's first line in its file.</summary>
    public int Line { get; }

    /// <summary>Comment lines without the leading <c>#</c> and the space after it.</summary>
    public IReadOnlyList<string> Comments { get; }

    public IReadOnlyList<ConlluWord> Words { get; }

    public IReadOnlyList<ConlluMultiwordToken> MultiwordTokens { get; }

    public IReadOnlyList<ConlluEmptyNode> EmptyNodes { get; }

    /// <summary>The value of the <c># sent_id = …</c> comment, or null.</summary>
    public string? SentenceId => Comment("sent_id");

    /// <summary>The value of the <c># text = …</c> comment, or null.</summary>
    public string? Text => Comment("text");

    /// <summary>The value of a <c># key = value</c> comment, or null when there is none.</summary>
    public string? Comment(string key)
    {
        foreach (string comment in Comments)
        {
            int equals = comment.IndexOf('=');
            if (equals > 0 && comment.AsSpan(0, equals).Trim().SequenceEqual(key)) return comment[(equals + 1)..].Trim();
        }
        return null;
    }
}
