using Annalist.Core.Entities;

namespace Annalist.Formats.Corpora;

/// <summary>
/// Reads GUM's CoNLL-U files (CorefUD-style <c>Entity=</c> in MISC) into documents whose mentions are
/// the proper names among GUM's person, place and organization mentions: after a leading determiner,
/// the mention starts and ends with a proper noun and holds only proper nouns, numbers and the function
/// words of names (<c>of</c>, <c>the</c>, <c>’s</c>). Outermost names win over names nested in them.
/// </summary>
public static class GumEntityReader
{
    public static IEnumerable<CorpusDocument> Read(TextReader reader, string fallbackName)
    {
        string name = fallbackName;
        var sentences = new List<IReadOnlyList<string>>();
        var tags = new List<IReadOnlyList<string?>>();
        var mentions = new List<CorpusMention>();
        var words = new List<string>();
        var upos = new List<string?>();
        var open = new Dictionary<string, Stack<(int Start, string Type)>>(StringComparer.Ordinal);
        var spans = new List<(int Start, int End, string Type)>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.StartsWith("# newdoc id = ", StringComparison.Ordinal))
            {
                if (sentences.Count > 0) yield return new CorpusDocument(name, [.. sentences], [.. tags], [.. mentions]);
                sentences.Clear(); tags.Clear(); mentions.Clear();
                name = line["# newdoc id = ".Length..].Trim();
                continue;
            }
            if (line.StartsWith('#')) continue;
            if (line.Length == 0)
            {
                FinishSentence();
                continue;
            }
            var fields = line.Split('\t');
            if (fields.Length < 10 || fields[0].Contains('-') || fields[0].Contains('.')) continue;
            int index = words.Count;
            words.Add(fields[1]);
            upos.Add(fields[3]);
            foreach (string item in fields[9].Split('|'))
            {
                if (item.StartsWith("Entity=", StringComparison.Ordinal)) ParseEntity(item["Entity=".Length..], index);
            }
        }
        FinishSentence();
        if (sentences.Count > 0) yield return new CorpusDocument(name, [.. sentences], [.. tags], [.. mentions]);

        void ParseEntity(string value, int index)
        {
            int i = 0;
            while (i < value.Length)
            {
                if (value[i] == '(')
                {
                    int j = i + 1;
                    while (j < value.Length && value[j] != '(' && value[j] != ')') j++;
                    var parts = value[(i + 1)..j].Split('-');
                    string id = parts[0], type = parts.Length > 1 ? parts[1] : "";
                    if (j < value.Length && value[j] == ')')
                    {
                        spans.Add((index, index + 1, type));
                        j++;
                    }
                    else
                    {
                        if (!open.TryGetValue(id, out var stack)) open[id] = stack = new();
                        stack.Push((index, type));
                    }
                    i = j;
                }
                else
                {
                    int j = i;
                    while (j < value.Length && value[j] != ')' && value[j] != '(') j++;
                    string id = value[i..j];
                    if (j < value.Length && value[j] == ')')
                    {
                        if (open.TryGetValue(id, out var stack) && stack.Count > 0)
                        {
                            var (start, type) = stack.Pop();
                            spans.Add((start, index + 1, type));
                        }
                        j++;
                    }
                    i = Math.Max(j, i + 1);
                }
            }
        }

        void FinishSentence()
        {
            if (words.Count == 0) return;
            int sentence = sentences.Count;
            var named = new List<(int Start, int End, EntityType Type)>();
            foreach (var (start, end, typeName) in spans)
            {
                EntityType? type = typeName switch { "person" => EntityType.Person, "place" => EntityType.Place, "organization" => EntityType.Organization, _ => null };
                if (type is null) continue;
                int s = start;
                while (s < end && upos[s] == "DET") s++;
                if (s >= end || upos[s] != "PROPN" || upos[end - 1] != "PROPN") continue;
                bool proper = true;
                for (int k = s; k < end && proper; k++) proper = upos[k] is "PROPN" or "NUM" or "ADP" or "DET" or "CCONJ" or "PART" or "PUNCT";
                if (proper) named.Add((s, end, type.Value));
            }
            var taken = new bool[words.Count];
            foreach (var (start, end, type) in named.OrderByDescending(n => n.End - n.Start).ThenBy(n => n.Start))
            {
                bool free = true;
                for (int k = start; k < end && free; k++) free = !taken[k];
                if (!free) continue;
                for (int k = start; k < end; k++) taken[k] = true;
                mentions.Add(new CorpusMention(sentence, start, end, type));
            }
            sentences.Add([.. words]);
            tags.Add([.. upos]);
            words.Clear(); upos.Clear(); spans.Clear(); open.Clear();
        }
    }

    /// <summary>The documents of GUM's <c>dev</c> or <c>test</c> split as listed in its <c>splits.md</c>.</summary>
    public static HashSet<string> ReadSplit(TextReader splits, string split)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        bool inside = false;
        string? line;
        while ((line = splits.ReadLine()) is not null)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal)) inside = line[3..].Trim() == split;
            else if (inside && line.Trim().StartsWith("* ", StringComparison.Ordinal)) names.Add(line.Trim()[2..].Trim());
        }
        return names;
    }
}
