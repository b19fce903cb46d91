using Annalist.Core.Annotations;
using Annalist.Core.Quotations;
using Annalist.Core.Text;
using Annalist.Tests;
using Xunit.Abstractions;

namespace Annalist.Core.Tests.Quotations;

/// <summary>
/// Measures quotation pairing against LitBank's hand-marked quotations (CC BY 4.0, ../shared/corpora/ner/litbank):
/// exact extent of outermost quotations, opening mark through closing mark. LitBank's texts are tokenized
/// (tokens separated by spaces, one sentence per line, no paragraph breaks), so each document is read as one
/// paragraph with its lines as sentences, and mark direction comes from pairing alone; the figure is a floor
/// for running text. The last of every ten documents (by name) is held out and reported apart.
/// </summary>
public sealed class LitBankQuotationMeasurement(ITestOutputHelper output)
{
    [SharedFact]
    public void OutermostQuotationsMatchLitBankQuotations()
    {
        string folder = SharedData.PathTo("corpora", "ner", "litbank", "quotations", "tsv");
        if (!Directory.Exists(folder))
        {
            output.WriteLine("LitBank quotations are not in ../shared; nothing measured.");
            return;
        }
        var files = Directory.GetFiles(folder, "*.ann").Order(StringComparer.Ordinal).ToList();
        var all = new Score();
        var heldOut = new Score();
        for (int d = 0; d < files.Count; d++)
        {
            var score = Measure(files[d]);
            all.Add(score);
            if (d % 10 == 9) heldOut.Add(score);
        }
        output.WriteLine($"LitBank, {files.Count} documents: {all}");
        output.WriteLine($"held-out tenth: {heldOut}");
        Assert.True(all.Gold > 1000, "LitBank should hold over a thousand quotations.");
        Assert.True(all.F1 > 0.82, $"quotation F1 fell to {all.F1:F3}");
    }

    private static Score Measure(string annotationPath)
    {
        string text = File.ReadAllText(Path.ChangeExtension(annotationPath, ".txt")).Replace("\r\n", "\n");
        var lineStarts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++) if (text[i] == '\n') lineStarts.Add(i + 1);
        var sentences = new List<TextSpan>();
        for (int line = 0; line < lineStarts.Count; line++)
        {
            int start = lineStarts[line];
            int end = line + 1 < lineStarts.Count ? lineStarts[line + 1] - 1 : text.Length;
            if (end > start) sentences.Add(new TextSpan(start, end));
        }

        var gold = new HashSet<TextSpan>();
        foreach (string row in File.ReadLines(annotationPath))
        {
            var fields = row.Split('\t');
            if (fields.Length < 6 || fields[0] != "QUOTE") continue;
            int startToken = int.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture);
            int endToken = int.Parse(fields[5], System.Globalization.CultureInfo.InvariantCulture);
            var first = Token(text, lineStarts, int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture), startToken);
            var last = Token(text, lineStarts, int.Parse(fields[4], System.Globalization.CultureInfo.InvariantCulture), endToken);
            gold.Add(new TextSpan(first.Start, last.End));
        }

        var found = QuotationAnnotator.Find(text, [new TextSpan(0, text.Length)], [.. sentences], new List<Diagnostic>());
        var system = found.Where(q => q.Depth == 0).Select(q => q.Span).ToHashSet();
        return new Score { Gold = gold.Count, System = system.Count, Matched = system.Count(gold.Contains) };
    }

    private static TextSpan Token(string text, List<int> lineStarts, int line, int token)
    {
        int position = lineStarts[line];
        for (int t = 0; t < token; t++) position = text.IndexOf(' ', position) + 1;
        int end = position;
        while (end < text.Length && text[end] is not (' ' or '\n')) end++;
        return new TextSpan(position, end);
    }

    private sealed class Score
    {
        public int Gold { get; set; }
        public int System { get; set; }
        public int Matched { get; set; }
        public double Precision => System == 0 ? 0 : (double)Matched / System;
        public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public void Add(Score other)
        {
            Gold += other.Gold;
            System += other.System;
            Matched += other.Matched;
        }

        public override string ToString() =>
            $"gold {Gold}, system {System}, exact matches {Matched}: P {Precision:F3} R {Recall:F3} F1 {F1:F3}";
    }
}
