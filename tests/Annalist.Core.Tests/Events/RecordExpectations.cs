using System.Globalization;
using System.Text;

namespace Annalist.Core.Tests.Events;

/// <summary>
/// One expected event of a record: its type and the phrase (inside its sentence) that states it. Each role
/// filler is a set of acceptable names (<c>Secretary|Rahmatullah</c>); each item a word it names (empty when
/// the record leaves the noun out) and its quantity, if stated.
/// </summary>
internal sealed record ExpectedEvent(string Id, string Type, string Anchor, bool Negative, string? Modality,
    IReadOnlyList<(string Role, string[] Names)> Roles, IReadOnlyList<(string Word, double? Quantity)> Items, int Line);

internal sealed record ExpectedLink(string From, string Relation, string? Target, double? Given, double? Asked, int Line);

internal sealed record ExpectedQuantity(string Text, double? Value, string? Qualifier, string? Unit, int Line);

/// <summary>
/// The expectations of one invented record (<c>Records/NAME.expect</c> beside <c>NAME.txt</c>), one fact a line:
/// <code>
/// event e1 request "anchor phrase" [polarity=negative] [modality=can] [ROLE=Name|Alias,Other] [items=noun:40,noun]
/// link e2 answers e1 [given=20] [asked=60]        (target null: answers a phrase, no event)
/// quantity "text" value=40 [qualifier="more than"] [unit=tons]   (every occurrence of the text)
/// </code>
/// Values with spaces are quoted; <c>#</c> starts a comment line.
/// </summary>
internal sealed class RecordExpectations
{
    public List<ExpectedEvent> Events { get; } = [];
    public List<ExpectedLink> Links { get; } = [];
    public List<ExpectedQuantity> Quantities { get; } = [];

    public static RecordExpectations Parse(string path, string text)
    {
        var result = new RecordExpectations();
        int number = 0;
        foreach (string raw in File.ReadLines(path))
        {
            number++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var words = Split(line);
            string Where() => $"{Path.GetFileName(path)}:{number}";
            var options = words.Skip(1).Where(w => w.Contains('=', StringComparison.Ordinal) && !w.StartsWith('"'))
                .Select(w => (Key: w[..w.IndexOf('=', StringComparison.Ordinal)], Value: Unquote(w[(w.IndexOf('=', StringComparison.Ordinal) + 1)..]))).ToList();
            string? Option(string key) => options.FirstOrDefault(o => o.Key == key).Value;
            switch (words[0])
            {
                case "event":
                {
                    string anchor = Unquote(words[3]);
                    if (!text.Contains(anchor, StringComparison.Ordinal)) throw new InvalidDataException($"{Where()}: \"{anchor}\" is not in the record");
                    var roles = options.Where(o => o.Key is not ("polarity" or "modality" or "items"))
                        .SelectMany(o => o.Value.Split(',').Select(filler => (o.Key, filler.Split('|')))).ToList();
                    var items = (Option("items") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(item =>
                    {
                        int colon = item.IndexOf(':', StringComparison.Ordinal);
                        return colon < 0 ? (item, (double?)null) : (item[..colon], double.Parse(item[(colon + 1)..], CultureInfo.InvariantCulture));
                    }).ToList();
                    result.Events.Add(new ExpectedEvent(words[1], words[2], anchor, Option("polarity") == "negative", Option("modality"), roles, items, number));
                    break;
                }
                case "link":
                    result.Links.Add(new ExpectedLink(words[1], words[2], words[3] == "null" ? null : words[3],
                        Number(Option("given")), Number(Option("asked")), number));
                    break;
                case "quantity":
                {
                    string quoted = Unquote(words[1]);
                    if (!text.Contains(quoted, StringComparison.Ordinal)) throw new InvalidDataException($"{Where()}: \"{quoted}\" is not in the record");
                    result.Quantities.Add(new ExpectedQuantity(quoted, Number(Option("value")), Option("qualifier"), Option("unit"), number));
                    break;
                }
                default:
                    throw new InvalidDataException($"{Where()}: unknown line kind '{words[0]}'");
            }
        }
        return result;
    }

    private static double? Number(string? value) => value is null ? null : double.Parse(value, CultureInfo.InvariantCulture);

    private static string Unquote(string value) => value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    /// <summary>Splits on spaces outside double quotes; quotes stay on the word (<c>key="a b"</c> is one word).</summary>
    private static List<string> Split(string line)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"') quoted = !quoted;
            if (c == ' ' && !quoted)
            {
                if (current.Length > 0) words.Add(current.ToString());
                current.Clear();
            }
            else current.Append(c);
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }
}
