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
        Assert.Contains(".a{color:red}", r.Html, StringComparison.Ordinal);
        Assert.Equal("<style>.a{color:red}</style><p>t</p>", r.Html);
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
    [InlineData("https://cdn.plot.ly/plotly.js", true)]
    [InlineData("//cdn.example/x.js", true)]
    [InlineData("HTTP://X", true)]
    [InlineData("../assets/plotly.min.js", false)]
    [InlineData("data:image/png;base64,AA", false)]
    [InlineData("#cell-3", false)]
    public void IsExternalUrl_Url_IsTrueOnlyForNetworkUrls(string url, bool expected) =>
        Assert.Equal(expected, HtmlSanitizer.IsExternalUrl(url));
}
