using NormDecay.Cli.Execution;
using NormDecay.Cli.Export;
using NormDecay.Cli.Tests.Browser;
using NormDecay.Cli.Tests.Support;

namespace NormDecay.Cli.Tests.Course;

/// <summary>
/// The whole course built once per test run, as <c>normdecay build</c> does it: every notebook under notebooks/en and
/// notebooks/fa executed in the pinned kernel (two at a time), the executed copies exported to a site, and the site opened
/// in headless Chromium with no network. Tests read the results; nothing is executed twice.
/// Outputs: artifacts/test-course/notebooks, artifacts/test-course/site, artifacts/screenshots/course.
/// </summary>
public static class CourseBuild
{
    private static readonly Lazy<Result> Lazy = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>What the build produced.</summary>
    public sealed record Result(
        IReadOnlyList<string> Notebooks,
        IReadOnlyDictionary<string, NotebookRunResult> Runs,
        ExportReport Export,
        BrowserCheckReport Browser,
        TimeSpan ExecutionTime);

    /// <summary>The build, made on first use.</summary>
    public static Result Value => Lazy.Value;

    /// <summary>Every course notebook, relative to the repository root (notebooks/en/*.ipynb then notebooks/fa/*.ipynb).</summary>
    public static IReadOnlyList<string> FindNotebooks()
    {
        var found = new List<string>();
        foreach (string lang in new[] { "en", "fa" })
        {
            string dir = Path.Combine(Repo.Root, "notebooks", lang);
            if (Directory.Exists(dir))
            {
                found.AddRange(RepositoryLayout.ExpandNotebooks([dir]).Select(nb => Path.GetRelativePath(Repo.Root, nb)));
            }
        }

        return found;
    }

    private static Result Build()
    {
        string root = Path.Combine(Repo.Root, "artifacts", "test-course");
        string executed = Path.Combine(root, "notebooks");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        IReadOnlyList<string> notebooks = FindNotebooks();
        var jobs = notebooks
            .Select(nb => (Source: Path.Combine(Repo.Root, nb), Output: Path.Combine(executed, Path.GetRelativePath("notebooks", nb))))
            .ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<NotebookRunResult> runs = CourseRunner
            .RunAllAsync(jobs, new RunOptions { ToolDirectory = Repo.Root })
            .GetAwaiter().GetResult();
        TimeSpan executionTime = clock.Elapsed;

        var byNotebook = new Dictionary<string, NotebookRunResult>(StringComparer.Ordinal);
        for (int i = 0; i < notebooks.Count; i++)
        {
            byNotebook[notebooks[i]] = runs[i];
        }

        // Export what executed; a failed notebook still has an executed copy up to its failing cell.
        var executedCopies = runs.Select(r => r.Output).OfType<string>().Where(File.Exists).ToList();
        ExportReport export = SiteExporter.Export(executedCopies, Path.Combine(root, "site"));
        BrowserCheckReport browser = BrowserCheck.Run(Path.Combine(root, "site"), new BrowserCheckOptions
        {
            ScreenshotDir = Path.Combine(Repo.Root, "artifacts", "screenshots", "course"),
        });
        return new Result(notebooks, byNotebook, export, browser, executionTime);
    }
}
