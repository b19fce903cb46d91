using System.Collections.Immutable;
using System.Text;
using Annalist.Core.Text;

namespace Annalist.Evaluation.Quotes;

/// <summary>A sentence of a GUM document that carries <c># speaker</c>: its span in <see cref="SpeakerDocument.Text"/> and the speaker id.</summary>
public sealed record SpeakerSentence(string Id, TextSpan Span, string Speaker);

/// <summary>A GUM document rebuilt as text, with the sentences whose speaker it names.</summary>
public sealed record SpeakerDocument(string Name, string Text, ImmutableArray<SpeakerSentence> Sentences);

/// <summary>
/// Reads a GUM CoNLL-U file as plain text: each sentence's <c># text</c>, sentences of a paragraph joined by a
/// space and paragraphs (<c># newpar</c>) by a blank line, as a reader of the document sees it; the speaker
/// names of <c># speaker</c> are kept aside as gold (they are not in the text: GUM removes a transcript's labels).
/// </summary>
public static class GumSpeakerReader
{
    public static SpeakerDocument Read(string path)
    {
        var text = new StringBuilder();
        var sentences = new List<SpeakerSentence>();
        string? speaker = null, id = null;
        bool newParagraph = false;
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith("# newpar", StringComparison.Ordinal) && !line.StartsWith("# newpar_", StringComparison.Ordinal)) newParagraph = true;
            else if (line.StartsWith("# speaker = ", StringComparison.Ordinal)) speaker = line["# speaker = ".Length..].Trim();
            else if (line.StartsWith("# sent_id = ", StringComparison.Ordinal)) id = line["# sent_id = ".Length..].Trim();
            else if (line.StartsWith("# text = ", StringComparison.Ordinal))
            {
                string sentence = line["# text = ".Length..].Trim();
                if (text.Length > 0) text.Append(newParagraph ? "\n\n" : " ");
                int start = text.Length;
                text.Append(sentence);
                if (speaker is { Length: > 0 }) sentences.Add(new SpeakerSentence(id ?? $"s{sentences.Count + 1}", new TextSpan(start, text.Length), speaker));
                newParagraph = false;
            }
            else if (line.Length == 0)
            {
                speaker = null;
                id = null;
            }
        }
        return new SpeakerDocument(Path.GetFileNameWithoutExtension(path), text.ToString(), [.. sentences]);
    }
}
