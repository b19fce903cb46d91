using Annalist.Web.Tests.Support;
using Microsoft.Playwright;

namespace Annalist.Web.Tests.Browser;

/// <summary>A correction made on the document page: refused without the token, stored with it, and still there after re-analysis.</summary>
[Collection(ReaderCollection.Name)]
public sealed class CorrectionInBrowserTests(ReaderFixture reader, BrowserFixture browser)
{
    private async Task<IPage> OpenForCorrection(WatchedPage watched, long id, string name)
    {
        var page = watched.Page;
        await page.GotoAsync(new Uri(reader.Address, $"/#/document/{id}").ToString());
        await page.WaitForSelectorAsync("#document-text .seg");
        await page.GetByRole(AriaRole.Button, new() { Name = "Correct annotations" }).ClickAsync();
        await page.Locator("#document-text a.mention", new() { HasText = name }).First.ClickAsync();
        await page.WaitForSelectorAsync("#mention-type");
        return page;
    }

    [BrowserFact]
    public async Task A_retyped_mention_holds_after_reanalysis_and_a_write_without_the_token_is_refused()
    {
        long id = await reader.DocumentId(TestCorpus.MeetingFile);
        string text = File.ReadAllText(reader.Corpus.PathOf(TestCorpus.MeetingFile));
        int start = text.IndexOf("Baltimore", StringComparison.Ordinal);
        await using var watched = await browser.OpenAsync();

        // Without the token: refused with its code, nothing stored.
        var page = await OpenForCorrection(watched, id, "Baltimore");
        await page.FillAsync("#write-token", "");
        await page.SelectOptionAsync("#mention-type", "organization");
        await page.GetByRole(AriaRole.Button, new() { Name = "Retype" }).ClickAsync();
        await page.WaitForSelectorAsync("#correction-status.bad");
        Assert.Contains("ANL7010", await page.Locator("#correction-status").TextContentAsync());
        Assert.Equal("place", await MentionType(id, start));

        // With the token: stored, applied and shown.
        await page.FillAsync("#write-token", ReaderFixture.Token);
        await page.SelectOptionAsync("#mention-type", "organization");
        await page.GetByRole(AriaRole.Button, new() { Name = "Retype" }).ClickAsync();
        await page.WaitForSelectorAsync("#correction-status.ok");
        Assert.Equal("organization", await MentionType(id, start));
        Assert.Contains("m-organization", await page.Locator("#document-text a.mention", new() { HasText = "Baltimore" }).First.GetAttributeAsync("class") ?? "");
        await BrowserFixture.ScreenshotAsync(page, "correct");

        // Analysed again, as a new pipeline version would: the correction is replayed.
        reader.Corpus.Reanalyze(TestCorpus.MeetingFile);
        Assert.Equal("organization", await MentionType(id, start));
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#document-text a.mention");
        Assert.Contains("m-organization", await page.Locator("#document-text a.mention", new() { HasText = "Baltimore" }).First.GetAttributeAsync("class") ?? "");
        Assert.Contains(await page.Locator("#corrections li").AllTextContentsAsync(), c => c.Contains("Baltimore", StringComparison.Ordinal));
    }

    private async Task<string?> MentionType(long id, int start)
    {
        var view = await reader.GetJson($"/api/documents/{id}?layers=mentions");
        return view.GetProperty("layers")[0].GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("start").GetInt32() == start).GetProperty("fields").GetProperty("type").GetString();
    }
}
