using System.Diagnostics;

namespace NormDecay.Notebook;

/// <summary>
/// Ends a kernel whose runner is gone. <c>normdecay run</c>/<c>build</c> start each kernel with
/// <see cref="EnvironmentVariable"/> set to the runner's process id; the pinned kernel does not exit when its standard input
/// closes (it keeps a core busy), so when the runner dies without closing it (killed, a test host timed out), the kernel
/// would stay behind. <see cref="Start"/> checks every two seconds that the runner is still the same process and exits the
/// kernel when it is not. Kernels started by VS Code or Jupyter have no such variable and are not watched.
/// </summary>
public static class ParentWatch
{
    /// <summary>The variable naming the runner's process id: <c>NORMDECAY_PARENT_PID</c>.</summary>
    public const string EnvironmentVariable = "NORMDECAY_PARENT_PID";

    private static int started;

    /// <summary>Starts the watch once per process when <see cref="EnvironmentVariable"/> names a running process; otherwise does nothing.</summary>
    public static void Start()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(EnvironmentVariable), out int pid) || pid <= 0
            || Interlocked.Exchange(ref started, 1) == 1)
        {
            return;
        }

        DateTime? startTime = StartTimeOf(pid);
        if (startTime is null)
        {
            return; // the runner is already gone or not visible: nothing to compare against
        }

        var thread = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(TimeSpan.FromSeconds(2));
                if (StartTimeOf(pid) != startTime)
                {
                    Environment.Exit(0);
                }
            }
        })
        { IsBackground = true, Name = "normdecay-parent-watch" };
        thread.Start();
    }

    private static DateTime? StartTimeOf(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : process.StartTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }
}
