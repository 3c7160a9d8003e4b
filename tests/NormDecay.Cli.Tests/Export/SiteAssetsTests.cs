using NormDecay.Cli.Export;

namespace NormDecay.Cli.Tests.Export;

public class SiteAssetsTests
{
    [Fact]
    public void PlotlyJs_FromPlotlyNet_IsTheEmbeddedVersion()
    {
        var (version, content) = SiteAssets.PlotlyJs();
        Assert.Equal("2.28.0", version); // Plotly.NET 6.0.0 embeds plotly.js 2.28.0
        Assert.True(content.Length > 1_000_000, $"plotly.min.js is only {content.Length} bytes");
        Assert.Contains("plotly.js v2.28.0", System.Text.Encoding.UTF8.GetString(content, 0, 300), StringComparison.Ordinal);
    }

    [Fact]
    public void Vendored_Assets_HoldKatexVazirmatnSiteFilesAndLicences()
    {
        string[] paths = SiteAssets.Vendored().Select(a => a.RelativePath).ToArray();
        Assert.Contains("katex/katex.min.js", paths);
        Assert.Contains("katex/katex.min.css", paths);
        Assert.Contains("katex/LICENSE", paths);
        Assert.Contains("katex/fonts/KaTeX_Math-Italic.woff2", paths);
        Assert.Contains("vazirmatn/Vazirmatn-Variable.woff2", paths);
        Assert.Contains("vazirmatn/OFL.txt", paths);
        Assert.Contains("site.css", paths);
        Assert.Contains("site.js", paths);
        Assert.All(SiteAssets.Vendored().Where(a => a.RelativePath.EndsWith(".css", StringComparison.Ordinal)),
            a => Assert.DoesNotMatch(@"url\(\s*['""]?(https?:|//)", System.Text.Encoding.UTF8.GetString(a.Content)));
    }

    [Fact]
    public void WriteTo_Site_ShipsTheChartsDrawScriptAndSiteJsOnlyCallsIt()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nd-assets-" + Guid.NewGuid().ToString("N"));
        try
        {
            SiteAssets.WriteTo(dir);
            string drawScript = File.ReadAllText(Path.Combine(dir, SiteAssets.FolderName, NormDecay.Charts.Output.ChartScript.FileName));
            Assert.Equal(NormDecay.Charts.Output.ChartScript.Text, drawScript);
            string siteJs = File.ReadAllText(Path.Combine(dir, SiteAssets.FolderName, "site.js"));
            Assert.Contains("NormDecayCharts.drawAll", siteJs, StringComparison.Ordinal);
            Assert.DoesNotContain("newPlot", siteJs, StringComparison.Ordinal); // one owner of the draw script
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
