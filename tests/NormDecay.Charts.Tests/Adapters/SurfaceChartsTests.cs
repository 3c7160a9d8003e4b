using NormDecay.Charts.Adapters;
using NormDecay.Charts.Text;
using NormDecay.Schedules;
using NormDecay.Surfaces;

namespace NormDecay.Charts.Tests.Adapters;

public class SurfaceChartsTests
{
    private static readonly QuadraticSurface Bowl = QuadraticSurface.FromConditionNumber(10, angleDegrees: 30);

    private static Trajectory Run(double lr, int steps = 30) => GradientDescent.Run(Bowl, new ConstantRate(lr), steps);

    [Fact]
    public void Grid_Surface_ValuesOfTheSurface()
    {
        var grid = SurfaceCharts.Grid(Bowl, 21);
        Assert.Equal(21, grid.X.Length);
        Assert.Equal(Bowl.Value(grid.X[4], grid.Y[9]), grid.Z[9, 4], 12);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fa")]
    public void Contour_TwoRuns_PathsFromTrajectoriesOptimumFromSurface(string language)
    {
        using var _ = ChartText.Use(language);
        var small = Run(0.1);
        var fig = new FigureJson(SurfaceCharts.Contour(Bowl, [small, Run(1.5)], resolution: 31)).AssertClean();
        Assert.Equal(1 + 2 * 2 + 1, fig.TraceCount);
        Assert.Equal(small.Xs.Length, fig.Numbers(1, "x").Length);
        Assert.Equal(small.Ys[5], fig.Numbers(1, "y")[5], 5);
        Assert.Equal(small.Label, fig.Trace(1).GetProperty("name").GetString());
        Assert.Equal(Bowl.Minimum.X, fig.Numbers(5, "x")[0], 5);
        Assert.Equal(ChartText.Get("title.lossContours"), fig.Title);
    }

    [Theory]
    [InlineData("en", "Decaying", "lr = 0.1")]
    [InlineData("fa", "نزولی", "نرخ یادگیری = 0.1")]
    public void Contour_NamedPaths_LegendFromKeysInFigureLanguage(string language, string decaying, string rate)
    {
        using var _ = ChartText.Use(language);
        var fig = new FigureJson(SurfaceCharts.Contour(
            Bowl,
            [SurfaceCharts.Path(Run(0.1), "legend.decaying"), SurfaceCharts.Path(Run(1.5), ChartLabel.Format("format.learningRateEq", ChartLabel.Number(0.1)))],
            resolution: 31)).AssertClean();
        Assert.Equal(decaying, fig.Trace(1).GetProperty("name").GetString());
        Assert.Equal(rate, fig.Trace(3).GetProperty("name").GetString());
    }

    [Fact]
    public void Panels_NamedPaths_LegendFromKeys()
    {
        using var _ = ChartText.Use("fa");
        var fig = new FigureJson(SurfaceCharts.Panels(
            new (ChartLabel, ISurface, IReadOnlyList<NormDecay.Charts.Figures.TrajectorySeries>)[] { ("panel.unnormalized", Bowl, [SurfaceCharts.Path(Run(0.1), "legend.tooSmall")]) },
            resolution: 31)).AssertClean();
        Assert.Equal("خیلی کوچک", fig.Trace(1).GetProperty("name").GetString());
    }

    [Fact]
    public void DecayPanels_ThreeRuns_LegendNamesFromTable()
    {
        using var _ = ChartText.Use("fa");
        var decaying = GradientDescent.Run(Bowl, new NgInverseTimeDecay(1.9, 0.5), 30);
        var fig = new FigureJson(SurfaceCharts.DecayPanels(Bowl, Run(0.05), Run(1.9), decaying, resolution: 31)).AssertClean();
        Assert.Equal(12, fig.TraceCount);
        Assert.Equal(ChartText.Get("legend.decaying"), fig.Trace(9).GetProperty("name").GetString());
    }

    [Fact]
    public void Slider_ThreeRates_OneStepPerRunLabelledByRun()
    {
        Trajectory[] runs = [Run(0.1), Run(1.0), Run(1.9)];
        var fig = new FigureJson(SurfaceCharts.Slider(Bowl, runs, resolution: 31)).AssertClean();
        Assert.Equal(3, fig.SliderSteps);
        Assert.Equal(runs[2].Label, fig.Layout.GetProperty("sliders")[0].GetProperty("steps")[2].GetProperty("label").GetString());
    }

    [Fact]
    public void Panels_ElongatedAndRound_TwoPanels()
    {
        var round = QuadraticSurface.FromConditionNumber(1);
        var fig = new FigureJson(SurfaceCharts.Panels(
            [("panel.unnormalized", Bowl, [Run(0.15)]), ("panel.normalized", round, [GradientDescent.Run(round, new ConstantRate(0.15), 30)])], resolution: 31)).AssertClean();
        Assert.Equal(2 * 4, fig.TraceCount);
        Assert.Equal(2, fig.PanelTitles.Length);
    }
}
