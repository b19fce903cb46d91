using Microsoft.Playwright;

namespace Annalist.Web.Tests.Support;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>) driven by Playwright, headless, with the flags this closed network
/// needs and a fresh profile; no browser is ever downloaded. Absent when the binary is missing.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Flags =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? _playwright;
    private string? _profile;

    public static bool Available => File.Exists(ChromiumPath);

    public IBrowserContext Context { get; private set; } = null!;

    /// <summary>Where screenshots go: <c>TestResults/screenshots/</c> under the test output.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!Available) return;
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        _profile = Path.Combine(Path.GetTempPath(), "annalist-chromium-" + Guid.NewGuid().ToString("N"));
        Context = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = Flags,
            ViewportSize = new ViewportSize { Width = 1400, Height = 950 },
        });
    }

    public async Task DisposeAsync()
    {
        if (Context is not null) await Context.CloseAsync();
        _playwright?.Dispose();
        if (_profile is not null)
        {
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>A new tab that records dialogs (dismissing them), console errors and page errors.</summary>
    public async Task<WatchedPage> OpenAsync()
    {
        var page = await Context.NewPageAsync();
        var watched = new WatchedPage(page);
        page.Dialog += async (_, dialog) =>
        {
            watched.Dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error") watched.ConsoleErrors.Add(message.Text);
        };
        page.PageError += (_, error) => watched.ConsoleErrors.Add(error);
        return watched;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = false });
}

public sealed class WatchedPage(IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public List<string> Dialogs { get; } = [];

    public List<string> ConsoleErrors { get; } = [];

    public ValueTask DisposeAsync() => new(Page.CloseAsync());
}

/// <summary>A test that drives Chromium; skipped with a message when <c>/usr/bin/chromium</c> is absent (or, with <c>Shared</c>, when <c>../shared</c> is).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!BrowserFixture.Available) Skip = $"{BrowserFixture.ChromiumPath} is absent: install Debian's chromium package (apt-get install chromium) to run the browser tests.";
    }

    public bool Shared
    {
        get => false;
        init
        {
            if (value && !Annalist.Tests.SharedData.Available && Skip is null) Skip = Annalist.Tests.SharedData.MissingMessage;
        }
    }
}
