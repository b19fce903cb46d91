using System.Diagnostics;
using System.Globalization;
using Annalist.Web;
using Microsoft.Playwright;

namespace Annalist.Benchmarks.Web;

/// <summary>
/// <c>dotnet run -c Release --project bench/Annalist.Benchmarks -- web-render --db LOCATION [--runs 5] [--chromium /usr/bin/chromium]</c>:
/// how long the page of the store's longest document takes in Debian's Chromium, headless, from navigation to its
/// rendered text, in fresh tabs. The target is a median within a second; the run says whether it was met.
/// </summary>
public static class LongestDocumentRender
{
    public const string Command = "web-render";

    private const double TargetMilliseconds = 1000;

    private static readonly string[] Flags =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    public static async Task<int> Run(string[] args)
    {
        string? location = CommandOptions.Value(args, "--db");
        string chromium = CommandOptions.Value(args, "--chromium") ?? "/usr/bin/chromium";
        int runs = int.Parse(CommandOptions.Value(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        if (location is null || runs < 1)
        {
            Console.Error.WriteLine("Give --db LOCATION (a store made by annalist ingest) and, if you like, --runs N (at least 1).");
            return 2;
        }
        if (!File.Exists(chromium))
        {
            Console.Error.WriteLine($"{chromium} is absent: install Debian's chromium, or give --chromium PATH.");
            return 2;
        }
        await using var server = await ReaderServer.StartAsync(new ReaderOptions { StoreLocation = location, Port = 0 });
        var longest = server.Context.Index.Current.Ordered.MaxBy(d => d.Length);
        if (longest is null)
        {
            Console.Error.WriteLine($"{location} holds no document.");
            return 2;
        }
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = Flags });
        var timings = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 950 } });
            var page = await context.NewPageAsync();
            long started = Stopwatch.GetTimestamp();
            await page.GotoAsync(new Uri(server.Address, $"/#/document/{longest.Id}").ToString());
            await page.WaitForSelectorAsync($"body[data-ready='/document/{longest.Id}'] #document-text .seg", new() { Timeout = 60_000 });
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        timings.Sort();
        double median = timings[timings.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{longest.Name}, {longest.Length:N0} characters: page rendered in {string.Join(", ", timings.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms; median {median:F0} ms, target {TargetMilliseconds:F0} ms: {(median <= TargetMilliseconds ? "met" : "missed")}"));
        return 0;
    }
}
