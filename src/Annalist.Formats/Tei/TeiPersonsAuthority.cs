using System.Collections.Immutable;
using Annalist.Core.Entities.Authorities;

namespace Annalist.Formats.Tei;

/// <summary>
/// A TEI volume's persons list as an <see cref="AuthorityList"/>: each <c>persName/@xml:id</c> outside the
/// documents is an entry whose id is that <c>xml:id</c>, whose name is the list's form (<c>Molotov, Vyacheslav
/// Mikhailovich</c>) and whose description is the rest of its list item (<c>Soviet Foreign Minister</c>).
/// Variants come from the name form alone: without its titles (<c>Bowen, General Frank</c> → <c>Bowen,
/// Frank</c>), a bracketed other form (<c>Yeh, George K.C. (Yeh Kung-ch’ao)</c>) or nickname (<c>(Chip)</c>),
/// and for a name written surname first without a comma (<c>Chou En-lai</c>) its comma form.
/// </summary>
public static class TeiPersonsAuthority
{
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "General", "Brigadier", "Major", "Lieutenant", "Colonel", "Admiral", "Vice", "Rear", "Field", "Marshal", "Air", "Chief",
        "Sir", "Lord", "Lady", "Dame", "Prince", "Princess", "King", "Queen", "Sheikh", "Shaikh", "Emir", "Amir", "Shah",
        "Dr.", "Dr", "Mr.", "Mrs.", "Miss", "Ms.", "Captain", "Commander", "Senator", "Judge", "Bishop", "Archbishop", "Cardinal",
    };

    /// <summary>The authority list of <paramref name="volume"/>'s persons; null when it has none.</summary>
    public static AuthorityList? From(TeiVolume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        if (volume.Persons.Count == 0) return null;
        var entries = new List<AuthorityEntry>(volume.Persons.Count);
        foreach (var (id, written) in volume.Persons.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var (name, variants) = NameAndVariants(written);
            if (name.Length == 0) continue;
            string? description = volume.PersonDescriptions.GetValueOrDefault(id);
            // The title a surname-first name carried after its comma (“Chiang Kai-shek, Generalissimo”) describes the person too.
            if (written.Length > name.Length && written.StartsWith(name, StringComparison.Ordinal) && written[name.Length] == ',')
                description = written[(name.Length + 1)..].Trim() + (string.IsNullOrWhiteSpace(description) ? "" : "; " + description);
            int prominence = Prominence(volume, name, variants, description);
            entries.Add(new AuthorityEntry(id, name, variants, string.IsNullOrWhiteSpace(description) ? null : description, Prominence: prominence));
        }
        return new AuthorityList(volume.FileName + " (persons)", entries);
    }

    /// <summary>
    /// How often the volume's document texts (not its markup) name the person by an office of their description:
    /// a capitalized word of the description just before the surname (<c>Secretary Dulles</c> for the Secretary of
    /// State, <c>Premier Chou</c>, <c>Generalissimo Chiang</c>). Namesakes are told apart by the office the text gives them.
    /// </summary>
    private static int Prominence(TeiVolume volume, string name, ImmutableArray<string> variants, string? description)
    {
        if (string.IsNullOrWhiteSpace(description)) return 0;
        var offices = new HashSet<string>(StringComparer.Ordinal);
        foreach (string word in description.Split([' ', ',', ';', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length >= 4 && char.IsUpper(word[0]) && word.All(char.IsLetter)) offices.Add(word);
        }
        if (offices.Count == 0) return 0;
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        foreach (string written in variants.Prepend(name))
        {
            int comma = written.IndexOf(',');
            if (comma > 0) surnames.Add(written[..comma].Trim());
        }
        int count = 0;
        foreach (var document in volume.Documents)
        {
            string text = document.Body.Text;
            foreach (string surname in surnames)
            {
                if (surname.Length < 2) continue;
                for (int at = text.IndexOf(surname, StringComparison.Ordinal); at >= 0; at = text.IndexOf(surname, at + surname.Length, StringComparison.Ordinal))
                {
                    int end = at + surname.Length;
                    if (end < text.Length && char.IsLetter(text[end])) continue;
                    int wordEnd = at - 1;
                    if (wordEnd < 1 || text[wordEnd] != ' ') continue;
                    int wordStart = wordEnd;
                    while (wordStart > 0 && char.IsLetter(text[wordStart - 1])) wordStart--;
                    if (offices.Contains(text[wordStart..wordEnd])) count++;
                }
            }
        }
        return count;
    }

    /// <summary>The name without a bracketed part, and the variants its form gives.</summary>
    public static (string Name, ImmutableArray<string> Variants) NameAndVariants(string written)
    {
        string name = written.Trim();
        var variants = new List<string>();
        int open = name.IndexOf('(');
        string? bracketed = null;
        if (open > 0)
        {
            int close = name.IndexOf(')', open);
            bracketed = name[(open + 1)..(close > open ? close : name.Length)].Trim();
            name = (name[..open] + (close > open ? name[(close + 1)..] : "")).Trim().TrimEnd(',').Trim();
        }
        int comma = name.IndexOf(',');
        // “Chiang Kai-shek, Generalissimo”: a whole name written surname first, then a title.
        if (comma > 0 && name[..comma].Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: 2 or 3 } head && head[^1].Contains('-'))
        {
            variants.Add(head[0] + ", " + string.Join(' ', head[1..]));
            name = name[..comma].Trim();
            comma = -1;
        }
        string surname = comma > 0 ? name[..comma].Trim() : "";
        if (comma > 0)
        {
            string rest = name[(comma + 1)..].Trim();
            var given = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int skip = 0;
            while (skip < given.Length - 1 && Titles.Contains(given[skip])) skip++;
            if (skip > 0) variants.Add(surname + ", " + string.Join(' ', given[skip..]));
        }
        else
        {
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // “Chou En-lai”, “Mao Tse-tung”: a hyphenated last given name marks a surname written first.
            if (words.Length is 2 or 3 && words[^1].Contains('-') && char.IsUpper(words[0][0]))
                variants.Add(words[0] + ", " + string.Join(' ', words[1..]));
        }
        if (bracketed is { Length: > 0 })
        {
            var words = bracketed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            bool capitalized = words.All(w => char.IsUpper(w[0]));
            if (capitalized && words.Length == 1 && surname.Length > 0) variants.Add(words[0] + " " + surname);
            else if (capitalized && words.Length is 2 or 3)
            {
                variants.Add(bracketed);
                if (words[^1].Contains('-')) variants.Add(words[0] + ", " + string.Join(' ', words[1..]));
            }
        }
        return (name, [.. variants.Distinct(StringComparer.Ordinal)]);
    }
}
