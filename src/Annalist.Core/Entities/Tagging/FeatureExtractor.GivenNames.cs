using Annalist.Core.Entities.Gazetteers;

namespace Annalist.Core.Entities.Tagging;

/// <summary>The tagger's given-name features (templates 35, 38 and 39), computed only with a given-name list.</summary>
public sealed partial class FeatureExtractor
{
    // Every value the given-name templates can take (a bin below 8, times 8 for the flag).
    private static readonly HashSet<uint> GivenNameFeatures = [.. from template in new byte[] { 35, 38, 39 } from value in Enumerable.Range(0, 16) select Hash.Of(template, (byte)value)];

    /// <summary>Whether <paramref name="feature"/> is one of the given-name templates, which given-name dropout hides.</summary>
    internal static bool IsGivenName(uint feature) => GivenNameFeatures.Contains(feature);

    /// <summary>
    /// Given-name evidence: the capitalized word is a common given name (given to 100,000 people or more; a million or
    /// more), by sentence position (35); it is one but the document also writes it in lower case (<c>Will</c>,
    /// <c>Grace</c>, <c>May</c>; 38). Rarer names, the finer bins and the neighbour templates (a name before a
    /// capitalized word, a word after a name) are left out: with them the tagger leaned on the list and lost names no
    /// US list holds (docs/layers/entities.md, sessions 11 and 12). What the document says of the word elsewhere
    /// counts instead, wherever the word stands, listed or not: it is written next to a speech verb (39). (A word
    /// written after a common given name, a surname, as a template 40 lowered GUM dev; session 12.)
    /// </summary>
    private int AppendGivenNameFeatures(ReadOnlySpan<char> word, bool capitalized, bool first, DocumentContext context, NameEvidence names, Span<uint> output, int count)
    {
        if (!capitalized) return count;
        byte bin = CommonGivenNameBin(GivenNames.FrequencyBin(word));
        if (bin != 0)
        {
            output[count++] = Hash.Of(35, (byte)(bin | (first ? 8 : 0)));
            if (context.SeenInLowerCase(word)) output[count++] = Hash.Of(38, (byte)(bin | (first ? 8 : 0)));
        }
        if (names.IsSpeaker(word)) output[count++] = Hash.Of(39, first ? (byte)1 : (byte)0);
        return count;
    }

    /// <summary>1 for a name given to 100,000 people or more, 2 for a million or more, else 0 (from <see cref="GivenNames.FrequencyBin"/>'s four bins).</summary>
    private static byte CommonGivenNameBin(byte frequencyBin) => frequencyBin switch { 3 => 1, 4 => 2, _ => 0 };

    /// <summary>
    /// What the whole document says about its capitalized words, so that a name read once in a telling place counts
    /// wherever it stands: words written right before or after a speech verb (<c>Hrad said</c>, <c>asked Hrad</c>).
    /// </summary>
    private sealed class NameEvidence
    {
        private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbs = new HashSet<string>(
            ["said", "says", "asked", "asks", "replied", "replies", "answered", "answers", "cried", "exclaimed", "whispered", "shouted", "added", "continued", "remarked", "observed", "declared", "stated", "told", "tells", "explained"],
            StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _speakers = new HashSet<string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        public static NameEvidence Build(TaggingInput input)
        {
            var evidence = new NameEvidence();
            for (int i = 0; i < input.Count; i++)
            {
                var word = Clip(input.Word(i));
                if (word.Length < 2 || !char.IsUpper(word[0]) || !char.IsLetter(word[0])) continue;
                bool nextInSentence = i + 1 < input.Count && !input.SentenceStarts[i + 1];
                bool previousInSentence = i > 0 && !input.SentenceStarts[i];
                if ((nextInSentence && SpeechVerbs.Contains(input.Word(i + 1))) || (previousInSentence && SpeechVerbs.Contains(input.Word(i - 1))))
                    evidence._speakers.Add(word);
            }
            return evidence;
        }

        public bool IsSpeaker(ReadOnlySpan<char> word) => _speakers.Contains(word);
    }
}
