namespace Annalist.Core.Entities;

/// <summary>
/// General vocabulary of ranks, offices, honorifics and role nouns that stand before or for a person's
/// name (<c>General</c>, <c>Ambassador</c>, <c>Secretary</c>, <c>Mr.</c>). Case-insensitive; thread-safe.
/// </summary>
public static class TitleLexicon
{
    private static readonly string[] Titles =
    [
        // military ranks
        "General", "Gen.", "Marshal", "Field", "Admiral", "Adm.", "Colonel", "Col.", "Lieutenant", "Lt.", "Major", "Maj.",
        "Captain", "Capt.", "Commander", "Cmdr.", "Commodore", "Sergeant", "Sgt.", "Corporal", "Brigadier", "Generalissimo",
        "Commissar", "Commandant",
        // offices of state
        "President", "Vice", "Premier", "Prime", "Minister", "Secretary", "Undersecretary", "Under", "Assistant", "Deputy",
        "Ambassador", "Amb.", "Envoy", "Minister-Counselor", "Counselor", "Consul", "Consul-General", "Chargé", "Charge", "Attaché",
        "Chancellor", "Chairman", "Chairwoman", "Chair", "Governor", "Gov.", "Senator", "Sen.", "Representative", "Rep.",
        "Congressman", "Congresswoman", "Mayor", "Speaker", "Director", "Chief", "Commissioner", "Delegate", "Advisor", "Adviser",
        "Attorney", "Judge", "Justice", "Prosecutor", "Marshal", "Leader", "Head", "Foreign", "Defense", "Defence", "War",
        "Acting", "Special", "Permanent", "First", "Second", "Third", "Executive", "General-Secretary",
        // rulers, nobility, clergy
        "King", "Queen", "Prince", "Princess", "Emperor", "Empress", "Tsar", "Czar", "Shah", "Sultan", "Emir", "Sheikh", "Khan",
        "Duke", "Duchess", "Count", "Countess", "Baron", "Baroness", "Lord", "Lady", "Sir", "Dame", "Pope", "Cardinal",
        "Archbishop", "Bishop", "Father", "Reverend", "Rev.", "Patriarch", "Rabbi", "Imam", "Lama",
        // honorifics and professions
        "Mr.", "Mrs.", "Ms.", "Miss", "Mr", "Mrs", "Ms", "Dr.", "Dr", "Prof.", "Professor", "Comrade", "Citizen", "Madame", "Monsieur",
        "Herr", "Frau", "Señor", "Don",
    ];

    /// <summary>Words that open a title but never stand alone as one (<c>Vice</c>, <c>Prime</c>, <c>Foreign</c>).</summary>
    private static readonly string[] Modifiers =
    [
        "Vice", "Prime", "Under", "Assistant", "Deputy", "Foreign", "Defense", "Defence", "War", "Acting", "Special", "Permanent",
        "First", "Second", "Third", "Executive", "Field", "Head", "Chief",
    ];

    /// <summary>Honorifics, kinship and address words: titles before a name, but no office an appositive names (<c>Molotov, the father of …</c>).</summary>
    private static readonly string[] Honorifics =
    [
        "Mr.", "Mrs.", "Ms.", "Miss", "Mr", "Mrs", "Ms", "Dr.", "Dr", "Prof.", "Sir", "Dame", "Lady", "Lord", "Don", "Madame", "Monsieur",
        "Herr", "Frau", "Señor", "Father", "Citizen", "Comrade", "Count", "Countess", "Chair", "Field", "Rev.", "Reverend",
    ];

