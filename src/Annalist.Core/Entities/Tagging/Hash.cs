namespace Annalist.Core.Entities.Tagging;

/// <summary>FNV-1a hashes of feature templates and the characters they look at.</summary>
internal static class Hash
{
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    public static uint Of(byte template) => (Offset ^ template) * Prime;

    public static uint Of(byte template, byte value) => (Of(template) ^ value) * Prime;

    public static uint Combine(uint hash, uint value)
    {
        hash = (hash ^ (value & 0xFF)) * Prime;
        hash = (hash ^ ((value >> 8) & 0xFF)) * Prime;
        hash = (hash ^ ((value >> 16) & 0xFF)) * Prime;
        return (hash ^ (value >> 24)) * Prime;
    }

    public static uint Exact(byte template, ReadOnlySpan<char> chars)
    {
        uint hash = Of(template);
        foreach (char c in chars) hash = (hash ^ c) * Prime;
        return hash;
    }

    public static uint Lower(byte template, ReadOnlySpan<char> chars)
    {
        uint hash = Of(template);
        foreach (char c in chars) hash = (hash ^ char.ToLowerInvariant(c)) * Prime;
        return hash;
    }

    /// <summary>Word shape with runs collapsed: <c>Stalin</c> → <c>Xx</c>, <c>J.</c> → <c>X.</c>, <c>1944</c> → <c>d</c>.</summary>
    public static uint Shape(byte template, ReadOnlySpan<char> chars)
    {
        uint hash = Of(template);
        char previous = '\0';
        foreach (char c in chars)
        {
            char s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (s == previous) continue;
            previous = s;
            hash = (hash ^ s) * Prime;
        }
        return hash;
    }
}
