using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NormDecay.Charts.Output;
using NormDecay.Cli.Execution;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Coursework;

/// <summary>How one cell of a graded run ended.</summary>
/// <param name="Index">The cell's index in the prepared notebook.</param>
/// <param name="Passed">True when the cell ran to its end (for a test cell: its completion marker was printed).</param>
/// <param name="Line">Why it failed, or null.</param>
public sealed record CellOutcome(int Index, bool Passed, FeedbackLine? Line);

/// <summary>
/// Runs a prepared submission cell by cell in the runner's out-of-process kernel (<see cref="KernelSession"/>), unlike
/// <see cref="NotebookRunner"/> continuing after a failing cell so every part is graded. After a time-out or a dead
/// kernel, a fresh kernel replays the cells that had succeeded and grading goes on. A test cell passes only when the
/// kernel reports success AND the cell printed a completion marker with a per-run random nonce appended by the grader,
/// so output forged by student code before the cell ran cannot pass it.
/// </summary>
public static class GradingKernel
{
    /// <summary>Executes <paramref name="notebook"/> (saved at <paramref name="notebookPath"/>'s folder as working folder) and records outputs in it.</summary>
    public static async Task<IReadOnlyList<CellOutcome>> RunAsync(
        NotebookFile notebook, string notebookPath, ISet<int> testCells, string language, GradeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(options);
        string nonce = Guid.NewGuid().ToString("N");
        string marker = $"[normdecay-grade {nonce}]";
        // Charts use the CDN markup while grading: the offline markup inlines plotly.js (about 3.6 MB) into the first chart,
        // which would trip the output cap of an ungraded chart cell; the executed copies are for the instructor, who is online.
        var env = new Dictionary<string, string> { ["NORMDECAY_LANG"] = language, [ChartDisplayPolicy.PlotlyJsModeVariable] = ChartDisplayPolicy.ValueOf(PlotlyJsMode.Cdn) };
        if (options.MemoryLimitMegabytes > 0)
        {
            env["DOTNET_GCHeapHardLimit"] = "0x" + ((long)options.MemoryLimitMegabytes * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture);
        }

        string workDir = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var outcomes = new List<CellOutcome>();
        var succeeded = new List<string>();
        KernelSession? kernel = null;
        string? broken = null;
        int count = 0;
        try
        {
            for (int i = 0; i < notebook.Cells.Count; i++)
            {
                NotebookCell cell = notebook.Cells[i];
                if (!cell.IsCode || string.IsNullOrWhiteSpace(cell.Source))
                {
                    continue;
                }

                bool isTest = testCells.Contains(i);
                if (broken is not null)
                {
                    outcomes.Add(new CellOutcome(i, false, new FeedbackLine(FeedbackKey.NotRun, broken)));
                    continue;
                }

                if (kernel is null)
                {
                    try
                    {
                        kernel = await KernelSession.StartAsync(options.Root, workDir, env, options.StartupTimeout, cancellationToken).ConfigureAwait(false);
                        foreach (string replay in succeeded)
                        {
                            await kernel.SubmitAsync(replay, options.CellTimeout, cancellationToken).ConfigureAwait(false);
                        }
                    }
                    catch (Exception e) when (e is KernelException or IOException)
                    {
                        broken = e.Message.Split('\n')[0];
                        outcomes.Add(new CellOutcome(i, false, new FeedbackLine(FeedbackKey.NotRun, broken)));
                        continue;
                    }
                }

                string code = isTest ? cell.Source.TrimEnd() + $"\nSystem.Console.WriteLine(\"{marker}\");" : cell.Source;
                // The instructor's locked cells (setup, usings, helpers; restored from the source, so no student code) get
                // the start-up limit: loading the libraries on a busy machine can outlast a tight per-cell limit.
                TimeSpan limit = GradeCell.Of(cell) is { Locked: true, Grade: false, Solution: false } && options.StartupTimeout > options.CellTimeout
                    ? options.StartupTimeout
                    : options.CellTimeout;
                SubmissionResult result;
                try
                {
                    result = await kernel.SubmitAsync(code, limit, cancellationToken).ConfigureAwait(false);
                }
                catch (IOException e)
                {
                    // The kernel's pipe broke (the process died between cells, e.g. killed under memory pressure): the
                    // cell is charged as a dead kernel and the next cell starts a fresh one, as after a crash inside it.
                    result = new SubmissionResult([], false, false, TimeSpan.Zero, "the kernel's pipe broke: " + e.Message);
                }

                JsonArray outputs = OutputConverter.Convert(result, ++count);
                string text = OutputText(outputs);
                bool passed = result.Succeeded && (!isTest || text.Contains(marker, StringComparison.Ordinal));
                FeedbackLine? line = null;
                if (text.Length > options.OutputLimit)
                {
                    passed = false;
                    line = new FeedbackLine(FeedbackKey.Flooded, text.Length.ToString("N0", CultureInfo.InvariantCulture));
                    outputs = [OutputConverter.Error($"Output flooding: {text.Length} characters (limit {options.OutputLimit}); output dropped.", "OutputLimitExceeded")];
                }
                else if (result.TimedOut)
                {
                    line = new FeedbackLine(FeedbackKey.TimedOut, limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture));
                }
                else if (result.KernelError is not null)
                {
                    line = new FeedbackLine(FeedbackKey.KernelDied, result.KernelError.Split('\n')[0]);
                }
                else if (!passed)
                {
                    line = Classify(result);
                }

                cell.SetOutputs(StripMarker(outputs, marker), count);
                outcomes.Add(new CellOutcome(i, passed, line));
                if (passed)
                {
                    succeeded.Add(cell.Source);
                }

                if (result.TimedOut || result.KernelError is not null)
                {
                    await kernel.DisposeAsync().ConfigureAwait(false);
                    kernel = null; // the next cell starts a fresh kernel and replays what had succeeded
                }
            }
        }
        finally
        {
            if (kernel is not null)
            {
                await kernel.DisposeAsync().ConfigureAwait(false);
            }
        }

