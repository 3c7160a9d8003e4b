using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NormDecay.Grading.Worker.Protocol;

namespace NormDecay.Cli.Coursework;

/// <summary>
/// One sandboxed grading worker (src/NormDecay.Grading.Worker) running one submission's solution cells: started under
/// bubblewrap and prlimit (see <see cref="SandboxOptions"/>), fed the job over its standard input, answering over its
/// standard output, with the student's printing on its standard error, read with a byte cap. Every wait has a deadline;
/// on a time-out, a flood, or disposal the whole sandbox is killed (its PID namespace dies with it).
/// </summary>
public sealed class WorkerProcess : IGradedCode, IDisposable
{
    private const int KeptLogBytes = 4096;
    private static int nextSlot;

    private readonly Process process;
    private readonly Stream requests;
    private readonly Stream replies;
    private readonly Task logReader;
    private readonly StringBuilder log = new();
    private readonly int outputLimit;
    private long printed;
    private volatile bool flooded;
    private volatile bool timedOut;
    private bool dead;

    private WorkerProcess(Process process, int outputLimit)
    {
        this.process = process;
        this.outputLimit = outputLimit;
        requests = process.StandardInput.BaseStream;
        replies = process.StandardOutput.BaseStream;
        logReader = Task.Run(ReadLog);
    }

    /// <summary>The job's compile report (after <see cref="Start"/>).</summary>
    public ReadyReport Report { get; private set; } = new([], []);

    /// <summary>Time per call (and for the start-up, the start-up limit); the remaining budget of the current part.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True once the process ended or was killed; later calls fail at once.</summary>
    public bool IsDead => dead;

    /// <summary>The first bytes the graded code printed (for the instructor's notes).</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>The process id of the outermost sandbox process (tests check that nothing of it survives).</summary>
    public int ProcessId => process.Id;

    /// <summary>Starts a worker in <paramref name="workerDirectory"/>, sends <paramref name="job"/> and waits for its compile report.</summary>
    /// <exception cref="GradedCallException">The worker did not answer in time or ended (the message says which).</exception>
    public static WorkerProcess Start(string workerDirectory, GradingJob job, SandboxOptions sandbox, GradeOptions options)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(options);
        var psi = StartInfo(workerDirectory, sandbox, options);
        var p = Process.Start(psi) ?? throw new InvalidOperationException("the grading worker did not start");
        var w = new WorkerProcess(p, sandbox.OutputLimitBytes) { CallTimeout = options.StartupTimeout };
        try
        {
            Frames.Write(w.requests, FrameKind.Job, JsonSerializer.SerializeToUtf8Bytes(job));
            byte[] ready = w.Receive(FrameKind.Ready);
            w.Report = JsonSerializer.Deserialize<ReadyReport>(ready) ?? throw new InvalidDataException("empty report");
            if (w.Report.FunctionErrors.Count != job.Functions.Count)
            {
                throw new GradedCallException(CallFailure.Crashed, "the worker's report does not match the job");
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or JsonException)
        {
            w.Dispose();
            throw new GradedCallException(CallFailure.Crashed, "the grading worker broke the protocol: " + e.Message);
        }
        catch
        {
            w.Dispose();
            throw;
        }

        w.CallTimeout = options.CellTimeout;
        return w;
    }

