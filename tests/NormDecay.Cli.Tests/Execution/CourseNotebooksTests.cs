using NormDecay.Cli.Tests.Course;
using NormDecay.Cli.Tests.Support;
using Xunit.Abstractions;

namespace NormDecay.Cli.Tests.Execution;

/// <summary>Every notebook of the course (notebooks/en, notebooks/fa) executes in the pinned kernel; a cell error fails its test.</summary>
public class CourseNotebooksTests(ITestOutputHelper output)
{
    private const string None = "(no notebooks found)";

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (string nb in CourseBuild.FindNotebooks())
        {
            data.Add(nb);
        }

        if (data.Count == 0)
        {
            data.Add(None);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_Executes_WithoutCellErrors(string notebook)
    {
        Assert.False(notebook == None, $"No notebooks under {Path.Combine(Repo.Root, "notebooks")}/en or /fa: the course has nothing to execute.");
        var run = CourseBuild.Value.Runs[notebook];
        output.WriteLine($"{notebook}: {run.Elapsed.TotalSeconds:0.0} s (kernel start-up {run.KernelStartup.TotalSeconds:0.0} s)");
        Assert.True(run.Succeeded, run.Describe());
    }

    [Fact]
    public void Notebooks_ComeInEnglishPersianPairs()
    {
        var all = CourseBuild.FindNotebooks();
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
