using System.Text;
using Annalist.Core.Coreference;
using Annalist.Core.Text;

namespace Annalist.Evaluation.Coreference;

/// <summary>
/// Reads a GUM CoNLL-U file (CorefUD <c>Entity=</c> brackets in MISC) as plain text — each sentence's
/// <c># text</c>, sentences joined by a space and paragraphs (<c># newpar</c>) by a blank line — with every
/// bracketed mention as a gold mention of its entity id. Words are found in the sentence text in order; a word
/// not found there (rare) leaves the mentions it opens or closes out.
/// </summary>
public static class GumCoreferenceReader
{
    public static CoreferenceDocument Read(string path)
    {
        var text = new StringBuilder();
        var mentions = new List<CoreferenceGoldMention>();
        var open = new Dictionary<string, Stack<int>>(StringComparer.Ordinal);
        bool newParagraph = false;
        string sentence = "";
        int sentenceStart = 0, cursor = 0;
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith("# newpar", StringComparison.Ordinal) && !line.StartsWith("# newpar_", StringComparison.Ordinal)) newParagraph = true;
            else if (line.StartsWith("# text = ", StringComparison.Ordinal))
            {
                sentence = line["# text = ".Length..].Trim();
                if (text.Length > 0) text.Append(newParagraph ? "\n\n" : " ");
                sentenceStart = text.Length;
                text.Append(sentence);
                cursor = 0;
                newParagraph = false;
            }
            else if (line.Length > 0 && char.IsAsciiDigit(line[0]))
            {
                var fields = line.Split('\t');
                if (fields.Length < 10 || fields[0].Contains('-') || fields[0].Contains('.')) continue;
                int at = sentence.IndexOf(fields[1], cursor, StringComparison.Ordinal);
                if (at < 0) continue;
                cursor = at + fields[1].Length;
                var word = new TextSpan(sentenceStart + at, sentenceStart + cursor);
                foreach (string item in fields[9].Split('|'))
                {
                    if (item.StartsWith("Entity=", StringComparison.Ordinal)) Brackets(item.AsSpan("Entity=".Length), word, open, mentions);
                }
            }
        }
        return new CoreferenceDocument(Path.GetFileNameWithoutExtension(path), text.ToString(), [.. mentions.OrderBy(m => m.Span.Start).ThenBy(m => m.Span.End)]);
    }

    private static void Brackets(ReadOnlySpan<char> value, TextSpan word, Dictionary<string, Stack<int>> open, List<CoreferenceGoldMention> mentions)
    {
        int i = 0;
        while (i < value.Length)
        {
            if (value[i] == '(')
            {
                int j = i + 1;
                while (j < value.Length && value[j] != '(' && value[j] != ')') j++;
                var body = value[(i + 1)..j];
                int dash = body.IndexOf('-');
                string id = (dash < 0 ? body : body[..dash]).ToString();
                if (j < value.Length && value[j] == ')')
                {
                    mentions.Add(new CoreferenceGoldMention(word, id));
                    j++;
                }
                else
                {
                    if (!open.TryGetValue(id, out var stack)) open[id] = stack = new();
                    stack.Push(word.Start);
                }
                i = j;
            }
            else
            {
                int j = i;
                while (j < value.Length && value[j] != ')' && value[j] != '(') j++;
                string id = value[i..j].ToString();
                if (j < value.Length && value[j] == ')')
                {
                    if (open.TryGetValue(id, out var stack) && stack.Count > 0) mentions.Add(new CoreferenceGoldMention(new TextSpan(stack.Pop(), word.End), id));
                    j++;
                }
                i = Math.Max(j, i + 1);
            }
        }
    }
}
