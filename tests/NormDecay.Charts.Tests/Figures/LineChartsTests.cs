using NormDecay.Charts.Figures;
using NormDecay.Charts.Style;
using NormDecay.Charts.Text;

namespace NormDecay.Charts.Tests.Figures;

public class LineChartsTests
{
    [Theory]
    [InlineData("en", "Loss per epoch", "Epoch", "Loss")]
    [InlineData("fa", "تابع هزینه در هر ایپاک", "ایپاک", "تابع هزینه")]
    public void Lines_TwoSeries_TwoTracesWithTitlesInLanguage(string language, string title, string x, string y)
    {
        using var _ = ChartText.Use(language);
        var chart = LineCharts.Lines(
            [TestData.Decay("legend.withBn", 20, 0.3), TestData.Decay("legend.withoutBn", 20, 0.1)],
            "title.lossVsEpoch", "axis.epoch", "axis.loss", logY: true);
        var fig = new FigureJson(chart).AssertClean();
        Assert.Equal(2, fig.TraceCount);
        Assert.Equal(title, fig.Title);
        Assert.Equal(x, fig.AxisTitle("xaxis"));
        Assert.Equal(y, fig.AxisTitle("yaxis"));
        Assert.Equal("log", fig.Layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal(ChartText.Get("legend.withBn"), fig.Trace(0).GetProperty("name").GetString());
        Assert.Equal(language == "fa" ? ChartStyle.PersianFontFamily : ChartStyle.LatinFontFamily, fig.FontFamily);
        Assert.Equal(language == "fa" ? "right" : "left", fig.Layout.GetProperty("title").GetProperty("xanchor").GetString());
        Assert.Equal(Math.Exp(-0.3 * 5), fig.Numbers(0, "y")[5], 5);

        // Persian legends start at the right: the first series has the highest rank.
        if (language == "fa")
        {
            Assert.True(fig.Trace(0).GetProperty("legendrank").GetInt32() > fig.Trace(1).GetProperty("legendrank").GetInt32());
        }
        else
        {
            Assert.False(fig.Trace(0).TryGetProperty("legendrank", out var rank), $"unexpected legendrank {rank}");
        }
    }

    [Theory]
    [InlineData("en", "With BN", "Layer 3")]
    [InlineData("fa", "با نرمال‌سازی دسته‌ای", "لایهٔ 3")]
    public void Lines_SeriesNamedByKey_LegendInFigureLanguage(string language, string withBn, string layer3)
    {
        using var _ = ChartText.Use(language);
        var fig = new FigureJson(LineCharts.Lines(
            [new Series("legend.withBn", [0, 1], [1, 2]), Series.Indexed(ChartLabel.Format("format.layerN", 3), [1, 2])],
            "title.lossVsEpoch", "axis.epoch", "axis.loss")).AssertClean();
        Assert.Equal(withBn, fig.Trace(0).GetProperty("name").GetString());
        Assert.Equal(layer3, fig.Trace(1).GetProperty("name").GetString());
    }

    [Fact]
    public void Lines_SeriesNamedByMissingKey_ThrowsKeyNotFoundNamingKeyAndSeries()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => LineCharts.Lines(
            [new Series("legend.withBn", [0, 1], [1, 2]), new Series("With BN", [0, 1], [1, 2])], "title.lossVsEpoch", "axis.epoch", "axis.loss"));
        Assert.Contains("'With BN'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("series 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ChartLabel.Text", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fa")]
    public void Lines_SeriesNamedByLiteralText_PassesThroughUnchanged(string language)
    {
        using var _ = ChartText.Use(language);
        var fig = new FigureJson(LineCharts.Lines(
            [new Series(ChartLabel.Text("legend.withBn"), [0, 1], [1, 2]), Series.Indexed(ChartLabel.Text("StepLR(0.1, 10, 0.5)"), [1, 2])],
            "title.lossVsEpoch", "axis.epoch", "axis.loss")).AssertClean();
        Assert.Equal("legend.withBn", fig.Trace(0).GetProperty("name").GetString());
        Assert.Equal("StepLR(0.1, 10, 0.5)", fig.Trace(1).GetProperty("name").GetString());
    }

    [Fact]
    public void Panels_SameTextFromDifferentLabels_OneLegendEntry()
    {
        // Grouped by the resolved text: a formatted label built twice (two argument arrays) is still one entry and one colour.
        var fig = new FigureJson(LineCharts.Panels(
            [
                new LinePanel("title.lossVsEpoch", "axis.epoch", "axis.loss", [Series.Indexed(ChartLabel.Format("format.layerN", 1), [1, 2])]),
                new LinePanel("title.lossVsTime", "axis.seconds", "axis.loss", [Series.Indexed(ChartLabel.Format("format.layerN", 1), [1, 2])]),
            ],
            "title.trainingHistory")).AssertClean();
        Assert.Equal("Layer 1", fig.Trace(1).GetProperty("legendgroup").GetString());
        Assert.False(fig.Trace(1).GetProperty("showlegend").GetBoolean());
    }

    [Fact]
    public void Lines_NonFiniteValues_BecomeNullGaps()
    {
        var chart = LineCharts.Lines([new Series(ChartLabel.Text("diverged"), [0, 1, 2, 3], [1.0, double.NaN, double.PositiveInfinity, 2.0])], "title.lossVsEpoch", "axis.epoch", "axis.loss");
        var fig = new FigureJson(chart).AssertClean();
        var y = fig.Numbers(0, "y");
        Assert.Equal(1.0, y[0]);
        Assert.True(double.IsNaN(y[1]) && double.IsNaN(y[2]));
        Assert.Equal(2.0, y[3]);
    }

    [Fact]
    public void Lines_MismatchedLengths_ThrowsNamingSeries()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            LineCharts.Lines([new Series(ChartLabel.Text("train loss"), [0, 1, 2], [1, 2])], "title.lossVsEpoch", "axis.epoch", "axis.loss"));
        Assert.Contains("'train loss'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_UnknownTitleKey_ThrowsNamingKey()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() =>
            LineCharts.Lines([TestData.Decay(ChartLabel.Text("a"), 3, 1)], "title.doesNotExist", "axis.epoch", "axis.loss"));
        Assert.Contains("title.doesNotExist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_Empty_Throws() =>
        Assert.Throws<ArgumentException>(() => LineCharts.Lines([], "title.lossVsEpoch", "axis.epoch", "axis.loss"));

    [Theory]
    [InlineData("en")]
    [InlineData("fa")]
    public void Panels_SameSeriesInTwoPanels_OneLegendEntryOneColourPerName(string language)
    {
        using var _ = ChartText.Use(language);
        ChartLabel bn = "legend.withBn";
        ChartLabel plain = "legend.withoutBn";
        var seconds = new double[] { 0, 0.5, 1.0 };
        var chart = LineCharts.Panels(
            [
                new LinePanel("title.lossVsEpoch", "axis.epoch", "axis.loss", [TestData.Decay(bn, 3, 1), TestData.Decay(plain, 3, 0.5)]),
                new LinePanel("title.lossVsTime", "axis.seconds", "axis.loss", [new Series(bn, seconds, [1, 0.5, 0.2]), new Series(plain, seconds, [1, 0.8, 0.6])]),
            ],
            "title.trainingHistory");
        var fig = new FigureJson(chart).AssertClean();
        Assert.Equal(4, fig.TraceCount);
        Assert.Equal(ChartText.Get("axis.seconds"), fig.AxisTitle("xaxis2"));
        Assert.Equal(ChartText.Get("axis.epoch"), fig.AxisTitle("xaxis"));
        Assert.Equal("x2", fig.Trace(2).GetProperty("xaxis").GetString());
        Assert.True(fig.Trace(0).GetProperty("showlegend").GetBoolean());
        Assert.False(fig.Trace(2).GetProperty("showlegend").GetBoolean());
        Assert.Equal(fig.Trace(0).GetProperty("line").GetProperty("color").GetString(), fig.Trace(2).GetProperty("line").GetProperty("color").GetString());
        Assert.NotEqual(fig.Trace(0).GetProperty("line").GetProperty("color").GetString(), fig.Trace(1).GetProperty("line").GetProperty("color").GetString());
        Assert.Equal([ChartText.Get("title.lossVsEpoch"), ChartText.Get("title.lossVsTime")], fig.PanelTitles.Select(t => t.Replace("<b>", "").Replace("</b>", "")));

        // Persian reads right to left: the first panel sits on the right.
        var first = fig.Layout.GetProperty("xaxis").GetProperty("domain")[0].GetDouble();
        var second = fig.Layout.GetProperty("xaxis2").GetProperty("domain")[0].GetDouble();
        Assert.True(language == "fa" ? first > second : first < second);
    }
}

public class BidiTests
{
    [Fact]
    public void Lines_Persian_LabelsStartWithRightToLeftEmbeddingLatinOnesDoNot()
    {
        using var _ = NormDecay.Charts.Text.ChartText.Use("fa");
        var chart = LineCharts.Lines([TestData.Decay(ChartLabel.Text("StepLR(step_size=10)"), 5, 1), TestData.Decay(ChartLabel.Text("با BN"), 5, 2)], "title.lossContours", "axis.w1", "axis.loss");
        var json = System.Text.Json.JsonDocument.Parse(NormDecay.Charts.Output.ChartOutput.ToFigureJson(chart)).RootElement;
        Assert.Equal("\u202Bوزن w1", json.GetProperty("layout").GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.StartsWith("\u202B", json.GetProperty("layout").GetProperty("title").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("StepLR(step_size=10)", json.GetProperty("data")[0].GetProperty("name").GetString());
        Assert.Equal("\u202Bبا BN", json.GetProperty("data")[1].GetProperty("name").GetString());
    }
}
