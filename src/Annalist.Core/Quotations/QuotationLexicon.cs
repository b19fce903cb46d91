using System.Collections.Frozen;

namespace Annalist.Core.Quotations;

/// <summary>
/// General English vocabulary the unclosed-quotation heuristic reads: persons of pronouns, words that
/// open a sentence without being a name, clause openers and past-tense narration verbs.
/// </summary>
internal static class QuotationLexicon
{
    /// <summary>First- and second-person words, compared case-insensitively except that all-capital <c>US</c> is a country.</summary>
    public static readonly FrozenSet<string> FirstOrSecondPerson = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
        "you", "your", "yours", "yourself", "yourselves",
    ]);

    public static readonly FrozenSet<string> ThirdPersonSubjects = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "he", "she", "they",
    ]);

    /// <summary>Verbs that introduce what someone said, in the past mostly, and <c>was</c> of <c>what he said was:</c>.</summary>
    public static readonly FrozenSet<string> ReportingVerbs = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "said", "says", "asked", "asks", "replied", "replies", "answered", "added", "stated", "states", "remarked",
        "declared", "continued", "observed", "noted", "explained", "inserted", "interjected", "responded",
        "told", "wrote", "writes", "read", "reads", "was", "were", "went", "ran", "follows", "following",
        "exclaimed", "insisted", "suggested", "announced", "concluded", "commented", "retorted", "objected",
    ]);

    /// <summary>Verbs of speaking whose subject is a speaker (<c>Kerr asked</c>); unlike <see cref="ReportingVerbs"/>, no <c>was</c>.</summary>
    public static readonly FrozenSet<string> SpeechVerbs = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "said", "says", "asked", "asks", "replied", "replies", "answered", "added", "stated", "states", "remarked",
        "declared", "continued", "observed", "noted", "explained", "inserted", "interjected", "responded",
        "told", "wrote", "writes", "exclaimed", "insisted", "suggested", "announced", "concluded", "commented",
        "retorted", "objected", "spoke", "speaks", "cried", "shouted", "whispered", "agreed",
    ]);

    /// <summary>Endings an apostrophe joins to a word: possessive <c>s</c> and the contractions.</summary>
    public static readonly FrozenSet<string> ContractionSuffixes = FrozenSet.Create(StringComparer.Ordinal,
    [
        "s", "S", "ll", "LL", "ve", "VE", "re", "RE", "m", "M", "d", "D", "t", "T",
    ]);

    /// <summary>Words that lose their first letters to a leading apostrophe (<c>’tis</c>, <c>’em</c>, <c>’round</c>).</summary>
    public static readonly FrozenSet<string> Elisions = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "tis", "twas", "twere", "twill", "em", "cause", "cos", "til", "till", "round", "bout", "n", "neath", "ere",
    ]);

    /// <summary>Capitalized function words that begin sentences or clauses; shared by every list of words that name no one.</summary>
    internal static readonly string[] CapitalizedFunctionWords =
    [
        "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You",
        "His", "Her", "Their", "Our", "My", "Your", "Him", "Them", "Us", "Me", "There", "Here", "Then", "Now",
        "When", "While", "After", "Before", "As", "At", "In", "On", "Of", "For", "With", "Without", "From", "To",
        "By", "And", "But", "Or", "Nor", "So", "Yet", "If", "Although", "Though", "Because", "Since", "Having",
        "Being", "Upon", "During", "Later", "Finally", "Also", "Thus", "However", "Moreover", "Meanwhile",
        "Afterwards", "Next", "Once", "Whereupon", "Thereupon", "Still", "Again", "Only", "Even", "Such", "Some",
        "Any", "All", "Each", "Every", "No", "Not", "Yes", "What", "Which", "Who", "Whom", "Whose", "Why", "How",
        "Where", "Well", "Oh", "Very", "Both", "Either", "Neither", "One", "Other", "Another", "Many", "Much",
        "Most", "More", "Few", "First", "Second", "Third", "Last",
    ];

    /// <summary>Capitalized words that begin sentences or clauses without naming anyone.</summary>
    public static readonly FrozenSet<string> NotNames = FrozenSet.Create(StringComparer.Ordinal,
    [
        .. CapitalizedFunctionWords,
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]);

    /// <summary>Words that open a leading clause, after which a sentence's subject follows the first comma.</summary>
    public static readonly FrozenSet<string> ClauseOpeners = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "as", "after", "when", "while", "having", "before", "then", "later", "afterwards", "next", "finally",
        "meanwhile", "following", "upon", "once", "thereupon", "subsequently", "whereupon", "at", "in", "on",
        "during", "with", "thereafter",
    ]);

    /// <summary>Adverbs that may stand between a subject and its verb (<c>Tito then asked</c>).</summary>
    public static readonly FrozenSet<string> InterposedAdverbs = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "then", "also", "again", "soon", "now", "immediately", "finally", "further", "thereupon", "next", "once",
    ]);

    /// <summary>
    /// Irregular past-tense verbs of narration. Forms of <c>be</c>, <c>have</c> and <c>do</c> are left out:
    /// quoted speech uses them as freely as narration does.
    /// </summary>
    public static readonly FrozenSet<string> IrregularPast = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "said", "told", "went", "came", "saw", "took", "gave", "made", "got", "left", "met", "spoke", "wrote",
        "sat", "stood", "began", "brought", "thought", "felt", "knew", "drew", "ran", "sent", "kept", "held",
        "rose", "led", "read", "heard", "found", "put", "set", "let", "paid", "sought", "taught", "threw", "won",
        "fought", "understood", "became", "broke", "chose", "drank", "ate", "fell", "forgot", "gave", "grew",
        "hid", "hung", "lay", "lost", "meant", "rode", "rang", "shook", "showed", "shot", "sang", "slept",
        "spent", "struck", "swore", "tore", "woke", "wore", "withdrew",
    ]);

    /// <summary>A lowercase word that reads as a regular past tense (<c>asked</c>, <c>replied</c>), not <c>need</c> or <c>red</c>.</summary>
    public static bool IsPastTense(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || !char.IsLower(word[0])) return false;
        if (IrregularPast.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) return true;
        return word.Length >= 5 && word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("eed", StringComparison.Ordinal);
    }
}
