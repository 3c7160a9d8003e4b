using System.Diagnostics;
using System.Text.Json.Nodes;
using NormDecay.Cli.Coursework;
using NormDecay.Cli.Execution;
using NormDecay.Cli.Notebooks;
using NormDecay.Cli.Tests.Support;
using Xunit.Abstractions;

namespace NormDecay.Cli.Tests.Coursework;

/// <summary>
/// The student release, copied out of the repository into an empty folder under /tmp, runs every cell: under the
/// project's runner and under Jupyter (nbconvert with the .net-csharp kernel of the pinned dotnet-interactive), with the
/// solution cells filled in as a student would (the instructor's solutions). An untouched release stops only at the
/// NotImplementedException of its checks, and a release without lib/ stops in its first cell with one sentence.
/// </summary>
public sealed class ReleaseAnywhere
{
    public static readonly string[] Assignments = ["a1-batchnorm", "a2-test-time", "a3-schedules"];

    public ReleaseAnywhere()
    {
        string course = Path.Combine(Path.GetTempPath(), "nd-release-src-" + Guid.NewGuid().ToString("N")[..8]);
        var sources = Assignments.Select(a => Path.Combine(Repo.Root, "notebooks", "en", a + ".ipynb")).Append(Path.Combine(Repo.Root, "notebooks", "fa", "a1-batchnorm.ipynb")).ToList();
        Assigner.Assign(sources, course, Repo.Lib, Path.Combine(Repo.Root, ".config", "dotnet-tools.json"));
        Anywhere = Path.Combine(Path.GetTempPath(), "nd-anywhere-" + Guid.NewGuid().ToString("N")[..8]); // outside the repository, empty
        CopyDirectory(Path.Combine(course, "release"), Anywhere);
        Directory.Delete(course, recursive: true);
        foreach (string a in Assignments)
        {
            FillSolutions(Path.Combine(Anywhere, a, a + ".ipynb"), Path.Combine(Repo.Root, "notebooks", "en", a + ".ipynb"));
        }

        FillSolutions(Path.Combine(Anywhere, "a1-batchnorm", "a1-batchnorm.fa.ipynb"), Path.Combine(Repo.Root, "notebooks", "fa", "a1-batchnorm.ipynb"));
        Untouched = Path.Combine(Anywhere, "untouched", "a1-batchnorm");
        CopyDirectory(Path.Combine(Anywhere, "a1-batchnorm"), Untouched);
        File.Copy(Path.Combine(Repo.Root, "notebooks", "en", "a1-batchnorm.ipynb"), Path.Combine(Untouched, "a1-batchnorm.ipynb"), overwrite: true);
        NotebookFile stub = Assigner.Release(NotebookFile.Load(Path.Combine(Untouched, "a1-batchnorm.ipynb")));
        stub.Cells.First(c => c.IsCode).Source = SetupCell.ReleaseText;
        stub.Save(Path.Combine(Untouched, "a1-batchnorm.ipynb"));
        NoLib = Path.Combine(Anywhere, "no-lib", "a1-batchnorm");
        CopyDirectory(Path.Combine(Anywhere, "a1-batchnorm"), NoLib);
        Directory.Delete(Path.Combine(NoLib, "lib"), recursive: true);
        Jupyter = FindOnPath("jupyter");
    }

    public string Anywhere { get; }

    public string Untouched { get; }

    public string NoLib { get; }

    public string? Jupyter { get; }

    /// <summary>Runs jupyter nbconvert --execute on <paramref name="notebook"/> (in its folder); returns the exit code, its output and the executed copy.</summary>
    public (int Code, string Log, NotebookFile? Executed) NbConvert(string notebook)
    {
        string dir = Path.GetDirectoryName(notebook)!;
        EnsureKernel(dir);
        string output = Path.Combine(dir, "executed-" + Path.GetFileName(notebook));
        var psi = new ProcessStartInfo(Jupyter!, ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=.net-csharp", "--ExecutePreprocessor.timeout=300", "--output", output, notebook])
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process p = Process.Start(psi)!;
        Task<string> err = p.StandardError.ReadToEndAsync();
        string log = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(600_000))
        {
            p.Kill(entireProcessTree: true);
        }

        return (p.ExitCode, log + err.Result, File.Exists(output) ? NotebookFile.Load(output) : null);
    }

    private static readonly Lock KernelGate = new();

    private static void EnsureKernel(string releaseFolder)
    {
        lock (KernelGate)
        {
            // Registers the .net-csharp kernel as the release's README says (idempotent), from the release folder so the
            // pinned dotnet-interactive of its .config/dotnet-tools.json is the one used.
            foreach (string[] args in new[] { new[] { "tool", "restore" }, new[] { "tool", "run", "dotnet-interactive", "jupyter", "install" } })
            {
                using Process p = Process.Start(new ProcessStartInfo("dotnet", args) { WorkingDirectory = releaseFolder, RedirectStandardOutput = true, RedirectStandardError = true })!;
                p.StandardOutput.ReadToEnd();
                p.StandardError.ReadToEnd();
                p.WaitForExit();
                Assert.True(p.ExitCode == 0, $"dotnet {string.Join(' ', args)} failed in {releaseFolder}");
            }
        }
    }

