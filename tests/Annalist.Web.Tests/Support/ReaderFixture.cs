using System.Net.Http.Json;
using System.Text.Json;

namespace Annalist.Web.Tests.Support;

/// <summary>The reader served by real Kestrel on a free loopback port over <see cref="TestCorpus"/>.</summary>
public sealed class ReaderFixture : IAsyncLifetime
{
    public const string Token = "test-write-token-0123456789abcdef";

    public TestCorpus Corpus { get; private set; } = null!;

    public ReaderServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public Uri Address => Server.Address;

    public async Task InitializeAsync()
    {
        Corpus = TestCorpus.Create();
        Server = await ReaderServer.StartAsync(new ReaderOptions { StoreLocation = Corpus.StoreFile, Port = 0, WriteToken = Token });
        // Cookies are sent by hand, so that a test can leave the anti-forgery cookie out.
        Http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = Server.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        Corpus.Dispose();
    }

    public async Task<JsonElement> GetJson(string path)
    {
        using var response = await Http.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The id of a document by its file name.</summary>
    public async Task<long> DocumentId(string file)
    {
        var page = await GetJson("/api/documents?limit=100");
        return page.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("name").GetString() == file).GetProperty("id").GetInt64();
    }

    /// <summary>A fresh anti-forgery token and the cookie it goes with, as a page of the server gets them.</summary>
    public async Task<(string Token, string Cookie)> Antiforgery()
    {
        using var response = await Http.GetAsync("/api/antiforgery");
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        string cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        return (body.GetProperty("token").GetString()!, cookie);
    }
}

[CollectionDefinition(Name)]
public sealed class ReaderCollection : ICollectionFixture<ReaderFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "reader";
}
