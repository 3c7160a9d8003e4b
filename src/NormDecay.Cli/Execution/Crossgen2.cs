using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NormDecay.Cli.Execution;

/// <summary>
/// The ReadyToRun compiler of the running .NET version, from the NuGet package the SDK itself uses for
/// <c>PublishReadyToRun</c> (<c>Microsoft.NETCore.App.Crossgen2.RID</c>). It is fetched the way the SDK fetches it: by
/// restoring a throw-away project (outside the checkout, so the repository's build settings do not apply) that asks for
/// ReadyToRun; the SDK picks the package version that matches it.
/// </summary>
internal static class Crossgen2
{
    /// <summary>The crossgen2 executable, restoring its package first when it is not in the NuGet folder.</summary>
    /// <exception cref="KernelException">The package could not be restored or holds no crossgen2.</exception>
    public static async Task<string> FindOrFetchAsync(CancellationToken cancellationToken)
    {
        if (Find() is { } found)
        {
            return found;
        }

        string project = Path.Combine(Path.GetTempPath(), "normdecay-crossgen2-" + Environment.ProcessId);
        Directory.CreateDirectory(project);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(project, "fetch.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net{Environment.Version.Major}.{Environment.Version.Minor}</TargetFramework>
                    <RuntimeIdentifier>{RuntimeInformation.RuntimeIdentifier}</RuntimeIdentifier>
                    <PublishReadyToRun>true</PublishReadyToRun>
                    <SelfContained>false</SelfContained>
                  </PropertyGroup>
                </Project>
                """, cancellationToken).ConfigureAwait(false);
            (int exit, string output) = await RunAsync("dotnet", ["restore", "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryPackagesProps=false"], project, cancellationToken).ConfigureAwait(false);
            if (exit != 0)
            {
                throw new KernelException($"restoring the crossgen2 package failed (exit {exit}): {output.Trim()}");
            }
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }

        return Find() ?? throw new KernelException("the crossgen2 package was restored but holds no crossgen2 executable");
    }

    /// <summary>Compiles <paramref name="input"/> to a ReadyToRun image at <paramref name="output"/>.</summary>
    /// <exception cref="KernelException">crossgen2 failed; the message has its output.</exception>
    public static async Task CompileAsync(string crossgen, string input, string output, IEnumerable<string> references, CancellationToken cancellationToken)
    {
        var args = new List<string> { input, "-o", output, "-O", "--resilient", "--targetos", TargetOs(), "--targetarch", Architecture() };
        foreach (string r in references)
        {
            args.Add("-r");
            args.Add(r);
        }

        (int exit, string text) = await RunAsync(crossgen, args, Path.GetDirectoryName(input)!, cancellationToken).ConfigureAwait(false);
        if (exit != 0 || !File.Exists(output))
        {
            throw new KernelException($"crossgen2 failed on {Path.GetFileName(input)} (exit {exit}): {text.Trim()}");
        }
    }

    private static string TargetOs() => OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "osx" : "linux";

    private static string Architecture() => RuntimeInformation.ProcessArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        _ => "x64",
    };

    private static string? Find()
    {
        string root = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p
            ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string package = Path.Combine(root, "microsoft.netcore.app.crossgen2." + RuntimeInformation.RuntimeIdentifier.ToLowerInvariant());
        if (!Directory.Exists(package))
        {
            return null;
        }

        // The newest patch of the running major.minor version.
        string prefix = $"{Environment.Version.Major}.{Environment.Version.Minor}.";
        return Directory.EnumerateDirectories(package)
            .Where(d => Path.GetFileName(d).StartsWith(prefix, StringComparison.Ordinal))
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d), out Version? v) ? v : new Version(0, 0))
            .Select(d => Path.Combine(d, "tools", "crossgen2"))
            .FirstOrDefault(File.Exists);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, IEnumerable<string> args, string workingDirectory, CancellationToken cancellationToken)
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
        using Process process = Process.Start(psi) ?? throw new KernelException($"'{file}' did not start.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
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
