using System.Text.Json.Nodes;
using NormDecay.Charts.Output;
using NormDecay.Cli.Execution;
using NormDecay.Cli.Notebooks;
using NormDecay.Cli.Tests.Support;

namespace NormDecay.Cli.Tests.Execution;

/// <summary>Executes fixture notebooks in the real, pinned kernel (dotnet interactive stdio from .config/dotnet-tools.json).</summary>
public class NotebookRunnerTests
{
    private static readonly RunOptions Options = new() { ToolDirectory = Repo.Root, CellTimeout = TimeSpan.FromSeconds(90) };

    private static async Task<(NotebookRunResult Result, NotebookFile Executed, string Source)> Run(NotebookFile nb, RunOptions? options = null, string language = "en")
    {
        string course = Repo.NewCourse();
        string source = Path.Combine(course, "notebooks", language, "t.ipynb");
        nb.Save(source);
        string output = Path.Combine(course, "out", language, "t.ipynb");
        NotebookRunResult result = await NotebookRunner.RunAsync(source, output, options ?? Options);
        return (result, NotebookFile.Load(output), source);
    }

    private static JsonObject? Data(NotebookCell cell, string mime) =>
        cell.Outputs!.OfType<JsonObject>().Select(o => o["data"] as JsonObject).FirstOrDefault(d => d?.ContainsKey(mime) == true);

