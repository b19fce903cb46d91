using System.Collections.Frozen;

namespace Annalist.Core.Segmentation;

/// <summary>
/// Capitalized English function words that usually open a sentence (pronouns, determiners, conjunctions,
/// prepositions, sentence adverbs). After an initial or a name abbreviation such as <c>U.S.</c> only one
/// of these shows that a new sentence has begun: <c>…the U.S. He went</c> but <c>the U.S. Government</c>.
/// General vocabulary only.
/// </summary>
public static class SentenceOpeners
{
    private static readonly FrozenSet<string> Words = new[]
    {
        "A", "An", "The", "This", "That", "These", "Those", "Such", "Some", "Many", "Most", "All", "Both", "Each",
        "Every", "No", "None", "Neither", "Either", "Several", "Few", "Other", "Another", "Any",
        "I", "We", "You", "He", "She", "It", "They", "One", "His", "Her", "Its", "Our", "Their", "My", "Your",
        "There", "Here", "Then", "Now", "Thus", "So", "Yet", "But", "And", "Or", "Nor", "Also", "Still",
        "However", "Therefore", "Moreover", "Furthermore", "Nevertheless", "Meanwhile", "Indeed", "Accordingly",
        "Consequently", "Instead", "Later", "Soon", "Finally", "First", "Second", "Third", "Next", "Afterwards",
        "In", "On", "At", "By", "For", "From", "With", "Without", "To", "Of", "Under", "Over", "Through", "During",
        "After", "Before", "Since", "Until", "Upon", "Among", "Between", "Despite", "Regarding", "Concerning",
        "When", "While", "Where", "If", "As", "Although", "Though", "Because", "Unless", "Once", "Whether",
        "What", "Why", "How", "Who", "Whom", "Whose", "Which", "Yes", "Perhaps", "Only", "Even", "Not",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="word"/>, exactly as written, usually opens a sentence.</summary>
    public static bool Contains(ReadOnlySpan<char> word) => Lookup.Contains(word);
}
