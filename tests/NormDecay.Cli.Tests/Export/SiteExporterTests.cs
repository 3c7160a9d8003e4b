using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NormDecay.Cli.Export;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Tests.Export;

public sealed partial class SiteExporterTests(ExportedFixtureSite site) : IClassFixture<ExportedFixtureSite>
{
    [Fact]
    public void Export_FixtureNotebooks_WritesOnePagePerNotebookAndTheIndex()
    {
        Assert.True(site.Report.Succeeded, string.Join("\n", site.Report.Failures));
        Assert.Equal(5, site.Report.Pages.Count);
        Assert.True(File.Exists(Path.Combine(site.SiteDir, "index.html")));
        foreach (string slug in new[] { "00-fixture-welcome", "01-fixture-lesson", "a1-fixture-assignment" })
        {
            Assert.True(File.Exists(site.PagePath("en", slug)), slug);
        }

        Assert.True(File.Exists(site.PagePath("fa", "01-fixture-lesson")));
        Assert.False(File.Exists(site.PagePath("fa", "a1-fixture-assignment")));
    }

    [Fact]
    public void Export_FixtureNotebooks_OrdersLessonsThenAssignmentsPerLanguage()
    {
        string[] en = site.Report.Pages.Where(p => p.Language == "en").Select(p => Path.GetFileName(p.OutputPath)).ToArray();
        Assert.Equal(["00-fixture-welcome.html", "01-fixture-lesson.html", "a1-fixture-assignment.html"], en);
        Assert.Equal([PageKind.Lesson, PageKind.Lesson, PageKind.Assignment], site.Report.Pages.Where(p => p.Language == "en").Select(p => p.Kind));
        Assert.Equal(["en", "en", "en", "fa", "fa"], site.Report.Pages.Select(p => p.Language));
    }

