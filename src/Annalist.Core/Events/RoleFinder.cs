using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Discourse;
using Annalist.Core.Entities;
using Annalist.Core.Quantities;
using Annalist.Core.Text;
using Annalist.Core.Tokens;

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
    private static readonly string[] ForWithout = ["for", "without"];
    private static readonly string[] ForPreposition = ["for"];
    private static readonly string[] By = ["by"];
    private static readonly string[] Of = ["of"];
    private static readonly string[] VisitPrepositions = ["on", "upon"];

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
        // "provided that", "given the delays": a word used as a conjunction or preposition.
        if (tree.RelationIs(token, "mark") || tree.RelationIs(token, "case") || tree.RelationIs(token, "fixed") || tree.RelationIs(token, "cc")) return false;
        int clause = ClauseHead(token);
        // "At his own request", "upon their approval": the noun says how something else came about.
        if (IsNominal(token) && type is "request" or "approval" or "agreement" && tree.HasCase(token, MannerPrepositions)) return false;
        // A hypothetical (if one provides weapons …) is no event; the conditional request is found apart.
        if (tree.HasCase(clause, Conditional) || (clause != token && tree.HasCase(token, Conditional))) return false;
        if (type is "transfer" or "grant" or "commitment")
        {
            int obj = tree.Child(token, "obj");
            if (obj >= 0 && EventLexicon.LightObjectLookup.Contains(Lower(tree, obj))) return false;
            // "such advice was given": the light object as a passive subject.
            if (obj < 0 && tree.Child(token, "nsubj:pass") is int given and >= 0 && EventLexicon.LightObjectLookup.Contains(Lower(tree, given))) return false;
            // "offered a luncheon", "gave a dinner": hosting a meal, not a giving.
            if (obj >= 0 && IsTrigger(tree, obj, "meal")) return false;
            string verb = Lower(tree, token);
            // "the agreement provides for arbitration", "provided that …": stipulating, not giving.
            if (verb.StartsWith("provid", StringComparison.Ordinal) && (ObliqueToken(token, ForPreposition) >= 0 && obj < 0 || tree.Child(token, "mark") >= 0 && tree.RelationStarts(token, "advcl")
                || token + 1 < tree.Count && tree.WordIs(token + 1, "that"))) return false;
            // "would not release the message": publishing; only goods, counted things and people are released into someone's hands.
            if (verb.StartsWith("releas", StringComparison.Ordinal)
                && !(obj >= 0 && (IsGoods(obj) || tree.Child(obj, "nummod") >= 0 || EventLexicon.PersonnelLookup.Contains(Lower(tree, obj))
                    || tree.IsMention(obj) && tree.MentionAt(obj).Type == EntityType.Person || Lower(tree, obj) is "prisoners" or "airmen" or "hostages" or "detainees" or "internees"))
                && tree.Child(token, "nsubj:pass") is var passive && (passive < 0 || !IsGoods(passive) && tree.Child(passive, "nummod") < 0)) return false;
            // "the latest offer to the Dutch": an offer named as a thing is no offer made here.
            if (verb is "offer" or "offers" && IsNominal(token)) return false;
        }
        if (IsNominal(token))
        {
            // "waited for approval", "without the Minister's approval": what is awaited or lacking has not happened.
            if (tree.HasCase(token, ForWithout)) return false;
            // "under the existing agreement": the terms of something else.
            if (type == "agreement" && tree.HasCase(token, EventLexicon.TermsPrepositions)) return false;
        }
        // "We request them by April": a request whose object only points back restates one already made.
        if (type == "request" && !IsNominal(token) && tree.Child(token, "obj") is int restated and >= 0
            && Lower(tree, restated) is "them" or "it" or "these" or "those" or "this" && ObliqueToken(token, ForPreposition) < 0) return false;
        if (IsNominal(token))
        {
            // "consider his request", "declined the request": a request already made, taken up again.
            if (type == "request" && RefersBack(token)) return false;
            // "will not agree to their release": the giving is what is agreed, refused or asked, no event of its own.
            if (type is "transfer" or "delivery" && tree.Head(token) is int content and >= 0
                && (IsTrigger(tree, content, "agreement") || IsTrigger(tree, content, "refusal") || IsTrigger(tree, content, "request") || IsTrigger(tree, content, "commitment"))) return false;
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
        // "Promised to send rifles", "asked that the United States provide", "undertakes to deliver": the giving is what is
        // promised, asked or agreed, no event of its own.
        if (type is "transfer" or "delivery" or "commitment" && (tree.RelationIs(token, "xcomp") || tree.RelationIs(token, "ccomp")) && tree.Head(token) is int governor and >= 0
            && (IsTrigger(tree, governor, "commitment") || IsTrigger(tree, governor, "request") || IsTrigger(tree, governor, "refusal") || IsTrigger(tree, governor, "agreement"))
            && !(type == "commitment" && tree.RelationIs(token, "ccomp") && !IsTrigger(tree, governor, "request"))) return false;
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

    /// <summary>
    /// The frame type once the tree is known, or null for no event: arrival verbs whose subject is goods or a number are
    /// deliveries (<c>120 have arrived</c>); a visit to a place is travel; <c>received</c> is a meeting with a person and a
    /// delivery of goods; a <c>would</c> giving in reported speech is the speaker's promise (<c>said that they would provide</c>).
    /// </summary>
    public string? Refine(int token, string type, string? modality, TurnMode? mode)
    {
        var tree = _tree!;
        string word = Lower(tree, token);
        switch (type)
        {
            case "travel" when EventLexicon.ArrivalLookup.Contains(word) && SubjectOf(token) is int subject and >= 0 && IsGoods(subject):
                return "delivery";
            case "meeting" when word is "received" or "receives":
            {
                int obj = tree.Child(token, "obj");
                if (obj < 0) return null;
                if (IsGoods(obj)) return "delivery";
                return tree.IsMention(obj) && tree.MentionAt(obj).Type is EntityType.Person or EntityType.Organization or EntityType.Group
                    || Lower(tree, obj) is "him" or "her" or "them" or "me" or "us" ? "meeting" : null;
            }
            case "meeting" when word is "visit" or "visits" or "visited":
            {
                int obj = tree.Child(token, "obj");
                if (obj >= 0 && tree.IsMention(obj) && tree.MentionAt(obj).Type == EntityType.Place) return "travel";
                for (int c = tree.FirstChild(token); c >= 0; c = tree.NextSibling(c))
                {
                    if (IsOblique(c) && tree.HasCase(c, ToFor) && tree.IsMention(c) && tree.MentionAt(c).Type == EntityType.Place) return "travel";
                }
                return "meeting";
            }
            case "transfer" when modality is "would" && (mode == TurnMode.Reported || IsReported(token)):
                return "commitment";
        }
        return type;
    }

    /// <summary>
    /// The items once the tree is known: a number that is the subject counts the things the sentence named before it
    /// (<c>Of the 200 trucks …, 120 have arrived</c>: 120 trucks); a participle after its noun (<c>the 12 aircraft delivered by …</c>)
    /// moves that noun's quantity or goods.
    /// </summary>
    public List<EventItem> RefineItems(EventDraft draft, List<EventItem> items, Layer<Quantity> quantities, string text)
    {
        var tree = _tree!;
        int token = draft.TriggerToken;
        if (Partitive(draft, quantities, text) is { } partitive) return partitive;
        int subject = SubjectOf(token, passiveToo: true);
        if (subject >= 0 && tree.Kind(subject) == TokenKind.Number)
        {
            foreach (var quantity in quantities.Overlapping(tree.Span(subject)))
            {
                if (quantity.Kind != QuantityKind.Number) break;
                string named = text.Substring(quantity.Span.Start, quantity.Span.Length);
                foreach (var earlier in quantities.Within(new TextSpan(draft.SentenceSpan.Start, Math.Max(draft.SentenceSpan.Start, quantity.Span.Start))))
                {
                    if (earlier.Item is { } item) named = text.Substring(item.Start, item.Length);
                }
                return [new EventItem(quantity.Span, named, quantity.Value ?? quantity.Max)];
            }
        }
        if (items.Count > 0 || !tree.RelationStarts(token, "acl") || tree.Head(token) is not (int head and >= 0)) return items;
        var phrase = tree.PhraseSpan(head);
        var found = new List<EventItem>();
        foreach (var quantity in quantities.Overlapping(phrase))
        {
            if (quantity.Item is { } item) found.Add(new EventItem(item, text.Substring(item.Start, item.Length), quantity.Value ?? quantity.Max));
        }
        if (found.Count == 0 && (IsGoods(head) || EventLexicon.PersonnelLookup.Contains(Lower(tree, head))))
        {
            int from = head;
            while (from - 1 >= 0 && tree.Head(from - 1) == head && tree.RelationIs(from - 1, "compound")) from--;
            var span = new TextSpan(tree.Span(from).Start, tree.Span(head).End);
            found.Add(new EventItem(span, tree.TextOf(span), null));
        }
        return found;
    }

    /// <summary>
    /// A sentence opening with a partitive (<c>Of the 200 trucks promised …, 120 have arrived and a further 45 were shipped</c>):
    /// an event inside the opening phrase moves its quantity; one after its comma, the nearest bare number before the trigger,
    /// which counts the opening phrase's things. Null when the sentence has no such opening.
    /// </summary>
    private List<EventItem>? Partitive(EventDraft draft, Layer<Quantity> quantities, string text)
    {
        var tree = _tree!;
        int first = draft.TriggerToken;
        while (first > 0 && tree.Span(first - 1).Start >= draft.SentenceSpan.Start) first--;
        if (!tree.WordIs(first, "of")) return null;
        int comma = -1;
        for (int k = first + 1; k < draft.TriggerToken + 40 && k < tree.Count && tree.Span(k).End <= draft.SentenceSpan.End; k++)
        {
            if (tree.Kind(k) == TokenKind.Punctuation && tree.Word(k) is ",") { comma = k; break; }
        }
        if (comma < 0) return null;
        var opening = new TextSpan(tree.Span(first).Start, Math.Max(tree.Span(first).Start, tree.Span(comma).Start));
        Quantity? counted = null;
        foreach (var quantity in quantities.Within(opening))
        {
            if (quantity.Item is not null) { counted = quantity; break; }
        }
        if (counted is null) return null;
        string named = text.Substring(counted.Item!.Value.Start, counted.Item.Value.Length);
        if (draft.TriggerToken < comma) return [new EventItem(counted.Item.Value, named, counted.Value ?? counted.Max)];
        Quantity? nearest = null;
        foreach (var quantity in quantities.Within(new TextSpan(tree.Span(comma).End, Math.Max(tree.Span(comma).End, tree.Span(draft.TriggerToken).Start))))
        {
            if (quantity.Kind == QuantityKind.Number) nearest = quantity;
        }
        return nearest is null ? null : [new EventItem(nearest.Span, named, nearest.Value ?? nearest.Max)];
    }

    /// <summary>True when the subject of the trigger is negated by its determiner (<c>No spare engines have arrived</c>).</summary>
    public bool NegatedBySubject(int token)
    {
        var tree = _tree!;
        int subject = SubjectOf(token, passiveToo: true);
        if (subject < 0) return false;
        int det = tree.Child(subject, "det");
        return det >= 0 && tree.WordIs(det, "no") || tree.WordIs(subject, "nothing") || tree.WordIs(subject, "none") || tree.WordIs(subject, "nobody");
    }

    /// <summary>Goods rather than a traveller: a goods noun, a bare number standing for counted things, or a noun counted by a number that names no person.</summary>
    private bool IsGoods(int token)
    {
        var tree = _tree!;
        if (tree.IsMention(token)) return false;
        string word = Lower(tree, token);
        if (EventLexicon.GoodsLookup.Contains(word) || EventLexicon.ThingLookup.Contains(word)) return true;
        if (EventLexicon.PersonnelLookup.Contains(word)) return false;
        if (tree.Kind(token) == TokenKind.Number) return true;
        // "The remaining 35", "a further 45": a number heading the subject counts things already named.
        return tree.Child(token, "nummod") is int count and >= 0 && tree.Kind(count) == TokenKind.Number && !IsPersonNoun(word) && word.EndsWith('s')
            || word is "remaining" or "rest" or "remainder" or "balance";
    }

    private static bool IsPersonNoun(string word) => word is "men" or "people" or "persons" or "members" or "delegates" or "officials" or "soldiers" or "workers" or "students";

    /// <summary>A clause said by someone: the <c>that</c>-clause of a reporting verb.</summary>
    private bool IsReported(int token)
    {
        var tree = _tree!;
        for (int k = token, guard = 0; k >= 0 && guard < 4; k = tree.Head(k), guard++)
        {
            if (!tree.RelationIs(k, "ccomp") && !tree.RelationIs(k, "conj")) return false;
            int head = tree.Head(k);
            if (head >= 0 && EventLexicon.ReportingVerbLookup.Contains(Lower(tree, head))) return true;
        }
        return false;
    }

    /// <summary>A request noun with a definite or possessive determiner and no object of its own (<c>his request</c>, <c>the request</c>) refers back.</summary>
    private bool RefersBack(int token)
    {
        var tree = _tree!;
        bool definite = false;
        for (int c = tree.FirstChild(token); c >= 0; c = tree.NextSibling(c))
        {
            if (tree.RelationIs(c, "nmod:poss") || tree.RelationIs(c, "det") && Lower(tree, c) is "the" or "his" or "her" or "their" or "its" or "our" or "your" or "my") definite = true;
            if (tree.RelationStarts(c, "nmod") && tree.HasCase(c, ForPreposition)) return false;
        }
        return definite;
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
            // "handed over two captured depots", a participle the parser took for a second verb: with no "and" or comma before it, no clause of its own.
            if (t.RelationIs(k, "conj") && (t.Head(k) == head || t.Head(k) == token)) return !(type == "travel" && IsTrigger(t, k, "travel")) && IsCoordinated(t, k);
            if (t.RelationStarts(k, "punct")) return t.Head(k) != head && !t.IsUnder(t.Head(k), head);
            return false;
        }, first, end);
    }

    /// <summary>True when a conjunct has its coordinator or a comma before it.</summary>
    private static bool IsCoordinated(ClauseTree tree, int conjunct)
    {
        for (int c = tree.FirstChild(conjunct); c >= 0 && c < conjunct; c = tree.NextSibling(c))
        {
            if (tree.RelationIs(c, "cc") || tree.RelationStarts(c, "punct")) return true;
        }
        return conjunct > 0 && tree.Kind(conjunct - 1) == TokenKind.Punctuation;
    }

    public void FillConditionalRequest(EventDraft draft)
    {
        int turn = TurnAt(draft.Trigger.Start);
        draft.Turn = turn;
        if (turn < 0) return;
        draft.Speakers = _turns![turn].Speakers;
        draft.Add("requester", _turns[turn].Speakers);
        draft.Add("addressee", OtherParty(turn, preferNext: true));
    }

    private bool _travelling;

    private bool IsPronoun(int token) => Lower(_tree!, token) is "i" or "me" or "we" or "us" or "you" or "he" or "him" or "she" or "her" or "it" or "they" or "them" or "who" or "which" or "that" or "this";

    public void Fill(EventDraft draft)
    {
        _travelling = draft.Type == "travel";
        int turn = TurnAt(draft.Trigger.Start);
        draft.Turn = turn;
        if (turn >= 0) draft.Speakers = _turns![turn].Speakers;
        if (_tree is null) return;
        var tree = _tree;
        int t = draft.TriggerToken;
        int verb = IsNominal(t) && tree.Head(t) >= 0 ? tree.Head(t) : t;
        switch (draft.Type)
        {
            case "travel":
                draft.Add("traveler", Agents(t, turn));
                if (SubjectOf(t) is int start and >= 0 && tree.IsMention(start) && tree.MentionAt(start).Type == EntityType.Place)
                {
                    // "Left Istanbul by the night train with Harold and reached Ankara", the parser taking the first verb for an
                    // adjective of the place: a place travels nowhere; it is the origin, and whoever came along travelled.
                    for (int c = tree.FirstChild(start); c >= 0 && c < start; c = tree.NextSibling(c))
                    {
                        if (tree.RelationIs(c, "amod") && Lower(tree, c) is "left" or "departed" or "leaving" or "quitted") draft.Add("origin", [tree.MentionAt(start).EntityId]);
                    }
                    draft.Add("traveler", Companions(start, turn));
                }
                for (int leg = t; leg >= 0; leg = NextConjunct(leg, "travel"))
                {
                    draft.Add("traveler", Obliques(leg, With, Want.Person, turn));
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
                // "called on the Secretary": whom the visit was paid to.
                if (Lower(tree, t).StartsWith("call", StringComparison.Ordinal) && ObliqueToken(t, VisitPrepositions) is int visited and >= 0)
                {
                    var hosts = Entities(visited, Want.Agent, turn);
                    draft.Add("participants", hosts);
                    if (hosts.Count == 0) draft.AddUnresolved("participants", tree.PhraseSpan(visited), tree.TextOf(tree.PhraseSpan(visited)));
                }
                if (verb != t) draft.Add("participants", Obliques(verb, With, Want.Agent, turn));
                else if (tree.Child(t, "obj") is int met and >= 0) draft.Add("participants", Entities(met, Want.Agent, turn));
                AddUnresolvedOffice(draft, "participants", verb, turn);
                draft.Add("place", Places(verb, turn));
                break;
            case "meal":
                if (verb != t && EventLexicon.HostVerbLookup.Contains(Lower(tree, verb))) draft.Add("host", Agents(verb, turn));
                else draft.Add("attendees", Agents(verb, turn));
                draft.Add("guest", Obliques(t, Beneficiary, Want.Person, turn));
                if (verb != t) draft.Add("guest", Obliques(verb, Beneficiary, Want.Person, turn));
                draft.Add("attendees", Obliques(t, With, Want.Person, turn));
                AddUnresolvedOffice(draft, "attendees", t, turn);
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
                if (!draft.HasRole("addressee")) FillAskedParty(draft, verb, turn);
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
                        {
                            draft.Add("proposer", Entities(c, Want.Agent, turn));
                            if (!tree.RelationIs(c, "nmod:poss")) AddUnresolved(draft, "proposer", c, turn);
                        }
                    }
                    draft.AnswersRequest = Lower(tree, proposal) is "request" or "requests" or "appeal" or "demand" or "demands" or "application" or "petition";
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
                // "the Canadian mills have not delivered", "delivered by the Air Mission": who delivers, unless goods are the subject.
                if (SubjectOf(verb) is not (int goods and >= 0) || !IsGoods(goods))
                {
                    draft.Add("giver", Agents(verb, turn));
                    if (!draft.HasRole("giver") && SubjectToken(verb) is int deliverer and >= 0 && !IsGoods(deliverer) && !EventLexicon.ArrivalLookup.Contains(Lower(tree, verb)))
                        AddUnresolved(draft, "giver", deliverer, turn);
                }
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
        if (ActingRole(draft.Type) is { } acting && !draft.HasRole(acting) && !draft.HasRole("authorizer")
            && !(draft.Type is "grant" or "commitment" && tree.Child(verb, "nsubj:pass") >= 0))
            AddUnresolved(draft, acting, SubjectToken(verb), turn);
    }

    /// <summary>
    /// Whom a request is made of when no phrase names them: the subject of the clause saying what should be done
    /// (<c>asked that the United States provide</c>, <c>asked whether the consulate could make available</c>), or the object
    /// that is no entity (<c>urge the Department to act</c>).
    /// </summary>
    private void FillAskedParty(EventDraft draft, int verb, int turn)
    {
        var tree = _tree!;
        if (tree.Child(verb, "obj") is int obj and >= 0 && !IsGoods(obj) && tree.Kind(obj) == TokenKind.Word
            && (tree.Child(verb, "xcomp") >= 0 || tree.Child(obj, "acl") is int act and >= 0 && tree.Child(act, "mark") is int to and >= 0 && tree.WordIs(to, "to")))
        {
            AddUnresolved(draft, "addressee", obj, turn);
            return;
        }
        for (int c = tree.FirstChild(verb); c >= 0; c = tree.NextSibling(c))
        {
            if (!tree.RelationIs(c, "ccomp") && !tree.RelationStarts(c, "advcl")) continue;
            if (SubjectOf(c) is not (int subject and >= 0) || IsGoods(subject)) continue;
            var asked = Entities(subject, Want.Agent, turn);
            if (asked.Count == 0 && tree.IsMention(subject) && tree.MentionAt(subject).Type == EntityType.Place) asked.Add(tree.MentionAt(subject).EntityId);
            draft.Add("addressee", asked);
            AddUnresolved(draft, "addressee", subject, turn);
            return;
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
        int act = tree.Child(verb, "xcomp");
        if (act >= 0 && IsGivingAct(tree, act))
        {
            if (tree.Child(act, "iobj") is int actIndirect and >= 0) draft.Add(receiver, Entities(actIndirect, Want.Agent, turn));
            draft.Add(receiver, Obliques(act, Recipient, Want.Agent, turn));
            draft.Add("beneficiary", Obliques(act, Beneficiary, Want.Agent, turn));
        }
        else act = -1;
        // "put at the disposal of the Air Force": whose disposal it is receives it.
        foreach (int giving in (ReadOnlySpan<int>)[verb, act])
        {
            if (giving < 0) continue;
            for (int c = tree.FirstChild(giving); c >= 0; c = tree.NextSibling(c))
            {
                if (!tree.WordIs(c, "disposal")) continue;
                for (int o = tree.FirstChild(c); o >= 0; o = tree.NextSibling(o))
                {
                    if (tree.RelationStarts(o, "nmod") && tree.HasCase(o, Of)) { draft.Add(receiver, Entities(o, Want.Agent, turn)); AddUnresolved(draft, receiver, o, turn); }
                }
            }
        }
        int unnamed = -1;
        if (!draft.HasRole(receiver)) draft.Add(receiver, RecipientAfter(t, draft.Evidence, turn, out unnamed));
        int target = -1;
        if (!draft.HasRole(receiver))
        {
            target = tree.Child(verb, "iobj") is int i2 and >= 0 ? i2 : ObliqueToken(verb, Recipient);
            if (target < 0 && act >= 0) target = tree.Child(act, "iobj") is int i3 and >= 0 ? i3 : ObliqueToken(act, Recipient);
            AddUnresolved(draft, receiver, target >= 0 ? target : unnamed, turn);
        }
        draft.Add(draft.Type == "commitment" ? "beneficiary" : "beneficiary", Obliques(verb, Beneficiary, Want.Agent, turn));
        if (draft.Type == "commitment") draft.Add("source", Obliques(verb, From, Want.Any, turn));
        // "We can give you twenty": the one spoken to; a receiver named otherwise (give them, give the army) is someone else.
        if (draft.Type == "grant" && !draft.HasRole("recipient") && turn >= 0 && (target < 0 || Lower(tree, target) is "you" or "your") && unnamed < 0)
            draft.Add("recipient", OtherParty(turn, preferNext: false));
    }

    /// <summary>
    /// A recipient the tree did not attach to the verb: <c>to</c> or <c>into</c> followed by a person or organization after
    /// the trigger, inside the evidence (<c>handed over two captured depots to the British Military Mission</c>).
    /// </summary>
    /// <remarks>
    /// <paramref name="unnamed"/> is the head of such a phrase that names no entity but a body all the same, a capitalized name
    /// or a government noun (<c>to the Zarovian Red Crescent</c>, <c>to the local authorities</c>); -1 otherwise.
    /// </remarks>
    private List<string> RecipientAfter(int trigger, TextSpan evidence, int turn, out int unnamed)
    {
        var tree = _tree!;
        unnamed = -1;
        for (int k = trigger + 1; k + 1 < tree.Count && tree.Span(k + 1).End <= evidence.End; k++)
        {
            if (!tree.WordIs(k, "to") && !tree.WordIs(k, "into")) continue;
            for (int m = k + 1; m < tree.Count && m <= k + 4 && tree.Span(m).End <= evidence.End; m++)
            {
                if (!tree.IsMention(m)) continue;
                var mention = tree.MentionAt(m);
                return mention.Type is EntityType.Person or EntityType.Organization or EntityType.Group ? [mention.EntityId] : [];
            }
            int head = tree.Head(k);
            if (head > k && tree.RelationIs(k, "case") && tree.Span(head).End <= evidence.End && !IsGoods(head)
                && (char.IsUpper(tree.Word(head)[0]) || EventLexicon.GovernmentNounLookup.Contains(Lower(tree, head))))
                unnamed = head;
            return [];
        }
        return [];
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
        int subject = SubjectOf(verb);
        if (subject >= 0)
        {
            // "The Government of Portugal agrees", the name taken as "The Government" alone: the country it belongs to says whose.
            if (tree.IsMention(subject) && IsBareGovernmentNoun(tree.MentionAt(subject)) && OwnerPlace(subject) is { } owner) return [owner];
            result.AddRange(Entities(subject, Want.Agent, turn));
            // "Ankara has asked", "the Government of Portugal agrees": a capital or a country acting stands for its government.
            if (result.Count == 0 && !_travelling && !IsPronoun(subject))
            {
                if (tree.IsMention(subject) && tree.MentionAt(subject).Type == EntityType.Place) result.Add(tree.MentionAt(subject).EntityId);
                else if (!tree.IsMention(subject) && EventLexicon.GovernmentNounLookup.Contains(Lower(tree, subject))) CollectUnder(subject, Want.Place, result, 0, personsOnly: false);
            }
            return result;
        }
        // "signed by Ambassador Cunha and Mr. Lowell": the agent of a passive.
        if (tree.Child(verb, "nsubj:pass") >= 0) return Obliques(verb, By, Want.Agent, turn);
        // "the 12 aircraft delivered by the Air Mission": a participle after its noun has its agent and no subject.
        if (tree.RelationStarts(verb, "acl") && tree.Child(verb, "obl:agent") is int agent and >= 0) return Entities(agent, Want.Agent, turn);
        int head = tree.Head(verb);
        // "Mr. Tomas Varga, Counselor of the Legation, called at his request", the verb hung on the name as the sentence's root:
        // with no object of its own, the verb is the sentence's, and the named person its subject.
        if (head >= 0 && tree.RelationIs(verb, "acl") && tree.Head(head) < 0 && tree.Child(verb, "obj") < 0 && tree.Child(verb, "nsubj:pass") < 0
            && tree.IsMention(head) && Accepts(Want.Agent, tree.MentionAt(head).Type) && !tree.Word(verb).EndsWith("ing", StringComparison.Ordinal))
            return Entities(head, Want.Agent, turn);
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

    /// <summary>A mention that is only a government noun and its article (<c>The Government</c>, <c>the Ministry</c>).</summary>
    private bool IsBareGovernmentNoun(Mention mention)
    {
        var tree = _tree!;
        var words = tree.TextOf(mention.Span).AsSpan().Trim();
        if (words.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) words = words[4..].TrimStart();
        Span<char> buffer = stackalloc char[32];
        return words.Length <= buffer.Length && words.IndexOf(' ') < 0 && EventLexicon.GovernmentNounLookup.Contains(EventAnnotator.Normalize(words, buffer));
    }

    /// <summary>The place an <c>of</c> phrase under <paramref name="token"/> names (<c>of Portugal</c>), or null.</summary>
    private string? OwnerPlace(int token)
    {
        var tree = _tree!;
        for (int c = tree.FirstChild(token); c >= 0; c = tree.NextSibling(c))
        {
            if (tree.RelationStarts(c, "nmod") && tree.HasCase(c, Of) && tree.IsMention(c) && tree.MentionAt(c).Type == EntityType.Place) return tree.MentionAt(c).EntityId;
        }
        return null;
    }

    /// <summary>
    /// The subject of <paramref name="verb"/> (active, or passive too): its <c>nsubj</c>, else one the parser hung on
    /// an auxiliary of it (<c>I can, however, offer</c>, <c>his Government had approved</c>); -1 when none. A time expression
    /// the parser took for a subject (<c>Last December the Minister requested</c>, <c>Two weeks later agreed</c>) says when, never who.
    /// </summary>
    private int SubjectOf(int verb, bool passiveToo = false)
    {
        var tree = _tree!;
        for (int c = tree.FirstChild(verb); c >= 0; c = tree.NextSibling(c))
        {
            if (IsSubject(c, passiveToo)) return c;
        }
        for (int c = tree.FirstChild(verb); c >= 0; c = tree.NextSibling(c))
        {
            if (!tree.RelationStarts(c, "aux")) continue;
            for (int d = tree.FirstChild(c); d >= 0; d = tree.NextSibling(d))
            {
                if (IsSubject(d, passiveToo)) return d;
            }
        }
        return -1;
    }

    private bool IsSubject(int token, bool passiveToo)
    {
        var tree = _tree!;
        return (tree.RelationIs(token, "nsubj") || passiveToo && tree.RelationIs(token, "nsubj:pass")) && !tree.WordIs(token, "that") && !tree.IsTime(token);
    }

    /// <summary>The token of the phrase <see cref="Agents"/> reads the acting party from, or -1.</summary>
    private int SubjectToken(int verb, int depth = 0)
    {
        var tree = _tree!;
        if (verb < 0 || depth > MaxDepth) return -1;
        int subject = SubjectOf(verb);
        if (subject >= 0) return subject;
        if (tree.Child(verb, "nsubj:pass") >= 0)
        {
            for (int c = tree.FirstChild(verb); c >= 0; c = tree.NextSibling(c)) if (IsOblique(c) && tree.HasCase(c, By)) return c;
            return -1;
        }
        int head = tree.Head(verb);
        if (head >= 0 && tree.RelationIs(verb, "xcomp"))
        {
            int controller = tree.Child(head, "obj");
            return controller >= 0 && tree.IsMention(controller) ? controller : SubjectToken(head, depth + 1);
        }
        if (head >= 0 && (tree.RelationIs(verb, "conj") || tree.RelationStarts(verb, "advcl") || tree.RelationStarts(verb, "acl") || tree.RelationStarts(verb, "obj")))
            return SubjectToken(head, depth + 1);
        return -1;
    }

    /// <summary>
    /// When <paramref name="role"/> has no entity, names it by the phrase at <paramref name="token"/> (<c>the Canadian mills</c>),
    /// by the label of a turn whose speaker is no entity (<c>OKONJO</c> for <c>we</c>), or by a pronoun nobody could resolve.
    /// </summary>
    private void AddUnresolved(EventDraft draft, string role, int token, int turn)
    {
        var tree = _tree!;
        // A date or a span of time is when something happened, never a party to it.
        if (token < 0 || draft.HasRole(role) || tree.IsTime(token)) return;
        string word = Lower(tree, token);
        switch (word)
        {
            case "i" or "me" or "we" or "us" or "my" or "our":
                if (turn >= 0 && _turns![turn].SpeakerText is { Length: > 0 } label && _turns[turn].Cue is { } cue)
                {
                    draft.AddUnresolved(role, cue, label);
                    return;
                }
                draft.AddUnresolved(role, tree.Span(token), tree.Word(token).ToString());
                return;
            case "he" or "she" or "him" or "her" when PreviousMainSubject(token) is int antecedent and >= 0 && !tree.IsMention(antecedent):
            {
                // "The Secretary said … He could not promise more": the person the last main clause was about, named as it was.
                var named = tree.PhraseSpan(antecedent);
                draft.AddUnresolved(role, named, tree.TextOf(named));
                return;
            }
            case "you" or "your" or "he" or "she" or "him" or "her" or "they" or "them":
                draft.AddUnresolved(role, tree.Span(token), tree.Word(token).ToString());
                return;
            case "it" or "this" or "that" or "which" or "who" or "whom" or "one" or "there":
                return;
        }
        // A phrase naming an entity of another kind (a place as recipient) is no unresolved party.
        if (tree.Kind(token) == TokenKind.Number || IsGoods(token) || tree.IsMention(token)) return;
        var span = tree.PhraseSpan(token);
        draft.AddUnresolved(role, span, tree.TextOf(span));
    }

    /// <summary>
    /// With no entity in <paramref name="role"/>, a <c>with</c> phrase naming someone by office (<c>with the Swiss minister</c>)
    /// fills it by its phrase; other <c>with</c> phrases (<c>with great care</c>) say how, not with whom.
    /// </summary>
    private void AddUnresolvedOffice(EventDraft draft, string role, int token, int turn, int depth = 0)
    {
        var tree = _tree!;
        if (draft.HasRole(role) || depth > 1) return;
        for (int c = tree.FirstChild(token); c >= 0; c = tree.NextSibling(c))
        {
            if (!IsOblique(c)) continue;
            if (tree.HasCase(c, With) && !tree.IsMention(c) && TitleLexicon.IsHeadTitle(Lower(tree, c))) AddUnresolved(draft, role, c, turn);
            // "Dinner at the embassy with the consul": the parser may hang the company on the place.
            else AddUnresolvedOffice(draft, role, c, turn, depth + 1);
        }
    }

    /// <summary>The acting role of a frame type, the one its subject fills.</summary>
    private static string? ActingRole(string type) => type switch
    {
        "travel" => "traveler",
        "meeting" => "participants",
        "request" => "requester",
        "grant" => "granter",
        "commitment" => "committer",
        "transfer" => "giver",
        "refusal" => "refuser",
        "approval" => "approver",
        "complaint" => "complainant",
        "agreement" => "parties",
        "appointment" => "appointer",
        _ => null,
    };

    /// <summary>The persons a <c>with</c> phrase anywhere under <paramref name="token"/> names (<c>by the night train with Harold</c>).</summary>
    private List<string> Companions(int token, int turn, int depth = 0)
    {
        var tree = _tree!;
        var result = new List<string>();
        if (depth > MaxDepth) return result;
        for (int c = tree.FirstChild(token); c >= 0; c = tree.NextSibling(c))
        {
            if (tree.RelationStarts(c, "acl") || tree.RelationStarts(c, "advcl") || tree.RelationStarts(c, "parataxis")) continue;
            if (IsOblique(c) && tree.HasCase(c, With)) result.AddRange(Entities(c, Want.Person, turn));
            else result.AddRange(Companions(c, turn, depth + 1));
        }
        return result;
    }

    /// <summary>The first oblique of <paramref name="token"/> under one of <paramref name="prepositions"/>, or -1.</summary>
    private int ObliqueToken(int token, ReadOnlySpan<string> prepositions)
    {
        var tree = _tree!;
        for (int c = tree.FirstChild(token); c >= 0; c = tree.NextSibling(c)) if (IsOblique(c) && tree.HasCase(c, prepositions)) return c;
        return -1;
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
            case "he" or "him" or "she" or "her":
                return PreviousSubjectPerson(token);
            case "it" or "one" or "this" or "that" or "who" or "which":
                return [];
            default:
                return null;
        }
    }

    /// <summary>
    /// Whom <c>he</c> or <c>she</c> takes up: the person who was last the subject of a clause before it in its paragraph
    /// (<c>Mr. Varga said … He asked …</c>), else nobody.
    /// </summary>
    private List<string> PreviousSubjectPerson(int pronoun)
    {
        var tree = _tree!;
        int subject = PreviousMainSubject(pronoun);
        if (subject >= 0 && tree.IsMention(subject) && tree.MentionAt(subject).Type == EntityType.Person) return [tree.MentionAt(subject).EntityId];
        // "I shall write to the Minister and ask him": an object pronoun takes up the person named last in its own sentence, save the speaker.
        if (!tree.WordIs(pronoun, "him") && !tree.WordIs(pronoun, "her")) return [];
        var speakers = TurnAt(tree.Span(pronoun).Start) is int turn and >= 0 ? _turns![turn].Speakers : [];
        for (int k = pronoun - 1; k >= 0 && k >= pronoun - 30 && !tree.ParagraphBreakBefore(k + 1); k--)
        {
            if (tree.Kind(k) == TokenKind.Punctuation && tree.Word(k) is "." or "?" or "!" or ";") break;
            if (tree.IsMention(k) && tree.MentionAt(k).Type == EntityType.Person && !speakers.Contains(tree.MentionAt(k).EntityId)) return [tree.MentionAt(k).EntityId];
        }
        return [];
    }

    /// <summary>The subject of the last main clause before <paramref name="pronoun"/> in its paragraph that is no pronoun itself, or -1.</summary>
    private int PreviousMainSubject(int pronoun)
    {
        var tree = _tree!;
        for (int k = pronoun - 1; k >= 0 && k >= pronoun - 80; k--)
        {
            if (tree.ParagraphBreakBefore(k + 1)) break;
            if (!tree.RelationStarts(k, "nsubj") || tree.RelationIs(k, "nsubj:pass")) continue;
            int head = tree.Head(k);
            if (head < 0 || tree.Head(head) >= 0) continue;
            if (IsPronoun(k)) continue;
            return k;
        }
        return -1;
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

    /// <summary>A verb of giving: a transfer or delivery trigger, or the verb of a giving phrase (<c>put at the disposal</c>, <c>hand over</c>).</summary>
    private static bool IsGivingAct(ClauseTree tree, int token)
    {
        if (IsTrigger(tree, token, "transfer") || IsTrigger(tree, token, "delivery")) return true;
        Span<char> buffer = stackalloc char[32];
        if (!EventLexicon.PhraseLookup.TryGetValue(EventAnnotator.Normalize(tree.Word(token), buffer), out var phrases)) return false;
        foreach (var (_, type) in phrases) if (type == "transfer") return true;
        return false;
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
