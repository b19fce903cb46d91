namespace Annalist.Core.Tokens;

/// <summary>How an abbreviation's final period bears on where a sentence ends.</summary>
public enum AbbreviationKind : byte
{
    /// <summary>
    /// Part of a name or an initial (<c>J.</c>, <c>U.S.</c>, <c>U.S.S.R.</c>): a sentence ends after it only
    /// when a word that usually opens a sentence follows (<c>…the U.S. He went</c>).
    /// </summary>
    NamePart,

    /// <summary>Comes before a name (<c>Gen.</c>, <c>Mr.</c>, <c>e.g.</c>): never ends a sentence inside a paragraph.</summary>
    BeforeName,

    /// <summary>Comes before a number (<c>No. 5</c>, <c>p. 12</c>, <c>Jan. 22</c>): ends a sentence only when a capitalized word follows.</summary>
    BeforeNumber,

    /// <summary>Often closes a sentence (<c>etc.</c>, <c>Inc.</c>, <c>p.m.</c>): any capitalized word after it starts a new one.</summary>
    Closing,
}
