using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using NormDecay.Notebook;

namespace NormDecay.Cli.Tests.Notebook;

public class ChartDisplayTests
{
    [Fact]
    public void ToHtml_WithScript_InlinesPlotlyOnceAndWaitsForIt()
    {
        string html = ChartDisplay.ToHtml("{\"data\":[{\"type\":\"bar\",\"y\":[1,2]}],\"layout\":{}}", includePlotlyScript: true);
        Assert.StartsWith("<script type=\"text/javascript\" data-normdecay=\"plotly-js\">if(!window.Plotly)", html, StringComparison.Ordinal);
        Assert.Contains("plotly.js v" + PlotlyScript.Version, html, StringComparison.Ordinal);
        Assert.Contains("window.Plotly.newPlot(el,fig.data", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_WithoutScript_IsSmallAndEscapesClosingTags()
    {
        string html = ChartDisplay.ToHtml("{\"data\":[],\"layout\":{\"title\":{\"text\":\"</script><b>x</b>\"}}}", includePlotlyScript: false);
        Assert.True(html.Length < 2000, $"length {html.Length}");
        Assert.Single(html.Split("</script>")[..^1]);
        Assert.Contains("<\\/script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_NotAnObject_NamesTheProblem()
    {
        var e = Assert.Throws<ArgumentException>(() => ChartDisplay.ToHtml("[1,2]", false));
        Assert.Contains("must be a JSON object", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ChartDisplay.ToHtml("{oops", false));
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
    public void PlotlyScript_ComesFromPlotlyNetResource()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+$", PlotlyScript.Version);
        Assert.True(PlotlyScript.Source.Length > 1_000_000);
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
