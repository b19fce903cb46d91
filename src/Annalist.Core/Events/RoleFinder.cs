using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Discourse;
using Annalist.Core.Entities;
using Annalist.Core.Text;

namespace Annalist.Core.Events;

/// <summary>
/// Fills the roles of a frame from the dependency tree: subjects, objects and obliques by their
/// preposition, each resolved to entities through the mentions under it; first-person pronouns in a turn
/// to its speakers and <c>you</c> to the other party. Decides, too, when a trigger states no event
/// (a conditional, a light verb, a phrase referring back, generic advice).
/// </summary>
internal sealed class RoleFinder
{
    private const int MaxDepth = 6;

    private static readonly string[] From = ["from"];
    private static readonly string[] ToFor = ["to", "for", "toward", "towards"];
    private static readonly string[] AtIn = ["at", "in", "into", "to", "for"];
    private static readonly string[] PlacePrepositions = ["in", "at", "inside", "near"];
    private static readonly string[] With = ["with", "between", "among"];
    private static readonly string[] Recipient = ["to", "into"];
    private static readonly string[] Beneficiary = ["for"];
    private static readonly string[] ProposerPrepositions = ["of", "by", "from"];
    private static readonly string[] AddresseePrepositions = ["of", "from"];
    private static readonly string[] ComplaintTarget = ["about", "of", "against", "over"];
    private static readonly string[] Conditional = ["if", "unless", "whether"];
    private static readonly string[] MannerPrepositions = ["at", "upon", "by"];

    /// <summary>Roles that can never share a filler: who asks and who is asked, who gives and who receives.</summary>
    private static readonly (string Acting, string Receiving)[] Opposites =
        [("requester", "addressee"), ("granter", "recipient"), ("giver", "recipient"), ("authorizer", "recipient"), ("committer", "beneficiary"),
         ("approver", "proposer"), ("complainant", "target"), ("host", "guest"), ("appointer", "appointee")];

    private readonly ClauseTree? _tree;
    private readonly Layer<Turn>? _turns;

    public RoleFinder(ClauseTree? tree, Layer<Turn>? turns)
    {
        _tree = tree;
        _turns = turns;
    }

    private enum Want : byte { Agent, Person, Place, Any }

    /// <summary>False when the trigger at <paramref name="token"/> names no event of its own.</summary>
    public bool StatesEvent(int token, string type)
    {
        var tree = _tree!;
        // A trigger word inside a name (the Ministry of Supply, the Treaty Office) names no event.
        if (tree.IsMention(token)) return false;
        int clause = ClauseHead(token);
        // "At his own request", "upon their approval": the noun says how something else came about.
        if (IsNominal(token) && type is "request" or "approval" or "agreement" && tree.HasCase(token, MannerPrepositions)) return false;
        // A hypothetical (if one provides weapons …) is no event; the conditional request is found apart.
        if (tree.HasCase(clause, Conditional) || (clause != token && tree.HasCase(token, Conditional))) return false;
        if (type is "transfer" or "grant" or "commitment")
        {
            int obj = tree.Child(token, "obj");
            if (obj >= 0 && EventLexicon.LightObjectLookup.Contains(Lower(tree, obj))) return false;
        }
        if (IsNominal(token))
        {
            // The transfer of these weapons refers back to a transfer already stated.
            for (int c = tree.FirstChild(token); c >= 0; c = tree.NextSibling(c))
            {
                if (tree.RelationIs(c, "det") && EventLexicon.DemonstrativeLookup.Contains(Lower(tree, c))) return false;
                if (tree.RelationStarts(c, "nmod"))
                {
                    int det = tree.Child(c, "det");
                    if (det >= 0 && EventLexicon.DemonstrativeLookup.Contains(Lower(tree, det))) return false;
                }
            }
        }
        // "Promised to send rifles", "asked to supply trucks": the giving is what is promised or asked, no event of its own.
        if (type == "transfer" && tree.RelationIs(token, "xcomp") && tree.Head(token) is int governor and >= 0
            && (IsTrigger(tree, governor, "commitment") || IsTrigger(tree, governor, "request") || IsTrigger(tree, governor, "refusal"))) return false;
        // "One needs to give …": advice in general terms, nobody's act.
        if (tree.RelationIs(token, "xcomp"))
        {
            int head = tree.Head(token);
            if (head >= 0 && EventLexicon.DutyVerbLookup.Contains(Lower(tree, head)))
            {
                int subject = tree.Child(head, "nsubj");
                if (subject >= 0 && tree.WordIs(subject, "one")) return false;
            }
        }
        return true;
    }

