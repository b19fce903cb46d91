using Annalist.Core.Ledger;

namespace Annalist.Core.Tests.Ledger;

public class LedgerBuilderTests
{
    private static readonly Dictionary<string, string> Names = new() { ["eden"] = "Eden", ["gromyko"] = "Gromyko", ["harriman"] = "Harriman" };

    private static LedgerEvent Event(string id, string type, int start, Dictionary<string, IReadOnlyList<string>> roles, LedgerItem[] items,
        string? time = null, string? earliest = null, LedgerLink[]? links = null, bool negative = false, string? anchor = null) =>
        new(id, type, negative, null, start, start + 10, "evidence of " + id, roles, items, time, null, earliest, earliest, anchor, links ?? []);

    [Fact]
    public void A_request_answered_by_a_grant_shows_how_much_was_granted_of_what_was_asked()
    {
        var request = Event("e1", "request", 0, new() { ["requester"] = ["gromyko"], ["addressee"] = ["eden"] }, [new("trucks", 40)]);
        var grant = Event("e2", "grant", 20, new() { ["granter"] = ["eden"], ["recipient"] = ["gromyko"] }, [new("trucks", 20)],
            links: [new LedgerLink("answers", "e1", "I can give 20 trucks", 20, 40)]);
        var rows = LedgerBuilder.Commitments([new LedgerDocument("memo", [request, grant], Names)]);

        Assert.Equal(2, rows.Count);
        Assert.Equal(["Gromyko"], rows[0].Who);
        Assert.Equal(["Eden"], rows[0].To);
        Assert.Equal("asked for", rows[0].Action);
        Assert.Equal("granted 20 of 40 (e2)", rows[0].Status);
        Assert.Equal("granted", rows[1].Action);
        Assert.Equal("answers e1: 20 of 40 asked", rows[1].Status);
        Assert.Equal(20, rows[1].Quantity);
    }

    [Fact]
    public void An_order_of_several_items_gives_one_line_per_item_and_a_failed_delivery_marks_it()
    {
        var order = Event("e1", "transfer", 0, new() { ["authorizer"] = ["harriman"], ["executor"] = ["eden"] }, [new("rifles", 300), new("mortars", 12)]);
        var delivery = Event("e2", "delivery", 30, new(), [new("rifles", null)], negative: true, links: [new LedgerLink("fails", "e1", "the rifles have not arrived", null, 300)]);
        var rows = LedgerBuilder.Commitments([new LedgerDocument("memo", [order, delivery], Names)]);

        Assert.Equal(3, rows.Count);
        Assert.All(rows.Take(2), r => Assert.Equal("ordered", r.Action));
        Assert.Equal(["rifles", "mortars"], rows.Take(2).Select(r => r.Item));
        Assert.Equal(["Eden"], rows[0].Via);
        Assert.Equal("not delivered (e2)", rows[0].Status);
        Assert.Equal("not delivered", rows[2].Action);
    }

    [Fact]
    public void Events_without_commitments_stay_out_of_the_ledger_and_undated_ones_out_of_the_timeline()
    {
        var meeting = Event("e1", "meeting", 0, new() { ["participants"] = ["eden", "gromyko"] }, [], "1945-03-03", "1945-03-03T00:00");
        var request = Event("e2", "request", 20, new() { ["requester"] = ["gromyko"] }, []);
        var document = new LedgerDocument("memo", [meeting, request], Names);

        var ledger = LedgerBuilder.Commitments([document]);
        var timeline = LedgerBuilder.Timeline([document]);

        Assert.Equal("e2", Assert.Single(ledger).Event);
        Assert.Equal("open", ledger[0].Status);
        var row = Assert.Single(timeline);
        Assert.Equal(["Eden", "Gromyko"], row.Participants.Select(p => p.Name));
    }

    [Fact]
    public void The_timeline_runs_earliest_first_across_documents()
    {
        var late = Event("e1", "meal", 0, new() { ["host"] = ["harriman"] }, [], "1945-03-09T20:00", "1945-03-09T20:00");
        var early = Event("e1", "travel", 0, new() { ["traveler"] = ["eden"] }, [], "1945-02", "1945-02-01T00:00", anchor: "narrative");
        var timeline = LedgerBuilder.Timeline([new LedgerDocument("b", [late], Names), new LedgerDocument("a", [early], Names)]);

        Assert.Equal(["travel", "meal"], timeline.Select(r => r.Type));
        Assert.True(timeline[0].Anchored);
        Assert.Equal("1945-02-01T00:00", timeline[0].Earliest);
    }
}
