using System.Net;
using System.Text.Json;
using Annalist.Web.Api;
using Annalist.Web.Tests.Support;

namespace Annalist.Web.Tests.Api;

/// <summary>The read routes of the API against the real server over the invented test corpus.</summary>
[Collection(ReaderCollection.Name)]
public sealed class ReaderApiTests(ReaderFixture reader)
{
    [Fact]
    public async Task Documents_lists_every_ingested_record_by_date()
    {
        var page = await reader.GetJson("/api/documents");
        Assert.Equal(4, page.GetProperty("total").GetInt32());
        var names = page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToList();
        // 1955 (hostile), 1956 (meeting), April 1957 (diary), May 1957 (press): the documents' first full dates.
        Assert.Equal([TestCorpus.HostileFile, TestCorpus.MeetingFile, TestCorpus.DiaryFile, TestCorpus.PressFile], names);
    }

    [Fact]
    public async Task Document_page_returns_the_exact_text_and_the_layers_asked_for()
    {
        long id = await reader.DocumentId(TestCorpus.MeetingFile);
        var view = await reader.GetJson($"/api/documents/{id}?layers=turns,mentions");
        string text = view.GetProperty("text").GetString()!;
        Assert.Equal(File.ReadAllText(reader.Corpus.PathOf(TestCorpus.MeetingFile)), text);
        var layers = view.GetProperty("layers").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!);
        Assert.Equal(["mentions", "turns"], layers.Keys.Order());
        var turns = layers["turns"].GetProperty("items").EnumerateArray().ToList();
        Assert.True(turns.Count >= 3, $"expected the meeting's turns, got {turns.Count}");
        // Fields are JSON objects, not strings, and their offsets index the text.
        var first = turns[0];
        Assert.Equal(JsonValueKind.Object, first.GetProperty("fields").ValueKind);
        Assert.StartsWith("Our harbour board", text[first.GetProperty("start").GetInt32()..first.GetProperty("end").GetInt32()]);
        Assert.Contains(view.GetProperty("allLayers").EnumerateArray(), l => l.GetProperty("name").GetString() == "tokens");
    }

    [Fact]
    public async Task Unknown_document_and_route_are_coded_problems()
    {
        using var missing = await reader.Http.GetAsync("/api/documents/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ANL7001", problem.GetProperty("code").GetString());
        using var route = await reader.Http.GetAsync("/api/no-such-route");
        Assert.Equal(HttpStatusCode.NotFound, route.StatusCode);
        Assert.Contains("ANL7001", await route.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Entities_gather_a_place_named_in_two_documents()
    {
        var page = await reader.GetJson("/api/entities?type=place&limit=50");
        var vienna = page.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "Vienna");
        Assert.Equal(2, vienna.GetProperty("documents").GetInt32());
        Assert.Equal(3, vienna.GetProperty("mentions").GetInt32());
        var entity = await reader.GetJson("/api/entities/" + vienna.GetProperty("id").GetString());
        Assert.Equal(3, entity.GetProperty("totalMentions").GetInt32());
        foreach (var mention in entity.GetProperty("mentions").EnumerateArray()) Assert.Equal("Vienna", mention.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Entity_page_lists_what_a_speaker_said()
    {
        var people = await reader.GetJson("/api/entities?type=person&q=Whitcombe");
        string id = people.GetProperty("items")[0].GetProperty("id").GetString()!;
        var entity = await reader.GetJson("/api/entities/" + Uri.EscapeDataString(id));
        var said = entity.GetProperty("turns").EnumerateArray().Select(t => t.GetProperty("passage").GetProperty("text").GetString()).ToList();
        Assert.Contains(said, s => s!.StartsWith("We will give you the two dredgers", StringComparison.Ordinal));
        Assert.Contains(said, s => s!.StartsWith("I cannot promise that today", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_returns_keyword_in_context_with_a_citation_that_points_at_the_words()
    {
        var result = await reader.GetJson("/api/search?q=dredgers&limit=5");
        var hits = result.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        long meeting = await reader.DocumentId(TestCorpus.MeetingFile);
        var hit = hits.First();
        Assert.Equal(meeting, hit.GetProperty("document").GetInt64());
        string text = File.ReadAllText(reader.Corpus.PathOf(TestCorpus.MeetingFile));
        Assert.Equal("dredgers", text[hit.GetProperty("start").GetInt32()..hit.GetProperty("end").GetInt32()], ignoreCase: true);
        Assert.Contains("¶", hit.GetProperty("citation").GetString());
    }

    [Fact]
    public async Task Search_without_words_is_a_coded_bad_request_and_the_limit_is_capped()
    {
        using var empty = await reader.Http.GetAsync("/api/search?q=%22%22");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("ANL7002", await empty.Content.ReadAsStringAsync());
        var capped = await reader.GetJson("/api/search?q=the&limit=100000");
        Assert.Equal(ReaderApi.MaxSearchHits, capped.GetProperty("limit").GetInt32());
        var documents = await reader.GetJson("/api/documents?limit=100000");
        Assert.Equal(ReaderApi.MaxLimit, documents.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task Timeline_spans_the_corpus_and_draws_a_month_as_a_range()
    {
        var timeline = await reader.GetJson("/api/timeline?kind=all");
        Assert.StartsWith("1955-06-01", timeline.GetProperty("earliest").GetString());
        Assert.StartsWith("1957", timeline.GetProperty("latest").GetString());
        var items = timeline.GetProperty("items").EnumerateArray().ToList();
        var april = items.Single(i => i.GetProperty("kind").GetString() == "timex" && i.GetProperty("from").GetString() == "1956-04-01T00:00");
        Assert.True(april.GetProperty("uncertain").GetBoolean());
        Assert.Equal("1956-04-30T23:59", april.GetProperty("to").GetString());
        var filtered = await reader.GetJson("/api/timeline?kind=all&from=1957&to=1957");
        Assert.All(filtered.GetProperty("items").EnumerateArray(), i => Assert.StartsWith("1957", i.GetProperty("to").GetString()));
        using var bad = await reader.Http.GetAsync("/api/timeline?from=last-week");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Network_links_speakers_who_answered_each_other_with_evidence()
    {
        var network = await reader.GetJson("/api/network");
        // Nodes are corpus entities (the store's ids); their names say who they are.
        var names = network.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, n => n.GetProperty("name").GetString()!);
        var edge = network.GetProperty("edges").EnumerateArray().Single(e =>
            new[] { names[e.GetProperty("source").GetString()!], names[e.GetProperty("target").GetString()!] }.Order().SequenceEqual(["Arvid Lindqvist", "Harold Whitcombe"]));
        Assert.True(edge.GetProperty("weight").GetInt32() >= 1);
        var evidence = edge.GetProperty("evidence")[0];
        Assert.Equal(await reader.DocumentId(TestCorpus.MeetingFile), evidence.GetProperty("document").GetInt64());
        var before = await reader.GetJson("/api/network?to=1955");
        Assert.Empty(before.GetProperty("edges").EnumerateArray());
    }

    [Fact]
    public async Task Places_carry_gazetteer_coordinates_and_their_documents()
    {
        var places = (await reader.GetJson("/api/places")).EnumerateArray().ToList();
        var budapest = places.Single(p => p.GetProperty("name").GetString() == "Budapest");
        Assert.InRange(budapest.GetProperty("latitude").GetDouble(), 47, 48);
        Assert.InRange(budapest.GetProperty("longitude").GetDouble(), 18, 20);
        Assert.Equal(await reader.DocumentId(TestCorpus.DiaryFile), budapest.GetProperty("documents")[0].GetProperty("document").GetInt64());
    }

    [Fact]
    public async Task Ledger_holds_the_request_and_what_answered_it()
    {
        long meeting = await reader.DocumentId(TestCorpus.MeetingFile);
        var ledger = await reader.GetJson($"/api/ledger?document={meeting}");
        var entries = ledger.GetProperty("items").EnumerateArray().ToList();
        var request = entries.Single(e => e.GetProperty("type").GetString() == "request");
        // The first promise answers the request; the board's reported promise to send engineers comes later.
        var promise = entries.First(e => e.GetProperty("type").GetString() == "commitment" && e.GetProperty("action").GetString() == "promised");
        // The request is answered by the promise after it, as the ledger builder links them.
        Assert.Equal($"promised ({promise.GetProperty("event").GetString()})", request.GetProperty("status").GetString());
        Assert.StartsWith($"answers {request.GetProperty("event").GetString()}", promise.GetProperty("status").GetString(), StringComparison.Ordinal);
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "did not promise");
    }

    [Fact]
    public async Task OpenApi_describes_every_route()
    {
        var openApi = await reader.GetJson("/openapi/v1.json");
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (string path in (string[])["/api/documents", "/api/documents/{id}", "/api/entities/{id}", "/api/search", "/api/timeline", "/api/network", "/api/places", "/api/ledger", "/api/corrections"])
            Assert.Contains(path, paths);
        Assert.True(openApi.GetProperty("paths").GetProperty("/api/corrections").TryGetProperty("post", out _));
    }

    [Fact]
    public async Task Pages_are_served_with_a_strict_content_security_policy()
    {
        using var index = await reader.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        string csp = index.Headers.GetValues("Content-Security-Policy").Single();
        var directives = csp.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("style-src 'self'", directives["style-src"]);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("default-src 'none'", directives["default-src"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.DoesNotContain("unsafe-eval", csp);
        string html = await index.Content.ReadAsStringAsync();
        Assert.Contains("src=\"/app.js\"", html);
        Assert.DoesNotMatch("<script>[^<]", html);
        using var script = await reader.Http.GetAsync("/app.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", script.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
