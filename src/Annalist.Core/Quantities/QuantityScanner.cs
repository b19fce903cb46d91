using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using System.Globalization;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Core.Quantities;

/// <summary>
/// Reads quantities off the token stream: [hedge] [a] [currency symbol] number [range] [scale] then a
/// percent sign, a currency, a unit of measure or a counted noun phrase. One pass, no regular expressions.
/// </summary>
internal sealed class QuantityScanner
{
    private const int MaxItemWords = 5;

    /// <summary>How many tokens may come before the number: the longest hedge, an article and a currency sign.</summary>
    private const int LeadWindow = 7;

    /// <summary>The largest number in words that a gathering noun's size (<c>a circle of four people</c>) is read as describing the gathering.</summary>
    private const double GatheringSizeLimit = 12;

    private readonly string _text;
    private readonly ImmutableArray<Token> _tokens;
    private readonly bool[] _taken;
    private readonly List<Diagnostic>? _diagnostics;

    public QuantityScanner(string text, ImmutableArray<Token> tokens, IEnumerable<TextSpan> excluded, List<Diagnostic>? diagnostics)
    {
        _text = text;
        _tokens = tokens;
        _diagnostics = diagnostics;
        _taken = new bool[tokens.Length];
        int t = 0;
        foreach (var span in excluded.OrderBy(s => s.Start))
        {
            while (t < tokens.Length && tokens[t].Span.End <= span.Start) t++;
            for (int k = t; k < tokens.Length && tokens[k].Span.Start < span.End; k++) _taken[k] = true;
        }
    }

