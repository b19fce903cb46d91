using Annalist.Core.Text;

namespace Annalist.Store.Search;

/// <summary>
/// One paragraph that matches a query, with a keyword-in-context snippet and a citation: the document,
/// the paragraph's number (from 1) and the offsets of the paragraph and of the first match in the
/// document's text.
/// </summary>
public sealed record SearchHit(
    string DocumentKey,
    string DocumentName,
    int Paragraph,
    TextSpan ParagraphSpan,
    TextSpan Match,
    string Before,
    string Matched,
    string After,
    double Score)
{
    /// <summary>A citation people can follow: <c>name ¶3 [120..131)</c>.</summary>
    public string Citation => $"{DocumentName} ¶{Paragraph} [{Match.Start}..{Match.End})";
}

/// <summary>A matching paragraph as a database returns it, before the snippet is made.</summary>
internal sealed record PassageMatch(string DocumentKey, string DocumentName, int Number, int Start, int End, string Text, double Score);
