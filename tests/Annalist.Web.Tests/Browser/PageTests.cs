using Annalist.Web.Tests.Support;
using Microsoft.Playwright;

namespace Annalist.Web.Tests.Browser;

/// <summary>Each page of the reader in Chromium over the invented corpus, with a screenshot of each in TestResults/screenshots/.</summary>
[Collection(ReaderCollection.Name)]
public sealed class PageTests(ReaderFixture reader, BrowserFixture browser)
{
    private async Task<WatchedPage> Open(string route, string readySelector)
    {
        var watched = await browser.OpenAsync();
        await watched.Page.GotoAsync(new Uri(reader.Address, "/" + route).ToString());
        await watched.Page.WaitForSelectorAsync(readySelector, new PageWaitForSelectorOptions { Timeout = 15_000 });
        return watched;
    }

    private static void AssertClean(WatchedPage watched)
    {
        Assert.Empty(watched.Dialogs);
        // A content-security-policy violation shows as a console error: the libraries must work under the strict policy.
        Assert.True(watched.ConsoleErrors.Count == 0, string.Join("\n", watched.ConsoleErrors));
    }

    [BrowserFact]
    public async Task Document_page_shows_the_transcript_with_speakers_mentions_dates_and_events()
    {
        long id = await reader.DocumentId(TestCorpus.MeetingFile);
        var view = await reader.GetJson($"/api/documents/{id}?layers=turns");
        int turns = view.GetProperty("layers")[0].GetProperty("items").GetArrayLength();
        await using var watched = await Open($"#/document/{id}", "#document-text .speaker-label");
        var page = watched.Page;
        Assert.Equal(turns, await page.Locator("#document-text .speaker-label").CountAsync());
        var labels = await page.Locator("#document-text .speaker-label").AllTextContentsAsync();
        Assert.Contains("Harold Whitcombe", labels);
        Assert.Contains("Arvid Lindqvist", labels);
        // Two speakers, two colours.
        string whitcombe = await page.Locator("#document-text .speaker-label", new() { HasText = "Harold Whitcombe" }).First.GetAttributeAsync("class") ?? "";
        string lindqvist = await page.Locator("#document-text .speaker-label", new() { HasText = "Arvid Lindqvist" }).First.GetAttributeAsync("class") ?? "";
        Assert.NotEqual(whitcombe, lindqvist);
        // Mentions link to entity pages; dates carry their normalized value on hover; events mark their trigger.
        Assert.Equal("#/entity/geneva", await page.Locator("#document-text a.mention", new() { HasText = "Geneva" }).First.GetAttributeAsync("href"));
        Assert.Contains("1956-03-03", await page.Locator("#document-text .timex").First.GetAttributeAsync("title") ?? "");
        Assert.Contains("request", await page.Locator("#document-text .trigger", new() { HasText = "asks" }).First.GetAttributeAsync("title") ?? "");
        // The words on the page are the document's text, character for character.
        string shown = await page.Locator("#document-text .seg").EvaluateAllAsync<string>("nodes => nodes.map(n => n.textContent).join('')");
        string text = File.ReadAllText(reader.Corpus.PathOf(TestCorpus.MeetingFile));
        Assert.Equal(text.Where(c => !char.IsWhiteSpace(c)), shown.Where(c => !char.IsWhiteSpace(c)));
        // A fact of the side panel links to its words, which are highlighted.
        await page.Locator(".side a", new() { HasText = "April 1956" }).First.ClickAsync();
        await page.WaitForSelectorAsync("#document-text .seg.hit");
        Assert.Contains("April", string.Concat(await page.Locator("#document-text .seg.hit").AllTextContentsAsync()));
        await BrowserFixture.ScreenshotAsync(page, "document");
        AssertClean(watched);
    }

    [BrowserFact]
    public async Task Document_page_names_a_voice_no_person_holds_by_its_words_and_role()
    {
        long id = await reader.DocumentId(TestCorpus.PressFile);
        var view = await reader.GetJson($"/api/documents/{id}?layers=turns");
        var turns = view.GetProperty("layers")[0].GetProperty("items").EnumerateArray().ToList();
        int press = turns.Count(t => t.GetProperty("fields").TryGetProperty("speaker_role", out var role) && role.GetString() == "press");
        Assert.True(press >= 2, $"expected the questions' turns to be the press's, got {press} of {turns.Count}");
        await using var watched = await Open($"#/document/{id}", "#document-text .speaker-label");
        var page = watched.Page;
        var labels = page.Locator("#document-text .speaker-label[data-role='press']");
        Assert.Equal(press, await labels.CountAsync());
        Assert.All(await labels.AllTextContentsAsync(), label => Assert.Equal("Q (press)", label));
        AssertClean(watched);
    }

