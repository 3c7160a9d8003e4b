using NormDecay.Charts.Figures;
using NormDecay.Charts.Text;

namespace NormDecay.Charts.Tests.Figures;

public class DistributionChartsTests
{
    private static DistributionFrame[] Frames(int epochs)
    {
        var rng = new Random(7);
        return Enumerable.Range(0, epochs).Select(e => new DistributionFrame(
            ChartLabel.Number(e),
            [
                // Formatted keys: every frame builds new labels, and the same layer in both panels still shares its colour.
                new DistributionSeries(ChartLabel.Format("format.layerN", 1), TestData.Normal(rng, 500, 0.5 * e, 1 + e), 0),
                new DistributionSeries(ChartLabel.Format("format.layerN", 2), TestData.Normal(rng, 500, -e, 2), 0),
                new DistributionSeries(ChartLabel.Format("format.layerN", 1), TestData.Normal(rng, 500, 0, 1), 1),
                new DistributionSeries(ChartLabel.Format("format.layerN", 2), TestData.Normal(rng, 500, 0, 1), 1),
            ])).ToArray();
    }

    [Theory]
    [InlineData("en", "Epoch: ")]
    [InlineData("fa", "ایپاک: ")]
    public void Slider_FiveEpochsTwoPanels_PrecomputedTracesOneStepPerEpoch(string language, string prefix)
    {
        using var _ = ChartText.Use(language);
        var chart = DistributionCharts.Slider(Frames(5), "title.activationDistribution", "axis.preActivation", "slider.epoch", ["panel.withoutBn", "panel.withBn"], bins: 30);
        var fig = new FigureJson(chart).AssertClean();
        Assert.Equal(20, fig.TraceCount);
        Assert.Equal(5, fig.SliderSteps);
        Assert.Equal(ChartText.Get("axis.preActivation"), fig.AxisTitle("xaxis2"));
        Assert.Equal(ChartText.Get("axis.density"), fig.AxisTitle("yaxis"));
        Assert.Equal(prefix, fig.Layout.GetProperty("sliders")[0].GetProperty("currentvalue").GetProperty("prefix").GetString());
        for (var step = 0; step < 5; step++)
        {
            var visible = fig.StepVisibility(step);
            Assert.Equal(Enumerable.Range(0, 20).Select(t => t / 4 == step), visible);
        }

        // Density: the bars of each histogram have area 1, and a panel's bins are the same in every frame.
        for (var t = 0; t < 20; t++)
        {
            var width = fig.Trace(t).GetProperty("width").GetDouble();
            Assert.Equal(1.0, fig.Numbers(t, "y").Sum() * width, 3);
            Assert.Equal(30, fig.Numbers(t, "x").Length);
        }

        Assert.Equal(fig.Numbers(0, "x"), fig.Numbers(16, "x"));
        Assert.Equal("x2", fig.Trace(2).GetProperty("xaxis").GetString());
        Assert.Equal(2, Enumerable.Range(0, 20).Count(t => fig.Trace(t).GetProperty("showlegend").GetBoolean()) / 5);
    }

    [Fact]
    public void Histogram_KnownValues_CountsPerBinAsDensity()
    {
        var (centers, density) = DistributionCharts.Histogram([0.1, 0.2, 1.5, 3.9, 4.0, double.NaN], 0, 1, 4);
        Assert.Equal([0.5, 1.5, 2.5, 3.5], centers);
        Assert.Equal([2 / 5.0, 1 / 5.0, 0, 2 / 5.0], density); // 4.0 falls into the last bin, NaN is skipped
    }

    [Fact]
    public void Slider_FramesWithDifferentSeries_ThrowsNamingFrame()
    {
        var frames = Frames(2);
        frames[1] = frames[1] with { Series = frames[1].Series.Take(3).ToArray() };
        var ex = Assert.Throws<ArgumentException>(() => DistributionCharts.Slider(frames, "title.activationDistribution", "axis.preActivation", "slider.epoch"));
        Assert.Contains("Frame 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Slider_SeriesWithoutFiniteValues_ThrowsNamingSeries()
    {
        DistributionFrame[] frames = [new(ChartLabel.Number(0), [new DistributionSeries(ChartLabel.Text("Layer 3"), [double.NaN, double.PositiveInfinity])])];
        var ex = Assert.Throws<ArgumentException>(() => DistributionCharts.Slider(frames, "title.activationDistribution", "axis.preActivation", "slider.epoch"));
        Assert.Contains("'Layer 3'", ex.Message, StringComparison.Ordinal);
    }
}
