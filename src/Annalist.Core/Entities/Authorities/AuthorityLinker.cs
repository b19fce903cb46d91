using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;

namespace Annalist.Core.Entities.Authorities;

/// <summary>
/// Links person entities to the people of an <see cref="AuthorityList"/>. An entity's aliases are compared
/// with every entry's name and variants, written either way round (<c>Carver, Alice</c>, <c>Alice Carver</c>):
/// a whole form scores 3, a surname with compatible given names or initials (<c>A. M. Carver</c>) 2, a bare
/// surname 1, and an alias whose given names contradict the entry (<c>Henry Carver</c>) rules it out.
/// The document's year then weighs in (active years +1 or −1; alive +0.5; dead −0.5; not yet born rules it out),
/// and so do words near the mentions that the entry's description shares (+0.5 each, at most +2). The best
/// entry is linked when it scores at least 1 and beats the next by 0.5; a closer call is left unlinked with
/// diagnostic ANL2302. Immutable and thread-safe.
/// </summary>
public sealed class AuthorityLinker
{
    private const double Margin = 0.5;
    private const int ContextCharacters = 80;
    private const int MaxContextMentions = 24;

    private static readonly HashSet<string> NameSuffixes = new(StringComparer.Ordinal) { "jr", "sr", "i", "ii", "iii", "iv" };

