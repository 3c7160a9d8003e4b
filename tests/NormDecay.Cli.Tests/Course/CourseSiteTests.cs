using NormDecay.Cli.Tests.Browser;
using Xunit.Abstractions;

namespace NormDecay.Cli.Tests.Course;

/// <summary>The real course site, exported from the executed notebooks and opened in headless Chromium with no network.</summary>
public class CourseSiteTests(ITestOutputHelper output)
{
    [Fact]
    public void Export_Course_EveryExecutedNotebookBecomesAPage()
    {
        var build = CourseBuild.Value;
        Assert.True(build.Export.Succeeded, string.Join("\n", build.Export.Failures));
        Assert.Equal(build.Runs.Values.Count(r => r.Output is not null && File.Exists(r.Output)), build.Export.Pages.Count);
        Assert.NotNull(build.Export.IndexPath);
    }

    [Fact]
    public void Browser_Course_EveryPageDrawsChartsAndFormulasOffline()
    {
        var build = CourseBuild.Value;
        output.WriteLine($"executed {build.Notebooks.Count} notebooks in {build.ExecutionTime.TotalSeconds:0.0} s; Chromium {build.Browser.ChromiumVersion}");
        foreach (PageCheck p in build.Browser.Pages)
        {
            output.WriteLine(p.ToString());
        }

        Assert.True(build.Browser.Pages.Count >= build.Export.Pages.Count, "some exported pages were not opened");
        Assert.Empty(build.Browser.ExternalRequests);
        Assert.True(build.Browser.Problems.Count == 0, "Browser found problems:\n" + string.Join("\n", build.Browser.Problems));
    }

    [Fact]
    public void Browser_Course_LessonsReallyHoldChartsAndFormulas()
    {
        // Guards against a vacuous pass: a lesson page with no chart or no formula would make the check above trivially true.
        // Lessons 01-19 all have both; the welcome page and the assignments need not.
        var lessons = CourseBuild.Value.Browser.Pages
            .Where(p => System.Text.RegularExpressions.Regex.IsMatch(p.Page, @"^(en|fa)/(0[1-9]|1[0-9])-"))
            .ToList();
        Assert.All(lessons, p => Assert.True(p.Charts > 0 && p.Formulas > 0, $"{p.Page}: {p.Charts} charts, {p.Formulas} formulas"));
    }

    [Fact]
    public void Browser_PersianPages_AreRightToLeftInVazirmatn()
    {
        var fa = CourseBuild.Value.Browser.Pages.Where(p => p.Page.StartsWith("fa/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(fa);
        Assert.All(fa, p =>
        {
            Assert.Equal("rtl", p.BodyDirection);
            Assert.True(p.VazirmatnLoaded, $"{p.Page}: Vazirmatn not loaded");
        });
    }
}
