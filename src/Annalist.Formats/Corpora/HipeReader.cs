using Annalist.Core.Entities;

namespace Annalist.Formats.Corpora;

/// <summary>
/// Reads HIPE-2022 tab-separated files (<c>TOKEN NE-COARSE-LIT …</c>, documents opened by
/// <c># hipe2022:document_id</c>, sentences ended by <c>EndOfSentence</c> in MISC) with the literal coarse
/// types mapped: pers → person, loc → place, org → organization; prod and time are left out of scoring.
/// </summary>
public static class HipeReader
{
    public static IEnumerable<CorpusDocument> Read(TextReader reader)
    {
        string name = "";
        var sentences = new List<IReadOnlyList<string>>();
        var mentions = new List<CorpusMention>();
        var words = new List<string>();
        var labels = new List<string>();
        string? line;
        bool header = true;
        while ((line = reader.ReadLine()) is not null)
        {
            if (header && line.StartsWith("TOKEN", StringComparison.Ordinal)) { header = false; continue; }
            if (line.StartsWith("# hipe2022:document_id", StringComparison.Ordinal))
            {
                FinishSentence();
                if (sentences.Count > 0) yield return new CorpusDocument(name, [.. sentences], null, [.. mentions]);
                sentences.Clear(); mentions.Clear();
                name = line[(line.IndexOf('=') + 1)..].Trim();
                continue;
            }
            if (line.StartsWith('#')) continue;
            if (line.Length == 0) { FinishSentence(); continue; }
            var fields = line.Split('\t');
            if (fields.Length < 2) continue;
            words.Add(fields[0]);
            labels.Add(fields[1]);
            if (fields.Length >= 10 && fields[9].Contains("EndOfSentence", StringComparison.Ordinal)) FinishSentence();
        }
        FinishSentence();
        if (sentences.Count > 0) yield return new CorpusDocument(name, [.. sentences], null, [.. mentions]);

        void FinishSentence()
        {
            if (words.Count == 0) return;
            int sentence = sentences.Count;
            for (int i = 0; i < labels.Count; i++)
            {
                if (!labels[i].StartsWith("B-", StringComparison.Ordinal)) continue;
                string kind = labels[i][2..];
                int end = i + 1;
                while (end < labels.Count && labels[end] == "I-" + kind) end++;
                EntityType? type = kind switch { "pers" => EntityType.Person, "loc" => EntityType.Place, "org" => EntityType.Organization, _ => null };
                mentions.Add(new CorpusMention(sentence, i, end, type));
            }
            sentences.Add([.. words]);
            words.Clear();
            labels.Clear();
        }
    }
}
