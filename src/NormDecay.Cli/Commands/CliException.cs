namespace NormDecay.Cli.Commands;

/// <summary>A user error that ends a verb with one line on standard error and <see cref="ExitCode"/>; never a stack trace.</summary>
public class CliException(string message, int exitCode) : Exception(message)
{
    /// <summary>The process exit code (see <see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; } = exitCode;
}

/// <summary>Wrong command-line usage (<see cref="ExitCodes.Usage"/>).</summary>
public sealed class UsageException(string message) : CliException(message, ExitCodes.Usage);

/// <summary>An output folder that cannot be written (<see cref="ExitCodes.OutputNotWritable"/>).</summary>
public sealed class OutputFolderException(string message) : CliException(message, ExitCodes.OutputNotWritable);

/// <summary>A notebook the tool cannot run, e.g. a Python notebook (<see cref="ExitCodes.NotRunnable"/>).</summary>
public sealed class NotRunnableException(string message) : CliException(message, ExitCodes.NotRunnable);
