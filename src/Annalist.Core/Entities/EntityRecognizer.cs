using System.Collections.Immutable;
using Annalist.Core.Entities.Clustering;
using Annalist.Core.Entities.Gazetteers;
using Annalist.Core.Entities.Tagging;
using Annalist.Core.Text;

namespace Annalist.Core.Entities;

/// <summary>The mentions and entities found in one document.</summary>
public sealed record RecognitionResult(ImmutableArray<Mention> Mentions, ImmutableArray<Entity> Entities);

/// <summary>
/// Finds the people, places, organizations and groups of a document and clusters their mentions into
/// entities. Names come from the statistical <see cref="MentionTagger"/>; rules then strip titles into
/// roles, add initials, drop possessive endings, retype names by their last word, find peoples named by
/// demonyms, read editorial aliases (<c>X [sic, also Y]</c>, <c>X (now Y)</c>) and merge a surname with
/// the fuller name it abbreviates. Thread-safe; never throws on any text.
/// </summary>
public sealed class EntityRecognizer
{
    private readonly MentionTagger? _tagger;
    private readonly Gazetteer _gazetteer;

    public EntityRecognizer(MentionTagger? tagger, Gazetteer gazetteer)
    {
        _tagger = tagger;
        _gazetteer = gazetteer ?? throw new ArgumentNullException(nameof(gazetteer));
    }

    /// <summary>False when built without a tagger model: only rule-found names are marked.</summary>
    public bool HasTagger => _tagger is not null;

    public RecognitionResult Recognize(TaggingInput input)
    {
        var work = new Work(input, _gazetteer);
        var names = _tagger?.Tag(input) ?? [];
        foreach (var name in names) work.AddTaggedName(name);
        work.FindGroups();
        work.FindRoleNouns();
        work.RemoveOverlaps();
        work.Cluster();
        return work.Build();
    }

    private sealed class Candidate
    {
        public int First;
        public int End;
        public EntityType Type;
        public string? Role;
        public int RoleStartToken = -1;
        public bool RoleNoun;
        public string Key = "";
        public int Cluster = -1;
        public int Order;
    }

    private sealed class Work(TaggingInput input, Gazetteer gazetteer)
    {
        private readonly List<Candidate> _candidates = [];
        private readonly string _text = input.Text;

        private string WordAt(int index) => index >= 0 && index < input.Count ? input.Word(index).ToString() : "";

        private ReadOnlySpan<char> Word(int index) => index >= 0 && index < input.Count ? input.Word(index) : [];

        private bool SameSentence(int a, int b)
        {
            for (int i = Math.Min(a, b) + 1; i <= Math.Max(a, b); i++)
            {
                if (input.SentenceStarts[i]) return false;
            }
            return true;
        }

        private static bool IsCapitalized(ReadOnlySpan<char> word) => word.Length > 0 && char.IsUpper(word[0]);

        private static bool IsWord(ReadOnlySpan<char> word) => word.Length > 0 && char.IsLetter(word[0]);

        private TextSpan SpanOf(int first, int end) => new(input.Tokens[first].Start, input.Tokens[end - 1].End);

        private string TextOf(int first, int end) => SpanOf(first, end).Slice(_text).ToString();

        public void AddTaggedName(TaggedName name)
        {
            int first = name.FirstToken, end = name.EndToken;
            var type = name.Type;
            while (first < end && (NameWords.IsArticle(Word(first)) || !IsWord(Word(first)) && !IsCapitalized(Word(first)))) first++;
            while (end > first && (NameWords.IsPossessive(Word(end - 1)) || Word(end - 1) is [var c] && !char.IsLetterOrDigit(c))) end--;
            if (first >= end || !IsCapitalized(Word(first)) && !char.IsDigit(Word(first)[0])) return;

            if (type == EntityType.Person)
            {
                while (first + 1 < end && TitleLexicon.IsTitleWord(Word(first)) && !NameWords.IsInitial(Word(first))) first++;
                while (first > 0 && NameWords.IsInitial(Word(first - 1)) && SameSentence(first - 1, first)) first--;
                if (end - first == 1 && TitleLexicon.IsTitleWord(Word(first))) return;
            }
            if (end - first >= 2 && (NameWords.IsOrganizationHead(Word(end - 1)) || NameWords.IsMilitaryDistrict(Word(end - 2), Word(end - 1))))
                type = EntityType.Organization;
            int tail = NameWords.OrganizationTailLength(i => i < input.Count && SameSentence(end - 1, i) ? WordAt(i) : null, end);
            if (tail > 0 && type != EntityType.Person)
            {
                end += tail;
                type = EntityType.Organization;
            }
            if (type == EntityType.Organization && first > 0 && gazetteer.TryGetDemonym(Word(first - 1), out _) && SameSentence(first - 1, first))
                first--;
            var candidate = new Candidate { First = first, End = end, Type = type };
            if (type == EntityType.Person) FindRole(candidate);
            _candidates.Add(candidate);
        }

