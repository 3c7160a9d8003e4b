using NormDecay.Cli.Tests.Browser;
using NormDecay.Cli.Tests.Support;
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

    [Fact]
    public void Export_Course_NoSiteFileHoldsAssignmentSolutionsHiddenTestsOrTheirOutputs()
    {
        var build = CourseBuild.Value;
        string siteDir = build.Export.OutputDirectory;
        var assignments = build.Notebooks.Where(nb => Path.GetFileName(nb).StartsWith('a')).ToList();
        Assert.Equal(6, assignments.Count); // a1-a3 in en and fa
        // Public text: the lessons, as sources and as executed copies (their outputs are on the site, rightly).
        var lessons = build.Notebooks.Except(assignments).ToList();
        var publicTexts = lessons.Select(nb => InstructorSecrets.AllSources(Path.Combine(Repo.Root, nb)))
            .Concat(lessons.Select(nb => build.Runs[nb].Output).OfType<string>().Where(File.Exists).Select(File.ReadAllText))
            .ToList();
        var needles = new List<InstructorSecrets.Needle>();
        foreach (string nb in assignments)
        {
            IReadOnlyList<InstructorSecrets.Needle> own = InstructorSecrets.Of(Path.Combine(Repo.Root, nb), publicTexts);
            Assert.Contains(own, n => n.Kind == "solution");
            Assert.Contains(own, n => n.Kind == "hidden test");
            needles.AddRange(own);
            string executed = Assert.IsType<string>(build.Runs[nb].Output);
            needles.AddRange(InstructorSecrets.OutputsOf(executed, publicTexts.Append(InstructorSecrets.AllSources(Path.Combine(Repo.Root, nb)))));
        }

        Assert.Contains(needles, n => n.Kind == "executed output");
        output.WriteLine($"{needles.Count} needles: " + string.Join(", ", needles.GroupBy(n => n.Kind).Select(g => $"{g.Count()} {g.Key}")));
        IReadOnlyList<string> leaks = InstructorSecrets.Scan(siteDir, needles);
        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks:\n" + string.Join("\n", leaks.Take(40)));

        foreach (NormDecay.Cli.Export.ExportedPage page in build.Export.Pages.Where(p => p.Kind == NormDecay.Cli.Export.PageKind.Assignment))
        {
            var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(page.OutputPath));
            Assert.Empty(doc.QuerySelectorAll(".nd-output"));
            var download = NormDecay.Cli.Notebooks.NotebookFile.Load(Assert.IsType<string>(page.NotebookCopy));
            Assert.All(download.Cells.Where(c => c.IsCode), c => Assert.True(c.Outputs is { Count: 0 } && c.ExecutionCount is null, $"{page.NotebookCopy} cell {c.Id}"));
        }
    }

    [Fact]
    public void Export_Course_NoLinkLeavesTheSiteOrReachesTheExecutedInstructorCopies()
    {
        var build = CourseBuild.Value;
        string siteDir = build.Export.OutputDirectory;
        Assert.Empty(SiteLinks.Escaping(siteDir));
        var executed = build.Runs.Where(r => Path.GetFileName(r.Key).StartsWith('a')).Select(r => r.Value.Output).OfType<string>().ToList();
        Assert.NotEmpty(executed);
        var copies = executed.Select(File.ReadAllText).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(siteDir, "*.ipynb", SearchOption.AllDirectories), f => copies.Contains(File.ReadAllText(f)));
        Assert.DoesNotContain(SiteLinks.All(siteDir), l => executed.Contains(l.Target, StringComparer.Ordinal));
    }
}
