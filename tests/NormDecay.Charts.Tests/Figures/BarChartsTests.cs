using NormDecay.Charts.Figures;
using NormDecay.Charts.Text;

namespace NormDecay.Charts.Tests.Figures;

public class BarChartsTests
{
    [Theory]
    [InlineData("en", false)]
    [InlineData("fa", true)]
    public void Grouped_TwoGroupsThreeCategories_TwoBarTraces(string language, bool horizontal)
    {
        using var _ = ChartText.Use(language);
        var chart = BarCharts.Grouped(
            [ChartLabel.Number(1), ChartLabel.Number(2), ChartLabel.Number(3)],
            [new BarGroup("legend.withoutBn", [0.31, 0.42, 0.5]), new BarGroup("legend.withBn", [0.5, 0.5, 0.49])],
            "title.zeroFraction", "axis.layer", "axis.zeroFraction", valueFormat: ".0%", horizontal: horizontal);
        var fig = new FigureJson(chart).AssertClean();
        Assert.Equal(2, fig.TraceCount);
        Assert.Equal("bar", fig.Trace(1).GetProperty("type").GetString());
        Assert.Equal(ChartText.Get("axis.zeroFraction"), fig.AxisTitle(horizontal ? "xaxis" : "yaxis"));
        Assert.Equal(ChartText.Get("axis.layer"), fig.AxisTitle(horizontal ? "yaxis" : "xaxis"));
        Assert.Equal([0.5, 0.5, 0.49], fig.Numbers(1, horizontal ? "x" : "y"));
        Assert.Equal(horizontal ? "%{x:.0%}" : "%{y:.0%}", fig.Trace(0).GetProperty("texttemplate").GetString());
    }

    [Theory]
    [InlineData(false, "xaxis")]
    [InlineData(true, "yaxis")]
    public void Grouped_NumericCategoryNames_CategoryAxis(bool horizontal, string categoryAxis)
    {
        // Learning rates as names: without a category axis plotly spaces them by value (0.02 and 0.1 touch, 2 far away).
        var chart = BarCharts.Grouped([ChartLabel.Number(0.02), ChartLabel.Number(0.1), ChartLabel.Number(2)], [new BarGroup(ChartLabel.Text("with BN"), [0.9, 0.95, 0.1])], "title.timePerIteration", "axis.learningRate", "axis.accuracy", horizontal: horizontal);
        var fig = new FigureJson(chart).AssertClean();
        Assert.Equal("category", fig.Layout.GetProperty(categoryAxis).GetProperty("type").GetString());
        Assert.False(fig.Layout.GetProperty(horizontal ? "xaxis" : "yaxis").TryGetProperty("type", out _), "the value axis must stay linear");
    }

    [Fact]
    public void Grouped_WrongValueCount_ThrowsNamingGroup()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            BarCharts.Grouped([ChartLabel.Text("a"), ChartLabel.Text("b")], [new BarGroup(ChartLabel.Text("with BN"), [1, 2, 3])], "title.timePerIteration", "axis.network", "axis.timePerIteration"));
        Assert.Contains("'with BN' has 3 values for 2 categories", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Without BN", "Batch 32, rate 0.05", "Training")]
    [InlineData("fa", "بدون نرمال‌سازی دسته‌ای", "مینی‌بچ 32، نرخ 0.05", "آموزش")]
    public void Grouped_GroupsAndCategoriesNamedByKeys_TextInFigureLanguage(string language, string withoutBn, string batchRate, string train)
    {
        using var _ = ChartText.Use(language);
        var fig = new FigureJson(BarCharts.Grouped(
            ["legend.train", ChartLabel.Number(2)],
            [new BarGroup("legend.withoutBn", [0.5, 0.6]), new BarGroup(ChartLabel.Format("legend.batchRate", 32, 0.05), [0.7, 0.8]), new BarGroup(ChartLabel.Text("GroupNorm(2)"), [0.1, 0.2])],
            "title.timePerIteration", "axis.seed", "axis.accuracy")).AssertClean();
        Assert.Equal(withoutBn, fig.Trace(0).GetProperty("name").GetString());
        Assert.Equal(batchRate, fig.Trace(1).GetProperty("name").GetString());
        Assert.Equal("GroupNorm(2)", fig.Trace(2).GetProperty("name").GetString());
        Assert.Equal([train, "2"], fig.Trace(0).GetProperty("x").EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    [Fact]
    public void Grouped_GroupNamedByMissingKey_ThrowsKeyNotFoundNamingKeyAndGroup()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => BarCharts.Grouped(
            [ChartLabel.Number(1)], [new BarGroup("legend.withBn", [1]), new BarGroup("legend.noSuchKey", [2])], "title.timePerIteration", "axis.seed", "axis.accuracy"));
        Assert.Contains("legend.noSuchKey", ex.Message, StringComparison.Ordinal);
        Assert.Contains("bar group 1", ex.Message, StringComparison.Ordinal);
    }
}
