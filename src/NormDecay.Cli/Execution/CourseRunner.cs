namespace NormDecay.Cli.Execution;

/// <summary>Executes many notebooks, <see cref="RunOptions.Parallelism"/> at a time; one failure does not stop the others.</summary>
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
        await Parallel.ForEachAsync(
            Enumerable.Range(0, jobs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                NotebookRunResult r = await NotebookRunner.RunAsync(jobs[i].Source, jobs[i].Output, options, ct).ConfigureAwait(false);
                results[i] = r;
                onDone?.Invoke(r);
            }).ConfigureAwait(false);
        return results;
    }
}
