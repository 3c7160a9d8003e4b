namespace NormDecay.Cli.Execution;

/// <summary>
/// Executes many notebooks, <see cref="RunOptions.Parallelism"/> at a time, one failure not stopping the others. While
/// notebooks run, the kernels of the next <see cref="RunOptions.WarmKernels"/> are started ahead (<see cref="WarmKernel"/>:
/// process started and setup cell run), so a notebook's turn begins with a ready kernel instead of a 2-5 s start.
/// With <see cref="RunOptions.ExpectedTimes"/> the longest notebooks start first.
/// </summary>
public static class CourseRunner
{
    /// <summary>Runs each (source, output) pair; <paramref name="onDone"/> is called as each notebook finishes. Results keep the input order.</summary>
    public static async Task<IReadOnlyList<NotebookRunResult>> RunAllAsync(
        IReadOnlyList<(string Source, string Output)> jobs,
        RunOptions? options = null,
        Action<NotebookRunResult>? onDone = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        options ??= RunOptions.Default;
        var results = new NotebookRunResult[jobs.Count];
        int[] order = StartOrder(jobs, options.ExpectedTimes);
        var warm = new Task<WarmKernel>?[jobs.Count];
        int prepared = 0;
        var gate = new object();
        int lookahead = Math.Max(0, options.WarmKernels);

        // Starts the kernels of the jobs at positions < limit in start order that have none yet.
        void PrepareUpTo(int limit)
        {
            lock (gate)
            {
                for (; prepared < Math.Min(limit, order.Length); prepared++)
                {
                    int job = order[prepared];
                    warm[job] = WarmKernel.StartAsync(jobs[job].Source, options, cancellationToken);
                }
            }
        }

        int parallelism = Math.Max(1, options.Parallelism);
        int next = -1;
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, jobs.Count),
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (_, ct) =>
                {
                    int position = Interlocked.Increment(ref next);
                    int i = order[position];
                    Task<WarmKernel>? kernel = null;
                    if (lookahead > 0)
                    {
                        // This job's kernel (started now if no one started it yet), and the next ones' ahead.
                        PrepareUpTo(position + 1 + lookahead);
                        kernel = warm[i];
                    }

                    NotebookRunResult r = await NotebookRunner.RunAsync(jobs[i].Source, jobs[i].Output, options, kernel, ct).ConfigureAwait(false);
                    results[i] = r;
                    onDone?.Invoke(r);
                }).ConfigureAwait(false);
        }
        finally
        {
            // Kernels started for notebooks that never ran (cancellation): close them.
            for (int p = next + 1; p < prepared; p++)
            {
                await CloseAsync(warm[order[p]]).ConfigureAwait(false);
            }
        }

        return results;
    }

    /// <summary>Job indices in the order they start: longest expected first when times are known (unknown ones first, in input order), else input order.</summary>
    internal static int[] StartOrder(IReadOnlyList<(string Source, string Output)> jobs, IReadOnlyDictionary<string, TimeSpan>? expected)
    {
        var indices = Enumerable.Range(0, jobs.Count);
        if (expected is null || expected.Count == 0)
        {
            return [.. indices];
        }

        TimeSpan Expected(int i) => expected.TryGetValue(Path.GetFullPath(jobs[i].Source), out TimeSpan t) ? t : TimeSpan.MaxValue;
        return [.. indices.OrderByDescending(Expected).ThenBy(i => i)];
    }

    private static async Task CloseAsync(Task<WarmKernel>? kernel)
    {
        if (kernel is null)
        {
            return;
        }

        try
        {
            await (await kernel.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
