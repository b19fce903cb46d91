using Annalist.Core.Entities;
using Annalist.Core.Entities.Tagging;

namespace Annalist.Formats.Corpora;

/// <summary>
/// A name annotated in a corpus: tokens <c>[First, End)</c> of sentence <see cref="Sentence"/>.
/// <see cref="Type"/> is null for a kind the coarse scheme leaves out (vehicles, facilities in scoring):
/// such spans are neither credited nor counted against the tagger.
/// </summary>
public sealed record CorpusMention(int Sentence, int First, int End, EntityType? Type);

/// <summary>
/// One pre-tokenized document of an annotated corpus. When <see cref="Partial"/> is set only persons are
/// annotated, all of them (distant supervision): other capitalized words may be any other kind of name.
/// </summary>
public sealed record CorpusDocument(
    string Name,
    IReadOnlyList<IReadOnlyList<string>> Sentences,
    IReadOnlyList<IReadOnlyList<string?>>? PartsOfSpeech,
    IReadOnlyList<CorpusMention> Mentions,
    bool Partial = false)
{
    public int TokenCount => Sentences.Sum(s => s.Count);

    public TaggingInput ToTaggingInput() => TaggingInput.FromSentences(Sentences, PartsOfSpeech);

    /// <summary>Offset of each sentence's first token in the flat token list.</summary>
    public int[] SentenceOffsets()
    {
        var offsets = new int[Sentences.Count + 1];
        for (int s = 0; s < Sentences.Count; s++) offsets[s + 1] = offsets[s] + Sentences[s].Count;
        return offsets;
    }

    /// <summary>Gold labels (and, for partial annotation, the labels each token may take) for training.</summary>
    /// <param name="lowerCaseWords">
    /// For partial annotation: words known in lower case from all training text; a capitalized sentence
    /// opener whose lower-case form is one of them is taken to be no name (<c>This</c>, <c>Another</c>).
    /// </param>
    public TrainingDocument ToTrainingDocument(IReadOnlySet<string>? lowerCaseWords = null)
    {
        var input = ToTaggingInput();
        var offsets = SentenceOffsets();
        var labels = new byte[input.Count];
        var fixedLabel = new bool[input.Count];
        foreach (var mention in Mentions)
        {
            int first = offsets[mention.Sentence] + mention.First, end = offsets[mention.Sentence] + mention.End;
            if (mention.Type is not { } type)
            {
                continue;
            }
            labels[first] = (byte)NerLabel.Begin(type);
            for (int i = first + 1; i < end; i++) labels[i] = (byte)NerLabel.Inside(type);
            for (int i = first; i < end; i++) fixedLabel[i] = true;
        }
        if (!Partial) return new TrainingDocument(input, labels);
        var allowed = new ushort[input.Count];
        for (int i = 0; i < input.Count; i++)
        {
            if (fixedLabel[i]) allowed[i] = (ushort)(1 << labels[i]);
            else if (input.SentenceStarts[i] && lowerCaseWords is not null && lowerCaseWords.Contains(input.Word(i).ToString().ToLowerInvariant())) allowed[i] = 1 << NerLabel.Outside;
            else if (MayBeName(input, i)) allowed[i] = NerLabel.AllLabels;
            else allowed[i] = 1 << NerLabel.Outside;
        }
        return new TrainingDocument(input, labels, allowed);
    }

    private static bool MayBeName(TaggingInput input, int i)
    {
        var word = input.Word(i);
        if (word.Length > 0 && char.IsUpper(word[0])) return true;
        bool between = i > 0 && i + 1 < input.Count && !input.SentenceStarts[i] && !input.SentenceStarts[i + 1]
                       && input.Word(i - 1) is [var p, ..] && char.IsUpper(p) && input.Word(i + 1) is [var n, ..] && char.IsUpper(n);
        return between && (word is "of" or "de" or "du" or "la" or "le" or "van" or "von" or "der" or "al" or "el" or "bin" or "and" or "for" or "the" or "-" or "'s" or "’s");
    }
}
