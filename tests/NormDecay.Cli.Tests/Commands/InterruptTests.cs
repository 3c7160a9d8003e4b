using System.Diagnostics;
using NormDecay.Cli.Commands;
using NormDecay.Cli.Tests.Support;

namespace NormDecay.Cli.Tests.Commands;

/// <summary>Ctrl-C as a user gives it: SIGINT to the real tool process while a kernel is running a long cell.</summary>
public class InterruptTests
{
    [Fact]
    public async Task Run_SigintDuringCell_StopsKernelExits130WithOneLine()
    {
        // The cell marks that it runs, then sleeps: the interrupt lands inside the cell, however slow the machine.
        await Interrupt("System.IO.File.WriteAllText(\"cell-started\", \"\");\nSystem.Threading.Thread.Sleep(600_000);", folder => File.Exists(Path.Combine(folder, "cell-started")));
    }

    [Fact]
    public async Task Run_SigintWhileKernelStarts_StopsKernelExits130WithOneLine()
    {
        // Interrupted as soon as the kernel process exists, before it is ready: it must not outlive the tool.
        await Interrupt("System.Threading.Thread.Sleep(600_000);", folder => KernelsIn(folder).Count > 0);
    }

    private static async Task Interrupt(string cell, Func<string, bool> ready)
    {
        string course = Repo.NewCourse();
        Directory.CreateDirectory(Path.Combine(course, ".config"));
        File.Copy(Path.Combine(Repo.Root, ".config", "dotnet-tools.json"), Path.Combine(course, ".config", "dotnet-tools.json"));
        string folder = Path.Combine(course, "notebooks", "en");
        string src = Path.Combine(folder, "slow.ipynb");
        Repo.Notebook(cell).Save(src);

        // Through env --default-signal: a process started in the background of a shell (nohup, '&') inherits SIGINT
        // ignored, and .NET then keeps it ignored, as a user's Ctrl-C never is.
        var psi = new ProcessStartInfo("env") { WorkingDirectory = course, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "NormDecay.Cli.dll"), "run", src, "-o", "out" })
        {
            psi.ArgumentList.Add(a);
        }

        using Process tool = Process.Start(psi)!;
        Task<string> stdout = tool.StandardOutput.ReadToEndAsync();
        Task<string> stderr = tool.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!ready(folder) && clock.Elapsed < TimeSpan.FromSeconds(120) && !tool.HasExited)
        {
            await Task.Delay(20);
        }

        Assert.NotEmpty(KernelsIn(folder)); // the kernel started in the notebook's folder
        Assert.True(ready(folder), "the tool stopped before the moment to interrupt it");
        using (Process kill = Process.Start("kill", ["-INT", tool.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await tool.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            string kernels = string.Join(", ", KernelsIn(folder));
            tool.Kill(entireProcessTree: true);
            Assert.Fail($"the tool did not exit within 30 s of SIGINT; kernels in the folder: [{kernels}]\nstdout:\n{await stdout}\nstderr:\n{await stderr}");
        }

        string err = await stderr;
        Assert.Equal(ExitCodes.Interrupted, tool.ExitCode);
        string line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("interrupted: 'run' stopped with Ctrl-C", line, StringComparison.Ordinal);
        Assert.Contains("run: executing 1 notebook", await stdout, StringComparison.Ordinal);
        for (int i = 0; i < 25 && KernelsIn(folder).Count > 0; i++)
        {
            await Task.Delay(200);
        }

        Assert.Empty(KernelsIn(folder)); // no kernel left behind
        Assert.False(File.Exists(Path.Combine(course, "out", "en", "slow.ipynb"))); // no half-executed copy
    }

    /// <summary>Processes whose working folder is <paramref name="folder"/> (the kernel is started there).</summary>
    private static List<int> KernelsIn(string folder)
    {
        var found = new List<int>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid))
            {
                continue;
            }

            try
            {
                if (new DirectoryInfo(Path.Combine(dir, "cwd")).LinkTarget is { } cwd && string.Equals(cwd.TrimEnd('/'), folder, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // the process ended meanwhile
            }
        }

        return found;
    }
}
