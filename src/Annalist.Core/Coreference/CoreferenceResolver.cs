using System.Buffers;
using Annalist.Core.Entities;
using Annalist.Core.Syntax;
using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Core.Coreference;

/// <summary>How far back coreference looks, and how many earlier people it weighs at once.</summary>
public sealed record CoreferenceOptions
{
    public static CoreferenceOptions Default { get; } = new();

    /// <summary>Sentences before a pronoun's own in which its antecedent may lie.</summary>
    public int PronounSentenceWindow { get; init; } = 8;

    /// <summary>Sentences before a noun phrase's own in which its antecedent may lie.</summary>
    public int NominalSentenceWindow { get; init; } = 8;

    /// <summary>The most recent people weighed for one expression; older ones are not options.</summary>
    public int MaxCandidates { get; init; } = 14;
}

/// <summary>What training needs of the resolver: which options are right, and the update.</summary>
internal interface ICoreferenceLearner
{
    /// <summary>
    /// For an expression and its options' antecedent spans (null: nobody named yet), whether each option is right;
    /// null when the gold says nothing of this expression.
    /// </summary>
    bool[]? Right(TextSpan expression, TextSpan head, ReadOnlySpan<TextSpan?> antecedents);

    /// <summary>Updates the weights; returns the option to follow (a right one).</summary>
    int Learn(ulong[][] options, bool[] right);
}

/// <summary>
/// Resolves third-person pronouns and definite person noun phrases to the people before them: each expression,
/// in text order, ranks the most recent people within a few sentences (a person named by the <c>mentions</c>
/// layer, or introduced by an earlier expression) plus "nobody named yet" with a linear model over features of
/// distance, gender and number agreement, grammatical role, salience and quotation. Stateless; thread-safe.
/// </summary>
internal static class CoreferenceResolver
{
    private const int FeaturesPerOption = 24;

    private enum ItemKind : byte { Name, Pronoun, Nominal }

    private struct Item
    {
        public TextSpan Span;
        public TextSpan Head;
        public ItemKind Kind;
        public int Sentence;
        public int Quotation;
        public bool Subject;
        public ReferentGender Gender;
        public ReferentNumber Number;
        public int Form; // pronoun form index, or 100 + determiner index
        public ulong HeadHash;
        public string? EntityId;
        public bool Group;
    }

    private sealed class Person
    {
        public required string Id;
        public int Count;
        public int Masculine, Feminine;
        public ReferentGender TitleGender, NameGender;
        public ReferentNumber Number;
        public bool Group;
        public int Last = -1;
        public HashSet<ulong> Heads = [];
    }

