namespace NormDecay.Cli.Coursework;

/// <summary>Limits and locations of a grading run.</summary>
public sealed record GradeOptions
{
    /// <summary>Longest time one cell may run; default 30 s (the A1 checks take well under a second).</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest kernel start-up; default 60 s.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Most characters of output a graded cell may produce before it fails as flooding; default 100,000.</summary>
    public int OutputLimit { get; init; } = 100_000;

    /// <summary>GC heap limit of the kernel in MB (<c>DOTNET_GCHeapHardLimit</c>); default 1024; 0 for none.</summary>
    public int MemoryLimitMegabytes { get; init; } = 1024;

    /// <summary>Submissions graded at once (one kernel each); default 2.</summary>
    public int Parallelism { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 2);

    /// <summary>The repository holding <c>.config/dotnet-tools.json</c> (the pinned kernel) and <c>artifacts/lib</c>.</summary>
    public required string Root { get; init; }

    /// <summary>The libraries the setup cell loads; default <see cref="Root"/>/artifacts/lib. Copied into each scratch folder.</summary>
    public string? LibraryDirectory { get; init; }

    /// <summary>Keep each submission's scratch folder (for debugging); default false.</summary>
    public bool KeepScratch { get; init; }
}
