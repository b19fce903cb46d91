namespace Annalist.Core.Time;

internal enum ScanTokenClass : byte
{
    Word,
    Number,
    Punctuation,
}

/// <summary>
/// A light token for the timex grammar: words (letters with inner apostrophes; dotted abbreviations such
/// as <c>a.m.</c> kept whole), digit runs (thousands separators merged: <c>400,000</c> is one number) and
/// single punctuation characters. Hyphens split words so that <c>mid-1944</c> and <c>five-year</c> parse.
/// </summary>
internal readonly record struct ScanToken(int Start, int End, ScanTokenClass Class, int Value, byte Digits, bool Capitalized, bool HasSeparator, TimeWord Word)
{
    public bool IsWord => Class == ScanTokenClass.Word;

    public bool IsNumber => Class == ScanTokenClass.Number;

    public TimeKeyword Keyword => Class == ScanTokenClass.Word ? Word.Keyword : TimeKeyword.None;
}

internal static class TimexTokenizer
{
    /// <summary>Tokenizes <paramref name="text"/> into <paramref name="tokens"/> (cleared first).</summary>
    public static void Tokenize(ReadOnlySpan<char> text, List<ScanToken> tokens)
    {
        tokens.Clear();
        int n = text.Length;
        int i = 0;
        while (i < n)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (char.IsLetter(c))
            {
                int j = i + 1;
                if (j + 1 < n && text[j] == '.' && char.IsLetter(text[j + 1]) && (j + 2 >= n || text[j + 2] == '.' || !char.IsLetter(text[j + 2])))
                {
                    // Dotted abbreviation: a.m., B.C., O.S.
                    while (j + 1 < n && text[j] == '.' && char.IsLetter(text[j + 1]) && (j + 2 >= n || !char.IsLetter(text[j + 2]))) j += 2;
                    if (j < n && text[j] == '.') j++;
                }
                else
                {
                    while (j < n && (char.IsLetter(text[j]) || (IsApostrophe(text[j]) && j + 1 < n && char.IsLetter(text[j + 1]) && !IsPossessive(text, j)))) j++;
                }
                var word = text[i..j];
                tokens.Add(new ScanToken(i, j, ScanTokenClass.Word, 0, 0, char.IsUpper(c), false, TimeLexicon.Get(word)));
                i = j;
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                int j = i;
                long value = 0;
                int digits = 0;
                bool separator = false;
                while (true)
                {
                    while (j < n && char.IsAsciiDigit(text[j]))
                    {
                        if (digits < 10) value = value * 10 + (text[j] - '0');
                        digits++;
                        j++;
                    }
                    if (j + 3 < n + 0 && text[j] == ',' && IsThreeDigits(text, j + 1))
                    {
                        separator = true;
                        j++;
                        continue;
                    }
                    break;
                }
                int shown = digits <= 9 ? (int)value : -1;
                tokens.Add(new ScanToken(i, j, ScanTokenClass.Number, shown, (byte)Math.Min(digits, 255), false, separator, default));
                i = j;
                continue;
            }
            tokens.Add(new ScanToken(i, i + 1, ScanTokenClass.Punctuation, c, 0, false, false, default));
            i++;
        }
    }

    private static bool IsThreeDigits(ReadOnlySpan<char> text, int at) =>
        at + 3 <= text.Length && char.IsAsciiDigit(text[at]) && char.IsAsciiDigit(text[at + 1]) && char.IsAsciiDigit(text[at + 2])
        && (at + 3 == text.Length || !char.IsAsciiDigit(text[at + 3]));

    /// <summary>An apostrophe starting a possessive or contracted <c>'s</c>: <c>last year's</c> splits before it.</summary>
    private static bool IsPossessive(ReadOnlySpan<char> text, int apostrophe) =>
        apostrophe + 1 < text.Length && text[apostrophe + 1] is 's' or 'S' && (apostrophe + 2 >= text.Length || !char.IsLetter(text[apostrophe + 2]));

    public static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ';

    public static bool IsDash(char c) => c is '-' or '–' or '—' or '‑' or '‒';
}
