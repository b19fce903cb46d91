namespace Annalist.Core.Syntax;

/// <summary>
/// A sentence of syntactic words with gold annotation, as the trainers and scorers take it (readers at
/// the edge convert CoNLL-U into it). Heads are 1-based word positions, 0 for the root.
/// </summary>
public sealed class TreebankSentence
{
    public TreebankSentence(IReadOnlyList<string> forms, IReadOnlyList<string> universalTags, IReadOnlyList<string> languageTags, IReadOnlyList<int> heads, IReadOnlyList<string> relations)
    {
        ArgumentNullException.ThrowIfNull(forms);
        int n = forms.Count;
        if (universalTags.Count != n || languageTags.Count != n || heads.Count != n || relations.Count != n)
            throw new ArgumentException("Every column must have one value per word.");
        Forms = forms;
        UniversalTags = universalTags;
        LanguageTags = languageTags;
        Heads = heads;
        Relations = relations;
    }

    public IReadOnlyList<string> Forms { get; }

    /// <summary>UPOS tags.</summary>
    public IReadOnlyList<string> UniversalTags { get; }

    /// <summary>Language-specific tags (XPOS; Penn Treebank style for English).</summary>
    public IReadOnlyList<string> LanguageTags { get; }

    public IReadOnlyList<int> Heads { get; }

    public IReadOnlyList<string> Relations { get; }

    public int Count => Forms.Count;

    /// <summary>True when the heads form one tree over all words with a single root.</summary>
    public bool IsTree()
    {
        int n = Count;
        int roots = 0;
        for (int i = 0; i < n; i++)
        {
            if (Heads[i] < 0 || Heads[i] > n || Heads[i] == i + 1) return false;
            if (Heads[i] == 0) roots++;
        }
        if (roots != 1) return false;
        for (int i = 0; i < n; i++)
        {
            int steps = 0, node = i + 1;
            while (node != 0)
            {
                node = Heads[node - 1];
                if (++steps > n) return false;
            }
        }
        return true;
    }

    /// <summary>The words laid out in one string separated by spaces, with each word's span in it.</summary>
    public (string Text, Text.TextSpan[] Words) Layout()
    {
        var builder = new System.Text.StringBuilder();
        var spans = new Text.TextSpan[Count];
        for (int i = 0; i < Count; i++)
        {
            if (i > 0) builder.Append(' ');
            spans[i] = Text.TextSpan.FromLength(builder.Length, Forms[i].Length);
            builder.Append(Forms[i]);
        }
        return (builder.ToString(), spans);
    }
}
