using NormDecay.Cli.Execution;

namespace NormDecay.Cli.Tests.Execution;

/// <summary>The build's timing table (artifacts/build-times.csv) and the longest-first start order read from it.</summary>
public class BuildTimesTests
{
    private static NotebookRunResult Result(string path, double total, params double[] cells) =>
        new(path, path, null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(total), [.. cells.Select(TimeSpan.FromSeconds)], TimeSpan.FromSeconds(0.5));

    [Fact]
    public void WriteThenRead_RoundTripsTotalsByFullPath()
    {
        string root = Path.Combine(Path.GetTempPath(), "nd-times-" + Guid.NewGuid().ToString("N"));
        string a = Path.Combine(root, "notebooks", "en", "a.ipynb"), b = Path.Combine(root, "notebooks", "fa", "b.ipynb");
        string csv = Path.Combine(root, "artifacts", "build-times.csv");
        BuildTimes.Write(csv, [Result(a, 12.5, 3.0, 4.0, 5.5), Result(b, 3.25, 1.0)], root);

        string[] lines = File.ReadAllLines(csv);
        Assert.Equal(BuildTimes.Header, lines[0]);
        Assert.Equal("notebooks/en/a.ipynb,ok,12.50,0.50,2.00,3.00,9.50,5.50,3", lines[1]);
        var times = BuildTimes.Read(csv, root);
        Assert.Equal(TimeSpan.FromSeconds(12.5), times[a]);
        Assert.Equal(TimeSpan.FromSeconds(3.25), times[b]);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Read_MissingFile_IsEmpty() =>
        Assert.Empty(BuildTimes.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "none.csv"), "/"));

    [Fact]
    public void StartOrder_KnownTimes_LongestFirstUnknownFirst()
    {
        (string, string)[] jobs = [("/c/short.ipynb", "o1"), ("/c/new.ipynb", "o2"), ("/c/long.ipynb", "o3"), ("/c/mid.ipynb", "o4")];
        var expected = new Dictionary<string, TimeSpan>
        {
            ["/c/short.ipynb"] = TimeSpan.FromSeconds(2),
            ["/c/long.ipynb"] = TimeSpan.FromSeconds(40),
            ["/c/mid.ipynb"] = TimeSpan.FromSeconds(10),
        };
        Assert.Equal(new[] { 1, 2, 3, 0 }, CourseRunner.StartOrder(jobs, expected));
        Assert.Equal(new[] { 0, 1, 2, 3 }, CourseRunner.StartOrder(jobs, null));
    }

    [Fact]
    public void ToTable_SlowestFirst_WithTotals()
    {
        string table = BuildTimes.ToTable([Result("/r/a.ipynb", 1, 1), Result("/r/b.ipynb", 9, 2, 7)], "/r", TimeSpan.FromSeconds(9.5));
        Assert.True(table.IndexOf("b.ipynb", StringComparison.Ordinal) < table.IndexOf("a.ipynb", StringComparison.Ordinal));
        Assert.Contains("2 notebooks: 10.0 s of notebook time in 9.5 s wall clock", table, StringComparison.Ordinal);
    }
}