    [BrowserFact]
    public async Task Documents_page_lists_the_corpus()
    {
        await using var watched = await Open("#/", "table.grid tbody tr");
        Assert.Equal(4, await watched.Page.Locator("table.grid tbody tr").CountAsync());
        await BrowserFixture.ScreenshotAsync(watched.Page, "documents");
        AssertClean(watched);
    }

    [BrowserFact]
    public async Task Entity_page_shows_names_turns_and_mentions()
    {
        await using var watched = await Open("#/entity/harold-whitcombe", "h1");
        var page = watched.Page;
        Assert.Equal("Harold Whitcombe", await page.Locator("main h1").TextContentAsync());
        Assert.True(await page.Locator("main li.passage").CountAsync() >= 3);
        Assert.Contains("two dredgers", await page.Locator("main").TextContentAsync() ?? "");
        await BrowserFixture.ScreenshotAsync(page, "entity");
        AssertClean(watched);
    }

    [BrowserFact]
    public async Task Timeline_page_draws_dated_items_with_uncertain_ones_as_ranges()
    {
        await using var watched = await Open("#/timeline?kind=all", "#timeline .vis-item");
        var page = watched.Page;
        Assert.True(await page.Locator("#timeline .vis-item").CountAsync() >= 5);
        Assert.True(await page.Locator("#timeline .vis-item.vis-range.uncertain").CountAsync() >= 1);
        await BrowserFixture.ScreenshotAsync(page, "timeline");
        AssertClean(watched);
    }

    [BrowserFact]
    public async Task Network_page_draws_the_graph_and_lists_ties_with_evidence()
    {
        await using var watched = await Open("#/network", "#network canvas");
        var page = watched.Page;
        Assert.True(await page.Locator(".ties li").CountAsync() >= 2);
        Assert.True(await page.Locator(".ties li a.at").CountAsync() >= 2);
        await page.WaitForTimeoutAsync(300);
        await BrowserFixture.ScreenshotAsync(page, "network");
        AssertClean(watched);
    }

    [BrowserFact]
    public async Task Map_page_draws_countries_and_places_without_a_tile_server()
    {
        var tileRequests = new List<string>();
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        page.Request += (_, request) => { if (!request.Url.StartsWith(reader.Address.ToString(), StringComparison.Ordinal)) tileRequests.Add(request.Url); };
        await page.GotoAsync(new Uri(reader.Address, "/#/map").ToString());
        // The view moves onto the places once they are drawn, and countries outside it keep an empty path: wait for one on screen.
        await page.WaitForSelectorAsync("#map path.leaflet-interactive >> visible=true", new() { Timeout = 15_000 });
        // Natural Earth's 110m countries, and one circle per place with coordinates.
        Assert.True(await page.Locator("#map path.leaflet-interactive").CountAsync() > 150);
        Assert.Contains("Budapest", await page.Locator(".places").TextContentAsync() ?? "");
        Assert.Empty(tileRequests);
        await BrowserFixture.ScreenshotAsync(page, "map");
        AssertClean(watched);
    }

    [BrowserFact]
    public async Task Ledger_page_lists_commitments_with_status()
    {
        await using var watched = await Open("#/ledger", "table.ledger tbody tr");
        var statuses = await watched.Page.Locator("table.ledger tbody tr td:first-child").AllTextContentsAsync();
        Assert.Contains(statuses, s => s.StartsWith("promised (", StringComparison.Ordinal));
        await BrowserFixture.ScreenshotAsync(watched.Page, "ledger");
        AssertClean(watched);
    }

    [BrowserFact]
    public async Task Search_page_shows_keyword_in_context()
    {
        await using var watched = await Open("#/search", "#search-q");
        var page = watched.Page;
        await page.FillAsync("#search-q", "pilots");
        await page.PressAsync("#search-q", "Enter");
        await page.WaitForSelectorAsync(".hits mark");
        Assert.Equal("pilots", (await page.Locator(".hits mark").First.TextContentAsync())?.ToLowerInvariant());
        await page.Locator(".hits a").First.ClickAsync();
        await page.WaitForSelectorAsync("#document-text .seg.hit");
        Assert.Contains("pilots", string.Concat(await page.Locator("#document-text .seg.hit").AllTextContentsAsync()));
        await BrowserFixture.ScreenshotAsync(page, "search");
        AssertClean(watched);
    }
}