    /// <summary>True when bubblewrap can create a sandbox here (a real sandbox is started once and must print "ok").</summary>
    public static (bool Ok, string Detail) Probe(SandboxOptions sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        try
        {
            ProcessStartInfo psi = Wrap(sandbox, null, "/bin/sh", ["-c", "echo ok"], new Dictionary<string, string>());
            psi.RedirectStandardOutput = true;
            psi.RedirectStandardError = true;
            using var p = Process.Start(psi)!;
            string o = p.StandardOutput.ReadToEnd(), e = p.StandardError.ReadToEnd();
            if (!p.WaitForExit(20_000))
            {
                p.Kill(true);
                return (false, "the probe did not finish in 20 s");
            }

            return o.Trim() == "ok" ? (true, "") : (false, (e.Trim().Length > 0 ? e.Trim() : "exit code " + p.ExitCode.ToString(CultureInfo.InvariantCulture)).Split('\n')[0]);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, e.Message);
        }
    }

    /// <inheritdoc/>
    public (object? Value, object?[] ArgumentsAfter) Call(int index, object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (dead)
        {
            throw new GradedCallException(CallFailure.Crashed, "the sandbox had already ended");
        }

        if (index < Report.FunctionErrors.Count && Report.FunctionErrors[index] is { } missing)
        {
            throw new GradedCallException(CallFailure.Unavailable, missing);
        }

        using var ms = new MemoryStream();
        using (var bw = new BinaryWriter(ms))
        {
            bw.Write(index);
            bw.Write(arguments.Length);
            foreach (object? a in arguments)
            {
                ValueCodec.Write(bw, a);
            }
        }

        byte[] payload;
        FrameKind kind;
        try
        {
            Frames.Write(requests, FrameKind.Call, ms.ToArray());
            (kind, payload) = ReceiveAny();
        }
        catch (IOException e)
        {
            throw Ended("the pipe broke: " + e.Message);
        }

        using var r = new BinaryReader(new MemoryStream(payload));
        try
        {
            if (kind == FrameKind.Threw)
            {
                string type = r.ReadString(), message = r.ReadString();
                throw new GradedCallException(CallFailure.Threw, message, type);
            }

            if (kind != FrameKind.Returned)
            {
                throw new InvalidDataException($"unexpected frame {kind}");
            }

            object? value = ValueCodec.Read(r);
            int n = r.ReadInt32();
            if (n != arguments.Length)
            {
                throw new InvalidDataException($"{n} arguments returned for {arguments.Length}");
            }

            object?[] after = new object?[n];
            for (int i = 0; i < n; i++)
            {
                after[i] = ValueCodec.Read(r);
            }

            if (r.BaseStream.Position != r.BaseStream.Length)
            {
                throw new InvalidDataException("trailing bytes after a reply");
            }

            return (value, after);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            Kill();
            throw new GradedCallException(CallFailure.Crashed, "the sandbox's reply was malformed (" + e.Message + "); the sandbox was stopped");
        }
    }

    /// <summary>Kills the sandbox (its whole process tree and PID namespace) and waits for it to end.</summary>
    public void Kill()
    {
        dead = true;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit(10_000);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // already gone
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Kill();
        logReader.Wait(TimeSpan.FromSeconds(5));
        process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string workerDirectory, SandboxOptions sandbox, GradeOptions options)
    {
        var env = new Dictionary<string, string>
        {
            ["DOTNET_GCHeapHardLimit"] = "0x" + ((long)Math.Max(64, options.MemoryLimitMegabytes) * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture),
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_EnableDiagnostics"] = "0",
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_TieredPGO"] = "0",
            // W^X double-maps code through a memfd file that RLIMIT_FSIZE would cap ("Out of memory." at start-up); off also starts faster.
            ["DOTNET_EnableWriteXorExecute"] = "0",
        };
        string dll = sandbox.Kind == SandboxKind.Bubblewrap ? "/grader/NormDecay.Grading.Worker.dll" : Path.Combine(workerDirectory, "NormDecay.Grading.Worker.dll");
        ProcessStartInfo psi = Wrap(sandbox, workerDirectory, DotnetHost(), [dll], env);
        psi.RedirectStandardInput = true;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        return psi;
    }

    /// <summary>The command line: [setpriv to a per-sandbox user when root] bwrap ... -- prlimit ... -- program args.</summary>
    private static ProcessStartInfo Wrap(SandboxOptions s, string? workerDirectory, string program, IReadOnlyList<string> args, Dictionary<string, string> env)
    {
        var psi = new ProcessStartInfo { UseShellExecute = false };
        var a = psi.ArgumentList;
        string first;
        var limits = new List<string>
        {
            $"--nproc={s.Processes}", $"--as={(long)s.AddressSpaceMegabytes * 1024 * 1024}", $"--cpu={s.CpuSeconds}",
            $"--fsize={(long)s.FileSizeMegabytes * 1024 * 1024}", "--core=0", "--nofile=512", "--",
        };
        if (s.Kind == SandboxKind.Bubblewrap)
        {
            if (Environment.IsPrivilegedProcess)
            {
                // As root, RLIMIT_NPROC is not enforced: each sandbox runs as its own unprivileged user (61000 + slot).
                int uid = 61000 + (Interlocked.Increment(ref nextSlot) % 4000);
                first = "setpriv";
                foreach (string x in new[] { $"--reuid={uid}", $"--regid={uid}", "--clear-groups", "--", "bwrap" })
                {
                    a.Add(x);
                }
            }
            else
            {
                first = "bwrap";
            }

            string dotnetRoot = Path.GetDirectoryName(DotnetHost())!;
            foreach (string x in new[]
            {
                "--unshare-all", "--die-with-parent", "--new-session", "--clearenv",
                "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
                "--proc", "/proc", "--dev", "/dev", "--size", (64L * 1024 * 1024).ToString(CultureInfo.InvariantCulture), "--tmpfs", "/tmp",
                "--chdir", "/tmp", "--setenv", "HOME", "/tmp", "--setenv", "TMPDIR", "/tmp", "--setenv", "PATH", "/usr/bin:/bin",
            })
            {
                a.Add(x);
            }

            if (!dotnetRoot.StartsWith("/usr/", StringComparison.Ordinal))
            {
                foreach (string x in new[] { "--ro-bind", dotnetRoot, dotnetRoot })
                {
                    a.Add(x);
                }
            }

            if (workerDirectory is not null)
            {
                foreach (string x in new[] { "--ro-bind", workerDirectory, "/grader" })
                {
                    a.Add(x);
                }
            }

            foreach (var (k, v) in env)
            {
                a.Add("--setenv");
                a.Add(k);
                a.Add(v);
            }

            a.Add("--");
            a.Add("/usr/bin/prlimit");
        }
        else
        {
            first = "prlimit";
            foreach (var (k, v) in env)
            {
                psi.Environment[k] = v;
            }

            psi.WorkingDirectory = Path.GetTempPath();
        }

        psi.FileName = first;
        foreach (string x in limits)
        {
            a.Add(x);
        }

        a.Add(program);
        foreach (string x in args)
        {
            a.Add(x);
        }

        return psi;
    }

    private static string DotnetHost()
    {
        string? path = Environment.ProcessPath;
        if (path is not null && Path.GetFileNameWithoutExtension(path) == "dotnet")
        {
            return path;
        }

        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!; // <root>/shared/Microsoft.NETCore.App/<version>
        return Path.Combine(Path.GetFullPath(Path.Combine(runtime, "..", "..", "..")), "dotnet");
    }

    private byte[] Receive(FrameKind expected)
    {
        var (kind, payload) = ReceiveAny();
        return kind == expected ? payload : throw new InvalidDataException($"expected {expected}, got {kind}");
    }

    private (FrameKind Kind, byte[] Payload) ReceiveAny()
    {
        Task<(FrameKind Kind, byte[] Payload)?> read = Task.Run(() => Frames.Read(replies));
        bool done;
        try
        {
            done = read.Wait(CallTimeout);
        }
        catch (AggregateException e) when (e.InnerException is InvalidDataException or IOException)
        {
            Kill();
            throw Ended("its reply stream broke: " + e.InnerException!.Message);
        }

        if (!done)
        {
            timedOut = true;
            Kill();
            throw new GradedCallException(CallFailure.TimedOut, CallTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture));
        }

        return read.Result ?? throw Ended("it closed its reply stream");
    }

    private GradedCallException Ended(string how)
    {
        process.WaitForExit(5_000);
        logReader.Wait(TimeSpan.FromSeconds(2));
        dead = true;
        if (flooded)
        {
            return new GradedCallException(CallFailure.Flooded, printed.ToString("N0", CultureInfo.InvariantCulture));
        }

        if (timedOut)
        {
            return new GradedCallException(CallFailure.TimedOut, CallTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture));
        }

        string exit = process.HasExited ? "exit code " + process.ExitCode.ToString(CultureInfo.InvariantCulture) : "still running, killed";
        string hint = Log.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase) || l.Contains("OutOfMemory", StringComparison.Ordinal) || l.Contains("Unhandled exception", StringComparison.Ordinal)) is { } h
            ? $"; it printed \"{(h.Length > 120 ? h[..120] : h)}\""
            : Log.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) is { } first ? $"; its first line of output: \"{(first.Length > 120 ? first[..120] : first)}\"" : "";
        return new GradedCallException(CallFailure.Crashed, $"the sandboxed process ended ({exit}{hint}); {how}");
    }

    private void ReadLog()
    {
        Stream s = process.StandardError.BaseStream;
        byte[] buffer = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
            {
                long before = printed;
                printed += n;
                if (before < KeptLogBytes)
                {
                    lock (log)
                    {
                        log.Append(Encoding.UTF8.GetString(buffer, 0, (int)Math.Min(n, KeptLogBytes - before)));
                    }
                }

                if (printed > outputLimit && !flooded)
                {
                    flooded = true;
                    Kill(); // stop reading at the cap: the output is never buffered beyond KeptLogBytes
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // the sandbox was killed
        }
    }
}
