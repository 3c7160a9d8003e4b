using NormDecay.Cli.Export;

namespace NormDecay.Cli.Tests.Export;

public class MarkdownRendererTests
{
    [Fact]
    public void ToHtml_InlineAndDisplayMath_KeepsLatexUntouchedByEmphasis()
    {
        string html = MarkdownRenderer.ToHtml("Here $a_i * b_i$ and\n\n$$\n\\sum_i x_i^2\n$$\n");
        Assert.Contains("<span class=\"math\">\\(a_i * b_i\\)</span>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"math\">", html, StringComparison.Ordinal);
        Assert.Contains("\\sum_i x_i^2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<em>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_OneLineDisplayMathAloneInParagraph_RendersDisplayDivNotInlineSpan()
    {
        string html = MarkdownRenderer.ToHtml("Before.\n\n$$\\hat{x}_i = \\frac{x_i - \\mu}{\\sigma}$$\n\nAfter.\n");
        Assert.Contains("<div class=\"math\">\\[\\hat{x}_i = \\frac{x_i - \\mu}{\\sigma}\\]</div>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\\(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<p><div", html, StringComparison.Ordinal);
        Assert.Contains("<p>Before.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>After.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_OneLineDisplayMathInsideSentence_MarksItDisplayWithBrackets()
    {
        string html = MarkdownRenderer.ToHtml("The rule $$y = \\gamma \\hat{x} + \\beta$$ shifts and $z$ stays inline.\n");
        Assert.Contains("<span class=\"math\">\\[y = \\gamma \\hat{x} + \\beta\\]</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"math\">\\(z\\)</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_OneLineDisplayMathInsidePersianWrapper_RendersDisplayDiv()
    {
        string html = MarkdownRenderer.ToHtml("<div dir=\"rtl\" lang=\"fa\">\n\nفرمول:\n\n$$a < b$$\n\n</div>\n");
        Assert.Contains("<div class=\"math\">\\[a &lt; b\\]</div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_MultiLineDisplayBlock_StillDisplayMath()
    {
        string html = MarkdownRenderer.ToHtml("$$\n\\sum_i x_i^2\n$$\n");
        Assert.Matches("<div class=\"math\">\\s*\\\\\\[\\s*\\\\sum_i x_i\\^2\\s*\\\\\\]\\s*</div>", html);
    }

    [Fact]
    public void ToHtml_PersianWrapper_KeepsMarkdownInsideTheRtlDiv()
    {
        string html = MarkdownRenderer.ToHtml("<div dir=\"rtl\" lang=\"fa\">\n\n# عنوان\n\nمتن **پررنگ**\n\n</div>\n");
        Assert.Matches("<div dir=\"rtl\" lang=\"fa\">\\s*<h1[^>]*>عنوان</h1>\\s*<p>متن <strong>پررنگ</strong></p>\\s*</div>", html);
    }

    [Theory]
    [InlineData("# Lesson 1: inputs\n\ntext", "Lesson 1: inputs")]
    [InlineData("intro\n\n## The `BatchNorm` layer and $\\gamma$", "The BatchNorm layer and \\gamma")]
    [InlineData("<div dir=\"rtl\" lang=\"fa\">\n\n# درس ۱\n\n</div>", "درس ۱")]
    [InlineData("no heading at all", null)]
    public void FirstHeading_Markdown_ReturnsPlainText(string markdown, string? expected) =>
        Assert.Equal(expected, MarkdownRenderer.FirstHeading(markdown));
}
