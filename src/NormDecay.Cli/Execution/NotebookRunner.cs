using System.Diagnostics;
using System.Text.Json.Nodes;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Execution;

/// <summary>
/// Executes one notebook in a fresh out-of-process kernel (<see cref="KernelSession"/>) started in the notebook's own
/// folder with <c>NORMDECAY_LANG</c> set to its language, and writes the executed copy. The first failing cell gets its
/// error as an output, stops the notebook, and is reported with its number and id; the source file is only read unless
/// the output path is the source path.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Runs <paramref name="sourcePath"/> and saves the executed notebook to <paramref name="outputPath"/>.</summary>
    /// <param name="sourcePath">The notebook to execute.</param>
    /// <param name="outputPath">Where the executed copy goes (may equal <paramref name="sourcePath"/> for in-place runs).</param>
    /// <param name="options">Timeouts and the tool folder.</param>
    /// <param name="cancellationToken">Stops the run (the kernel is killed).</param>
    public static async Task<NotebookRunResult> RunAsync(string sourcePath, string outputPath, RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourcePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        options ??= RunOptions.Default;
        var clock = Stopwatch.StartNew();
        string source = Path.GetFullPath(sourcePath);
        NotebookFile notebook;
        try
        {
            notebook = NotebookFile.Load(source);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return new NotebookRunResult(source, null, new CellFailure(0, null, e.Message), TimeSpan.Zero, clock.Elapsed, []);
        }

        if (NotebookMetadata.ForeignKernel(notebook) is { } foreign)
        {
            return new NotebookRunResult(source, null, new CellFailure(0, null, $"a {foreign} notebook: only C# notebooks (kernelspec {NotebookMetadata.KernelSpecName}) can be run"), TimeSpan.Zero, clock.Elapsed, []);
        }

        string workingDir = Path.GetDirectoryName(source)!;
        string? toolDir = options.ToolDirectory ?? RepositoryLayout.FindRoot(workingDir);
        if (toolDir is null)
        {
            return new NotebookRunResult(source, null, new CellFailure(0, null, $"No .config/dotnet-tools.json above '{workingDir}': the pinned kernel cannot be found."), TimeSpan.Zero, clock.Elapsed, []);
        }

        var env = new Dictionary<string, string> { ["NORMDECAY_LANG"] = NotebookMetadata.Language(notebook) ?? RepositoryLayout.LanguageOfFolder(source) ?? "en" };
        var cellTimes = new List<TimeSpan>();
        CellFailure? failure = null;
        TimeSpan startup = TimeSpan.Zero;
        KernelSession? kernel = null;
        try
        {
            kernel = await KernelSession.StartAsync(toolDir, workingDir, env, options.StartupTimeout, cancellationToken).ConfigureAwait(false);
            startup = kernel.StartupTime;
            int executionCount = 0;
            for (int i = 0; i < notebook.Cells.Count; i++)
            {
                NotebookCell cell = notebook.Cells[i];
                if (!cell.IsCode)
                {
                    continue;
                }

                if (failure is not null)
                {
                    cell.ClearOutputs(); // cells after the failure did not run
                    continue;
                }

                if (cell.KernelName is { } k && k != NotebookMetadata.KernelName)
                {
                    failure = new CellFailure(i + 1, cell.Id, $"cell {i + 1} (id {cell.Id}) targets kernel '{k}'; only C# cells are supported.");
                    cell.SetOutputs([OutputConverter.Error(failure.Message, "NotSupportedException")], null);
                    continue;
                }

                if (string.IsNullOrWhiteSpace(cell.Source))
                {
                    cell.SetOutputs([], null);
                    continue;
                }

                executionCount++;
                SubmissionResult result = await kernel.SubmitAsync(cell.Source, options.CellTimeout, cancellationToken).ConfigureAwait(false);
                cellTimes.Add(result.Elapsed);
                JsonArray outputs = OutputConverter.Convert(result, executionCount);
                cell.SetOutputs(outputs, executionCount);
                if (!result.Succeeded)
                {
                    string message = result.TimedOut
                        ? $"timed out after {options.CellTimeout.TotalSeconds:0.#} s (the kernel was stopped)"
                        : result.KernelError ?? FirstFailure(result) ?? "failed";
                    failure = new CellFailure(i + 1, cell.Id, message);
                }
            }
        }
        catch (KernelException e)
        {
            failure = new CellFailure(0, null, e.Message);
        }
        finally
        {
            if (kernel is not null)
            {
                await kernel.DisposeAsync().ConfigureAwait(false);
            }
        }

        cancellationToken.ThrowIfCancellationRequested(); // interrupted: no half-executed copy is written
        string output = Path.GetFullPath(outputPath);
        try
        {
            notebook.Save(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new NotebookRunResult(source, null, failure ?? new CellFailure(0, null, $"the executed copy could not be written to '{output}': {e.Message}"), startup, clock.Elapsed, cellTimes);
        }

        return new NotebookRunResult(source, output, failure, startup, clock.Elapsed, cellTimes);
    }

    private static string? FirstFailure(SubmissionResult result) =>
        result.Events.Where(e => (string?)e["eventType"] == "CommandFailed")
            .Select(e => OutputConverter.FailureMessage(e["event"]).Split('\n')[0].TrimEnd('\r'))
            .FirstOrDefault();
}

/// <summary>The cell that stopped a notebook.</summary>
/// <param name="CellNumber">1-based position among all cells (markdown included), 0 when the notebook could not start.</param>
/// <param name="CellId">The nbformat cell id, or null.</param>
/// <param name="Message">The error (first line of the exception, or what went wrong).</param>
public sealed record CellFailure(int CellNumber, string? CellId, string Message);

/// <summary>The result of executing one notebook.</summary>
/// <param name="Source">Full path of the notebook executed.</param>
/// <param name="Output">Full path of the executed copy, or null when none was written.</param>
/// <param name="Failure">The failing cell, or null when every cell ran.</param>
/// <param name="KernelStartup">Time until the kernel was ready.</param>
/// <param name="Elapsed">Wall-clock time for the whole notebook (kernel start included).</param>
/// <param name="CellTimes">Time of each executed code cell.</param>
public sealed record NotebookRunResult(string Source, string? Output, CellFailure? Failure, TimeSpan KernelStartup, TimeSpan Elapsed, IReadOnlyList<TimeSpan> CellTimes)
{
    /// <summary>True when every code cell ran without error.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>"notebook: cell N (id X): message", for reports.</summary>
    public string Describe() => Failure is null
        ? $"{Source}: ok"
        : Failure.CellNumber == 0 ? $"{Source}: {Failure.Message}" : $"{Source}: cell {Failure.CellNumber} (id {Failure.CellId}): {Failure.Message}";
}
