using System.Collections.Concurrent;

namespace NormDecay.Cli.Execution;

/// <summary>
/// Runs <c>dotnet tool restore</c> once per process and tool folder before the first kernel starts, so a fresh clone needs no
/// extra set-up step: the pinned kernel (<c>.config/dotnet-tools.json</c>) is installed the first time a notebook runs.
/// When the tool is already restored this takes about a second and changes nothing.
/// </summary>
internal static class ToolRestore
{
    private static readonly ConcurrentDictionary<string, Lazy<Task>> Restores = new(StringComparer.Ordinal);

    /// <summary>Restores the local tools of <paramref name="toolDirectory"/> unless this process already did.</summary>
    /// <exception cref="KernelException">When the restore fails; the message carries its output.</exception>
    public static Task EnsureAsync(string toolDirectory, CancellationToken cancellationToken)
    {
        string key = Path.GetFullPath(toolDirectory);
        return Restores.GetOrAdd(key, k => new Lazy<Task>(() => RestoreAsync(k))).Value.WaitAsync(cancellationToken);
    }

    private static async Task RestoreAsync(string directory)
    {
        (int exit, string output) = await ChildProcess.RunAsync("dotnet", ["tool", "restore"], directory, CancellationToken.None).ConfigureAwait(false);
        if (exit != 0)
        {
            throw new KernelException(
                $"'dotnet tool restore' failed in '{directory}' (exit {exit}); the pinned kernel Microsoft.dotnet-interactive could not be installed:\n{output}");
        }
    }
}
