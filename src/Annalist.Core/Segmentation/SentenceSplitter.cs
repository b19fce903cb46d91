using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Core.Segmentation;

/// <summary>
/// Splits paragraphs into sentences over their tokens. A sentence never crosses a paragraph; it ends
/// after <c>.</c>, <c>?</c>, <c>!</c>, an ellipsis or an abbreviation when what follows opens a sentence
/// (see <see cref="AbbreviationKind"/> for abbreviations), taking in the closing quotation marks and
/// brackets that touch it. A list item, and a short line without final punctuation (a heading), is a
/// sentence of its own. A colon never ends a sentence inside a line. Stateless and thread-safe.
/// </summary>
public static class SentenceSplitter
{
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\n\r\v\f\u0085\u2028\u2029");

    /// <summary>A line shorter than this share of its paragraph's longest line may be a heading.</summary>
    private const double HeadingLineShare = 0.7;

    /// <summary>In a paragraph whose lines are all this short, every line may stand alone.</summary>
    private const int ShortLineParagraph = 50;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReportingVerbs = new[]
    {
        "asked", "inquired", "enquired", "exclaimed", "cried", "shouted", "wondered", "demanded", "said", "replied",
        "answered", "added", "continued", "interjected", "interrupted", "insisted", "retorted", "protested", "objected",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private enum Terminal : byte
    {
        None,
        /// <summary><c>.</c>, <c>?</c>, <c>!</c>: ends unless a lowercase word or continuing punctuation follows.</summary>
        Plain,
        /// <summary>An ellipsis: ends only before a capitalized word.</summary>
        Ellipsis,
        NamePart,
        BeforeName,
        BeforeNumber,
        Closing,
    }

    private enum Shape : byte
    {
        Upper,
        Lower,
        Digit,
        /// <summary>Punctuation that continues a sentence: <c>, ; : ) ]</c> and dashes.</summary>
        Continuing,
        Other,
    }

    /// <summary>
    /// Appends the sentences of each paragraph to <paramref name="output"/>, in order. <paramref name="tokens"/>
    /// and <paramref name="paragraphs"/> must be sorted and belong to <paramref name="text"/>; tokens that
    /// straddle a paragraph's edge are left out of every sentence.
    /// </summary>
    public static void Split(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<TextSpan> paragraphs, List<TextSpan> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        int t = 0;
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.End > text.Length) break;
            while (t < tokens.Length && tokens[t].Span.Start < paragraph.Start) t++;
            int first = t;
            while (t < tokens.Length && tokens[t].Span.End <= paragraph.End) t++;
            if (t > first) SplitParagraph(text, tokens[first..t], paragraph, output);
        }
    }

    private static void SplitParagraph(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, TextSpan paragraph, List<TextSpan> output)
    {
        int count = tokens.Length;
        bool multiline = text[paragraph.Start..paragraph.End].IndexOfAny(LineBreaks) >= 0;
        int longestLine = multiline ? LongestLine(text, paragraph) : 0;
        int sentenceStart = 0;
        int markerPunctuation = ListMarkerPunctuation(text, tokens, 0);
        int k = 0;
        while (k < count - 1)
        {
            int end = k;
            bool split = false;
            var terminal = k == markerPunctuation ? Terminal.None : TerminalOf(text, tokens[k]);
            // A sentence's own first token is a label (“A. Yes.) or an elision ([…] The text goes on), not its end.
            if (terminal is Terminal.NamePart or Terminal.Ellipsis && OnlyOpenersBefore(text, tokens, sentenceStart, k)) terminal = Terminal.None;
            if (terminal == Terminal.Plain && IsSpacedStop(text, tokens, k))
            {
                // . . . written with spaces: only its last stop may end the sentence, as an ellipsis.
                if (k + 1 < count && IsSpacedStop(text, tokens, k + 1) && OnlySpacesBetween(text, tokens[k], tokens[k + 1])) terminal = Terminal.None;
                else if (k > sentenceStart && IsSpacedStop(text, tokens, k - 1) && OnlySpacesBetween(text, tokens[k - 1], tokens[k])) terminal = Terminal.Ellipsis;
            }
            if (terminal != Terminal.None)
            {
                end = AbsorbClosers(text, tokens, k);
                bool quoted = end > k && tokens[end].Kind is TokenKind.Quote or TokenKind.Apostrophe;
                if (terminal == Terminal.Plain) end = AbsorbFootnoteReferences(text, tokens, end);
                if (end >= count - 1) break;
                split = OpensSentence(text, tokens, end + 1, terminal)
                    && !(quoted && text[tokens[k].Span.End - 1] is not '.' && IsReportingClause(text, tokens, end + 1));
            }
            if (!split)
            {
                end = k;
                if (multiline && LineBreakBetween(text, tokens[k], tokens[k + 1]))
                {
                    split = IsListMarker(text, tokens, k + 1)
                        || (terminal == Terminal.None && IsHeadingEnd(text, tokens, k, paragraph, longestLine));
                }
            }
            if (split)
            {
                output.Add(new TextSpan(tokens[sentenceStart].Span.Start, tokens[end].Span.End));
                sentenceStart = end + 1;
                k = end + 1;
                markerPunctuation = ListMarkerPunctuation(text, tokens, k); // also inline: “…ends. 2. The next item”
                continue;
            }
            k++;
        }
        output.Add(new TextSpan(tokens[sentenceStart].Span.Start, tokens[count - 1].Span.End));
    }

    private static bool OnlyOpenersBefore(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int from, int index)
    {
        if (index - from > 3) return false;
        for (int i = from; i < index; i++)
        {
            if (!IsOpener(text, tokens[i])) return false;
        }
        return true;
    }

    private static Terminal TerminalOf(ReadOnlySpan<char> text, Token token)
    {
        var value = text[token.Span.Start..token.Span.End];
        switch (token.Kind)
        {
            case TokenKind.Punctuation:
                char last = value[^1];
                return last is '.' or '?' or '!' or '\u203C' or '\u2047' or '\u2048' or '\u2049' or '\u203D' or '\uFF01' or '\uFF1F' or '\u3002' or '\uFF0E'
                    ? Terminal.Plain
                    : Terminal.None;
            case TokenKind.Ellipsis:
                return Terminal.Ellipsis;
            case TokenKind.Abbreviation or TokenKind.Clock when value.Length > 1 && value[^1] == '.':
                if (token.Kind == TokenKind.Clock) return Terminal.Closing;
                var word = value[..^1];
                if ((word.Length == 1 && !char.IsLower(word[0])) || !Abbreviations.TryGetKind(word, out var kind)) return Terminal.NamePart;
                return kind switch
                {
                    AbbreviationKind.BeforeName => Terminal.BeforeName,
                    AbbreviationKind.BeforeNumber => Terminal.BeforeNumber,
                    AbbreviationKind.Closing => Terminal.Closing,
                    _ => Terminal.NamePart,
                };
            default:
                return Terminal.None;
        }
    }

    /// <summary>The last token of the sentence ending at <paramref name="index"/>: closing quotes, brackets and stops that touch it (<c>30.).</c>).</summary>
    private static int AbsorbClosers(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int index)
    {
        while (index + 1 < tokens.Length && tokens[index + 1].Span.Start == tokens[index].Span.End
            && (IsCloser(text, tokens[index + 1]) || TerminalOf(text, tokens[index + 1]) == Terminal.Plain))
            index++;
        return index;
    }

    /// <summary>
    /// Takes in footnote references after a sentence's stop: a number of up to three digits touching it
    /// (<c>agreed.3</c>, <c>agreed.²</c>) and bracketed ones (<c>agreed. [2] [3]</c>).
    /// </summary>
    private static int AbsorbFootnoteReferences(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int index)
    {
        while (index + 1 < tokens.Length)
        {
            var next = tokens[index + 1];
            if (next.Kind == TokenKind.Number && next.Span.Start == tokens[index].Span.End && next.Span.Length <= 3
                && (next.Span.End >= text.Length || char.IsWhiteSpace(text[next.Span.End])))
            {
                index++;
                continue;
            }
            if (index + 3 < tokens.Length && text[next.Span.Start] == '[' && OnlySpacesBetween(text, tokens[index], next)
                && tokens[index + 2].Kind == TokenKind.Number && tokens[index + 2].Span.Length <= 3 && tokens[index + 2].Span.Start == next.Span.End
                && text[tokens[index + 3].Span.Start] == ']' && tokens[index + 3].Span.Start == tokens[index + 2].Span.End)
            {
                index += 3;
                continue;
            }
            break;
        }
        return index;
    }

    /// <summary>A name and a reporting verb after a quoted question or exclamation: <c>“Why?” Hale asked.</c></summary>
    private static bool IsReportingClause(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int index)
    {
        if (index + 1 >= tokens.Length || tokens[index].Kind != TokenKind.Word || tokens[index + 1].Kind != TokenKind.Word) return false;
        if (SentenceOpeners.Contains(text[tokens[index].Span.Start..tokens[index].Span.End])) return false;
        return ReportingVerbs.Contains(text[tokens[index + 1].Span.Start..tokens[index + 1].Span.End]);
    }

    private static bool IsSpacedStop(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int index) =>
        tokens[index].Kind == TokenKind.Punctuation && tokens[index].Span.Length == 1 && text[tokens[index].Span.Start] == '.';

    private static bool OnlySpacesBetween(ReadOnlySpan<char> text, Token before, Token after) =>
        after.Span.Start > before.Span.End && !text[before.Span.End..after.Span.Start].ContainsAnyExcept(' ', '\u00A0');

    private static bool IsCloser(ReadOnlySpan<char> text, Token token)
    {
        if (token.Span.Length != 1) return false;
        char c = text[token.Span.Start];
        if (token.Kind is TokenKind.Quote or TokenKind.Apostrophe)
        {
            int after = token.Span.End;
            return after >= text.Length || !char.IsLetterOrDigit(text[after]);
        }
        return token.Kind == TokenKind.Punctuation && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.ClosePunctuation;
    }

    private static bool OpensSentence(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int index, Terminal terminal)
    {
        var next = tokens[index];
        var shape = ShapeOf(text, next);
        bool opener = shape == Shape.Other && IsOpener(text, next);
        if (opener && index + 1 < tokens.Length)
        {
            // After an abbreviation, only a quotation shows a new sentence: “etc. (CDT)” goes on.
            bool bracket = next.Kind != TokenKind.Quote;
            shape = bracket && terminal is not (Terminal.Plain or Terminal.Ellipsis) ? Shape.Other : ShapeOf(text, tokens[index + 1]);
            if (bracket && shape == Shape.Digit) shape = Shape.Continuing; // a year or a reference in brackets: “Maria! (1965)”
        }
        return terminal switch
        {
            Terminal.Plain => shape is not (Shape.Lower or Shape.Continuing),
            Terminal.Ellipsis or Terminal.BeforeNumber or Terminal.Closing => shape == Shape.Upper,
            Terminal.NamePart => !opener && next.Kind == TokenKind.Word && SentenceOpeners.Contains(text[next.Span.Start..next.Span.End]),
            _ => false,
        };
    }

    private static Shape ShapeOf(ReadOnlySpan<char> text, Token token)
    {
        char c = text[token.Span.Start];
        switch (token.Kind)
        {
            case TokenKind.Word or TokenKind.Abbreviation or TokenKind.Clock:
                if (char.IsLower(c)) return Shape.Lower;
                if (char.IsHighSurrogate(c) && Rune.DecodeFromUtf16(text[token.Span.Start..], out var rune, out _) == OperationStatus.Done && Rune.IsLower(rune))
                    return Shape.Lower;
                return char.IsDigit(c) ? Shape.Digit : Shape.Upper;
            case TokenKind.Number:
                return Shape.Digit;
            case TokenKind.Dash:
                return Shape.Continuing;
            case TokenKind.Punctuation:
                return c is ',' or ';' or ':' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.ClosePunctuation ? Shape.Continuing : Shape.Other;
            default:
                return Shape.Other;
        }
    }

    /// <summary>An opening quotation mark or bracket, which shows its shape through the token after it.</summary>
    private static bool IsOpener(ReadOnlySpan<char> text, Token token)
    {
        if (token.Kind is TokenKind.Quote) return true;
        return token.Kind == TokenKind.Punctuation && CharUnicodeInfo.GetUnicodeCategory(text[token.Span.Start]) == UnicodeCategory.OpenPunctuation;
    }

    private static bool LineBreakBetween(ReadOnlySpan<char> text, Token before, Token after) =>
        after.Span.Start > before.Span.End && text[before.Span.End..after.Span.Start].IndexOfAny(LineBreaks) >= 0;

    /// <summary>A line ending at token <paramref name="index"/> that reads as a heading or a list entry rather than a wrapped line.</summary>
    private static bool IsHeadingEnd(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int index, TextSpan paragraph, int longestLine)
    {
        var last = tokens[index];
        char end = text[last.Span.End - 1];
        if (end is ',' or ';' or '&' or '/' || last.Kind == TokenKind.Dash || IsOpener(text, last)) return false;
        var next = tokens[index + 1];
        var nextShape = ShapeOf(text, next);
        if (end == ':' && next.Kind == TokenKind.Quote) return false;
        if (nextShape is Shape.Lower or Shape.Continuing) return false;
        if (IsOpener(text, next) && index + 2 < tokens.Length && ShapeOf(text, tokens[index + 2]) == Shape.Lower) return false;
        int lineStart = last.Span.Start;
        while (lineStart > paragraph.Start && !LineBreaks.Contains(text[lineStart - 1])) lineStart--;
        while (lineStart < last.Span.Start && char.IsWhiteSpace(text[lineStart])) lineStart++;
        int length = last.Span.End - lineStart;
        return longestLine <= ShortLineParagraph || length < longestLine * HeadingLineShare;
    }

    private static int LongestLine(ReadOnlySpan<char> text, TextSpan paragraph)
    {
        var span = text[paragraph.Start..paragraph.End];
        int longest = 0;
        while (!span.IsEmpty)
        {
            int found = span.IndexOfAny(LineBreaks);
            var line = (found < 0 ? span : span[..found]).Trim();
            longest = Math.Max(longest, line.Length);
            if (found < 0) break;
            span = span[(found + 1)..];
        }
        return longest;
    }

    /// <summary>True when the line starting at token <paramref name="index"/> begins with a list marker: <c>1.</c>, <c>(a)</c>, <c>b)</c>, <c>IV.</c>, a bullet.</summary>
    private static bool IsListMarker(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int index)
    {
        if (text[tokens[index].Span.Start] != '(' && IsOpener(text, tokens[index]) && index + 1 < tokens.Length
            && tokens[index + 1].Span.Start == tokens[index].Span.End) index++;
        var token = tokens[index];
        var value = text[token.Span.Start..token.Span.End];
        bool spaceAfter = index + 1 >= tokens.Length || tokens[index + 1].Span.Start > token.Span.End;
        if (value.Length == 1 && value[0] is '•' or '·' or '▪' or '‣' or '◦' or '*' or '●' or '○' or '■' or '□' or '-' or '–' or '—' or '\u2043')
            return spaceAfter;
        if (value is "(" && index + 2 < tokens.Length && text[tokens[index + 2].Span.Start] == ')' && tokens[index + 1].Span.Length <= 4
            && tokens[index + 1].Kind is TokenKind.Number or TokenKind.Word)
            return true;
        return ListMarkerPunctuation(text, tokens, index) >= 0 && IsEnumeration(value, token.Kind);
    }

    /// <summary>
    /// The index of the period or bracket of a list marker opening a sentence at <paramref name="index"/>
    /// (<c>1.</c>, <c>a)</c>, <c>IV.</c>), or of an initial or abbreviation opening it, which is not a
    /// sentence end; -1 when there is none.
    /// </summary>
    private static int ListMarkerPunctuation(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int index)
    {
        if (index >= tokens.Length) return -1;
        if (IsOpener(text, tokens[index]) && index + 1 < tokens.Length && tokens[index + 1].Span.Start == tokens[index].Span.End) index++;
        var token = tokens[index];
        var value = text[token.Span.Start..token.Span.End];
        if (token.Kind == TokenKind.Abbreviation && value.Length == 2) return index;
        if (index + 1 >= tokens.Length) return -1;
        var mark = tokens[index + 1];
        if (mark.Span.Start != token.Span.End || mark.Span.Length != 1 || text[mark.Span.Start] is not ('.' or ')')) return -1;
        if (index + 2 < tokens.Length && tokens[index + 2].Span.Start == mark.Span.End) return -1;
        return IsEnumeration(value, token.Kind) ? index + 1 : -1;
    }

    private static bool IsEnumeration(ReadOnlySpan<char> value, TokenKind kind)
    {
        if (kind == TokenKind.Number)
            return !value.ContainsAnyExcept("0123456789") ? value.Length <= 3
                : value.Length <= 8 && char.IsAsciiDigit(value[^1]) && !value.ContainsAnyExcept("0123456789."); // 2.1, 4.3.2
        if (kind == TokenKind.Abbreviation) return value.Length == 2 && char.IsAsciiLetterLower(value[0]);
        if (kind != TokenKind.Word) return false;
        if (value.Length == 1) return char.IsAsciiLetterLower(value[0]);
        return value.Length <= 5 && !value.ContainsAnyExcept("IVXLC");
    }
}
