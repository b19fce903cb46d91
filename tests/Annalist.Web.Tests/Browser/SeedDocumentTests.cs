using Annalist.Store.Ingest;
using Annalist.Store.Sqlite;
using Annalist.Tests;
using Annalist.Web.Tests.Support;

namespace Annalist.Web.Tests.Browser;

/// <summary>The shared seed record served and read in Chromium: its document page shows every turn of its hand annotation.</summary>
[Collection(ReaderCollection.Name)]
public sealed class SeedDocumentTests(BrowserFixture browser)
{
    [BrowserFact(Shared = true)]
    public async Task The_seed_document_page_shows_its_twenty_turns_with_speakers_and_dates()
    {
        string folder = Path.Combine(Path.GetTempPath(), "annalist-web-seed-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string storeFile = Path.Combine(folder, "seed.db");
            using (var store = SqliteCorpusStore.Open(storeFile))
                new CorpusIngester(store, TestCorpus.Pipeline.Value) { MaxDegreeOfParallelism = 1 }.Ingest([SharedData.PathTo("seed")]);
            await using var server = await ReaderServer.StartAsync(new ReaderOptions { StoreLocation = storeFile, Port = 0 });
            var document = server.Context.Index.Current.Ordered.Single(d => d.Name.EndsWith(".txt", StringComparison.Ordinal));
            string text = server.Context.Index.Current.Documents[document.Id].Text;
            await using var watched = await browser.OpenAsync();
            var page = watched.Page;
            await page.GotoAsync(new Uri(server.Address, $"/#/document/{document.Id}").ToString());
            await SeedGold.AssertDocumentPageShowsTurnsAndDatesAsync(page, text);
            await BrowserFixture.ScreenshotAsync(page, "seed-document");

            await page.GotoAsync(new Uri(server.Address, "/#/ledger").ToString());
            await page.WaitForSelectorAsync("table.ledger tbody tr");
            await BrowserFixture.ScreenshotAsync(page, "seed-ledger");
            foreach (var (route, selector, name) in new[] { ("timeline?kind=all", "#timeline .vis-item", "seed-timeline"), ("network", "#network canvas", "seed-network"), ("map", "#map path.leaflet-interactive", "seed-map") })
            {
                await page.GotoAsync(new Uri(server.Address, "/#/" + route).ToString());
                await page.WaitForSelectorAsync(selector, new() { Timeout = 15_000 });
                await page.WaitForTimeoutAsync(200);
                await BrowserFixture.ScreenshotAsync(page, name);
            }
            Assert.Empty(watched.Dialogs);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
