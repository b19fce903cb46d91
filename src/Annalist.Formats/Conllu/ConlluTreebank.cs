using Annalist.Core.Syntax;

namespace Annalist.Formats.Conllu;

/// <summary>Turns CoNLL-U sentences into the <see cref="TreebankSentence"/>s that syntax training and scoring take.</summary>
public static class ConlluTreebank
{
    /// <summary>The basic-tree words of a sentence (multiword tokens and empty nodes left out).</summary>
    public static TreebankSentence ToTreebankSentence(ConlluSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var words = sentence.Words;
        return new TreebankSentence(
            [.. words.Select(w => w.Form)],
            [.. words.Select(w => w.UniversalTag)],
            [.. words.Select(w => w.LanguageTag)],
            [.. words.Select(w => w.Head)],
            [.. words.Select(w => w.Relation)]);
    }

    /// <summary>Reads a CoNLL-U file as treebank sentences, leaving out sentences whose heads do not form a tree.</summary>
    public static IReadOnlyList<TreebankSentence> ReadFile(string path, ICollection<Core.Annotations.Diagnostic>? diagnostics = null) =>
        [.. ConlluReader.ReadFile(path, diagnostics).Select(ToTreebankSentence).Where(s => s.Count > 0 && s.IsTree())];
}
