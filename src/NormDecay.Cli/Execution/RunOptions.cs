namespace NormDecay.Cli.Execution;

/// <summary>How notebooks are executed.</summary>
public sealed record RunOptions
{
    /// <summary>The default options.</summary>
    public static RunOptions Default { get; } = new();

    /// <summary>Longest time one cell may run before the kernel is stopped. Default: 120 s.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Longest time the kernel may take to start. Default: 60 s.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Notebooks executed at once (one kernel each). Default: 2 (the course machine has 2 cores), at most the processor count.</summary>
    public int Parallelism { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 2);

    /// <summary>
    /// Kernels started ahead of their notebooks while others execute (the warm pool): each is started in its notebook's
    /// folder and has run the setup cell by the time a running notebook finishes. Default: 1; 0 starts every kernel only
    /// when its notebook's turn comes.
    /// </summary>
    public int WarmKernels { get; init; } = 1;

    /// <summary>
    /// Expected time of each notebook by full source path (e.g. from the last build's <c>build-times.csv</c>): notebooks
    /// then start longest first, so the longest does not start last and leave a core idle at the end. Results keep the
    /// input order either way. Default: null (input order).
    /// </summary>
    public IReadOnlyDictionary<string, TimeSpan>? ExpectedTimes { get; init; }

    /// <summary>
    /// A folder at or below the one holding <c>.config/dotnet-tools.json</c> (the pinned kernel). Default: null, meaning
    /// the repository found above the notebook (see <see cref="RepositoryLayout.FindRoot"/>).
    /// </summary>
    public string? ToolDirectory { get; init; }
}
