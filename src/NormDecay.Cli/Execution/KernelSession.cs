using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace NormDecay.Cli.Execution;

/// <summary>
/// One out-of-process .NET Interactive kernel: the pinned tool run as <c>dotnet interactive stdio</c> (its entry assembly started directly, from the ahead-of-time <see cref="KernelImage"/> when there is one; from the
/// repository's <c>.config/dotnet-tools.json</c>, so it is exactly the kernel users run), driven with its JSON command/event
/// protocol: one <c>SubmitCode</c> envelope per line on stdin, one event envelope per line on stdout. Out of process, a
/// looping cell can be stopped by killing the process tree, and the kernel's working folder is the notebook's folder, so
/// relative <c>#r</c> paths resolve as in VS Code.
/// </summary>
public sealed class KernelSession : IAsyncDisposable
{
    private readonly Process process;
    private readonly Channel<JsonObject> events = Channel.CreateUnbounded<JsonObject>();
    private readonly Task pump;
    private int next;

    private KernelSession(Process process)
    {
        this.process = process;
        pump = Task.Run(PumpAsync);
    }

    /// <summary>Time from process start to the kernel's <c>KernelReady</c> event.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>Everything the kernel wrote to stderr so far (for error messages).</summary>
    public string StandardError => stderr.ToString();

    private readonly System.Text.StringBuilder stderr = new();

    /// <summary>Starts <c>dotnet interactive stdio</c> and waits until it reports <c>KernelReady</c>.</summary>
    /// <param name="toolDirectory">A folder at or below the one holding <c>.config/dotnet-tools.json</c> (the tool is resolved from there).</param>
    /// <param name="workingDirectory">The kernel's working folder (the notebook's folder).</param>
    /// <param name="environment">Extra environment variables (e.g. <c>NORMDECAY_LANG</c>).</param>
    /// <param name="timeout">How long to wait for the kernel to start.</param>
    /// <param name="cancellationToken">Cancels the start (the process is killed).</param>
    /// <param name="entryAssembly">The kernel's entry assembly to start; when null, <see cref="KernelImage.Resolve"/> picks it.</param>
    /// <exception cref="KernelException">The process could not start, exited, or was not ready in time; the message has its stderr.</exception>
    public static async Task<KernelSession> StartAsync(string toolDirectory, string workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, CancellationToken cancellationToken = default, string? entryAssembly = null)
    {
        await ToolRestore.EnsureAsync(toolDirectory, cancellationToken).ConfigureAwait(false);
        string? entry = entryAssembly ?? KernelImage.Resolve(toolDirectory);
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = toolDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new System.Text.UTF8Encoding(false),
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
        };
        // The restored tool's entry assembly (from the ahead-of-time image when there is one: KernelImage), started directly;
        // `dotnet interactive` would resolve the same assembly through the SDK and keep the SDK's process alive beside it.
        string[] launch = entry is null ? ["interactive"] : ["exec", entry];
        foreach (string a in launch.Concat(["stdio", "--default-kernel", "csharp", "--working-dir", Path.GetFullPath(workingDirectory)]))
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["NORMDECAY_PARENT_PID"] = // read by NormDecay.Notebook.ParentWatch: the kernel exits when this process is gone
            Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        // Tiered compilation off (unless the caller's environment sets it): every method is compiled optimized once and
        // the kernel image's ReadyToRun code is used as it is. With it on, the runtime re-compiles every hot compiler
        // method in the background (instrumented, then again optimized) in each kernel, for every notebook: the course
        // build measured 150 s and 300 CPU s with it, 86 s and 165 CPU s without (36 notebooks, 2 cores). What it costs:
        // no dynamic PGO, so a tight loop may run slower than under VS Code (lesson 06's dense product: 0.19 against 0.11
        // ms); every lesson's claims hold both ways. VS Code's and Jupyter's kernels are not affected.
        if (!psi.Environment.ContainsKey(TieredCompilationVariable))
        {
            psi.Environment[TieredCompilationVariable] = "0";
        }

        var clock = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new KernelException("'dotnet interactive stdio' did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new KernelException($"Could not start 'dotnet interactive stdio' in '{toolDirectory}': {e.Message}", e);
        }