    /// <summary>The evidence: the clause of the trigger, or of the verb that governs a nominal trigger or orders the act.</summary>
    public TextSpan Evidence(EventDraft draft, int first, int end)
    {
        var tree = _tree!;
        int token = draft.TriggerToken;
        int clause = ClauseHead(token);
        int head = OrderingVerb(clause) is int order and >= 0 ? order : clause;
        string type = draft.Type;
        return tree.ClauseSpan(head, token, (t, k) =>
        {
            if (k == token || k == clause) return false;
            if (t.RelationStarts(k, "parataxis") || t.RelationStarts(k, "advcl") || t.RelationStarts(k, "discourse")) return true;
            if (t.RelationIs(k, "cc")) return t.Head(k) == head;
            // Coordinated clauses are other events; coordinated nouns (Stalin and Molotov, rifles and bullets) belong to this one.
            if (t.RelationIs(k, "conj") && (t.Head(k) == head || t.Head(k) == token)) return !(type == "travel" && IsTrigger(t, k, "travel"));
            if (t.RelationStarts(k, "punct")) return t.Head(k) != head && !t.IsUnder(t.Head(k), head);
            return false;
        }, first, end);
    }

    public void FillConditionalRequest(EventDraft draft)
    {
        int turn = TurnAt(draft.Trigger.Start);
        if (turn < 0) return;
        draft.Speakers = _turns![turn].Speakers;
        draft.Add("requester", _turns[turn].Speakers);
        draft.Add("addressee", OtherParty(turn, preferNext: true));
    }

