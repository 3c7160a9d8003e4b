namespace NormDecay.Cli.Coursework;

/// <summary>Limits and locations of a grading run.</summary>
public sealed record GradeOptions
{
    /// <summary>Longest time one part's checks may wait for the graded code (all its calls together); default 30 s (the A1 checks take well under a second).</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest sandbox start-up (runtime start and compiling the solution cells); default 60 s.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>GC heap limit of the sandboxed worker in MB (<c>DOTNET_GCHeapHardLimit</c>); default 1024; 0 for none.</summary>
    public int MemoryLimitMegabytes { get; init; } = 1024;

    /// <summary>Submissions graded at once (one sandboxed worker each); default 2.</summary>
    public int Parallelism { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 2);

    /// <summary>The repository holding <c>artifacts/lib</c> and the worker's build output.</summary>
    public required string Root { get; init; }

    /// <summary>The libraries the instructor's cells use; default <see cref="Root"/>/artifacts/lib (never visible to graded code).</summary>
    public string? LibraryDirectory { get; init; }

    /// <summary>The grading worker's build output; default beside this tool's output (see <see cref="WorkerStage.DefaultSource"/>).</summary>
    public string? WorkerDirectory { get; init; }

    /// <summary>Isolation and limits of each submission's sandbox.</summary>
    public SandboxOptions Sandbox { get; init; } = new();

    /// <summary>Grade only shard <c>Index</c> of <c>Count</c> (0-based; submission k, in path order, belongs to shard k mod Count); null for all.</summary>
    public (int Index, int Count)? Shard { get; init; }
}
