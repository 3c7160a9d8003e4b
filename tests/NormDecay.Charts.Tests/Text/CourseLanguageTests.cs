using NormDecay.Charts.Text;

namespace NormDecay.Charts.Tests.Text;

public class CourseLanguageTests
{
    [Fact]
    public void Supported_IsEnglishThenPersian() => Assert.Equal(["en", "fa"], CourseLanguage.Supported);

    [Theory]
    [InlineData("fa", true)]
    [InlineData(" FA ", true)]
    [InlineData("ar", true)]
    [InlineData("he", true)]
    [InlineData("en", false)]
    [InlineData("de", false)]
    [InlineData(null, false)]
    public void IsRightToLeft_ByScript(string? language, bool expected)
    {
        Assert.Equal(expected, CourseLanguage.IsRightToLeft(language));
        Assert.Equal(expected ? "rtl" : "ltr", CourseLanguage.Direction(language));
        Assert.Equal(expected, CourseLanguage.HtmlDirectionAttributes(language).Contains("dir=\"rtl\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(" Fa", "fa")]
    [InlineData("EN", "en")]
    [InlineData("de", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalize_SupportedOrNull(string? value, string? expected)
    {
        Assert.Equal(expected, CourseLanguage.Normalize(value));
        Assert.Equal(expected ?? "en", CourseLanguage.OrDefault(value));
    }

    [Fact]
    public void HtmlDirectionAttributes_Persian_NamesDirectionAndLanguage()
    {
        Assert.Equal(" dir=\"rtl\" lang=\"fa\"", CourseLanguage.HtmlDirectionAttributes("fa"));
        Assert.Equal("", CourseLanguage.HtmlDirectionAttributes("en"));
    }

    [Fact]
    public void Order_CourseLanguagesFirstInTheirOrder()
    {
        Assert.Equal(0, CourseLanguage.Order("en"));
        Assert.Equal(1, CourseLanguage.Order("fa"));
        Assert.Equal(2, CourseLanguage.Order("de"));
    }

    [Fact]
    public void LocalDigits_PersianOnly()
    {
        Assert.Equal("درس ۱۲", CourseLanguage.LocalDigits("درس 12", "fa"));
        Assert.Equal("A12", CourseLanguage.LocalDigits("A12", "en"));
    }
}