    private readonly record struct NumberRead(double Value, double? Min, double? Max, int End, bool Words, bool BareOne);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<Quantity> Scan()
    {
        var result = new List<Quantity>();
        int i = 0;
        int next = -1;
        while (i < _tokens.Length)
        {
            // Most tokens are far from any number: jump to the first one a hedge could still reach.
            if (next < i) next = NextNumeric(i);
            if (next >= _tokens.Length) break;
            if (next - i > LeadWindow)
            {
                i = next - LeadWindow;
                continue;
            }
            if (_taken[i] || !TryQuantityAt(i, out var quantity, out int end))
            {
                i++;
                continue;
            }
            result.Add(quantity);
            i = end;
        }
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int NextNumeric(int from)
    {
        for (int k = from; k < _tokens.Length; k++)
        {
            var kind = _tokens[k].Kind;
            if (kind == TokenKind.Number) return k;
            if (kind is not TokenKind.Word) continue;
            char first = (char)(_text[_tokens[k].Span.Start] | 0x20);
            if (first >= 128 || !QuantityLexicon.NumberWordInitials[first]) continue;
            if (TrySmall(Word(k), out _) || QuantityLexicon.ScaleLookup.ContainsKey(Word(k))) return k;
        }
        return _tokens.Length;
    }

    /// <summary>
    /// "In this circle of four people": a small number of people after a gathering noun tells what the
    /// gathering is like; nothing is counted, asked for or moved.
    /// </summary>
    private bool IsGatheringSize(int start, NumberRead number, TextSpan? item)
    {
        if (!number.Words || number.Value > GatheringSizeLimit || item is not { } counted || start < 2) return false;
        var head = _text.AsSpan(counted.Start, counted.Length);
        if (!(head.Equals("people", StringComparison.OrdinalIgnoreCase) || head.Equals("persons", StringComparison.OrdinalIgnoreCase)
            || head.Equals("men", StringComparison.OrdinalIgnoreCase))) return false;
        return WordIs(start - 1, "of") && IsWord(start - 2) && QuantityLexicon.GatheringLookup.Contains(Word(start - 2));
    }

    private ReadOnlySpan<char> Word(int i)
    {
        var span = _text.AsSpan(_tokens[i].Span.Start, _tokens[i].Span.Length);
        return _tokens[i].Kind == TokenKind.Abbreviation && span.Length > 1 && span[^1] == '.' ? span[..^1] : span;
    }

    private bool IsWord(int i) => i < _tokens.Length && !_taken[i] && _tokens[i].Kind is TokenKind.Word or TokenKind.Abbreviation;

    private bool WordIs(int i, string word) => IsWord(i) && Word(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryQuantityAt(int start, out Quantity quantity, out int end)
    {
        quantity = null!;
        end = start;
        int k = start;
        string? qualifier = null;
        string? rangeJoiner = null;
        if (TryQualifier(k, out int afterQualifier, out string? hedge))
        {
            qualifier = hedge;
            k = afterQualifier;
            if ((WordIs(k, "a") || WordIs(k, "an")) && k + 1 < _tokens.Length && _tokens[k + 1].Kind == TokenKind.Number) k++;
        }
        else if (WordIs(k, "between") || WordIs(k, "from"))
        {
            rangeJoiner = WordIs(k, "from") ? "to" : "and";
            k++;
        }
        int numberStart = k;
        string? currency = null;
        if (k < _tokens.Length && !_taken[k] && _tokens[k].Kind == TokenKind.Symbol && _tokens[k].Span.Length == 1
            && QuantityLexicon.CurrencyOfSymbol(_text[_tokens[k].Span.Start]) is { } symbolCurrency)
        {
            currency = symbolCurrency;
            k++;
        }
        if (!TryNumber(k, out var number)) return false;
        if (IsReference(start, numberStart) || IsListMarkerOrFootnote(k)) return false;

        double? min = number.Min, max = number.Max;
        int e = number.End;
        bool rangeJoined = false;
        if (min is null && e < _tokens.Length && !_taken[e])
        {
            bool joiner = rangeJoiner is not null
                ? WordIs(e, rangeJoiner)
                : _tokens[e].Kind == TokenKind.Dash || WordIs(e, "to") || WordIs(e, "or");
            int second = e + 1;
            if (joiner && currency is not null && second < _tokens.Length && _tokens[second].Kind == TokenKind.Symbol
                && QuantityLexicon.CurrencyOfSymbol(_text[_tokens[second].Span.Start]) == currency) second++;
            if (joiner && TryNumber(second, out var upper) && upper.Min is null && !upper.BareOne)
            {
                min = number.Value;
                max = upper.Value;
                e = upper.End;
                rangeJoined = true;
            }
        }
        if (rangeJoiner is not null && !rangeJoined)
        {
            // "from 30 cars" is no range: read again without the preposition.
            return false;
        }
        if (number.BareOne && currency is null && !rangeJoined)
        {
            if (!(IsWord(e) && (QuantityLexicon.MeasureLookup.Contains(Word(e)) || QuantityLexicon.CurrencyLookup.Contains(Word(e))))) return false;
        }
        if (min is { } low && max is { } high && low > high)
            _diagnostics?.Add(Diagnostic.From(ErrorCatalogue.InvertedQuantityRange, Span(start, e), QuantityAnnotator.ComponentId.ToString(), _text.Substring(_tokens[start].Span.Start, _tokens[e - 1].Span.End - _tokens[start].Span.Start)));

        var kind = QuantityKind.Number;
        string? unit = null;
        TextSpan? item = null;
        if (currency is not null)
        {
            kind = QuantityKind.Money;
            unit = currency;
        }
        else if (e < _tokens.Length && !_taken[e] && _tokens[e].Kind == TokenKind.Symbol && _text[_tokens[e].Span.Start] == '%' && Adjacent(e - 1, e))
        {
            kind = QuantityKind.Percent;
            unit = "percent";
            e++;
        }
        else if (IsWord(e) && QuantityLexicon.PercentLookup.Contains(Word(e)))
        {
            kind = QuantityKind.Percent;
            unit = "percent";
            e++;
        }
        else if (WordIs(e, "per") && WordIs(e + 1, "cent"))
        {
            kind = QuantityKind.Percent;
            unit = "percent";
            e += 2;
        }
        else if (IsWord(e) && QuantityLexicon.CurrencyLookup.Contains(Word(e)))
        {
            kind = QuantityKind.Money;
            unit = Word(e).ToString();
            e++;
        }
        else if ((WordIs(e, "square") || WordIs(e, "cubic")) && IsWord(e + 1) && QuantityLexicon.MeasureLookup.Contains(Word(e + 1)))
        {
            kind = QuantityKind.Measure;
            unit = _text[_tokens[e].Span.Start.._tokens[e + 1].Span.End];
            e += 2;
        }
        else if (IsWord(e) && QuantityLexicon.MeasureLookup.Contains(Word(e)) && !IsCountedAfterMeasure(e))
        {
            kind = QuantityKind.Measure;
            unit = Word(e).ToString();
            e++;
        }
        else if (TryItem(e, out int itemEnd))
        {
            kind = QuantityKind.Count;
            item = Span(e, itemEnd);
            unit = _text.Substring(item.Value.Start, item.Value.Length);
            e = itemEnd;
        }

        bool range = min is not null;
        if (kind == QuantityKind.Count && qualifier is null && !range && IsGatheringSize(start, number, item)) return false;
        // A bare four-digit number between 1000 and 2100 that the time layer left alone is a year far more often than an amount (the 1956 session).
        if (kind == QuantityKind.Number && qualifier is null && !range && !number.Words && number.Value is >= 1000 and <= 2100 && number.Value % 1 == 0
            && _tokens[numberStart].Span.Length == 4) return false;
        // "reached Ankara at seven", "came at ten": a bare small number after "at" is an hour the time layer left alone.
        if (kind == QuantityKind.Number && qualifier is null && !range && start > 0 && WordIs(start - 1, "at") && number.Value is >= 1 and <= 12 && number.Value % 1 == 0) return false;
        quantity = new Quantity(Span(start, e), kind, range ? null : number.Value, min, max, unit, qualifier, item);
        end = e;
        return true;
    }

    // "76 mm guns": the measure describes the counted thing; the count reading is no better, so keep the measure unless a plural follows.
    private bool IsCountedAfterMeasure(int unit) =>
        Word(unit).Length <= 2 && IsWord(unit + 1) && IsPluralNoun(Word(unit + 1));

    private TextSpan Span(int first, int endExclusive) => new TextSpan(_tokens[first].Span.Start, _tokens[endExclusive - 1].Span.End);

    private bool Adjacent(int left, int right) => _tokens[left].Span.End == _tokens[right].Span.Start;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryQualifier(int k, out int end, out string? qualifier)
    {
        end = k;
        qualifier = null;
        if (!IsWord(k) || !QuantityLexicon.QualifiersByFirstWordLookup.TryGetValue(Word(k), out int[]? candidates)) return false;
        foreach (int candidate in candidates)
        {
            var phrase = QuantityLexicon.Qualifiers[candidate];
            int j = k;
            bool matched = true;
            foreach (string word in phrase)
            {
                if (!WordIs(j, word))
                {
                    matched = false;
                    break;
                }
                j++;
            }
            if (matched)
            {
                end = j;
                qualifier = QuantityLexicon.QualifierNames[candidate];
                return true;
            }
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryNumber(int k, out NumberRead number)
    {
        number = default;
        if (k >= _tokens.Length || _taken[k]) return false;
        var token = _tokens[k];
        if (token.Kind == TokenKind.Number)
        {
            if (!TryParseDigits(_text.AsSpan(token.Span.Start, token.Span.Length), out double value, out double? min, out double? max, out bool tooLong)) return false;
            if (tooLong) _diagnostics?.Add(Diagnostic.From(ErrorCatalogue.ImpreciseNumber, token.Span, QuantityAnnotator.ComponentId.ToString(), _text.Substring(token.Span.Start, token.Span.Length)));
            int j = k + 1;
            double scale = 1;
            while (IsWord(j) && QuantityLexicon.ScaleLookup.TryGetValue(Word(j), out double s) && s >= 100)
            {
                scale *= s;
                j++;
            }
            number = new NumberRead(value * scale, min * scale, max * scale, j, false, false);
            return true;
        }
        if (!IsWord(k)) return false;
        return TryNumberWords(k, out number);
    }

    private bool TryNumberWords(int k, out NumberRead number)
    {
        number = default;
        double total = 0, current = 0;
        bool any = false, lastWasScale = false;
        int lastSmall = -1;
        int j = k;
        while (IsWord(j))
        {
            var word = Word(j);
            if (TrySmall(word, out int small))
            {
                if (lastSmall >= 0 && !(lastSmall >= 20 && lastSmall % 10 == 0 && small < 10)) break;
                current += small;
                lastSmall = small;
                any = true;
                lastWasScale = false;
                j++;
            }
            else if (QuantityLexicon.ScaleLookup.TryGetValue(word, out double scale))
            {
                if (!any) break;
                if (scale == 100) current = (current == 0 ? 1 : current) * 100;
                else
                {
                    total += (current == 0 ? 1 : current) * scale;
                    current = 0;
                }
                lastSmall = -1;
                lastWasScale = true;
                j++;
            }
            else if (!any && (word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("an", StringComparison.OrdinalIgnoreCase))
                && IsWord(j + 1) && QuantityLexicon.ScaleLookup.TryGetValue(Word(j + 1), out _))
            {
                current = 1;
                any = true;
                lastSmall = -1;
                j++;
            }
            else if (any && word.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                if (WordIs(j + 1, "a") && WordIs(j + 2, "half"))
                {
                    current += 0.5;
                    lastSmall = -1;
                    j += 3;
                }
                else if (lastWasScale && IsWord(j + 1) && TrySmall(Word(j + 1), out _)) j++;
                else break;
            }
            else break;
        }
        if (!any) return false;
        bool bareOne = j == k + 1 && total + current == 1;
        number = new NumberRead(total + current, null, null, j, true, bareOne);
        return true;
    }

    private static bool TrySmall(ReadOnlySpan<char> word, out int value)
    {
        if (QuantityLexicon.SmallLookup.TryGetValue(word, out value)) return true;
        int hyphen = word.IndexOfAny('-', '\u2010', '\u2011');
        if (hyphen > 0 && QuantityLexicon.SmallLookup.TryGetValue(word[..hyphen], out int tens) && tens >= 20 && tens % 10 == 0
            && QuantityLexicon.SmallLookup.TryGetValue(word[(hyphen + 1)..], out int units) && units is > 0 and < 10)
        {
            value = tens + units;
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>Digits with thousands separators and a decimal point, a fraction, or a range of two such.</summary>
    internal static bool TryParseDigits(ReadOnlySpan<char> token, out double value, out double? min, out double? max, out bool tooLong)
    {
        value = 0;
        min = max = null;
        tooLong = false;
        int dash = token.IndexOfAny("-\u2010\u2011\u2013");
        if (dash > 0)
        {
            if (!TryParsePlain(token[..dash], out double low, ref tooLong) || !TryParsePlain(token[(dash + 1)..], out double high, ref tooLong)) return false;
            min = low;
            max = high;
            value = low;
            return true;
        }
        int slash = token.IndexOf('/');
        if (slash > 0)
        {
            if (token.Length > 5 || !TryParsePlain(token[..slash], out double numerator, ref tooLong) || !TryParsePlain(token[(slash + 1)..], out double denominator, ref tooLong)
                || denominator == 0 || numerator >= denominator) return false;
            value = numerator / denominator;
            return true;
        }
        return TryParsePlain(token, out value, ref tooLong);
    }

    private static bool TryParsePlain(ReadOnlySpan<char> digits, out double value, ref bool tooLong)
    {
        value = 0;
        if (digits.IsEmpty) return false;
        int dot = -1, significant = 0, groupLength = -1;
        for (int i = 0; i < digits.Length; i++)
        {
            char c = digits[i];
            if (char.IsAsciiDigit(c))
            {
                if (groupLength >= 0) groupLength++;
                significant++;
            }
            else if (c == ',' && dot < 0 && i > 0)
            {
                if (groupLength >= 0 && groupLength != 3) return false;
                groupLength = 0;
            }
            else if (c == '.' && dot < 0 && i > 0 && i < digits.Length - 1) dot = i;
            else return false;
        }
        if (groupLength >= 0 && groupLength != 3 && dot < 0) return false;
        Span<char> buffer = stackalloc char[Math.Min(digits.Length, 64)];
        int length = 0;
        foreach (char c in digits)
        {
            if (c == ',') continue;
            if (length == buffer.Length) return false;
            buffer[length++] = c;
        }
        if (significant > 15) tooLong = true;
        return double.TryParse(buffer[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private bool IsReference(int start, int numberStart)
    {
        int before = start - 1;
        if (before < 0) return false;
        var token = _tokens[before];
        if (token.Kind == TokenKind.Symbol && _text[token.Span.Start] is '#' or '§' or '¶') return true;
        if (token.Kind is not (TokenKind.Word or TokenKind.Abbreviation)) return false;
        return start == numberStart && QuantityLexicon.ReferenceLookup.Contains(Word(before));
    }

    private bool IsListMarkerOrFootnote(int numberIndex)
    {
        var token = _tokens[numberIndex];
        int at = token.Span.Start;
        if (token.Kind != TokenKind.Number) return false;
        if (at > 0 && char.IsLetter(_text[at - 1])) return true;
        if (at > 1 && _text[at - 1] is '.' or ',' or ';' && char.IsLetter(_text[at - 2]) && numberIndex + 1 < _tokens.Length
            && _tokens[numberIndex + 1].Span.Start > token.Span.End) return true;
        int lineStart = at;
        while (lineStart > 0 && _text[lineStart - 1] is ' ' or '\t') lineStart--;
        bool atLineStart = lineStart == 0 || _text[lineStart - 1] is '\n' or '\r';
        return atLineStart && numberIndex + 1 < _tokens.Length && Adjacent(numberIndex, numberIndex + 1)
            && _text[_tokens[numberIndex + 1].Span.Start] is '.' or ')';
    }

    private bool TryItem(int e, out int end)
    {
        end = e;
        int head = -1, words = 0;
        int j = e;
        while (j < _tokens.Length && words < MaxItemWords && IsWord(j) && (j == e || !HasBreakBetween(j - 1, j)))
        {
            var word = Word(j);
            if (QuantityLexicon.BreakerLookup.Contains(word))
            {
                if (head < 0 && words > 0 && (word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase))
                    && IsWord(j + 1) && !QuantityLexicon.BreakerLookup.Contains(Word(j + 1)) && !TrySmall(Word(j + 1), out _))
                {
                    j++;
                    continue;
                }
                break;
            }
            if (TrySmall(word, out _) || QuantityLexicon.ScaleLookup.TryGetValue(word, out _)) break;
            words++;
            if (j == e && IsAcronym(word))
            {
                head = j;
                break;
            }
            if (IsPluralNoun(word))
            {
                head = j;
                break;
            }
            if (QuantityLexicon.CountNounLookup.Contains(word)) head = j;
            j++;
        }
        if (head < 0) return false;
        end = head + 1;
        return true;
    }

    private bool HasBreakBetween(int left, int right)
    {
        for (int c = _tokens[left].Span.End; c < _tokens[right].Span.Start; c++)
        {
            if (_text[c] is '\n' or '\r') return true;
        }
        return false;
    }

    private static bool IsAcronym(ReadOnlySpan<char> word)
    {
        int upper = 0;
        foreach (char c in word)
        {
            if (char.IsUpper(c)) upper++;
        }
        return upper >= 2 && word.Length <= 8;
    }

    internal static bool IsPluralNoun(ReadOnlySpan<char> word)
    {
        if (QuantityLexicon.CountNounLookup.Contains(word) && !word.EndsWith("s", StringComparison.OrdinalIgnoreCase))
            return word.Equals("people", StringComparison.OrdinalIgnoreCase) || word.Equals("men", StringComparison.OrdinalIgnoreCase)
                || word.Equals("women", StringComparison.OrdinalIgnoreCase) || word.Equals("children", StringComparison.OrdinalIgnoreCase)
                || word.Equals("personnel", StringComparison.OrdinalIgnoreCase) || word.Equals("cattle", StringComparison.OrdinalIgnoreCase)
                || word.Equals("police", StringComparison.OrdinalIgnoreCase) || word.Equals("oxen", StringComparison.OrdinalIgnoreCase)
                || word.Equals("aircraft", StringComparison.OrdinalIgnoreCase) || word.Equals("livestock", StringComparison.OrdinalIgnoreCase)
                || word.Equals("copies", StringComparison.OrdinalIgnoreCase);
        if (word.Length < 3 || !char.IsLetter(word[0])) return false;
        char last = char.ToLowerInvariant(word[^1]), previous = char.ToLowerInvariant(word[^2]);
        return last == 's' && previous is not ('s' or 'u' or 'i' or '\'' or '\u2019');
    }
}
