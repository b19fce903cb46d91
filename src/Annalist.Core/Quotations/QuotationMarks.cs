using System.Buffers;

namespace Annalist.Core.Quotations;

/// <summary>
/// The quotation marks Annalist pairs and which closing marks end a quotation each one opens:
/// “…” ‘…’ (English), „…“ „…” ‚…‘ (German, Polish, Russian), «…» »…« ‹…› ›…‹, ”…” (Swedish),
/// 「…」 『…』, and straight "…" and '…'; also ”…“, reversed by a slip or by OCR.
/// </summary>
public static class QuotationMarks
{
    /// <summary>Every character that may open or close a quotation (apostrophes included).</summary>
    public static readonly SearchValues<char> All = SearchValues.Create("\"'“”„‘’‚«»‹›「」『』");

    public static bool IsQuotationMark(char c) => All.Contains(c);

    /// <summary>True when <paramref name="closing"/> ends a quotation opened by <paramref name="opening"/>.</summary>
    public static bool Closes(char opening, char closing) => opening switch
    {
        '“' => closing is '”' or '“',
        '„' => closing is '“' or '”',
        '”' => closing is '”' or '“',
        '‘' => closing == '’',
        '‚' => closing is '‘' or '’',
        '’' => closing == '’',
        '«' => closing == '»',
        '»' => closing == '«',
        '‹' => closing == '›',
        '›' => closing == '‹',
        '「' => closing == '」',
        '『' => closing == '』',
        '"' => closing == '"',
        '\'' => closing == '\'',
        _ => false,
    };

    /// <summary>Double-style marks (“ ” „ " « » 「 」); the others are single-style, the marks of quotations nested in them.</summary>
    public static bool IsDoubleStyle(char c) => c is '“' or '”' or '„' or '"' or '«' or '»' or '「' or '」';

    /// <summary>Marks that also serve as apostrophes, so a quotation they open counts only when it is closed.</summary>
    public static bool IsApostropheLike(char c) => c is '’' or '\'';
}