    [Fact]
    public async Task RunAsync_ChartCell_StoresPlotlyJsonAndOfflineHtml()
    {
        NotebookFile nb = Repo.Notebook(
            "Console.WriteLine(\"hello from the kernel\");",
            "using Plotly.NET.CSharp;\nChart.Line<double, double, string>(new double[] { 1, 2, 3 }, new double[] { 3, 1, 2 })",
            "Plotly.NET.CSharp.Chart.Point<double, double, string>(new double[] { 1 }, new double[] { 1 })");
        var (result, executed, source) = await Run(nb);

        Assert.True(result.Succeeded, result.Describe());
        Assert.Empty(executed.Cells[1].Outputs!); // the setup cell writes nothing
        Assert.Contains("hello from the kernel", executed.Cells[2].Outputs![0]!["text"]!.ToJsonString(), StringComparison.Ordinal);
        JsonObject data = Data(executed.Cells[3], "application/vnd.plotly.v1+json")!;
        JsonObject figure = (JsonObject)data["application/vnd.plotly.v1+json"]!;
        Assert.Equal("scatter", (string?)figure["data"]![0]!["type"]);
        Assert.Equal(3, ((JsonArray)figure["data"]![0]!["y"]!).Count);
        Assert.NotNull(figure["layout"]);
        string html = string.Concat(((JsonArray)data["text/html"]!).Select(l => (string?)l));
        Assert.Contains("window.Plotly", html, StringComparison.Ordinal);
        Assert.Contains(NotebookChartHtml.LoaderAttribute, html, StringComparison.Ordinal); // plotly.js travels with the first chart: offline
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal); // no script or require.js path from a CDN
        Assert.DoesNotContain("require.config", html, StringComparison.Ordinal);
        string second = string.Concat(((JsonArray)Data(executed.Cells[4], "text/html")!["text/html"]!).Select(l => (string?)l));
        Assert.DoesNotContain(NotebookChartHtml.LoaderAttribute, second, StringComparison.Ordinal); // not a second copy
        Assert.Equal(1, executed.Cells[1].ExecutionCount); // the setup cell
        Assert.Equal(2, executed.Cells[2].ExecutionCount);
        Assert.Empty(NotebookFile.Load(source).Cells[3].Outputs!); // the source is untouched
    }

    [Fact]
    public async Task RunAsync_FailingCell_ReportsCellAndErrorAndStops()
    {
        NotebookFile nb = Repo.Notebook("1 + 1", "throw new InvalidOperationException(\"deliberate failure\");", "Console.WriteLine(\"never\");");
        var (result, executed, source) = await Run(nb);

        Assert.False(result.Succeeded);
        Assert.Equal(4, result.Failure!.CellNumber);
        Assert.Equal("c2", result.Failure.CellId);
        Assert.Contains("deliberate failure", result.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("cell 4 (id c2)", result.Describe(), StringComparison.Ordinal);
        Assert.Contains(source, result.Describe(), StringComparison.Ordinal);
        JsonObject error = Assert.IsType<JsonObject>(Assert.Single(executed.Cells[3].Outputs!));
        Assert.Equal("error", (string?)error["output_type"]);
        Assert.Equal("System.InvalidOperationException", (string?)error["ename"]);
        Assert.Empty(executed.Cells[4].Outputs!); // not run
    }

    [Fact]
    public async Task RunAsync_CompileError_IsAFailure()
    {
        var (result, _, _) = await Run(Repo.Notebook("int x = \"text\";"));
        Assert.False(result.Succeeded);
        Assert.Contains("CS0029", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LoopingCell_TimesOut()
    {
        var options = Options with { CellTimeout = TimeSpan.FromSeconds(4) };
        var (result, executed, _) = await Run(Repo.Notebook("while (true) { }", "1"), options);
        Assert.False(result.Succeeded);
        Assert.Equal("c1", result.Failure!.CellId);
        Assert.Contains("timed out after 4 s", result.Failure.Message, StringComparison.Ordinal);
        Assert.Equal("TimeoutException", (string?)executed.Cells[2].Outputs![0]!["ename"]);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(40), $"took {result.Elapsed}");
    }

    [Fact]
    public async Task RunAsync_PersianFolder_SetsLanguageForChartsAndTables()
    {
        var (result, executed, _) = await Run(Repo.Notebook(
            "NormDecay.Notebook.Setup.Language + \"|\" + NormDecay.Charts.Text.ChartText.Language + \"|\" + Environment.CurrentDirectory",
            "new NormDecay.Notebook.ComparisonTable().Add(\"x\", 1.0, 1.0)"), language: "fa");
        Assert.True(result.Succeeded, result.Describe());
        string text = Data(executed.Cells[2], "text/plain")!["text/plain"]!.ToJsonString();
        Assert.Contains("fa|fa|", text, StringComparison.Ordinal);
        Assert.Contains("notebooks/fa", text, StringComparison.Ordinal); // the kernel runs in the notebook's folder
        string table = string.Concat(((JsonArray)Data(executed.Cells[3], "text/html")!["text/html"]!).Select(l => (string?)l));
        Assert.Contains("dir=\"rtl\"", table, StringComparison.Ordinal);
        Assert.Contains("بیشترین اختلاف", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UsesThePinnedDotnetInteractiveTool()
    {
        var (result, executed, _) = await Run(Repo.Notebook("typeof(Microsoft.DotNet.Interactive.Kernel).Assembly.Location"));
        Assert.True(result.Succeeded, result.Describe());
        string location = Data(executed.Cells[2], "text/plain")!["text/plain"]!.ToJsonString();
        // The restored tool itself, or its ahead-of-time image when a course build made one on this machine (KernelImage).
        Assert.True(
            location.Contains("microsoft.dotnet-interactive/1.0.712001/tools", StringComparison.Ordinal)
                || location.Contains(KernelImage.ImageFolder("1.0.712001"), StringComparison.Ordinal),
            location);
        Assert.True(result.KernelStartup > TimeSpan.Zero);
    }

    [Fact]
    public async Task RunAsync_NoToolManifest_FailsWithClearMessage()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nd-notool-" + Guid.NewGuid().ToString("N"), "en");
        string src = Path.Combine(dir, "t.ipynb");
        Repo.Notebook("1").Save(src);
        NotebookRunResult r = await NotebookRunner.RunAsync(src, Path.Combine(dir, "..", "out.ipynb"));
        Assert.False(r.Succeeded);
        Assert.Contains("dotnet-tools.json", r.Failure!.Message, StringComparison.Ordinal);
    }
}
