using System.Text.Json;
using NormDecay.Charts.Figures;
using NormDecay.Charts.Text;

namespace NormDecay.Charts.Tests.Internal;

/// <summary>
/// Panel layout of multi-panel figures. An inner panel's y axis (ticks, then title) sits in the gap between panels,
/// where plotly's automargin cannot help: seen in headless-Chromium screenshots of the Persian contour panels, a
/// repeated y title ran into the neighbouring panel.
/// </summary>
public class FigureBuilderTests
{
    private static readonly LossGrid Grid = LossGrid.Sample(TestData.Bowl, (-3, 3), (-2, 2), 21, 15);

    [Theory]
    [InlineData("en")]
    [InlineData("fa")]
    public void Build_PanelsShareYTitle_OnlyLeftmostPanelShowsIt(string language)
    {
        using var _ = ChartText.Use(language);
        var fig = new FigureJson(ContourCharts.DecayPanels(Grid, TestData.Descent(ChartLabel.Text("a"), 0.01, 5), TestData.Descent(ChartLabel.Text("b"), 0.19, 5), TestData.Descent(ChartLabel.Text("c"), 0.19, 5, 0.3)));

        var axes = new[] { "yaxis", "yaxis2", "yaxis3" };
        var leftmost = axes.OrderBy(a => DomainOfX(fig, a)[0]).First();
        Assert.Equal(language == "fa" ? "yaxis3" : "yaxis", leftmost);
        Assert.Equal(ChartText.Get("axis.w2"), fig.AxisTitle(leftmost));
        foreach (var inner in axes.Where(a => a != leftmost))
        {
            Assert.False(HasTitle(fig, inner), $"{inner} repeats the shared y title inside the gap between panels ({language}).");
        }

        // Every x axis keeps its own title: it sits below its panel, not in a gap.
        Assert.All(new[] { "xaxis", "xaxis2", "xaxis3" }, a => Assert.Equal(ChartText.Get("axis.w1"), fig.AxisTitle(a)));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fa")]
    public void Build_PanelsWithDifferentYTitles_KeepAllAndWidenTheGap(string language)
    {
        using var _ = ChartText.Use(language);
        var chart = LineCharts.Panels(
            [
                new LinePanel("panel.withoutBn", "axis.epoch", "axis.loss", [TestData.Decay(ChartLabel.Text("a"), 5, 0.3)]),
                new LinePanel("panel.withBn", "axis.epoch", "axis.accuracy", [TestData.Decay(ChartLabel.Text("a"), 5, 0.1)]),
            ],
            "title.lossVsEpoch");
        var fig = new FigureJson(chart);

        Assert.Equal(ChartText.Get("axis.loss"), fig.AxisTitle("yaxis"));
        Assert.Equal(ChartText.Get("axis.accuracy"), fig.AxisTitle("yaxis2"));
        var domains = new[] { DomainOfX(fig, "xaxis"), DomainOfX(fig, "xaxis2") }.OrderBy(d => d[0]).ToArray();
        var gap = domains[1][0] - domains[0][1];
        Assert.True(gap >= 0.12, $"gap between panels is {gap:0.###} of the plot width; an inner y title needs >= 0.12 ({language}).");

        // Panel titles stay centred over their (moved) panels.
        var centres = fig.Layout.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("x").GetDouble()).ToArray();
        var own = new[] { DomainOfX(fig, "xaxis"), DomainOfX(fig, "xaxis2") };
        for (var p = 0; p < 2; p++)
        {
            Assert.Equal((own[p][0] + own[p][1]) / 2, centres[p], 3);
        }
    }

    [Theory]
    [InlineData("en", false)]
    [InlineData("fa", true)]
    public void AxisTitle_LogYInPersian_StandsOffFromPowerLabels(string language, bool standoff)
    {
        using var lang = ChartText.Use(language);
        var fig = new FigureJson(LineCharts.Lines([TestData.Decay(ChartLabel.Text("a"), 5, 1)], "title.lossVsEpoch", "axis.epoch", "axis.loss", logY: true));
        var title = fig.Layout.GetProperty("yaxis").GetProperty("title");
        Assert.Equal(standoff, title.TryGetProperty("standoff", out var s) && s.GetInt32() >= 40);
        Assert.False(fig.Layout.GetProperty("xaxis").GetProperty("title").TryGetProperty("standoff", out _));
    }

    [Fact]
    public void Build_SinglePanel_KeepsYTitle()
    {
        using var _ = ChartText.Use("fa");
        var fig = new FigureJson(ContourCharts.Surface(Grid, [], "title.lossContours"));
        Assert.Equal(ChartText.Get("axis.w2"), fig.AxisTitle("yaxis"));
    }

    /// <summary>The x domain of the panel that <paramref name="axis"/> ("xaxis2" or its "yaxis2") belongs to.</summary>
    private static double[] DomainOfX(FigureJson fig, string axis) =>
        fig.Layout.GetProperty("x" + axis[1..]).GetProperty("domain").EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static bool HasTitle(FigureJson fig, string axis) =>
        fig.Layout.GetProperty(axis).TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.Object
        && t.TryGetProperty("text", out var text) && !string.IsNullOrEmpty(text.GetString());
}
