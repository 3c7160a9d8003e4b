using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace NormDecay.Cli.Tests.Browser;

/// <summary>What the headless browser saw on one page, and the problems found (empty when the page is fine).</summary>
public sealed record PageCheck(
    string Page,
    string? Language,
    int Charts,
    int Formulas,
    string? BodyDirection,
    bool VazirmatnLoaded,
    string? Screenshot,
    double Milliseconds,
    IReadOnlyList<string> ExternalRequests,
    IReadOnlyList<string> Problems)
{
    public override string ToString() =>
        $"{Page}: {Charts} charts, {Formulas} formulas, dir {BodyDirection}" + (Problems.Count == 0 ? " - ok" : " - " + string.Join("; ", Problems));
}

/// <summary>The result of <see cref="BrowserCheck.Run"/>.</summary>
public sealed record BrowserCheckReport(string SiteDir, string? ChromiumVersion, IReadOnlyList<PageCheck> Pages, IReadOnlyList<string> ExternalRequests)
{
    /// <summary>Every problem of every page, one line each, for an assertion message.</summary>
    public IReadOnlyList<string> Problems =>
        [.. Pages.SelectMany(p => p.Problems.Select(x => $"{p.Page}: {x}")), .. ExternalRequests.Select(u => $"request left the machine: {u}")];
}

/// <summary>Options of <see cref="BrowserCheck.Run"/>.</summary>
public sealed record BrowserCheckOptions
{
    /// <summary>Pages to open, relative to the site ('/'-separated); null opens every .html page outside assets/.</summary>
    public IReadOnlyList<string>? Pages { get; init; }

    /// <summary>Folder for full-page PNG screenshots; null takes none. Default: artifacts/screenshots under the repository.</summary>
    public string? ScreenshotDir { get; init; } = Path.Combine(BrowserCheck.RepositoryRoot, "artifacts", "screenshots");

    /// <summary>The Chromium binary. Default: /usr/bin/chromium (Debian's package).</summary>
    public string ChromiumPath { get; init; } = "/usr/bin/chromium";

    /// <summary>How long one page may take to load and draw. Default: 30 s.</summary>
    public TimeSpan PageTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the whole run may take. Default: 10 min.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>What the pages are: the NormDecay site (every check) or HTML from another exporter (charts only). Default: the site.</summary>
    public PageKind Kind { get; init; } = PageKind.Site;

    /// <summary>A script expression that is true when the page has finished drawing. Default: site.js set <c>data-nd-ready</c>.</summary>
    public string ReadyCondition { get; init; } = "() => document.documentElement.getAttribute('data-nd-ready') !== null";
}

/// <summary>Which checks apply to a page.</summary>
public enum PageKind
{
    /// <summary>A page of the NormDecay site: charts, formulas, direction, fonts, no external request, no script error.</summary>
    Site,

    /// <summary>HTML written by another exporter (e.g. <c>jupyter nbconvert --to html</c>): only that every chart is drawn offline.</summary>
    ForeignHtml,
}

/// <summary>
/// Opens an exported site in headless Debian Chromium (driven by the Microsoft.Playwright NuGet package, whose Node driver
/// ships inside the package: no npm step, no browser download) with the network unavailable and checks each page: every chart
/// container has an SVG drawn in it, every formula is typeset by KaTeX and no raw TeX is left, Persian pages compute to
/// right-to-left and load Vazirmatn (code, outputs and formulas stay left-to-right), no request leaves the machine, no script
/// error. The page-side inspection is tests/browser/inspect.js. Usage: <c>Assert.Empty(BrowserCheck.Run(siteDir).Problems)</c>.
/// </summary>
public static class BrowserCheck
{
    /// <summary>The Chromium flags: headless, no sandbox (root in CI), and nothing that phones home.</summary>
    public static readonly IReadOnlyList<string> ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--allow-file-access-from-files",
        // Belt and braces: nothing resolves and everything goes to a dead proxy, even if offline mode had a hole.
        "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    ];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, NumberHandling = JsonNumberHandling.AllowReadingFromString };

