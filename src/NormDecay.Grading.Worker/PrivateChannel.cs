using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NormDecay.Grading.Worker;

/// <summary>
/// Moves the grader's request and reply pipes (inherited as standard input and output) to private descriptors before any
/// student code is loaded, marks them close-on-exec (child processes do not inherit them), and puts <c>/dev/null</c> on
/// standard input and the log (standard error) on standard output. Student code that prints, reads the console, or
/// writes "protocol messages" to standard output therefore only reaches the capped log; the replies are written by the
/// host after the student's function has returned. (A descriptor can still be found by enumerating
/// <c>/proc/self/fd</c>; the grader does not rely on this channel's secrecy: it validates every reply and compares the
/// values with its own reference. See docs/coursework.md.)
/// </summary>
internal static class PrivateChannel
{
    private const int FSetFd = 2;
    private const int FdCloexec = 1;

    /// <summary>Takes the pipes; returns the request stream (read) and the reply stream (write).</summary>
    /// <exception cref="IOException">A descriptor call failed (named).</exception>
    public static (Stream Requests, Stream Replies) Take()
    {
        if (!OperatingSystem.IsLinux())
        {
            // Elsewhere (tests on other systems) the standard streams are used as they are.
            return (Console.OpenStandardInput(), Console.OpenStandardOutput());
        }

        int requests = Check(Dup(0), "dup(0)");
        int replies = Check(Dup(1), "dup(1)");
        Check(Fcntl(requests, FSetFd, FdCloexec), "fcntl(requests)");
        Check(Fcntl(replies, FSetFd, FdCloexec), "fcntl(replies)");
        int devNull = Check(Open("/dev/null", 0), "open(/dev/null)");
        Check(Dup2(devNull, 0), "dup2(/dev/null, 0)");
        Check(Dup2(2, 1), "dup2(2, 1)");
        return (new FileStream(new SafeFileHandle(requests, ownsHandle: true), FileAccess.Read, 1),
                new FileStream(new SafeFileHandle(replies, ownsHandle: true), FileAccess.Write, 1));
    }

    private static int Check(int result, string what) =>
        result < 0 ? throw new IOException($"{what} failed (errno {Marshal.GetLastPInvokeError()})") : result;

    [DllImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static extern int Dup(int fd);

    [DllImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static extern int Dup2(int from, int to);

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(int fd, int cmd, int arg);

    [DllImport("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int Open([MarshalAs(UnmanagedType.LPStr)] string path, int flags);
}