    private static void FillSolutions(string release, string source)
    {
        NotebookFile nb = NotebookFile.Load(release);
        var solutions = NotebookFile.Load(source).Cells.Where(c => c.IsCode && GradeCell.Of(c) is { Solution: true }).ToDictionary(c => c.Id!, c => c.Source);
        foreach (NotebookCell c in nb.Cells.Where(c => c.Id is not null && solutions.ContainsKey(c.Id)))
        {
            c.Source = solutions[c.Id!];
        }

        nb.Save(release);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static void CopyDirectory(string from, string to)
    {
        foreach (string f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
    }
}

[Collection("Coursework grading")]
public class ReleaseAnywhereTests(ReleaseAnywhere release, ITestOutputHelper output) : IClassFixture<ReleaseAnywhere>
{
    [Theory]
    [InlineData("a1-batchnorm", "a1-batchnorm.ipynb")]
    [InlineData("a1-batchnorm", "a1-batchnorm.fa.ipynb")]
    [InlineData("a2-test-time", "a2-test-time.ipynb")]
    [InlineData("a3-schedules", "a3-schedules.ipynb")]
    public async Task Runner_ReleaseOutsideRepository_EveryCellRuns(string assignment, string file)
    {
        string nb = Path.Combine(release.Anywhere, assignment, file);
        Assert.Null(RepositoryLayout.FindRoot(Path.GetDirectoryName(nb)!) is { } r && File.Exists(Path.Combine(r, "NormDecay.sln")) ? r : null);
        NotebookRunResult result = await NotebookRunner.RunAsync(nb, Path.Combine(release.Anywhere, "runner-" + assignment + "-" + file), new RunOptions { CellTimeout = TimeSpan.FromMinutes(4) });
        output.WriteLine($"{nb}: {result.Describe()} in {result.Elapsed.TotalSeconds:0.0} s");
        Assert.True(result.Succeeded, result.Describe());
    }

    [Theory]
    [InlineData("a1-batchnorm")]
    [InlineData("a2-test-time")]
    [InlineData("a3-schedules")]
    public void Jupyter_ReleaseOutsideRepository_EveryCellRuns(string assignment)
    {
        if (release.Jupyter is null)
        {
            output.WriteLine("SKIPPED: jupyter is not installed (apt-get install jupyter-nbconvert python3-ipykernel to run this check)");
            return;
        }

        var (code, log, executed) = release.NbConvert(Path.Combine(release.Anywhere, assignment, assignment + ".ipynb"));
        Assert.True(code == 0, log);
        Assert.NotNull(executed);
        Assert.All(executed.Cells.Where(c => c.IsCode), c => Assert.True(c.Outputs?.All(o => (string?)o?["output_type"] != "error") != false, $"cell {c.Id} failed"));
        Assert.All(executed.Cells.Where(c => c.IsCode && !string.IsNullOrWhiteSpace(c.Source)), c => Assert.NotNull(c.Json["execution_count"]?.GetValue<int?>()));
    }

    [Fact]
    public async Task Runner_UntouchedRelease_StopsOnlyAtTheStudentsWork()
    {
        string nb = Path.Combine(release.Untouched, "a1-batchnorm.ipynb");
        NotebookRunResult result = await NotebookRunner.RunAsync(nb, Path.Combine(release.Anywhere, "untouched-run.ipynb"));
        Assert.False(result.Succeeded);
        Assert.Equal("bn-forward-train-tests", result.Failure!.CellId);
        Assert.Contains("NotImplementedException", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runner_LibraryFolderMissing_OneSentenceInsteadOfCompilerError()
    {
        NotebookRunResult result = await NotebookRunner.RunAsync(Path.Combine(release.NoLib, "a1-batchnorm.ipynb"), Path.Combine(release.Anywhere, "no-lib-run.ipynb"));
        Assert.Equal("setup", result.Failure?.CellId);
        Assert.Contains("The course library lib/MathNet.Numerics.dll is missing: open this notebook from the assignment folder you were given", result.Failure!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CS0006", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jupyter_LibraryFolderMissing_OneSentenceInsteadOfCompilerError()
    {
        if (release.Jupyter is null)
        {
            output.WriteLine("SKIPPED: jupyter is not installed");
            return;
        }

        var (code, log, _) = release.NbConvert(Path.Combine(release.NoLib, "a1-batchnorm.ipynb"));
        Assert.NotEqual(0, code);
        Assert.Contains("lib/MathNet.Numerics.dll is missing: open this notebook from the assignment folder", log, StringComparison.Ordinal);
        Assert.DoesNotContain("CS0006", log, StringComparison.Ordinal);
    }
}
