using System.IO.Compression;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.RegularExpressions;
using NormDecay.Charts.Output;
using NormDecay.Notebook;

namespace NormDecay.Cli.Tests.Notebook;

public class ChartDisplayTests
{
    [Fact]
    public void ToHtml_WithScript_CarriesCompressedPlotlyOnceAndWaitsForIt()
    {
        string html = NotebookChartHtml.ToHtml("{\"data\":[{\"type\":\"bar\",\"y\":[1,2]}],\"layout\":{}}", includePlotlyJs: true);
        Assert.StartsWith("<script type=\"text/javascript\" data-normdecay=\"plotly-js\"", html, StringComparison.Ordinal);
        // The bundle is inside, gzip+base64: unpacking the string literal gives plotly.min.js back byte for byte.
        string b64 = Regex.Match(html, "atob\\(\"([A-Za-z0-9+/=]+)\"\\)").Groups[1].Value;
        using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(b64)), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        Assert.Equal(ChartOutput.PlotlyJs(), reader.ReadToEnd());
        Assert.True(html.Length < ChartOutput.PlotlyJs().Length / 2, $"HTML with plotly.js is {html.Length} characters");
        Assert.Single(Regex.Matches(html, "data-normdecay=\"plotly-js\""));
        Assert.Contains("window.Plotly.newPlot(el,fig.data", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.True(NotebookChartHtml.IsChartHtml(html));
    }

    [Fact]
    public void ToHtml_WithoutScript_IsSmallAndEscapesClosingTags()
    {
        string html = NotebookChartHtml.ToHtml("{\"data\":[],\"layout\":{\"title\":{\"text\":\"</script><b>x</b>\"}}}", includePlotlyJs: false);
        Assert.True(html.Length < 2000, $"length {html.Length}");
        Assert.Single(html.Split("</script>")[..^1]);
        Assert.Contains("<\\/script>", html, StringComparison.Ordinal);
        Assert.True(NotebookChartHtml.IsChartHtml(html));
        Assert.False(NotebookChartHtml.IsChartHtml("<table><tr><td>1</td></tr></table>"));
    }

    [Fact]
    public void ToHtml_NotAnObject_NamesTheProblem()
    {
        var e = Assert.Throws<ArgumentException>(() => NotebookChartHtml.ToHtml("[1,2]", false));
        Assert.Contains("must be a JSON object", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => NotebookChartHtml.ToHtml("{oops", false));
    }

    [Fact]
    public void ToFigureJson_PlotlyChart_HasDataLayoutConfig()
    {
        var chart = Plotly.NET.CSharp.Chart.Line<double, double, string>(new double[] { 1, 2 }, new double[] { 2, 1 });
        using JsonDocument doc = JsonDocument.Parse(ChartDisplay.ToFigureJson(chart));
        Assert.Equal("scatter", doc.RootElement.GetProperty("data")[0].GetProperty("type").GetString());
        Assert.True(doc.RootElement.TryGetProperty("layout", out _));
        Assert.True(doc.RootElement.TryGetProperty("config", out _));
    }

    [Fact]
    public void ChartDisplayPolicy_Parse_KnowsTheThreeModes()
    {
        Assert.Equal(PlotlyJsMode.Inline, ChartDisplayPolicy.Parse(null));
        Assert.Equal(PlotlyJsMode.Inline, ChartDisplayPolicy.Parse("bogus"));
        Assert.Equal(PlotlyJsMode.Cdn, ChartDisplayPolicy.Parse(" CDN "));
        Assert.Equal(PlotlyJsMode.None, ChartDisplayPolicy.Parse("none"));
        Assert.Equal("cdn", ChartDisplayPolicy.ValueOf(PlotlyJsMode.Cdn));
        Assert.Equal([ChartOutput.PlotlyMimeType, ChartOutput.HtmlMimeType], ChartDisplayPolicy.MimeTypes);
    }

    [Fact]
    public void JupyterJsonOutputs_ParseJsonValues_ParsesOnlyJsonMimeTypes()
    {
        var data = new Dictionary<string, object>
        {
            [ChartOutput.PlotlyMimeType] = "{\"data\":[{\"y\":[1]}]}",
            ["text/html"] = "{\"not\":\"json mime\"}",
            ["application/json"] = "[1,2]",
            ["application/x+json"] = "not json at all",
        };
        Dictionary<string, object> parsed = JupyterJsonOutputs.ParseJsonValues(data)!;
        Assert.Equal(JsonValueKind.Object, Assert.IsType<JsonElement>(parsed[ChartOutput.PlotlyMimeType]).ValueKind);
        Assert.Equal(JsonValueKind.Array, Assert.IsType<JsonElement>(parsed["application/json"]).ValueKind);
        Assert.IsType<string>(parsed["text/html"]);
        Assert.IsType<string>(parsed["application/x+json"]);
        Assert.Null(JupyterJsonOutputs.ParseJsonValues(new Dictionary<string, object> { ["text/plain"] = "1" }));
    }

    [Fact]
    public void JupyterJsonOutputs_OutsideAJupyterKernel_DoesNothing()
    {
        Assert.False(JupyterJsonOutputs.EnsureForCurrentRequest());
    }

    [Fact]
    public void PlotlyJs_ComesFromPlotlyNetResource()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+$", ChartOutput.PlotlyJsVersion);
        Assert.True(ChartOutput.PlotlyJs().Length > 1_000_000);
    }

    [Fact]
    public void FSharpCoreFix_Resolve_ReturnsLoadedFSharpCoreForAnyVersionOnly()
    {
        Assembly fsharp = typeof(Microsoft.FSharp.Core.Unit).Assembly; // loads FSharp.Core
        Assembly? resolved = FSharpCoreFix.Resolve(AssemblyLoadContext.Default, new AssemblyName("FSharp.Core, Version=99.0.0.0"));
        Assert.NotNull(resolved);
        Assert.Same(fsharp, resolved);
        Assert.Null(FSharpCoreFix.Resolve(AssemblyLoadContext.Default, new AssemblyName("Not.FSharp.Core")));
        FSharpCoreFix.Install();
        FSharpCoreFix.Install();
        Assert.True(FSharpCoreFix.IsInstalled);
    }
}
