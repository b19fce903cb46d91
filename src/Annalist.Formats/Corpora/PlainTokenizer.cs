using Annalist.Core.Text;

namespace Annalist.Formats.Corpora;

/// <summary>
/// A plain word splitter for corpora that come as running text (FRUS paragraphs): words with inner
/// apostrophes, hyphens and periods, initials and common abbreviations with their period, a possessive
/// ending as a token of its own, every other mark alone; sentences end at . ! ? before a capital, and at blank lines.
/// </summary>
public static class PlainTokenizer
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Capt", "Adm", "Maj", "Sgt", "Gov", "Sen", "Rep", "Amb", "St", "Jr", "Sr", "No", "Nos",
        "Prof", "Rev", "Messrs", "Mt", "Ft", "Co", "Corp", "Inc", "Ltd", "Dept", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
        "vs", "etc", "cf", "ibid", "p", "pp", "ca",
    };

    public static (List<TextSpan> Tokens, List<bool> SentenceStarts) Split(string text)
    {
        var tokens = new List<TextSpan>();
        var starts = new List<bool>();
        int nextStartAt = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                int j = i + 1;
                while (c == '\n' && j < text.Length && char.IsWhiteSpace(text[j]) && text[j] != '\n') j++;
                if (c == '\n' && j < text.Length && text[j] == '\n') nextStartAt = j;
                i++;
                continue;
            }
            int start = i;
            if (char.IsLetterOrDigit(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '’' or '-' or '.' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))) i++;
                int end = i;
                var word = text.AsSpan(start, end - start);
                bool abbreviation = i < text.Length && text[i] == '.' && (word.Length == 1 && char.IsUpper(word[0]) || word.Contains('.') || Abbreviations.Contains(word.ToString()));
                if (abbreviation) { i++; end = i; }
                if (end - start > 2 && text[end - 2] is '\'' or '’' && text[end - 1] is 's' or 'S')
                {
                    Add(start, end - 2);
                    Add(end - 2, end);
                }
                else Add(start, end);
                continue;
            }
            i++;
            Add(start, i);
            if (c is '.' or '!' or '?')
            {
                int j = i;
                while (j < text.Length && (text[j] is '"' or '”' or '’' or ')' )) j++;
                int k = j;
                while (k < text.Length && char.IsWhiteSpace(text[k])) k++;
                if (k >= text.Length || char.IsUpper(text[k]) || text[k] is '"' or '“') nextStartAt = k;
            }
        }
        return (tokens, starts);

        void Add(int s, int e)
        {
            tokens.Add(new TextSpan(s, e));
            starts.Add(nextStartAt >= 0 && s >= nextStartAt);
            if (s >= nextStartAt) nextStartAt = -1;
        }
    }
}
