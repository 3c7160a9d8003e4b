using Spectre.Console.Cli;

namespace NormDecay.Cli.Commands;

/// <summary>
/// The base of every verb: runs <see cref="RunAsync"/> and turns user errors into one line and an exit code
/// (<see cref="ExitCodes"/>): <see cref="CliException"/> carries its own code, a missing path is a usage error, Ctrl-C
/// (the cancellation token) ends with <see cref="ExitCodes.Interrupted"/> after the kernels are stopped.
/// </summary>
/// <typeparam name="TSettings">The verb's options.</typeparam>
public abstract class VerbCommand<TSettings>(CliContext context) : AsyncCommand<TSettings>
    where TSettings : CommandSettings
{
    /// <summary>Where to write, the current folder and the exporter.</summary>
    protected CliContext Context { get; } = context;

    /// <summary>The verb's work; returns the exit code.</summary>
    protected abstract Task<int> RunAsync(CommandContext command, TSettings settings, CancellationToken cancellationToken);

    /// <inheritdoc/>
    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(context, settings, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException e)
        {
            await Context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return e.ExitCode;
        }
        catch (FileNotFoundException e)
        {
            await Context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Context.Error.WriteLineAsync($"interrupted: '{context.Name}' stopped with Ctrl-C; running kernels were stopped and no partial notebook was written").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
    }
}