    public void Fill(EventDraft draft)
    {
        int turn = TurnAt(draft.Trigger.Start);
        if (turn >= 0) draft.Speakers = _turns![turn].Speakers;
        if (_tree is null) return;
        var tree = _tree;
        int t = draft.TriggerToken;
        int verb = IsNominal(t) && tree.Head(t) >= 0 ? tree.Head(t) : t;
        switch (draft.Type)
        {
            case "travel":
                draft.Add("traveler", Agents(t, turn));
                for (int leg = t; leg >= 0; leg = NextConjunct(leg, "travel"))
                {
                    bool arrival = EventLexicon.ArrivalLookup.Contains(Lower(tree, leg));
                    for (int c = tree.FirstChild(leg); c >= 0; c = tree.NextSibling(c))
                    {
                        if (tree.RelationIs(c, "obj")) draft.Add(arrival ? "destination" : "origin", Entities(c, Want.Place, turn));
                        else if (!IsOblique(c)) continue;
                        else if (tree.HasCase(c, From)) draft.Add("origin", Entities(c, Want.Place, turn));
                        else if (tree.HasCase(c, arrival ? AtIn : ToFor)) draft.Add("destination", Entities(c, Want.Place, turn));
                    }
                }
                break;
            case "meeting":
                draft.Add("participants", Agents(verb, turn));
                draft.Add("participants", Obliques(t, With, Want.Agent, turn));
                if (verb != t) draft.Add("participants", Obliques(verb, With, Want.Agent, turn));
                else if (tree.Child(t, "obj") is int met and >= 0) draft.Add("participants", Entities(met, Want.Agent, turn));
                draft.Add("place", Places(verb, turn));
                break;
            case "meal":
                if (verb != t && EventLexicon.HostVerbLookup.Contains(Lower(tree, verb))) draft.Add("host", Agents(verb, turn));
                else draft.Add("attendees", Agents(verb, turn));
                draft.Add("guest", Obliques(t, Beneficiary, Want.Person, turn));
                if (verb != t) draft.Add("guest", Obliques(verb, Beneficiary, Want.Person, turn));
                draft.Add("attendees", Obliques(t, With, Want.Person, turn));
                draft.Add("place", Places(verb, turn));
                break;
            case "transfer":
            case "grant":
            case "commitment":
                FillGiving(draft, t, verb, turn);
                break;
            case "request":
                draft.Add("requester", Agents(verb, turn));
                if (tree.Child(verb, "iobj") is int askedOf and >= 0) draft.Add("addressee", Entities(askedOf, Want.Agent, turn));
                if (tree.Child(verb, "obj") is int asked and >= 0 && tree.IsMention(asked)) draft.Add("addressee", Entities(asked, Want.Agent, turn));
                draft.Add("addressee", Obliques(verb, AddresseePrepositions, Want.Agent, turn));
                if (!draft.HasRole("addressee") && turn >= 0) draft.Add("addressee", OtherParty(turn, preferNext: true));
                break;
            case "refusal":
                draft.Add("refuser", Agents(verb, turn));
                break;
            case "approval":
                draft.Add("approver", Agents(verb, turn));
                if (tree.Child(verb, "obj") is int proposal and >= 0 && EventLexicon.ProposalNounLookup.Contains(Lower(tree, proposal)))
                {
                    for (int c = tree.FirstChild(proposal); c >= 0; c = tree.NextSibling(c))
                    {
                        if (tree.RelationIs(c, "nmod:poss") || (tree.RelationStarts(c, "nmod") && tree.HasCase(c, ProposerPrepositions)))
                            draft.Add("proposer", Entities(c, Want.Agent, turn));
                    }
                    draft.Answers = tree.ClauseSpan(proposal, proposal, (tr, k) => tr.RelationStarts(k, "punct") && tr.Head(k) == proposal, 0, tree.Count);
                }
                break;
            case "complaint":
                draft.Add("complainant", Agents(verb, turn));
                if (tree.Child(verb, "ccomp") is int content and >= 0 && tree.Child(content, "nsubj") is int about and >= 0)
                    draft.Add("target", Entities(about, Want.Agent, turn));
                draft.Add("target", Obliques(verb, ComplaintTarget, Want.Agent, turn));
                break;
            case "delivery":
                draft.Add("recipient", Obliques(verb, Recipient, Want.Agent, turn));
                break;
            case "appointment":
                draft.Add("appointer", Agents(verb, turn));
                if (tree.Child(verb, "obj") is int appointee and >= 0) draft.Add("appointee", Entities(appointee, Want.Person, turn));
                if (tree.Child(verb, "nsubj:pass") is int named and >= 0) draft.Add("appointee", Entities(named, Want.Person, turn));
                break;
            case "agreement":
                draft.Add("parties", Agents(verb, turn));
                draft.Add("parties", Obliques(verb, With, Want.Agent, turn));
                break;
        }
    }

    /// <summary>Drops from a receiving role whoever already acts in the frame (a request is not addressed to its requester).</summary>
    public static void SeparateOpposites(EventDraft draft)
    {
        foreach (var (acting, receiving) in Opposites)
        {
            if (draft.Role(acting) is { Count: > 0 } actors && draft.Role(receiving) is { } receivers) receivers.RemoveAll(actors.Contains);
        }
    }

    private void FillGiving(EventDraft draft, int t, int verb, int turn)
    {
        var tree = _tree!;
        string giver = draft.Type switch { "grant" => "granter", "commitment" => "committer", _ => "giver" };
        string receiver = draft.Type == "commitment" ? "beneficiary" : "recipient";
        int order = OrderingVerb(t);
        if (draft.Type == "transfer" && order >= 0)
        {
            draft.Add("authorizer", Agents(order, turn));
            if (tree.Child(order, "obj") is int executor and >= 0) draft.Add("executor", Entities(executor, Want.Agent, turn));
        }
        else if (tree.Child(verb, "nsubj:pass") is >= 0 && Agents(verb, turn).Count == 0)
        {
            // "The instructors will be provided": said in a turn, the promise or grant is the speaker's.
            if (draft.Type != "transfer" && turn >= 0) draft.Add(giver, _turns![turn].Speakers);
            draft.Add(giver, Obliques(verb, ["by"], Want.Agent, turn));
        }
        else draft.Add(giver, Agents(verb, turn));
        if (tree.Child(verb, "iobj") is int indirect and >= 0) draft.Add(receiver, Entities(indirect, Want.Agent, turn));
        draft.Add(receiver, Obliques(verb, Recipient, Want.Agent, turn));
        if (tree.Child(verb, "xcomp") is int act and >= 0 && IsTrigger(tree, act, "transfer"))
        {
            if (tree.Child(act, "iobj") is int actIndirect and >= 0) draft.Add(receiver, Entities(actIndirect, Want.Agent, turn));
            draft.Add(receiver, Obliques(act, Recipient, Want.Agent, turn));
            draft.Add("beneficiary", Obliques(act, Beneficiary, Want.Agent, turn));
        }
        draft.Add(draft.Type == "commitment" ? "beneficiary" : "beneficiary", Obliques(verb, Beneficiary, Want.Agent, turn));
        if (draft.Type == "commitment") draft.Add("source", Obliques(verb, From, Want.Any, turn));
        if (draft.Type == "grant" && !draft.HasRole("recipient") && turn >= 0) draft.Add("recipient", OtherParty(turn, preferNext: false));
    }

