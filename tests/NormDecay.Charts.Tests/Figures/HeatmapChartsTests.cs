using NormDecay.Charts.Figures;
using NormDecay.Charts.Text;

namespace NormDecay.Charts.Tests.Figures;

public class HeatmapChartsTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("fa")]
    public void Heatmap_TwoByThree_RowsAndColumnsAsGiven(string language)
    {
        using var _ = ChartText.Use(language);
        var z = new double[,] { { 0.91, 0.93, 0.95 }, { 0.95, double.NaN, 0.97 } };
        var chart = HeatmapCharts.Heatmap(z, [ChartLabel.Text("StepLR"), ChartLabel.Text("ExponentialLR"), ChartLabel.Text("OneCycleLR")], ["legend.withoutBn", "legend.withBn"],
            "title.finalAccuracy", "axis.schedule", "axis.network", "axis.accuracy");
        var fig = new FigureJson(chart).AssertClean();
        Assert.Equal(1, fig.TraceCount);
        var rows = fig.Trace(0).GetProperty("z");
        Assert.Equal(2, rows.GetArrayLength());
        Assert.Equal(0.93, rows[0][1].GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rows[1][1].ValueKind);
        Assert.Equal(ChartText.Get("axis.accuracy"), fig.Trace(0).GetProperty("colorbar").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(ChartText.Get("axis.schedule"), fig.AxisTitle("xaxis"));
        Assert.Equal("reversed", fig.Layout.GetProperty("yaxis").GetProperty("autorange").GetString());
    }

    [Fact]
    public void Heatmap_LabelsThatLookLikeNumbers_BothAxesAreCategories()
    {
        // "0".."2" beside "0'".."2'": plotly would guess a linear axis and give the primed columns the position NaN.
        var chart = HeatmapCharts.Heatmap(new double[2, 7], [ChartLabel.Text("0"), ChartLabel.Text("1"), ChartLabel.Text("2"), ChartLabel.Text(" "), ChartLabel.Text("0'"), ChartLabel.Text("1'"), ChartLabel.Text("2'")], [ChartLabel.Number(0), ChartLabel.Number(1)], "title.finalAccuracy", "axis.pixelColumn", "axis.pixelRow");
        var fig = new FigureJson(chart).AssertClean();
        Assert.Equal("category", fig.Layout.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal("category", fig.Layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal(["0", "1", "2", " ", "0'", "1'", "2'"], fig.Trace(0).GetProperty("x").EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    [Fact]
    public void Heatmap_ShapeMismatch_ThrowsWithBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => HeatmapCharts.Heatmap(new double[2, 2], [ChartLabel.Text("a"), ChartLabel.Text("b"), ChartLabel.Text("c")], [ChartLabel.Text("r1"), ChartLabel.Text("r2")], "title.finalAccuracy", "axis.schedule", "axis.network"));
        Assert.Contains("(2, 2)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("3 columns", ex.Message, StringComparison.Ordinal);
    }
}
