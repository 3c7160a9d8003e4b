using System.Diagnostics;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Execution;

/// <summary>
/// A kernel started ahead of its notebook (the warm pool of <see cref="CourseRunner"/>): the process is started in the
/// notebook's folder with its language, exactly as <see cref="NotebookRunner"/> would start it, and when the notebook's
/// first code cell is the standard setup cell (<see cref="SetupCell"/>), that cell is already submitted, so the
/// libraries are loaded and the C# compiler is warm by the time the notebook's turn comes. The setup cell's events are
/// kept and become its outputs, as if it had run then (it writes no output; it only loads the libraries).
/// </summary>
internal sealed class WarmKernel : IAsyncDisposable
{
    private KernelSession? session;

    private WarmKernel(KernelSession? session, string? setupSource, SubmissionResult? setup, TimeSpan ready, KernelException? error)
    {
        this.session = session;
        SetupSource = setupSource;
        Setup = setup;
        ReadyAfter = ready;
        Error = error;
    }

    /// <summary>The source of the setup cell that was run ahead, or null when none was.</summary>
    public string? SetupSource { get; }

    /// <summary>The setup cell's result, or null when it was not run ahead.</summary>
    public SubmissionResult? Setup { get; }

    /// <summary>Time from the start of the preparation until the kernel (and its setup cell) was ready.</summary>
    public TimeSpan ReadyAfter { get; }

    /// <summary>Why the kernel could not be started, or null.</summary>
    public KernelException? Error { get; }

    /// <summary>Time the kernel process took to report ready.</summary>
    public TimeSpan StartupTime => session?.StartupTime ?? TimeSpan.Zero;

    /// <summary>Hands the session to the runner, which then owns (and disposes) it.</summary>
    public KernelSession? Take()
    {
        KernelSession? s = session;
        session = null;
        return s;
    }

    /// <summary>Starts the kernel for <paramref name="sourcePath"/> and runs its setup cell; never throws for a kernel failure (see <see cref="Error"/>).</summary>
    public static async Task<WarmKernel> StartAsync(string sourcePath, RunOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string source = Path.GetFullPath(sourcePath);
        string? setupSource = null;
        try
        {
            NotebookFile notebook = NotebookFile.Load(source);
            NotebookCell? first = notebook.Cells.FirstOrDefault(c => c.IsCode && !string.IsNullOrWhiteSpace(c.Source));
            if (first is not null && SetupCell.Matches(first.Source) && (first.KernelName is null || first.KernelName == NotebookMetadata.KernelName))
            {
                setupSource = first.Source;
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // The runner reports the unreadable notebook itself; a kernel is still started so it has one to close.
        }

        if (NotebookRunner.KernelSettings(source, options) is not { } settings)
        {
            return new WarmKernel(null, null, null, clock.Elapsed, null);
        }

        KernelSession? session = null;
        try
        {
            session = await KernelSession.StartAsync(settings.ToolDirectory, settings.WorkingDirectory, settings.Environment, options.StartupTimeout, cancellationToken).ConfigureAwait(false);
            SubmissionResult? setup = null;
            if (setupSource is not null)
            {
                setup = await session.SubmitAsync(setupSource, options.CellTimeout, cancellationToken).ConfigureAwait(false);
            }

            return new WarmKernel(session, setup is null ? null : setupSource, setup, clock.Elapsed, null);
        }
        catch (KernelException e)
        {
            return new WarmKernel(null, null, null, clock.Elapsed, e);
        }
        catch (OperationCanceledException)
        {
            if (session is not null)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Closes the kernel unless the runner took it.</summary>
    public async ValueTask DisposeAsync()
    {
        KernelSession? s = Take();
        if (s is not null)
        {
            await s.DisposeAsync().ConfigureAwait(false);
        }
    }
}