    private static readonly HashSet<string> TitleSet = new(Titles, StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup = TitleSet.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string> ModifierSet = new(Modifiers, StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ModifierLookup = ModifierSet.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Office nouns that follow a name in apposition but never title one (<c>Harmon, a spokesman for the ministry,</c>).</summary>
    private static readonly HashSet<string> AppositiveOffices = new(StringComparer.OrdinalIgnoreCase)
    {
        "spokesman", "spokeswoman", "aide", "counsellor", "councillor", "negotiator", "emissary", "official", "officer", "diplomat",
        "member", "chief", "head", "minister-counsellor", "envoy", "representative", "plenipotentiary", "commander-in-chief",
    };
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AppositiveOfficeLookup = AppositiveOffices.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> HonorificSet = new(Honorifics, StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HonorificLookup = HonorificSet.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Labels of a record's parts that open a line before a colon as a speaker's name would (<c>SUBJECT:</c>, <c>NOTE:</c>).</summary>
    private static readonly HashSet<string> RecordPartLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "Subject", "Subj", "Participants", "Present", "Date", "Time", "Place", "Note", "Notes", "Summary", "Secret", "Top Secret",
        "Confidential", "Restricted", "Unclassified", "Memorandum", "Telegram", "From", "To", "Cc", "Ref", "Re", "Reference",
        "Enclosure", "Attachment", "Text", "Comment", "Comments", "Action", "Info", "Distribution", "Approved", "Drafted", "Cleared",
        "Agenda", "Item", "Minutes", "Question", "Answer", "Ps", "Nb", "Source", "Copy", "Copies", "Priority", "Niact", "Flash",
        "Routine", "Immediate", "Signed", "End", "Begin", "Part", "Section", "Annex", "Appendix", "Recommendation",
        "Recommendations", "Conclusion", "Conclusions", "Background", "Discussion", "Problem", "Decision", "Decisions",
    };

    /// <summary>
    /// Words that name what an office is of (<c>Minister of Trade</c>, <c>Secretary of State</c>, <c>Minister of Foreign
    /// Affairs</c>): general vocabulary of ministries and departments, by which a reader ends an office's of-phrase before the name after it.
    /// </summary>
    private static readonly HashSet<string> OfficeDomains = new(StringComparer.Ordinal)
    {
        "Trade", "Commerce", "Finance", "Economy", "Economic", "Economics", "Foreign", "External", "Internal", "Home", "Interior",
        "Affairs", "Defence", "Defense", "War", "Navy", "Marine", "Air", "State", "Justice", "Education", "Health", "Labour", "Labor",
        "Agriculture", "Industry", "Industries", "Mines", "Transport", "Communications", "Public", "Works", "Colonies", "Information",
        "Supply", "Supplies", "Fisheries", "Planning", "Culture", "Treasury", "National", "Overseas", "Development", "Energy", "Posts",
        "Social", "Welfare", "Security", "Reconstruction", "Food", "Power", "Railways", "Shipping", "Aviation", "Propaganda", "Religion",
        "Religious", "Cults", "Worship", "Police", "Commonwealth", "Relations", "Cooperation", "Co-operation", "Production", "Heavy", "Light",
    };

    /// <summary>True for a word naming what an office is of (<c>Trade</c>, <c>Foreign</c>, <c>Affairs</c>).</summary>
    public static bool IsOfficeDomain(ReadOnlySpan<char> word) => OfficeDomainLookup.Contains(word);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OfficeDomainLookup = OfficeDomains.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True for a label of a record's part (<c>SUBJECT</c>, <c>TOP SECRET</c>), in any case.</summary>
    public static bool IsRecordPartLabel(string label) => RecordPartLabels.Contains(label);

    /// <summary>True for any word of a title, modifiers included (<c>Foreign</c> in <c>Foreign Minister</c>).</summary>
    public static bool IsTitleWord(ReadOnlySpan<char> word) => TitleLookup.Contains(word);

    /// <summary>True for a word that can be a whole title by itself (<c>Ambassador</c>, <c>General</c>, <c>Mr.</c>).</summary>
    public static bool IsHeadTitle(ReadOnlySpan<char> word) => TitleLookup.Contains(word) && !ModifierLookup.Contains(word);

    /// <summary>
    /// True for a head title that names an office or rank, in any case (<c>minister</c>, <c>ambassador</c>, <c>general</c>),
    /// not an honorific or form of address (<c>Mr.</c>, <c>Father</c>, <c>Comrade</c>): what a lower-case appositive can hold.
    /// </summary>
    public static bool IsOffice(ReadOnlySpan<char> word) =>
        IsHeadTitle(word) && !HonorificLookup.Contains(word) && !word.EndsWith('.') || AppositiveOfficeLookup.Contains(word);
}
