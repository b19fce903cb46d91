using Annalist.Core.Text;

namespace Annalist.Core.Entities.Tagging;

/// <summary>
/// What the tagger reads: a text, its tokens in order, which tokens open a sentence, and optionally a
/// part-of-speech tag per token (universal tags; null where unknown). Not copied: callers keep the arrays unchanged.
/// </summary>
public sealed class TaggingInput
{
    public TaggingInput(string text, TextSpan[] tokens, bool[] sentenceStarts, string?[]? partsOfSpeech = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentenceStarts);
        if (sentenceStarts.Length != tokens.Length) throw new ArgumentException("One sentence flag per token is needed.", nameof(sentenceStarts));
        if (partsOfSpeech is not null && partsOfSpeech.Length != tokens.Length) throw new ArgumentException("One tag per token is needed.", nameof(partsOfSpeech));
        Text = text;
        Tokens = tokens;
        SentenceStarts = sentenceStarts;
        PartsOfSpeech = partsOfSpeech;
    }

    public string Text { get; }

    public TextSpan[] Tokens { get; }

    public bool[] SentenceStarts { get; }

    public string?[]? PartsOfSpeech { get; }

    public int Count => Tokens.Length;

    public ReadOnlySpan<char> Word(int index) => Text.AsSpan(Tokens[index].Start, Tokens[index].Length);

    /// <summary>Builds an input from words separated by single spaces, one sentence per inner list (training corpora).</summary>
    public static TaggingInput FromSentences(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<IReadOnlyList<string?>>? partsOfSpeech = null)
    {
        var text = new System.Text.StringBuilder();
        var tokens = new List<TextSpan>();
        var starts = new List<bool>();
        var tags = partsOfSpeech is null ? null : new List<string?>();
        for (int s = 0; s < sentences.Count; s++)
        {
            for (int w = 0; w < sentences[s].Count; w++)
            {
                if (text.Length > 0) text.Append(w == 0 ? '\n' : ' ');
                int start = text.Length;
                text.Append(sentences[s][w]);
                tokens.Add(new TextSpan(start, text.Length));
                starts.Add(w == 0);
                tags?.Add(partsOfSpeech![s][w]);
            }
        }
        return new TaggingInput(text.ToString(), [.. tokens], [.. starts], tags?.ToArray());
    }
}
