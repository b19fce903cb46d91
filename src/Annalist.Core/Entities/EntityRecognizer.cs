using System.Collections.Immutable;
using Annalist.Core.Entities.Clustering;
using Annalist.Core.Entities.Gazetteers;
using Annalist.Core.Entities.Tagging;
using Annalist.Core.Text;

namespace Annalist.Core.Entities;

/// <summary>The mentions and entities found in one document.</summary>
/// <param name="Mentions">The mentions, entity by entity in text order.</param>
/// <param name="Entities">The entities.</param>
/// <param name="Sources">
/// For evaluation, parallel to <paramref name="Mentions"/>: what found each mention or last set its type
/// (<c>tagger</c>, <c>gazetteer</c>, <c>organizations-by-head</c>, <c>groups</c>, <c>propagation</c>, <c>role-nouns</c>, …;
/// <c>/vote</c> or <c>/cluster</c> appended where the type vote or the entity's type changed it). Not written to any layer.
/// </param>
public sealed record RecognitionResult(ImmutableArray<Mention> Mentions, ImmutableArray<Entity> Entities, ImmutableArray<string> Sources = default);

/// <summary>
/// A name a document itself says is a person's, found before its entities: an item of a participants block, or (with
/// <paramref name="ByForm"/>) a name the record's form vouches for alone — a transcript heading's answerer, a telegram's signature.
/// </summary>
public readonly record struct ListedPerson(TextSpan Name, bool ByForm = false);

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
    private readonly RecognizerSteps _steps;

    /// <param name="tagger">The statistical tagger; null marks only rule-found names.</param>
    /// <param name="gazetteer">Place names and demonyms.</param>
    /// <param name="steps">The rule steps to run; fewer only to measure what each contributes.</param>
    public EntityRecognizer(MentionTagger? tagger, Gazetteer gazetteer, RecognizerSteps steps = RecognizerSteps.All)
    {
        _tagger = tagger;
        _gazetteer = gazetteer ?? throw new ArgumentNullException(nameof(gazetteer));
        _steps = steps;
    }

    /// <summary>False when built without a tagger model: only rule-found names are marked.</summary>
    public bool HasTagger => _tagger is not null;

    /// <param name="input">The document's tokens as the tagger reads them.</param>
    /// <param name="listedPeople">
    /// Names the document itself lists as people (a participants block's items, <c>Minister of Trade X</c>; a heading's
    /// answerer, a telegram's signer), which become people where the tagger missed them or typed them otherwise; null or empty: none.
    /// </param>
    public RecognitionResult Recognize(TaggingInput input, IReadOnlyList<ListedPerson>? listedPeople = null)
    {
        var work = new Work(input, _gazetteer, _tagger?.Features);
        var names = _tagger?.Tag(input) ?? [];
        foreach (var name in names) work.AddTaggedName(name);
        bool Runs(RecognizerSteps step) => (_steps & step) != 0;
        if (Runs(RecognizerSteps.DropCapitalizedCommonWords)) work.DropCapitalizedCommonWords();
        if (Runs(RecognizerSteps.OrganizationsByHead)) work.FindOrganizationsByHead();
        if (Runs(RecognizerSteps.Gazetteer)) work.ApplyGazetteer();
        if (Runs(RecognizerSteps.Context)) work.ApplyContext();
        if (Runs(RecognizerSteps.ListedPeople) && listedPeople is { Count: > 0 }) work.AddListedPeople(listedPeople);
        if (Runs(RecognizerSteps.Lists)) work.CompleteLists();
        if (Runs(RecognizerSteps.Groups)) work.FindGroups();
        if (Runs(RecognizerSteps.PlacesModifyingPeoples)) work.PlacesModifyingPeoples();
        if (Runs(RecognizerSteps.Propagation)) work.PropagateNames();
        if (Runs(RecognizerSteps.Context)) work.ApplyContext();
        if (Runs(RecognizerSteps.RoleNouns)) work.FindRoleNouns();
        work.RemoveOverlaps();
        work.Cluster(Runs(RecognizerSteps.TypeVote));
        return work.Build();
    }

    /// <summary>
    /// Whether the people word at token <paramref name="index"/> names the people (<c>the Serbs</c>, <c>we English</c>)
    /// rather than modifying what follows (<c>Chinese territory</c>): with part-of-speech tags, it does unless a noun,
    /// adjective or number follows; without, unless a capitalized or lower-case content word follows (a plural in
    /// <c>-s</c> before a verb still names the people).
    /// </summary>
    public static bool IsPeopleNoun(TaggingInput input, int index)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (index < 0 || index >= input.Count) return false;
        var word = input.Word(index);
        bool last = index + 1 >= input.Count || input.SentenceStarts[index + 1];
        if (input.PartsOfSpeech is { } tags && tags[index] is not null)
            return last || tags[index + 1] is not ("NOUN" or "PROPN" or "ADJ" or "NUM");
        if (last) return true;
        var next = input.Word(index + 1);
        if (next.Length == 0 || !char.IsLetter(next[0])) return !(next.Length > 0 && char.IsDigit(next[0]));
        if (char.IsUpper(next[0])) return false;
        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)) return true;
        return NameWords.IsFunctionWord(next) || next.EndsWith("ed", StringComparison.Ordinal);
    }

    private sealed class Candidate
    {
        public int First;
        public int End;
        public EntityType Type;
        public string? Role;
        public int RoleStartToken = -1;
        /// <summary>Tokens of a role set off after the name, <c>[RoleAfterStart, RoleAfterEnd)</c>; empty when none.</summary>
        public int RoleAfterStart = -1, RoleAfterEnd = -1;
        /// <summary>Where the title of a role set off after the name ends and its of-phrase begins.</summary>
        public int RoleAfterHeadEnd = -1;
        public bool RoleNoun;
        /// <summary>A lower-case role noun (<c>the foreign minister</c>), kept only where it resolves to a holder.</summary>
        public bool LowerCase;
        /// <summary>Typed by a rule with evidence (gazetteer, context, list, head word): outvotes the tagger.</summary>
        public bool Confident;
        public string Key = "";
        /// <summary>What found the name or last set its type, for <see cref="RecognitionResult.Sources"/>.</summary>
        public string Source = "tagger";
        public int Cluster = -1;
        public int Order;
    }

    private sealed class Work(TaggingInput input, Gazetteer gazetteer, FeatureExtractor? features)
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

        private static bool IsGenerationalSuffix(ReadOnlySpan<char> word) => word is "Jr." or "Jr" or "Sr." or "Sr";

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
                // A generational suffix belongs to the name (X Y, Jr.); the tagger may stop before its comma.
                if (end + 1 < input.Count && Word(end) is "," && IsGenerationalSuffix(Word(end + 1)) && SameSentence(end - 1, end + 1)) end += 2;
                else if (end < input.Count && IsGenerationalSuffix(Word(end)) && SameSentence(end - 1, end)) end++;
                // The end of a title phrase run into the name (… of the People's Republic D. Tsedenbal): the name starts at its initials.
                for (int j = first + 1; j < end - 1; j++)
                {
                    if (!NameWords.IsInitial(Word(j))) continue;
                    bool polity = false;
                    for (int w = first; w < j && !polity; w++) polity = NameWords.IsOrganizationHead(Word(w)) || IsPolityWord(Word(w));
                    if (polity) first = j;
                    break;
                }
            }
            string source = "tagger";
            if (end - first >= 2 && (NameWords.IsOrganizationHead(Word(end - 1)) || NameWords.IsMilitaryDistrict(Word(end - 2), Word(end - 1))) && type != EntityType.Organization)
                (type, source) = (EntityType.Organization, "organizations-by-head");
            int tail = NameWords.OrganizationTailLength(i => i < input.Count && SameSentence(end - 1, i) ? Word(i) : [], end);
            if (tail > 0 && type != EntityType.Person)
            {
                end += tail;
                (type, source) = (EntityType.Organization, "organizations-by-head");
            }
            if (type == EntityType.Organization && first > 0 && gazetteer.TryGetDemonym(Word(first - 1), out _) && SameSentence(first - 1, first))
                first--;
            var candidate = new Candidate { First = first, End = end, Type = type, Source = source };
            if (type == EntityType.Person) FindRole(candidate);
            else if (source == "tagger" && end - first <= 3 && !TryGazetteer(first, end, out _)) RetypeByRoleAfter(candidate);
            _candidates.Add(candidate);
        }

        /// <summary>A title phrase just before a person's name: <c>General</c>, <c>the Soviet Ambassador</c>, <c>the Commander of the … District</c>.</summary>
        private void FindRole(Candidate person)
        {
            int k = person.First - 1;
            int limit = Math.Max(person.First - 12, PreviousEntryEnd(person.First) + 1);
            int roleStart = -1;
            while (k >= limit && SameSentence(k, person.First))
            {
                var word = Word(k);
                bool title = TitleLexicon.IsTitleWord(word) && IsCapitalized(word);
                bool connector = word is "of" or "the" or "for";
                bool capitalized = IsCapitalized(word) && IsWord(word) && !NameWords.IsArticle(word);
                bool possessive = NameWords.IsPossessive(word) && k - 1 >= limit && IsCapitalized(Word(k - 1)) && !TitleLexicon.IsTitleWord(Word(k - 1)); // the People's Republic
                if (!(title || connector || capitalized || possessive)) break;
                if (_candidates.Any(c => c.Type == EntityType.Person && k >= c.First && k < c.End)) break;
                if (TitleLexicon.IsHeadTitle(word) && IsCapitalized(word)) roleStart = k;
                k--;
            }
            if (roleStart < 0)
            {
                FindRoleAfter(person);
                return;
            }
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
        /// The last token of the line before the one <paramref name="index"/> is on when that line is a list entry of its
        /// own, a person and the office set off after the name (<c>Mr. A. Brandt, Deputy Director</c>): the next line's
        /// title belongs to the next name, not that office. -1 otherwise, as in wrapped prose (<c>met the Soviet</c> /
        /// <c>Ambassador</c>).
        /// </summary>
        private int PreviousEntryEnd(int index)
        {
            int lineFirst = index, reach = Math.Max(1, index - 12);
            while (lineFirst > reach && !OpensLine(lineFirst)) lineFirst--;
            if (!OpensLine(lineFirst) || lineFirst == 0) return -1;
            int previousEnd = lineFirst - 1, previousFirst = previousEnd;
            while (previousFirst > Math.Max(0, previousEnd - 40) && !OpensLine(previousFirst)) previousFirst--;
            if (!OpensLine(previousFirst)) return -1;
            foreach (var c in _candidates)
            {
                if (c.Type != EntityType.Person || c.End > previousEnd || Word(c.End) is not ",") continue;
                int opening = c.RoleStartToken >= 0 ? Math.Min(c.RoleStartToken, c.First) : c.First;
                if (opening == previousFirst) return previousEnd;
            }
            // The name may not be a candidate yet: a capitalized title, name words and a comma open the line.
            if (!TitleLexicon.IsTitleWord(Word(previousFirst)) || !IsCapitalized(Word(previousFirst))) return -1;
            int k = previousFirst + 1;
            while (k < previousEnd && k - previousFirst <= 6 && IsCapitalized(Word(k)) && (IsWord(Word(k)) || NameWords.IsInitial(Word(k)))) k++;
            return k > previousFirst + 1 && k < previousEnd && Word(k) is "," ? previousEnd : -1;
        }

        /// <summary>
        /// A title phrase set off after a person's name: <c>Molotov, the Soviet Foreign Minister, said</c>,
        /// <c>Harmon, the foreign minister of Norway,</c>, <c>Brandt, chairman of the council,</c>, <c>Okafor, an adviser
        /// to the President,</c>. The words before any <c>of</c>/<c>to</c>/<c>for</c>/<c>at</c>/<c>in</c> must end in a
        /// title (<c>Dulles, Secretary Stevens</c> is two people; <c>Brandt, the man who …</c> and lists <c>X, Y, and Z</c>
        /// hold none); a lower-case phrase must end in an office (<c>minister</c>, not <c>father</c>); and the phrase must
        /// close the apposition (a comma, a stop, a bracket or the sentence's end).
        /// </summary>
        private void FindRoleAfter(Candidate person)
        {
            int k = person.End;
            if (k + 1 >= input.Count || Word(k) is not "," || !SameSentence(person.First, k + 1)) return;
            k++;
            if (NameWords.IsArticle(Word(k)) || Word(k) is "a" or "an") k++;
            int start = k, headEnd = -1, before = 0;
            bool inOf = false, sawLower = false, nameAfterLower = false;
            while (k < input.Count && SameSentence(start, k) && k - start < 14)
            {
                var word = Word(k);
                if (IsRoleConnector(word)) { if (headEnd < 0) break; inOf = true; k++; continue; }
                if (!IsWord(word) || IsRelative(word)) break;
                if (inOf)
                {
                    // Inside the of-phrase: names, articles and lower-case content words (of foreign affairs, of the council).
                    if (!IsCapitalized(word) && !NameWords.IsArticle(word) && NameWords.IsFunctionWord(word)) break;
                    k++;
                    continue;
                }
                bool capitalized = IsCapitalized(word);
                if (capitalized ? TitleLexicon.IsHeadTitle(word) : TitleLexicon.IsOffice(word))
                {
                    // A lower-case office after more than three words, or after a name that follows lower-case words, is a clause (I learn X stiff negotiator).
                    if (!capitalized && (before > 3 || nameAfterLower)) return;
                    headEnd = k + 1;
                }
                else if (headEnd >= 0) return; // a name after the title (another person) or a noun after it (the general staff)
                else if (word is "I" || !capitalized && (NameWords.IsFunctionWord(word) || NameWords.IsArticle(word))) break;
                else
                {
                    before++;
                    if (!capitalized) sawLower = true;
                    else if (sawLower && !TitleLexicon.IsTitleWord(word)) nameAfterLower = true;
                }
                k++;
            }
            int end = k;
            while (end > start && (IsRoleConnector(Word(end - 1)) || NameWords.IsArticle(Word(end - 1)))) end--;
            if (headEnd < 0 || end <= start) return;
            bool closed = end >= input.Count || !SameSentence(start, end) || Word(end) is "," or "." or ";" or ")" or "]" or ":";
            if (!closed) return;
            person.Role = TextOf(start, end);
            (person.RoleAfterStart, person.RoleAfterHeadEnd, person.RoleAfterEnd) = (start, headEnd, end);
        }

        /// <summary>
        /// A name the tagger typed a place or organization that an appositive person office follows (<c>X Y, chairman of
        /// the council,</c>; <c>X, the Minister of Trade,</c>) is a person: the office is evidence the tagger does not see.
        /// A place's appositives (<c>capital of</c>, <c>seat of</c>) name no office, so they leave it as it is; a name the
        /// gazetteer lists is left to it.
        /// </summary>
        private void RetypeByRoleAfter(Candidate name)
        {
            FindRoleAfter(name);
            if (name.Role is null) return;
            // An honorific is no office (X, Mr. Y is a list); FindRoleAfter's capitalized head may be one.
            if (!TitleLexicon.IsOffice(Word(name.RoleAfterHeadEnd - 1)))
            {
                name.Role = null;
                (name.RoleAfterStart, name.RoleAfterHeadEnd, name.RoleAfterEnd) = (-1, -1, -1);
                return;
            }
            (name.Type, name.Confident, name.Source) = (EntityType.Person, true, "role-after");
        }

        private static bool IsPolityWord(ReadOnlySpan<char> word) =>
            word is "Republic" or "Kingdom" or "Empire" or "State" or "States" or "Province" or "Region" or "District" or "Affairs" or "Territory";

        private static bool IsRoleConnector(ReadOnlySpan<char> word) => word is "of" or "for" or "to" or "at" or "in";

        private static bool IsRelative(ReadOnlySpan<char> word) => word is "who" or "whom" or "whose" or "which" or "that" or "and" or "or" or "but";

        /// <summary>
        /// Names the document lists as people (a participants block's items) are people: where the tagger marked
        /// nothing there, part of the name, or the name run into its office as a place (<c>Minister of Trade X</c>
        /// read as <c>Trade X</c>), the overlapping names give way to the listed one. A name is taken only with a
        /// mark of a person in the item — a title or office before it, or a role after a comma — so that a side's
        /// name listed alone stays what it is; a name the record's form vouches for (a heading's answerer, a signature) needs none.
        /// </summary>
        public void AddListedPeople(IReadOnlyList<ListedPerson> listed)
        {
            foreach (var (name, byForm) in listed)
            {
                int first = 0;
                while (first < input.Count && input.Tokens[first].Start < name.Start) first++;
                int end = first;
                while (end < input.Count && input.Tokens[end].End <= name.End) end++;
                while (first < end && TitleLexicon.IsTitleWord(Word(first)) && IsCapitalized(Word(first))) first++;
                if (first >= end || end - first > 4 || Word(first) is "The" or "the") continue;
                bool allNameWords = true;
                for (int k = first; k < end && allNameWords; k++) allNameWords = IsCapitalized(Word(k)) && (IsWord(Word(k)) || NameWords.IsInitial(Word(k)) || IsGenerationalSuffix(Word(k)));
                if (!allNameWords) continue;
                // A person the tagger found there already, titles or initials before it included (Dr. A. B. Name), stays as found.
                if (_candidates.Any(c => c.Type == EntityType.Person && !c.RoleNoun && c.End == end && c.First <= first && OnlyTitlesOrInitials(c.First, first))) continue;
                var person = new Candidate { First = first, End = end, Type = EntityType.Person, Confident = true, Source = "participants" };
                var overlapping = _candidates.Where(c => c.First < end && first < c.End).ToList();
                _candidates.RemoveAll(overlapping.Contains);
                FindRole(person);
                bool titled = first > 0 && TitleLexicon.IsTitleWord(Word(first - 1)) && IsCapitalized(Word(first - 1)) && SameSentence(first - 1, first);
                if (person.Role is null && !titled && !byForm)
                {
                    _candidates.AddRange(overlapping);
                    continue;
                }
                // A name the tagger ran into the office before it (Trade X of Minister of Trade X) gives way too.
                if (person.RoleStartToken >= 0) _candidates.RemoveAll(c => c.Type != EntityType.Group && c.First < person.First && c.End > person.RoleStartToken);
                _candidates.Add(person);
            }
        }

        private bool OnlyTitlesOrInitials(int first, int end)
        {
            for (int k = first; k < end; k++)
            {
                if (!TitleLexicon.IsTitleWord(Word(k)) && !NameWords.IsInitial(Word(k))) return false;
            }
            return true;
        }

        /// <summary>
        /// A one-word name opening a sentence whose lower-case form is a common word and which the document
        /// never capitalizes inside a sentence (<c>Another</c>, <c>Using</c>) is no name.
        /// </summary>
        public void DropCapitalizedCommonWords()
        {
            if (features is null) return;
            _candidates.RemoveAll(c => c.End - c.First == 1 && input.SentenceStarts[c.First] && features.IsCommonWord(Word(c.First)) && !CapitalizedInside(Word(c.First)));
        }

        private bool CapitalizedInside(ReadOnlySpan<char> word)
        {
            for (int i = 1; i < input.Count; i++)
            {
                if (!input.SentenceStarts[i] && Word(i).SequenceEqual(word) && !IsOpening(Word(i - 1))) return true;
            }
            return false;
        }

        private static bool IsOpening(ReadOnlySpan<char> word) => word is "\"" or "“" or "‘" or ":" or "(" or "[" or "—" or "–";

        /// <summary>
        /// What the words around a name say of its type: a directional word before a country or region makes
        /// a place (<c>Outer Hebrides</c>); a "person" after a preposition and an article (<c>in the Palais</c>) is a place.
        /// </summary>
        public void ApplyContext()
        {
            FindPeopleAfterTitles();
            FindSpeakerLabels();
            foreach (var c in _candidates)
            {
                if (c.Type == EntityType.Place && c.First > 0 && IsDirection(Word(c.First - 1)) && !input.SentenceStarts[c.First] && !_candidates.Any(o => o.End == c.First))
                    c.First--;
                if (c.Type != EntityType.Person || c.Role is not null) continue;
                if (c.End - c.First >= 2 && IsDirection(Word(c.First)) && gazetteer.TryGetPlace(Normalize(TextOf(c.First + 1, c.End)), out var entry) && entry.Kind != GazetteerKind.Place)
                    (c.Type, c.Confident, c.Source) = (EntityType.Place, true, "context");
                else if (c.First >= 2 && NameWords.IsArticle(Word(c.First - 1)) && Word(c.First - 2) is "in" or "at" or "into" or "from" or "to" or "near" or "across" or "within" or "through" or "inside" or "outside" && SameSentence(c.First - 2, c.First))
                    (c.Type, c.Confident, c.Source) = (EntityType.Place, true, "context");
            }
        }

        /// <summary>
        /// A capitalized title followed by initials and a capitalized word (<c>General P. Halvorsen</c>), or by one
        /// capitalized word that is no common word, title, organization head or gazetteer place (<c>Colonel Dahl</c>),
        /// is a person wherever the tagger saw no name there.
        /// </summary>
        private void FindPeopleAfterTitles()
        {
            HashSet<string>? surnames = null;
            var covered = new bool[input.Count];
            foreach (var c in _candidates)
            {
                for (int k = c.First; k < c.End; k++) covered[k] = true;
            }
            for (int i = 0; i + 1 < input.Count; i++)
            {
                var title = Word(i);
                if (covered[i] || !IsCapitalized(title) || !TitleLexicon.IsTitleWord(title) || NameWords.IsInitial(title)) continue;
                int first = i + 1, end = first;
                while (end < input.Count && SameSentence(i, end) && !covered[end] && NameWords.IsInitial(Word(end))) end++;
                if (end >= input.Count || !SameSentence(i, end) || covered[end]) continue;
                var name = Word(end);
                if (!IsCapitalized(name) || !IsWord(name) || NameWords.IsInitial(name) || TitleLexicon.IsTitleWord(name) || NameWords.IsOrganizationHead(name)) continue;
                bool initials = end > first;
                if (!initials && (features?.IsCommonWord(name) == true || gazetteer.TryGetPlace(name, out _) || gazetteer.TryGetDemonym(name, out _))) continue;
                if (end + 1 < input.Count && SameSentence(i, end + 1) && IsCapitalized(Word(end + 1)) && IsWord(Word(end + 1))) continue;
                var person = new Candidate { First = first, End = end + 1, Type = EntityType.Person, Confident = true, Source = "titles" };
                FindRole(person);
                _candidates.Add(person);
                for (int k = first; k <= end; k++) covered[k] = true;
                surnames ??= new HashSet<string>(StringComparer.Ordinal);
                surnames.Add(WordAt(end));
            }
            if (surnames is null) return;
            // The surname alone elsewhere (Halvorsen's staff) is the same person.
            for (int i = 0; i < input.Count; i++)
            {
                if (covered[i] || !surnames.Contains(WordAt(i)) || i > 0 && SameSentence(i - 1, i) && IsCapitalized(Word(i - 1)) && IsWord(Word(i - 1))
                    || i + 1 < input.Count && SameSentence(i, i + 1) && IsCapitalized(Word(i + 1)) && IsWord(Word(i + 1))) continue;
                _candidates.Add(new Candidate { First = i, End = i + 1, Type = EntityType.Person, Confident = true, Source = "titles" });
                covered[i] = true;
            }
        }

        /// <summary>
        /// A transcript's speaker labels: a name in capitals opening a line before a colon and words
        /// (<c>HARTWELL: We need …</c>, <c>MR. HARTWELL: …</c>), written so at two line starts or more, is a person
        /// wherever the tagger saw nothing there; capitals carry no case to tag by. Labels of a record's parts
        /// (<c>SUBJECT:</c>, <c>NOTE:</c>), single letters (<c>Q:</c>) and places are none.
        /// </summary>
        private void FindSpeakerLabels()
        {
            List<(int First, int End)>? labels = null;
            for (int i = 0; i < input.Count; i++)
            {
                if (!OpensLine(i)) continue;
                int first = i;
                if (TitleLexicon.IsTitleWord(Word(first)) && IsUpperWord(Word(first))) first++;
                if (first < input.Count && Word(first) is ".") first++;
                int end = first;
                while (end < input.Count && end - first < 3 && IsUpperWord(Word(end)) && Word(end).Length > 1) end++;
                if (end == first || end >= input.Count || Word(end) is not ":" || !WordsFollowOnLine(end)) continue;
                (labels ??= []).Add((first, end));
            }
            if (labels is null) return;
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (first, end) in labels) counts[TextOf(first, end)] = counts.GetValueOrDefault(TextOf(first, end)) + 1;
            foreach (var (first, end) in labels)
            {
                string label = TextOf(first, end);
                string titled = System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(label.ToLowerInvariant());
                if (counts[label] < 2 || TitleLexicon.IsRecordPartLabel(label) || NameWords.IsArticle(Word(first))
                    || gazetteer.TryGetPlace(titled, out _) || gazetteer.TryGetDemonym(titled, out _)) continue;
                if (end - first == 1 && TitleLexicon.IsTitleWord(Word(first))) continue;
                if (_candidates.Any(c => c.First < end && first < c.End)) continue;
                _candidates.Add(new Candidate { First = first, End = end, Type = EntityType.Person, Confident = true, Source = "speaker-labels" });
            }
        }

        private static bool IsUpperWord(ReadOnlySpan<char> word)
        {
            bool letter = false;
            foreach (char ch in word)
            {
                if (char.IsLower(ch)) return false;
                letter |= char.IsLetter(ch);
            }
            return letter;
        }

        private bool OpensLine(int index)
        {
            for (int k = input.Tokens[index].Start - 1; k >= 0; k--)
            {
                char ch = _text[k];
                if (ch == '\n') return true;
                if (ch is not (' ' or '\t')) return false;
            }
            return true;
        }

        private bool WordsFollowOnLine(int colon)
        {
            if (colon + 1 >= input.Count) return false;
            int from = input.Tokens[colon].End, to = input.Tokens[colon + 1].Start;
            return _text.AsSpan(from, to - from).IndexOf('\n') < 0;
        }

        private static bool IsDirection(ReadOnlySpan<char> word) => word is "Inner" or "Outer" or "Upper" or "Lower" or "North" or "South" or "East" or "West"
            or "Northern" or "Southern" or "Eastern" or "Western" or "Central" or "Greater" or "Little" or "New" or "Old";

        /// <summary>
        /// In a list of names (<c>A, B, C and D</c>) where most members are places, or organizations, the rest
        /// are too, and a capitalized member the tagger missed is added.
        /// </summary>
        public void CompleteLists()
        {
            var ordered = _candidates.OrderBy(c => c.First).ToList();
            int i = 0;
            while (i < ordered.Count)
            {
                var list = new List<(int First, int End, Candidate? Candidate)> { (ordered[i].First, ordered[i].End, ordered[i]) };
                int previousEnd = i > 0 ? ordered[i - 1].End : 0;
                while (list[0].First >= 2 && Word(list[0].First - 1) is "," && SameSentence(list[0].First - 2, list[0].First))
                {
                    int end = list[0].First - 1, start = end;
                    while (start - 1 >= previousEnd && SameSentence(start - 1, end) && IsCapitalized(Word(start - 1)) && IsWord(Word(start - 1))) start--;
                    if (start == end || TitleLexicon.IsTitleWord(Word(start))) break;
                    list.Insert(0, (start, end, null));
                }
                int position = ordered[i].End;
                int next = i + 1;
                while (position < input.Count && Word(position) is "," or "and" or "or" or "[" or "(" && SameSentence(list[0].First, position))
                {
                    if (Word(position) is "[" or "(")
                    {
                        string close = Word(position) is "[" ? "]" : ")";
                        int skip = position + 1;
                        while (skip < input.Count && !Word(skip).SequenceEqual(close) && skip - position < 12) skip++;
                        if (skip >= input.Count || !Word(skip).SequenceEqual(close)) break;
                        while (next < ordered.Count && ordered[next].First < skip) next++;
                        position = skip + 1;
                        continue;
                    }
                    int start = position + 1;
                    if (start < input.Count && Word(start) is "and" or "or") start++;
                    if (start >= input.Count || !SameSentence(list[0].First, start) || !IsCapitalized(Word(start)) || !IsWord(Word(start))) break;
                    if (next < ordered.Count && ordered[next].First == start)
                    {
                        list.Add((start, ordered[next].End, ordered[next]));
                        position = ordered[next].End;
                        next++;
                        continue;
                    }
                    if (next < ordered.Count && ordered[next].First < start) break;
                    int end = start;
                    while (end < input.Count && SameSentence(start, end) && IsCapitalized(Word(end)) && IsWord(Word(end)) && (next >= ordered.Count || end < ordered[next].First)) end++;
                    list.Add((start, end, null));
                    position = end;
                }
                if (list.Count >= 3)
                {
                    var known = list.Where(m => m.Candidate is not null).Select(m => m.Candidate!).ToList();
                    int places = known.Count(c => c.Type == EntityType.Place || TryGazetteer(c.First, c.End, out var e) && e.Kind != GazetteerKind.Place);
                    var type = places >= 2 && places * 2 >= known.Count ? EntityType.Place : (EntityType?)null;
                    if (type is { } t)
                    {
                        foreach (var c in known)
                        {
                            if (c.Role is null && !(c.First > 0 && NameWords.IsInitial(Word(c.First - 1))) && !NameWords.IsInitial(Word(c.First)))
                            {
                                if (c.Type != t) c.Source = "lists";
                                (c.Type, c.Confident) = (t, true);
                            }
                        }
                        foreach (var (first, end, _) in list.Where(m => m.Candidate is null)) _candidates.Add(new Candidate { First = first, End = end, Type = t, Confident = true, Source = "lists" });
                    }
                }
                i = Math.Max(next, i + 1);
            }
        }

        /// <summary>
        /// The word before a people in <c>Altai Kazakhs</c> names a place where it stands alone: a one-word person
        /// becomes that place, and so does the word written alone inside a sentence where the tagger saw no name.
        /// </summary>
        public void PlacesModifyingPeoples()
        {
            var modifiers = _candidates.Where(c => c.Type == EntityType.Group && c.End - c.First == 2 && !gazetteer.TryGetDemonym(Word(c.First), out _))
                .Select(c => WordAt(c.First)).ToHashSet(StringComparer.Ordinal);
            if (modifiers.Count == 0) return;
            foreach (var c in _candidates)
            {
                if (c.Type == EntityType.Person && c.End - c.First == 1 && c.Role is null && modifiers.Contains(WordAt(c.First))) (c.Type, c.Confident, c.Source) = (EntityType.Place, true, "places-modifying-peoples");
            }
            var covered = new bool[input.Count];
            foreach (var c in _candidates)
            {
                for (int k = Math.Max(0, c.RoleStartToken >= 0 ? Math.Min(c.RoleStartToken, c.First) : c.First); k < c.End; k++) covered[k] = true;
            }
            for (int i = 1; i < input.Count; i++)
            {
                if (covered[i] || input.SentenceStarts[i] || IsOpening(Word(i - 1)) || IsCapitalized(Word(i - 1)) || IsCapitalized(Word(i + 1)) && SameSentence(i, i + 1)) continue;
                if (modifiers.Contains(WordAt(i))) _candidates.Add(new Candidate { First = i, End = i + 1, Type = EntityType.Place, Confident = true, Source = "places-modifying-peoples" });
            }
        }

        /// <summary>
        /// A name found once is a name wherever else the document writes it capitalized outside other names
        /// (the tagger may miss it in one sentence and not another).
        /// </summary>
        public void PropagateNames()
        {
            var byName = new Dictionary<string, Candidate>(StringComparer.Ordinal);
            foreach (var c in _candidates.OrderBy(c => c.First))
            {
                if (c.Type == EntityType.Group || c.RoleNoun) continue;
                byName.TryAdd(TextOf(c.First, c.End), c);
            }
            if (byName.Count == 0) return;
            var byNameLookup = byName.GetAlternateLookup<ReadOnlySpan<char>>();
            int maxWords = byName.Values.Max(c => c.End - c.First);
            var covered = new bool[input.Count];
            foreach (var c in _candidates)
            {
                for (int k = c.First; k < c.End; k++) covered[k] = true;
                if (c.RoleStartToken >= 0) for (int k = c.RoleStartToken; k < c.First; k++) covered[k] = true;
            }
            var added = new List<Candidate>();
            for (int i = 0; i < input.Count; i++)
            {
                if (covered[i] || !IsCapitalized(Word(i))) continue;
                for (int length = Math.Min(maxWords, input.Count - i); length >= 1; length--)
                {
                    int end = i + length;
                    bool free = true;
                    for (int k = i; k < end && free; k++) free = !covered[k] && (k == i || SameSentence(i, k));
                    if (!free) continue;
                    if (end < input.Count && SameSentence(i, end) && IsCapitalized(Word(end)) && IsWord(Word(end))) continue;
                    int first = i;
                    if (byNameLookup.TryGetValue(SpanOf(i, end).Slice(_text), out var found) && found.Type == EntityType.Person)
                    {
                        while (first > 0 && !covered[first - 1] && SameSentence(first - 1, first) && NameWords.IsInitial(Word(first - 1))) first--;
                    }
                    if (first > 0 && SameSentence(first - 1, first) && IsCapitalized(Word(first - 1)) && IsWord(Word(first - 1)) && !input.SentenceStarts[first - 1]
                        && !(found?.Type == EntityType.Person && TitleLexicon.IsTitleWord(Word(first - 1)))) continue;
                    if (found is null) continue;
                    var model = found;
                    var copy = new Candidate { First = first, End = end, Type = model.Type, Source = "propagation" };
                    if (copy.Type == EntityType.Person) FindRole(copy);
                    added.Add(copy);
                    for (int k = first; k < end; k++) covered[k] = true;
                    break;
                }
            }
            _candidates.AddRange(added);
        }

        /// <summary>
        /// Capitalized runs that end in an organization's head word (<c>… Liberation Army</c>, <c>… Military
        /// District</c>) or go on with a lower-case one (<c>Kiev military district</c>) are organizations, even
        /// where the tagger saw only part of them or nothing; they replace the shorter names inside them.
        /// </summary>
        public void FindOrganizationsByHead()
        {
            for (int i = 0; i < input.Count; i++)
            {
                if (!IsCapitalized(Word(i)) || !IsWord(Word(i))) continue;
                int start = i;
                int end = i + 1;
                while (end < input.Count && SameSentence(start, end) && (IsNameWord(end) || IsNameConnector(end) && end + 1 < input.Count && IsNameWord(end + 1) && SameSentence(start, end + 1))) end++;
                i = end - 1;
                int tail = NameWords.OrganizationTailLength(k => k < input.Count && SameSentence(start, k) ? Word(k) : [], end);
                bool byHead = false;
                if (tail == 0)
                {
                    // The name may go on past its head (… District P. Koniev): cut it after the last head word;
                    // or open with its head (Ministry of Foreign Affairs).
                    for (int k = end - 1; k > start && !byHead; k--)
                    {
                        if (NameWords.IsOrganizationHead(Word(k)) || NameWords.IsMilitaryDistrict(Word(k - 1), Word(k))) { end = k + 1; byHead = true; }
                    }
                    if (!byHead && end - start >= 3 && NameWords.IsOrganizationHead(Word(start)) && Word(start + 1) is "of" or "for") byHead = true;
                }
                if (!byHead && tail == 0) continue;
                int last = end + tail;
                // Leading words that are not part of the name: a title, or a word opening the sentence by capital only.
                while (start < end - 1 && (TitleLexicon.IsHeadTitle(Word(start)) || input.SentenceStarts[start] && NameWords.IsFunctionWord(Word(start)))) start++;
                if (start > 0 && SameSentence(start - 1, start) && gazetteer.TryGetDemonym(Word(start - 1), out _)) start--;
                if (last - start < 2) continue;
                var replaced = _candidates.Where(c => c.First < last && start < c.End).ToList();
                if (replaced.Any(c => c.First < start)) continue;
                foreach (var c in replaced)
                {
                    // A name running on past the organization keeps its rest: "… District P. Koniev" → "P. Koniev".
                    if (c.End > last)
                    {
                        c.First = last;
                        if (c.Type == EntityType.Person) FindRole(c);
                    }
                    else _candidates.Remove(c);
                }
                _candidates.Add(new Candidate { First = start, End = last, Type = EntityType.Organization, Confident = true, Source = "organizations-by-head" });
            }
        }

        private bool IsNameWord(int index)
        {
            var word = Word(index);
            return IsCapitalized(word) && IsWord(word) || NameWords.IsPossessive(word) && index > 0 && IsCapitalized(Word(index - 1));
        }

        private bool IsNameConnector(int index) => Word(index) is "of" or "for" or "and";

        /// <summary>
        /// A single word the tagger called a person that the gazetteer knows as a country, region or large
        /// city, with nothing marking it a person (no title or initial before it), is a place.
        /// </summary>
        public void ApplyGazetteer()
        {
            var personWords = WordsOfFullerPersonNames();
            foreach (var c in _candidates)
            {
                if (c.Type != EntityType.Person || c.Role is not null || c.First > 0 && NameWords.IsInitial(Word(c.First - 1))) continue;
                if (c.End - c.First == 1 && personWords.Contains(WordAt(c.First))) continue;
                if (c.End - c.First == 1 && NameWords.IsInitial(Word(c.First))) continue;
                if (!TryGazetteer(c.First, c.End, out var entry)) continue;
                bool strong = entry.Kind is GazetteerKind.Country
                              || (entry.Kind is GazetteerKind.Region or GazetteerKind.FormerCountry
                                  || entry.Population >= 1_000_000 && SpanOf(c.First, c.End).Slice(_text).SequenceEqual(entry.Name))
                                 && (c.End - c.First > 1 || WrittenAfterPlacePreposition(Word(c.First)));
                if (strong) (c.Type, c.Confident, c.Source) = (EntityType.Place, true, "gazetteer");
            }
        }

        /// <summary>
        /// Whether the document writes <paramref name="word"/> after a preposition of place (<c>in Tula</c>, <c>near Van</c>):
        /// the support a one-word region or city needs against the tagger, since many are also given names (<c>Mary</c>, <c>Paul</c>).
        /// </summary>
        private bool WrittenAfterPlacePreposition(ReadOnlySpan<char> word)
        {
            for (int i = 1; i < input.Count; i++)
            {
                if (Word(i).SequenceEqual(word) && SameSentence(i - 1, i) && (IsPlacePreposition(Word(i - 1)) || Word(i - 1) is "at" or "At" or "towards" or "toward" or "via" or "outside")) return true;
            }
            return false;
        }

        /// <summary>
        /// Words of the document's person names with a title or of two words or more: <c>Florence</c> after
        /// <c>Florence Linden</c> or <c>Miss Florence</c> is her, not the city.
        /// </summary>
        private HashSet<string> WordsOfFullerPersonNames()
        {
            var words = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in _candidates)
            {
                if (c.Type != EntityType.Person || c.End - c.First < 2 && c.Role is null) continue;
                for (int k = c.First; k < c.End; k++)
                {
                    if (IsCapitalized(Word(k)) && !NameWords.IsInitial(Word(k))) words.Add(WordAt(k));
                }
            }
            return words;
        }

        private bool TryGazetteer(int first, int end, out GazetteerEntry entry)
        {
            entry = null!;
            string name = Normalize(TextOf(first, end));
            return gazetteer.TryGetPlace(name, out entry);
        }

        /// <summary>
        /// Peoples named by demonyms: words of the gazetteer's demonyms, and capitalized plurals used after a
        /// determiner (<c>the Serbs</c>, <c>their Croats</c>). Their noun uses are group mentions; adjective
        /// uses (<c>Chinese territory</c>) are mentions only where the document also names that people.
        /// </summary>
        public void FindGroups()
        {
            var stems = new HashSet<string>(StringComparer.Ordinal);
            var stemLookup = stems.GetAlternateLookup<ReadOnlySpan<char>>();
            HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? personWords = null;
            for (int i = 0; i < input.Count; i++)
            {
                var word = Word(i);
                if (!IsCapitalized(word) || word.Length < 4) continue;
                if (gazetteer.TryGetDemonym(word, out _)) stemLookup.Add(NameWords.StemOf(word));
                // A plural the tagger or a rule already calls a place or organization (the Carpathians, the Thames) is no people.
                else if (IsPeoplePlural(i) && !_candidates.Any(c => i >= c.First && i < c.End && c.Type is EntityType.Place or EntityType.Organization)
                         && !WrittenAsPlace(word))
                {
                    // A family (the Duvals) where the document names one of them as a person (Madame Duval) is no people.
                    personWords ??= PersonNameWords();
                    if (personWords.Value.Contains(word[..^1]) || (word.EndsWith("es", StringComparison.Ordinal) && personWords.Value.Contains(word[..^2]))) continue;
                    stemLookup.Add(NameWords.StemOf(word));
                }
            }
            if (stems.Count == 0) return;

            var groups = new List<Candidate>();
            var nounStems = new HashSet<string>(StringComparer.Ordinal);
            var adjectives = new List<(int Index, string Stem)>();
            for (int i = 0; i < input.Count; i++)
            {
                var word = Word(i);
                if (!IsCapitalized(word) || word.Length < 4) continue;
                if (!stemLookup.Contains(NameWords.StemOf(word))) continue;
                string stem = NameWords.DemonymStem(word);
                var inside = _candidates.FirstOrDefault(c => i >= c.First && i < c.End);
                bool noun = IsNounUse(i);
                if (noun && !NamesPeople(i) && !(inside is not null && inside.End - inside.First >= 2))
                {
                    // A singular that names no people is a common noun (an Indian) or the language (in French), no name; the
                    // tagger's name stands where nothing says so: no demonym (the two Marys), or no word before (Irish murmured).
                    if (inside is not null && gazetteer.TryGetDemonym(word, out _) && i > 0 && SameSentence(i - 1, i) && IsWord(Word(i - 1))) _candidates.Remove(inside);
                    continue;
                }
                if (inside is not null)
                {
                    // A place name directly before a people word makes a subgroup: "Volga Germans".
                    if (inside.End - inside.First >= 2 && i == inside.End - 1 && word.EndsWith('s') && !(inside.Type == EntityType.Organization && inside.Confident))
                    {
                        (inside.Type, inside.Source) = (EntityType.Group, "groups");
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
                    var sub = new Candidate { First = place.First, End = i + 1, Type = EntityType.Group, Key = "group:" + stem, Source = "groups" };
                    groups.Add(sub);
                    nounStems.Add(stem);
                    continue;
                }
                if (word.EndsWith('s') && i > 0 && SameSentence(i - 1, i) && IsCapitalized(Word(i - 1)) && IsWord(Word(i - 1)) && !input.SentenceStarts[i - 1]
                    && !TitleLexicon.IsTitleWord(Word(i - 1)) && !stemLookup.Contains(NameWords.StemOf(Word(i - 1))) && !_candidates.Any(c => i - 1 >= c.First && i - 1 < c.End))
                {
                    groups.Add(new Candidate { First = i - 1, End = i + 1, Type = EntityType.Group, Key = "group:" + stem, Source = "groups" });
                    nounStems.Add(stem);
                    continue;
                }
                if (noun)
                {
                    groups.Add(new Candidate { First = i, End = i + 1, Type = EntityType.Group, Key = "group:" + stem, Source = "groups" });
                    nounStems.Add(stem);
                }
                else adjectives.Add((i, stem));
            }
            foreach (var (index, stem) in adjectives)
            {
                if (nounStems.Contains(stem)) groups.Add(new Candidate { First = index, End = index + 1, Type = EntityType.Group, Key = "group:" + stem, Source = "groups" });
            }
            _candidates.AddRange(groups);
        }

        /// <summary>
        /// Whether a people word used as a noun names the people: a plural does (<c>Germans</c>); a singular of the
        /// collective kind (<c>French</c>, <c>English</c>, <c>Chinese</c>, <c>Swiss</c>) does after a determiner or a plural
        /// pronoun (<c>the French</c>, <c>we English</c>) and is the language without one (<c>in French</c>); any other
        /// singular (<c>an Indian</c>, <c>the German</c>) is a common noun for one person, no name.
        /// </summary>
        private bool NamesPeople(int i)
        {
            var word = Word(i);
            if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)) return true;
            bool collective = word.EndsWith("ese", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal)
                              || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("ss", StringComparison.Ordinal);
            if (!collective || i == 0 || !SameSentence(i - 1, i)) return false;
            var before = Word(i - 1);
            return NameWords.IsDeterminer(before) || before is "we" or "We" or "us" or "you" or "You" or "ye";
        }

        /// <summary>
        /// A capitalized plural the document writes after a preposition of place and <c>the</c> (<c>in the Carpathians</c>,
        /// <c>down the Thames</c>) is a range, river or district: no people.
        /// </summary>
        private bool WrittenAsPlace(ReadOnlySpan<char> word)
        {
            if (_placePlurals is null)
            {
                _placePlurals = new HashSet<string>(StringComparer.Ordinal);
                for (int i = 2; i < input.Count; i++)
                {
                    if (IsCapitalized(Word(i)) && NameWords.IsArticle(Word(i - 1)) && IsPlacePreposition(Word(i - 2)) && SameSentence(i - 2, i)) _placePlurals.Add(WordAt(i));
                }
            }
            return _placePlurals.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
        }

        private HashSet<string>? _placePlurals;

        private static bool IsPlacePreposition(ReadOnlySpan<char> word) =>
            word is "in" or "In" or "into" or "across" or "Across" or "over" or "beyond" or "through" or "along" or "under" or "down" or "up"
                or "near" or "throughout" or "within" or "inside";

        private HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonNameWords()
        {
            var words = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in _candidates)
            {
                if (c.Type != EntityType.Person) continue;
                for (int k = c.First; k < c.End; k++) words.Add(WordAt(k));
            }
            return words.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        private bool IsPeoplePlural(int i)
        {
            var word = Word(i);
            if (word.Length < 5 || !word.EndsWith('s') || word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal)) return false;
            if (input.SentenceStarts[i] || i == 0 || !NameWords.IsDeterminer(Word(i - 1))) return false;
            if (TitleLexicon.IsTitleWord(word) || gazetteer.TryGetPlace(word, out _)) return false;
            // A common noun capitalized as a name (the Tombs, the Allies, the Fates) is no people; demonyms are found apart.
            if (features?.IsCommonWord(word) == true) return false;
            if (i + 1 < input.Count && !input.SentenceStarts[i + 1] && IsCapitalized(Word(i + 1))) return false;
            foreach (char c in word[1..])
            {
                if (!char.IsLower(c)) return false;
            }
            return true;
        }

        private bool IsNounUse(int i) => IsPeopleNoun(input, i);

        /// <summary>Role nouns used as names: <c>the Secretary</c>, <c>the Ambassador</c>, <c>the Secretary of State</c>.</summary>
        public void FindRoleNouns()
        {
            for (int i = 1; i < input.Count; i++)
            {
                var word = Word(i);
                if (!IsCapitalized(word) || !TitleLexicon.IsHeadTitle(word) || word.EndsWith('.')) continue;
                if (!NameWords.IsArticle(Word(i - 1)) || !SameSentence(i - 1, i)) continue;
                // An office inside another's role (an adviser to the President) names someone else, unresolved by that role.
                if (_candidates.Any(c => i >= c.First && i < c.End || c.RoleStartToken >= 0 && i >= c.RoleStartToken && i < c.First || i >= c.RoleAfterHeadEnd && i < c.RoleAfterEnd)) continue;
                int end = i + 1;
                if (end + 1 < input.Count && Word(end) is "of" && IsCapitalized(Word(end + 1)) && SameSentence(i, end + 1))
                {
                    end += 2;
                    while (end < input.Count && SameSentence(i, end) && IsCapitalized(Word(end)) && IsWord(Word(end))) end++;
                }
                if (end < input.Count && SameSentence(i, end) && IsCapitalized(Word(end)) && IsWord(Word(end))) continue;
                _candidates.Add(new Candidate { First = i, End = end, Type = EntityType.Person, RoleNoun = true, Key = "role:" + TextOf(i, end), Source = "role-nouns" });
            }
            FindLowerCaseRoleNouns();
        }

        /// <summary>
        /// Lower-case role nouns (<c>the foreign minister said</c>) where a person of the document holds a role written
        /// with all their words in lower case (<c>Harmon, the foreign minister of Norway,</c>): kept in <see cref="Cluster"/>
        /// only if they resolve.
        /// </summary>
        private void FindLowerCaseRoleNouns()
        {
            // Only roles the document writes in lower case: after Prince Rudolf, the prince of a novel is a noun phrase for coreference.
            var roleWords = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in _candidates)
            {
                if (c.Role is { } role && !c.RoleNoun) roleWords.UnionWith(role.Split(' '));
            }
            if (roleWords.Count == 0) return;
            for (int i = 1; i < input.Count; i++)
            {
                var word = Word(i);
                if (!IsWord(word) || IsCapitalized(word) || !TitleLexicon.IsOffice(word) || !roleWords.Contains(word.ToString())) continue;
                if (i + 1 < input.Count && SameSentence(i, i + 1) && IsWord(Word(i + 1)) && !NameWords.IsFunctionWord(Word(i + 1))) continue; // the minister's staff, the ambassador designate
                if (i + 1 < input.Count && Word(i + 1) is "'s" or "’s" or "s") continue;
                int first = i;
                while (first - 1 >= 0 && i - first < 3 && SameSentence(first - 1, i) && IsWord(Word(first - 1)) && !IsCapitalized(Word(first - 1))
                       && !NameWords.IsArticle(Word(first - 1)) && roleWords.Contains(WordAt(first - 1)))
                    first--;
                if (first == 0 || !NameWords.IsArticle(Word(first - 1)) || !SameSentence(first - 1, i)) continue;
                if (_candidates.Any(c => first < c.End && i >= c.First || c.RoleStartToken >= 0 && i >= c.RoleStartToken && i < c.First || i >= c.RoleAfterStart && i < c.RoleAfterEnd)) continue;
                _candidates.Add(new Candidate { First = first, End = i + 1, Type = EntityType.Person, RoleNoun = true, LowerCase = true, Key = "role:" + TextOf(first, i + 1).ToLowerInvariant(), Source = "role-nouns" });
            }
        }

        public void RemoveOverlaps()
        {
            // An abbreviated title alone (Mr., Gen.) names no one: what it titled was not found.
            _candidates.RemoveAll(c => !c.RoleNoun && c.End - c.First == 1 && Word(c.First) is { Length: > 1 } word && word[^1] == '.' && TitleLexicon.IsTitleWord(word));
            // A word of a person's title phrase (Secretary of State Harmon) is part of the role, unless a rule or the gazetteer vouches for it as a name of its own.
            var roles = _candidates.Where(c => c.RoleStartToken >= 0 && c.RoleStartToken < c.First).Select(c => (c.RoleStartToken, c.First)).ToList();
            if (roles.Count > 0)
                _candidates.RemoveAll(c => !c.RoleNoun && !c.Confident && c.Type != EntityType.Group && roles.Any(r => c.First >= r.RoleStartToken && c.End <= r.First) && !TryGazetteer(c.First, c.End, out _));
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

        public void Cluster(bool voteTypes = true)
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
                var type = byKey.GroupBy(c => c.Type).OrderByDescending(g => g.Sum(c => c.Confident ? 3 : 1)).ThenBy(g => g.Min(c => c.Order)).First().Key;
                Candidate? firstOfKey = null;
                foreach (var c in byKey)
                {
                    if (voteTypes && c.Type != type) (c.Type, c.Source) = (type, c.Source + "/vote");
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
            var parts = new Dictionary<Candidate, (string[] Given, string Surname)>(people.Count);
            var givenByCluster = new Dictionary<int, List<string[]>>();
            var bySurname = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
            foreach (var person in people)
            {
                var nameParts = parts[person] = NameParts(person);
                int root = Find(person.Order);
                if (!givenByCluster.TryGetValue(root, out var givens)) givenByCluster[root] = givens = [];
                givens.Add(nameParts.Given);
            }
            foreach (var person in people)
            {
                var (given, surname) = parts[person];
                if (!bySurname.TryGetValue(surname, out var earlier)) bySurname[surname] = earlier = [];
                Candidate? match = null;
                foreach (var other in earlier)
                {
                    int otherRoot = Find(other.Order);
                    if (otherRoot == Find(person.Order) || !GivenCompatible(given, parts[other].Given)) continue;
                    bool clusterCompatible = true;
                    foreach (var otherGiven in givenByCluster[otherRoot]) clusterCompatible &= GivenCompatible(given, otherGiven);
                    if (clusterCompatible) match = other;
                }
                earlier.Add(person);
                if (match is null) continue;
                int a = Find(match.Order), b = Find(person.Order);
                Union(a, b);
                int merged = Find(a);
                var list = givenByCluster[a];
                if (a != b) list.AddRange(givenByCluster[b]);
                givenByCluster.Remove(a);
                givenByCluster.Remove(b);
                givenByCluster[merged] = list;
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
                var words = roleNoun.LowerCase ? TextOf(roleNoun.First, roleNoun.End).Split(' ') : [head];
                var holder = _candidates.Where(c => c.Type == EntityType.Person && !c.RoleNoun && c.Role is { } r && HoldsRole(r, words))
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
            var named = _candidates.Where(c => !c.RoleNoun).Select(c => c.Cluster).ToHashSet();
            _candidates.RemoveAll(c => c.LowerCase && !named.Contains(c.Cluster));
        }

        private static bool HoldsRole(string role, string[] words)
        {
            var roleWords = role.Split(' ');
            foreach (var word in words)
            {
                if (!roleWords.Contains(word, StringComparer.Ordinal)) return false;
            }
            return true;
        }

        private bool TryAliasAfter(Candidate name, out Candidate alias)
        {
            alias = null!;
            int i = name.End;
            if (i >= input.Count || Word(i) is not ("(" or "[")) return false;
            string close = Word(i) is "(" ? ")" : "]";
            int j = i + 1;
            bool introduced = false, renamed = false;
            while (j < input.Count && Word(j) is "sic" or "also" or "now" or "formerly" or "today" or "or" or "i.e." or "alias" or "later" or "called" or "modern" or "," or ":")
            {
                introduced |= Word(j) is not ("," or ":");
                renamed |= Word(j) is "now" or "formerly" or "today" or "modern";
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
            if (end >= input.Count || !Word(end).SequenceEqual(close)) return false;
            // "X (now Y)" renames a place.
            if (renamed && name.Type == EntityType.Person && name.Role is null) (name.Type, name.Confident) = (EntityType.Place, true);
            if (existing is not null)
            {
                if (existing.Type != name.Type && !introduced) return false;
                if (renamed) (existing.Type, existing.Confident) = (name.Type, true);
                alias = existing;
                return true;
            }
            if (!introduced && name.Type == EntityType.Person) return false;
            alias = new Candidate { First = j, End = end, Type = name.Type, Order = -1, Confident = name.Confident, Source = "alias" };
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
            var sources = ImmutableArray.CreateBuilder<string>();
            var entities = ImmutableArray.CreateBuilder<Entity>();
            foreach (var cluster in clusters)
            {
                var members = cluster.OrderBy(c => input.Tokens[c.First].Start).ToList();
                var type = members.Any(m => m.Type == EntityType.Group) ? EntityType.Group
                    : members.GroupBy(m => m.Type).OrderByDescending(g => g.Count(m => !m.RoleNoun)).First().Key;
                // A "person" with no mark of one (title, initial, given name) but another name the gazetteer
                // knows as a sizeable place is that place (Königsberg [sic, also Kaliningrad]).
                if (type == EntityType.Person && members.Select(m => m.Key).Distinct(StringComparer.Ordinal).Count() > 1 && members.All(m => m.Role is null && !m.RoleNoun && m.End - m.First == 1)
                    && members.Any(m => TryGazetteer(m.First, m.End, out var e) && (e.Kind != GazetteerKind.Place || e.Population >= 100_000)))
                    type = EntityType.Place;
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
                foreach (var m in members)
                {
                    mentions.Add(new Mention(SpanOf(m.First, m.End), type, id));
                    sources.Add(m.Type == type ? m.Source : m.Source + "/cluster");
                }
                entities.Add(new Entity(spans[0], id, type, name, aliases, roles, spans, place));
            }
            return new RecognitionResult(mentions.ToImmutable(), entities.ToImmutable(), sources.ToImmutable());
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
            foreach (char c in name)
            {
                if (char.IsLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
                else if ((c == ' ' || c == '-' || c == '.') && builder.Length > 0 && builder[^1] != '-') builder.Append('-');
            }
            while (builder.Length > 0 && builder[^1] == '-') builder.Length--;
            return builder.Length == 0 ? "entity" : builder.ToString();
        }
    }
}
