using System.Diagnostics;
using System.Text.RegularExpressions;
using NormDecay.Cli.Execution;
using NormDecay.Cli.Tests.Support;

namespace NormDecay.Cli.Tests.Execution;

/// <summary>How a kernel session ends (the real, pinned kernel).</summary>
public partial class KernelSessionTests
{
    [Fact]
    public async Task DisposeAsync_CellStartedAProcess_KernelAndItsChildAreGone()
    {
        KernelSession kernel = await KernelSession.StartAsync(Repo.Root, Repo.Root, null, TimeSpan.FromSeconds(120));
        int kernelPid = kernel.ProcessId;
        SubmissionResult result = await kernel.SubmitAsync(
            "var child = System.Diagnostics.Process.Start(\"sleep\", \"300\");\nSystem.Console.WriteLine($\"child={child.Id}\");",
            TimeSpan.FromSeconds(60));
        Assert.True(result.Succeeded, result.KernelError);
        int childPid = int.Parse(ChildPid().Match(string.Join("", result.Events.Select(e => e.ToJsonString()))).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(IsRunning(childPid));

        await kernel.DisposeAsync();

        Assert.True(kernel.Ended);
        Assert.False(IsRunning(kernelPid), "the kernel process is still running");
        for (int i = 0; i < 50 && IsRunning(childPid); i++)
        {
            await Task.Delay(100); // the kill is sent to the whole tree; the child may take a moment to be reaped
        }

        Assert.False(IsRunning(childPid), $"process {childPid}, started by a cell, outlived its kernel");
    }

    [Theory]
    [InlineData(null, "0")] // the build's default: tiered compilation off in the kernel
    [InlineData("1", "1")] // a caller's own setting wins
    public async Task StartAsync_TieredCompilation_OffUnlessTheCallerSetsIt(string? callers, string expected)
    {
        Dictionary<string, string>? env = callers is null ? null : new() { [KernelSession.TieredCompilationVariable] = callers };
        await using KernelSession kernel = await KernelSession.StartAsync(Repo.Root, Repo.Root, env, TimeSpan.FromSeconds(120));
        SubmissionResult result = await kernel.SubmitAsync(
            $"System.Console.WriteLine(\"tc=\" + System.Environment.GetEnvironmentVariable(\"{KernelSession.TieredCompilationVariable}\"));",
            TimeSpan.FromSeconds(60));
        Assert.True(result.Succeeded, result.KernelError);
        Assert.Contains($"tc={expected}\\n", string.Join("", result.Events.Select(e => e.ToJsonString())), StringComparison.Ordinal);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using Process p = Process.GetProcessById(pid);
            return !p.HasExited && !File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].TrimStart().StartsWith('Z');
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"child=(\d+)")]
    private static partial Regex ChildPid();
}
