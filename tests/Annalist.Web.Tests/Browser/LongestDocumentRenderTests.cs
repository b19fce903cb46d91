using System.Diagnostics;
using Annalist.Web.Tests.Support;
using Xunit.Abstractions;

namespace Annalist.Web.Tests.Browser;

/// <summary>
/// The page of the longest document of a real corpus renders all its text in Chromium; the times are printed. The
/// speed target (a median within a second) is the <c>web-render</c> benchmark's (docs/web.md), not this test's. Runs only when
/// <c>ANNALIST_WEB_MEASURE_DB</c> names a store (for example the six FRUS volumes and the seed, see docs/web.md),
/// since the corpus is not part of the repository.
/// </summary>
[Collection(ReaderCollection.Name)]
public sealed class LongestDocumentRenderTests(BrowserFixture browser, ITestOutputHelper output)
{
    public const string StoreVariable = "ANNALIST_WEB_MEASURE_DB";

    [MeasuredBrowserFact]
    public async Task The_longest_document_page_renders_all_its_text()
    {
        await using var server = await ReaderServer.StartAsync(new ReaderOptions { StoreLocation = Environment.GetEnvironmentVariable(StoreVariable)!, Port = 0 });
        var longest = server.Context.Index.Current.Ordered.MaxBy(d => d.Length)!;
        var timings = new List<double>();
        for (int run = 0; run < 5; run++)
        {
            await using var watched = await browser.OpenAsync();
            var page = watched.Page;
            var started = Stopwatch.GetTimestamp();
            await page.GotoAsync(new Uri(server.Address, $"/#/document/{longest.Id}").ToString());
            await page.WaitForSelectorAsync($"body[data-ready='/document/{longest.Id}'] #document-text .seg", new() { Timeout = 30_000 });
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (run == 0) await BrowserFixture.ScreenshotAsync(page, "longest-document");
            Assert.Equal(longest.Length, (await page.Locator("#document-text .seg").EvaluateAllAsync<int[]>("nodes => nodes.map(n => n.textContent.length)")).Sum());
        }
        timings.Sort();
        output.WriteLine($"{longest.Name}, {longest.Length:N0} characters: page rendered in {string.Join(", ", timings.Select(t => $"{t:F0}"))} ms (median {timings[2]:F0} ms)");
    }
}

/// <summary>A browser test that also needs <see cref="LongestDocumentRenderTests.StoreVariable"/>.</summary>
public sealed class MeasuredBrowserFactAttribute : FactAttribute
{
    public MeasuredBrowserFactAttribute()
    {
        if (!BrowserFixture.Available) Skip = $"{BrowserFixture.ChromiumPath} is absent.";
        else if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(LongestDocumentRenderTests.StoreVariable)))
            Skip = $"Set {LongestDocumentRenderTests.StoreVariable} to a store (docs/web.md) to measure the longest document's page.";
    }

    /// <summary>Also needs <c>../shared</c> (the seed and its gold): skipped with a message without it.</summary>
    public bool Shared
    {
        get => false;
        init
        {
            if (value && !Annalist.Tests.SharedData.Available && Skip is null) Skip = Annalist.Tests.SharedData.MissingMessage;
        }
    }
}
