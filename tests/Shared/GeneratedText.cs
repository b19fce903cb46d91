using System.Text;

namespace Annalist.Tests;

/// <summary>Deterministic prose-like text of a chosen size, built from general vocabulary.</summary>
public static class GeneratedText
{
    private static readonly string[] Words =
    [
        "the", "minister", "said", "that", "grain", "would", "arrive", "on", "Tuesday", "delegation",
        "“we", "agree,”", "[sic]", "…", "café", "naïve", "1,200", "tonnes", "15-60", "kilometres", "Mr.", "Gen.",
        "U.S.S.R.", "o’clock", "—", "(see", "annex)", "déjà", "Ελλάδα", "Москва", "北京", "𝔄",
    ];

    /// <summary>At least <paramref name="utf8Bytes"/> bytes of text in UTF-8, in sentences and paragraphs.</summary>
    public static string OfBytes(int utf8Bytes, int seed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(utf8Bytes);
        int bytes = 0;
        int inSentence = 0;
        while (bytes < utf8Bytes)
        {
            string word = Words[random.Next(Words.Length)];
            builder.Append(word);
            bytes += Encoding.UTF8.GetByteCount(word);
            if (++inSentence > 8 && random.Next(6) == 0)
            {
                string end = random.Next(8) == 0 ? ".\r\n\r\n" : ". ";
                builder.Append(end);
                bytes += end.Length;
                inSentence = 0;
            }
            else
            {
                builder.Append(' ');
                bytes++;
            }
        }
        return builder.ToString();
    }
}
