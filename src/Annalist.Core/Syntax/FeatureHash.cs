using System.Runtime.CompilerServices;

namespace Annalist.Core.Syntax;

/// <summary>
/// 64-bit hashing for model features: words and affixes hash character by character (no strings made),
/// and a feature is a template number mixed with one to three values. Stable across runs and machines,
/// because shipped models store these hashes.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Hash of a boundary or placeholder symbol (sentence start, root, none).</summary>
    public static ulong Symbol(int symbol) => Finalize(0xA0761D6478BD642FUL + (ulong)symbol * 0xE7037ED1A0B428DBUL);

    /// <summary>Hashes characters as written.</summary>
    public static ulong Chars(ReadOnlySpan<char> text)
    {
        ulong hash = Offset;
        foreach (char c in text) hash = (hash ^ Normalize(c)) * Prime;
        return Finalize(hash);
    }

    /// <summary>Hashes characters folded to lower case.</summary>
    public static ulong LowerChars(ReadOnlySpan<char> text)
    {
        ulong hash = Offset;
        foreach (char c in text) hash = (hash ^ char.ToLowerInvariant(Normalize(c))) * Prime;
        return Finalize(hash);
    }

    /// <summary>The same hash a string gets from <see cref="Chars"/>, for labels.</summary>
    public static ulong Label(string label) => Chars(label);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a) => Finalize(a + (ulong)(template + 1) * 0x9E3779B97F4A7C15UL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b) => Finalize(Combine(Combine((ulong)(template + 1) * 0x9E3779B97F4A7C15UL, a), b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b, ulong c) => Finalize(Combine(Combine(Combine((ulong)(template + 1) * 0x9E3779B97F4A7C15UL, a), b), c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Combine(ulong seed, ulong value) => (seed ^ value) * 0xBF58476D1CE4E5B9UL + 0x94D049BB133111EBUL + (seed << 7);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finalize(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h == 0 ? 1 : h;
    }

    /// <summary>Treats typographic variants as one: curly apostrophes and quotation marks as straight ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Normalize(char c) => c switch
    {
        '\u2019' or '\u2018' or '\u02BC' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
        '\u2013' or '\u2014' or '\u2212' => '-',
        _ => c,
    };
}
