using Annalist.Core.Text;

namespace Annalist.Core.Events;

/// <summary>
/// Orders the frames of one document, gives them ids and links them: a grant, refusal or commitment
/// answers the nearest earlier request for the same kind of thing (the quantity given against the quantity
/// asked); an approval or refusal answers the proposal it names; a delivery fulfils, or when negative fails,
/// the nearest earlier order, promise or grant of the same goods. An answer fills in what the request
/// leaves open (whom it was addressed to) and the reverse; a promise with no beneficiary takes that of the
/// act it continues.
/// </summary>
internal static class EventLinker
{
    private const int AnswerWindow = 12;
    private const int ContinuationWindow = 5;

    public static IReadOnlyList<EventFrame> Link(List<EventDraft> drafts)
    {
        var ordered = drafts.OrderBy(d => d.Evidence).ToList();
        var ids = new Dictionary<EventDraft, string>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < ordered.Count; i++) ids[ordered[i]] = "e" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var byText = drafts.OrderBy(d => d.Trigger.Start).ToList();
        var links = new Dictionary<EventDraft, List<EventLink>>(ReferenceEqualityComparer.Instance);
        var answered = new HashSet<EventDraft>(ReferenceEqualityComparer.Instance);
        var refusedOnly = new HashSet<EventDraft>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < byText.Count; i++)
        {
            var draft = byText[i];
            var found = new List<EventLink>();
            switch (draft.Type)
            {
                case "grant" or "refusal" or "commitment":
                    // A request refused may still be met in part (we are unable to … I can, however, offer 800 tons).
                    if (Nearest(byText, i, AnswerWindow, d => d.Type == "request" && (!answered.Contains(d) || draft.Type != "refusal" && refusedOnly.Contains(d)) && SameGoods(d, draft) && MayAnswer(draft, d)) is { } request)
                    {
                        if (draft.Type == "refusal" && !answered.Contains(request)) refusedOnly.Add(request);
                        else refusedOnly.Remove(request);
                        answered.Add(request);
                        found.Add(new EventLink("answers", ids[request], draft.Evidence, FirstQuantity(draft), FirstQuantity(request)));
                        string receiver = draft.Type == "commitment" ? "beneficiary" : "recipient";
                        if (!draft.HasRole(receiver) || draft.Type == "grant") draft.Add(receiver, request.Role("requester") ?? []);
                        // "The local authorities requested …; the Department declined": a requester named only by its phrase is still whom the answer concerns.
                        if (!draft.HasRole(receiver) && !request.HasRole("requester"))
                        {
                            foreach (var asker in request.Unresolved.Where(u => u.Role == "requester" && !IsPersonalPronoun(u.Text)).ToList()) draft.AddUnresolved(receiver, asker.Span, asker.Text);
                        }
                        string giver = draft.Type switch { "grant" => "granter", "commitment" => "committer", _ => "refuser" };
                        if (!request.HasRole("addressee")) request.Add("addressee", draft.Role(giver) ?? []);
                    }
                    else if (draft.Type == "commitment" && !draft.HasRole("beneficiary")
                        && Nearest(byText, i, ContinuationWindow, d => d.Type is "transfer" or "grant" or "commitment" && d.HasRole("beneficiary")) is { } act)
                    {
                        draft.Add("beneficiary", act.Role("beneficiary")!);
                    }
                    if (draft.Type == "refusal" && draft.Answers is { } refused) found.Add(new EventLink("answers", null, refused, null, null));
                    break;
                case "approval":
                    if (draft.Answers is { } proposal)
                    {
                        var proposer = draft.Role("proposer");
                        // "accepted this request": with no proposer named, the nearest open request is the one meant.
                        var target = Nearest(byText, i, AnswerWindow, d => d.Type == "request" && !answered.Contains(d)
                            && (proposer is not null && d.Role("requester") is { } r && r.Intersect(proposer).Any() || proposer is null && draft.AnswersRequest));
                        if (target is not null) answered.Add(target);
                        found.Add(new EventLink("answers", target is null ? null : ids[target], proposal, null, null));
                    }
                    break;
                case "delivery":
                    // A delivery still to come (will be delivered) fulfils nothing yet.
                    if (draft.Items.Count > 0 && draft.Modality is null
                        && Nearest(byText, i, int.MaxValue, d => d.Type is "transfer" or "commitment" or "grant" && d.Items.Count > 0 && SameGoods(d, draft)) is { } order)
                        found.Add(new EventLink(draft.Negative ? "fails" : "fulfils", ids[order], draft.Evidence, FirstQuantity(draft), FirstQuantity(order)));
                    break;
            }
            links[draft] = found;
        }
        foreach (var draft in drafts) RoleFinder.SeparateOpposites(draft);
        return [.. ordered.Select(d => d.ToFrame(ids[d], links[d]))];
    }

    /// <summary>
    /// False when a speaker asks someone outside the conversation (<c>I shall ask him to release them</c>): a reply in another
    /// turn answers only a request put to whoever speaks it.
    /// </summary>
    private static bool MayAnswer(EventDraft answer, EventDraft request)
    {
        if (request.Turn < 0 || request.Role("addressee") is not { Count: > 0 } addressees || answer.Turn == request.Turn) return true;
        string acting = answer.Type switch { "grant" => "granter", "commitment" => "committer", _ => "refuser" };
        if (answer.Role(acting) is { Count: > 0 } actors && actors.Any(addressees.Contains)) return true;
        if (!answer.Speakers.IsDefaultOrEmpty) return answer.Speakers.Any(addressees.Contains);
        // In a turn of a speaker no entity names, the reply is someone else's than the named addressee's.
        return answer.Turn < 0 && answer.Role(acting) is not { Count: > 0 };
    }

    private static bool IsPersonalPronoun(string text) =>
        text.ToLowerInvariant() is "i" or "we" or "you" or "he" or "she" or "they" or "me" or "us" or "him" or "her" or "them" or "it";

    private static EventDraft? Nearest(List<EventDraft> drafts, int index, int window, Func<EventDraft, bool> accept)
    {
        int sentence = drafts[index].Sentence;
        for (int k = index - 1; k >= 0; k--)
        {
            if (window != int.MaxValue && drafts[k].Sentence < sentence - window) break;
            if (accept(drafts[k])) return drafts[k];
        }
        return null;
    }

    /// <summary>True when the two events move the same kind of thing: their items share a head noun, or one names none.</summary>
    private static bool SameGoods(EventDraft a, EventDraft b)
    {
        if (a.Items.Count == 0 || b.Items.Count == 0 || a.Items.All(NamesNothing) || b.Items.All(NamesNothing)) return true;
        foreach (var x in a.Items)
        {
            foreach (var y in b.Items)
            {
                if (HeadNoun(x.Text).Equals(HeadNoun(y.Text), StringComparison.OrdinalIgnoreCase)) return true;
                if (x.Text.Contains(y.Text, StringComparison.OrdinalIgnoreCase) || y.Text.Contains(x.Text, StringComparison.OrdinalIgnoreCase)) return true;
            }
        }
        return false;
    }

    /// <summary>An item that is only its number (<c>twenty</c>, <c>45</c>): the text leaves the thing unnamed.</summary>
    private static bool NamesNothing(EventItem item)
    {
        foreach (var word in item.Text.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.All(c => char.IsDigit(c) || c is ',' or '.')) continue;
            if (Quantities.QuantityLexicon.Small.ContainsKey(word) || Quantities.QuantityLexicon.Scales.ContainsKey(word) || word is "and" or "a"
                || Array.IndexOf(Quantities.QuantityLexicon.QualifierNames, word.ToLowerInvariant()) >= 0) continue;
            return false;
        }
        return true;
    }

    private static ReadOnlySpan<char> HeadNoun(string phrase)
    {
        var span = phrase.AsSpan().TrimEnd();
        int space = span.LastIndexOfAny(' ', '-');
        return space < 0 ? span : span[(space + 1)..];
    }

    private static double? FirstQuantity(EventDraft draft)
    {
        foreach (var item in draft.Items) if (item.Quantity is { } quantity) return quantity;
        return null;
    }
}
