using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

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
}

/// <summary>
/// Opens an exported site in headless Debian Chromium (driven by playwright-core through tests/browser/check.mjs) with the
/// network unavailable and checks each page: every chart container has an SVG drawn in it, every formula is typeset by KaTeX and
/// no raw TeX is left, Persian pages compute to right-to-left and load Vazirmatn (code, outputs and formulas stay left-to-right),
/// no request leaves the machine, no script error. Usage: <c>Assert.Empty(BrowserCheck.Run(siteDir).Problems)</c>.
/// </summary>
public static class BrowserCheck
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, NumberHandling = JsonNumberHandling.AllowReadingFromString };

    /// <summary>The repository root, recorded at build time (assembly metadata NormDecay.RepositoryRoot).</summary>
    public static string RepositoryRoot { get; } =
        typeof(BrowserCheck).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "NormDecay.RepositoryRoot").Value!;

    /// <summary>Checks the site in <paramref name="siteDir"/>; see the class summary. Throws when the browser cannot be run at all.</summary>
    public static BrowserCheckReport Run(string siteDir, BrowserCheckOptions? options = null)
    {
        options ??= new BrowserCheckOptions();
        string site = Path.GetFullPath(siteDir);
        string helper = Path.Combine(RepositoryRoot, "tests", "browser");
        if (!Directory.Exists(site))
        {
            throw new DirectoryNotFoundException($"Site folder '{site}' does not exist.");
        }

        if (!File.Exists(options.ChromiumPath))
        {
            throw new FileNotFoundException($"Chromium not found at '{options.ChromiumPath}'. Install Debian's package: apt-get install chromium.", options.ChromiumPath);
        }

        if (!Directory.Exists(Path.Combine(helper, "node_modules", "playwright-core")))
        {
            throw new InvalidOperationException($"playwright-core is not installed in '{helper}'. Run: cd tests/browser && npm ci");
        }

        string outFile = Path.Combine(Path.GetTempPath(), $"nd-browser-{Guid.NewGuid():N}.json");
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = helper,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[] { "check.mjs", "--site", site, "--out", outFile, "--chromium", options.ChromiumPath, "--timeout", ((int)options.PageTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(arg);
        }

        if (options.ScreenshotDir is not null)
        {
            psi.ArgumentList.Add("--screenshots");
            psi.ArgumentList.Add(Path.GetFullPath(options.ScreenshotDir));
        }

        if (options.Pages is { Count: > 0 })
        {
            psi.ArgumentList.Add("--pages");
            psi.ArgumentList.Add(string.Join(",", options.Pages));
        }

        using Process process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start 'node'. Is Node.js (>= 20) on PATH?");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(options.TotalTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The browser check of '{site}' did not finish within {options.TotalTimeout}.");
        }

        try
        {
            if (process.ExitCode != 0 || !File.Exists(outFile))
            {
                throw new InvalidOperationException($"node check.mjs failed (exit {process.ExitCode}):\n{stderr.Result}\n{stdout.Result}");
            }

            RawResult raw = JsonSerializer.Deserialize<RawResult>(File.ReadAllText(outFile), Json)
                ?? throw new InvalidDataException($"Empty result from check.mjs in '{outFile}'.");
            return new BrowserCheckReport(site, raw.Chromium, [.. raw.Pages.Select(Judge)], raw.ExternalRequests);
        }
        finally
        {
            File.Delete(outFile);
        }
    }

    /// <summary>Turns what the browser saw into a list of problems, each naming what is wrong.</summary>
    private static PageCheck Judge(RawPage p)
    {
        var problems = new List<string>();
        if (p.LoadError is not null)
        {
            problems.Add($"did not load: {p.LoadError}");
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
