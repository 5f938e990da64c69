using Microsoft.Playwright;

namespace MYK10.Participation.Web.Tests.Infrastructure;

/// <summary>
/// One headless Debian Chromium (driven by Playwright) for all browser tests. Pages are opened against a site
/// served on a real loopback Kestrel port.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}: run the README's test command, which installs Debian's chromium package.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The closed network of the build machines refuses Chromium's own background connections.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh, German browser context on <paramref name="site"/>; desktop size unless given.</summary>
    public async Task<IPage> OpenAsync(SiteFactory site, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.ServerAddress.ToString(),
            Locale = "de-DE",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        // Generous: a loaded 2-core machine can take seconds for a first render; a real hang still fails.
        page.SetDefaultTimeout(30_000);
        page.SetDefaultNavigationTimeout(30_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
