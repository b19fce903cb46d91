using System.Globalization;
using System.Text;

namespace Annalist.Core.Tokens;

/// <summary>What the tokenizer needs to know about one code point.</summary>
internal enum CharacterClass : byte
{
    Space,
    Letter,
    Digit,
    /// <summary>Joins the code point before it: combining marks, joiners, variation selectors, emoji modifiers.</summary>
    Extender,
    Period,
    /// <summary>A hyphen that may join two words (<c>-</c>, U+2010, U+2011).</summary>
    Hyphen,
    Dash,
    Ellipsis,
    /// <summary>A straight or right single quotation mark, which may also be an apostrophe.</summary>
    Apostrophe,
    Quote,
    /// <summary><c>?</c> and <c>!</c> and their variants, which run together (<c>?!</c>).</summary>
    Exclamation,
    Punctuation,
    Symbol,
    Other,
}

internal static class CharacterClasses
{
    private static readonly CharacterClass[] Ascii = BuildAscii();

    /// <summary>Classifies the code point at <paramref name="index"/>; <paramref name="width"/> is 2 for a surrogate pair.</summary>
    public static CharacterClass At(ReadOnlySpan<char> text, int index, out int width)
    {
        char c = text[index];
        width = 1;
        if (c < 128) return Ascii[c];
        if (char.IsHighSurrogate(c))
        {
            if (index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                width = 2;
                return OfSupplementary(char.ConvertToUtf32(c, text[index + 1]));
            }
            return CharacterClass.Other;
        }
        return OfBmp(c);
    }

    /// <summary>The class of the code point at <paramref name="index"/>, or <see cref="CharacterClass.Space"/> past the end.</summary>
    public static CharacterClass AtOrSpace(ReadOnlySpan<char> text, int index) =>
        index < text.Length && index >= 0 ? At(text, index, out _) : CharacterClass.Space;

    /// <summary>True when <paramref name="c"/> ends a line.</summary>
    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029';

    private static CharacterClass OfBmp(char c)
    {
        switch (c)
        {
            case '\u2026': return CharacterClass.Ellipsis;
            case '\u2019': return CharacterClass.Apostrophe;
            case '\u2010' or '\u2011': return CharacterClass.Hyphen;
            case '\u201A' or '\u201E' or '\u300C' or '\u300D' or '\u300E' or '\u300F' or '\u301D' or '\u301E' or '\u301F'
                or '\uFF02' or '\uFF07' or '\u00B4':
                return CharacterClass.Quote;
            case '\u203C' or '\u2047' or '\u2048' or '\u2049' or '\u203D' or '\uFF01' or '\uFF1F' or '\u00A1' or '\u00BF':
                return CharacterClass.Exclamation;
            case '\u200B' or '\uFEFF': return CharacterClass.Other;
            case '\u3002' or '\uFF0E': return CharacterClass.Period;
            case '\u2030' or '\u2031' or '\u00A7' or '\u00B6' or '\u2020' or '\u2021': return CharacterClass.Symbol;
        }
        return OfCategory(CharUnicodeInfo.GetUnicodeCategory(c), char.IsWhiteSpace(c));
    }

    private static CharacterClass OfSupplementary(int codePoint)
    {
        if (codePoint is >= 0x1F3FB and <= 0x1F3FF) return CharacterClass.Extender;
        var rune = new Rune(codePoint);
        return OfCategory(Rune.GetUnicodeCategory(rune), false);
    }

    private static CharacterClass OfCategory(UnicodeCategory category, bool whiteSpace) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber => CharacterClass.Letter,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.OtherNumber => CharacterClass.Digit,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format => CharacterClass.Extender,
        UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => CharacterClass.Space,
        UnicodeCategory.Control => whiteSpace ? CharacterClass.Space : CharacterClass.Other,
        UnicodeCategory.DashPunctuation => CharacterClass.Dash,
        UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation => CharacterClass.Quote,
        UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.ConnectorPunctuation
            or UnicodeCategory.OtherPunctuation => CharacterClass.Punctuation,
        UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
            or UnicodeCategory.OtherSymbol => CharacterClass.Symbol,
        _ => CharacterClass.Other,
    };

    private static CharacterClass[] BuildAscii()
    {
        var table = new CharacterClass[128];
        for (int c = 0; c < 128; c++)
        {
            table[c] = (char)c switch
            {
                '.' => CharacterClass.Period,
                '-' => CharacterClass.Hyphen,
                '\'' => CharacterClass.Apostrophe,
                '"' or '`' => CharacterClass.Quote,
                '?' or '!' => CharacterClass.Exclamation,
                '%' or '#' => CharacterClass.Symbol,
                _ => OfCategory(CharUnicodeInfo.GetUnicodeCategory((char)c), char.IsWhiteSpace((char)c)),
            };
        }
        return table;
    }
}
