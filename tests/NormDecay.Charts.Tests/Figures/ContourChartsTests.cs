using NormDecay.Charts.Figures;
using NormDecay.Charts.Text;

namespace NormDecay.Charts.Tests.Figures;

public class ContourChartsTests
{
    private static readonly LossGrid Grid = LossGrid.Sample(TestData.Bowl, (-3, 3), (-2, 2), 41, 31);

    [Fact]
    public void Sample_Bowl_RowsFollowYColumnsFollowX()
    {
        Assert.Equal(41, Grid.X.Length);
        Assert.Equal(31, Grid.Y.Length);
        Assert.Equal(TestData.Bowl(Grid.X[7], Grid.Y[3]), Grid.Z[3, 7]);
    }

    [Fact]
    public void LossGrid_WrongShape_ThrowsNamingShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LossGrid([0, 1, 2], [0, 1], new double[3, 2]));
        Assert.Contains("(3, 2)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(2, 3)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LossGrid_NaN_ThrowsNamingPosition()
    {
        var z = new double[2, 2];
        z[1, 0] = double.NaN;
        var ex = Assert.Throws<ArgumentException>(() => new LossGrid([0, 1], [5, 6], z));
        Assert.Contains("z[1, 0]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("y = 6", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fa")]
    public void Surface_TwoTrajectories_ContourPathsStartsAndOptimum(string language)
    {
        using var _ = ChartText.Use(language);
        var chart = ContourCharts.Surface(Grid, [TestData.Descent(ChartLabel.Text("lr = 0.05"), 0.05, 30), TestData.Descent(ChartLabel.Text("lr = 0.18"), 0.18, 30)], "title.lossContours", (1, -0.5));
        var fig = new FigureJson(chart).AssertClean();
        Assert.Equal(1 + 2 * 2 + 1, fig.TraceCount);
        Assert.Equal("contour", fig.Trace(0).GetProperty("type").GetString());
        Assert.Equal(31, fig.Trace(0).GetProperty("z").GetArrayLength());
        Assert.Equal(41, fig.Trace(0).GetProperty("z")[0].GetArrayLength());
        Assert.Equal(31, fig.Numbers(1, "x").Length);
        Assert.Equal(-2.0, fig.Numbers(2, "x")[0]); // the start marker
        Assert.Equal(ChartText.Get("legend.optimum"), fig.Trace(5).GetProperty("name").GetString());
        Assert.Equal(ChartText.Get("axis.w1"), fig.AxisTitle("xaxis"));
        Assert.Equal(ChartText.Get("title.lossContours"), fig.Title);
        Assert.Equal(ChartText.Get("colorbar.loss"), fig.Trace(0).GetProperty("colorbar").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Surface_LogLevels_ContoursOfLogShiftedLoss()
    {
        var fig = new FigureJson(ContourCharts.Surface(Grid, [], "title.lossContours", logLevels: true)).AssertClean();
        var z = fig.Trace(0).GetProperty("z");
        var min = Grid.Z.Cast<double>().Min();
        var max = Grid.Z.Cast<double>().Max();
        Assert.Equal(Math.Log10(Grid.Z[3, 7] - min + 1e-3 * (max - min)), z[3][7].GetDouble(), 4);
        Assert.Equal(ChartText.Get("colorbar.logLoss"), fig.Trace(0).GetProperty("colorbar").GetProperty("title").GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fa")]
    public void DecayPanels_ThreeRuns_ThreePanelsEachWithContour(string language)
    {
        using var _ = ChartText.Use(language);
        var chart = ContourCharts.DecayPanels(
            Grid,
            TestData.Descent("legend.tooSmall", 0.01, 25),
            TestData.Descent("legend.tooLarge", 0.19, 25),
            TestData.Descent("legend.decaying", 0.19, 25, decay: 0.3),
            (1, -0.5));
        var fig = new FigureJson(chart).AssertClean();
        Assert.Equal(3 * (1 + 2 + 1), fig.TraceCount);
        Assert.Equal(ChartText.Get("title.decayPanels"), fig.Title);
        Assert.Equal(3, fig.PanelTitles.Length);
        Assert.Contains(ChartText.Get("panel.tooLarge"), fig.PanelTitles[1], StringComparison.Ordinal);
        // The shared y title is shown once, on the leftmost panel: the first in English, the last in Persian.
        Assert.Equal(ChartText.Get("axis.w2"), fig.AxisTitle(language == "fa" ? "yaxis3" : "yaxis"));
        Assert.Equal(1, Enumerable.Range(0, fig.TraceCount).Count(t => fig.Trace(t).TryGetProperty("showscale", out var s) && s.GetBoolean()));
        Assert.Equal("y3", fig.Trace(8).GetProperty("yaxis").GetString());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fa")]
    public void DecayPanels_LogLevels_ColorBarTitleRunsAlongTheBarRightOfEveryPanel(string language)
    {
        // A "top" title is wider than the bar; Chromium measures right-to-left SVG text wrongly, so plotly's margin did not
        // grow for "log10 هزینه" and the title was cut off at the figure's right edge (headless screenshot).
        using var _ = ChartText.Use(language);
        var fig = new FigureJson(ContourCharts.DecayPanels(Grid, TestData.Descent(ChartLabel.Text("a"), 0.01, 5), TestData.Descent(ChartLabel.Text("b"), 0.19, 5), TestData.Descent(ChartLabel.Text("c"), 0.19, 5, 0.3), logLevels: true));
        var bars = Enumerable.Range(0, fig.TraceCount).Select(fig.Trace)
            .Where(t => t.GetProperty("type").GetString() == "contour" && t.GetProperty("showscale").GetBoolean()).ToArray();
        var colorbar = Assert.Single(bars).GetProperty("colorbar");
        Assert.Equal("right", colorbar.GetProperty("title").GetProperty("side").GetString());
        Assert.Equal(ChartText.Get("colorbar.logLoss"), colorbar.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("left", colorbar.GetProperty("xanchor").GetString());
        var rightEdge = new[] { "xaxis", "xaxis2", "xaxis3" }.Max(a => fig.Layout.GetProperty(a).GetProperty("domain")[1].GetDouble());
        Assert.True(colorbar.GetProperty("x").GetDouble() > rightEdge, "the colour bar overlaps the rightmost panel");
    }

    [Fact]
    public void Slider_ThreeLearningRates_ContourAndOptimumAlwaysVisible()
    {
        var runs = new[] { 0.02, 0.1, 0.19 }
            .Select(lr => (ChartLabel.Number(lr), (IReadOnlyList<TrajectorySeries>)[TestData.Descent(ChartLabel.Text("GD"), lr, 20)]))
            .ToArray();
        var fig = new FigureJson(ContourCharts.Slider(Grid, runs, "title.lossContours", "slider.learningRate", (1, -0.5))).AssertClean();
        Assert.Equal(2 + 3 * 2, fig.TraceCount);
        Assert.Equal(3, fig.SliderSteps);
        Assert.Equal([true, true, false, false, true, true, false, false], fig.StepVisibility(1));
    }

    [Theory]
    [InlineData("en", "Decaying")]
    [InlineData("fa", "نزولی")]
    public void Surface_TrajectoryNamedByKey_LegendInFigureLanguage(string language, string decaying)
    {
        using var _ = ChartText.Use(language);
        var fig = new FigureJson(ContourCharts.Surface(Grid, [TestData.Descent("legend.decaying", 0.1, 5, 0.3)], "title.lossContours")).AssertClean();
        Assert.Equal(decaying, fig.Trace(1).GetProperty("name").GetString());
        Assert.Equal(decaying, fig.Trace(2).GetProperty("legendgroup").GetString()); // the start marker joins its path
    }

    [Fact]
    public void Panels_TrajectoryNamedByMissingKey_ThrowsKeyNotFoundNamingKeyAndTrajectory()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() =>
            ContourCharts.Surface(Grid, [TestData.Descent("legend.decaying", 0.1, 5), TestData.Descent("lr = 0.1", 0.1, 5)], "title.lossContours"));
        Assert.Contains("trajectory 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'lr = 0.1'", ex.Message, StringComparison.Ordinal);
    }
}
