using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NormDecay.Charts.Output;
using NormDecay.Cli.Export;
using NormDecay.Cli.Tests.Browser;
using NormDecay.Cli.Tests.Support;
using Xunit.Abstractions;

namespace NormDecay.Cli.Tests.Execution;

/// <summary>
/// A lesson executed by the real Jupyter client, not by our runner: the pinned kernel is registered with
/// <c>dotnet tool run dotnet-interactive jupyter install --path</c> (into artifacts/, not the user's Jupyter folder), the English and
/// Persian lesson 7 run under <c>jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=.net-csharp</c>, and
/// the executed copies are exported both by our exporter and by <c>jupyter nbconvert --to html</c>; headless Chromium then
/// checks, offline, that every chart is drawn in both. Screenshots: artifacts/screenshots/jupyter/.
/// </summary>
[Collection("Coursework grading")] // one jupyter-started kernel at a time: the .NET kernel binds 127.0.0.1:2048
public sealed class JupyterClientTests(ITestOutputHelper output)
{
    private const string Lesson = "07-why-decay.ipynb";

    private static readonly string Work = Path.Combine(Repo.Root, "artifacts", "test-jupyter");

    private static readonly Lazy<Executed> Run = new(Execute);

    private sealed record Executed(IReadOnlyList<string> Notebooks, IReadOnlyList<string> NbconvertHtml, TimeSpan Elapsed);

