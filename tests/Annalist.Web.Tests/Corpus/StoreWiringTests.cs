using System.Net.Http.Json;
using System.Text.Json;
using Annalist.Core.Annotations;
using Annalist.Core.Ledger;
using Annalist.Formats.Ledger;
using Annalist.Store;
using Annalist.Store.Ingest;
using Annalist.Store.Sqlite;
using Annalist.Web.Tests.Support;

namespace Annalist.Web.Tests.Corpus;

/// <summary>
/// The reader over a store of its own, built here from two invented records that name one man differently:
/// the entity pages show the store's corpus entities with their evidence, and the ledger the builder's rows.
/// </summary>
public sealed class StoreWiringTests : IAsyncLifetime
{
    private const string Talks = """
        Memorandum of Conversation, Kuibyshev, May 4, 1944

        Participants: Ambassador Harriman, Minister Petrov.

        Petrov: "We request fifty locomotives from your government."

        Harriman: "Locomotives are scarce. Still, I can give 30 locomotives."
        """;

    private const string Report = """
        Diary, Washington, June 9, 1944

        J. Harriman reported to the President on the talks about locomotives. The President thanked him.
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "annalist-web-wiring-" + Guid.NewGuid().ToString("N"));
    private ReaderServer _server = null!;
    private HttpClient _http = null!;

    private string StoreFile => Path.Combine(_folder, "corpus.db");

    public async Task InitializeAsync()
    {
        string records = Path.Combine(_folder, "records");
        Directory.CreateDirectory(records);
        File.WriteAllText(Path.Combine(records, "talks.txt"), Talks);
        File.WriteAllText(Path.Combine(records, "report.txt"), Report);
        using (var store = SqliteCorpusStore.Open(StoreFile))
            new CorpusIngester(store, TestCorpus.Pipeline.Value) { MaxDegreeOfParallelism = 1 }.Ingest([records]);
        _server = await ReaderServer.StartAsync(new ReaderOptions { StoreLocation = StoreFile, Port = 0, WriteToken = ReaderFixture.Token });
        _http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _server.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Two_records_naming_one_man_differently_give_one_entity_with_the_evidence_of_each_name()
    {
        var page = await _http.GetFromJsonAsync<JsonElement>("/api/entities?type=person&q=Harriman");
        var found = page.GetProperty("items").EnumerateArray().ToList();
        var harriman = Assert.Single(found);
        Assert.Equal(2, harriman.GetProperty("documents").GetInt32());
        string id = harriman.GetProperty("id").GetString()!;

        long storeId;
        using (var store = SqliteCorpusStore.Open(StoreFile)) storeId = store.FindEntities("Harriman", "person").Single().Id;
        Assert.Equal(storeId.ToString(System.Globalization.CultureInfo.InvariantCulture), id);

        var view = await _http.GetFromJsonAsync<JsonElement>("/api/entities/" + id);
        var entity = view.GetProperty("entity");
        var evidence = entity.GetProperty("evidence").EnumerateArray()
            .ToDictionary(e => e.GetProperty("variant").GetString()!, e => (Reason: e.GetProperty("reason").GetString()!, Documents: e.GetProperty("documents").GetArrayLength()));
        Assert.Contains(evidence.Keys, v => v.StartsWith("J.", StringComparison.Ordinal));
        Assert.Contains(evidence.Keys, v => !v.StartsWith("J.", StringComparison.Ordinal));
        Assert.All(evidence.Values, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
        Assert.Equal(2, entity.GetProperty("occurrences").GetArrayLength());
        Assert.True(view.GetProperty("totalMentions").GetInt32() >= 2);
        Assert.NotEmpty(view.GetProperty("turns").EnumerateArray());
    }

    [Fact]
    public async Task A_link_by_a_documents_own_entity_id_opens_the_corpus_entity_it_belongs_to()
    {
        long talks = await DocumentId("talks.txt");
        var local = await _http.GetFromJsonAsync<JsonElement>($"/api/documents/{talks}/entities");
        string localId = local.GetProperty("entities").EnumerateArray().First(e => e.GetProperty("name").GetString()!.Contains("Harriman", StringComparison.Ordinal)).GetProperty("id").GetString()!;
        var view = await _http.GetFromJsonAsync<JsonElement>("/api/entities/" + Uri.EscapeDataString(localId));
        Assert.Equal(2, view.GetProperty("entity").GetProperty("occurrences").GetArrayLength());
    }

    [Fact]
    public async Task The_ledger_shows_the_request_and_the_grant_that_answers_it_as_annalist_ledger_does()
    {
        long talks = await DocumentId("talks.txt");
        var page = await _http.GetFromJsonAsync<JsonElement>($"/api/ledger?document={talks}");
        var rows = page.GetProperty("items").EnumerateArray().ToList();
        var request = rows.Single(r => r.GetProperty("type").GetString() == "request");
        var grant = rows.Single(r => r.GetProperty("type").GetString() == "grant");
        Assert.Equal($"granted 30 of 50 ({grant.GetProperty("event").GetString()})", request.GetProperty("status").GetString());
        Assert.StartsWith("answers " + request.GetProperty("event").GetString(), grant.GetProperty("status").GetString(), StringComparison.Ordinal);
        int start = request.GetProperty("start").GetInt32(), end = request.GetProperty("end").GetInt32();
        Assert.Equal(request.GetProperty("evidence").GetString(), (await StoredText(talks))[start..end]);

        // The rows are those of the builder over the stored fields, which annalist ledger --db prints.
        IReadOnlyList<CommitmentRow> expected;
        using (var store = SqliteCorpusStore.Open(StoreFile))
        {
            var document = store.GetFingerprints().Keys.Select(store.FindDocument).First(d => d?.Name == "talks.txt")!;
            var fields = store.GetAnnotations(document.Id, LayerNames.Events).Concat(store.GetAnnotations(document.Id, LayerNames.Entities)).Select(a => new StoredFields(a.Layer, a.Span, a.Fields));
            expected = LedgerBuilder.Commitments([StoredLedgerReader.Read(document.Name, document.Text, fields)]);
        }
        Assert.Equal(expected.Select(r => (r.Event, r.Status, r.Item)), rows.Select(r => (r.GetProperty("event").GetString()!, r.GetProperty("status").GetString()!, r.GetProperty("item").GetString())));

        var granted = await _http.GetFromJsonAsync<JsonElement>("/api/ledger?status=granted");
        Assert.Contains(granted.GetProperty("items").EnumerateArray(), r => r.GetProperty("type").GetString() == "request");
    }

    [Fact]
    public async Task Merge_and_split_from_the_web_go_through_the_store_and_need_the_write_token()
    {
        string harriman = await PersonId("Harriman"), petrov = await PersonId("Petrov");
        using (var refused = await Post($"/api/entities/{harriman}/merge", new { from = petrov }, token: null))
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.NotEqual(await PersonId("Petrov"), harriman);

        using (var merged = await Post($"/api/entities/{harriman}/merge", new { from = petrov, note = "one man, two names" }, ReaderFixture.Token))
            Assert.True(merged.IsSuccessStatusCode, await merged.Content.ReadAsStringAsync());
        using (var store = SqliteCorpusStore.Open(StoreFile))
            Assert.Equal(store.FindEntities("Harriman", "person").Single().Id, store.FindEntities("Petrov", "person").Single().Id);
        Assert.Equal(harriman, await PersonId("Petrov"));

        // The entity merged away is no entity of the corpus any more; an entity cannot be merged into itself.
        using (var gone = await Post($"/api/entities/{harriman}/merge", new { from = petrov }, ReaderFixture.Token))
            Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
        using (var itself = await Post($"/api/entities/{harriman}/merge", new { from = harriman }, ReaderFixture.Token))
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, itself.StatusCode);

        string petrovName = (await _http.GetFromJsonAsync<JsonElement>("/api/entities/" + harriman)).GetProperty("entity").GetProperty("aliases").EnumerateArray()
            .Select(a => a.GetString()!).First(a => a.Contains("Petrov", StringComparison.Ordinal));
        using (var split = await Post($"/api/entities/{harriman}/split", new { names = new[] { petrovName } }, ReaderFixture.Token))
            Assert.True(split.IsSuccessStatusCode, await split.Content.ReadAsStringAsync());
        Assert.NotEqual(harriman, await PersonId("Petrov"));
        Assert.Equal(harriman, await PersonId("Harriman"));
    }

    private async Task<string> PersonId(string name)
    {
        var page = await _http.GetFromJsonAsync<JsonElement>("/api/entities?type=person&q=" + Uri.EscapeDataString(name));
        return page.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString()!;
    }

    private async Task<HttpResponseMessage> Post(string path, object body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null) request.Headers.Add(Annalist.Web.Security.WriteGuard.TokenHeader, token);
        using var antiforgery = await _http.GetAsync("/api/antiforgery");
        var issued = await antiforgery.Content.ReadFromJsonAsync<JsonElement>();
        request.Headers.Add(Annalist.Web.Security.WriteGuard.AntiforgeryHeader, issued.GetProperty("token").GetString());
        request.Headers.Add("Cookie", string.Join("; ", antiforgery.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        return await _http.SendAsync(request);
    }

    private async Task<string> StoredText(long id) => (await _http.GetFromJsonAsync<JsonElement>($"/api/documents/{id}?layers=events")).GetProperty("text").GetString()!;

    private async Task<long> DocumentId(string name)
    {
        var page = await _http.GetFromJsonAsync<JsonElement>("/api/documents?limit=100");
        return page.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("name").GetString() == name).GetProperty("id").GetInt64();
    }
}
