namespace Annalist.Core.Entities.Clustering;

/// <summary>Small closed classes of words the name rules look at. General English vocabulary only.</summary>
internal static class NameWords
{
    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "those", "these", "other", "many", "all", "some", "their", "our", "your", "his", "her", "its", "my", "most", "several", "few", "both",
    };

    /// <summary>Words after which a demonym is used as a noun (<c>the Chinese invade</c>, <c>the Chinese and</c>).</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "but", "nor", "who", "whom", "whose", "which", "that", "in", "of", "from", "to", "with", "by", "on", "at", "for", "as",
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "have", "has", "had", "are", "were", "is", "was", "be",
        "been", "do", "does", "did", "also", "themselves", "himself", "herself", "themselves", "not", "now", "then", "there", "here", "again",
        "too", "alone", "only", "still", "already", "never", "always", "often", "however", "say", "said", "says", "claim", "claimed", "want",
        "wanted", "began", "begin", "invade", "invaded", "attack", "attacked", "live", "lived", "went", "came", "took", "made", "held", "hold",
        "refuse", "refused", "agree", "agreed", "know", "knew", "think", "thought", "believe", "believed", "insist", "insisted", "demand", "demanded",
    };

    /// <summary>Last words that make a name an organization (<c>… Liberation Army</c>, <c>… Military District</c>).</summary>
    private static readonly HashSet<string> OrganizationHeads = new(StringComparer.Ordinal)
    {
        "Army", "Armies", "Navy", "Fleet", "Corps", "Division", "Regiment", "Brigade", "Battalion", "Command", "Force", "Forces", "Guard",
        "Party", "Committee", "Council", "Commission", "Ministry", "Bureau", "Department", "Office", "Agency", "Secretariat", "Directorate",
        "Congress", "Parliament", "Assembly", "Senate", "Cabinet", "Government", "Administration", "Politburo", "Presidium", "Soviet",
        "Company", "Corporation", "Bank", "Trust", "Union", "League", "Association", "Federation", "Society", "Organization", "Organisation",
        "University", "College", "Institute", "Academy", "School", "Church", "Court", "Tribunal", "Embassy", "Legation", "Consulate",
        "Mission", "Delegation", "Front", "Movement", "Club", "Service", "Staff", "Headquarters", "Group",
    };

    /// <summary>Lower-case words that, after a name, make it an organization (<c>Kiev military district</c>).</summary>
    private static readonly string[][] LowerCaseOrganizationTails =
    [
        ["military", "district"], ["military", "region"], ["military", "command"], ["army"], ["fleet"], ["corps"], ["division"],
        ["regiment"], ["brigade"], ["party"], ["committee"], ["ministry"],
    ];

    /// <summary>Words of a place name that make a capitalized region kind (<c>Military District</c> makes it an organization).</summary>
    public static bool IsMilitaryDistrict(ReadOnlySpan<char> previous, ReadOnlySpan<char> last) =>
        previous.Equals("Military", StringComparison.Ordinal) && (last.Equals("District", StringComparison.Ordinal) || last.Equals("Region", StringComparison.Ordinal));

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DeterminerLookup = Determiners.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionLookup = FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganizationLookup = OrganizationHeads.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsDeterminer(ReadOnlySpan<char> word) => DeterminerLookup.Contains(word);

    public static bool IsFunctionWord(ReadOnlySpan<char> word) => FunctionLookup.Contains(word);

    public static bool IsOrganizationHead(ReadOnlySpan<char> word) => OrganizationLookup.Contains(word);

    public static bool IsArticle(ReadOnlySpan<char> word) => word.Equals("the", StringComparison.OrdinalIgnoreCase);

    /// <summary>The word at a token index, or an empty span past the end of the sentence.</summary>
    public delegate ReadOnlySpan<char> WordSource(int index);

    /// <summary>How many words of a lower-case organization tail start at <paramref name="index"/>; 0 when none.</summary>
    public static int OrganizationTailLength(WordSource wordAt, int index)
    {
        var first = wordAt(index);
        if (first.Length == 0 || !char.IsLower(first[0])) return 0;
        foreach (var tail in LowerCaseOrganizationTails)
        {
            bool match = true;
            for (int k = 0; k < tail.Length && match; k++) match = (k == 0 ? first : wordAt(index + k)).SequenceEqual(tail[k]);
            if (match) return tail.Length;
        }
        return 0;
    }

    /// <summary>An initial: one capital letter and a period (<c>J.</c>).</summary>
    public static bool IsInitial(ReadOnlySpan<char> word) =>
        (word.Length == 2 && char.IsUpper(word[0]) && word[1] == '.') || (word.Length == 3 && char.IsUpper(word[0]) && char.IsLower(word[1]) && word[2] == '.' && word[0] != 'M');

    /// <summary>A possessive ending written as its own token (<c>’s</c>, <c>'s</c>, <c>’</c>).</summary>
    public static bool IsPossessive(ReadOnlySpan<char> word) =>
        word is "’s" or "'s" or "’" or "'" or "’S" or "'S";

    /// <summary>
    /// The stem demonyms of one people share: <c>Serbs</c>, <c>Serbian</c>, <c>Serbians</c> → <c>Serb</c>;
    /// <c>Germans</c>, <c>German</c> → <c>Germ</c>. Only for grouping words of one document.
    /// </summary>
    public static string DemonymStem(ReadOnlySpan<char> word) => StemOf(word).ToString();

    /// <summary><see cref="DemonymStem"/> as a slice of <paramref name="word"/>, allocating nothing.</summary>
    public static ReadOnlySpan<char> StemOf(ReadOnlySpan<char> word)
    {
        ReadOnlySpan<string> suffixes = ["ians", "ian", "ans", "an", "ese", "ish", "is", "i", "s"];
        foreach (string suffix in suffixes)
        {
            if (word.Length > suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal)) return word[..^suffix.Length];
        }
        return word;
    }
}
