using NormDecay.Charts.Adapters;
using NormDecay.Charts.Text;
using NormDecay.Schedules;

namespace NormDecay.Charts.Tests.Adapters;

public class ScheduleChartsTests
{
    [Theory]
    [InlineData("en", "Epoch")]
    [InlineData("fa", "ایپاک")]
    public void Curves_ThreeEpochSchedules_ValuesFromTheSchedules(string language, string xTitle)
    {
        using var _ = ChartText.Use(language);
        ISchedule[] schedules = [new StepLR(0.1, stepSize: 10, gamma: 0.5), new ExponentialLR(0.1, gamma: 0.9), new NgInverseTimeDecay(0.1, 1.0)];
        var fig = new FigureJson(ScheduleCharts.Curves(schedules, 30, logY: true)).AssertClean();
        Assert.Equal(3, fig.TraceCount);
        Assert.Equal(xTitle, fig.AxisTitle("xaxis"));
        Assert.Equal(ChartText.Get("axis.learningRate"), fig.AxisTitle("yaxis"));
        Assert.Equal(ChartText.Get("title.schedules"), fig.Title);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(schedules[i].Name, fig.Trace(i).GetProperty("name").GetString());
            var y = fig.Numbers(i, "y");
            Assert.Equal(30, y.Length);
            Assert.Equal(schedules[i].LearningRate(17), y[17], 6);
            Assert.Equal("hv", fig.Trace(i).GetProperty("line").GetProperty("shape").GetString()); // an epoch's rate holds all epoch
        }
    }

    [Fact]
    public void Curves_IterationSchedule_IterationAxisAndPlainLine()
    {
        var fig = new FigureJson(ScheduleCharts.Curves([new CyclicLR(0.001, 0.1, stepSizeUp: 100)], 400)).AssertClean();
        Assert.Equal(ChartText.Get("axis.iteration", "en"), fig.AxisTitle("xaxis"));
        Assert.False(fig.Trace(0).GetProperty("line").TryGetProperty("shape", out _));
        Assert.Equal(0.1, fig.Numbers(0, "y")[100], 6);
    }

    [Fact]
    public void Curves_MixedUnits_ThrowsListingSchedules()
    {
        var ex = Assert.Throws<ArgumentException>(() => ScheduleCharts.Curves([new StepLR(0.1, 10, 0.5), new CyclicLR(0.001, 0.1, stepSizeUp: 100)], 50));
        Assert.Contains("(Epoch)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(Iteration)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "gamma = ")]
    [InlineData("fa", "گاما = ")]
    public void Family_GammaValues_OneSliderStepPerValue(string language, string prefix)
    {
        using var _ = ChartText.Use(language);
        double[] gammas = [0.1, 0.3, 0.5, 0.9];
        var fig = new FigureJson(ScheduleCharts.Family(g => new StepLR(0.1, 10, g), gammas, 40, "slider.gamma")).AssertClean();
        Assert.Equal(4, fig.TraceCount);
        Assert.Equal(4, fig.SliderSteps);
        Assert.Equal(["0.1", "0.3", "0.5", "0.9"], fig.Layout.GetProperty("sliders")[0].GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("label").GetString()));
        Assert.Equal(prefix, fig.Layout.GetProperty("sliders")[0].GetProperty("currentvalue").GetProperty("prefix").GetString());
        Assert.Equal(0.1 * 0.3 * 0.3, fig.Numbers(1, "y")[25], 8);
        Assert.Equal([false, false, true, false], fig.StepVisibility(2));
    }
}