    [JupyterFact]
    public void Nbconvert_ExecutedLesson_StoresEveryFigureAsJsonObjectAndPlotlyJsOnce()
    {
        foreach (string path in Run.Value.Notebooks)
        {
            var nb = (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
            var figures = new List<JsonNode?>();
            int loaders = 0;
            foreach (JsonObject cell in ((JsonArray)nb["cells"]!).OfType<JsonObject>())
            {
                foreach (JsonObject o in (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    Assert.NotEqual("error", (string?)o["output_type"]);
                    if (o["data"] is JsonObject data && data.ContainsKey(ChartOutput.PlotlyMimeType))
                    {
                        figures.Add(data[ChartOutput.PlotlyMimeType]);
                        string html = data["text/html"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)data["text/html"] ?? "";
                        loaders += Regex.Matches(html, Regex.Escape(NotebookChartHtml.LoaderAttribute)).Count;
                    }
                }
            }

            long size = new FileInfo(path).Length;
            output.WriteLine($"{path}: {figures.Count} figures, {size / 1024} KiB");
            Assert.True(figures.Count >= 4, $"{path}: only {figures.Count} figures");
            Assert.All(figures, f =>
            {
                JsonObject figure = Assert.IsType<JsonObject>(f); // an object, not a JSON string
                Assert.NotEmpty(Assert.IsType<JsonArray>(figure["data"]));
            });
            Assert.Equal(1, loaders);
            Assert.True(size < 3_600_000, $"{path} is {size} bytes");
        }
    }

    [JupyterFact]
    public void Export_NbconvertExecutedLesson_EveryChartDrawnOffline()
    {
        string site = Path.Combine(Work, "site");
        ExportReport export = SiteExporter.Export(Run.Value.Notebooks, site);
        Assert.True(export.Succeeded, string.Join("\n", export.Failures));
        Assert.Empty(export.Warnings);
        BrowserCheckReport report = BrowserCheck.Run(site, new BrowserCheckOptions
        {
            ScreenshotDir = Path.Combine(Repo.Root, "artifacts", "screenshots", "jupyter", "site"),
        });
        foreach (PageCheck p in report.Pages)
        {
            output.WriteLine($"{p} -> {p.Screenshot}");
        }

        Assert.True(report.Problems.Count == 0, "Browser found problems:\n" + string.Join("\n", report.Problems));
        Assert.All(report.Pages.Where(p => p.Page != "index.html"), p => Assert.True(p.Charts >= 4, $"{p.Page}: {p.Charts} charts"));
        Assert.Equal("rtl", report.Pages.Single(p => p.Page == "fa/" + Path.ChangeExtension(Lesson, ".html")).BodyDirection);
    }

    [JupyterFact]
    public void NbconvertHtml_ExecutedLesson_EveryChartDrawnOffline()
    {
        string dir = Path.GetDirectoryName(Run.Value.NbconvertHtml[0])!;
        BrowserCheckReport report = BrowserCheck.Run(Path.GetDirectoryName(dir)!, new BrowserCheckOptions
        {
            Pages = [.. Run.Value.NbconvertHtml.Select(p => Path.GetRelativePath(Path.GetDirectoryName(dir)!, p).Replace('\\', '/'))],
            Kind = Browser.PageKind.ForeignHtml,
            ReadyCondition = "() => [...document.querySelectorAll('.normdecay-chart')].every(c => c.querySelector('svg.main-svg'))",
            ScreenshotDir = Path.Combine(Repo.Root, "artifacts", "screenshots", "jupyter", "nbconvert"),
        });
        foreach (PageCheck p in report.Pages)
        {
            output.WriteLine($"{p} -> {p.Screenshot}");
        }

        // nbconvert's own template asks a CDN for require.js (and MathJax); those requests fail offline and must not matter.
        // Nothing our outputs carry may leave the machine.
        var pageProblems = report.Pages.SelectMany(p => p.Problems.Where(x => !x.StartsWith("request left the machine", StringComparison.Ordinal)).Select(x => $"{p.Page}: {x}")).ToList();
        Assert.True(pageProblems.Count == 0, "Browser found problems:\n" + string.Join("\n", pageProblems));
        Assert.All(report.ExternalRequests, u => Assert.Matches("(?i)require(\\.min)?\\.js|mathjax", u));
        Assert.All(report.Pages, p => Assert.True(p.Charts >= 4, $"{p.Page}: {p.Charts} charts"));
    }

    private static Executed Execute()
    {
        var clock = Stopwatch.StartNew();
        if (Directory.Exists(Work))
        {
            Directory.Delete(Work, recursive: true);
        }

        string kernels = Path.Combine(Work, "jupyter", "kernels");
        Directory.CreateDirectory(kernels);
        Exec("dotnet", Repo.Root, null, "tool", "restore");
        Exec("dotnet", Repo.Root, null, "tool", "run", "dotnet-interactive", "--", "jupyter", "install", "--path", kernels);
        var env = new Dictionary<string, string> { ["JUPYTER_PATH"] = Path.Combine(Work, "jupyter") };
        var notebooks = new List<string>();
        var html = new List<string>();
        foreach (string lang in new[] { "en", "fa" })
        {
            string outDir = Path.Combine(Work, "executed", lang);
            // The kernel starts in the notebook's folder (notebooks/<lang>), where the pinned tool and ../../artifacts/lib are found.
            Exec("jupyter", Repo.Root, env, "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=.net-csharp",
                "--ExecutePreprocessor.timeout=300", Path.Combine("notebooks", lang, Lesson), "--output-dir", outDir);
            string executed = Path.Combine(outDir, Lesson);
            notebooks.Add(executed);
            string htmlDir = Path.Combine(Work, "nbconvert-html", lang);
            Exec("jupyter", Repo.Root, env, "nbconvert", "--to", "html", executed, "--output-dir", htmlDir);
            html.Add(Path.Combine(htmlDir, Path.ChangeExtension(Lesson, ".html")));
        }

        return new Executed(notebooks, html, clock.Elapsed);
    }

    private static void Exec(string file, string cwd, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        using Process p = Process.Start(psi)!;
        Task<string> so = p.StandardOutput.ReadToEndAsync();
        Task<string> se = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 8 minutes");
        }

        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {p.ExitCode}:\n{se.Result}\n{so.Result}");
        }
    }
}
