namespace Annalist.Core.Syntax;

/// <summary>
/// General English vocabulary of the events the pipeline reads (movement, meetings, transfers, requests,
/// commitments, decisions) and of reported speech, in their inflected forms: a sentence holding none of
/// them rarely gives an event role or a speaker, so <see cref="SentenceSelection.Triggered"/> skips it.
/// </summary>
public static class SyntaxTriggerLexicon
{
    private static readonly string[] Forms =
    [
        // movement and meetings
        "arrive arrives arrived arriving arrival", "depart departs departed departing departure",
        "leave leaves left leaving", "travel travels traveled travelled traveling travelling",
        "fly flies flew flown flying", "go goes went gone going", "come comes came coming", "return returns returned returning",
        "visit visits visited visiting", "meet meets met meeting meetings", "host hosts hosted hosting",
        "receive receives received receiving", "call calls called calling", "attend attends attended attending",
        "dine dines dined dining dinner lunch luncheon breakfast",
        // transfers and deliveries
        "give gives gave given giving", "send sends sent sending", "supply supplies supplied supplying",
        "deliver delivers delivered delivering delivery deliveries", "provide provides provided providing",
        "transfer transfers transferred transferring", "ship ships shipped shipping shipment shipments",
        "furnish furnishes furnished", "hand hands handed", "lend lends lent", "sell sells sold", "buy buys bought",
        "pay pays paid", "offer offers offered offering",
        // requests, commitments, decisions
        "ask asks asked asking", "request requests requested requesting", "demand demands demanded",
        "need needs needed", "want wants wanted", "urge urges urged", "propose proposes proposed proposal",
        "suggest suggests suggested suggestion", "promise promises promised promising", "pledge pledges pledged",
        "commit commits committed commitment", "undertake undertakes undertook undertaken", "guarantee guarantees guaranteed",
        "agree agrees agreed agreement", "accept accepts accepted", "approve approves approved approval",
        "grant grants granted", "allow allows allowed", "permit permits permitted", "authorize authorizes authorized authorise authorised",
        "refuse refuses refused refusal", "reject rejects rejected", "decline declines declined", "deny denies denied",
        "order orders ordered", "instruct instructs instructed instructions", "direct directs directed",
        "appoint appoints appointed appointment", "name names named", "complain complains complained complaint",
        "protest protests protested", "sign signs signed",
        // reported speech and thought
        "say says said saying", "tell tells told telling", "state states stated", "reply replies replied",
        "answer answers answered", "add adds added", "remark remarks remarked", "declare declares declared",
        "explain explains explained", "inform informs informed", "report reports reported", "note notes noted",
        "write writes wrote written", "think thinks thought", "believe believes believed", "hope hopes hoped",
        "fear fears feared", "know knows knew known", "understand understands understood",
    ];

    /// <summary>The trigger word forms, compared ignoring case.</summary>
    public static IReadOnlySet<string> Words { get; } = new HashSet<string>(
        Forms.SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparer.OrdinalIgnoreCase);
}
