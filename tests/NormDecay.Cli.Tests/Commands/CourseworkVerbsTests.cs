using NormDecay.Cli.Commands;
using NormDecay.Cli.Coursework;
using NormDecay.Cli.Tests.Support;

namespace NormDecay.Cli.Tests.Commands;

/// <summary>assign, grade and merge through the command line (Spectre settings straight into the work).</summary>
[Collection("Coursework grading")] // grade runs a sandbox; one grading run at a time on the 2-core machine
public class CourseworkVerbsTests
{
    private static string Source => Path.Combine(Repo.Root, "notebooks", "en", "a1-batchnorm.ipynb");

    private static string Submissions => Path.Combine(Repo.Root, "tests", "NormDecay.Cli.Tests", "Coursework", "Submissions");

    private static string Scratch() => Path.Combine(Path.GetTempPath(), "nd-verb-tests", Guid.NewGuid().ToString("N")[..12]);

    private static async Task<(int Code, string Out, string Err)> Invoke(string cwd, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = await new Cli.Commands.Cli(o, e, cwd).RunAsync(args);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public async Task Assign_Source_WritesTheSelfContainedRelease()
    {
        string course = Scratch();
        var (code, output, err) = await Invoke(Repo.Root, "assign", Source, "-o", course);
        Assert.True(code == ExitCodes.Ok, err);
        string release = Path.Combine(course, "release", "a1-batchnorm");
        Assert.Contains($"assign: {Path.Combine(release, "a1-batchnorm.ipynb")}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN HIDDEN TESTS", File.ReadAllText(Path.Combine(release, "a1-batchnorm.ipynb")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(release, "lib", "NormDecay.Notebook.dll")));
        Directory.Delete(course, recursive: true);
    }

    [Fact]
    public async Task Assign_OutputIsAFile_ExitsThreeBeforeWriting()
    {
        string blocker = Scratch();
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        File.WriteAllText(blocker, "");
        var (code, _, err) = await Invoke(Repo.Root, "assign", Source, "-o", blocker);
        Assert.Equal(ExitCodes.OutputNotWritable, code);
        Assert.Contains("it is a file, not a folder", err, StringComparison.Ordinal);
        File.Delete(blocker);
    }

    [Theory]
    [InlineData("2/2")]
    [InlineData("x/4")]
    [InlineData("1")]
    public async Task Grade_BadShard_IsUsageErrorBeforeAnythingRuns(string shard)
    {
        string outDir = Scratch();
        var (code, _, err) = await Invoke(Repo.Root, "grade", Submissions, "-o", outDir, "--shard", shard);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"--shard expects I/N with 0 <= I < N (e.g. --shard 0/4, or --shard $JOB_COMPLETION_INDEX/4), not '{shard}'.", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Grade_WithoutOutput_IsUsageError()
    {
        var (code, _, err) = await Invoke(Repo.Root, "grade", Submissions);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("grade needs -o DIR.", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_ShardOfTwoSubmissions_GradesOnlyItsShareWithTheGivenSource()
    {
        string outDir = Scratch();
        var (code, output, err) = await Invoke(Repo.Root, "grade", Path.Combine(Submissions, "correct.ipynb"), Path.Combine(Submissions, "wrong.ipynb"), "-o", outDir, "--source", Source, "--shard", "0/2", "--timeout", "8", "--parallel", "1");
        Assert.True(code == ExitCodes.Ok, err + output);
        Assert.Contains("[1/1] correct (a1-batchnorm, en): 8/8", output, StringComparison.Ordinal);
        Assert.Contains("grade: 1 graded, 0 failed to run", output, StringComparison.Ordinal);
        IReadOnlyList<GradebookRow> rows = Gradebook.Read(Path.Combine(outDir, Gradebook.LongFile));
        Assert.All(rows, r => Assert.Equal("correct", r.Student)); // shard 0 of 2 of the sorted submissions: correct, not wrong
        Assert.True(File.Exists(Path.Combine(outDir, "feedback", "correct", "a1-batchnorm", "a1-batchnorm.html")));
        Directory.Delete(outDir, recursive: true);
    }

    [Fact]
    public async Task Merge_TwoShards_CombinesGradebooksAndFeedback()
    {
        string root = Scratch();
        string a = Path.Combine(root, "shard-0"), b = Path.Combine(root, "shard-1"), merged = Path.Combine(root, "merged");
        Gradebook.Write(a, [new GradebookRow("ana", "a1", "p1", 2, 3, "wrong values")]);
        Gradebook.Write(b, [new GradebookRow("bo", "a1", "p1", 3, 3, "")]);
        Directory.CreateDirectory(Path.Combine(b, "feedback", "bo", "a1"));
        File.WriteAllText(Path.Combine(b, "feedback", "bo", "a1", "a1.html"), "<p>bo</p>");
        var (code, output, err) = await Invoke(root, "merge", "shard-0", "shard-1", "-o", "merged");
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("merge: 2 students, 2 rows from 2 shards", output, StringComparison.Ordinal);
        Assert.Equal(["ana", "bo"], Gradebook.Read(Path.Combine(merged, Gradebook.LongFile)).Select(r => r.Student));
        Assert.Equal("<p>bo</p>", File.ReadAllText(Path.Combine(merged, "feedback", "bo", "a1", "a1.html")));
        Assert.True(File.Exists(Path.Combine(merged, Gradebook.WideFile)));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Merge_MissingGradebook_ExitsOneNamingIt()
    {
        string root = Scratch();
        Directory.CreateDirectory(Path.Combine(root, "empty"));
        var (code, _, err) = await Invoke(root, "merge", "empty", "-o", "merged");
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains(Path.Combine(root, "empty", Gradebook.LongFile), err, StringComparison.Ordinal);
        Directory.Delete(root, recursive: true);
    }
}
