namespace NormDecay.Cli.Coursework;

/// <summary>How graded code is isolated.</summary>
public enum SandboxKind
{
    /// <summary>bubblewrap (<c>bwrap</c>): new user, PID, network, IPC, UTS and mount namespaces, a read-only system, a private /tmp; plus rlimits. The default; grading refuses to start when it is unavailable.</summary>
    Bubblewrap,

    /// <summary>No namespaces (rlimits and the time limit only): for trusted submissions on systems without bubblewrap (<c>--no-sandbox</c>).</summary>
    None,
}

/// <summary>The limits of one sandboxed worker (one submission).</summary>
public sealed record SandboxOptions
{
    /// <summary>Isolation; default <see cref="SandboxKind.Bubblewrap"/>.</summary>
    public SandboxKind Kind { get; init; } = SandboxKind.Bubblewrap;

    /// <summary>Processes and threads of the sandbox's user (RLIMIT_NPROC); default 128 (the .NET runtime itself uses about 20).</summary>
    public int Processes { get; init; } = 128;

    /// <summary>Address space in MB (RLIMIT_AS); default 6144 (the runtime reserves address space well beyond the heap).</summary>
    public int AddressSpaceMegabytes { get; init; } = 6144;

    /// <summary>CPU seconds (RLIMIT_CPU); default 120.</summary>
    public int CpuSeconds { get; init; } = 120;

    /// <summary>Largest file the graded code may write in MB (RLIMIT_FSIZE; /tmp is a 64 MB tmpfs); default 16.</summary>
    public int FileSizeMegabytes { get; init; } = 16;

    /// <summary>Bytes the graded code may print (stdout and stderr together) before the sandbox is killed; default 1 MB.</summary>
    public int OutputLimitBytes { get; init; } = 1024 * 1024;
}
