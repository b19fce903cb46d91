using System.Globalization;

namespace Annalist.Core.Ledger;

/// <summary>
/// Builds the commitments table and the timeline from the events of documents. Pure: the same events give
/// the same rows, in document order for the table and in time order (earliest first, then document and
/// text order) for the timeline.
/// </summary>
public static class LedgerBuilder
{
    private static readonly string[] LedgerTypes = ["request", "commitment", "transfer", "grant", "refusal", "delivery"];

    /// <summary>One row per item of every request, promise, transfer, grant, refusal and delivery (one row when it names no item).</summary>
    public static IReadOnlyList<CommitmentRow> Commitments(IEnumerable<LedgerDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var rows = new List<CommitmentRow>();
        foreach (var document in documents)
        {
            var answers = new Dictionary<string, List<(LedgerEvent By, LedgerLink Link)>>(StringComparer.Ordinal);
            foreach (var e in document.Events)
            {
                foreach (var link in e.Links)
                {
                    if (link.Target is null) continue;
                    if (!answers.TryGetValue(link.Target, out var list)) answers[link.Target] = list = [];
                    list.Add((e, link));
                }
            }
            foreach (var e in document.Events)
            {
                if (Array.IndexOf(LedgerTypes, e.Type) < 0) continue;
                string action = Action(e);
                var who = Names(document, e, e.Type switch
                {
                    "request" => "requester",
                    "commitment" => "committer",
                    "transfer" => e.Role("authorizer").Count > 0 ? "authorizer" : "giver",
                    "grant" => "granter",
                    "refusal" => "refuser",
                    _ => "giver",
                });
                var via = Names(document, [.. e.Role("executor"), .. e.Role("source")]);
                var to = Names(document, e, e.Type == "request" ? "addressee" : "recipient");
                var forWhom = Names(document, e, "beneficiary");
                string status = Status(e, answers.TryGetValue(e.Id, out var by) ? by : null);
                if (e.Items.Count == 0)
                {
                    rows.Add(new CommitmentRow(document.Name, e.Id, action, who, via, to, forWhom, null, null, e.TimeStart, status, e.Evidence));
                    continue;
                }
                foreach (var item in e.Items)
                    rows.Add(new CommitmentRow(document.Name, e.Id, action, who, via, to, forWhom, item.Item, item.Quantity, e.TimeStart, status, e.Evidence));
            }
        }
        return rows;
    }

    /// <summary>Every dated event, earliest first.</summary>
    public static IReadOnlyList<TimelineRow> Timeline(IEnumerable<LedgerDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var rows = new List<(string Key, int Document, int Order, TimelineRow Row)>();
        int d = 0;
        foreach (var document in documents)
        {
            int order = 0;
            foreach (var e in document.Events)
            {
                order++;
                if (e.TimeStart is null) continue;
                var participants = new List<TimelineParticipant>();
                foreach (var (role, ids) in e.Roles)
                {
                    foreach (string id in ids) participants.Add(new TimelineParticipant(role, Name(document, id)));
                }
                foreach (var (role, texts) in e.Unresolved)
                {
                    if (e.Role(role).Count == 0) foreach (string phrase in texts) participants.Add(new TimelineParticipant(role, phrase));
                }
                rows.Add((e.Earliest ?? e.TimeStart, d, order, new TimelineRow(document.Name, e.Id, e.Type, e.Negative, e.TimeStart, e.TimeEnd, e.Earliest, e.Latest,
                    e.TimeAnchor == "narrative", participants, e.Evidence)));
            }
            d++;
        }
        return [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Document).ThenBy(r => r.Order).Select(r => r.Row)];
    }

    private static string Action(LedgerEvent e) => e.Type switch
    {
        "request" => e.Negative ? "did not ask for" : "asked for",
        "commitment" => e.Negative ? "did not promise" : "promised",
        "transfer" => e.Negative ? "did not transfer" : e.Role("authorizer").Count > 0 ? "ordered" : "transferred",
        "grant" => e.Negative ? "did not grant" : "granted",
        "refusal" => "refused",
        _ => e.Negative ? "not delivered" : "delivered",
    };

    private static string Status(LedgerEvent e, List<(LedgerEvent By, LedgerLink Link)>? answeredBy)
    {
        if (answeredBy is not null)
        {
            foreach (var (by, link) in answeredBy)
            {
                switch (link.Relation)
                {
                    case "answers" when by.Type == "grant":
                        return link.Given is { } given && link.Asked is { } asked
                            ? $"granted {Number(given)} of {Number(asked)} ({by.Id})"
                            : $"granted ({by.Id})";
                    case "answers" when by.Type == "refusal":
                        return $"refused ({by.Id})";
                    case "answers" when by.Type == "commitment":
                        return $"promised ({by.Id})";
                    case "answers":
                        return $"answered ({by.Id})";
                    case "fulfils":
                        return $"fulfilled ({by.Id})";
                    case "fails":
                        return $"not delivered ({by.Id})";
                }
            }
        }
        foreach (var link in e.Links)
        {
            if (link.Target is null) continue;
            if (link.Relation == "answers")
                return link.Given is { } given && link.Asked is { } asked ? $"answers {link.Target}: {Number(given)} of {Number(asked)} asked" : $"answers {link.Target}";
            return $"{link.Relation} {link.Target}";
        }
        return e.Type switch
        {
            "request" => "open",
            "delivery" => e.Negative ? "not arrived" : "arrived",
            "refusal" => "refused",
            _ => e.Negative ? "not done" : e.Modality is null ? "stated" : "pending",
        };
    }

    /// <summary>The names of a role's entities, else the phrases that name it as written.</summary>
    private static IReadOnlyList<string> Names(LedgerDocument document, LedgerEvent e, string role) =>
        e.Role(role).Count > 0 ? Names(document, e.Role(role)) : e.UnresolvedRole(role);

    private static IReadOnlyList<string> Names(LedgerDocument document, IReadOnlyList<string> ids) => [.. ids.Select(id => Name(document, id)).Distinct(StringComparer.Ordinal)];

    private static string Name(LedgerDocument document, string id) => document.EntityNames.TryGetValue(id, out string? name) ? name : id;

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