    public static List<CoreferenceLink> Resolve(
        string text, Token[] tokens, string?[]? tags, TextSpan[] sentences, TextSpan[] quotations,
        Mention[] mentions, IReadOnlyDictionary<string, Entity> entities,
        CoreferenceModel? model, CoreferenceOptions options, ICoreferenceLearner? learner)
    {
        var items = FindItems(text, tokens, tags, sentences, quotations, mentions);
        var links = new List<CoreferenceLink>();
        if (items.Count == 0) return links;
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        var recent = new List<Person>(); // most recent first
        int introduced = 0;
        TextSpan lastPronoun = default;
        Person? lastPronounTarget = null;
        int width = options.MaxCandidates + 1;
        ulong[] buffer = ArrayPool<ulong>.Shared.Rent(width * FeaturesPerOption);
        var counts = new int[width];
        var antecedents = new TextSpan?[width];
        var optionPeople = new Person?[width];
        try
        {
            for (int i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (item.Kind == ItemKind.Name)
                {
                    var person = PersonFor(item.EntityId!, people, entities, model, text, tokens);
                    person.Group |= item.Group;
                    if (item.Group) person.Number = ReferentNumber.Plural;
                    Touch(person, i, recent);
                    continue;
                }
                // The possessive opening a phrase (her mother) was resolved just before it: its person is the phrase's anchor, rarely its referent.
                var possessor = item.Kind == ItemKind.Nominal && lastPronoun.Start == item.Span.Start ? lastPronounTarget : null;
                int window = item.Kind == ItemKind.Pronoun ? options.PronounSentenceWindow : options.NominalSentenceWindow;
                int n = 0;
                foreach (var person in recent)
                {
                    if (n >= options.MaxCandidates) break;
                    ref readonly var last = ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items)[person.Last];
                    if (last.Sentence < item.Sentence - window) break;
                    if (last.Span.Overlaps(item.Span)) continue;
                    optionPeople[n] = person;
                    antecedents[n] = last.Span;
                    n++;
                }
                optionPeople[n] = null;
                antecedents[n] = null;
                int optionCount = n + 1;
                int compatibleSeen = 0;
                bool anyHead = false;
                for (int o = 0; o < n; o++)
                {
                    var person = optionPeople[o]!;
                    anyHead |= item.Kind == ItemKind.Nominal && person.Heads.Contains(item.HeadHash);
                    var features = buffer.AsSpan(o * FeaturesPerOption, FeaturesPerOption);
                    counts[o] = CandidateFeatures(items, item, person, o, ref compatibleSeen, person == possessor, features);
                }
                counts[n] = NewFeatures(item, n, anyHead, compatibleSeen > 0, buffer.AsSpan(n * FeaturesPerOption, FeaturesPerOption));

                int chosen;
                double score;
                bool[]? right = learner?.Right(item.Span, item.Head, antecedents.AsSpan(0, optionCount));
                if (learner is not null && right is not null)
                {
                    var arrays = new ulong[optionCount][];
                    for (int o = 0; o < optionCount; o++) arrays[o] = buffer.AsSpan(o * FeaturesPerOption, counts[o]).ToArray();
                    chosen = learner.Learn(arrays, right);
                    score = 1;
                }
                else
                {
                    (chosen, score) = Choose(model, buffer, counts, optionCount, item, optionPeople);
                    if (chosen == n && model is not null && GroupJustNamed(items, item, optionPeople, n) is var group && group >= 0)
                        (chosen, score) = (group, GroupRuleScore);
                }

                Person target;
                bool introduces = chosen == n;
                if (introduces)
                {
                    introduced++;
                    target = new Person { Id = $"coref-{introduced}", Number = item.Number, Group = item.Number == ReferentNumber.Plural };
                    if (item.Kind == ItemKind.Nominal) target.TitleGender = item.Gender;
                    people[target.Id] = target;
                }
                else target = optionPeople[chosen]!;
                if (item.Kind == ItemKind.Pronoun)
                {
                    if (item.Gender == ReferentGender.Masculine) target.Masculine++;
                    else if (item.Gender == ReferentGender.Feminine) target.Feminine++;
                }
                if (item.Kind == ItemKind.Nominal) target.Heads.Add(item.HeadHash);
                else (lastPronoun, lastPronounTarget) = (item.Span, target);
                Touch(target, i, recent);
                links.Add(new CoreferenceLink(item.Span, item.Kind == ItemKind.Pronoun ? ReferringKind.Pronoun : ReferringKind.Nominal,
                    target.Id, introduces ? null : antecedents[chosen], score, introduces));
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(buffer);
        }
        return links;
    }

    private static (int Chosen, double Score) Choose(CoreferenceModel? model, ulong[] buffer, int[] counts, int optionCount, in Item item, Person?[] optionPeople)
    {
        if (model is null) return Heuristic(item, optionPeople, optionCount);
        float best = float.NegativeInfinity, second = float.NegativeInfinity;
        int chosen = optionCount - 1;
        for (int o = 0; o < optionCount; o++)
        {
            float s = model.Score(buffer.AsSpan(o * FeaturesPerOption, counts[o]));
            if (s > best)
            {
                second = best;
                (best, chosen) = (s, o);
            }
            else if (s > second) second = s;
        }
        double margin = float.IsNegativeInfinity(second) ? 4 : best - second;
        return (chosen, 1 / (1 + Math.Exp(-margin)));
    }

    /// <summary>The confidence given a link the group rule makes: the model preferred someone new.</summary>
    private const double GroupRuleScore = 0.6;

