using Annalist.Core.Entities;

namespace Annalist.Formats.Corpora;

/// <summary>
/// Reads LitBank's coreference brat files (<c>coref/brat/*.ann</c> beside the space-tokenized <c>.txt</c>,
/// one sentence per line) and keeps the proper-name mentions (<c>PROP_*</c>): PER → person, GPE and LOC →
/// place, ORG → organization; FAC → place for training, and left out of scoring (with VEH) when
/// <c>coarse</c> is set, as the coarse PER/LOC+GPE/ORG scheme asks. Outermost names win.
/// </summary>
public static class LitBankReader
{
    /// <summary>The documents of <paramref name="folder"/> in file-name order.</summary>
    public static IReadOnlyList<string> DocumentPaths(string folder) =>
        [.. Directory.GetFiles(folder, "*.ann").Order(StringComparer.Ordinal)];

    /// <summary>The last tenth of the documents in file-name order, never trained on.</summary>
    public static IReadOnlyList<string> HeldOut(IReadOnlyList<string> paths) => [.. paths.Skip(paths.Count - Math.Max(1, paths.Count / 10))];

    public static IReadOnlyList<string> Training(IReadOnlyList<string> paths) => [.. paths.Take(paths.Count - Math.Max(1, paths.Count / 10))];

    public static CorpusDocument Read(string annPath, bool coarse)
    {
        string text = File.ReadAllText(Path.ChangeExtension(annPath, ".txt"));
        var sentences = new List<IReadOnlyList<string>>();
        var tokenStarts = new List<(int Offset, int Sentence, int Token)>();
        int offset = 0;
        foreach (string line in text.Split('\n'))
        {
            var words = new List<string>();
            int i = 0;
            while (i < line.Length)
            {
                while (i < line.Length && line[i] == ' ') i++;
                if (i >= line.Length) break;
                int start = i;
                while (i < line.Length && line[i] != ' ') i++;
                tokenStarts.Add((offset + start, sentences.Count, words.Count));
                words.Add(line[start..i]);
            }
            if (words.Count > 0) sentences.Add(words);
            offset += line.Length + 1;
        }
        var byOffset = new Dictionary<int, (int Sentence, int Token)>();
        foreach (var (o, s, t) in tokenStarts) byOffset[o] = (s, t);

        var raw = new List<(int Sentence, int First, int End, EntityType? Type)>();
        foreach (string line in File.ReadLines(annPath))
        {
            var fields = line.Split('\t');
            if (fields.Length < 3 || !fields[0].StartsWith('T')) continue;
            var head = fields[1].Split(' ');
            if (head.Length < 3 || !head[0].StartsWith("PROP_", StringComparison.Ordinal)) continue;
            string kind = head[0]["PROP_".Length..];
            EntityType? type = kind switch
            {
                "PER" => EntityType.Person,
                "GPE" or "LOC" => EntityType.Place,
                "ORG" => EntityType.Organization,
                "FAC" => coarse ? null : EntityType.Place,
                _ => null,
            };
            if (!int.TryParse(head[1], out int start) || !int.TryParse(head[2], out int end)) continue;
            if (!byOffset.TryGetValue(start, out var first)) continue;
            int last = first.Token;
            var sentence = sentences[first.Sentence];
            int tokenOffset = start;
            for (int k = first.Token; k < sentence.Count; k++)
            {
                if (tokenOffset >= end) break;
                last = k;
                tokenOffset += sentence[k].Length + 1;
            }
            raw.Add((first.Sentence, first.Token, last + 1, type));
        }
        var mentions = new List<CorpusMention>();
        var taken = new HashSet<(int, int)>();
        foreach (var m in raw.OrderByDescending(m => m.End - m.First).ThenBy(m => m.Sentence).ThenBy(m => m.First))
        {
            bool free = true;
            for (int k = m.First; k < m.End && free; k++) free = !taken.Contains((m.Sentence, k));
            if (!free) continue;
            for (int k = m.First; k < m.End; k++) taken.Add((m.Sentence, k));
            mentions.Add(new CorpusMention(m.Sentence, m.First, m.End, m.Type));
        }
        mentions.Sort((a, b) => a.Sentence != b.Sentence ? a.Sentence.CompareTo(b.Sentence) : a.First.CompareTo(b.First));
        return new CorpusDocument(Path.GetFileNameWithoutExtension(annPath), sentences, null, mentions);
    }
}
