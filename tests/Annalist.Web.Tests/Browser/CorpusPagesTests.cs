using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Annalist.Web.Tests.Support;
using Xunit.Abstractions;

namespace Annalist.Web.Tests.Browser;

/// <summary>
/// The reader over a real corpus (the store <c>ANNALIST_WEB_MEASURE_DB</c> names: the six FRUS volumes and the seed,
/// built by <c>.ci/web-corpus.sh</c>): the seed, found among the corpus by its text, shows its gold turns and
/// normalized dates on its document page, its commitments on the ledger, and its items on the timeline, network
/// and map of the whole corpus.
/// </summary>
[Collection(ReaderCollection.Name)]
public sealed class CorpusPagesTests(BrowserFixture browser, ITestOutputHelper output)
{
    [MeasuredBrowserFact(Shared = true)]
    public async Task The_seed_among_the_corpus_shows_its_turns_dates_ledger_and_corpus_views()
    {
        await using var server = await ReaderServer.StartAsync(new ReaderOptions { StoreLocation = Environment.GetEnvironmentVariable(LongestDocumentRenderTests.StoreVariable)!, Port = 0 });
        var snapshot = server.Context.Index.Current;
        Assert.True(snapshot.Ordered.Length > 1000, $"the store holds {snapshot.Ordered.Length} documents, not a corpus");
        string seedText = Normalized(SeedGold.Text);
        var seed = snapshot.Ordered.Single(d => Normalized(snapshot.Documents[d.Id].Text) == seedText);
        string text = snapshot.Documents[seed.Id].Text;
        using var http = new HttpClient { BaseAddress = server.Address };

        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(new Uri(server.Address, $"/#/document/{seed.Id}").ToString());
        await page.WaitForSelectorAsync($"body[data-ready='/document/{seed.Id}'] #document-text .seg", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await SeedGold.AssertDocumentPageShowsTurnsAndDatesAsync(page, text);
        int normalized = 0;
        var goldDates = SeedGold.Timexes.Where(t => t.Value.Length == 10).ToList();
        foreach (var timex in goldDates)
        {
            int at = text.IndexOf(timex.Text, StringComparison.Ordinal);
            Assert.True(at >= 0, timex.Text);
            string title = await page.EvaluateAsync<string>(
                "at => { const s = [...document.querySelectorAll('#document-text .timex')].find(n => +n.dataset.start <= at && at < +n.dataset.end); return s ? s.title : ''; }", at);
            if (title.Contains(timex.Value, StringComparison.Ordinal)) normalized++;
        }
        output.WriteLine($"{seed.Name} (document {seed.Id} of {snapshot.Ordered.Length}): {normalized} of {goldDates.Count} gold day dates carry their gold value on the page");
        Assert.True(goldDates.Count > 0 && normalized == goldDates.Count, $"{goldDates.Count - normalized} gold day dates of the seed lack their value on its page");
        await BrowserFixture.ScreenshotAsync(page, "corpus-document");

        // Ledger: every commitment of the seed that the API lists appears, linked to its words, on its Ledger page.
        var ledger = await GetAsync(http, $"/api/ledger?document={seed.Id}&limit=500");
        int seedEntries = ledger.GetProperty("items").GetArrayLength();
        Assert.True(seedEntries > 0, "the seed has no ledger entries");
        await page.GotoAsync(new Uri(server.Address, $"/#/ledger?document={seed.Id}").ToString());
        await page.WaitForSelectorAsync("table.ledger tbody tr");
        int shown = await page.EvaluateAsync<int>(
            "id => [...document.querySelectorAll('table.ledger tbody tr')].filter(r => [...r.querySelectorAll('a')].some(a => a.getAttribute('href').startsWith('#/document/' + id + '?at='))).length", seed.Id);
        output.WriteLine($"ledger: {shown} rows of the seed shown, {seedEntries} in the API");
        Assert.Equal(seedEntries, shown);
        await BrowserFixture.ScreenshotAsync(page, "corpus-ledger");

        // Timeline: over the seed's dated span, its items are drawn.
        var timeline = await GetAsync(http, $"/api/timeline?kind=all&document={seed.Id}&limit=5000");
        var seedItems = timeline.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(seedItems);
        string from = seedItems.Select(i => i.GetProperty("from").GetString()![..10]).Min(StringComparer.Ordinal)!;
        string to = seedItems.Select(i => i.GetProperty("to").GetString()![..10]).Max(StringComparer.Ordinal)!;
        await page.GotoAsync(new Uri(server.Address, $"/#/timeline?kind=all&from={from}&to={to}").ToString());
        await page.WaitForSelectorAsync("#timeline .vis-item", new() { Timeout = 15_000 });
        await page.WaitForTimeoutAsync(200);
        var labels = await page.Locator("#timeline .vis-item").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.textContent)");
        int seedLabels = labels.Count(l => l.EndsWith(" · " + seed.Name, StringComparison.Ordinal));
        output.WriteLine($"timeline {from} – {to}: {labels.Length} items drawn, {seedLabels} of the seed ({seedItems.Count} in the API)");
        Assert.True(seedLabels > 0, "no timeline item of the seed is drawn");
        await ZoomTimelineOntoAsync(page, seed.Name);
        await BrowserFixture.ScreenshotAsync(page, "corpus-timeline");

        // Network: over the seed's date, its speakers (as corpus entities) are nodes, and their ties are listed with links to them.
        var speakers = snapshot.Documents[seed.Id].Turns.SelectMany(t => t.Speakers).Select(s => snapshot.EntityOf(seed.Id, s) ?? s).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(speakers.Count >= 2, $"the seed's turns have {speakers.Count} speakers");
        string day = seed.Earliest![..10];
        var network = await GetAsync(http, $"/api/network?from={day}&to={day}&limit=120");
        var nodeIds = network.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.All(speakers, s => Assert.Contains(s, nodeIds));
        await page.GotoAsync(new Uri(server.Address, $"/#/network?from={day}&to={day}").ToString());
        await page.WaitForSelectorAsync("#network canvas", new() { Timeout = 15_000 });
        await page.WaitForTimeoutAsync(300);
        string label = (await page.Locator("#network").GetAttributeAsync("aria-label"))!;
        Assert.Equal($"Network of {nodeIds.Count} people", label[..label.IndexOf(" and ", StringComparison.Ordinal)]);
        var linked = await page.Locator("ol.ties a[href^='#/entity/']").EvaluateAllAsync<string[]>("nodes => nodes.map(n => decodeURIComponent(n.getAttribute('href').slice('#/entity/'.length)))");
        int linkedSpeakers = speakers.Count(s => linked.Contains(s));
        output.WriteLine($"network on {day}: {label}; {linkedSpeakers} of the seed's {speakers.Count} speakers in the listed ties");
        Assert.True(linkedSpeakers >= 2, "fewer than two of the seed's speakers are tied in the network");
        await BrowserFixture.ScreenshotAsync(page, "corpus-network");

        // Map: a marker for every place with coordinates, among them the seed's, whose tooltips name them.
        var places = (await GetAsync(http, "/api/places?limit=500")).EnumerateArray().ToList();
        var seedPlaces = places.Where(p => p.GetProperty("documents").EnumerateArray().Any(d => d.GetProperty("document").GetInt64() == seed.Id))
            .Select(p => p.GetProperty("name").GetString()!).ToList();
        Assert.NotEmpty(seedPlaces);
        await page.GotoAsync(new Uri(server.Address, "/#/map").ToString());
        // The view moves onto the places once they are drawn, and countries outside it keep an empty path: wait for one on screen.
        await page.WaitForSelectorAsync("#map path.leaflet-interactive >> visible=true", new() { Timeout = 15_000 });
        await page.WaitForTimeoutAsync(300);
        var tooltips = await page.EvaluateAsync<string[]>("""
            () => {
              const names = [];
              for (const path of document.querySelectorAll('#map path.leaflet-interactive')) {
                if (!/a/i.test(path.getAttribute('d') || '')) continue;
                path.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, clientX: 1, clientY: 1 }));
                const tips = document.querySelectorAll('#map .leaflet-tooltip');
                if (tips.length) names.push(tips[tips.length - 1].textContent);
                path.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, clientX: 1, clientY: 1 }));
              }
              return names;
            }
            """);
        int seedMarkers = seedPlaces.Count(name => tooltips.Any(t => t.StartsWith(name + " (", StringComparison.Ordinal)));
        output.WriteLine($"map: {tooltips.Length} place markers for {places.Count} places; {seedMarkers} of the seed's {seedPlaces.Count} places marked ({string.Join(", ", seedPlaces)})");
        Assert.Equal(places.Count, tooltips.Length);
        Assert.Equal(seedPlaces.Count, seedMarkers);
        await BrowserFixture.ScreenshotAsync(page, "corpus-map");

        Assert.Empty(watched.Dialogs);
        Assert.Empty(watched.ConsoleErrors);
    }