        /// <summary>A title phrase just before a person's name: <c>General</c>, <c>the Soviet Ambassador</c>, <c>the Commander of the … District</c>.</summary>
        private void FindRole(Candidate person)
        {
            int k = person.First - 1;
            int limit = Math.Max(0, person.First - 12);
            int roleStart = -1;
            while (k >= limit && SameSentence(k, person.First))
            {
                var word = Word(k);
                bool title = TitleLexicon.IsTitleWord(word) && IsCapitalized(word);
                bool connector = word is "of" or "the" or "for";
                bool capitalized = IsCapitalized(word) && IsWord(word) && !NameWords.IsArticle(word);
                if (!(title || connector || capitalized)) break;
                if (_candidates.Any(c => c.Type == EntityType.Person && k >= c.First && k < c.End)) break;
                if (TitleLexicon.IsHeadTitle(word) && IsCapitalized(word)) roleStart = k;
                k--;
            }
            if (roleStart < 0) return;
            // Adjectives such as a demonym directly before the title belong to it (the Soviet Ambassador).
            while (roleStart - 1 >= limit && SameSentence(roleStart - 1, person.First) && IsCapitalized(Word(roleStart - 1)) && !NameWords.IsArticle(Word(roleStart - 1))
                   && (gazetteer.TryGetDemonym(Word(roleStart - 1), out _) || TitleLexicon.IsTitleWord(Word(roleStart - 1)) || Word(roleStart - 1).EndsWith("ian", StringComparison.Ordinal) || Word(roleStart - 1).EndsWith("ese", StringComparison.Ordinal) || Word(roleStart - 1).EndsWith("et", StringComparison.Ordinal)))
                roleStart--;
            int roleEnd = person.First;
            while (roleEnd > roleStart && Word(roleEnd - 1) is "of" or "the" or "for") roleEnd--;
            if (roleEnd <= roleStart) return;
            person.Role = TextOf(roleStart, roleEnd);
            person.RoleStartToken = roleStart;
        }

        /// <summary>
        /// Peoples named by demonyms: words of the gazetteer's demonyms, and capitalized plurals used after a
        /// determiner (<c>the Mongols</c>, <c>their Kazakhs</c>). Their noun uses are group mentions; adjective
        /// uses (<c>Chinese territory</c>) are mentions only where the document also names that people.
        /// </summary>
        public void FindGroups()
        {
            var stems = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < input.Count; i++)
            {
                var word = Word(i);
                if (!IsCapitalized(word) || word.Length < 4) continue;
                if (gazetteer.TryGetDemonym(word, out _)) stems.Add(NameWords.DemonymStem(word));
                else if (IsPeoplePlural(i)) stems.Add(NameWords.DemonymStem(word));
            }
            if (stems.Count == 0) return;

            var groups = new List<Candidate>();
            var nounStems = new HashSet<string>(StringComparer.Ordinal);
            var adjectives = new List<(int Index, string Stem)>();
            for (int i = 0; i < input.Count; i++)
            {
                var word = Word(i);
                if (!IsCapitalized(word) || word.Length < 4) continue;
                string stem = NameWords.DemonymStem(word);
                if (!stems.Contains(stem)) continue;
                var inside = _candidates.FirstOrDefault(c => i >= c.First && i < c.End);
                if (inside is not null)
                {
                    // A place name directly before a people word makes a subgroup: "Volga Germans".
                    if (inside.End - inside.First >= 2 && i == inside.End - 1 && word.EndsWith('s') && inside.Type != EntityType.Organization)
                    {
                        inside.Type = EntityType.Group;
                        inside.Key = "group:" + stem;
                        nounStems.Add(stem);
                        continue;
                    }
                    if (inside.End - inside.First > 1) continue;
                    _candidates.Remove(inside);
                }
                var previous = groups.Count > 0 ? groups[^1] : null;
                if (i > 0 && _candidates.FirstOrDefault(c => c.End == i && c.Type == EntityType.Place && SameSentence(i - 1, i)) is { } place && word.EndsWith('s'))
                {
                    _candidates.Remove(place);
                    var sub = new Candidate { First = place.First, End = i + 1, Type = EntityType.Group, Key = "group:" + stem };
                    groups.Add(sub);
                    nounStems.Add(stem);
                    continue;
                }
                if (IsNounUse(i)) 
                {
                    groups.Add(new Candidate { First = i, End = i + 1, Type = EntityType.Group, Key = "group:" + stem });
                    nounStems.Add(stem);
                }
                else adjectives.Add((i, stem));
            }
            foreach (var (index, stem) in adjectives)
            {
                if (nounStems.Contains(stem)) groups.Add(new Candidate { First = index, End = index + 1, Type = EntityType.Group, Key = "group:" + stem });
            }
            _candidates.AddRange(groups);
        }

