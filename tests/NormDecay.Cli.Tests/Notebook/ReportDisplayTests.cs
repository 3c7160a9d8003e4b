using NormDecay.GradientChecking;
using NormDecay.Measurement;
using NormDecay.Notebook;

namespace NormDecay.Cli.Tests.Notebook;

public class ReportDisplayTests
{
    private static readonly TimingReport Timing = new([new TimingRow("without BN", 0.171, 0.16, 0.18, 9, 20), new TimingRow("with BN", 0.2, 0.19, 0.21, 9, 20)]);

    private static readonly GradientCheckReport Gradients = new([new TensorCheck("x", 64, 1.5e-9, 2e-11, 0), new TensorCheck("gamma", 4, 0.3, 0.1, 1)]);

    [Fact]
    public void ToHtml_PersianTiming_HasPersianHeadersRightToLeftAndLatinNumbers()
    {
        string html = ReportDisplay.ToHtml(Timing, "fa");
        Assert.StartsWith("<table class=\"normdecay-report\" dir=\"rtl\" lang=\"fa\">", html, StringComparison.Ordinal);
        Assert.Contains("<th>میانه (میلی‌ثانیه)</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td dir=\"ltr\">0.1710</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("median", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_EnglishTiming_HasEnglishHeaders() =>
        Assert.Contains("<th>median ms</th>", ReportDisplay.ToHtml(Timing, "en"), StringComparison.Ordinal);

    [Fact]
    public void ToText_PersianGradientCheck_LocalizesVerdicts()
    {
        string text = ReportDisplay.ToText(Gradients, "fa");
        Assert.Contains("بیشترین خطای نسبی", text, StringComparison.Ordinal);
        Assert.Contains("قبول", text, StringComparison.Ordinal);
        Assert.Contains("رد", text, StringComparison.Ordinal);
        Assert.Contains("1.50E-009", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_EnglishGradientCheck_SaysFail() =>
        Assert.Contains("FAIL", ReportDisplay.ToText(Gradients, "en"), StringComparison.Ordinal);

    [Fact]
    public void ComparisonTableToString_Persian_UsesTheStringTable()
    {
        var table = new ComparisonTable().Add("xHat", 1.0, 1.0).Add("y", 1.0, 2.0);
        string fa = table.ToString("fa");
        Assert.Contains("تقریباً برابر", fa, StringComparison.Ordinal);
        Assert.Contains("بله", fa, StringComparison.Ordinal);
        Assert.Contains("خیر", fa, StringComparison.Ordinal);
        Assert.DoesNotContain("approx", fa, StringComparison.Ordinal);
        Assert.Equal(table.ToString("en"), table.ToString());
        Assert.Contains("approx", table.ToString(), StringComparison.Ordinal);
    }
}
