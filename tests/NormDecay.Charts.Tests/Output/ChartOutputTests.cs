using System.Text.Json;
using NormDecay.Charts.Figures;
using NormDecay.Charts.Output;
using NormDecay.Charts.Text;

namespace NormDecay.Charts.Tests.Output;

public class ChartOutputTests
{
    [Fact]
    public void ToFigureJson_Chart_HasDataLayoutConfig()
    {
        var json = ChartOutput.ToFigureJson(LineCharts.Lines([TestData.Decay(ChartLabel.Text("a"), 5, 1)], "title.lossVsEpoch", "axis.epoch", "axis.loss"));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(["data", "layout", "config"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.True(doc.RootElement.GetProperty("config").GetProperty("responsive").GetBoolean());
    }

    [Fact]
    public void ToHtml_Chart_DivAndNewPlotWithoutCdnOrRequire()
    {
        var html = ChartOutput.ToHtml(LineCharts.Lines([TestData.Decay(ChartLabel.Text("</script><b>"), 5, 1)], "title.lossVsEpoch", "axis.epoch", "axis.loss"), "lesson-1_fig2");
        Assert.StartsWith("<div id=\"lesson-1_fig2\"", html, StringComparison.Ordinal);
        Assert.Contains("window.Plotly.newPlot('lesson-1_fig2', figure.data, figure.layout, figure.config)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("require", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "</script>")); // a label cannot close the script early
        Assert.Contains("<\\/script><b>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("a b")]
    [InlineData("x\"onload=")]
    [InlineData("")]
    public void ToHtml_BadDivId_Throws(string id) =>
        Assert.Throws<ArgumentException>(() => ChartOutput.ToHtml(LineCharts.Lines([TestData.Decay(ChartLabel.Text("a"), 3, 1)], "title.lossVsEpoch", "axis.epoch", "axis.loss"), id));

    [Fact]
    public void PlotlyJs_FromPlotlyNetResources_IsPlotly2()
    {
        Assert.Equal("Plotly.NET.plotly-2.28.0.min.js", ChartOutput.PlotlyJsResourceName);
        Assert.Equal("2.28.0", ChartOutput.PlotlyJsVersion);
        var js = ChartOutput.PlotlyJs();
        Assert.True(js.Length > 1_000_000, $"plotly.min.js has only {js.Length} characters");
        Assert.Contains("newPlot", js, StringComparison.Ordinal);
    }

    [Fact]
    public void ToStandaloneHtml_Persian_RtlPageWithInlinedPlotlyAndEveryChart()
    {
        using var _ = ChartText.Use("fa");
        var charts = new[]
        {
            LineCharts.Lines([TestData.Decay(ChartLabel.Text("a"), 3, 1)], "title.lossVsEpoch", "axis.epoch", "axis.loss"),
            LineCharts.Lines([TestData.Decay(ChartLabel.Text("b"), 3, 1)], "title.accuracyVsEpoch", "axis.epoch", "axis.accuracy"),
        };
        var html = ChartOutput.ToStandaloneHtml(charts, "درس <1>");
        Assert.Contains("<html lang=\"fa\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>درس &lt;1&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-1\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-2\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf(ChartOutput.PlotlyJs()[..200], StringComparison.Ordinal) < html.IndexOf("id=\"chart-1\"", StringComparison.Ordinal));
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
    }
}
