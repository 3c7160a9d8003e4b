using System.Diagnostics;

namespace NormDecay.Cli.Execution;

/// <summary>Runs a helper program (<c>dotnet tool restore</c>, <c>dotnet restore</c>, crossgen2) to its end, output captured.</summary>
internal static class ChildProcess
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/> in <paramref name="workingDirectory"/>, .NET telemetry and logo off.</summary>
    /// <returns>The exit code and standard output followed by standard error.</returns>
    /// <exception cref="KernelException">The program did not start.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the program and its children are killed.</exception>
    public static async Task<(int Exit, string Output)> RunAsync(string file, IEnumerable<string> args, string workingDirectory, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(psi) ?? throw new KernelException($"'{file} {string.Join(' ', args)}' did not start.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        Task<string> stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }
}