        private bool IsPeoplePlural(int i)
        {
            var word = Word(i);
            if (word.Length < 5 || !word.EndsWith('s') || word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal)) return false;
            if (input.SentenceStarts[i] || i == 0 || !NameWords.IsDeterminer(Word(i - 1))) return false;
            if (TitleLexicon.IsTitleWord(word) || gazetteer.TryGetPlace(word, out _)) return false;
            if (i + 1 < input.Count && !input.SentenceStarts[i + 1] && IsCapitalized(Word(i + 1))) return false;
            foreach (char c in word[1..])
            {
                if (!char.IsLower(c)) return false;
            }
            return true;
        }

        private bool IsNounUse(int i)
        {
            var word = Word(i);
            if (input.PartsOfSpeech is { } tags && tags[i] is { } tag)
                return tag is "NOUN" or "PROPN" && !(i + 1 < input.Count && tags[i + 1] is "NOUN" or "PROPN" && SameSentence(i, i + 1));
            if (i + 1 >= input.Count || input.SentenceStarts[i + 1]) return true;
            var next = Word(i + 1);
            if (!IsWord(next)) return !(next.Length > 0 && char.IsDigit(next[0]));
            if (IsCapitalized(next)) return false;
            if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)) return true;
            return NameWords.IsFunctionWord(next) || next.EndsWith("ed", StringComparison.Ordinal);
        }

        /// <summary>Role nouns used as names: <c>the Secretary</c>, <c>the Ambassador</c>, <c>the Secretary of State</c>.</summary>
        public void FindRoleNouns()
        {
            for (int i = 1; i < input.Count; i++)
            {
                var word = Word(i);
                if (!IsCapitalized(word) || !TitleLexicon.IsHeadTitle(word) || word.EndsWith('.')) continue;
                if (!NameWords.IsArticle(Word(i - 1)) || !SameSentence(i - 1, i)) continue;
                if (_candidates.Any(c => i >= c.First && i < c.End || c.RoleStartToken >= 0 && i >= c.RoleStartToken && i < c.First)) continue;
                int end = i + 1;
                if (end + 1 < input.Count && Word(end) is "of" && IsCapitalized(Word(end + 1)) && SameSentence(i, end + 1))
                {
                    end += 2;
                    while (end < input.Count && SameSentence(i, end) && IsCapitalized(Word(end)) && IsWord(Word(end))) end++;
                }
                if (end < input.Count && SameSentence(i, end) && IsCapitalized(Word(end)) && IsWord(Word(end))) continue;
                _candidates.Add(new Candidate { First = i, End = end, Type = EntityType.Person, RoleNoun = true, Key = "role:" + TextOf(i, end) });
            }
        }

        public void RemoveOverlaps()
        {
            _candidates.Sort((a, b) => a.First != b.First ? a.First.CompareTo(b.First) : (b.End - b.First).CompareTo(a.End - a.First));
            var kept = new List<Candidate>(_candidates.Count);
            foreach (var c in _candidates)
            {
                if (kept.Count > 0 && c.First < kept[^1].End) continue;
                kept.Add(c);
            }
            _candidates.Clear();
            _candidates.AddRange(kept);
            for (int i = 0; i < _candidates.Count; i++) _candidates[i].Order = i;
        }

        public void Cluster()
        {
            var parent = Enumerable.Range(0, _candidates.Count).ToArray();
            int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
            void Union(int a, int b) { a = Find(a); b = Find(b); if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b); }

            foreach (var c in _candidates)
            {
                if (c.Key.Length == 0) c.Key = Normalize(TextOf(c.First, c.End));
            }

            // Majority type per name, so one mistyped occurrence follows the others.
            foreach (var byKey in _candidates.Where(c => c.Type != EntityType.Group && !c.RoleNoun).GroupBy(c => c.Key))
            {
                var type = byKey.GroupBy(c => c.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Min(c => c.Order)).First().Key;
                Candidate? firstOfKey = null;
                foreach (var c in byKey)
                {
                    c.Type = type;
                    if (firstOfKey is null) firstOfKey = c;
                    else Union(firstOfKey.Order, c.Order);
                }
            }
            foreach (var byKey in _candidates.Where(c => c.Type == EntityType.Group).GroupBy(c => c.Key))
            {
                var list = byKey.ToList();
                for (int i = 1; i < list.Count; i++) Union(list[0].Order, list[i].Order);
            }

            // A surname joins the most recent compatible fuller name: J. Stalin = Stalin; two Dulleses stay two.
            var people = _candidates.Where(c => c.Type == EntityType.Person && !c.RoleNoun).ToList();
            foreach (var person in people)
            {
                var (given, surname) = NameParts(person);
                Candidate? match = null;
                foreach (var other in people)
                {
                    if (other.Order >= person.Order) break;
                    if (Find(other.Order) == Find(person.Order)) continue;
                    var (otherGiven, otherSurname) = NameParts(other);
                    if (otherSurname != surname || !GivenCompatible(given, otherGiven)) continue;
                    bool clusterCompatible = people.Where(p => Find(p.Order) == Find(other.Order)).All(p => GivenCompatible(given, NameParts(p).Given));
                    if (clusterCompatible) match = other;
                }
                if (match is not null) Union(match.Order, person.Order);
            }

            // Editorial aliases: X [sic, also Y], X (now Y), X (Y).
            for (int i = 0; i < _candidates.Count; i++)
            {
                if (TryAliasAfter(_candidates[i], out var alias))
                {
                    if (alias.Order < 0)
                    {
                        alias.Order = _candidates.Count;
                        alias.Key = Normalize(TextOf(alias.First, alias.End));
                        _candidates.Add(alias);
                        Array.Resize(ref parent, _candidates.Count);
                        parent[^1] = alias.Order;
                    }
                    Union(_candidates[i].Order, alias.Order);
                }
            }

            // Role nouns resolve to the latest person whose role has that title.
            foreach (var roleNoun in _candidates.Where(c => c.RoleNoun))
            {
                string head = Word(roleNoun.First).ToString();
                var holder = _candidates.Where(c => c.Type == EntityType.Person && !c.RoleNoun && c.Role is { } r && r.Split(' ').Contains(head))
                    .OrderBy(c => c.Order < roleNoun.Order ? 0 : 1).ThenByDescending(c => c.Order < roleNoun.Order ? c.Order : -c.Order).FirstOrDefault();
                if (holder is not null) Union(holder.Order, roleNoun.Order);
            }
            foreach (var byKey in _candidates.Where(c => c.RoleNoun).GroupBy(c => c.Key))
            {
                var list = byKey.ToList();
                for (int i = 1; i < list.Count; i++)
                {
                    if (Find(list[i].Order) == list[i].Order) Union(list[0].Order, list[i].Order);
                }
            }
            foreach (var c in _candidates) c.Cluster = Find(c.Order);
        }

        private bool TryAliasAfter(Candidate name, out Candidate alias)
        {
            alias = null!;
            int i = name.End;
            if (i >= input.Count || Word(i) is not ("(" or "[")) return false;
            string close = Word(i) is "(" ? ")" : "]";
            int j = i + 1;
            bool introduced = false;
            while (j < input.Count && Word(j) is "sic" or "also" or "now" or "formerly" or "today" or "or" or "i.e." or "alias" or "later" or "called" or "modern" or "," or ":")
            {
                introduced |= Word(j) is not ("," or ":" or "sic");
                j++;
            }
            if (j >= input.Count || !IsCapitalized(Word(j))) return false;
            var existing = _candidates.FirstOrDefault(c => c.First == j);
            int end;
            if (existing is not null) end = existing.End;
            else
            {
                end = j;
                while (end < input.Count && IsCapitalized(Word(end)) && IsWord(Word(end)) && !TitleLexicon.IsTitleWord(Word(end))) end++;
                if (end == j) return false;
            }
            if (end >= input.Count || Word(end) != close) return false;
            if (existing is not null)
            {
                if (existing.Type != name.Type) return false;
                alias = existing;
                return true;
            }
            if (!introduced && name.Type == EntityType.Person) return false;
            alias = new Candidate { First = j, End = end, Type = name.Type, Order = -1 };
            return true;
        }

        private (string[] Given, string Surname) NameParts(Candidate c)
        {
            var words = new List<string>();
            for (int i = c.First; i < c.End; i++)
            {
                string w = WordAt(i);
                if (NameWords.IsPossessive(w)) continue;
                words.Add(Normalize(w));
            }
            while (words.Count > 1 && words[^1] is "Jr." or "Sr." or "Jr" or "Sr" or "II" or "III") words.RemoveAt(words.Count - 1);
            if (words.Count == 0) return ([], "");
            return ([.. words.Take(words.Count - 1)], words[^1]);
        }

        private static bool GivenCompatible(string[] a, string[] b)
        {
            if (a.Length == 0 || b.Length == 0) return true;
            string x = a[0], y = b[0];
            bool xInitial = x.EndsWith('.') || x.Length == 1, yInitial = y.EndsWith('.') || y.Length == 1;
            if (xInitial || yInitial) return char.ToUpperInvariant(x[0]) == char.ToUpperInvariant(y[0]);
            return string.Equals(x, y, StringComparison.Ordinal);
        }

        private static string Normalize(string text)
        {
            text = text.Replace('’', '\'').Replace('\n', ' ');
            if (text.EndsWith("'s", StringComparison.Ordinal)) text = text[..^2];
            else if (text.EndsWith('\'')) text = text[..^1];
            return text;
        }

        public RecognitionResult Build()
        {
            var clusters = _candidates.GroupBy(c => c.Cluster).OrderBy(g => g.Min(c => input.Tokens[c.First].Start)).ToList();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var mentions = ImmutableArray.CreateBuilder<Mention>();
            var entities = ImmutableArray.CreateBuilder<Entity>();
            foreach (var cluster in clusters)
            {
                var members = cluster.OrderBy(c => input.Tokens[c.First].Start).ToList();
                var type = members.Any(m => m.Type == EntityType.Group) ? EntityType.Group
                    : members.GroupBy(m => m.Type).OrderByDescending(g => g.Count(m => !m.RoleNoun)).First().Key;
                var named = members.Where(m => !m.RoleNoun).ToList();
                if (named.Count == 0) named = members;
                string name = type == EntityType.Place || type == EntityType.Group && named.All(m => m.End - m.First == 1)
                    ? PreferNoun(named, type)
                    : TextOf(named.OrderByDescending(m => m.End - m.First).First().First, named.OrderByDescending(m => m.End - m.First).First().End);
                string id = Slug(name);
                if (!ids.Add(id))
                {
                    int n = 2;
                    while (!ids.Add($"{id}-{n}")) n++;
                    id = $"{id}-{n}";
                }
                var spans = members.Select(m => SpanOf(m.First, m.End)).ToImmutableArray();
                var aliases = members.Select(m => TextOf(m.First, m.End)).Distinct(StringComparer.Ordinal).ToImmutableArray();
                var roles = members.Select(m => m.Role).OfType<string>().Distinct(StringComparer.Ordinal).ToImmutableArray();
                GazetteerEntry? place = null;
                if (type == EntityType.Place)
                {
                    foreach (string alias in aliases)
                    {
                        if (gazetteer.TryGetPlace(Normalize(alias), out var entry)) { place = entry; break; }
                    }
                }
                foreach (var m in members) mentions.Add(new Mention(SpanOf(m.First, m.End), type, id));
                entities.Add(new Entity(spans[0], id, type, name, aliases, roles, spans, place));
            }
            return new RecognitionResult(mentions.ToImmutable(), entities.ToImmutable());
        }

        private string PreferNoun(List<Candidate> members, EntityType type)
        {
            if (type == EntityType.Group)
            {
                var plural = members.FirstOrDefault(m => Word(m.End - 1).EndsWith('s'));
                if (plural is not null) return TextOf(plural.First, plural.End);
            }
            return TextOf(members[0].First, members[0].End);
        }

        private static string Slug(string name)
        {
            var builder = new System.Text.StringBuilder(name.Length);
            foreach (char c in name.Normalize(System.Text.NormalizationForm.FormD))
            {
                if (char.IsLetterOrDigit(c) && c < 128) builder.Append(char.ToLowerInvariant(c));
                else if ((c == ' ' || c == '-' || c == '.') && builder.Length > 0 && builder[^1] != '-') builder.Append('-');
            }
            while (builder.Length > 0 && builder[^1] == '-') builder.Length--;
            return builder.Length == 0 ? "entity" : builder.ToString();
        }
    }
}
