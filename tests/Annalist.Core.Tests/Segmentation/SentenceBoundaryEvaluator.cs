using System.Text;
using Annalist.Core.Segmentation;
using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Core.Tests.Segmentation;

/// <summary>
/// Scores sentence boundaries against CoNLL-U files: each <c># newdoc</c> becomes a document, each
/// <c># newpar</c> a paragraph (blank-line separated), sentences (<c># text</c>) are joined by one space.
/// Only boundaries inside paragraphs are scored, since paragraph ends are given.
/// </summary>
public static class SentenceBoundaryEvaluator
{
    public sealed record Score(int Documents, int GoldSentences, int TruePositives, int FalsePositives, int FalseNegatives)
    {
        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

        public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public override string ToString() =>
            $"{Documents} documents, {GoldSentences} sentences, inner boundaries P {Precision:P1} R {Recall:P1} F1 {F1:P1} (tp {TruePositives}, fp {FalsePositives}, fn {FalseNegatives})";
    }

    public sealed record GoldDocument(string Id, string Text, HashSet<int> InnerBoundaries, int Sentences);

    public static IEnumerable<GoldDocument> Read(string path)
    {
        string? id = null;
        var text = new StringBuilder();
        var boundaries = new HashSet<int>();
        int sentences = 0;
        bool paragraphOpen = false;
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith("# newdoc", StringComparison.Ordinal))
            {
                if (id is not null && text.Length > 0) yield return new GoldDocument(id, text.ToString(), boundaries, sentences);
                id = line.Contains('=') ? line[(line.IndexOf('=') + 1)..].Trim() : "doc";
                text.Clear();
                boundaries = [];
                sentences = 0;
                paragraphOpen = false;
            }
            else if (line.StartsWith("# newpar", StringComparison.Ordinal) && !line.StartsWith("# newpar_", StringComparison.Ordinal))
            {
                paragraphOpen = false;
            }
            else if (line.StartsWith("# text = ", StringComparison.Ordinal))
            {
                id ??= "doc";
                string sentence = line["# text = ".Length..].Trim();
                if (sentence.Length == 0) continue;
                if (paragraphOpen)
                {
                    boundaries.Add(text.Length);
                    text.Append(' ');
                }
                else if (text.Length > 0)
                {
                    text.Append("\n\n");
                }
                text.Append(sentence);
                paragraphOpen = true;
                sentences++;
            }
        }
        if (id is not null && text.Length > 0) yield return new GoldDocument(id, text.ToString(), boundaries, sentences);
    }

    public static Score Evaluate(IEnumerable<GoldDocument> documents, Action<string>? reportError = null)
    {
        int docs = 0, gold = 0, tp = 0, fp = 0, fn = 0;
        var paragraphs = new List<TextSpan>();
        var sentences = new List<TextSpan>();
        foreach (var document in documents)
        {
            docs++;
            gold += document.Sentences;
            paragraphs.Clear();
            sentences.Clear();
            var tokens = Tokenizer.Tokenize(document.Text);
            ParagraphSplitter.Split(document.Text, paragraphs, out _);
            SentenceSplitter.Split(document.Text, tokens, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(paragraphs), sentences);
            var paragraphEnds = paragraphs.Select(p => p.End).ToHashSet();
            var predicted = sentences.Select(s => s.End).Where(end => !paragraphEnds.Contains(end)).ToHashSet();
            foreach (int end in predicted)
            {
                if (document.InnerBoundaries.Contains(end)) tp++;
                else
                {
                    fp++;
                    reportError?.Invoke($"FP {document.Id}: {Around(document.Text, end)}");
                }
            }
            foreach (int end in document.InnerBoundaries)
            {
                if (predicted.Contains(end)) continue;
                fn++;
                reportError?.Invoke($"FN {document.Id}: {Around(document.Text, end)}");
            }
        }
        return new Score(docs, gold, tp, fp, fn);
    }

    private static string Around(string text, int offset)
    {
        int start = Math.Max(0, offset - 60), end = Math.Min(text.Length, offset + 40);
        return (text[start..offset] + " ‖ " + text[offset..end]).ReplaceLineEndings("⏎");
    }
}
