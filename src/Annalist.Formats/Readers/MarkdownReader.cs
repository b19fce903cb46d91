using Annalist.Core.Text;

namespace Annalist.Formats.Readers;

/// <summary>
/// Markdown files, read as text: the markup stays in the text so offsets map to the file. The title is
/// taken from a leading <c># heading</c> (the first line that is not blank), when there is one.
/// </summary>
public sealed class MarkdownReader : TextFileReader
{
    public MarkdownReader(DocumentReaderOptions? options = null) : base(options)
    {
    }

    public override IReadOnlyList<string> Extensions { get; } = [".md", ".markdown"];

    protected override DocumentMetadata Describe(string text, DocumentMetadata found) =>
        TryGetLeadingTitle(text, out string title) ? found with { Title = title } : found;

    /// <summary>The text of a level-one ATX heading on the first non-blank line, without closing <c>#</c>s.</summary>
    public static bool TryGetLeadingTitle(ReadOnlySpan<char> text, out string title)
    {
        title = "";
        var rest = text;
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOfAny('\r', '\n');
            var line = end < 0 ? rest : rest[..end];
            if (!line.IsWhiteSpace())
            {
                var trimmed = line.TrimStart(' ');
                if (line.Length - trimmed.Length > 3 || !trimmed.StartsWith("# ", StringComparison.Ordinal)) return false;
                var heading = trimmed[2..].Trim();
                var withoutClosing = heading.TrimEnd('#');
                if (withoutClosing.Length < heading.Length && (withoutClosing.IsEmpty || withoutClosing[^1] == ' '))
                    heading = withoutClosing.TrimEnd();
                if (heading.IsEmpty) return false;
                title = heading.ToString();
                return true;
            }
            if (end < 0) break;
            rest = rest[(end + 1)..];
        }
        return false;
    }
}
