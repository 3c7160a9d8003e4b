using NormDecay.Cli.Export;
using Xunit.Abstractions;
using NormDecay.Cli.Tests.Export;

namespace NormDecay.Cli.Tests.Browser;

/// <summary>
/// The fixture site opened in headless Chromium with no network. Needs only /usr/bin/chromium (apt: chromium); the driver
/// comes with the Microsoft.Playwright NuGet package. Screenshots go to artifacts/screenshots/fixtures/.
/// </summary>
public sealed class BrowserCheckTests(ITestOutputHelper output)
{
    private static readonly Lazy<BrowserCheckReport> Report = new(() =>
    {
        string site = Path.Combine(BrowserCheck.RepositoryRoot, "artifacts", "test-sites", "fixtures");
        ExportReport export = SiteExporter.Export(ExportedFixtureSite.Notebooks, site);
        Assert.True(export.Succeeded, string.Join("\n", export.Failures));
        ExportMilliseconds = export.Elapsed.TotalMilliseconds;
        return BrowserCheck.Run(site, new BrowserCheckOptions
        {
            ScreenshotDir = Path.Combine(BrowserCheck.RepositoryRoot, "artifacts", "screenshots", "fixtures"),
        });
    });

    private static double ExportMilliseconds;

    [Fact]
    public void Run_FixtureSite_EveryPageHasNoProblems()
    {
        BrowserCheckReport report = Report.Value;
        output.WriteLine($"export: {ExportMilliseconds:F0} ms; Chromium {report.ChromiumVersion}");
        foreach (PageCheck p in report.Pages)
        {
            output.WriteLine($"{p} ({p.Milliseconds:F0} ms)");
        }

        Assert.Equal(6, report.Pages.Count); // index + 3 English + 2 Persian
        Assert.True(report.Problems.Count == 0, "Browser found problems:\n" + string.Join("\n", report.Problems));
    }

    [Fact]
    public void Run_FixtureSite_ChartsAndFormulasWereActuallyThere()
    {
        // Guards against a vacuous pass: the pages checked really hold charts and formulas.
        PageCheck en = Report.Value.Pages.Single(p => p.Page == "en/01-fixture-lesson.html");
        PageCheck fa = Report.Value.Pages.Single(p => p.Page == "fa/01-fixture-lesson.html");
        Assert.Equal(1, en.Charts);
        Assert.Equal(4, en.Formulas);
        Assert.Equal(1, fa.Charts);
        Assert.Equal(4, fa.Formulas);
    }

    [Fact]
    public void Run_PersianPage_IsRightToLeftInVazirmatn()
    {
        PageCheck fa = Report.Value.Pages.Single(p => p.Page == "fa/01-fixture-lesson.html");
        Assert.Equal("rtl", fa.BodyDirection);
        Assert.True(fa.VazirmatnLoaded);
        Assert.Equal("ltr", Report.Value.Pages.Single(p => p.Page == "en/01-fixture-lesson.html").BodyDirection);
    }

    [Fact]
    public void Run_FixtureSite_NoRequestLeftTheMachineAndScreenshotsWereSaved()
    {
        Assert.Empty(Report.Value.ExternalRequests);
        Assert.All(Report.Value.Pages, p => Assert.True(p.Screenshot is not null && new FileInfo(p.Screenshot).Length > 10_000, $"{p.Page}: no screenshot"));
    }
}

/// <summary>The check itself must catch a broken page: hand-written faults, one per kind.</summary>
public sealed class BrowserCheckFaultTests
{
    [Fact]
    public void Run_BrokenPage_ReportsEveryFault()
    {
        string site = Path.Combine(BrowserCheck.RepositoryRoot, "artifacts", "test-sites", "broken");
        Directory.CreateDirectory(Path.Combine(site, "fa"));
        // A Persian page that forgot dir="rtl" and its font, loads an image from the network,
        // has an untypeset formula, raw TeX, and a chart container with nothing drawn in it.
        File.WriteAllText(Path.Combine(site, "fa", "01-broken.html"), """
            <!DOCTYPE html><html lang="fa"><head><meta charset="utf-8"><title>x</title></head>
            <body><main class="nd-page"><section class="nd-markdown"><p>متن $x^2$ فارسی</p><span class="math">\(y\)</span></section>
            <img src="https://example.com/pixel.png"><div class="nd-chart" id="chart-1-1"></div>
            <script>document.documentElement.setAttribute('data-nd-ready', '1');</script></main></body></html>
            """);
        BrowserCheckReport report = BrowserCheck.Run(site, new BrowserCheckOptions { ScreenshotDir = null });
        PageCheck page = Assert.Single(report.Pages);
        string all = string.Join("\n", page.Problems);
        Assert.Contains("computed direction is 'ltr', expected 'rtl'", all, StringComparison.Ordinal);
        Assert.Contains("Vazirmatn is not loaded", all, StringComparison.Ordinal);
        Assert.Contains("1 of 1 charts have no SVG drawn: chart-1-1", all, StringComparison.Ordinal);
        Assert.Contains("1 of 1 formulas not typeset", all, StringComparison.Ordinal);
        Assert.Contains("raw TeX left in the text", all, StringComparison.Ordinal);
        Assert.Contains("request left the machine: https://example.com/pixel.png", all, StringComparison.Ordinal);
        Assert.Contains("https://example.com/pixel.png", report.ExternalRequests);
    }
}
