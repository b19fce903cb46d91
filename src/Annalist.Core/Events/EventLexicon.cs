using System.Collections.Frozen;

namespace Annalist.Core.Events;

/// <summary>General trigger words per frame type, and the words that negate, modalize or name goods.</summary>
internal static class EventLexicon
{
    private static readonly (string Type, string[] Words)[] Triggers =
    [
        ("travel", ["departed", "depart", "departs", "departure", "arrived", "arrive", "arrives", "arrival", "travelled", "traveled", "travel",
            "journeyed", "journey", "flew", "sailed", "returned", "trip"]),
        ("meeting", ["met", "meet", "meets", "meeting", "meetings", "conferred", "talks", "audience", "interview"]),
        ("meal", ["dinner", "dinners", "lunch", "luncheon", "breakfast", "banquet", "supper", "meal", "dined", "feast"]),
        ("transfer", ["transfer", "transferred", "transfers", "handed", "supply", "supplied", "shipped", "send", "sent", "sends",
            "give", "gave", "given", "provide", "provided", "allocate", "allocated"]),
        ("request", ["asked", "request", "requested", "requests", "requesting", "appealed", "appeal", "demanded", "demand", "begged", "pleaded"]),
        ("grant", ["granted", "grant", "allotted", "allot"]),
        ("commitment", ["promise", "promised", "promises", "pledged", "pledge", "undertook", "undertake", "undertakes", "committed", "vowed"]),
        ("approval", ["approved", "approve", "approves", "approving", "approval", "endorsed", "sanctioned", "consented", "ratified"]),
        ("refusal", ["refused", "refuse", "refuses", "refusal", "declined", "rejected", "reject", "rejects"]),
        ("complaint", ["complained", "complain", "complains", "complaint", "complaints", "protested", "grievance", "grievances"]),
        ("delivery", ["delivered", "deliver", "delivers", "delivery", "deliveries", "shipment", "shipments"]),
        ("appointment", ["appointed", "appoint", "appoints", "appointment", "nominated"]),
        ("agreement", ["agreed", "agree", "agrees", "agreement", "treaty", "accord", "signed"]),
    ];

    public static readonly FrozenDictionary<string, string> TypeOfTrigger = Triggers
        .SelectMany(t => t.Words.Select(w => (w, t.Type)))
        .ToFrozenDictionary(p => p.w, p => p.Type, StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> Negators = new[] { "not", "never", "no", "cannot", "can't", "don't", "doesn't", "didn't", "won't",
        "wouldn't", "haven't", "hasn't", "hadn't", "isn't", "aren't", "wasn't", "weren't", "neither", "nor" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> Modals = new[] { "can", "could", "will", "would", "shall", "should", "may", "might", "must",
        "cannot", "can't", "won't", "wouldn't" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns for goods that arrive or are delivered, as opposed to people who travel.</summary>
    public static readonly FrozenSet<string> Goods = new[] { "weapons", "arms", "supplies", "goods", "cargo", "equipment", "ammunition", "shipment",
        "shipments", "materials", "munitions", "rifles", "guns", "tanks", "trucks", "cars", "aircraft", "planes", "grain", "fuel", "oil", "food",
        "provisions", "consignment", "parcel", "parcels", "mail", "machinery", "vehicles", "grenades", "bullets", "cartridges", "shells", "horses", "credits", "loan", "loans", "money" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>People who are sent or provided rather than travelling of their own accord.</summary>
    public static readonly FrozenSet<string> Personnel = new[] { "instructors", "advisers", "advisors", "specialists", "experts", "troops",
        "personnel", "officers", "doctors", "teachers", "engineers", "technicians", "volunteers" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words after <c>would be</c> that make a conditional a request (<c>if … are given, that would be good</c>).</summary>
    public static readonly FrozenSet<string> Desirable = new[] { "good", "helpful", "desirable", "welcome", "useful", "appreciated", "grateful",
        "fine", "excellent", "best", "better", "wise" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> TriggerLookup = TypeOfTrigger.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NegatorLookup = Negators.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ModalLookup = Modals.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GoodsLookup = Goods.GetAlternateLookup<ReadOnlySpan<char>>();
    /// <summary>Nouns and adjectives before <c>to</c> + trigger that make the event only intended or judged (<c>proposal to meet</c>, <c>difficult to give</c>).</summary>
    public static readonly FrozenSet<string> Intentions = new[] { "proposal", "plan", "plans", "intention", "intent", "wish", "desire", "offer",
        "suggestion", "idea", "attempt", "attempts", "readiness", "willingness", "unwillingness", "need", "difficult", "impossible", "hard",
        "easy", "possible", "ready", "willing", "unwilling", "unable", "able", "eager", "reluctant" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> IntentionLookup = Intentions.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonnelLookup = Personnel.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DesirableLookup = Desirable.GetAlternateLookup<ReadOnlySpan<char>>();
}
