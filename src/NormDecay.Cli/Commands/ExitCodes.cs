namespace NormDecay.Cli.Commands;

/// <summary>The exit codes of <c>normdecay</c> (the README lists them).</summary>
public static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>A notebook failed (named with its cell and error), <c>check</c> found problems, or a page could not be exported.</summary>
    public const int Failed = 1;

    /// <summary>Wrong usage: unknown verb or option, a bad value, a path that does not exist.</summary>
    public const int Usage = 2;

    /// <summary>The output folder cannot be written (found before anything is executed).</summary>
    public const int OutputNotWritable = 3;

    /// <summary>A notebook this tool cannot run: another language's kernelspec (e.g. Python), or not a notebook at all.</summary>
    public const int NotRunnable = 4;

    /// <summary>Stopped with Ctrl-C (SIGINT): the kernels were stopped. 128 + 2, as shells report it.</summary>
    public const int Interrupted = 130;
}
