using System.Globalization;
using System.Text;
using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Formats.Export.WebAnno;

/// <summary>
/// Writes a document as WebAnno TSV 3.3 (the exchange format of WebAnno and INCEpTION): sentences as
/// <c>#Text=</c> blocks, one line per token (<c>sentence-token</c>, UTF-16 <c>begin-end</c> offsets, the token)
/// and one span layer, <c>de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity</c>, with the entity id as
/// <c>identifier</c> and the type as <c>value</c> (<c>PER</c>, <c>LOC</c>, <c>ORG</c>, <c>GRP</c>). A name over
/// several tokens carries the same <c>[n]</c> on each; stacked names are joined with <c>|</c>. Tokens no
/// sentence covers form sentences of their own. Stateless and thread-safe.
/// </summary>
public sealed class WebAnnoTsvWriter : IDocumentExportWriter
{
    public const string NamedEntityLayer = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity";

    public string Format => ExportFormats.WebAnnoTsv;

    public string Extension => ".tsv";

    /// <summary>The WebAnno value for a mention type.</summary>
    public static string TypeLabel(string type) => type switch
    {
        "person" => "PER",
        "place" => "LOC",
        "organization" => "ORG",
        "group" => "GRP",
        _ => "OTH",
    };

    /// <inheritdoc />
    public IReadOnlyList<Diagnostic> Write(ExportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        string text = document.Text;
        var tokens = document.Items(LayerNames.Tokens).Select(item => item.Span).Where(span => !span.IsEmpty && span.End <= text.Length).ToList();
        var sentences = Sentences(tokens, document.Items(LayerNames.Sentences).Select(item => item.Span).ToList());
        var mentions = ExportLayers.Mentions(document);

        // Which tokens each mention covers, and an index for mentions over more than one token.
        var labels = new List<string>[tokens.Count];
        var identifiers = new List<string>[tokens.Count];
        int nextIndex = 1;
        foreach (var mention in mentions)
        {
            int first = FirstOverlapping(tokens, mention.Span.Start);
            int last = first;
            while (last < tokens.Count && tokens[last].Start < mention.Span.End) last++;
            if (first >= last) continue;
            string suffix = last - first > 1 ? $"[{nextIndex++}]" : "";
            for (int t = first; t < last; t++)
            {
                (labels[t] ??= []).Add(Escape(TypeLabel(mention.Type)) + suffix);
                (identifiers[t] ??= []).Add((mention.Entity is { Length: > 0 } id ? Escape(id) : "*") + suffix);
            }
        }

        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.Write("#FORMAT=WebAnno TSV 3.3\n");
        writer.Write($"#T_SP={NamedEntityLayer}|identifier|value\n");
        writer.Write("\n\n");
        for (int s = 0; s < sentences.Count; s++)
        {
            var (from, to) = sentences[s];
            var span = new TextSpan(tokens[from].Start, tokens[to - 1].End);
            foreach (string line in text.Substring(span.Start, span.Length).Split('\n'))
                writer.Write($"#Text={EscapeText(line.TrimEnd('\r'))}\n");
            for (int t = from; t < to; t++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{s + 1}-{t - from + 1}\t{tokens[t].Start}-{tokens[t].End}\t"));
                writer.Write(Escape(text.Substring(tokens[t].Start, tokens[t].Length)));
                writer.Write('\t');
                writer.Write(identifiers[t] is { } ids ? string.Join('|', ids) : "_");
                writer.Write('\t');
                writer.Write(labels[t] is { } values ? string.Join('|', values) : "_");
                writer.Write("\t\n");
            }
            writer.Write('\n');
        }
        writer.Flush();
        return [];
    }

    /// <summary>Token index ranges per sentence: each token goes to the sentence that holds its start, else to a run of its own.</summary>
    private static List<(int From, int To)> Sentences(List<TextSpan> tokens, List<TextSpan> sentences)
    {
        var result = new List<(int, int)>();
        int t = 0;
        int sentence = 0;
        while (t < tokens.Count)
        {
            while (sentence < sentences.Count && sentences[sentence].End <= tokens[t].Start) sentence++;
            int from = t;
            if (sentence < sentences.Count && sentences[sentence].Start <= tokens[t].Start)
            {
                while (t < tokens.Count && tokens[t].Start < sentences[sentence].End) t++;
                sentence++;
            }
            else
            {
                int limit = sentence < sentences.Count ? sentences[sentence].Start : int.MaxValue;
                while (t < tokens.Count && tokens[t].Start < limit) t++;
            }
            result.Add((from, t));
        }
        return result;
    }

    private static int FirstOverlapping(List<TextSpan> tokens, int start)
    {
        int low = 0, high = tokens.Count;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (tokens[middle].End <= start) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /// <summary>Escapes what TSV 3.3 reserves in tokens and feature values: <c>\ [ ] | _ -&gt; ; * </c>, tab and line breaks.</summary>
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length + 4);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '\\' or '[' or ']' or '|' or '_' or ';' or '*':
                    builder.Append('\\').Append(c);
                    break;
                case '-' when i + 1 < value.Length && value[i + 1] == '>':
                    builder.Append("\\-");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    private static string EscapeText(string line) =>
        line.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}
