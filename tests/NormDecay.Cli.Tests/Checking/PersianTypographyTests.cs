using NormDecay.Cli.Checking;

namespace NormDecay.Cli.Tests.Checking;

public class PersianTypographyTests
{
    [Theory]
    [InlineData("كتابخانه", "Arabic kaf")]
    [InlineData("ميانگين", "Arabic yeh")]
    [InlineData("۱۰ ایپاک با 32 نمونه", "Latin digits «32»")]
    [InlineData("مینی‌بچ‌های 32تایی", "Latin digits «32تایی»")]
    [InlineData("چرا این‌طور است?", "Latin «?»")]
    [InlineData("میانگین; واریانس", "Latin «;»")]
    public void Problems_BadTypography_IsNamed(string text, string expected) =>
        Assert.Contains(PersianTypography.Problems(text), p => p.Contains(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("روی ۸۰/۲۰ با ۳۲ نمونه؛ چرا؟ «بله»، نه.")]
    [InlineData("جدول Keras 3 و CS231n و d2l و keras-team/keras#10443 و (SIL OFL 1.1)")]
    [InlineData("کد `x[0] = 1;` و فرمول $10^{-5}$ و $$\\sum_{i=1}^{N} x_i$$")]
    [InlineData("```\nvar a = 1, b = 2;\n```")]
    [InlineData("<div dir=\"rtl\" lang=\"fa\">\n\nمتن\n\n</div>")]
    public void Problems_CourseTypography_None(string text) => Assert.Empty(PersianTypography.Problems(text));
}