        return outcomes;
    }

    /// <summary>Turns a failed cell's error into a feedback line: not implemented, missing name, compile error, or failed check.</summary>
    public static FeedbackLine Classify(SubmissionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string message = result.Events.Where(e => (string?)e["eventType"] == "CommandFailed")
            .Select(e => OutputConverter.FailureMessage(e["event"])).FirstOrDefault() ?? "failed";
        string first = message.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? message;
        if (first.Contains("NotImplementedException", StringComparison.Ordinal))
        {
            return new FeedbackLine(FeedbackKey.NotImplemented, Strip(first));
        }

        if (first.Contains("error CS0103", StringComparison.Ordinal) || first.Contains("error CS0246", StringComparison.Ordinal))
        {
            return new FeedbackLine(FeedbackKey.MissingName, first);
        }

        return first.Contains("error CS", StringComparison.Ordinal)
            ? new FeedbackLine(FeedbackKey.CompileError, first)
            : new FeedbackLine(FeedbackKey.Failed, Strip(first));
    }

    private static string Strip(string line)
    {
        foreach (string prefix in new[] { "System.Exception: ", "System.NotImplementedException: " })
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line[prefix.Length..];
            }
        }

        return line;
    }

    private static string OutputText(JsonArray outputs)
    {
        var sb = new StringBuilder();
        foreach (JsonNode? o in outputs)
        {
            if (o?["text"] is JsonArray t)
            {
                foreach (JsonNode? x in t)
                {
                    sb.Append((string?)x);
                }
            }

            if (o?["data"] is JsonObject data)
            {
                foreach (var (_, v) in data)
                {
                    sb.Append(v is JsonArray a ? string.Concat(a.Select(x => (string?)x)) : v?.ToJsonString());
                }
            }
        }

        return sb.ToString();
    }

    private static JsonArray StripMarker(JsonArray outputs, string marker)
    {
        foreach (JsonNode? o in outputs)
        {
            if (o?["text"] is JsonArray t && o is JsonObject obj)
            {
                string joined = string.Concat(t.Select(x => (string?)x)).Replace(marker + "\n", "", StringComparison.Ordinal).Replace(marker, "", StringComparison.Ordinal);
                obj["text"] = NotebookJson.ToLines(joined);
            }
        }

        return outputs;
    }
}
