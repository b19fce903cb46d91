using System.Collections.Immutable;
using Annalist.Core.Ledger;
using Annalist.Core.Text;
using Annalist.Web.Corpus;

namespace Annalist.Web.Tests.Corpus;

/// <summary>The ledger, network and timeline built from documents' facts, without a store.</summary>
public sealed class CorpusViewsTests
{
    private static EventFact Event(int start, string type, string? polarity = "positive", string? modality = null, string? time = null,
        ImmutableDictionary<string, ImmutableArray<string>>? roles = null) =>
        new(new TextSpan(start, start + 10), type, new TextSpan(start, start + 4), type, polarity, modality,
            roles ?? ImmutableDictionary<string, ImmutableArray<string>>.Empty, [], time, null);

    private static DocumentFacts Document(long id, string date, ImmutableArray<EventFact> events, ImmutableArray<TurnFact> turns = default,
        ImmutableArray<DocumentEntity> entities = default, ImmutableArray<ParticipantFact> participants = default)
    {
        string text = new('x', 400);
        IsoRange.TryParse(date, out string earliest, out _);
        var summary = new DocumentSummary(id, $"doc{id}", $"doc{id}.txt", null, date, earliest, text.Length, 0, 0, events.Length);
        return new DocumentFacts(summary, text, entities.IsDefault ? [] : entities, [], events, turns.IsDefault ? [] : turns, participants.IsDefault ? [] : participants);
    }

    private static DocumentEntity Person(string id) => new(id, "person", id, [id], [], [new TextSpan(0, 1)], null, null, null);

    private static LedgerEvent LedgerFact(string id, string type, int start, params LedgerLink[] links) =>
        new(id, type, false, null, start, start + 10, new string('x', 10), new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal),
            [new LedgerItem("pumps", type == "request" ? 12 : 8)], null, null, null, null, null, links);

    [Fact]
    public void The_ledger_is_the_builders_rows_with_each_events_span_and_documents_in_key_order()
    {
        var asked = LedgerFact("e1", "request", 40);
        var given = LedgerFact("e2", "grant", 120, new LedgerLink("answers", "e1", "", 8, 12));
        var later = Document(2, "1950-01-01", []) with { Ledger = new LedgerDocument("doc2.txt", [asked, given], new Dictionary<string, string>()) };
        var earlier = Document(1, "1951-01-01", []) with { Ledger = new LedgerDocument("doc1.txt", [LedgerFact("e1", "request", 5)], new Dictionary<string, string>()) };
        var ledger = new BuilderLedger().Build([later, earlier]);
        // doc1 before doc2 by key, whatever their dates, as annalist ledger --db lists them.
        Assert.Equal([(1L, "open"), (2L, "granted 8 of 12 (e2)"), (2L, "answers e1: 8 of 12 asked")], ledger.Select(e => (e.Document, e.Status)));
        var request = ledger[1];
        var unnamed = Document(3, "1952", []) with
        {
            Ledger = new LedgerDocument("doc3.txt", [LedgerFact("", "meeting", 0) with { Evidence = "they met" }, LedgerFact("", "request", 30)], new Dictionary<string, string>()),
        };
        // Events without ids (older stores) still find their own span, not that of the first event.
        Assert.Equal((30, "request"), new BuilderLedger().Build([unnamed]).Select(e => (e.Start, e.Type)).Single());
        Assert.Equal((40, 50, "request", "asked for", "pumps", 12.0), (request.Start, request.End, request.Type, request.Action, request.Item, request.Quantity!.Value));
    }

    [Fact]
    public void Speakers_who_answer_each_other_are_tied_once_per_exchange_and_people_listed_together_once_per_record()
    {
        TurnFact Turn(int start, string speaker) => new(new TextSpan(start, start + 5), [speaker], [], speaker, "direct");
        var people = new[] { "ann", "bo", "cy" }.Select(Person).ToImmutableArray();
        var document = Document(1, "1950", [], [Turn(0, "ann"), Turn(10, "bo"), Turn(20, "ann"), Turn(30, "ann")], people,
            [new ParticipantFact("ann", new TextSpan(0, 3)), new ParticipantFact("cy", new TextSpan(5, 7))]);
        var entities = new SameIdEntitySource().Gather([document]).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var network = CorpusViews.Network([document], entities);
        var annBo = network.Edges.Single(e => e.Source == "ann" && e.Target == "bo");
        Assert.Equal(2, annBo.Weight);
        Assert.Equal(2, annBo.Kinds["answered"]);
        var annCy = network.Edges.Single(e => e.Source == "ann" && e.Target == "cy");
        Assert.Equal(1, annCy.Kinds["participants"]);
        Assert.DoesNotContain(network.Edges, e => e.Source == e.Target);
        Assert.Equal(new TextSpan(5, 7), new TextSpan(annCy.Evidence[0].Start, annCy.Evidence[0].End));
    }

    [Fact]
    public void A_meeting_ties_the_people_in_its_roles()
    {
        var roles = ImmutableDictionary<string, ImmutableArray<string>>.Empty.Add("participants", ["ann", "bo"]);
        var people = new[] { "ann", "bo" }.Select(Person).ToImmutableArray();
        var document = Document(1, "1950", [Event(0, "meeting", roles: roles)], entities: people);
        var entities = new SameIdEntitySource().Gather([document]).ToDictionary(e => e.Id, StringComparer.Ordinal);
        Assert.Equal(1, CorpusViews.Network([document], entities).Edges.Single().Kinds["met"]);
    }

    [Fact]
    public void An_event_dated_to_a_month_is_an_uncertain_range_and_an_undated_one_is_left_out()
    {
        var items = CorpusViews.TimelineItems([Document(1, "1950", [Event(0, "travel", time: "1950-03"), Event(20, "meeting", time: "1950-03-04"), Event(40, "grant", time: "PRESENT_REF")])]);
        Assert.Equal(2, items.Length);
        var march = items.Single(i => i.Type == "travel");
        Assert.True(march.Uncertain);
        Assert.Equal(("1950-03-01T00:00", "1950-03-31T23:59"), (march.From, march.To));
        Assert.False(items.Single(i => i.Type == "meeting").Uncertain);
    }

    [Fact]
    public void Entities_of_two_records_with_one_id_are_one_corpus_entity_with_the_evidence()
    {
        var first = new DocumentEntity("vera-holm", "person", "Vera Holm", ["Vera Holm"], ["Consul"], [new TextSpan(0, 9)], null, null, null);
        var second = first with { Name = "Holm", Aliases = ["Holm", "Mrs. Holm"], Roles = [], Mentions = [new TextSpan(3, 7), new TextSpan(20, 24)] };
        var gathered = new SameIdEntitySource().Gather([Document(1, "1950", [], entities: [first]), Document(2, "1951", [], entities: [second])]).Single();
        Assert.Equal(2, gathered.Occurrences.Length);
        Assert.Equal(["Consul"], gathered.Roles.ToArray());
        Assert.Equal("Holm", gathered.Name);
        Assert.Equal([2L], gathered.Evidence.Single(e => e.Variant == "Mrs. Holm").Documents.ToArray());
    }
}
