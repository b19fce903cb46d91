using System.Buffers;

namespace Annalist.Core.Tokens;

/// <summary>
/// Splits text into tokens without allocating per token: one pass over the characters, dispatching on
/// each code point's class. Every non-white-space character lies in exactly one token and white space in
/// none, so the text rebuilds from the tokens and the gaps between them. Surrogate pairs and combining
/// sequences are never split; a lone surrogate becomes a token of kind <see cref="TokenKind.Other"/>.
/// Stateless and thread-safe. The policies are described in <c>docs/layers/tokens.md</c>.
/// </summary>
public static class Tokenizer
{
    private const int MaxChainSegment = 2;

    /// <summary>Tokenizes <paramref name="text"/> into a new array.</summary>
    public static Token[] Tokenize(ReadOnlySpan<char> text)
    {
        using var buffer = new TokenBuffer(text.Length / 5 + 16);
        Tokenize(text, buffer);
        return buffer.ToArray();
    }

    /// <summary>
    /// Appends the tokens of <paramref name="text"/> to <paramref name="output"/>, their offsets shifted by
    /// <paramref name="offset"/> (the position of <paramref name="text"/> in its document).
    /// </summary>
    public static void Tokenize(ReadOnlySpan<char> text, TokenBuffer output, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        int i = 0;
        int previousEnd = -1;
        bool mayHoldAddresses = text.IndexOf('@') >= 0 || text.IndexOf("://", StringComparison.Ordinal) >= 0
            || text.IndexOf("www.", StringComparison.Ordinal) >= 0 || text.IndexOf("WWW.", StringComparison.Ordinal) >= 0;
        TokenKind previousKind = TokenKind.Other;
        while (i < text.Length)
        {
            var cls = CharacterClasses.At(text, i, out int width);
            int end;
            TokenKind kind;
            switch (cls)
            {
                case CharacterClass.Space:
                    i += width;
                    continue;
                case CharacterClass.Letter or CharacterClass.Digit when mayHoldAddresses && StartsRun(text, i) && TryScanAddress(text, i, out end, out kind):
                    break;
                case CharacterClass.Letter:
                    if (IsSpacedClockSuffix(text, i, previousKind == TokenKind.Clock && previousEnd == i - 1))
                    {
                        end = i + 2;
                        kind = TokenKind.Clock;
                        break;
                    }
                    end = ScanWord(text, i, width, out kind);
                    if (kind == TokenKind.Word && previousKind == TokenKind.Number && IsClockSuffix(text[i..end]) && OnlySpaces(text, previousEnd, i))
                        kind = TokenKind.Clock;
                    break;
                case CharacterClass.Digit:
                    end = ScanNumber(text, i, width, out kind);
                    break;
                case CharacterClass.Period when text[i] == '.' && IsDigitAt(text, i + 1) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])):
                    end = ScanNumber(text, i, 1, out kind); // .265
                    break;
                case CharacterClass.Period:
                    end = RunOf(text, i, CharacterClass.Period);
                    kind = end - i > 1 ? TokenKind.Ellipsis : TokenKind.Punctuation;
                    break;
                case CharacterClass.Ellipsis:
                    end = RunOf(text, i, CharacterClass.Ellipsis);
                    kind = TokenKind.Ellipsis;
                    break;
                case CharacterClass.Hyphen or CharacterClass.Dash:
                    end = RunOfDashes(text, i);
                    kind = TokenKind.Dash;
                    break;
                case CharacterClass.Exclamation:
                    end = RunOf(text, i, CharacterClass.Exclamation);
                    kind = TokenKind.Punctuation;
                    break;
                case CharacterClass.Apostrophe when IsDetachedPossessive(text, i):
                    end = i + 2;
                    kind = TokenKind.Word; // the ’s of U.S.S.R.’s
                    break;
                case CharacterClass.Apostrophe:
                    end = i + 1;
                    kind = IsPluralPossessive(text, i) ? TokenKind.Apostrophe : TokenKind.Quote;
                    break;
                case CharacterClass.Quote:
                    end = i + 1;
                    kind = TokenKind.Quote;
                    break;
                case CharacterClass.Punctuation:
                    end = i + width;
                    kind = TokenKind.Punctuation;
                    break;
                case CharacterClass.Symbol:
                    end = ScanSymbol(text, i, width);
                    kind = TokenKind.Symbol;
                    break;
                default:
                    end = i + width;
                    kind = TokenKind.Other;
                    break;
            }
            end = AbsorbExtenders(text, end);
            output.Add(offset + i, offset + end, kind);
            previousEnd = end;
            previousKind = kind;
            i = end;
        }
    }

    private static readonly SearchValues<char> RunEnds = SearchValues.Create(" \t\n\r\f\v\u00A0\u0085\u2028\u2029\u3000<>\"“”");

    private static readonly SearchValues<char> EmailLocal = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-");

    private static readonly SearchValues<char> Hostname = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");

    private const int MaxAddressLength = 512;

    private static bool StartsRun(ReadOnlySpan<char> text, int index) =>
        index == 0 || char.IsWhiteSpace(text[index - 1]) || text[index - 1] is '(' or '[' or '<' or '"' or '“' or '\'' or '‘';

    /// <summary>A web or e-mail address starting at <paramref name="start"/>: <c>https://…</c>, <c>www.…</c>, <c>name@host.org</c>.</summary>
    private static bool TryScanAddress(ReadOnlySpan<char> text, int start, out int end, out TokenKind kind)
    {
        end = start;
        kind = TokenKind.Url;
        var window = text.Slice(start, Math.Min(MaxAddressLength, text.Length - start));
        int runLength = window.IndexOfAny(RunEnds);
        var run = runLength < 0 ? window : window[..runLength];
        if (run.Length < 5) return false;
        int scheme = run.IndexOf("://", StringComparison.Ordinal);
        if ((scheme > 0 && scheme <= 6 && !run[..scheme].ContainsAnyExceptInRange('a', 'z') && run.Length > scheme + 3)
            || (run.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && run.Length > 4 && char.IsLetterOrDigit(run[4])))
        {
            end = start + TrimAddress(run).Length;
            return true;
        }
        int at = run.IndexOf('@');
        if (at <= 0 || run[..at].ContainsAnyExcept(EmailLocal)) return false;
        var host = run[(at + 1)..];
        int hostLength = host.IndexOfAnyExcept(Hostname);
        if (hostLength >= 0) host = host[..hostLength];
        host = host.TrimEnd('.');
        int dot = host.LastIndexOf('.');
        if (dot <= 0 || host.Length - dot - 1 < 2 || !char.IsAsciiLetter(host[^1])) return false;
        end = start + at + 1 + host.Length;
        kind = TokenKind.Email;
        return true;
    }

    /// <summary>Leaves out the punctuation that ends a sentence or closes a bracket the address does not open.</summary>
    private static ReadOnlySpan<char> TrimAddress(ReadOnlySpan<char> run)
    {
        while (run.Length > 0)
        {
            char last = run[^1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '’' or '‘') run = run[..^1];
            else if (last == ')' && run.Count(')') > run.Count('(')) run = run[..^1];
            else if (last == ']' && run.Count(']') > run.Count('[')) run = run[..^1];
            else break;
        }
        return run;
    }

    private static int ScanWord(ReadOnlySpan<char> text, int start, int firstWidth, out TokenKind kind)
    {
        int j = start + firstWidth;
        bool plain = true; // letters only so far, for abbreviation chains
        while (j < text.Length)
        {
            var cls = CharacterClasses.At(text, j, out int width);
            if (cls is CharacterClass.Letter or CharacterClass.Extender)
            {
                j += width;
                continue;
            }
            if (cls == CharacterClass.Digit)
            {
                plain = false;
                j += width;
                continue;
            }
            if (cls is CharacterClass.Apostrophe && CharacterClasses.AtOrSpace(text, j + 1) == CharacterClass.Letter)
            {
                plain = false;
                j += 1;
                continue;
            }
            if (cls is CharacterClass.Hyphen && CharacterClasses.AtOrSpace(text, j + 1) is CharacterClass.Letter or CharacterClass.Digit)
            {
                plain = false;
                j += 1;
                continue;
            }
            break;
        }

        kind = TokenKind.Word;
        if (IsOClock(text[start..j]))
        {
            kind = TokenKind.Clock;
            return j;
        }
        if (j >= text.Length || text[j] != '.' || (j + 1 < text.Length && text[j + 1] == '.')) return j;

        // A chain of short letter segments joined by periods: U.S.S.R., e.g., a.m., Ph.D.
        if (plain && j - start <= MaxChainSegment)
        {
            int chainEnd = ScanChain(text, j, char.IsLower(text[start]));
            if (chainEnd > j)
            {
                var chain = text[start..chainEnd];
                kind = IsDottedClockSuffix(chain) ? TokenKind.Clock : TokenKind.Abbreviation;
                return chainEnd;
            }
        }
        var word = text[start..j];
        if ((word.Length == 1 && (char.IsUpper(word[0]) || char.IsLower(word[0]))) || Abbreviations.TryGetKind(word, out _))
        {
            kind = TokenKind.Abbreviation;
            return j + 1;
        }
        return j;
    }

    /// <summary>From the period after a first short segment, the end of a chain of at least two segments, or <paramref name="period"/>.</summary>
    private static int ScanChain(ReadOnlySpan<char> text, int period, bool lowercase)
    {
        int k = period;
        int segments = 1;
        while (k < text.Length && text[k] == '.')
        {
            int m = k + 1;
            while (m < text.Length && m - (k + 1) <= MaxChainSegment && CharacterClasses.At(text, m, out _) == CharacterClass.Letter && !char.IsSurrogate(text[m])) m++;
            int length = m - (k + 1);
            if (length == 0 || length > MaxChainSegment) break;
            if (lowercase && !char.IsLower(text[k + 1])) break; // it.A is a missing space, not i.e.
            var after = CharacterClasses.AtOrSpace(text, m);
            if (after is CharacterClass.Letter or CharacterClass.Digit or CharacterClass.Extender) break;
            k = m;
            segments++;
        }
        if (segments < 2) return period;
        if (k < text.Length && text[k] == '.' && !(k + 1 < text.Length && text[k + 1] == '.')) k++;
        return k;
    }

    private static int ScanNumber(ReadOnlySpan<char> text, int start, int firstWidth, out TokenKind kind)
    {
        kind = TokenKind.Number;
        int j = SkipDigits(text, start + firstWidth);
        int groupStart = start;
        while (j + 1 < text.Length)
        {
            char c = text[j];
            if (c == ',' && IsThousandsGroup(text, j + 1))
            {
                j += 4;
                continue;
            }
            if (c == ':' && kind == TokenKind.Number && j - groupStart is 1 or 2 && IsTwoDigits(text, j + 1))
            {
                kind = TokenKind.Clock;
                j += 3;
                if (j + 2 < text.Length && text[j] == ':' && IsTwoDigits(text, j + 1)) j += 3;
                break;
            }
            if (c is '.' or '/' or '-' or '\u2010' or '\u2011' or '\u2013' && IsDigitAt(text, j + 1))
            {
                groupStart = j + 1;
                j = SkipDigits(text, j + 1);
                continue;
            }
            break;
        }

        // Suffixes that belong to the number: ordinals and decades (14th, 1940s) and clock suffixes (11pm, 11p.m.).
        int letters = j;
        while (letters < text.Length && letters - j <= 3 && char.IsAsciiLetter(text[letters])) letters++;
        if (letters > j)
        {
            if (CharacterClasses.AtOrSpace(text, letters) is CharacterClass.Letter or CharacterClass.Digit or CharacterClass.Extender) return j;
            var suffix = text[j..letters];
            if (IsClockSuffix(suffix))
            {
                kind = TokenKind.Clock;
                return letters;
            }
            if (IsNumberSuffix(suffix)) return letters;
            var dotted = text[j..Math.Min(text.Length, j + 4)];
            if (suffix.Length == 1 && IsDottedClockSuffix(dotted))
            {
                kind = TokenKind.Clock;
                return j + dotted.Length;
            }
        }
        else if (j + 1 < text.Length && CharacterClasses.At(text, j, out _) == CharacterClass.Apostrophe && text[j + 1] == 's'
            && CharacterClasses.AtOrSpace(text, j + 2) is not (CharacterClass.Letter or CharacterClass.Digit))
        {
            return j + 2; // 1940's
        }
        return j;
    }

    private static int SkipDigits(ReadOnlySpan<char> text, int index)
    {
        while (index < text.Length)
        {
            var cls = CharacterClasses.At(text, index, out int width);
            if (cls is not (CharacterClass.Digit or CharacterClass.Extender)) break;
            index += width;
        }
        return index;
    }

    private static bool IsDigitAt(ReadOnlySpan<char> text, int index) =>
        index < text.Length && CharacterClasses.At(text, index, out _) == CharacterClass.Digit;

    private static bool IsTwoDigits(ReadOnlySpan<char> text, int index) =>
        index + 1 < text.Length && char.IsAsciiDigit(text[index]) && char.IsAsciiDigit(text[index + 1])
        && !IsDigitAt(text, index + 2);

    private static bool IsThousandsGroup(ReadOnlySpan<char> text, int index) =>
        index + 2 < text.Length && char.IsAsciiDigit(text[index]) && char.IsAsciiDigit(text[index + 1]) && char.IsAsciiDigit(text[index + 2])
        && !IsDigitAt(text, index + 3);

    private static bool IsNumberSuffix(ReadOnlySpan<char> suffix) =>
        suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
        || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)
        || suffix.Equals("d", StringComparison.Ordinal) || suffix.Equals("s", StringComparison.Ordinal);

    private static bool IsClockSuffix(ReadOnlySpan<char> word) =>
        word.Equals("am", StringComparison.OrdinalIgnoreCase) || word.Equals("pm", StringComparison.OrdinalIgnoreCase);

    /// <summary>Either half of the older spaced form <c>p. m.</c>: at <paramref name="index"/> <c>a.</c>/<c>p.</c> before <c>m.</c>, or <c>m.</c> after one.</summary>
    private static bool IsSpacedClockSuffix(ReadOnlySpan<char> text, int index, bool afterFirstHalf)
    {
        if (index + 1 >= text.Length || text[index + 1] != '.' || CharacterClasses.AtOrSpace(text, index + 2) is CharacterClass.Letter or CharacterClass.Digit) return false;
        char letter = (char)(text[index] | 0x20);
        if (letter == 'm') return afterFirstHalf;
        return letter is 'a' or 'p' && index + 4 < text.Length && text[index + 2] == ' '
            && (text[index + 3] | 0x20) == 'm' && text[index + 4] == '.';
    }

    private static bool IsDottedClockSuffix(ReadOnlySpan<char> word) =>
        word.Length is 3 or 4 && (word[0] | 0x20) is 'a' or 'p' && word[1] == '.' && (word[2] | 0x20) == 'm' && (word.Length == 3 || word[3] == '.');

    private static bool IsOClock(ReadOnlySpan<char> word) =>
        word.Length == 7 && (word[0] | 0x20) == 'o' && word[1] is '\'' or '\u2019' && word[2..].Equals("clock", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>’s</c> touching a token that could not take it in, such as an abbreviation: <c>U.S.’s</c>.</summary>
    private static bool IsDetachedPossessive(ReadOnlySpan<char> text, int index) =>
        index > 0 && index + 1 < text.Length && text[index - 1] == '.' && (text[index + 1] | 0x20) == 's'
        && CharacterClasses.AtOrSpace(text, index + 2) is not (CharacterClass.Letter or CharacterClass.Digit);

    /// <summary>An apostrophe straight after a word ending in s and not before a letter: <c>the envoys’ cars</c>.</summary>
    private static bool IsPluralPossessive(ReadOnlySpan<char> text, int index) =>
        index > 0 && (text[index - 1] | 0x20) == 's' && CharacterClasses.AtOrSpace(text, index + 1) is not (CharacterClass.Letter or CharacterClass.Digit);

    private static bool OnlySpaces(ReadOnlySpan<char> text, int from, int to)
    {
        if (from < 0 || from >= to) return false;
        foreach (char c in text[from..to])
        {
            if (c is not (' ' or '\u00A0' or '\u202F' or '\t')) return false;
        }
        return true;
    }

    private static int RunOf(ReadOnlySpan<char> text, int index, CharacterClass cls)
    {
        int j = index + 1;
        while (j < text.Length && CharacterClasses.At(text, j, out _) == cls) j++;
        return j;
    }

    private static int RunOfDashes(ReadOnlySpan<char> text, int index)
    {
        int j = index + 1;
        while (j < text.Length && CharacterClasses.At(text, j, out _) is CharacterClass.Hyphen or CharacterClass.Dash) j++;
        return j;
    }

    /// <summary>A symbol, with a second regional indicator when it begins a flag.</summary>
    private static int ScanSymbol(ReadOnlySpan<char> text, int index, int width)
    {
        int end = index + width;
        if (width == 2 && IsRegionalIndicator(text, index) && end + 1 < text.Length && IsRegionalIndicator(text, end)) end += 2;
        return end;
    }

    private static bool IsRegionalIndicator(ReadOnlySpan<char> text, int index) =>
        index + 1 < text.Length && char.IsSurrogatePair(text[index], text[index + 1])
        && char.ConvertToUtf32(text[index], text[index + 1]) is >= 0x1F1E6 and <= 0x1F1FF;

    /// <summary>Takes in combining marks, joiners and modifiers, and after a zero-width joiner the code point it joins.</summary>
    private static int AbsorbExtenders(ReadOnlySpan<char> text, int end)
    {
        while (end < text.Length)
        {
            var cls = CharacterClasses.At(text, end, out int width);
            if (cls != CharacterClass.Extender) break;
            end += width;
            if (text[end - 1] == '\u200D' && end < text.Length)
            {
                var joined = CharacterClasses.At(text, end, out int joinedWidth);
                if (joined is CharacterClass.Symbol or CharacterClass.Letter) end += joinedWidth;
            }
        }
        return end;
    }
}
