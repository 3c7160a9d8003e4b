using System.Diagnostics;
using System.Text.Json.Nodes;
using NormDecay.Charts.Text;
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
    public static Task<NotebookRunResult> RunAsync(string sourcePath, string outputPath, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(sourcePath, outputPath, options, null, cancellationToken);

    /// <summary>
    /// The folder the pinned kernel is resolved from, the kernel's working folder (the notebook's) and its environment
    /// (<c>NORMDECAY_LANG</c>); null when no <c>.config/dotnet-tools.json</c> is found above the notebook.
    /// </summary>
    internal static (string ToolDirectory, string WorkingDirectory, Dictionary<string, string> Environment)? KernelSettings(string source, RunOptions options)
    {
        string workingDir = Path.GetDirectoryName(source)!;
        string? toolDir = options.ToolDirectory ?? RepositoryLayout.FindRoot(workingDir);
        return toolDir is null ? null
            : (toolDir, workingDir, new Dictionary<string, string> { [CourseLanguage.EnvironmentVariable] = RepositoryLayout.LanguageOf(source) ?? CourseLanguage.Default });
    }

    /// <summary>As <see cref="RunAsync(string, string, RunOptions?, CancellationToken)"/>, on a kernel started ahead (<see cref="WarmKernel"/>) when one is given.</summary>
    internal static async Task<NotebookRunResult> RunAsync(string sourcePath, string outputPath, RunOptions? options, Task<WarmKernel>? warm, CancellationToken cancellationToken)
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
            await DisposeWarmAsync(warm).ConfigureAwait(false);
            return new NotebookRunResult(source, null, new CellFailure(0, null, e.Message), TimeSpan.Zero, clock.Elapsed, []);
        }

        if (NotebookMetadata.ForeignKernel(notebook) is { } foreign)
        {
            await DisposeWarmAsync(warm).ConfigureAwait(false);
            return new NotebookRunResult(source, null, new CellFailure(0, null, $"a {foreign} notebook: only C# notebooks (kernelspec {NotebookMetadata.KernelSpecName}) can be run"), TimeSpan.Zero, clock.Elapsed, []);
        }

        if (KernelSettings(source, options) is not var (toolDir, workingDir, env))
        {
            await DisposeWarmAsync(warm).ConfigureAwait(false);
            return new NotebookRunResult(source, null, new CellFailure(0, null, $"No .config/dotnet-tools.json above '{Path.GetDirectoryName(source)}': the pinned kernel cannot be found."), TimeSpan.Zero, clock.Elapsed, []);
        }

        var cellTimes = new List<TimeSpan>();
        CellFailure? failure = null;
        TimeSpan startup = TimeSpan.Zero, waited = TimeSpan.Zero;
        KernelSession? kernel = null;
        SubmissionResult? setupAhead = null;
        string? setupAheadSource = null;
        try
        {
            if (warm is not null)
            {
                // The kernel was started (and its setup cell run) while earlier notebooks executed.
                var waitClock = Stopwatch.StartNew();
                WarmKernel ready;
                try
                {
                    ready = await warm.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Wait until the kernel is closed: it was started with the same token, so its start stops and
                    // kills it. Left to run on its own, a kernel interrupted while starting outlived the tool.
                    await DisposeWarmAsync(warm).ConfigureAwait(false);
                    throw;
                }

                await using WarmKernel prepared = ready;
                waited = waitClock.Elapsed;
                if (prepared.Error is not null)
                {
                    throw prepared.Error;
                }

                startup = prepared.StartupTime;
                kernel = prepared.Take();
                (setupAhead, setupAheadSource) = (prepared.Setup, prepared.SetupSource);
            }

            if (kernel is null)
            {
                kernel = await KernelSession.StartAsync(toolDir, workingDir, env, options.StartupTimeout, cancellationToken).ConfigureAwait(false);
                startup = kernel.StartupTime;
                waited = startup;
            }

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
                SubmissionResult result;
                if (setupAhead is not null && executionCount == 1 && cell.Source == setupAheadSource)
                {
                    result = setupAhead; // this very cell, already run in this kernel before the notebook's turn
                }
                else
                {
                    result = await kernel.SubmitAsync(cell.Source, options.CellTimeout, cancellationToken).ConfigureAwait(false);
                }

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
            return new NotebookRunResult(source, null, failure ?? new CellFailure(0, null, $"the executed copy could not be written to '{output}': {e.Message}"), startup, clock.Elapsed, cellTimes, waited);
        }

        return new NotebookRunResult(source, output, failure, startup, clock.Elapsed, cellTimes, waited);
    }

    private static async Task DisposeWarmAsync(Task<WarmKernel>? warm)
    {
        if (warm is null)
        {
            return;
        }

        try
        {
            await (await warm.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
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
/// <param name="CellTimes">Time of each executed code cell (the setup cell's included, also when it ran ahead in a warm kernel).</param>
/// <param name="KernelWait">How long the notebook waited for its kernel: the whole start without a warm kernel, little or nothing with one.</param>
public sealed record NotebookRunResult(string Source, string? Output, CellFailure? Failure, TimeSpan KernelStartup, TimeSpan Elapsed, IReadOnlyList<TimeSpan> CellTimes, TimeSpan KernelWait = default)
{
    /// <summary>True when every code cell ran without error.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>"notebook: cell N (id X): message", for reports.</summary>
    public string Describe() => Failure is null
        ? $"{Source}: ok"
        : Failure.CellNumber == 0 ? $"{Source}: {Failure.Message}" : $"{Source}: cell {Failure.CellNumber} (id {Failure.CellId}): {Failure.Message}";
}
