using System.Text;

namespace Annalist.Benchmarks;

/// <summary>
/// Deterministic English-like record text for benchmarks: memoranda with headings, speaker turns,
/// quotations, initials, titles, numbers, dates, times, brackets and ellipses. Invented vocabulary only.
/// </summary>
public static class SyntheticRecords
{
    private static readonly string[] Surnames =
        ["Harlow", "Brenner", "Osterman", "Vaskin", "Delacroix", "Imura", "Novak", "Quill", "Rasmussen", "Tarrant", "Ubaldi", "Whitcombe", "Zelenko", "Ferreira"];

    private static readonly string[] Titles = ["Gen.", "Col.", "Lt.", "Mr.", "Mrs.", "Dr.", "Sen.", "Amb.", "Capt.", "Prof."];

    private static readonly string[] Places = ["the capital", "the northern provinces", "the border district", "the port", "the U.S.", "the U.S.S.R.", "the river valley", "the coast"];

    private static readonly string[] Subjects = ["The delegation", "The minister", "He", "She", "They", "The committee", "Our government", "The envoy", "It", "The garrison"];

    private static readonly string[] Verbs = ["said that", "asked whether", "noted that", "replied that", "explained that", "agreed that", "suggested that", "recalled that"];

    private static readonly string[] Clauses =
    [
        "the shipment of {n} rifles would leave before the end of the month",
        "the talks should continue on {d} at {t}",
        "his government had not yet received the {n} trucks promised in the spring",
        "the frontier posts were some {r} kilometers inside the line",
        "the matter was under study by the ministry, e.g. by its legal department",
        "the cost, about {m} dollars, would be shared equally",
        "nothing could be done until the weather improved",
        "the question of the railway had been raised twice before",
        "the aircraft would arrive at {t} o’clock in the morning",
        "the allies’ position had not changed since {y}",
    ];

    private static readonly string[] Quotes =
    [
        "We cannot wait any longer. Why don’t you send them now?",
        "There is no reason to hurry; the roads are closed until spring.",
        "How many men can you put into the field? Tell me the truth.",
        "It is difficult, but we will try. That is all I can say…",
        "Correct. Completely right.",
    ];

    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>About <paramref name="targetChars"/> characters of records, each of about 6,000 characters.</summary>
    public static List<string> Generate(int targetChars, int seed = 1944)
    {
        var random = new Random(seed);
        var records = new List<string>();
        int total = 0;
        while (total < targetChars)
        {
            string record = Record(random);
            records.Add(record);
            total += record.Length;
        }
        return records;
    }

    private static string Record(Random random)
    {
        var text = new StringBuilder(7000);
        text.Append("MEMORANDUM OF CONVERSATION\n");
        text.Append(Date(random)).Append('\n');
        text.Append("Participants: ").Append(Person(random)).Append(", ").Append(Person(random)).Append(", ").Append(Person(random)).Append("\n\n");
        while (text.Length < 6000)
        {
            int kind = random.Next(4);
            if (kind == 0)
            {
                text.Append(Pick(random, Surnames)).Append(": “").Append(Pick(random, Quotes)).Append(' ').Append(Pick(random, Quotes)).Append("”");
            }
            else
            {
                int sentences = 2 + random.Next(4);
                for (int i = 0; i < sentences; i++)
                {
                    if (i > 0) text.Append(' ');
                    Sentence(random, text);
                }
            }
            text.Append(random.Next(8) == 0 ? "\r\n\r\n" : "\n\n");
        }
        return text.ToString();
    }

    private static void Sentence(Random random, StringBuilder text)
    {
        switch (random.Next(6))
        {
            case 0:
                text.Append("On ").Append(Date(random)).Append(' ').Append(Person(random)).Append(" met ").Append(Person(random))
                    .Append(" in ").Append(Pick(random, Places)).Append('.');
                break;
            case 1:
                text.Append(Person(random)).Append(' ').Append(Pick(random, Verbs)).Append(' ').Append(Fill(random, Pick(random, Clauses)))
                    .Append(random.Next(3) == 0 ? " [sic]." : ".");
                break;
            case 2:
                text.Append("Asked about ").Append(Pick(random, Places)).Append(", he said: “").Append(Pick(random, Quotes)).Append("”");
                break;
            default:
                text.Append(Pick(random, Subjects)).Append(' ').Append(Pick(random, Verbs)).Append(' ').Append(Fill(random, Pick(random, Clauses)))
                    .Append(random.Next(5) == 0 ? ", etc." : random.Next(6) == 0 ? "…" : ".");
                break;
        }
    }

    private static string Person(Random random) => random.Next(3) switch
    {
        0 => $"{(char)('A' + random.Next(26))}. {Pick(random, Surnames)}",
        1 => $"{Pick(random, Titles)} {Pick(random, Surnames)}",
        _ => Pick(random, Surnames),
    };

    private static string Date(Random random) => $"{Pick(random, Months)} {1 + random.Next(28)}, {1940 + random.Next(20)}";

    private static string Fill(Random random, string clause) => clause
        .Replace("{n}", (10 + random.Next(990)).ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("{m}", (100 + random.Next(900)).ToString(System.Globalization.CultureInfo.InvariantCulture) + ",000")
        .Replace("{r}", $"{5 + random.Next(20)}-{30 + random.Next(40)}")
        .Replace("{y}", (1930 + random.Next(25)).ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("{d}", Date(random))
        .Replace("{t}", random.Next(2) == 0 ? $"{1 + random.Next(12)} p.m." : $"{10 + random.Next(13)}:{random.Next(6)}0");

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
