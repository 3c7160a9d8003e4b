using NormDecay.Charts.Output;
using NormDecay.Charts.Style;

namespace NormDecay.Charts.Tests.Output;

public class ChartScriptTests
{
    [Fact]
    public void Text_EmbeddedScript_DefinesTheDrawFunctionsWithTheCourseFont()
    {
        string js = ChartScript.Text;
        Assert.Contains("global.NormDecayCharts = { draw: draw, drawAll: drawAll }", js, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot", js, StringComparison.Ordinal);
        Assert.Contains($"'{ChartStyle.PersianFontFamily}'", js, StringComparison.Ordinal);
        Assert.DoesNotContain("__NORMDECAY_", js, StringComparison.Ordinal);
        Assert.DoesNotContain("http", js, StringComparison.OrdinalIgnoreCase); // loads nothing
    }
}
