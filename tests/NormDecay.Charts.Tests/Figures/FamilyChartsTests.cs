using NormDecay.Charts.Figures;
using NormDecay.Charts.Text;

namespace NormDecay.Charts.Tests.Figures;

public class FamilyChartsTests
{
    private static FamilyMember[] RunningMeans(params double[] momenta) =>
        momenta.Select(m =>
        {
            var r = new double[30];
            for (var t = 1; t < r.Length; t++)
            {
                r[t] = (1 - m) * r[t - 1] + m * 2.0;
            }

            return new FamilyMember(ChartLabel.Number(m), [Series.Indexed("legend.runningAverage", r)]);
        }).ToArray();

    [Theory]
    [InlineData("en", "Momentum: ")]
    [InlineData("fa", "تکانه: ")]
    public void Slider_ThreeMembersAndReference_StepsToggleOnlyTheirCurves(string language, string prefix)
    {
        using var _ = ChartText.Use(language);
        var reference = Series.Indexed("legend.populationValue", Enumerable.Repeat(2.0, 30).ToArray());
        var chart = FamilyCharts.Slider(RunningMeans(0.01, 0.1, 0.5), "title.runningStatistics", "axis.step", "axis.mean", "slider.momentum", [reference], active: 1);
        var fig = new FigureJson(chart).AssertClean();
        Assert.Equal(4, fig.TraceCount);
        Assert.Equal(3, fig.SliderSteps);
        Assert.Equal([true, true, false, false], fig.StepVisibility(0));
        Assert.Equal([true, false, true, false], fig.StepVisibility(1));
        Assert.Equal([true, false, false, true], fig.StepVisibility(2));
        var slider = fig.Layout.GetProperty("sliders")[0];
        Assert.Equal(1, slider.GetProperty("active").GetInt32());
        Assert.Equal(prefix, slider.GetProperty("currentvalue").GetProperty("prefix").GetString());
        Assert.Equal("0.1", slider.GetProperty("steps")[1].GetProperty("label").GetString());

        // The initial state matches the active step; the y range is fixed over all members.
        Assert.Equal([true, false, true, false], Enumerable.Range(0, 4).Select(i => fig.Trace(i).GetProperty("visible").GetBoolean()));
        var range = fig.Layout.GetProperty("yaxis").GetProperty("range");
        Assert.True(range[0].GetDouble() <= 0 && range[1].GetDouble() >= 2.0);
        Assert.Equal(ChartText.Get("axis.mean"), fig.AxisTitle("yaxis"));
    }

    [Fact]
    public void Slider_ActiveOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            FamilyCharts.Slider(RunningMeans(0.1), "title.runningStatistics", "axis.step", "axis.mean", "slider.momentum", active: 1));

    [Fact]
    public void Slider_NoMembers_Throws() =>
        Assert.Throws<ArgumentException>(() => FamilyCharts.Slider([], "title.runningStatistics", "axis.step", "axis.mean", "slider.momentum"));

    [Theory]
    [InlineData("en", "cumulative")]
    [InlineData("fa", "تجمعی")]
    public void Slider_PositionNamedByKey_LabelInFigureLanguage(string language, string cumulative)
    {
        using var _ = ChartText.Use(language);
        FamilyMember[] members = [.. RunningMeans(0.1), new FamilyMember("slider.cumulative", [Series.Indexed("legend.runningAverage", [1.0, 2.0])])];
        var fig = new FigureJson(FamilyCharts.Slider(members, "title.runningStatistics", "axis.step", "axis.mean", "slider.momentum")).AssertClean();
        var steps = fig.Layout.GetProperty("sliders")[0].GetProperty("steps");
        Assert.Equal("0.1", steps[0].GetProperty("label").GetString());
        Assert.Equal(cumulative, steps[1].GetProperty("label").GetString());
        Assert.Equal(ChartText.Get("legend.runningAverage"), fig.Trace(1).GetProperty("name").GetString());
    }

    [Fact]
    public void Slider_PositionNamedByMissingKey_ThrowsKeyNotFoundNamingPosition()
    {
        FamilyMember[] members = [.. RunningMeans(0.1), new FamilyMember("0.5", [Series.Indexed("legend.runningAverage", [1.0, 2.0])])];
        var ex = Assert.Throws<KeyNotFoundException>(() => FamilyCharts.Slider(members, "title.runningStatistics", "axis.step", "axis.mean", "slider.momentum"));
        Assert.Contains("slider position 1 ('0.5')", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ChartLabel.Number", ex.Message, StringComparison.Ordinal);
    }
}