    [Fact]
    public void Export_FixtureNotebooks_NeverTouchesTheInputs()
    {
        foreach (var (path, hash) in site.InputHashes)
        {
            Assert.Equal(hash, ExportedFixtureSite.Hash(path));
        }

        Assert.Empty(Directory.GetFiles(ExportedFixtureSite.FixtureDir, "*.html", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(site.SiteDir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Export_Titles_ComeFromTheFirstHeading()
    {
        ExportedPage en = site.Report.Pages.Single(p => p.Language == "en" && p.OutputPath.EndsWith("01-fixture-lesson.html", StringComparison.Ordinal));
        ExportedPage fa = site.Report.Pages.Single(p => p.Language == "fa" && p.OutputPath.EndsWith("01-fixture-lesson.html", StringComparison.Ordinal));
        Assert.Equal("Fixture lesson: step decay", en.Title);
        Assert.Equal("درس نمونه: کاهش پله‌ای", fa.Title);
        Assert.Equal("Fixture lesson: step decay", site.Parse("en/01-fixture-lesson.html").Title);
    }

    [Fact]
    public void Export_ChartOutput_IsDrawnFromPlotlyJsonNotTheHtmlFallback()
    {
        IDocument doc = site.Parse("en/01-fixture-lesson.html");
        IElement chart = Assert.Single(doc.QuerySelectorAll(".nd-chart"));
        IElement data = doc.GetElementById(chart.GetAttribute("data-figure")!)!;
        Assert.Equal("application/json", data.GetAttribute("type"));
        using var figure = System.Text.Json.JsonDocument.Parse(data.TextContent);
        Assert.Equal("Step decay", figure.RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(6, figure.RootElement.GetProperty("data")[0].GetProperty("y").GetArrayLength());
        string html = File.ReadAllText(site.PagePath("en", "01-fixture-lesson"));
        Assert.DoesNotContain("renderPlotly", html, StringComparison.Ordinal);
        Assert.DoesNotContain("requirejs", html, StringComparison.Ordinal);
        Assert.Contains("../assets/plotly.min.js", doc.Scripts.Select(s => s.Source));
    }

    [Fact]
    public void Export_KernelPlumbing_IsLeftOut()
    {
        ExportedPage page = site.Report.Pages.Single(p => p.Language == "en" && p.Title.StartsWith("Fixture lesson", StringComparison.Ordinal));
        Assert.Equal(3, page.PlumbingRemoved);
        string html = File.ReadAllText(page.OutputPath);
        Assert.DoesNotContain("Installed Packages", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Loading extensions", html, StringComparison.Ordinal);
        Assert.DoesNotContain("loadDotnetInteractiveApi", html, StringComparison.Ordinal);
        IDocument doc = site.Parse("en/01-fixture-lesson.html");
        // Only the page's own scripts remain: plotly, katex, site.js, and the chart's JSON data.
        Assert.All(doc.QuerySelectorAll("script"), s => Assert.True(s.GetAttribute("type") == "application/json" || s.GetAttribute("src")!.StartsWith("../assets/", StringComparison.Ordinal), s.OuterHtml));
        Assert.Empty(doc.QuerySelectorAll("[onclick]"));
    }

    [Fact]
    public void Export_TableAndErrorAndStream_AreShown()
    {
        IDocument doc = site.Parse("en/01-fixture-lesson.html");
        IElement table = Assert.Single(doc.QuerySelectorAll(".nd-output-html table"));
        Assert.Equal(3, table.QuerySelectorAll("tbody tr").Length);
        IElement error = Assert.Single(doc.QuerySelectorAll(".nd-error"));
        Assert.Contains("step must be >= 0", error.TextContent, StringComparison.Ordinal);
        Assert.Contains("StepDecay.LearningRate", error.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", error.TextContent, StringComparison.Ordinal);
        Assert.Contains(doc.QuerySelectorAll(".nd-stream"), e => e.TextContent.Contains("0.1, 0.05, 0.025, 0.0125", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_CodeCells_AreHighlightedAndLeftToRight()
    {
        IDocument doc = site.Parse("fa/01-fixture-lesson.html");
        IHtmlCollection<IElement> inputs = doc.QuerySelectorAll(".nd-input");
        Assert.Equal(5, inputs.Length);
        Assert.All(inputs, i => Assert.Equal("ltr", i.GetAttribute("dir")));
        Assert.All(doc.QuerySelectorAll(".nd-outputs"), o => Assert.Equal("ltr", o.GetAttribute("dir")));
        Assert.Contains(doc.QuerySelectorAll(".tok-keyword"), k => k.TextContent == "var");
        Assert.Contains(doc.QuerySelectorAll(".tok-directive"), k => k.TextContent.StartsWith("#r", StringComparison.Ordinal));
        Assert.Contains(doc.QuerySelectorAll(".tok-comment"), k => k.TextContent == "// halves each step");
    }

    [Fact]
    public void Export_Formulas_AreKeptForKatexWithTheirLatexIntact()
    {
        IDocument doc = site.Parse("en/01-fixture-lesson.html");
        IElement[] math = doc.QuerySelectorAll(".math").ToArray();
        Assert.Equal(4, math.Length);
        Assert.Contains(math, m => m.LocalName == "div" && m.TextContent.Contains(@"\frac{x_i - \mu_B}{\sqrt{\sigma_B^2 + \epsilon}}", StringComparison.Ordinal));
        Assert.Contains(math, m => m.LocalName == "span" && m.TextContent == @"\(\eta_t = \eta_0 \gamma^{\lfloor t/s \rfloor}\)");
        Assert.Equal(4, site.Report.Pages.Single(p => p.OutputPath == site.PagePath("en", "01-fixture-lesson")).Formulas);
        Assert.Contains("../assets/katex/katex.min.js", doc.Scripts.Select(s => s.Source));
    }

    [Fact]
    public void Export_PersianPage_IsRightToLeftWithLeftToRightFormulas()
    {
        IDocument doc = site.Parse("fa/01-fixture-lesson.html");
        Assert.Equal("rtl", doc.DocumentElement.GetAttribute("dir"));
        Assert.Equal("fa", doc.DocumentElement.GetAttribute("lang"));
        Assert.NotEmpty(doc.QuerySelectorAll(".nd-markdown div[dir=rtl][lang=fa] h1"));
        IDocument en = site.Parse("en/01-fixture-lesson.html");
        Assert.Equal("ltr", en.DocumentElement.GetAttribute("dir"));
        string css = File.ReadAllText(Path.Combine(site.SiteDir, "assets", "site.css"));
        Assert.Matches(@"\.math, \.katex, \.katex-display \{ direction: ltr;", css);
        Assert.Contains("font-family: 'Vazirmatn'", css, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_Navigation_LinksPreviousNextAndTheOtherLanguage()
    {
        IDocument lesson = site.Parse("en/01-fixture-lesson.html");
        Assert.Equal("00-fixture-welcome.html", lesson.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("a1-fixture-assignment.html", lesson.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("../fa/01-fixture-lesson.html", lesson.QuerySelector("a.nd-lang-switch")!.GetAttribute("href"));
        Assert.Equal("../index.html", lesson.QuerySelector("a[rel=index]")!.GetAttribute("href"));

        IDocument fa = site.Parse("fa/01-fixture-lesson.html");
        Assert.Equal("../en/01-fixture-lesson.html", fa.QuerySelector("a.nd-lang-switch")!.GetAttribute("href"));
        Assert.Null(fa.QuerySelector("a[rel=next]"));

        IDocument welcome = site.Parse("en/00-fixture-welcome.html");
        Assert.Null(welcome.QuerySelector("a[rel=prev]"));
        Assert.Null(site.Parse("en/a1-fixture-assignment.html").QuerySelector("a.nd-lang-switch"));
    }

    [Fact]
    public void Export_EveryRelativeLink_PointsToAFileThatExists()
    {
        foreach (string page in Directory.GetFiles(site.SiteDir, "*.html", SearchOption.AllDirectories))
        {
            IDocument doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(page));
            foreach (IElement el in doc.QuerySelectorAll("[href],[src]"))
            {
                string url = el.GetAttribute("href") ?? el.GetAttribute("src")!;
                if (url.StartsWith("https://", StringComparison.Ordinal) && el.LocalName == "a")
                {
                    continue; // a link the reader may click; it loads nothing by itself
                }

                string target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, url.Split('#')[0]));
                Assert.True(File.Exists(target), $"{Path.GetRelativePath(site.SiteDir, page)}: <{el.LocalName}> points to missing '{url}'");
            }
        }
    }

    [Theory]
    [InlineData("en", "00-fixture-welcome")]
    [InlineData("en", "01-fixture-lesson")]
    [InlineData("fa", "01-fixture-lesson")]
    public void Export_LessonPage_LinksACopyOfItsExecutedNotebookBesideIt(string language, string slug)
    {
        IDocument page = site.Parse($"{language}/{slug}.html");
        IElement link = Assert.Single(page.QuerySelectorAll("a.nd-download-link"));
        Assert.Equal(slug + ".ipynb", link.GetAttribute("href"));
        Assert.True(link.HasAttribute("download"));
        Assert.Equal(SiteStrings.For(language).DownloadNotebook, link.TextContent);
        Assert.Contains("notebooks/" + language + "/", page.QuerySelector(".nd-download-hint code")!.TextContent, StringComparison.Ordinal);

        string copy = Path.Combine(site.SiteDir, language, slug + ".ipynb");
        string input = ExportedFixtureSite.Notebooks.Single(p => p.EndsWith(Path.Combine(language, slug + ".ipynb"), StringComparison.Ordinal));
        Assert.Equal(ExportedFixtureSite.Hash(input), ExportedFixtureSite.Hash(copy)); // the executed notebook, byte for byte
        Assert.Equal(copy, site.Report.Pages.Single(p => p.OutputPath == site.PagePath(language, slug)).NotebookCopy);
        NotebookFile notebook = NotebookFile.Load(copy);
        Assert.Contains(notebook.Cells, c => c.CellType == "code" && c.OutputItems.Count > 0);
    }

    [Fact]
    public void Export_PersianDownloadHint_KeepsPathsLeftToRight()
    {
        IElement hint = site.Parse("fa/01-fixture-lesson.html").QuerySelector(".nd-download-hint")!;
        Assert.All(hint.QuerySelectorAll("code"), c => Assert.Equal("ltr", c.GetAttribute("dir")));
        Assert.Equal(["notebooks/fa/", "../../artifacts/lib/"], hint.QuerySelectorAll("code").Select(c => c.TextContent));
        Assert.DoesNotContain("`", hint.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_AssignmentPage_OffersTheStudentNotebookNotTheExecutedCopy()
    {
        IDocument page = site.Parse("en/a1-fixture-assignment.html");
        IElement link = Assert.Single(page.QuerySelectorAll("aside.nd-download.nd-assignment a.nd-download-link"));
        Assert.Equal("a1-fixture-assignment.ipynb", link.GetAttribute("href"));
        string download = Path.Combine(site.SiteDir, "en", "a1-fixture-assignment.ipynb");
        Assert.Equal(download, site.Report.Pages.Single(p => p.Kind == PageKind.Assignment).NotebookCopy);
        foreach (string text in new[] { File.ReadAllText(download), page.DocumentElement.TextContent })
        {
            Assert.DoesNotContain("var y = x;", text, StringComparison.Ordinal); // the fixture's solution
            Assert.DoesNotContain("BEGIN SOLUTION", text, StringComparison.Ordinal);
            Assert.Contains("NotImplementedException", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Export_Output_LoadsNothingFromTheNetwork()
    {
        foreach (string file in Directory.GetFiles(site.SiteDir, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal)))
        {
            string text = File.ReadAllText(file);
            Match m = ExternalLoad().Match(text);
            Assert.False(m.Success, $"{Path.GetRelativePath(site.SiteDir, file)} loads from the network: '{m.Value}'");
        }

        IDocument lesson = site.Parse("en/01-fixture-lesson.html");
        IElement docsLink = Assert.Single(lesson.QuerySelectorAll("a.nd-external"));
        Assert.Equal("noopener noreferrer", docsLink.GetAttribute("rel"));
        Assert.Empty(lesson.QuerySelectorAll("img[src^=http]"));
    }

    [Fact]
    public void Export_Index_ListsLessonsAndAssignmentsInBothLanguages()
    {
        IDocument index = site.Parse("index.html");
        IElement en = index.GetElementById("lang-en")!;
        IElement fa = index.GetElementById("lang-fa")!;
        Assert.Equal("rtl", fa.GetAttribute("dir"));
        Assert.Equal("fa", fa.GetAttribute("lang"));
        Assert.Equal(["en/00-fixture-welcome.html", "en/01-fixture-lesson.html"], en.QuerySelectorAll(".nd-toc-lessons a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["en/a1-fixture-assignment.html"], en.QuerySelectorAll(".nd-toc-assignments a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["Welcome and setup", "Fixture lesson: step decay"], en.QuerySelectorAll(".nd-toc-lessons .nd-title").Select(t => t.TextContent));
        Assert.Equal(["fa/00-fixture-welcome.html", "fa/01-fixture-lesson.html"], fa.QuerySelectorAll(".nd-toc-lessons a").Select(a => a.GetAttribute("href")));
        Assert.Equal("۰۱", fa.QuerySelectorAll(".nd-num")[1].TextContent);
        Assert.Equal("درس‌ها", fa.QuerySelector("h2")!.TextContent);
    }

    [Fact]
    public void Export_SharedAssets_AreWrittenOnceWithLicences()
    {
        string assets = Path.Combine(site.SiteDir, "assets");
        Assert.Equal(site.Report.PlotlyVersion, Regex.Match(File.ReadAllText(Path.Combine(assets, "plotly.min.js"))[..400], @"plotly\.js v(\d+\.\d+\.\d+)").Groups[1].Value);
        Assert.True(File.Exists(Path.Combine(assets, "katex", "katex.min.js")));
        Assert.True(File.Exists(Path.Combine(assets, "katex", "LICENSE")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(assets, "katex", "fonts"), "KaTeX_Main-Regular.woff2"));
        Assert.True(new FileInfo(Path.Combine(assets, "vazirmatn", "Vazirmatn-Variable.woff2")).Length > 50_000);
        Assert.Contains("SIL OPEN FONT LICENSE", File.ReadAllText(Path.Combine(assets, "vazirmatn", "OFL.txt")), StringComparison.OrdinalIgnoreCase);
        Assert.Single(Directory.GetFiles(site.SiteDir, "plotly.min.js", SearchOption.AllDirectories));
    }

    [Fact]
    public void Export_BrokenNotebook_IsReportedAndTheOthersStillExport()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nd-export-tests", Guid.NewGuid().ToString("N"));
        string broken = Path.Combine(dir, "in", "en", "02-broken.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(broken)!);
        File.WriteAllText(broken, "{ \"nbformat\": 3, \"cells\": [] }");
        try
        {
            string good = ExportedFixtureSite.Notebooks.First(p => p.EndsWith("00-fixture-welcome.ipynb", StringComparison.Ordinal));
            ExportReport report = SiteExporter.Export([good, broken], Path.Combine(dir, "site"));
            ExportFailure failure = Assert.Single(report.Failures);
            Assert.Equal(broken, failure.Notebook);
            Assert.Contains("nbformat is 3", failure.Message, StringComparison.Ordinal);
            Assert.Contains("02-broken.ipynb", failure.Message, StringComparison.Ordinal);
            Assert.Single(report.Pages);
            Assert.False(report.Succeeded);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ExportSinglePage_OneNotebook_WritesThePageWithAssetsBesideIt()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nd-export-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string nb = ExportedFixtureSite.Notebooks.First(p => p.EndsWith(Path.Combine("fa", "01-fixture-lesson.ipynb"), StringComparison.Ordinal));
            ExportReport report = SiteExporter.ExportSinglePage(nb, Path.Combine(dir, "lesson.html"));
            ExportedPage page = Assert.Single(report.Pages);
            Assert.Equal("fa", page.Language);
            Assert.Equal(1, page.Charts);
            string html = File.ReadAllText(Path.Combine(dir, "lesson.html"));
            Assert.Contains("src=\"assets/plotly.min.js\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("rel=\"next\"", html, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(dir, "assets", "plotly.min.js")));
            Assert.Null(report.IndexPath);
            Assert.Contains("class=\"nd-download-link\" type=\"application/x-ipynb+json\" download href=\"01-fixture-lesson.ipynb\"", html, StringComparison.Ordinal);
            Assert.Equal(ExportedFixtureSite.Hash(nb), ExportedFixtureSite.Hash(Path.Combine(dir, "01-fixture-lesson.ipynb")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("elsewhere", "fa", "fa", "rtl")] // a Persian notebook kept outside notebooks/fa
    [InlineData("en", "fa", "fa", "rtl")]        // the metadata wins over the folder
    [InlineData("fa", null, "fa", "rtl")]        // no metadata: the folder decides
    [InlineData("elsewhere", null, "en", "ltr")] // neither: ExportOptions.DefaultLanguage
    public void Export_Language_ComesFromTheMetadataThenTheFolder(string folder, string? declared, string language, string dir)
    {
        string root = Path.Combine(Path.GetTempPath(), "nd-export-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string fixture = ExportedFixtureSite.Notebooks.First(p => p.EndsWith(Path.Combine("fa", "01-fixture-lesson.ipynb"), StringComparison.Ordinal));
            var nb = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(fixture))!.AsObject();
            if (declared is not null)
            {
                nb["metadata"]!["normdecay"] = new System.Text.Json.Nodes.JsonObject { ["lang"] = declared };
            }

            string path = Path.Combine(root, folder, "01-copied.ipynb");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, nb.ToJsonString());
            ExportReport report = SiteExporter.Export([path], Path.Combine(root, "site"));
            ExportedPage page = Assert.Single(report.Pages);
            Assert.Equal(language, page.Language);
            Assert.Equal(Path.Combine(root, "site", language, "01-copied.html"), page.OutputPath);
            IDocument doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(page.OutputPath));
            Assert.Equal(language, doc.DocumentElement.GetAttribute("lang"));
            Assert.Equal(dir, doc.DocumentElement.GetAttribute("dir"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Export_NoNotebooks_ThrowsNamingTheParameter()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => SiteExporter.Export([], "out"));
        Assert.Equal("executedNotebookPaths", e.ParamName);
    }

    [Theory]
    [InlineData("00-welcome", PageKind.Lesson)]
    [InlineData("09-schedules-in-training", PageKind.Lesson)]
    [InlineData("a2-test-time-bn", PageKind.Assignment)]
    [InlineData("glossary", PageKind.Other)]
    public void KindOf_FileName_ClassifiesLessonsAndAssignments(string name, PageKind expected) =>
        Assert.Equal(expected, SiteExporter.KindOf(name));

    [GeneratedRegex(@"(src|srcset)\s*=\s*[""']?\s*(https?:|//)|<link[^>]+href\s*=\s*[""']?\s*(https?:|//)|url\(\s*[""']?\s*(https?:|//)|@import", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalLoad();
}
