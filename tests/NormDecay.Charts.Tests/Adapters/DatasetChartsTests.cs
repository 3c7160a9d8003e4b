using MathNet.Numerics.LinearAlgebra;
using NormDecay.Charts.Adapters;
using NormDecay.Charts.Text;
using NormDecay.Data;

namespace NormDecay.Charts.Tests.Adapters;

public class DatasetChartsTests
{
    private static Dataset Wine() => new(
        "toy wine",
        Matrix<double>.Build.DenseOfArray(new double[,] { { 13.0, 1000, 1 }, { 12.0, 500, 1 }, { 14.0, 1500, 1 }, { 13.0, 700, 1 } }),
        [0, 1, 0, 1],
        ["alcohol", "proline", "constant"],
        ["class 0", "class 1"]);

    [Theory]
    [InlineData("en")]
    [InlineData("fa")]
    public void CenterThenScale_TwoFeatures_ThreePanelsCenteredAndScaled(string language)
    {
        using var _ = ChartText.Use(language);
        var fig = new FigureJson(DatasetCharts.CenterThenScale(Wine(), 0, 1)).AssertClean();
        Assert.Equal(6, fig.TraceCount); // 2 classes x 3 panels
        Assert.Equal("alcohol", fig.AxisTitle("xaxis2"));
        Assert.Equal("proline", fig.AxisTitle(language == "fa" ? "yaxis3" : "yaxis")); // shared y title, leftmost panel only
        Assert.Equal(ChartText.Get("title.inputScatter"), fig.Title);

        // Panel 2 (centered), class 0 = rows 0 and 2: alcohol 13 - 13 = 0 and 14 - 13 = 1.
        Assert.Equal([0.0, 1.0], fig.Numbers(2, "x"));

        // Panel 3 (scaled) over all four examples: mean 0, biased variance 1.
        var scaled = fig.Numbers(4, "y").Concat(fig.Numbers(5, "y")).ToArray();
        Assert.Equal(0.0, scaled.Average(), 4);
        Assert.Equal(1.0, scaled.Select(v => v * v).Average(), 4);
    }

    [Fact]
    public void CenterThenScale_ConstantFeature_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => DatasetCharts.CenterThenScale(Wine(), 0, 2));
        Assert.Contains("'constant'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scatter_FeatureOutOfRange_ThrowsWithFeatureCount()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DatasetCharts.Scatter(Wine(), 0, 5));
        Assert.Contains("3 features", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scatter_Dataset_TitleIsItsName()
    {
        var fig = new FigureJson(DatasetCharts.Scatter(Wine())).AssertClean();
        Assert.Equal("toy wine", fig.Title);
        Assert.Equal(2, fig.TraceCount);
    }
}
