using NormDecay.Cli.Export;

namespace NormDecay.Cli.Tests.Export;

public class HtmlSanitizerTests
{
    [Fact]
    public void Clean_ScriptOnlyProbe_IsEmpty()
    {
        SanitizedHtml r = HtmlSanitizer.Clean("<script type=\"text/javascript\">loadDotnetInteractiveApi();</script>\n  <div></div>");
        Assert.True(r.IsEmpty);
        Assert.Equal(1, r.Removed);
        Assert.DoesNotContain("script", r.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_Table_IsKeptWithoutHandlersOrExternalImages()
    {
        SanitizedHtml r = HtmlSanitizer.Clean("<table onclick=\"x()\"><tr><td>1</td></tr></table><img src=\"https://cdn.example/x.png\"><img src=\"data:image/png;base64,AA==\">");
        Assert.False(r.IsEmpty);
        Assert.Contains("<td>1</td>", r.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", r.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.example", r.Html, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,AA==", r.Html, StringComparison.Ordinal);
        Assert.Equal(2, r.Removed);
    }

    [Fact]
    public void Clean_ExternalStylesheetsAndImports_AreRemoved()
    {
        SanitizedHtml r = HtmlSanitizer.Clean("<link rel=\"stylesheet\" href=\"https://x/y.css\"><style>@import url('https://x/z.css');</style><style>.a{color:red}</style><p style=\"background:url(https://x/b.png)\">t</p>");
        Assert.DoesNotContain("https://", r.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", r.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", r.Html, StringComparison.Ordinal);
        // The local rule survives (the CSS parser writes it in its own normal form), the paragraph loses only its external background.
        Assert.Matches(@"<style>\.a \{ color: (red|rgba\(255, 0, 0, 1\)) \}</style>", r.Html);
        Assert.Matches("<p( style=\"[^\"]*\")?>t</p>$", r.Html);
        Assert.DoesNotContain("url(", r.Html, StringComparison.Ordinal);
        Assert.Equal(3, r.Removed); // the link, the @import rule, the background image
    }

    [Fact]
    public void Clean_ExternalLink_IsKeptAsALinkAndMarked()
    {
        SanitizedHtml r = HtmlSanitizer.Clean("<a href=\"https://pytorch.org/docs\">docs</a> <a href=\"javascript:alert(1)\">bad</a>");
        Assert.Contains("href=\"https://pytorch.org/docs\"", r.Html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer\"", r.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", r.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<svg onload=\"alert(1)\"><circle r=\"2\"/></svg>", "onload")]
    [InlineData("<img src=x onerror=alert(1)>", "onerror")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>", "data:text")]
    [InlineData("<svg><use href=\"https://evil/x.svg#a\"/></svg>", "evil")]
    [InlineData("<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>", "iframe")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>", "onerror")]
    [InlineData("<p style=\"width: expression(alert(1))\">t</p>", "expression")]
    [InlineData("<form action=\"https://evil/\"><button formaction=\"javascript:alert(1)\">b</button></form>", "javascript:")]
    public void Clean_HostileMarkup_LosesTheDangerousPart(string html, string forbidden)
    {
        SanitizedHtml r = HtmlSanitizer.Clean(html);
        Assert.DoesNotContain(forbidden, r.Html, StringComparison.OrdinalIgnoreCase);
        Assert.True(r.Removed > 0, r.Html);
    }

    [Fact]
    public void Clean_CourseMarkup_KeepsClassesDataAttributesAndInlineSvg()
    {
        SanitizedHtml r = HtmlSanitizer.Clean("<table class=\"normdecay-cmp\" dir=\"rtl\" lang=\"fa\"><tr><td data-pass=\"true\" style=\"color:#1a7f37\">بله</td></tr></table><svg viewBox=\"0 0 4 4\"><path d=\"M0 0L4 4\" stroke=\"red\"/></svg>");
        Assert.Equal(0, r.Removed);
        Assert.Contains("class=\"normdecay-cmp\"", r.Html, StringComparison.Ordinal);
        Assert.Contains("data-pass=\"true\"", r.Html, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", r.Html, StringComparison.Ordinal);
        Assert.Contains("<path d=\"M0 0L4 4\"", r.Html, StringComparison.Ordinal);
        Assert.Contains("بله", r.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://cdn.plot.ly/plotly.js", true)]
    [InlineData("//cdn.example/x.js", true)]
    [InlineData("HTTP://X", true)]
    [InlineData("../assets/plotly.min.js", false)]
    [InlineData("data:image/png;base64,AA", false)]
    [InlineData("#cell-3", false)]
    public void IsExternalUrl_Url_IsTrueOnlyForNetworkUrls(string url, bool expected) =>
        Assert.Equal(expected, HtmlSanitizer.IsExternalUrl(url));
}
