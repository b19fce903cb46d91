using Annalist.Web.Tests.Support;

namespace Annalist.Web.Tests.Browser;

/// <summary>A record holding markup, event handlers and javascript: links renders them as text and runs none of them.</summary>
[Collection(ReaderCollection.Name)]
public sealed class HostileDocumentTests(ReaderFixture reader, BrowserFixture browser)
{
    private const string InjectedElements = "script:not([src='/app.js']), img, iframe, object, embed, b, [onerror], [onmouseover], [onload], a[href^='javascript'], a[href*='alert']";

    [BrowserFact]
    public async Task The_hostile_document_renders_inert_on_every_page_that_shows_its_words()
    {
        long id = await reader.DocumentId(TestCorpus.HostileFile);
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;

        await page.GotoAsync(new Uri(reader.Address, $"/#/document/{id}").ToString());
        await page.WaitForSelectorAsync("#document-text .seg");
        string shown = await page.Locator("#document-text").TextContentAsync() ?? "";
        Assert.Contains("<script>alert(1)</script>", shown);
        Assert.Contains("<img src=x onerror=\"alert(2)\">", shown);
        Assert.Contains("<a href=\"javascript:alert(3)\">open</a>", shown);
        Assert.Equal(0, await page.Locator("#main").Locator(InjectedElements).CountAsync());
        await page.Locator("#document-text .para", new() { HasText = "javascript:alert(4)" }).First.ClickAsync();
        await page.Locator("#document-text .seg", new() { HasText = "this" }).Last.HoverAsync();
        await BrowserFixture.ScreenshotAsync(page, "hostile-document");

        await page.GotoAsync(new Uri(reader.Address, "/#/search?q=alert").ToString());
        await page.WaitForSelectorAsync(".hits mark");
        Assert.Equal(0, await page.Locator("#main").Locator(InjectedElements).CountAsync());
        Assert.Contains("<script>", await page.Locator(".hits").TextContentAsync() ?? "");

        await page.GotoAsync(new Uri(reader.Address, "/#/timeline?kind=all").ToString());
        await page.WaitForSelectorAsync("#timeline .vis-item");
        Assert.Equal(0, await page.Locator("#main").Locator(InjectedElements).CountAsync());

        await page.WaitForTimeoutAsync(500);
        Assert.Empty(watched.Dialogs);
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('script').length - 1"));
    }
}