    /// <summary>Honorifics and ranks that come before a name (folded); they are no given names on either side.</summary>
    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "messrs", "dr", "sir", "dame", "lady", "lord", "general", "gen", "admiral", "adm", "colonel", "col",
        "major", "maj", "captain", "capt", "lieutenant", "lt", "brigadier", "marshal", "field", "ambassador", "minister", "senator",
        "president", "secretary", "premier", "chancellor", "prince", "princess", "king", "queen", "prof", "professor", "judge", "mme", "herr",
    };

    /// <summary>Titles with which a person is named by the given name (<c>Sir Roger</c>, <c>Dame Edith</c>, <c>King Paul</c>).</summary>
    private static readonly HashSet<string> GivenNameTitles = new(StringComparer.Ordinal) { "sir", "dame", "lady", "king", "queen", "prince", "princess" };

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "of", "for", "with", "from", "that", "this", "was", "were", "his", "her", "has", "had", "have", "who", "whom",
        "which", "said", "says", "would", "will", "not", "but", "are", "been", "also", "into", "upon", "than", "then", "they", "their",
        "them", "there", "one", "all", "may", "its", "our", "she", "him", "you", "what", "when", "where", "how", "why", "any", "some",
        "such", "only", "very", "more", "most", "other", "about", "after", "before", "over", "under", "between", "should", "could",
        "did", "does", "can", "must", "shall", "these", "those", "being", "here", "now", "out", "off", "too", "yet", "per",
    };

    private readonly AuthorityList _list;
    private readonly NameForm[][] _forms;
    private readonly HashSet<string>[] _descriptionWords;
    private readonly Dictionary<string, List<int>> _bySurname = new(StringComparer.Ordinal);

    public AuthorityLinker(AuthorityList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        _list = list;
        _forms = new NameForm[list.Count][];
        _descriptionWords = new HashSet<string>[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            var entry = list.Entries[i];
            var forms = new List<NameForm>();
            foreach (string written in entry.Variants.Prepend(entry.Name))
            {
                if (NameForm.TryParse(written, out var form)) forms.Add(form);
            }
            _forms[i] = [.. forms];
            foreach (string surname in forms.SelectMany(f => new[] { f.Surname, f.LastWord }).Distinct(StringComparer.Ordinal))
            {
                if (!_bySurname.TryGetValue(surname, out var entries)) _bySurname[surname] = entries = [];
                if (entries.Count == 0 || entries[^1] != i) entries.Add(i);
            }
            _descriptionWords[i] = ContentWords(entry.Description ?? "", exclude: null);
            string firstPhrase = (entry.Description ?? "").Split([',', ';'], 2)[0];
            foreach (string word in NameForm.Words(firstPhrase, keepHonorifics: true).Distinct(StringComparer.Ordinal))
            {
                if (word.Length < 4 || StopWords.Contains(word)) continue;
                if (!_byOffice.TryGetValue(word, out var holders)) _byOffice[word] = holders = [];
                holders.Add(i);
            }
            foreach (var form in forms.Where(f => f.GivenNameTitle && f.Given.Length > 0))
            {
                if (!_byTitledGivenName.TryGetValue(form.Given[0], out var entries)) _byTitledGivenName[form.Given[0]] = entries = [];
                if (entries.Count == 0 || entries[^1] != i) entries.Add(i);
            }
        }
    }

    private readonly Dictionary<string, List<int>> _byTitledGivenName = new(StringComparer.Ordinal);

    public AuthorityList List => _list;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AuthorityList, AuthorityLinker> Shared = new();

    /// <summary>
    /// The linker for <paramref name="list"/>, made once per list object and kept while the list lives, so that the
    /// documents of one volume, which share its persons list, share its name index too.
    /// </summary>
    public static AuthorityLinker For(AuthorityList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return Shared.GetValue(list, static l => new AuthorityLinker(l));
    }

    /// <summary>
    /// <paramref name="entities"/> with <see cref="Entity.Authority"/> set on each person linked; others unchanged.
    /// <paramref name="documentYear"/> is the year the document was written, when known.
    /// </summary>
    public ImmutableArray<Entity> Link(ImmutableArray<Entity> entities, string text, int? documentYear, ICollection<Diagnostic>? diagnostics = null, string? producer = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (entities.IsDefaultOrEmpty || _list.Count == 0) return entities.IsDefault ? [] : entities;
        var linked = ImmutableArray.CreateBuilder<Entity>(entities.Length);
        foreach (var entity in entities)
        {
            var link = entity.Type == EntityType.Person ? TryLink(entity, text, documentYear, diagnostics, producer) : null;
            linked.Add(link is null ? entity : entity with { Authority = link });
        }
        return linked.MoveToImmutable();
    }

    private AuthorityLink? TryLink(Entity entity, string text, int? year, ICollection<Diagnostic>? diagnostics, string? producer)
    {
        var aliases = entity.Aliases.Prepend(entity.Name).Distinct(StringComparer.Ordinal)
            .Select(a => (Written: a, Words: NameForm.Words(a))).Where(a => a.Words.Length > 0).ToList();
        var candidates = new HashSet<int>();
        foreach (var (_, words) in aliases)
        {
            if (_bySurname.TryGetValue(words[^1], out var entries)) candidates.UnionWith(entries);
        }
        // “Sir Roger”: a one-word name under a title that goes with the given name is that given name.
        bool titledGivenName = entity.Roles.Any(r => NameForm.Words(r, keepHonorifics: true) is [var title] && GivenNameTitles.Contains(title))
            || entity.Aliases.Prepend(entity.Name).Any(a => NameForm.Words(a, keepHonorifics: true) is [var title, _] && GivenNameTitles.Contains(title));
        if (candidates.Count == 0 && titledGivenName)
        {
            foreach (var (written, words) in aliases)
            {
                if (words.Length == 1 && _byTitledGivenName.TryGetValue(words[0], out var entries))
                {
                    candidates.UnionWith(entries);
                }
            }
        }
        if (candidates.Count == 0) return TryLinkByOffice(entity);

        HashSet<string>? context = null;
        // Words every candidate's description has (“Republic”, “China” for two of a country's officials) tell none apart.
        HashSet<string>? common = null;
        if (candidates.Count > 1)
        {
            foreach (int candidate in candidates)
            {
                if (common is null) common = new HashSet<string>(_descriptionWords[candidate], StringComparer.Ordinal);
                else common.IntersectWith(_descriptionWords[candidate]);
            }
        }
        var scored = new List<(int Entry, double Score, List<string> Evidence)>();
        foreach (int candidate in candidates.Order())
        {
            var evidence = new List<string>();
            double score = NameScore(candidate, aliases, titledGivenName, evidence);
            if (score <= 0) continue;
            if (!DateScore(_list.Entries[candidate], year, evidence, ref score)) continue;
            if (_descriptionWords[candidate].Count > 0)
            {
                context ??= ContextWords(entity, text);
                var shared = _descriptionWords[candidate].Where(w => context.Contains(w) && !(common?.Contains(w) ?? false)).Order(StringComparer.Ordinal).ToList();
                if (shared.Count > 0)
                {
                    score += 0.5 * Math.Min(shared.Count, 4);
                    evidence.Add($"context: {string.Join(", ", shared.Select(w => $"\"{w}\""))} also in the description");
                }
            }
            scored.Add((candidate, score, evidence));
        }
        if (scored.Count == 0) return null;
        scored.Sort((a, b) => b.Score.CompareTo(a.Score));
        var best = scored[0];
        if (best.Score < 1) return null;
        if (scored.Count > 1 && best.Score - scored[1].Score < Margin && ByProminence(scored, best.Score) is { } prominent)
        {
            var (entryIndex, evidence, runnerUp) = prominent;
            var chosen = _list.Entries[entryIndex];
            var score = scored.First(s => s.Entry == entryIndex);
            score.Evidence.Add(string.Create(CultureInfo.InvariantCulture,
                $"prominence: named in full {chosen.Prominence} times in the collection, \"{_list.Entries[runnerUp].Name}\" {_list.Entries[runnerUp].Prominence}"));
            return new AuthorityLink(chosen.Id, chosen.Name, chosen.Description, score.Score, [.. score.Evidence]);
        }
        if (scored.Count > 1 && best.Score - scored[1].Score < Margin)
        {
            var tied = scored.TakeWhile(s => best.Score - s.Score < Margin).Select(s => _list.Entries[s.Entry].Id).ToList();
            diagnostics?.Add(Diagnostic.From(ErrorCatalogue.AuthorityAmbiguous, entity.Span, producer, entity.Name, tied.Count, string.Join(", ", tied)));
            return null;
        }
        if (scored.Count > 1)
        {
            var runnerUp = scored[1];
            best.Evidence.Add(string.Create(CultureInfo.InvariantCulture, $"preferred to \"{_list.Entries[runnerUp.Entry].Name}\" ({best.Score:0.##} against {runnerUp.Score:0.##})"));
        }
        var entry = _list.Entries[best.Entry];
        return new AuthorityLink(entry.Id, entry.Name, entry.Description, best.Score, [.. best.Evidence]);
    }

    /// <summary>
    /// An entity named only by an office (<c>the Generalissimo</c>, <c>the Shah</c>) links to the one entry whose
    /// description opens with that office (its first phrase, up to a comma or semicolon); none when several do.
    /// </summary>
    private AuthorityLink? TryLinkByOffice(Entity entity)
    {
        string? office = null;
        foreach (string alias in entity.Aliases.Prepend(entity.Name))
        {
            var words = NameForm.Words(alias, keepHonorifics: true);
            if (words is [_, var second] && words[0] == "the") words = [second];
            if (words.Length != 1 || words[0].Length < 4) return null;
            if (office is not null && office != words[0]) return null;
            office = words[0];
        }
        if (office is null || !_byOffice.TryGetValue(office, out var entries) || entries.Count != 1) return null;
        var entry = _list.Entries[entries[0]];
        return new AuthorityLink(entry.Id, entry.Name, entry.Description, 1,
            [$"office: \"{office}\" opens the description of \"{entry.Name}\" and of no one else in the list"]);
    }

    private readonly Dictionary<string, List<int>> _byOffice = new(StringComparer.Ordinal);

    /// <summary>
    /// Among the entries tied with the best (within the margin), the one the collection names in full at least
    /// three times and twice as often as any other tied one; null when none stands out so.
    /// </summary>
    private (int Entry, List<string> Evidence, int RunnerUp)? ByProminence(List<(int Entry, double Score, List<string> Evidence)> scored, double best)
    {
        var tied = scored.Where(s => best - s.Score < Margin).OrderByDescending(s => _list.Entries[s.Entry].Prominence).ToList();
        if (tied.Count < 2) return null;
        int first = _list.Entries[tied[0].Entry].Prominence, second = _list.Entries[tied[1].Entry].Prominence;
        if (first < 3 || first < 2 * second) return null;
        return (tied[0].Entry, tied[0].Evidence, tied[1].Entry);
    }

    /// <summary>The best name match of any alias with any form of the entry; 0 when an alias contradicts every form.</summary>
    private double NameScore(int entry, List<(string Written, string[] Words)> aliases, bool titledGivenName, List<string> evidence)
    {
        double best = 0;
        string? because = null;
        foreach (var (written, words) in aliases)
        {
            double aliasBest = -1;
            NameForm? matched = null;
            foreach (var form in _forms[entry])
            {
                double score = form.Match(words);
                if (score <= 0 && titledGivenName && words.Length == 1 && form.GivenNameTitle && form.Given.Length > 0 && form.Given[0] == words[0]) score = 2;
                if (score > aliasBest)
                {
                    aliasBest = score;
                    matched = form;
                }
            }
            if (aliasBest < 0) return 0;
            if (aliasBest > best)
            {
                best = aliasBest;
                because = aliasBest switch
                {
                    3 => $"name: \"{written}\" is a form of \"{matched!.Written}\"",
                    2 => $"name: \"{written}\" fits \"{matched!.Written}\" (surname and given names or initials)",
                    _ => $"name: \"{written}\" is the surname of \"{matched!.Written}\"",
                };
            }
        }
        if (because is not null) evidence.Add(because);
        return best;
    }

    /// <summary>Adds what the document's year says of the entry; false when the entry cannot be meant (not yet born).</summary>
    private static bool DateScore(AuthorityEntry entry, int? year, List<string> evidence, ref double score)
    {
        if (year is not { } y) return true;
        if (entry.Birth is { } birth && y < birth)
        {
            return false;
        }
        if (entry.ActiveFrom is not null || entry.ActiveTo is not null)
        {
            int from = entry.ActiveFrom ?? int.MinValue;
            int to = entry.ActiveTo ?? int.MaxValue;
            string range = $"{(entry.ActiveFrom?.ToString(CultureInfo.InvariantCulture) ?? "")}–{(entry.ActiveTo?.ToString(CultureInfo.InvariantCulture) ?? "")}";
            if (y >= from && y <= to)
            {
                score += 1;
                evidence.Add($"dates: the document's year {y} is within the active years {range}");
            }
            else
            {
                score -= 1;
                evidence.Add($"dates: the document's year {y} is outside the active years {range}");
            }
            return true;
        }
        if (entry.Death is { } death && y > death)
        {
            score -= 0.5;
            evidence.Add($"dates: died {death}, before the document's year {y}");
        }
        else if (entry.Birth is not null || entry.Death is not null)
        {
            score += 0.5;
            evidence.Add($"dates: alive in the document's year {y}");
        }
        return true;
    }

    /// <summary>Content words near the entity's mentions and in its roles, without the words of its own names.</summary>
    private static HashSet<string> ContextWords(Entity entity, string text)
    {
        var names = new HashSet<string>(entity.Aliases.SelectMany(NameForm.Words), StringComparer.Ordinal);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (string role in entity.Roles) AddContentWords(role, names, words);
        foreach (var mention in entity.Mentions.Take(MaxContextMentions))
        {
            int start = Math.Max(0, mention.Start - ContextCharacters);
            int end = Math.Min(text.Length, mention.End + ContextCharacters);
            AddContentWords(text.AsSpan(start, end - start), names, words);
        }
        return words;
    }

    private static HashSet<string> ContentWords(string text, HashSet<string>? exclude)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        AddContentWords(text, exclude, words);
        return words;
    }

    private static void AddContentWords(ReadOnlySpan<char> text, HashSet<string>? exclude, HashSet<string> into)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }
            int start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            if (i - start < 3) continue;
            string word = NameForm.Fold(text[start..i]);
            if (StopWords.Contains(word) || (exclude?.Contains(word) ?? false)) continue;
            into.Add(word);
        }
    }

    /// <summary>A name form of an entry, split into given names and surname, folded for comparison.</summary>
    private sealed class NameForm
    {
        private NameForm(string written, string[] given, string[] surname, bool givenNameTitle)
        {
            Written = written;
            Given = given;
            SurnameWords = surname;
            Surname = string.Join(' ', surname);
            LastWord = surname[^1];
            Full = string.Join(' ', given.Concat(surname));
            SurnameFirst = string.Join(' ', surname.Concat(given));
            GivenNameTitle = givenNameTitle;
        }

        /// <summary>The form written surname first (<c>Chou En-lai</c>, as East Asian names are).</summary>
        public string SurnameFirst { get; }

        /// <summary>The form carries a title that goes with the given name (<c>Makins, Sir Roger</c>).</summary>
        public bool GivenNameTitle { get; }

        public string Written { get; }

        public string[] Given { get; }

        public string[] SurnameWords { get; }

        public string Surname { get; }

        public string LastWord { get; }

        public string Full { get; }

        /// <summary>
        /// <c>Surname, Given Names[, anything]</c> or <c>Given Names Surname</c>; suffixes such as <c>Jr.</c> are dropped.
        /// </summary>
        public static bool TryParse(string written, out NameForm form)
        {
            form = null!;
            int comma = written.IndexOf(',');
            string[] given;
            string[] surname;
            if (comma > 0)
            {
                surname = Words(written[..comma]);
                string rest = written[(comma + 1)..];
                int next = rest.IndexOf(',');
                given = Words(next >= 0 ? rest[..next] : rest);
            }
            else
            {
                var words = Words(written);
                if (words.Length == 0) return false;
                surname = [words[^1]];
                given = words[..^1];
            }
            if (surname.Length == 0)
            {
                if (given.Length == 0) return false;
                surname = [given[^1]];
                given = given[..^1];
            }
            bool titled = Words(written, keepHonorifics: true).Any(GivenNameTitles.Contains);
            form = new NameForm(written.Trim(), given, surname, titled);
            return true;
        }

        /// <summary>3 for the whole form, 2 for the surname after compatible given names, 1 for the surname alone, 0 for no match, −1 for a contradiction.</summary>
        public double Match(string[] alias)
        {
            string joined = string.Join(' ', alias);
            if (joined == Full || (Given.Length > 0 && joined == SurnameFirst)) return 3;
            if (joined == Surname || (alias.Length == 1 && alias[0] == LastWord)) return 1;
            int surnameLength = EndsWith(alias, SurnameWords) ? SurnameWords.Length : alias[^1] == LastWord ? 1 : 0;
            if (surnameLength == 0) return 0;
            var given = alias.AsSpan(0, alias.Length - surnameLength);
            return GivenCompatible(given) ? 2 : -1;
        }

        private static bool EndsWith(string[] words, string[] tail) =>
            words.Length >= tail.Length && words.AsSpan(words.Length - tail.Length).SequenceEqual(tail);

        /// <summary>Each given word of the alias matches, in order, a given name of the form or its initial.</summary>
        private bool GivenCompatible(ReadOnlySpan<string> given)
        {
            int next = 0;
            foreach (string word in given)
            {
                bool found = false;
                while (next < Given.Length)
                {
                    string name = Given[next++];
                    if (word == name || (word.Length == 1 && name[0] == word[0]) || (name.Length == 1 && word[0] == name[0]) || Transliterated(word, name))
                    {
                        found = true;
                        break;
                    }
                }
                if (!found) return false;
            }
            return true;
        }

        /// <summary>
        /// Two spellings of one given name across transliterations (<c>Georgi</c>, <c>George</c>, <c>Georgii</c>;
        /// <c>Constantin</c>, <c>Constantine</c>): they share at least four first letters and differ after that by one letter at most.
        /// </summary>
        private static bool Transliterated(string a, string b)
        {
            int shorter = Math.Min(a.Length, b.Length);
            if (shorter < 4 || Math.Abs(a.Length - b.Length) > 1) return false;
            int common = 0;
            while (common < shorter && a[common] == b[common]) common++;
            return common >= 4 && common >= shorter - 1;
        }

        /// <summary>Folded words of a name: letters and digits only, apostrophes dropped, suffixes and leading honorifics (<c>Mr.</c>, <c>Sir</c>) left out.</summary>
        public static string[] Words(string written) => Words(written, keepHonorifics: false);

        /// <summary>Folded words of a name; honorifics kept when <paramref name="keepHonorifics"/>.</summary>
        public static string[] Words(string written, bool keepHonorifics)
        {
            var all = AllWords(written);
            if (keepHonorifics) return all;
            int skip = 0;
            while (skip < all.Length - 1 && Honorifics.Contains(all[skip])) skip++;
            // A title inside the given names (“Bowen, General Frank”) is no given name either.
            return skip == 0 && !all.Any(Honorifics.Contains) ? all : [.. all.Skip(skip).Where((w, i) => i == all.Length - skip - 1 || !Honorifics.Contains(w))];
        }

        private static string[] AllWords(string written)
        {
            var words = new List<string>();
            var span = written.AsSpan();
            int i = 0;
            while (i < span.Length)
            {
                if (!IsNameCharacter(span[i]))
                {
                    i++;
                    continue;
                }
                int start = i;
                while (i < span.Length && (IsNameCharacter(span[i]) || IsApostrophe(span[i]))) i++;
                string word = Fold(span[start..i]);
                if (word.Length > 0 && !NameSuffixes.Contains(word)) words.Add(word);
            }
            return [.. words];
        }

        private static bool IsNameCharacter(char c) => char.IsLetterOrDigit(c);

        private static bool IsApostrophe(char c) => Annalist.Core.Text.NameFolding.IsApostrophe(c);

        /// <summary>The comparison form of a name word (<see cref="Annalist.Core.Text.NameFolding"/>).</summary>
        public static string Fold(ReadOnlySpan<char> word) => Annalist.Core.Text.NameFolding.Fold(word);
    }

    /// <summary>The year of a document date as readers write it (<c>1956-03-02</c>, <c>March 2, 1956</c>), or null.</summary>
    public static int? YearOf(string? date)
    {
        if (string.IsNullOrWhiteSpace(date)) return null;
        var span = date.AsSpan();
        for (int i = 0; i + 4 <= span.Length; i++)
        {
            if ((i == 0 || !char.IsAsciiDigit(span[i - 1])) && char.IsAsciiDigit(span[i]) && char.IsAsciiDigit(span[i + 1]) && char.IsAsciiDigit(span[i + 2]) && char.IsAsciiDigit(span[i + 3])
                && (i + 4 == span.Length || !char.IsAsciiDigit(span[i + 4])))
            {
                return int.Parse(span.Slice(i, 4), CultureInfo.InvariantCulture);
            }
        }
        return null;
    }
}
