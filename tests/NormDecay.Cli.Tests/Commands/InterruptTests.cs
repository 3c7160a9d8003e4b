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
        string course = Repo.NewCourse();
        Directory.CreateDirectory(Path.Combine(course, ".config"));
        File.Copy(Path.Combine(Repo.Root, ".config", "dotnet-tools.json"), Path.Combine(course, ".config", "dotnet-tools.json"));
        string folder = Path.Combine(course, "notebooks", "en");
        string src = Path.Combine(folder, "slow.ipynb");
        Repo.Notebook("System.Threading.Thread.Sleep(600_000);").Save(src);

        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = course, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "NormDecay.Cli.dll"), "run", src, "-o", "out" })
        {
            psi.ArgumentList.Add(a);
        }

        using Process tool = Process.Start(psi)!;
        Task<string> stdout = tool.StandardOutput.ReadToEndAsync();
        Task<string> stderr = tool.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (KernelsIn(folder).Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(90) && !tool.HasExited)
        {
            await Task.Delay(200);
        }

        Assert.NotEmpty(KernelsIn(folder)); // the kernel started in the notebook's folder
        await Task.Delay(TimeSpan.FromSeconds(4)); // let it reach the sleeping cell
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
        await Task.Delay(500);
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
