using FsCheck;
using FsCheck.Fluent;

namespace Annalist.Core.Tests.Generators;

/// <summary>Random text, mostly built from the characters and fragments that tokenizers and splitters get wrong.</summary>
public sealed record HardText(string Value)
{
    public override string ToString() =>
        "\"" + string.Concat(Value.Select(c => c < 32 || c > 126 ? $"\\u{(int)c:X4}" : c.ToString())) + "\"";
}

/// <summary>FsCheck arbitraries for <see cref="HardText"/>; name this class in <c>[Property(Arbitrary = …)]</c>.</summary>
public static class HardTextArbitraries
{
    private static readonly string[] Fragments =
    [
        // Words, initials, abbreviations.
        "a", "the", "The", "He", "word", "Minister", "don’t", "can't", "o’clock", "ministers’", "envoys'", "hand-held",
        "J.", "A.", "Gen.", "Mr.", "No.", "p.", "etc.", "U.S.", "U.S.S.R.", "e.g.", "i.e.", "a.m.", "p.m.", "Ph.D.",
        // Numbers and clock forms.
        "1", "12", "1944", "400,000", "3.5", "15-60", "1/2", "14th", "11pm", "23:00", "9:30", "1.", "2)", "(a)", "IV.",
        // Marks.
        ".", ". ", "..", "...", "…", "?", "!", "?!", ",", ":", ";", "-", "--", "–", "—", "‐",
        "\"", "'", "’", "‘", "“", "”", "«", "»", "„", "(", ")", "[", "]", "{", "}", "•", "*", "%", "$", "§",
        // White space and line ends.
        " ", " ", " ", "  ", "\t", "\n", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\f", "\v", "\u00A0", "\u2028", "\u2029", "\u0085",
        // Other scripts, marks, surrogates.
        "Łódź", "Новгород", "北京", "القاهرة", "١٩٤٤", "४२", "e\u0301", "\u0301", "\u200D", "\u200C", "\u200B", "\uFEFF", "\u00AD",
        "👍", "👍🏽", "👨‍👩‍👧", "🇲🇳", "𝐀𝐁", "\uD83D", "\uDC4D", "\uDBFF\uDFFF",
    ];

    private static readonly Gen<string> Fragment = Gen.Frequency(
        (12, Gen.Elements(Fragments)),
        (2, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())),
        (1, Gen.Choose(0, 0x7F).Select(c => ((char)c).ToString())));

    public static Arbitrary<HardText> HardText() =>
        Arb.From(
            Gen.Sized(size => Gen.ListOf(Fragment, Math.Max(1, size * 2))).Select(parts => new HardText(string.Concat(parts))),
            Shrink);

    private static IEnumerable<HardText> Shrink(HardText text)
    {
        string value = text.Value;
        if (value.Length <= 1) yield break;
        yield return new HardText(value[..(value.Length / 2)]);
        yield return new HardText(value[(value.Length / 2)..]);
        for (int i = 0; i < value.Length && i < 64; i++) yield return new HardText(value.Remove(i, 1));
    }
}
