using System.Diagnostics;
using System.Text.RegularExpressions;
using NormDecay.Charts.Figures;
using NormDecay.Charts.Output;
using NormDecay.Charts.Text;

namespace NormDecay.Charts.Tests.Output;

/// <summary>
/// Renders standalone pages in headless Chromium from file:// with the network off and checks that plotly drew every
/// chart (its SVG, title, slider). Needs /usr/bin/chromium (or CHROMIUM_PATH); without a browser the test returns
/// early, so the suite still runs on a machine without one.
/// </summary>
public class BrowserRenderTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("fa")]
    public void ToStandaloneHtml_InHeadlessChromium_DrawsEveryChartOffline(string language)
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            return;
        }

        using var _ = ChartText.Use(language);
        var grid = LossGrid.Sample(TestData.Bowl, (-3, 3), (-2, 2), 31, 21);
        var charts = new[]
        {
            LineCharts.Lines([TestData.Decay("legend.withBn", 20, 0.3), TestData.Decay("legend.withoutBn", 20, 0.1)], "title.lossVsEpoch", "axis.epoch", "axis.loss", logY: true),
            ContourCharts.DecayPanels(grid, TestData.Descent(ChartLabel.Text("a"), 0.01, 20), TestData.Descent(ChartLabel.Text("b"), 0.19, 20), TestData.Descent(ChartLabel.Text("c"), 0.19, 20, 0.3), (1, -0.5)),
            FamilyCharts.Slider(
                [new FamilyMember(ChartLabel.Text("1"), [TestData.Decay(ChartLabel.Text("x"), 10, 0.1)]), new FamilyMember(ChartLabel.Text("2"), [TestData.Decay(ChartLabel.Text("x"), 10, 0.2)])],
                "title.scheduleFamily", "axis.epoch", "axis.learningRate", "slider.gamma"),
        };
        var dir = Directory.CreateTempSubdirectory("normdecay-charts-");
        try
        {
            var page = Path.Combine(dir.FullName, "page.html");
            File.WriteAllText(page, ChartOutput.ToStandaloneHtml(charts, "render test", language));
            var dom = DumpDom(chromium, page, dir.FullName);

            Assert.Equal(3, Regex.Matches(dom, "class=\"plot-container plotly\"").Count);
            Assert.Contains(ChartText.Get("title.lossVsEpoch"), dom, StringComparison.Ordinal);
            Assert.Contains(ChartText.Get("panel.tooLarge"), dom, StringComparison.Ordinal);
            Assert.Contains("class=\"slider-container\"", dom, StringComparison.Ordinal);
            Assert.Equal(3, Regex.Matches(dom, "class=\"contourbg\"").Count); // one filled contour per panel
            Assert.True(Regex.Matches(dom, "class=\"contourlevel\"").Count >= 3 * 10, "contour levels missing");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fa")]
    public void Heatmap_LabelsThatLookLikeNumbers_InHeadlessChromium_EveryColumnAtItsPlace(string language)
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            return;
        }

        // Lesson 10's picture: a digit, a blank separator column and its feature map, columns "0".."7", " ", "0'".."7'".
        // On a guessed linear axis the primed columns sat at x = NaN: Chromium logged "<text> attribute x: Expected
        // length, "NaN"" once per row and drew their numbers over the digit's columns.
        using var _ = ChartText.Use(language);
        ChartLabel[] columns = [.. Enumerable.Range(0, 17).Select(w => ChartLabel.Text(w < 8 ? $"{w}" : w == 8 ? " " : $"{w - 9}'"))];
        var z = new double[8, 17];
        for (var h = 0; h < 8; h++)
        {
            for (var w = 0; w < 17; w++)
            {
                z[h, w] = w == 8 ? double.NaN : (h * 17) + w;
            }
        }

        var chart = HeatmapCharts.Heatmap(z, columns, [.. Enumerable.Range(0, 8).Select(h => ChartLabel.Number(h))], "title.finalAccuracy", "axis.pixelColumn", "axis.pixelRow", valueFormat: ".0f");
        var dir = Directory.CreateTempSubdirectory("normdecay-charts-");
        try
        {
            var page = Path.Combine(dir.FullName, "page.html");
            File.WriteAllText(page, ChartOutput.ToStandaloneHtml([chart], "heatmap test", language));
            var dom = DumpDom(chromium, page, dir.FullName);

            Assert.Single(Regex.Matches(dom, "class=\"plot-container plotly\""));
            Assert.DoesNotMatch("<(text|g|path|rect)\\s[^>]*=\"NaN\"", dom);
            var ticks = Regex.Matches(dom, "class=\"xtick\"><text[^>]*>([^<]*)</text>").Select(m => m.Groups[1].Value.Replace("\u202B", "", StringComparison.Ordinal)).ToList();
            Assert.Contains("7'", ticks);
            Assert.Contains("0", ticks);
            Assert.Equal(17, ticks.Count);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string DumpDom(string chromium, string page, string profile)
    {
        var info = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     $"--user-data-dir={profile}", "--virtual-time-budget=5000", "--window-size=1000,700", "--dump-dom", new Uri(page).AbsoluteUri,
                 })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(90_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Chromium did not finish rendering {page} in 90 s.");
        }

        Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