    /// <summary>The repository root, recorded at build time (assembly metadata NormDecay.RepositoryRoot).</summary>
    public static string RepositoryRoot { get; } =
        typeof(BrowserCheck).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "NormDecay.RepositoryRoot").Value!;

    /// <summary>Checks the site in <paramref name="siteDir"/>; see the class summary. Throws when the browser cannot be run at all.</summary>
    public static BrowserCheckReport Run(string siteDir, BrowserCheckOptions? options = null) =>
        Task.Run(() => RunAsync(siteDir, options)).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Run"/>.</summary>
    public static async Task<BrowserCheckReport> RunAsync(string siteDir, BrowserCheckOptions? options = null)
    {
        options ??= new BrowserCheckOptions();
        string site = Path.GetFullPath(siteDir);
        if (!Directory.Exists(site))
        {
            throw new DirectoryNotFoundException($"Site folder '{site}' does not exist.");
        }

        if (!File.Exists(options.ChromiumPath))
        {
            throw new FileNotFoundException($"Chromium not found at '{options.ChromiumPath}'. Install Debian's package: apt-get install chromium.", options.ChromiumPath);
        }

        string inspect = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot, "tests", "browser", "inspect.js")).ConfigureAwait(false);
        IReadOnlyList<string> pages = options.Pages is { Count: > 0 } ? options.Pages : HtmlPages(site);
        if (options.ScreenshotDir is not null)
        {
            Directory.CreateDirectory(options.ScreenshotDir);
        }

        string userDataDir = Directory.CreateTempSubdirectory("nd-chromium-").FullName;
        var external = new List<string>();
        var results = new List<RawPage>();
        using var timeout = new CancellationTokenSource(options.TotalTimeout);
        using IPlaywright playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        IBrowserContext context = await playwright.Chromium.LaunchPersistentContextAsync(userDataDir, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = options.ChromiumPath,
            Headless = true,
            ChromiumSandbox = false,
            Offline = true,
            ViewportSize = new ViewportSize { Width = 1100, Height = 900 },
            Args = ChromiumFlags,
        }).ConfigureAwait(false);
        string? version = context.Browser?.Version;
        try
        {
            context.Request += (_, r) =>
            {
                if (!IsLocal(r.Url))
                {
                    lock (external)
                    {
                        external.Add(r.Url);
                    }
                }
            };
            await context.RouteAsync(url => !IsLocal(url), route => route.AbortAsync("internetdisconnected")).ConfigureAwait(false);
            foreach (string rel in pages)
            {
                if (timeout.IsCancellationRequested)
                {
                    throw new TimeoutException($"The browser check of '{site}' did not finish within {options.TotalTimeout}.");
                }

                results.Add(await CheckPageAsync(context, site, rel, inspect, options).ConfigureAwait(false));
            }
        }
        finally
        {
            await context.CloseAsync().ConfigureAwait(false);
            try
            {
                Directory.Delete(userDataDir, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be flushing its profile; the folder is in the temp directory.
            }
        }

        return new BrowserCheckReport(site, version, [.. results.Select(p => Judge(p, options.Kind))], external);
    }

    private static async Task<RawPage> CheckPageAsync(IBrowserContext context, string site, string rel, string inspect, BrowserCheckOptions options)
    {
        IPage page = await context.NewPageAsync().ConfigureAwait(false);
        var consoleErrors = new List<string>();
        var pageExternal = new List<string>();
        var failed = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                lock (consoleErrors)
                {
                    consoleErrors.Add(m.Text);
                }
            }
        };
        page.PageError += (_, e) =>
        {
            lock (consoleErrors)
            {
                consoleErrors.Add(e);
            }
        };
        page.Request += (_, r) =>
        {
            if (!IsLocal(r.Url))
            {
                lock (pageExternal)
                {
                    pageExternal.Add(r.Url);
                }
            }
        };
        page.RequestFailed += (_, r) =>
        {
            lock (failed)
            {
                failed.Add($"{r.Url} ({r.Failure})");
            }
        };
        var clock = Stopwatch.StartNew();
        RawPage result;
        float timeoutMs = (float)options.PageTimeout.TotalMilliseconds;
        try
        {
            await page.GotoAsync(new Uri(Path.Combine(site, rel)).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = timeoutMs }).ConfigureAwait(false);
            bool timedOut = false;
            try
            {
                await page.WaitForFunctionAsync(options.ReadyCondition, null, new PageWaitForFunctionOptions { Timeout = timeoutMs }).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                timedOut = true;
            }

            await page.EvaluateAsync("() => document.fonts.ready.then(() => true)").ConfigureAwait(false);
            JsonElement seen = await page.EvaluateAsync<JsonElement>(inspect).ConfigureAwait(false);
            result = seen.Deserialize<RawPage>(Json) ?? new RawPage();
            string? shot = null;
            if (options.ScreenshotDir is not null)
            {
                shot = Path.Combine(Path.GetFullPath(options.ScreenshotDir), rel.Replace('/', '-').Replace(".html", ".png", StringComparison.Ordinal));
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true }).ConfigureAwait(false);
            }

            result = result with { TimedOut = timedOut, Screenshot = shot };
        }
        catch (PlaywrightException e)
        {
            result = new RawPage { LoadError = e.Message };
        }
        finally
        {
            await page.CloseAsync().ConfigureAwait(false);
        }

        lock (consoleErrors)
        {
            return result with
            {
                Page = rel,
                Milliseconds = clock.Elapsed.TotalMilliseconds,
                ConsoleErrors = [.. consoleErrors],
                ExternalRequests = [.. pageExternal],
                FailedRequests = [.. failed],
            };
        }
    }

    private static bool IsLocal(string url) =>
        url.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("blob:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("about:", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("chrome-error:", StringComparison.OrdinalIgnoreCase);

    private static List<string> HtmlPages(string site) =>
        [.. Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(r => !r.StartsWith("assets/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    /// <summary>Turns what the browser saw into a list of problems, each naming what is wrong.</summary>
    private static PageCheck Judge(RawPage p, PageKind kind)
    {
        var problems = new List<string>();
        if (p.LoadError is not null)
        {
            problems.Add($"did not load: {p.LoadError}");
        }
        else if (kind == PageKind.ForeignHtml)
        {
            if (p.Charts == 0)
            {
                problems.Add("no chart container found");
            }

            if (p.UndrawnCharts.Count > 0)
            {
                problems.Add($"{p.UndrawnCharts.Count} of {p.Charts} charts have no SVG drawn: {string.Join(", ", p.UndrawnCharts)}");
            }

            problems.AddRange(p.ConsoleErrors.Where(e => e.Contains("NormDecay", StringComparison.Ordinal) || e.Contains("Plotly", StringComparison.Ordinal)).Select(e => $"console error: {e}"));
            return new PageCheck(p.Page, p.Language, p.Charts, p.Formulas, p.BodyDirection, p.VazirmatnLoaded, p.Screenshot, p.Milliseconds, p.ExternalRequests, problems);
        }
        else
        {
            if (p.TimedOut || p.Ready != "1")
            {
                problems.Add($"site.js did not finish (data-nd-ready = '{p.Ready ?? "unset"}')");
            }

            if (p.UndrawnCharts.Count > 0)
            {
                problems.Add($"{p.UndrawnCharts.Count} of {p.Charts} charts have no SVG drawn: {string.Join(", ", p.UndrawnCharts)}");
            }

            if (p.UntypesetFormulas.Count > 0)
            {
                problems.Add($"{p.UntypesetFormulas.Count} of {p.Formulas} formulas not typeset: {string.Join(" | ", p.UntypesetFormulas.Take(3))}");
            }

            if (p.RawTex.Count > 0)
            {
                problems.Add($"raw TeX left in the text: {string.Join(" | ", p.RawTex)}");
            }

            bool rtlPage = p.Language == "fa";
            bool index = p.Page.Equals("index.html", StringComparison.Ordinal);
            string expected = rtlPage ? "rtl" : "ltr";
            if (!index && p.BodyDirection != expected)
            {
                problems.Add($"computed direction is '{p.BodyDirection}', expected '{expected}'");
            }

            if (rtlPage || (index && p.PersianText))
            {
                if (p.ProseDirection != "rtl")
                {
                    problems.Add($"Persian prose has computed direction '{p.ProseDirection}', expected 'rtl'");
                }

                if (!p.VazirmatnLoaded || !p.VazirmatnCheck)
                {
                    problems.Add($"Vazirmatn is not loaded (document.fonts: loaded={p.VazirmatnLoaded}, check={p.VazirmatnCheck})");
                }

                if (p.ProseFont is null || !p.ProseFont.Contains("Vazirmatn", StringComparison.Ordinal))
                {
                    problems.Add($"Persian prose font is '{p.ProseFont}', not Vazirmatn");
                }
            }

            if (rtlPage && p.Charts > 0 && !p.ChartFontsUseVazirmatn)
            {
                problems.Add("chart text on a Persian page is not set in Vazirmatn");
            }

            if (p.CodeFont is not null && p.CodeFont.Contains("Vazirmatn", StringComparison.Ordinal))
            {
                problems.Add($"code is set in '{p.CodeFont}', expected a monospace font");
            }

            if (p.MathFont is not null && !p.MathFont.Contains("KaTeX", StringComparison.Ordinal))
            {
                problems.Add($"formulas are set in '{p.MathFont}', expected KaTeX's fonts");
            }

            foreach (var (what, dir) in new[] { ("code", p.CodeDirection), ("outputs", p.OutputDirection), ("formulas", p.MathDirection) })
            {
                if (dir is not null && dir != "ltr")
                {
                    problems.Add($"{what} have computed direction '{dir}', expected 'ltr'");
                }
            }
        }

        problems.AddRange(p.ConsoleErrors.Select(e => $"console error: {e}"));
        problems.AddRange(p.ExternalRequests.Select(u => $"request left the machine: {u}"));
        problems.AddRange(p.FailedRequests.Where(f => f.StartsWith("file:", StringComparison.Ordinal)).Select(f => $"local file failed to load: {f}"));
        return new PageCheck(p.Page, p.Language, p.Charts, p.Formulas, p.BodyDirection, p.VazirmatnLoaded, p.Screenshot, p.Milliseconds, p.ExternalRequests, problems);
    }

    private sealed record RawResult(string? Chromium, string Site, List<string> ExternalRequests, List<RawPage> Pages);

    private sealed record RawPage
    {
        public string Page { get; init; } = "";
        public string? LoadError { get; init; }
        public string? Language { get; init; }
        public string? Ready { get; init; }
        public bool TimedOut { get; init; }
        public int Charts { get; init; }
        public List<string> UndrawnCharts { get; init; } = [];
        public int Formulas { get; init; }
        public List<string> UntypesetFormulas { get; init; } = [];
        public List<string> RawTex { get; init; } = [];
        public string? BodyDirection { get; init; }
        public string? ProseDirection { get; init; }
        public string? ProseFont { get; init; }
        public string? CodeDirection { get; init; }
        public string? OutputDirection { get; init; }
        public string? MathDirection { get; init; }
        public string? CodeFont { get; init; }
        public string? MathFont { get; init; }
        public bool PersianText { get; init; }
        public bool VazirmatnLoaded { get; init; }
        public bool VazirmatnCheck { get; init; }
        public bool ChartFontsUseVazirmatn { get; init; }
        public string? Screenshot { get; init; }
        public double Milliseconds { get; init; }
        public List<string> ConsoleErrors { get; init; } = [];
        public List<string> ExternalRequests { get; init; } = [];
        public List<string> FailedRequests { get; init; } = [];
    }
}
