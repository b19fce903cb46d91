using System.Text;

namespace Annalist.Core.Text;

/// <summary>
/// The form names are compared in: lower case, the accents of Latin letters removed (<c>Ibáñez</c> → <c>ibanez</c>,
/// <c>Łódź</c> → <c>lodz</c>), apostrophes dropped (<c>O’Neill</c> → <c>oneill</c>). A table rather than Unicode
/// normalization, which the invariant globalization mode the project runs in leaves undone.
/// </summary>
public static class NameFolding
{
    public static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ';

    public static string Fold(ReadOnlySpan<char> word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (char c in word)
        {
            if (IsApostrophe(c) || c is >= '\u0300' and <= '\u036F') continue;
            builder.Append(c is >= '\u00C0' and <= '\u017F' ? LatinBase[c - 0xC0] : char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>The lower-case base letter of each character from U+00C0 to U+017F (letters without one, such as ø or ł, by their look).</summary>
    private const string LatinBase =
        "aaaaaaaceeeeiiiidnooooo×ouuuuytsaaaaaaaceeeeiiiidnooooo÷ouuuuyty" +
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
}