    /// <summary>
    /// A plural pronoun the model would make someone new, whose nearest option of agreeing number and gender is a people or
    /// group the <c>mentions</c> layer names in its own or the previous sentence (<c>The Danes refused. They wanted more.</c>),
    /// refers to that group: the option's index, or -1. The training text seldom names a group where a plural pronoun
    /// starts a text's first chain, so the ranking's weights for a new referent there come from fiction's unnamed <c>they</c>.
    /// </summary>
    private static int GroupJustNamed(List<Item> items, in Item item, Person?[] optionPeople, int options)
    {
        if (item.Kind != ItemKind.Pronoun || item.Number != ReferentNumber.Plural) return -1;
        for (int o = 0; o < options; o++)
        {
            var person = optionPeople[o]!;
            if (person.Number != ReferentNumber.Plural || Agreement(item.Gender, Gender(person)) == 2) continue;
            ref readonly var last = ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items)[person.Last];
            return last.Kind == ItemKind.Name && last.Group && item.Sentence - last.Sentence <= 1 ? o : -1;
        }
        return -1;
    }

    /// <summary>Without a model: a pronoun takes the most recent person of its gender and number; a noun phrase one it has named the same way.</summary>
    private static (int, double) Heuristic(in Item item, Person?[] optionPeople, int optionCount)
    {
        for (int o = 0; o < optionCount - 1; o++)
        {
            var person = optionPeople[o]!;
            if (item.Kind == ItemKind.Nominal ? person.Heads.Contains(item.HeadHash)
                : Agreement(item.Gender, Gender(person)) != 2 && (item.Number == ReferentNumber.Plural) == (person.Number == ReferentNumber.Plural))
                return (o, 0.6);
        }
        return (optionCount - 1, 0.5);
    }

    private static int CandidateFeatures(List<Item> items, in Item item, Person person, int rank, ref int compatibleSeen, bool possessor, Span<ulong> f)
    {
        ref readonly var last = ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items)[person.Last];
        ulong a = (ulong)item.Form, kind = (ulong)item.Kind;
        ulong sentences = Bucket(item.Sentence - last.Sentence, 3);
        ulong recency = Bucket(rank, 4);
        ulong gender = (ulong)Agreement(item.Gender, Gender(person));
        ulong number = person.Number == item.Number ? 1UL : 0UL;
        bool compatible = gender != 2 && number == 1;
        ulong compatibleRank = compatible ? Bucket(compatibleSeen, 3) : 9;
        if (compatible) compatibleSeen++;
        int k = 0;
        f[k++] = FeatureHash.Feature(1, kind);
        f[k++] = FeatureHash.Feature(2, a, recency);
        f[k++] = FeatureHash.Feature(3, a, sentences);
        f[k++] = FeatureHash.Feature(4, a, gender);
        f[k++] = FeatureHash.Feature(5, kind, (ulong)Agreement(item.Gender, person.TitleGender));
        f[k++] = FeatureHash.Feature(6, kind, (ulong)Agreement(item.Gender, person.NameGender));
        f[k++] = FeatureHash.Feature(7, kind, (ulong)Agreement(item.Gender, StatsGender(person)));
        f[k++] = FeatureHash.Feature(8, (ulong)item.Number, (ulong)person.Number, person.Group ? 1UL : 0UL);
        f[k++] = FeatureHash.Feature(9, a, last.Subject ? 1UL : 0UL, sentences);
        f[k++] = FeatureHash.Feature(10, a, (ulong)last.Kind);
        f[k++] = FeatureHash.Feature(11, kind, Bucket(person.Count, 5));
        f[k++] = FeatureHash.Feature(12, (ulong)(item.Quotation >= 0 ? 1 : 0), (ulong)(last.Quotation >= 0 ? 1 : 0), item.Quotation >= 0 && item.Quotation == last.Quotation ? 1UL : 0UL);
        f[k++] = FeatureHash.Feature(13, a, compatibleRank);
        f[k++] = FeatureHash.Feature(14, kind, item.Kind == ItemKind.Nominal && person.Heads.Contains(item.HeadHash) ? 1UL : 0UL);
        f[k++] = FeatureHash.Feature(15, a, last.Kind == ItemKind.Pronoun && last.Form == item.Form ? 1UL : 0UL);
        f[k++] = FeatureHash.Feature(16, a, gender, compatibleRank);
        f[k++] = FeatureHash.Feature(17, a, sentences, recency);
        f[k++] = FeatureHash.Feature(18, a, item.Subject ? 1UL : 0UL, last.Subject ? 1UL : 0UL);
        f[k++] = FeatureHash.Feature(19, kind, Bucket(person.Masculine + person.Feminine, 3), gender);
        f[k++] = FeatureHash.Feature(20, a, possessor ? 1UL : 0UL);
        f[k++] = FeatureHash.Feature(21, a, person.Id.StartsWith("coref-", StringComparison.Ordinal) ? 1UL : 0UL, (ulong)last.Kind);
        f[k++] = FeatureHash.Feature(22, kind, item.Kind == ItemKind.Nominal ? item.HeadHash : 0, person.Heads.Contains(item.HeadHash) ? 1UL : 0UL);
        f[k++] = FeatureHash.Feature(23, a, (ulong)Agreement(item.Gender, last.Gender), (ulong)last.Kind);
        return k;
    }

    private static int NewFeatures(in Item item, int candidates, bool anyHead, bool anyCompatible, Span<ulong> f)
    {
        ulong a = (ulong)item.Form, kind = (ulong)item.Kind;
        int k = 0;
        f[k++] = FeatureHash.Feature(30, a);
        f[k++] = FeatureHash.Feature(31, a, item.Quotation >= 0 ? 1UL : 0UL);
        f[k++] = FeatureHash.Feature(32, kind, Bucket(candidates, 4));
        f[k++] = FeatureHash.Feature(33, kind, anyHead ? 1UL : 0UL);
        f[k++] = FeatureHash.Feature(34, a, anyCompatible ? 1UL : 0UL);
        f[k++] = FeatureHash.Feature(35, kind, item.HeadHash);
        f[k++] = FeatureHash.Feature(36, a, item.Subject ? 1UL : 0UL);
        return k;
    }

    private static ulong Bucket(int value, int max) => (ulong)Math.Clamp(value, 0, max);

    /// <summary>0: nothing known; 1: agree; 2: disagree.</summary>
    private static int Agreement(ReferentGender expression, ReferentGender person) =>
        expression == ReferentGender.Unknown || person == ReferentGender.Unknown ? 0 : expression == person ? 1 : 2;

    private static ReferentGender StatsGender(Person person) =>
        person.Masculine > person.Feminine ? ReferentGender.Masculine : person.Feminine > person.Masculine ? ReferentGender.Feminine : ReferentGender.Unknown;

    private static ReferentGender Gender(Person person)
    {
        var stats = StatsGender(person);
        if (stats != ReferentGender.Unknown) return stats;
        return person.TitleGender != ReferentGender.Unknown ? person.TitleGender : person.NameGender;
    }

    private static void Touch(Person person, int item, List<Person> recent)
    {
        person.Count++;
        person.Last = item;
        int at = recent.IndexOf(person);
        if (at == 0) return;
        if (at > 0) recent.RemoveAt(at);
        recent.Insert(0, person);
        // Only the most recent few can be options; a long record's hundreds of people would make each step linear.
        if (recent.Count > RecentKept) recent.RemoveAt(recent.Count - 1);
    }

    private const int RecentKept = 64;

    private static Person PersonFor(string id, Dictionary<string, Person> people, IReadOnlyDictionary<string, Entity> entities, CoreferenceModel? model, string text, Token[] tokens)
    {
        if (people.TryGetValue(id, out var person)) return person;
        person = new Person { Id = id };
        if (entities.TryGetValue(id, out var entity))
        {
            foreach (string role in entity.Roles)
            {
                foreach (var word in role.AsSpan().Split(' '))
                {
                    var g = ReferringWords.GenderOfTitle(role.AsSpan()[word]);
                    if (g != ReferentGender.Unknown) person.TitleGender = g;
                    person.Heads.Add(FeatureHash.LowerChars(role.AsSpan()[word]));
                }
            }
            foreach (var span in entity.Mentions)
            {
                // A title just before a mention (Mrs. Hale, Sir Walter) tells the sex the entity's fields leave out.
                int t = TokenAt(tokens, span.Start) - 1;
                if (t >= 0 && tokens[t].Kind is TokenKind.Word or TokenKind.Abbreviation && span.Start - tokens[t].Span.End <= 1)
                {
                    var g = ReferringWords.GenderOfTitle(text.AsSpan(tokens[t].Span.Start, tokens[t].Span.Length));
                    if (g != ReferentGender.Unknown) person.TitleGender = g;
                    person.Heads.Add(FeatureHash.LowerChars(text.AsSpan(tokens[t].Span.Start, tokens[t].Span.Length)));
                }
            }
            foreach (string alias in entity.Aliases)
            {
                var span = alias.AsSpan();
                int space = span.IndexOf(' ');
                var first = space < 0 ? span : span[..space];
                var last = space < 0 ? span : span[(span.LastIndexOf(' ') + 1)..];
                person.Heads.Add(FeatureHash.LowerChars(last));
                if (model is not null && person.NameGender == ReferentGender.Unknown) person.NameGender = model.GenderOfName(first);
            }
            if (entity.Type == EntityType.Group)
            {
                person.Group = true;
                person.Number = ReferentNumber.Plural;
            }
        }
        people[id] = person;
        return person;
    }

    private static int TokenAt(Token[] tokens, int offset)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Span.Start < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static int IndexOf(TextSpan[] spans, int offset, ref int cursor)
    {
        while (cursor < spans.Length && spans[cursor].End <= offset) cursor++;
        return cursor < spans.Length && spans[cursor].Start <= offset ? cursor : -1;
    }

    private static List<Item> FindItems(string text, Token[] tokens, string?[]? tags, TextSpan[] sentences, TextSpan[] quotations, Mention[] mentions)
    {
        var items = new List<Item>();
        int m = 0, emitted = -1;
        for (int t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            while (m < mentions.Length && mentions[m].Span.End <= token.Span.Start) m++;
            bool insideMention = m < mentions.Length && mentions[m].Span.Start < token.Span.End;
            if (insideMention && emitted != m)
            {
                emitted = m;
                var mention = mentions[m];
                if (mention.Type is EntityType.Person or EntityType.Group)
                {
                    int end = t;
                    while (end + 1 < tokens.Length && tokens[end + 1].Span.Start < mention.Span.End) end++;
                    items.Add(new Item
                    {
                        Span = mention.Span,
                        Head = tokens[end].Span,
                        Kind = ItemKind.Name,
                        Subject = IsSubject(tokens, tags, text, t, end),
                        EntityId = mention.EntityId,
                        Group = mention.Type == EntityType.Group,
                        Number = mention.Type == EntityType.Group ? ReferentNumber.Plural : ReferentNumber.Singular,
                    });
                }
                continue;
            }
            if (insideMention || token.Kind != TokenKind.Word) continue;
            var word = text.AsSpan(token.Span.Start, token.Span.Length);
            if (ReferringWords.TryPronoun(word, out int form, out var gender, out var number, out var @case))
            {
                items.Add(new Item
                {
                    Span = token.Span, Head = token.Span, Kind = ItemKind.Pronoun, Form = form, Gender = gender, Number = number,
                    Subject = @case == PronounCase.Subject, HeadHash = (ulong)form,
                });
            }
            if (ReferringWords.TryDeterminer(word, out int determiner) && TryNominal(text, tokens, tags, t, mentions, m, out int head))
            {
                var headWord = text.AsSpan(tokens[head].Span.Start, tokens[head].Span.Length);
                ReferringWords.TryPersonNoun(headWord, out var nounGender, out var nounNumber);
                items.Add(new Item
                {
                    Span = new TextSpan(token.Span.Start, tokens[head].Span.End), Head = tokens[head].Span, Kind = ItemKind.Nominal,
                    Form = 100 + determiner, Gender = nounGender, Number = nounNumber, HeadHash = FeatureHash.LowerChars(headWord),
                    Subject = IsSubject(tokens, tags, text, t, head),
                });
            }
        }
        // Expressions are resolved in the order they end, so a possessive (her) is resolved before the phrase it opens (her mother).
        items.Sort((x, y) => x.Span.End != y.Span.End ? x.Span.End.CompareTo(y.Span.End) : y.Span.Start.CompareTo(x.Span.Start));
        int s = 0, q = 0;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items);
        for (int i = 0; i < span.Length; i++)
        {
            // Ends are sorted, starts nearly so: cursors restart when a start goes back.
            if (i > 0 && span[i].Span.Start < span[i - 1].Span.Start) s = q = 0;
            span[i].Sentence = Math.Max(0, IndexOf(sentences, span[i].Span.Start, ref s) is var found && found >= 0 ? found : s);
            span[i].Quotation = IndexOf(quotations, span[i].Span.Start, ref q);
        }
        return items;
    }

    /// <summary>A determiner, up to three adjectives, then a person noun that no other noun follows: the index of that noun.</summary>
    private static bool TryNominal(string text, Token[] tokens, string?[]? tags, int determiner, Mention[] mentions, int m, out int head)
    {
        head = -1;
        for (int t = determiner + 1, adjectives = 0; t < tokens.Length && adjectives <= 3; t++)
        {
            if (tokens[t].Kind != TokenKind.Word || tokens[t].Span.Start - tokens[t - 1].Span.End > 1) return false;
            if (m < mentions.Length && mentions[m].Span.Start < tokens[t].Span.End && mentions[m].Span.End > tokens[t].Span.Start) return false;
            var word = text.AsSpan(tokens[t].Span.Start, tokens[t].Span.Length);
            string? tag = tags?[t];
            if (ReferringWords.TryPersonNoun(word, out _, out _) && tag is null or "NOUN" or "PROPN")
            {
                if (t + 1 < tokens.Length && tags?[t + 1] is "NOUN" or "PROPN" && tokens[t + 1].Kind == TokenKind.Word) return false;
                head = t;
                return true;
            }
            if (tag is not ("ADJ" or "VERB" or "NUM") || tag is "VERB" && !word.EndsWith("ed") && !word.EndsWith("ing")) return false;
            adjectives++;
        }
        return false;
    }

    private static bool IsSubject(Token[] tokens, string?[]? tags, string text, int first, int last)
    {
        if (tags is null) return false;
        if (first > 0 && tags[first - 1] is "ADP" or "VERB") return false;
        int next = last + 1;
        while (next < tokens.Length && tags[next] is "ADV") next++;
        return next < tokens.Length && tags[next] is "VERB" or "AUX";
    }
}