    /// <summary>The verb that orders the act of <paramref name="verb"/> (<c>instructed them to transfer</c>), or -1.</summary>
    private int OrderingVerb(int verb)
    {
        var tree = _tree!;
        if (!(tree.RelationIs(verb, "xcomp") || tree.RelationStarts(verb, "advcl") || tree.RelationIs(verb, "ccomp"))) return -1;
        int head = tree.Head(verb);
        return head >= 0 && EventLexicon.OrderVerbLookup.Contains(Lower(tree, head)) ? head : -1;
    }

    /// <summary>After a meeting or meal, a sentence saying who was present names its further attendees.</summary>
    public void AddAttendees(List<EventDraft> drafts, int before, int sentence, int first, int end, int window)
    {
        var tree = _tree!;
        bool present = false;
        for (int k = first; k < end && !present; k++) present = tree.WordIs(k, "present") || tree.WordIs(k, "attended");
        if (!present) return;
        for (int d = before - 1; d >= 0 && drafts[d].Sentence >= sentence - window; d--)
        {
            var draft = drafts[d];
            if (draft.Type is not ("meal" or "meeting")) continue;
            string role = draft.Type == "meal" ? "attendees" : "participants";
            var already = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (_, entities) in draft.Roles) already.UnionWith(entities);
            var found = new List<string>();
            for (int k = first; k < end; k++)
            {
                if (tree.IsMention(k) && tree.MentionAt(k).Type == EntityType.Person && !already.Contains(tree.MentionAt(k).EntityId)) found.Add(tree.MentionAt(k).EntityId);
            }
            draft.Add(role, found);
            return;
        }
    }

    private List<string> Agents(int verb, int turn, int depth = 0)
    {
        var tree = _tree!;
        var result = new List<string>();
        if (verb < 0 || depth > MaxDepth) return result;
        int subject = tree.Child(verb, "nsubj");
        if (subject >= 0 && !tree.RelationIs(subject, "nsubj:pass"))
        {
            result.AddRange(Entities(subject, Want.Agent, turn));
            return result;
        }
        if (tree.Child(verb, "nsubj:pass") >= 0) return result;
        int head = tree.Head(verb);
        if (head >= 0 && tree.RelationIs(verb, "xcomp"))
        {
            int controller = tree.Child(head, "obj");
            if (controller >= 0 && tree.IsMention(controller)) return Entities(controller, Want.Agent, turn);
            return Agents(head, turn, depth + 1);
        }
        if (head >= 0 && (tree.RelationIs(verb, "conj") || tree.RelationStarts(verb, "advcl") || tree.RelationStarts(verb, "acl") || tree.RelationStarts(verb, "obj")))
            return Agents(head, turn, depth + 1);
        // "Having approved the plan, the minister left": the participle's subject is the main clause's.
        for (int c = tree.FirstChild(verb); c >= 0; c = tree.NextSibling(c))
        {
            if ((tree.RelationStarts(c, "parataxis") || tree.RelationIs(c, "conj")) && c > verb && tree.Child(c, "nsubj") is int main and >= 0)
                return Entities(main, Want.Agent, turn);
        }
        return result;
    }

    private List<string> Obliques(int token, ReadOnlySpan<string> prepositions, Want want, int turn)
    {
        var tree = _tree!;
        var result = new List<string>();
        for (int c = tree.FirstChild(token); c >= 0; c = tree.NextSibling(c))
        {
            if (IsOblique(c) && tree.HasCase(c, prepositions)) result.AddRange(Entities(c, want, turn));
        }
        return result;
    }

    /// <summary>Places under an <c>in</c> or <c>at</c> phrase anywhere in the clause (<c>a dinner for X at the embassy</c>).</summary>
    private List<string> Places(int head, int turn)
    {
        var tree = _tree!;
        var result = new List<string>();
        CollectPlaces(head, head, result, turn, 0);
        return result;
    }

    private void CollectPlaces(int token, int head, List<string> into, int turn, int depth)
    {
        var tree = _tree!;
        if (depth > MaxDepth) return;
        for (int c = tree.FirstChild(token); c >= 0; c = tree.NextSibling(c))
        {
            if (tree.RelationStarts(c, "advcl") || tree.RelationStarts(c, "parataxis") || tree.RelationStarts(c, "ccomp") || tree.RelationIs(c, "conj") && token == head) continue;
            if (IsOblique(c) && tree.HasCase(c, PlacePrepositions)) into.AddRange(Entities(c, Want.Place, turn));
            else CollectPlaces(c, head, into, turn, depth + 1);
        }
    }

    /// <summary>The entities a phrase names: its own mention and its conjuncts', else the mentions under it.</summary>
    private List<string> Entities(int token, Want want, int turn)
    {
        var result = new List<string>();
        CollectEntities(token, want, turn, result, 0);
        return result;
    }

    private void CollectEntities(int token, Want want, int turn, List<string> into, int depth)
    {
        var tree = _tree!;
        if (depth > MaxDepth) return;
        if (tree.IsMention(token) && (Accepts(want, tree.MentionAt(token).Type) || want != Want.Place))
        {
            var mention = tree.MentionAt(token);
            if (Accepts(want, mention.Type)) into.Add(mention.EntityId);
        }
        else if (want != Want.Place && Pronoun(token, turn) is { } resolved) into.AddRange(resolved);
        else
        {
            var under = new List<string>();
            CollectUnder(token, want, under, 0, personsOnly: false);
            if (want == Want.Agent && under.Count > 1)
            {
                var persons = new List<string>();
                CollectUnder(token, want, persons, 0, personsOnly: true);
                if (persons.Count > 0) under = persons;
            }
            into.AddRange(under);
        }
        for (int c = tree.FirstChild(token); c >= 0; c = tree.NextSibling(c))
        {
            if (tree.RelationIs(c, "conj")) CollectEntities(c, want, turn, into, depth + 1);
        }
    }

    private void CollectUnder(int token, Want want, List<string> into, int depth, bool personsOnly)
    {
        var tree = _tree!;
        if (depth > MaxDepth) return;
        for (int c = tree.FirstChild(token); c >= 0; c = tree.NextSibling(c))
        {
            if (tree.RelationIs(c, "conj") && depth == 0) continue;
            if (tree.RelationStarts(c, "acl") || tree.RelationStarts(c, "advcl") || tree.RelationStarts(c, "ccomp") || tree.RelationStarts(c, "parataxis")) continue;
            if (tree.IsMention(c))
            {
                var mention = tree.MentionAt(c);
                if (Accepts(want, mention.Type) && (!personsOnly || mention.Type == EntityType.Person) && !into.Contains(mention.EntityId)) into.Add(mention.EntityId);
            }
            CollectUnder(c, want, into, depth + 1, personsOnly);
        }
    }

    private static bool Accepts(Want want, EntityType type) => want switch
    {
        Want.Person => type == EntityType.Person,
        Want.Place => type == EntityType.Place,
        Want.Agent => type is EntityType.Person or EntityType.Organization or EntityType.Group,
        _ => true,
    };

    /// <summary>What a pronoun stands for, where the text says it plainly; null when it is no pronoun or cannot be resolved.</summary>
    private List<string>? Pronoun(int token, int turn)
    {
        var tree = _tree!;
        var word = tree.Word(token);
        if (word.Length > 6) return null;
        string lower = Lower(tree, token);
        switch (lower)
        {
            case "i" or "me" or "we" or "us" or "my" or "our":
                return turn >= 0 ? [.. _turns![turn].Speakers] : [];
            case "you" or "your":
                if (turn < 0) return [];
                return _turns![turn].Addressees.Length > 0 ? [.. _turns[turn].Addressees] : OtherParty(turn, preferNext: true);
            case "them" or "they":
                return Antecedents(token);
            case "he" or "him" or "she" or "her" or "it" or "one" or "this" or "that" or "who" or "which":
                return [];
            default:
                return null;
        }
    }

    /// <summary>The people a plural pronoun takes up: the nearest coordination of two or more persons before it in its sentence.</summary>
    private List<string> Antecedents(int pronoun)
    {
        var tree = _tree!;
        for (int k = pronoun - 1; k >= 0 && k >= pronoun - 60; k--)
        {
            if (tree.Head(k) < 0 && k < pronoun - 1) break;
            if (!tree.IsMention(k) || tree.Child(k, "conj") < 0) continue;
            var group = new List<string>();
            CollectEntities(k, Want.Person, -1, group, 0);
            if (group.Distinct(StringComparer.Ordinal).Count() >= 2) return group;
        }
        return [];
    }

    private int NextConjunct(int token, string type)
    {
        var tree = _tree!;
        for (int c = tree.FirstChild(token); c >= 0; c = tree.NextSibling(c))
        {
            if (tree.RelationIs(c, "conj") && IsTrigger(tree, c, type)) return c;
        }
        return -1;
    }

    private static bool IsTrigger(ClauseTree tree, int token, string type)
    {
        Span<char> buffer = stackalloc char[32];
        return EventLexicon.TriggerLookup.TryGetValue(EventAnnotator.Normalize(tree.Word(token), buffer), out string? found) && found == type;
    }

    /// <summary>The clause a trigger belongs to: itself when a verb, the verb governing it when a noun (<c>hosted a meal</c>).</summary>
    private int ClauseHead(int token)
    {
        var tree = _tree!;
        return IsNominal(token) && tree.Head(token) >= 0 ? tree.Head(token) : token;
    }

    private bool IsNominal(int token)
    {
        var tree = _tree!;
        return tree.RelationStarts(token, "obj") || tree.RelationStarts(token, "nsubj") || tree.RelationStarts(token, "obl")
            || tree.RelationStarts(token, "nmod") || tree.RelationIs(token, "iobj") || tree.RelationIs(token, "appos") || tree.RelationIs(token, "compound");
    }

    private bool IsOblique(int token)
    {
        var tree = _tree!;
        return tree.RelationStarts(token, "obl") || (tree.RelationStarts(token, "nmod") && !tree.RelationIs(token, "nmod:poss"));
    }

    private int TurnAt(int offset)
    {
        if (_turns is null) return -1;
        int found = -1;
        for (int t = 0; t < _turns.Count && _turns[t].Span.Start <= offset; t++)
        {
            if (_turns[t].Span.Contains(offset)) found = t;
        }
        return found;
    }

    /// <summary>Who a speaker addresses: the nearest turn of someone else, the next one first for what expects an answer.</summary>
    private List<string> OtherParty(int turn, bool preferNext)
    {
        var speakers = _turns![turn].Speakers;
        int previous = -1, next = -1;
        for (int t = turn - 1; t >= 0; t--)
        {
            if (IsOtherDirect(t, speakers)) { previous = t; break; }
        }
        for (int t = turn + 1; t < _turns.Count; t++)
        {
            if (IsOtherDirect(t, speakers)) { next = t; break; }
        }
        int chosen = preferNext ? (next >= 0 ? next : previous) : (previous >= 0 ? previous : next);
        return chosen < 0 ? [] : [.. _turns[chosen].Speakers];
    }

    private bool IsOtherDirect(int turn, ImmutableArray<string> speakers)
    {
        var other = _turns![turn];
        if (other.Mode != TurnMode.Direct || other.Speakers.Length == 0) return false;
        foreach (string speaker in other.Speakers) if (speakers.Contains(speaker)) return false;
        return true;
    }

    private static string Lower(ClauseTree tree, int token)
    {
        Span<char> buffer = stackalloc char[32];
        return EventAnnotator.Normalize(tree.Word(token), buffer).ToString();
    }
}
