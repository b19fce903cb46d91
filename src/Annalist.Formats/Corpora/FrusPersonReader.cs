using System.Text;
using System.Xml;
using Annalist.Core.Entities;
using Annalist.Core.Entities.Tagging;
using Annalist.Core.Text;

namespace Annalist.Formats.Corpora;

/// <summary>
/// Reads the body paragraphs of a FRUS TEI volume that mark persons with <c>persName</c>, as distant
/// supervision for the person tagger: the paragraphs of one document (<c>div type="document"</c>) that
/// hold at least one persName become a partly annotated document (persons marked, other names unknown).
/// Only volumes whose persName elements are linked to a persons list (<c>@corresp</c>) are used, since
/// only there are persons marked throughout. Footnotes are left out; white space is collapsed.
/// </summary>
public static class FrusPersonReader
{
    public static IEnumerable<CorpusDocument> Read(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, IgnoreComments = true, IgnoreProcessingInstructions = true };
        using var reader = XmlReader.Create(path, settings);
        var text = new StringBuilder();
        var persons = new List<(int Start, int End)>();
        int paragraphDepth = -1, noteDepth = -1, personDepth = -1, personStart = 0, count = 0;
        int documentDepth = -1, linkedCount = 0;
        var paragraphs = new List<CorpusDocument>();
        string volume = Path.GetFileNameWithoutExtension(path);
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.IsEmptyElement)
                    {
                        if (paragraphDepth >= 0 && noteDepth < 0 && reader.LocalName is "lb") Append(" ");
                        break;
                    }
                    if (reader.LocalName == "div" && reader.GetAttribute("type") == "document" && documentDepth < 0)
                    {
                        documentDepth = reader.Depth;
                        paragraphs.Clear();
                    }
                    else if (reader.LocalName == "p" && paragraphDepth < 0)
                    {
                        paragraphDepth = reader.Depth;
                        text.Clear();
                        persons.Clear();
                    }
                    else if (paragraphDepth >= 0 && noteDepth < 0 && reader.LocalName == "note") noteDepth = reader.Depth;
                    else if (paragraphDepth >= 0 && noteDepth < 0 && reader.LocalName == "persName" && personDepth < 0)
                    {
                        personDepth = reader.Depth;
                        personStart = text.Length;
                        if (reader.GetAttribute("corresp") is not null) linkedCount++;
                    }
                    break;
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA:
                    if (paragraphDepth >= 0 && noteDepth < 0) Append(reader.Value);
                    break;
                case XmlNodeType.EndElement:
                    if (documentDepth >= 0 && reader.Depth == documentDepth && reader.LocalName == "div")
                    {
                        documentDepth = -1;
                        if (paragraphs.Count > 0 && linkedCount > 0) yield return Join($"{volume}#{count++}", paragraphs);
                        paragraphs.Clear();
                    }
                    else if (noteDepth >= 0 && reader.Depth == noteDepth && reader.LocalName == "note") noteDepth = -1;
                    else if (personDepth >= 0 && reader.Depth == personDepth && reader.LocalName == "persName")
                    {
                        personDepth = -1;
                        int start = personStart, end = text.Length;
                        while (start < end && text[start] == ' ') start++;
                        while (end > start && text[end - 1] == ' ') end--;
                        if (end > start) persons.Add((start, end));
                    }
                    else if (paragraphDepth >= 0 && reader.Depth == paragraphDepth && reader.LocalName == "p")
                    {
                        paragraphDepth = -1;
                        if (documentDepth >= 0 && persons.Count > 0 && ToDocument(volume, text.ToString(), persons) is { } document) paragraphs.Add(document);
                    }
                    break;
            }
        }

        void Append(string value)
        {
            foreach (char c in value)
            {
                bool space = char.IsWhiteSpace(c);
                if (space && (text.Length == 0 || text[^1] == ' ')) continue;
                text.Append(space ? ' ' : c);
            }
        }
    }

    private static CorpusDocument Join(string name, List<CorpusDocument> paragraphs)
    {
        var sentences = new List<IReadOnlyList<string>>();
        var mentions = new List<CorpusMention>();
        foreach (var paragraph in paragraphs)
        {
            int offset = sentences.Count;
            sentences.AddRange(paragraph.Sentences);
            mentions.AddRange(paragraph.Mentions.Select(m => m with { Sentence = m.Sentence + offset }));
        }
        return new CorpusDocument(name, sentences, null, mentions, Partial: true);
    }

    private static CorpusDocument? ToDocument(string name, string text, List<(int Start, int End)> persons)
    {
        var input = PlainTextInput.From(text);
        var tokens = input.Tokens.ToList();
        var starts = input.SentenceStarts;
        if (tokens.Count == 0) return null;
        var sentences = new List<IReadOnlyList<string>>();
        var sentenceOf = new (int Sentence, int Index)[tokens.Count];
        List<string>? current = null;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (starts[i] || current is null)
            {
                current = [];
                sentences.Add(current);
            }
            sentenceOf[i] = (sentences.Count - 1, current.Count);
            current.Add(tokens[i].Slice(text).ToString());
        }
        var mentions = new List<CorpusMention>();
        foreach (var (start, end) in persons)
        {
            int first = tokens.FindIndex(t => t.Start == start);
            int last = tokens.FindLastIndex(t => t.End == end);
            if (first < 0 || last < first || sentenceOf[first].Sentence != sentenceOf[last].Sentence) continue;
            mentions.Add(new CorpusMention(sentenceOf[first].Sentence, sentenceOf[first].Index, sentenceOf[last].Index + 1, EntityType.Person));
        }
        return mentions.Count == 0 ? null : new CorpusDocument(name, sentences, null, mentions, Partial: true);
    }
}
