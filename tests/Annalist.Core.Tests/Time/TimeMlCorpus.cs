using System.Globalization;
using System.Net;
using System.Text;
using Annalist.Core.Text;
using Annalist.Core.Time;

namespace Annalist.Core.Tests.Time;

/// <summary>One gold expression of a TimeML (TIMEX3) or WikiWars (TIMEX2) document.</summary>
public sealed record GoldTimex(int Start, int End, string? Type, string? Value);

/// <summary>A TimeML or WikiWars inline-annotated document: its plain text, creation date and gold expressions.</summary>
public sealed record TimeMlDocument(string Name, string Text, string? CreationDate, IReadOnlyList<GoldTimex> Gold)
{
    /// <summary>Reads a <c>.tml</c> file (TIMEX3 inside <c>TEXT</c>, date in <c>DCT</c>) or a WikiWars <c>.key.xml</c> file (TIMEX2 inside <c>TEXT</c>, date in <c>DATETIME</c>).</summary>
    public static TimeMlDocument Load(string path)
    {
        string raw = File.ReadAllText(path);
        string? creation = null;
        int dct = IndexOfTag(raw, "DCT", 0);
        if (dct < 0) dct = IndexOfTag(raw, "DATETIME", 0);
        if (dct >= 0)
        {
            int timex = raw.IndexOf("<TIMEX", dct, StringComparison.Ordinal);
            if (timex >= 0)
            {
                int close = raw.IndexOf('>', timex);
                creation = Attribute(raw.AsSpan(timex, close - timex), "value") ?? Attribute(raw.AsSpan(timex, close - timex), "val");
            }
        }
        int textOpen = IndexOfTag(raw, "TEXT", 0);
        int bodyStart = raw.IndexOf('>', textOpen) + 1;
        int bodyEnd = raw.IndexOf("</TEXT>", bodyStart, StringComparison.Ordinal);
        var text = new StringBuilder(bodyEnd - bodyStart);
        var gold = new List<GoldTimex>();
        var open = new Stack<(int Start, string? Type, string? Value)>();
        int i = bodyStart;
        while (i < bodyEnd)
        {
            char c = raw[i];
            if (c == '<')
            {
                int close = raw.IndexOf('>', i);
                var tag = raw.AsSpan(i + 1, close - i - 1);
                if (tag.StartsWith("TIMEX"))
                {
                    open.Push((text.Length, Attribute(tag, "type"), Attribute(tag, "value") ?? Attribute(tag, "val")));
                }
                else if (tag.StartsWith("/TIMEX") && open.Count > 0)
                {
                    var (start, type, value) = open.Pop();
                    if (open.Count == 0) gold.Add(new GoldTimex(start, text.Length, type, value));
                }
                i = close + 1;
            }
            else if (c == '&')
            {
                int semicolon = raw.IndexOf(';', i);
                text.Append(WebUtility.HtmlDecode(raw[i..(semicolon + 1)]));
                i = semicolon + 1;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
        return new TimeMlDocument(Path.GetFileName(path), text.ToString(), creation, gold);
    }

    private static int IndexOfTag(string raw, string name, int from)
    {
        int at = raw.IndexOf("<" + name + ">", from, StringComparison.Ordinal);
        return at >= 0 ? at : raw.IndexOf("<" + name + " ", from, StringComparison.Ordinal);
    }

    private static string? Attribute(ReadOnlySpan<char> tag, string name)
    {
        string key = " " + name + "=\"";
        int at = tag.IndexOf(key, StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = tag[(at + key.Length)..];
        int end = rest.IndexOf('"');
        return end < 0 ? null : rest[..end].ToString();
    }
}

/// <summary>TempEval-3 style counts: strict and relaxed extent match, value and type accuracy over relaxed matches.</summary>
public sealed class TimexScore
{
    public int Gold { get; private set; }

    public int System { get; private set; }

    public int StrictMatches { get; private set; }

    public int RelaxedMatches { get; private set; }

    public int ValueMatches { get; private set; }

    public int TypeMatches { get; private set; }

    public List<string> Errors { get; } = [];

    public static double F1(double precision, double recall) => precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

    public double StrictF1 => F1(Ratio(StrictMatches, System), Ratio(StrictMatches, Gold));

    public double RelaxedF1 => F1(Ratio(RelaxedMatches, System), Ratio(RelaxedMatches, Gold));

    public double ValueAccuracy => Ratio(ValueMatches, RelaxedMatches);

    public double ValueF1 => RelaxedF1 * ValueAccuracy;

    public double TypeAccuracy => Ratio(TypeMatches, RelaxedMatches);

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    /// <summary>Scores one document; the system's spans are matched one to one, first overlap wins.</summary>
    public void Add(TimeMlDocument document, IReadOnlyList<Timex> system, bool keepErrors)
    {
        Gold += document.Gold.Count;
        System += system.Count;
        var used = new bool[system.Count];
        foreach (var gold in document.Gold)
        {
            int match = -1;
            for (int s = 0; s < system.Count; s++)
            {
                if (used[s]) continue;
                var span = system[s].Span;
                if (span.Start < gold.End && gold.Start < span.End)
                {
                    match = s;
                    if (span.Start == gold.Start && span.End == gold.End) break;
                }
            }
            string goldText = document.Text[gold.Start..gold.End].ReplaceLineEndings(" ");
            if (match < 0)
            {
                if (keepErrors) Errors.Add($"MISS  {document.Name}\t{goldText}\t{gold.Value}\t{Context(document.Text, gold.Start, gold.End)}");
                continue;
            }
            used[match] = true;
            RelaxedMatches++;
            var found = system[match];
            if (found.Span.Start == gold.Start && found.Span.End == gold.End) StrictMatches++;
            else if (keepErrors) Errors.Add($"EXTENT {document.Name}\t{goldText}\t|{document.Text[found.Span.Start..found.Span.End]}|");
            string value = found.Value.ToTimex3();
            if (string.Equals(value, gold.Value, StringComparison.Ordinal)) ValueMatches++;
            else if (keepErrors) Errors.Add($"VALUE {document.Name}\t{goldText}\tgold={gold.Value}\tsys={value}\t{Context(document.Text, gold.Start, gold.End)}\tanchor={(found.Anchor is { } a ? document.Text.Substring(a, Math.Min(25, document.Text.Length - a)).ReplaceLineEndings(" ") : found.AnchorSource.ToString())}");
            string type = found.Value.Type.ToString().ToUpperInvariant();
            if (gold.Type is null || string.Equals(type, gold.Type, StringComparison.Ordinal)) TypeMatches++;
        }
        if (!keepErrors) return;
        for (int s = 0; s < system.Count; s++)
        {
            if (!used[s])
                Errors.Add($"EXTRA {document.Name}\t{document.Text[system[s].Span.Start..system[s].Span.End]}\t{system[s].Value.ToTimex3()}\t{Context(document.Text, system[s].Span.Start, system[s].Span.End)}");
        }
    }

    private static string Context(string text, int start, int end)
    {
        int from = Math.Max(0, start - 40), to = Math.Min(text.Length, end + 40);
        return text[from..to].ReplaceLineEndings(" ");
    }

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"gold {Gold} system {System}  strict F1 {StrictF1:F3}  relaxed F1 {RelaxedF1:F3}  value acc {ValueAccuracy:F3}  value F1 {ValueF1:F3}  type acc {TypeAccuracy:F3}");
}

/// <summary>Runs the annotator over TimeML files and scores it.</summary>
public static class TimeMlEvaluation
{
    public static TimexScore Run(IEnumerable<string> files, TimexAnchoring anchoring, bool keepErrors)
    {
        var annotator = new TimexAnnotator(new TimexOptions { Anchoring = anchoring });
        var score = new TimexScore();
        foreach (string file in files.Order(StringComparer.Ordinal))
        {
            var document = TimeMlDocument.Load(file);
            string? date = document.CreationDate is { Length: >= 10 } dct ? dct[..10] : document.CreationDate;
            // As annalist eval timeml does: narrative anchoring gets no creation date.
            var metadata = anchoring == TimexAnchoring.Narrative ? null : new DocumentMetadata { Date = date };
            score.Add(document, annotator.Recognize(document.Text, metadata), keepErrors);
        }
        return score;
    }
}
