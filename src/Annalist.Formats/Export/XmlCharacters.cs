using Annalist.Core.Annotations;
using Annalist.Core.Errors;

namespace Annalist.Formats.Export;

/// <summary>
/// Keeps text writable as XML 1.0: every character the standard forbids (C0 controls other than tab, line
/// feed and carriage return; U+FFFE, U+FFFF; lone surrogates) becomes U+FFFD, one for one, so every offset
/// still points at the same place.
/// </summary>
public static class XmlCharacters
{
    public const char Replacement = '\uFFFD';

    /// <summary>True when <paramref name="text"/> holds nothing XML 1.0 forbids.</summary>
    public static bool IsClean(ReadOnlySpan<char> text) => FirstForbidden(text) < 0;

    /// <summary>The index of the first forbidden character, or -1.</summary>
    public static int FirstForbidden(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c >= '\u0020' && c < '\uD800') continue;
            if (c < '\u0020')
            {
                if (c is '\t' or '\n' or '\r') continue;
                return i;
            }
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                return i;
            }
            if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF') return i;
        }
        return -1;
    }

    /// <summary>
    /// <paramref name="text"/> with each forbidden character replaced by U+FFFD (the same string when none is),
    /// and ANL5103 naming how many there were and where the first was; no diagnostic when the text is clean.
    /// </summary>
    public static string Sanitize(string text, out Diagnostic? diagnostic)
    {
        ArgumentNullException.ThrowIfNull(text);
        diagnostic = null;
        int first = FirstForbidden(text);
        if (first < 0) return text;
        var chars = text.ToCharArray();
        int count = 0;
        int firstCode = text[first];
        for (int i = first; i < chars.Length; i++)
        {
            int bad = FirstForbidden(chars.AsSpan(i));
            if (bad < 0) break;
            i += bad;
            chars[i] = Replacement;
            count++;
        }
        diagnostic = Diagnostic.From(ErrorCatalogue.XmlForbiddenCharacters, new Core.Text.TextSpan(first, first + 1), null, count, firstCode, first);
        return new string(chars);
    }

    /// <summary>A short string (a title, a name) made writable, without a diagnostic.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return Sanitize(text, out _);
    }
}
