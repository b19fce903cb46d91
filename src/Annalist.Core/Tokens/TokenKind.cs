namespace Annalist.Core.Tokens;

public enum TokenKind : byte
{
    /// <summary>Letters, with inner apostrophes and hyphens (<c>don’t</c>, <c>hand-held</c>).</summary>
    Word,
    /// <summary>Digits with separators or a range (<c>1944</c>, <c>400,000</c>, <c>15-60</c>, <c>3.5</c>).</summary>
    Number,
    /// <summary>A number or word written with a clock suffix (<c>11pm</c>, <c>o’clock</c>, <c>23:00</c>).</summary>
    Clock,
    /// <summary>An initial or an abbreviation with its periods (<c>J.</c>, <c>Gen.</c>, <c>U.S.S.R.</c>).</summary>
    Abbreviation,
    /// <summary>A quotation mark of any style, straight or curly.</summary>
    Quote,
    /// <summary>An apostrophe not inside a word (<c>the envoys’</c>).</summary>
    Apostrophe,
    /// <summary>A hyphen or dash standing alone (<c>–</c>, <c>—</c>, <c>--</c>).</summary>
    Dash,
    /// <summary><c>…</c> or a run of periods.</summary>
    Ellipsis,
    /// <summary>Any other punctuation.</summary>
    Punctuation,
    /// <summary>A symbol: currency, percent, mathematical, other.</summary>
    Symbol,
    /// <summary>Anything else that is not white space.</summary>
    Other,
    /// <summary>A web address, with its scheme or starting <c>www.</c>, without trailing punctuation.</summary>
    Url,
    /// <summary>An e-mail address.</summary>
    Email,
}
