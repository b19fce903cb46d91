using System.Net;
using System.Text;
using System.Text.Json;
using Annalist.Web.Security;
using Annalist.Web.Tests.Support;

namespace Annalist.Web.Tests.Security;

/// <summary>Writes need the token, the anti-forgery token and this server's origin; everything else refuses to write.</summary>
[Collection(ReaderCollection.Name)]
public sealed class WriteSecurityTests(ReaderFixture reader)
{
    private async Task<HttpRequestMessage> Correction(string? token, bool antiforgery = true, string? origin = null, string? body = null)
    {
        long id = await reader.DocumentId(TestCorpus.DiaryFile);
        body ??= JsonSerializer.Serialize(new { document = id, action = "retype", start = 110, end = 118, fields = new { type = "organization" } });
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/corrections") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Add(WriteGuard.TokenHeader, token);
        if (antiforgery)
        {
            var (value, cookie) = await reader.Antiforgery();
            request.Headers.Add(WriteGuard.AntiforgeryHeader, value);
            request.Headers.Add("Cookie", cookie);
        }
        if (origin is not null) request.Headers.Add("Origin", origin);
        return request;
    }

    private async Task<(HttpStatusCode Status, string Code)> Send(HttpRequestMessage request)
    {
        using var response = await reader.Http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        string code = response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()! : "";
        return (response.StatusCode, code);
    }

    private async Task<int> CorrectionCount()
    {
        using var store = reader.Corpus.OpenStore();
        return store.GetCorrections(Path.GetFullPath(reader.Corpus.PathOf(TestCorpus.DiaryFile))).Count;
    }

    [Fact]
    public async Task A_write_without_the_token_is_refused_and_changes_nothing()
    {
        int before = await CorrectionCount();
        Assert.Equal((HttpStatusCode.Unauthorized, "ANL7010"), await Send(await Correction(token: null)));
        Assert.Equal((HttpStatusCode.Forbidden, "ANL7011"), await Send(await Correction(token: "not-the-token-at-all-000000")));
        Assert.Equal(before, await CorrectionCount());
    }

    [Fact]
    public async Task A_write_without_the_anti_forgery_token_is_refused()
    {
        int before = await CorrectionCount();
        Assert.Equal((HttpStatusCode.BadRequest, "ANL7012"), await Send(await Correction(ReaderFixture.Token, antiforgery: false)));
        Assert.Equal(before, await CorrectionCount());
    }

    [Fact]
    public async Task A_write_from_another_origin_is_refused_even_with_the_token()
    {
        Assert.Equal((HttpStatusCode.Forbidden, "ANL7013"), await Send(await Correction(ReaderFixture.Token, origin: "http://evil.example")));
    }

    [Fact]
    public async Task A_request_under_a_foreign_host_name_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
        request.Headers.Host = "rebound.example";
        Assert.Equal((HttpStatusCode.BadRequest, "ANL7002"), await Send(request));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused()
    {
        string huge = "{\"document\":1,\"action\":\"add\",\"start\":0,\"end\":1,\"note\":\"" + new string('x', 200_000) + "\"}";
        var (status, code) = await Send(await Correction(ReaderFixture.Token, body: huge));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("ANL7020", code);
    }

    [Fact]
    public async Task Invalid_corrections_are_coded_bad_requests()
    {
        long id = await reader.DocumentId(TestCorpus.DiaryFile);
        Assert.Equal((HttpStatusCode.BadRequest, "ANL7030"), await Send(await Correction(ReaderFixture.Token,
            body: JsonSerializer.Serialize(new { document = id, action = "explode", start = 0, end = 4 }))));
        Assert.Equal((HttpStatusCode.BadRequest, "ANL5031"), await Send(await Correction(ReaderFixture.Token,
            body: JsonSerializer.Serialize(new { document = id, action = "remove", start = 0, end = 1_000_000 }))));
        Assert.Equal((HttpStatusCode.BadRequest, "ANL7030"), await Send(await Correction(ReaderFixture.Token,
            body: JsonSerializer.Serialize(new { document = id, action = "date", layer = "timexes", start = 39, end = 52 }))));
        Assert.Equal((HttpStatusCode.BadRequest, "ANL7030"), await Send(await Correction(ReaderFixture.Token,
            body: JsonSerializer.Serialize(new { document = id, action = "retype", layer = "mentions; DROP TABLE", start = 110, end = 118, fields = new { type = "x" } }))));
        Assert.Equal((HttpStatusCode.BadRequest, "ANL7031"), await Send(await Correction(ReaderFixture.Token, body: "{not json")));
    }

    [Fact]
    public async Task Every_other_route_refuses_to_write()
    {
        foreach (string path in (string[])["/api/documents", "/api/documents/1", "/api/entities", "/api/search?q=x", "/api/ledger", "/"])
        {
            foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
            {
                using var request = new HttpRequestMessage(method, path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
                request.Headers.Add(WriteGuard.TokenHeader, ReaderFixture.Token);
                using var response = await reader.Http.SendAsync(request);
                Assert.True(response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, $"{method} {path}: {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task A_correction_with_both_tokens_is_stored_applied_and_indexed()
    {
        long id = await reader.DocumentId(TestCorpus.DiaryFile);
        string body = JsonSerializer.Serialize(new { document = id, action = "date", layer = "timexes", start = 303, end = 311, fields = new { value = "1957-05-15" }, note = "the diary's margin gives the day" });
        int before = await CorrectionCount();
        var (status, code) = await Send(await Correction(ReaderFixture.Token, body: body));
        Assert.True(status == HttpStatusCode.Created, code);
        Assert.Equal(before + 1, await CorrectionCount());
        var view = await reader.GetJson($"/api/documents/{id}?layers=timexes");
        var timex = view.GetProperty("layers")[0].GetProperty("items").EnumerateArray().Single(t => t.GetProperty("start").GetInt32() == 303);
        Assert.Equal("1957-05-15", timex.GetProperty("fields").GetProperty("value").GetString());
        var timeline = await reader.GetJson($"/api/timeline?kind=timex&document={id}");
        Assert.Contains(timeline.GetProperty("items").EnumerateArray(), i => i.GetProperty("from").GetString() == "1957-05-15T00:00");
    }
}
