using System.Globalization;
using NormDecay.Cli.Execution;
using NormDecay.Cli.Export;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Commands;

/// <summary>
/// What <c>build</c> and <c>run</c> share: checks before anything executes (every notebook is a C# notebook, every output folder
/// can be written), execution with a progress line per notebook (<c>[12/26] ok   en/05-test-time.ipynb  14.2 s</c>, also when
/// output is redirected), and the failure and export reports.
/// </summary>
internal static class NotebookJobs
{
    /// <summary>Refuses notebooks of another kernel (e.g. Python) and files that are not notebooks, naming each.</summary>
    /// <exception cref="NotRunnableException">At least one notebook cannot be run.</exception>
    public static void EnsureRunnable(IEnumerable<string> sources)
    {
        var problems = new List<string>();
        foreach (string s in sources)
        {
            try
            {
                if (NotebookMetadata.ForeignKernel(NotebookFile.Load(s)) is { } foreign)
                {
                    problems.Add($"{s} is a {foreign} notebook; normdecay runs only C# notebooks (kernelspec {NotebookMetadata.KernelSpecName})");
                }
            }
            catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or IOException or UnauthorizedAccessException)
            {
                problems.Add($"{s} cannot be read as a notebook: {e.Message}");
            }
        }

        if (problems.Count > 0)
        {
            throw new NotRunnableException(string.Join("\nerror: ", problems));
        }
    }

    /// <summary>Checks, before any kernel starts, that the folder of every output can be created and written.</summary>
    /// <exception cref="OutputFolderException">A folder cannot be written.</exception>
    public static void EnsureWritable(IEnumerable<string> outputFiles)
    {
        foreach (string dir in outputFiles.Select(f => Path.GetDirectoryName(Path.GetFullPath(f))!).Distinct(StringComparer.Ordinal))
        {
            OutputFolder.EnsureWritable(dir);
        }
    }

    /// <summary>Builds <see cref="RunOptions"/> from the command line's values.</summary>
    public static RunOptions Options(int timeoutSeconds, int parallel, string? toolDirectory) => new()
    {
        CellTimeout = TimeSpan.FromSeconds(timeoutSeconds),
        Parallelism = Math.Clamp(parallel, 1, Math.Max(1, Environment.ProcessorCount)),
        ToolDirectory = toolDirectory,
    };

    /// <summary>Executes the jobs, writing one numbered line per finished notebook.</summary>
    public static async Task<IReadOnlyList<NotebookRunResult>> ExecuteAsync(
        CliContext cli, string verb, IReadOnlyList<(string Source, string Output)> jobs, RunOptions options, CancellationToken ct)
    {
        int done = 0;
        int width = jobs.Count.ToString(CultureInfo.InvariantCulture).Length;
        var gate = new Lock();
        await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{verb}: executing {jobs.Count} notebook{(jobs.Count == 1 ? "" : "s")}, {options.Parallelism} at a time")).ConfigureAwait(false);
        return await CourseRunner.RunAllAsync(jobs, options, r =>
        {
            lock (gate)
            {
                done++;
                cli.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{done.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{jobs.Count}] {(r.Succeeded ? "ok  " : "FAIL")} {Path.GetFileName(Path.GetDirectoryName(r.Source))}/{Path.GetFileName(r.Source)}  {r.Elapsed.TotalSeconds:0.0} s (kernel start {r.KernelStartup.TotalSeconds:0.0} s)"));
                cli.Output.Flush();
            }
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Writes each failure ("error: notebook: cell N (id X): message") and returns how many failed.</summary>
    public static int Report(CliContext cli, IReadOnlyList<NotebookRunResult> results)
    {
        var failed = results.Where(r => !r.Succeeded).ToList();
        foreach (NotebookRunResult r in failed)
        {
            cli.Error.WriteLine("error: " + r.Describe());
        }

        return failed.Count;
    }

    /// <summary>Writes an export's warnings, failures and summary; returns the number of failures.</summary>
    public static int WriteExport(CliContext cli, ExportReport report)
    {
        foreach (string w in report.Warnings)
        {
            cli.Error.WriteLine("warning: " + w);
        }

        foreach (ExportFailure f in report.Failures)
        {
            cli.Error.WriteLine($"error: export {f.Notebook}: {f.Message}");
        }

        cli.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"export: {report.Pages.Count} pages in {report.OutputDirectory} ({report.Elapsed.TotalSeconds:0.0} s)"));
        return report.Failures.Count;
    }
}
