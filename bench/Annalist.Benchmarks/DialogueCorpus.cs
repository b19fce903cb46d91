using System.Text;

namespace Annalist.Benchmarks.EditorialAndQuotations;

/// <summary>
/// A deterministic synthetic corpus of record-like text, dense in what the editorial and quotation
/// components look at: speaker labels and reporting verbs before quotations of several styles, nested
/// quotations, apostrophes, editor's brackets, ellipses, and now and then a quotation left open.
/// </summary>
public static class DialogueCorpus
{
    public const int TargetCharacters = 5_500_000;

    private static readonly Lazy<string> Cached = new(() => Generate(TargetCharacters, seed: 1947));

    public static string Text => Cached.Value;

    /// <summary>Size of <see cref="Text"/> in megabytes of UTF-8 (10^6 bytes), the unit of reported throughput.</summary>
    public static double Megabytes => Encoding.UTF8.GetByteCount(Text) / 1_000_000.0;

    private static readonly string[] Names = ["Halvorsen", "Okafor", "Demirel", "Lindqvist", "Moreau", "Tanaka", "Brandt", "Sokolova"];
    private static readonly string[] Places = ["the northern province", "the capital", "the river crossing", "the frontier posts", "the coastal depots"];
    private static readonly string[] Verbs = ["said", "replied", "added", "remarked", "answered", "observed"];

    public static string Generate(int characters, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(characters + 1000);
        while (text.Length < characters)
        {
            string a = Pick(random, Names), b = Pick(random, Names), place = Pick(random, Places);
            switch (random.Next(8))
            {
                case 0:
                    text.Append($"On [March {random.Next(1, 29)}, 19{random.Next(40, 60)}] {a} and {b} met at {place}… The talks lasted {random.Next(2, 9)} hours.");
                    break;
                case 1:
                    text.Append($"{a}: “We cannot accept this. Our people’s patience isn’t endless. What will {b}’s government do if the troops don’t withdraw?”");
                    break;
                case 2:
                    text.Append($"{a} {Pick(random, Verbs)}: \"The report calls it 'a temporary measure', but the officers' view differs.\" {b} nodded.");
                    break;
                case 3:
                    text.Append($"Having read the note, {a} {Pick(random, Verbs)}: “The word ‘never’ was {b}’s, not ours. We said ‘not yet’.” The meeting went on.");
                    break;
                case 4:
                    text.Append($"{a}: “There is no reason to wait. Our units stand at {place}, some {random.Next(10, 90)} kilometers inside. As the evening went on, {a} spoke about {b} [sic, also {Pick(random, Names)}] and the ’44 campaign.");
                    break;
                case 5:
                    text.Append($"The minutes read . . . [illegible] and then [2 words illegible] before {b}’s reply: «Nous verrons», „morgen“, and ‚bald‘.");
                    break;
                case 6:
                    text.Append($"[{b} {Pick(random, Verbs)}:] “Together with the supplies, one also needs to send men [emphasis added]. {a} should see to it.” It ended at 3 in the morning...");
                    break;
                default:
                    text.Append($"It is said that {a} was tired; the Allies’ convoy and the boys’ school were mentioned [1] in passing.");
                    break;
            }
            text.Append(random.Next(3) == 0 ? "\n\n" : " ");
        }
        return text.ToString();
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
