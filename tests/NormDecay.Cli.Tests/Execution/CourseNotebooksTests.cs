using NormDecay.Cli.Execution;
using NormDecay.Cli.Tests.Support;

namespace NormDecay.Cli.Tests.Execution;

/// <summary>Executes every notebook of the course (notebooks/en, notebooks/fa) in the pinned kernel; a cell error fails the test.</summary>
public class CourseNotebooksTests
{
    private const string None = "(no notebooks found)";

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (string nb in Found())
        {
            data.Add(nb);
        }

        if (data.Count == 0)
        {
            data.Add(None);
        }

        return data;
    }

    private static List<string> Found()
    {
        var data = new List<string>();
        foreach (string lang in new[] { "en", "fa" })
        {
            string dir = Path.Combine(Repo.Root, "notebooks", lang);
            if (Directory.Exists(dir))
            {
                foreach (string nb in RepositoryLayout.ExpandNotebooks([dir]))
                {
                    data.Add(Path.GetRelativePath(Repo.Root, nb));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_Executes_WithoutCellErrors(string notebook)
    {
        Assert.False(notebook == None, $"No notebooks under {Path.Combine(Repo.Root, "notebooks")}/en or /fa: the course has nothing to execute.");
        string output = Path.Combine(Path.GetTempPath(), "nd-course-tests", Guid.NewGuid().ToString("N")[..8], notebook);
        NotebookRunResult r = await NotebookRunner.RunAsync(Path.Combine(Repo.Root, notebook), output, new RunOptions { ToolDirectory = Repo.Root });
        Assert.True(r.Succeeded, r.Describe());
    }

    [Fact]
    public void Notebooks_ComeInEnglishPersianPairs()
    {
        var all = Found();
        var en = all.Where(n => n.Contains("/en/", StringComparison.Ordinal)).Select(Path.GetFileName).ToHashSet();
        var fa = all.Where(n => n.Contains("/fa/", StringComparison.Ordinal)).Select(Path.GetFileName).ToHashSet();
        Assert.True(en.SetEquals(fa), $"English only: {string.Join(", ", en.Except(fa))}; Persian only: {string.Join(", ", fa.Except(en))}");
    }

    [Fact]
    public void CourseSources_PassCheck()
    {
        string dir = Path.Combine(Repo.Root, "notebooks");
        var problems = NormDecay.Cli.Checking.NotebookChecker.CheckAll([dir]);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
