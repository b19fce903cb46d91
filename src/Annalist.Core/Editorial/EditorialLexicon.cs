using System.Collections.Frozen;

namespace Annalist.Core.Editorial;

/// <summary>
/// The general vocabulary editors use inside square brackets, and how it decides a bracket's kind.
/// Words are compared case-insensitively, with curly apostrophes read as straight ones and trailing
/// punctuation ignored (<c>[Sic!]</c>, <c>[ed.]</c>, <c>[Editor’s note: …]</c>).
/// </summary>
public static class EditorialLexicon
{
    /// <summary>A bracket whose first word is one of these is an editor's remark.</summary>
    public static readonly FrozenSet<string> NoteOpeners = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "sic", "ed", "eds", "edd", "editor", "editors", "editor's", "editors'", "note", "notes", "nb", "n.b",
        "emphasis", "italics", "italicized", "underlined", "underlining", "underscored", "translator", "translators",
        "translator's", "translators'", "tr", "trans", "transl", "footnote", "fn", "cf", "see", "original", "orig",
        "handwritten", "handwriting", "marginal", "margin", "marginalia", "stamped", "stamp", "crossed", "corrected",
        "correction", "i.e", "ie", "viz", "possibly", "probably", "presumably", "perhaps", "apparently",
        "transcriber", "transcriber's", "compiler", "compiler's", "enclosure", "attachment", "annex", "tab",
    ]);

    /// <summary>A short bracket containing one of these marks an omission or a loss of text.</summary>
    public static readonly FrozenSet<string> GapWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "illegible", "indecipherable", "undecipherable", "unreadable", "unclear", "omitted", "omission", "omissions",
        "deleted", "deletion", "missing", "lacuna", "lacunae", "gap", "blank", "damaged", "torn", "redacted",
        "withheld", "excised", "expunged", "erased", "obliterated", "declassified", "garble", "garbled", "inaudible",
    ]);

    /// <summary>Phrases that make a bracket a remark wherever they stand in it (<c>[words in the original]</c>).</summary>
    public static readonly string[] NotePhrases =
    [
        "in the original", "in original", "emphasis added", "emphasis mine", "emphasis in", "italics added",
        "italics mine", "translator's note", "editor's note", "source text", "for text", "not printed",
        "see footnote",
    ];

    /// <summary>
    /// Openings of an editor's summary standing for left-out text (<c>[Here follows discussion of other
    /// subjects.]</c>), a gap however long.
    /// </summary>
    public static readonly string[] GapOpenings = ["here follow"];

    /// <summary>A bracket with at most this many words may be a gap by one of <see cref="GapWords"/>.</summary>
    public const int MaxGapWords = 8;

    /// <summary>Classifies the text between an editor's brackets.</summary>
    public static EditorialKind Classify(ReadOnlySpan<char> content)
    {
        content = content.Trim();
        if (content.IsEmpty || IsEllipsis(content)) return EditorialKind.Gap;
        if (IsOnly(content, "?!*")) return EditorialKind.Note;
        if (content.Length <= 3 && IsDigits(content)) return EditorialKind.Note;

        foreach (string opening in GapOpenings)
        {
            if (content.StartsWith(opening, StringComparison.OrdinalIgnoreCase)) return EditorialKind.Gap;
        }

        Span<char> buffer = stackalloc char[32];
        int wordCount = 0;
        bool hasGapWord = false;
        int position = 0;
        while (TryNextWord(content, ref position, out var word))
        {
            var normalized = Normalize(word, buffer);
            if (wordCount == 0 && NoteOpeners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(normalized))
                return EditorialKind.Note;
            if (GapWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(normalized)) hasGapWord = true;
            wordCount++;
        }
        if (hasGapWord && wordCount <= MaxGapWords) return EditorialKind.Gap;
        if (ContainsNotePhrase(content)) return EditorialKind.Note;
        return EditorialKind.Supplied;
    }

    /// <summary>True for <c>…</c>, <c>...</c>, <c>. . .</c> and runs of them, with nothing else but white space.</summary>
    public static bool IsEllipsis(ReadOnlySpan<char> text)
    {
        int periods = 0;
        bool ellipsisCharacter = false;
        foreach (char c in text)
        {
            if (c == '…') ellipsisCharacter = true;
            else if (c == '.') periods++;
            else if (!char.IsWhiteSpace(c)) return false;
        }
        return ellipsisCharacter || periods >= 3;
    }

    private static bool IsOnly(ReadOnlySpan<char> text, string allowed)
    {
        foreach (char c in text)
        {
            if (!allowed.Contains(c) && !char.IsWhiteSpace(c)) return false;
        }
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    /// <summary>Letters and digits with inner apostrophes and periods (<c>editor’s</c>, <c>n.b</c>); trailing punctuation left out.</summary>
    private static bool TryNextWord(ReadOnlySpan<char> text, ref int position, out ReadOnlySpan<char> word)
    {
        while (position < text.Length && !char.IsLetterOrDigit(text[position])) position++;
        int start = position;
        while (position < text.Length)
        {
            char c = text[position];
            if (char.IsLetterOrDigit(c)) position++;
            else if (IsInnerJoiner(c) && position + 1 < text.Length && char.IsLetterOrDigit(text[position + 1])) position++;
            else if ((c == '\'' || c == '’') && position > start && text[position - 1] == 's') position++;
            else break;
        }
        word = text[start..position];
        return position > start;
    }

    private static bool IsInnerJoiner(char c) => c is '\'' or '’' or '.';

    private static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length > buffer.Length) return word;
        for (int i = 0; i < word.Length; i++) buffer[i] = word[i] == '’' ? '\'' : word[i];
        return buffer[..word.Length];
    }

    private static bool ContainsNotePhrase(ReadOnlySpan<char> content)
    {
        Span<char> buffer = content.Length <= 256 ? stackalloc char[content.Length] : new char[content.Length];
        for (int i = 0; i < content.Length; i++) buffer[i] = content[i] == '’' ? '\'' : content[i];
        foreach (string phrase in NotePhrases)
        {
            if (((ReadOnlySpan<char>)buffer).Contains(phrase, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
