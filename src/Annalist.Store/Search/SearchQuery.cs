using System.Collections.Immutable;
using System.Text;
using Annalist.Core.Errors;

namespace Annalist.Store.Search;

/// <summary>
/// What to look for: words and "quoted phrases", all of which a paragraph must contain. Case and
/// inflection do not matter (<c>car</c> finds <c>cars</c>). Operators of the database's own query
/// languages are not interpreted, so any text is a safe query.
/// </summary>
public sealed class SearchQuery
{
    private SearchQuery(string text, ImmutableArray<string> terms, ImmutableArray<string> phrases)
    {
        Text = text;
        Terms = terms;
        Phrases = phrases;
    }

    /// <summary>What matching paragraphs must also hold; <see cref="SearchFilters.None"/> unless given.</summary>
    public SearchFilters Filters { get; private init; } = SearchFilters.None;

    /// <summary>The same words, with <paramref name="filters"/>.</summary>
    public SearchQuery WithFilters(SearchFilters filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        return new SearchQuery(Text, Terms, Phrases) { Filters = filters };
    }

    /// <summary>The query as the user wrote it.</summary>
    public string Text { get; }

    /// <summary>Single words, lowercased.</summary>
    public ImmutableArray<string> Terms { get; }

    /// <summary>Phrases of several words, lowercased, words separated by one space.</summary>
    public ImmutableArray<string> Phrases { get; }

    /// <summary>Every word of the query, phrases included, in order of appearance within each kind.</summary>
    public IEnumerable<string> Words => Terms.Concat(Phrases.SelectMany(p => p.Split(' ')));

    /// <exception cref="AnnalistException">ANL5020 when the query holds no word.</exception>
    public static SearchQuery Parse(string text) =>
        TryParse(text, out var query) ? query : throw new AnnalistException(ErrorCatalogue.InvalidSearchQuery, text ?? "");

    public static bool TryParse(string? text, out SearchQuery query)
    {
        var terms = ImmutableArray.CreateBuilder<string>();
        var phrases = ImmutableArray.CreateBuilder<string>();
        var source = (text ?? "").AsSpan();
        int i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            if (c is '"' or '“' or '”')
            {
                int close = source[(i + 1)..].IndexOfAny('"', '“', '”');
                var inside = close < 0 ? source[(i + 1)..] : source.Slice(i + 1, close);
                var words = WordsOf(inside);
                if (words.Count == 1) terms.Add(words[0]);
                else if (words.Count > 1) phrases.Add(string.Join(' ', words));
                i = close < 0 ? source.Length : i + close + 2;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            int end = i;
            while (end < source.Length && !char.IsWhiteSpace(source[end]) && source[end] is not ('"' or '“' or '”')) end++;
            foreach (string word in WordsOf(source[i..end])) terms.Add(word);
            i = end;
        }
        query = new SearchQuery(text ?? "", terms.Distinct().ToImmutableArray(), phrases.Distinct().ToImmutableArray());
        return !query.Terms.IsEmpty || !query.Phrases.IsEmpty;
    }

    /// <summary>The runs of letters and digits in <paramref name="text"/>, lowercased.</summary>
    internal static List<string> WordsOf(ReadOnlySpan<char> text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }

    public override string ToString() => Text;
}
