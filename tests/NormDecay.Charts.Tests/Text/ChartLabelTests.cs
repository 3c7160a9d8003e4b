using System.Globalization;
using NormDecay.Charts.Text;

namespace NormDecay.Charts.Tests.Text;

public class ChartLabelTests
{
    [Theory]
    [InlineData("en", "Without BN (Test)")]
    [InlineData("fa", "بدون نرمال‌سازی دسته‌ای (آزمون)")]
    public void Format_LabelArguments_ResolvedInTheSameLanguage(string language, string expected)
    {
        using var _ = ChartText.Use(language);
        Assert.Equal(expected, ChartLabel.Format("format.runSplit", ChartLabel.Key("legend.withoutBn"), ChartLabel.Key("legend.test")).Resolve());
    }

    [Fact]
    public void Number_UnderAnyCulture_InvariantLatinDigits()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE"); // decimal comma
            using var _ = ChartText.Use("fa");
            Assert.Equal("0.05", ChartLabel.Number(0.05).Resolve());
            Assert.Equal("32", ChartLabel.Number(32).Resolve());
            Assert.Equal("0.3333", ChartLabel.Number(1.0 / 3, "G4").Resolve());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Text_KeyLookingString_ShownAsIs()
    {
        using var _ = ChartText.Use("fa");
        Assert.Equal("legend.withBn", ChartLabel.Text("legend.withBn").Resolve());
    }

    [Fact]
    public void Describe_KeyWithArguments_NamesKeyAndArguments()
    {
        Assert.Equal("legend.batchRate(32, 0.05)", ChartLabel.Format("legend.batchRate", 32, 0.05).Describe());
        Assert.Equal("format.runSplit(legend.withBn, legend.test)", ChartLabel.Format("format.runSplit", ChartLabel.Key("legend.withBn"), ChartLabel.Key("legend.test")).Describe());
        Assert.Equal("mine", ChartLabel.Text("mine").Describe());
    }

    [Fact]
    public void ToString_InterpolatedLabel_PrintsTextInLanguageOrKeyWhenMissing()
    {
        using var _ = ChartText.Use("fa");
        ChartLabel withBn = "legend.withBn";
        Assert.Equal("با نرمال‌سازی دسته‌ای: 0.9", $"{withBn}: 0.9");
        Assert.Equal("legend.noSuchKey(3)", ChartLabel.Format("legend.noSuchKey", 3).ToString());
    }

    [Fact]
    public void Resolve_TranslatedTextGivenAsKey_ThrowsKeyNotFoundNamingIt()
    {
        // The trap of the implicit conversion: text that is already translated is not a key.
        ChartLabel label = "With BN";
        var ex = Assert.Throws<KeyNotFoundException>(() => label.Resolve());
        Assert.Contains("'With BN'", ex.Message, StringComparison.Ordinal);
    }
}
