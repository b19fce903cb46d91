using System.Globalization;
using Annalist.Core.Annotations;
using Annalist.Core.Text;
using Annalist.Evaluation.SystemOutput;
using Annalist.Formats.TimeMl;

namespace Annalist.Evaluation.TimeMl;

/// <summary>
/// The development listing of <c>annalist eval timeml --errors FILE</c>: one tab-separated row per gold
/// expression missed (<c>MISS</c>), per system expression with no gold (<c>SPURIOUS</c>), and per pair whose
/// value (<c>VALUE</c>) or type (<c>TYPE</c>) differ, each with the sentence it is in, so that errors can be
/// counted by cause. Pairs overlap as in relaxed matching. Write it only for development corpora.
/// </summary>
public static class TimexErrorListing
{
    /// <summary>The header row of the listing.</summary>
    public const string Header = "kind\tdocument\tgold_text\tgold_type\tgold_value\tsystem_text\tsystem_type\tsystem_value\tanchor\tsentence";

    /// <summary>The rows for one document, in text order of the gold expression (spurious ones last).</summary>
    public static IEnumerable<string> Rows(TimeMlDocument timeMl, SystemLayers system)
    {
        string text = timeMl.Document.Text;
        string name = timeMl.Document.Name;
        var found = system.Get(LayerNames.Timexes);
        var used = new bool[found.Length];
        foreach (var gold in timeMl.Timexes)
        {
            int match = -1;
            for (int s = 0; s < found.Length && match < 0; s++)
            {
                if (!used[s] && found[s].Span.Start < gold.Span.End && gold.Span.Start < found[s].Span.End) match = s;
            }
            if (match < 0)
            {
                yield return Row("MISS", name, gold.Text, gold.Type, gold.Value, null, text, gold.Span);
                continue;
            }
            used[match] = true;
            var item = found[match];
            string? value = item.Fields.String("value"), type = item.Fields.String("type");
            if (gold.Value is not null && !string.Equals(gold.Value, value, StringComparison.Ordinal))
                yield return Row("VALUE", name, gold.Text, gold.Type, gold.Value, item, text, gold.Span);
            else if (gold.Type is not null && !string.Equals(gold.Type, type, StringComparison.Ordinal))
                yield return Row("TYPE", name, gold.Text, gold.Type, gold.Value, item, text, gold.Span);
        }
        for (int s = 0; s < found.Length; s++)
        {
            if (!used[s]) yield return Row("SPURIOUS", name, "", null, null, found[s], text, found[s].Span);
        }
    }

    private static string Row(string kind, string document, string goldText, string? goldType, string? goldValue, SystemItem? item, string text, TextSpan span)
    {
        string anchor = "";
        if (item?.Fields.Number("anchor") is { } at && at >= 0 && at < text.Length)
        {
            int from = (int)at;
            anchor = Clean(text.Substring(from, Math.Min(30, text.Length - from)));
        }
        else if (item?.Fields.String("anchor_source") is { } source) anchor = source;
        return string.Join('\t', kind, document, Clean(goldText), goldType ?? "", goldValue ?? "", Clean(item?.Text ?? ""),
            item?.Fields.String("type") ?? "", item?.Fields.String("value") ?? "", anchor, Clean(Sentence(text, span)));
    }

    /// <summary>The text between the sentence stops (<c>.</c>, <c>!</c>, <c>?</c> before a space, or a blank line) around <paramref name="span"/>, at most 300 characters each side.</summary>
    private static string Sentence(string text, TextSpan span)
    {
        int start = span.Start;
        int limit = Math.Max(0, span.Start - 300);
        while (start > limit && !IsStop(text, start - 1)) start--;
        int end = span.End;
        int endLimit = Math.Min(text.Length, span.End + 300);
        while (end < endLimit && !IsStop(text, end)) end++;
        if (end < text.Length) end++;
        return text[start..Math.Min(end, text.Length)].Trim();
    }

    private static bool IsStop(string text, int i) =>
        text[i] is '.' or '!' or '?' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1])) && !(i >= 1 && char.IsUpper(text[i - 1]) && (i < 2 || !char.IsLetter(text[i - 2])))
        || text[i] == '\n' && i + 1 < text.Length && text[i + 1] == '\n';

    private static string Clean(string value) => value.ReplaceLineEndings(" ").Replace('\t', ' ').ToString(CultureInfo.InvariantCulture);
}
