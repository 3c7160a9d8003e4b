using NormDecay.Charts.Figures;
using NormDecay.Charts.Text;

namespace NormDecay.Charts.Tests.Figures;

public class ScatterChartsTests
{
    private static readonly int[] Labels = [0, 1, 2, 0, 1, 2, 0];
    private static readonly double[] X = [1, 2, 3, 4, 5, 6, 7];
    private static readonly double[] Y = [10, 30, 20, 50, 40, 60, 70];

    [Theory]
    [InlineData("en")]
    [InlineData("fa")]
    public void ByClass_ThreePanelsThreeClasses_NineTracesLegendOnce(string language)
    {
        using var _ = ChartText.Use(language);
        var panels = new[] { "panel.original", "panel.centered", "panel.scaled" }
            .Select(t => new ScatterPanel(t, X, Y, ChartLabel.Text("alcohol"), ChartLabel.Text("proline")))
            .ToArray();
        var fig = new FigureJson(ScatterCharts.ByClass(panels, Labels, [ChartLabel.Text("a"), ChartLabel.Text("b"), ChartLabel.Text("c")], "title.inputScatter")).AssertClean();
        Assert.Equal(9, fig.TraceCount);
        Assert.Equal(ChartText.Get("title.inputScatter"), fig.Title);
        Assert.Equal("alcohol", fig.AxisTitle("xaxis3"));
        Assert.Equal(3, fig.PanelTitles.Length);
        Assert.Contains(ChartText.Get("panel.centered"), fig.PanelTitles[1], StringComparison.Ordinal);
        Assert.Equal(3, Enumerable.Range(0, 9).Count(i => fig.Trace(i).GetProperty("showlegend").GetBoolean()));

        // Class 1 of panel 0 has exactly examples 1 and 4.
        Assert.Equal([2.0, 5.0], fig.Numbers(1, "x"));
        Assert.Equal([30.0, 40.0], fig.Numbers(1, "y"));
        Assert.Equal("x", fig.Layout.GetProperty("yaxis").GetProperty("scaleanchor").GetString());
        Assert.Equal("x3", fig.Layout.GetProperty("yaxis3").GetProperty("scaleanchor").GetString());
    }

    [Fact]
    public void ByClass_LabelOutOfRange_ThrowsNamingExample()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            ScatterCharts.ByClass([new ScatterPanel("panel.original", [1, 2], [1, 2], "axis.feature", "axis.feature")], [0, 3], [ChartLabel.Text("a"), ChartLabel.Text("b")], "title.inputScatter"));
        Assert.Contains("labels[1] = 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ByClass_LengthMismatch_ThrowsNamingPanel()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            ScatterCharts.ByClass([new ScatterPanel("panel.original", [1, 2, 3], [1, 2, 3], "axis.feature", "axis.feature")], [0, 1], [ChartLabel.Text("a"), ChartLabel.Text("b")], "title.inputScatter"));
        Assert.Contains("panel 0", ex.Message, StringComparison.Ordinal);
    }
}