        var session = new KernelSession(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (session.stderr)
                {
                    session.stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            while (true)
            {
                JsonObject e = await session.events.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
                if ((string?)e["eventType"] == "KernelReady")
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await session.DisposeAsync().ConfigureAwait(false); // stopped by the caller (Ctrl-C): the kernel goes, the cancellation goes on
            throw;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            string err = session.StandardError;
            await session.DisposeAsync().ConfigureAwait(false);
            throw new KernelException(
                ex is ChannelClosedException
                    ? $"The kernel exited before it was ready (run 'dotnet tool restore' in the repository?). stderr: {err}"
                    : $"The kernel was not ready after {timeout.TotalSeconds:0} s. stderr: {err}", ex);
        }

        session.StartupTime = clock.Elapsed;
        return session;
    }

    /// <summary>
    /// Submits one cell and collects its events until <c>CommandSucceeded</c> or <c>CommandFailed</c>. On timeout the kernel
    /// process tree is killed (the session is unusable afterwards) and <see cref="SubmissionResult.TimedOut"/> is set.
    /// </summary>
    /// <param name="code">The cell source.</param>
    /// <param name="timeout">Per-cell time limit.</param>
    /// <param name="cancellationToken">Cancels the wait (the kernel is killed).</param>
    public async Task<SubmissionResult> SubmitAsync(string code, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        string token = "nd-" + Interlocked.Increment(ref next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var envelope = new JsonObject
        {
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = code, ["targetKernelName"] = "csharp" },
            ["token"] = token,
        };
        var clock = Stopwatch.StartNew();
        await process.StandardInput.WriteLineAsync(envelope.ToJsonString()).ConfigureAwait(false);
        await process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);

        var collected = new List<JsonObject>();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            while (true)
            {
                JsonObject e = await events.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
                string? eventToken = (string?)e["command"]?["token"];
                if (eventToken is null || !(eventToken == token || eventToken.StartsWith(token + ".", StringComparison.Ordinal)))
                {
                    continue;
                }

                string type = (string?)e["eventType"] ?? "";
                if (eventToken == token && type is "CommandSucceeded" or "CommandFailed")
                {
                    collected.Add(e);
                    return new SubmissionResult(collected, type == "CommandSucceeded", false, clock.Elapsed);
                }

                collected.Add(e);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            return new SubmissionResult(collected, false, true, clock.Elapsed);
        }
        catch (ChannelClosedException)
        {
            return new SubmissionResult(collected, false, false, clock.Elapsed, $"The kernel process exited while running the cell. stderr: {StandardError}");
        }
    }

    /// <summary>Kills the kernel process tree.</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    /// <summary>
    /// The runtime setting kernels started here get as <c>0</c> unless the environment already sets it (see
    /// <see cref="StartAsync"/>); set <c>DOTNET_TieredCompilation=1</c> to run kernels as VS Code does.
    /// </summary>
    public const string TieredCompilationVariable = "DOTNET_TieredCompilation";

    /// <summary>The kernel's process id.</summary>
    public int ProcessId => process.Id;

    /// <summary>
    /// True once <see cref="DisposeAsync"/> has killed the kernel's process tree and seen the kernel process exit.
    /// </summary>
    public bool Ended { get; private set; }

    /// <summary>
    /// Ends the kernel: kills its process tree (the kernel and anything a cell started) and waits until it has exited. The
    /// kernel holds nothing to save once its last cell has answered. Closing stdin and waiting, as before, cost every
    /// notebook 2 s of its slot and about 2 CPU seconds: the pinned kernel (1.0.712001) does not exit at the end of its
    /// input but spins at one full core until it is killed (measured). The protocol's <c>Quit</c> command would end the
    /// kernel alone and leave what a cell started running.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            process.StandardInput.Close();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // the kernel is gone already
        }

        Kill();
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            Ended = true;
        }
        catch (OperationCanceledException)
        {
            // the kill did not land within 10 s (never seen); do not hang the build on it
        }
        catch (InvalidOperationException)
        {
            Ended = true; // never started
        }

        try
        {
            // The event pump ends at the end of the kernel's stdout. A process that left the tree (a daemon a cell
            // started) could hold that pipe open for ever: wait for it a short while only.
            await pump.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or TimeoutException)
        {
        }

        process.Dispose();
    }

    private async Task PumpAsync()
    {
        try
        {
            while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (line.Length == 0 || line[0] != '{')
                {
                    continue; // the tool's welcome banner
                }

                try
                {
                    if (JsonNode.Parse(line) is JsonObject o)
                    {
                        events.Writer.TryWrite(o);
                    }
                }
                catch (JsonException)
                {
                    // not an event line
                }
            }
        }
        finally
        {
            events.Writer.TryComplete();
        }
    }
}

/// <summary>The events of one submitted cell.</summary>
/// <param name="Events">Event envelopes in arrival order (the final CommandSucceeded/CommandFailed included).</param>
/// <param name="Succeeded">True when the kernel reported CommandSucceeded.</param>
/// <param name="TimedOut">True when the per-cell limit elapsed (the kernel was killed).</param>
/// <param name="Elapsed">Wall-clock time of the cell.</param>
/// <param name="KernelError">Set when the kernel process died.</param>
public sealed record SubmissionResult(IReadOnlyList<JsonObject> Events, bool Succeeded, bool TimedOut, TimeSpan Elapsed, string? KernelError = null);

/// <summary>The kernel could not be started or died.</summary>
public sealed class KernelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KernelException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public KernelException(string message, Exception inner) : base(message, inner)
    {
    }
}