    /// <summary>
    /// Ranges of other records (a century, a decade) widen the timeline's window to centuries and stack the seed's
    /// items far above it; for the screenshot, zoom (Ctrl+wheel) towards the seed's dated points, as a reader would,
    /// then drag them down into view.
    /// </summary>
    private static async Task ZoomTimelineOntoAsync(IPage page, string documentName)
    {
        const string Measure = """
            name => {
              const holder = document.querySelector('#timeline').getBoundingClientRect();
              const mine = [...document.querySelectorAll('#timeline .vis-item')].filter(n => n.textContent.endsWith(' · ' + name));
              const points = mine.filter(n => n.classList.contains('vis-point')).map(n => n.getBoundingClientRect());
              if (!points.length) return null;
              const xs = points.map(r => r.left).sort((a, b) => a - b);
              const x = Math.min(holder.right - 5, Math.max(holder.left + 5, xs[Math.floor(xs.length / 2)] + 4));
              return [x, holder.top + holder.height / 2, Math.max(0, holder.top + 30 - Math.min(...points.map(r => r.top))), holder.left + holder.width / 3];
            }
            """;
        for (int round = 0; round < 10; round++)
        {
            var at = await page.EvaluateAsync<double[]?>(Measure, documentName);
            if (at is null) return;
            await page.Mouse.MoveAsync((float)at[0], (float)at[1]);
            await page.Keyboard.DownAsync("Control");
            for (int step = 0; step < 4; step++) await page.Mouse.WheelAsync(0, -300);
            await page.Keyboard.UpAsync("Control");
            await page.WaitForTimeoutAsync(150);
        }
        var last = await page.EvaluateAsync<double[]?>(Measure, documentName);
        if (last is null) return;
        double y = last[1] - 300;
        for (double left = Math.Max(last[2], 1); left > 0; left -= 500)
        {
            await page.Mouse.MoveAsync((float)last[0], (float)y);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync((float)last[3], (float)(y + Math.Min(500, left)), new() { Steps = 8 });
            await page.Mouse.UpAsync();
            last[0] = last[3];
        }
        await page.WaitForTimeoutAsync(300);
    }

    private static string Normalized(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static async Task<JsonElement> GetAsync(HttpClient http, string path) =>
        (await http.GetFromJsonAsync<JsonElement>(path))!;
}
