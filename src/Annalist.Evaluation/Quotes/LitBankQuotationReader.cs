using System.Collections.Immutable;
using System.Text;
using Annalist.Core.Text;

namespace Annalist.Evaluation.Quotes;

/// <summary>One attributed quotation of a gold document: its span in <see cref="QuotationDocument.Text"/> and its speaker's cluster.</summary>
public sealed record GoldQuotation(string Id, TextSpan Span, string Speaker);

/// <summary>A mention of the gold coreference, in <see cref="QuotationDocument.Text"/>, with its cluster label.</summary>
public sealed record GoldClusterMention(TextSpan Span, string Cluster);

/// <summary>A document with attributed quotations, and the coreference that says who each speaker is.</summary>
public sealed record QuotationDocument(string Name, string Text, ImmutableArray<GoldQuotation> Quotations, ImmutableArray<GoldClusterMention> Mentions);

/// <summary>
/// Reads LitBank's quotations (<c>quotations/tsv/NAME.ann</c>: <c>QUOTE id sentence token sentence token text</c>,
/// end token inclusive, and <c>ATTRIB id cluster</c>) over its one-sentence-a-line, space-tokenized text, with
/// the speakers' mentions from <c>coref/brat/NAME.ann</c> (lines whose type is a cluster label). The text is
/// rejoined as prose within each sentence (no space before closing punctuation or after an opening quotation
/// mark), one sentence a line as LitBank gives it: its excerpts carry no paragraph breaks, and the pipeline
/// decides from the text itself that its line breaks are no paragraphs (<see cref="Annalist.Core.Quotations.SentenceLines"/>).
/// </summary>
public static class LitBankQuotationReader
{
    /// <summary>The quotation files of <paramref name="folder"/> in file-name order.</summary>
    public static IReadOnlyList<string> DocumentPaths(string folder) =>
        [.. Directory.GetFiles(folder, "*.ann").Order(StringComparer.Ordinal)];

    public static QuotationDocument Read(string annPath)
    {
        string raw = File.ReadAllText(Path.ChangeExtension(annPath, ".txt"));
        var text = new StringBuilder(raw.Length);
        var tokens = new List<List<TextSpan>>();
        var rawToNewStart = new Dictionary<int, int>();
        var rawToNewEnd = new Dictionary<int, int>();
        int offset = 0, straightQuotes = 0;
        bool singleOpen = false;
        foreach (string line in raw.Split('\n'))
        {
            var sentence = new List<TextSpan>();
            string? previous = null;
            bool previousOpened = false;
            int i = 0;
            while (i < line.Length)
            {
                while (i < line.Length && line[i] == ' ') i++;
                if (i >= line.Length) break;
                int start = i;
                while (i < line.Length && line[i] != ' ') i++;
                string token = line[start..i];
                // A straight quotation mark opens when an even number of them came before it. A lone single
                // mark does the same, but after a word ending in s, with none open, it is a plural's possessive.
                bool single = token == "'" && !(!singleOpen && previous is { Length: > 1 } p && p.EndsWith('s') && char.IsLetter(p[0]));
                // A lone mark opening a sentence opens, and one right after its closing punctuation closes, whatever
                // came before: a dialect apostrophe (a', o') earlier must not turn every later quotation inside out.
                if (single && previous is null) singleOpen = false;
                else if (single && previous is "." or "!" or "?") singleOpen = true;
                bool opens = token == "“" || token == "\"" && straightQuotes++ % 2 == 0 || single && !singleOpen;
                bool closes = token == "\"" && !opens || single && singleOpen;
                if (single) singleOpen = !singleOpen;
                if (text.Length > 0)
                {
                    if (sentence.Count == 0) text.Append('\n');
                    else if (!closes && !NoSpaceBefore(token) && !NoSpaceAfter(previous!) && !previousOpened) text.Append(' ');
                }
                previousOpened = opens && token is "\"" or "'";
                rawToNewStart[offset + start] = text.Length;
                text.Append(token);
                rawToNewEnd[offset + i] = text.Length;
                sentence.Add(new TextSpan(text.Length - token.Length, text.Length));
                previous = token;
            }
            tokens.Add(sentence);
            offset += line.Length + 1;
        }

        var quotations = new List<(string Id, TextSpan Span)>();
        var speakers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(annPath))
        {
            var fields = line.Split('\t');
            if (fields.Length >= 6 && fields[0] == "QUOTE"
                && int.TryParse(fields[2], out int s1) && int.TryParse(fields[3], out int t1)
                && int.TryParse(fields[4], out int s2) && int.TryParse(fields[5], out int t2)
                && s1 < tokens.Count && s2 < tokens.Count && t1 < tokens[s1].Count && t2 < tokens[s2].Count)
                quotations.Add((fields[1], new TextSpan(tokens[s1][t1].Start, tokens[s2][t2].End)));
            else if (fields.Length >= 3 && fields[0] == "ATTRIB") speakers[fields[1]] = fields[2].Trim();
        }

        var mentions = new List<GoldClusterMention>();
        string coref = CorefPath(annPath);
        if (File.Exists(coref))
        {
            foreach (string line in File.ReadLines(coref))
            {
                var fields = line.Split('\t');
                if (fields.Length < 2 || !fields[0].StartsWith('T')) continue;
                var head = fields[1].Split(' ');
                if (head.Length < 3 || IsTypeLabel(head[0])) continue;
                if (int.TryParse(head[1], out int start) && int.TryParse(head[2], out int end)
                    && rawToNewStart.TryGetValue(start, out int newStart) && rawToNewEnd.TryGetValue(end, out int newEnd))
                    mentions.Add(new GoldClusterMention(new TextSpan(newStart, newEnd), head[0]));
            }
        }
        var gold = quotations.Where(q => speakers.ContainsKey(q.Id)).Select(q => new GoldQuotation(q.Id, q.Span, speakers[q.Id]));
        return new QuotationDocument(Path.GetFileNameWithoutExtension(annPath), text.ToString(), [.. gold.OrderBy(q => q.Span)], [.. mentions.OrderBy(m => m.Span)]);
    }

    /// <summary><c>…/quotations/tsv/NAME.ann</c> → <c>…/coref/brat/NAME.ann</c>.</summary>
    private static string CorefPath(string annPath)
    {
        string? root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(annPath))));
        return Path.Combine(root ?? ".", "coref", "brat", Path.GetFileName(annPath));
    }

    private static bool IsTypeLabel(string label) =>
        label.Length > 5 && label[4] == '_' && (label.StartsWith("PROP", StringComparison.Ordinal) || label.StartsWith("PRON", StringComparison.Ordinal))
        || label.Length > 4 && label[3] == '_' && label.StartsWith("NOM", StringComparison.Ordinal);

    private static bool NoSpaceBefore(string token) =>
        token is "," or "." or ";" or ":" or "!" or "?" or ")" or "]" or "”" or "n't" or "…"
        || token.StartsWith('’') && token.Length > 1 || token == "’" || token.StartsWith('\'') && token.Length > 1;

    private static bool NoSpaceAfter(string token) => token is "“" or "(" or "[" or "‘";
}
