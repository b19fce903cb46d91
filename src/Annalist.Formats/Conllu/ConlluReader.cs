using Annalist.Core.Annotations;
using Annalist.Core.Errors;

namespace Annalist.Formats.Conllu;

/// <summary>
/// Reads CoNLL-U (Universal Dependencies) text: comments, words, multiword-token ranges and empty nodes.
/// Never throws on malformed content: a line that cannot be read is skipped with a diagnostic, and a
/// sentence whose word IDs do not run 1..n is still returned, with a diagnostic.
/// </summary>
public static class ConlluReader
{
    /// <summary>Reads every sentence; malformed lines are reported to <paramref name="diagnostics"/>, when given, under the name <paramref name="source"/>.</summary>
    public static IEnumerable<ConlluSentence> Read(TextReader reader, string source = "input", ICollection<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var comments = new List<string>();
        var words = new List<ConlluWord>();
        var multiword = new List<ConlluMultiwordToken>();
        var empty = new List<ConlluEmptyNode>();
        int lineNumber = 0;
        int sentenceLine = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                if (words.Count > 0 || comments.Count > 0)
                {
                    var sentence = Finish();
                    if (sentence is not null) yield return sentence;
                }
                continue;
            }
            if (sentenceLine == 0) sentenceLine = lineNumber;
            if (line[0] == '#')
            {
                comments.Add(line.AsSpan(1).TrimStart(' ').ToString());
                continue;
            }
            string[] columns = line.Split('\t');
            if (columns.Length != 10)
            {
                Report(lineNumber, $"expected 10 tab-separated columns, found {columns.Length}");
                continue;
            }
            string id = columns[0];
            int dash = id.IndexOf('-');
            int dot = id.IndexOf('.');
            if (dash > 0)
            {
                if (int.TryParse(id.AsSpan(0, dash), out int first) && int.TryParse(id.AsSpan(dash + 1), out int last) && first <= last)
                    multiword.Add(new ConlluMultiwordToken(first, last, columns[1], columns[9]));
                else Report(lineNumber, $"unreadable multiword range '{id}'");
            }
            else if (dot > 0)
            {
                if (int.TryParse(id.AsSpan(0, dot), out int after) && int.TryParse(id.AsSpan(dot + 1), out int index))
                    empty.Add(new ConlluEmptyNode(after, index, columns[1], columns[3], columns[8]));
                else Report(lineNumber, $"unreadable empty-node ID '{id}'");
            }
            else if (int.TryParse(id, out int wordId) && wordId > 0)
            {
                int head = int.TryParse(columns[6], out int h) && h >= 0 ? h : -1;
                words.Add(new ConlluWord(wordId, columns[1], columns[2], columns[3], columns[4], columns[5], head, columns[7], columns[8], columns[9]));
            }
            else Report(lineNumber, $"unreadable word ID '{id}'");
        }
        if (words.Count > 0 || comments.Count > 0)
        {
            var last = Finish();
            if (last is not null) yield return last;
        }

        ConlluSentence? Finish()
        {
            ConlluSentence? sentence = null;
            if (words.Count > 0)
            {
                for (int i = 0; i < words.Count; i++)
                {
                    if (words[i].Id != i + 1)
                    {
                        Report(sentenceLine, $"word IDs do not run 1..{words.Count} (word {i + 1} has ID {words[i].Id})");
                        break;
                    }
                }
                sentence = new ConlluSentence(sentenceLine, [.. comments], [.. words], [.. multiword], [.. empty]);
            }
            comments.Clear();
            words.Clear();
            multiword.Clear();
            empty.Clear();
            sentenceLine = 0;
            return sentence;
        }

        void Report(int at, string problem) =>
            diagnostics?.Add(Diagnostic.From(ErrorCatalogue.MalformedConllu, null, "conllu", source, at, problem));
    }

    /// <summary>Reads a whole CoNLL-U string.</summary>
    public static IReadOnlyList<ConlluSentence> Parse(string text, string source = "input", ICollection<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return [.. Read(reader, source, diagnostics)];
    }

    /// <summary>Reads a CoNLL-U file (UTF-8).</summary>
    public static IReadOnlyList<ConlluSentence> ReadFile(string path, ICollection<Diagnostic>? diagnostics = null)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return [.. Read(reader, Path.GetFileName(path), diagnostics)];
    }
}
