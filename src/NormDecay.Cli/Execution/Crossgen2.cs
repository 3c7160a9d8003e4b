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
            (int exit, string output) = await ChildProcess.RunAsync("dotnet", ["restore", "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryPackagesProps=false"], project, cancellationToken).ConfigureAwait(false);
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

        (int exit, string text) = await ChildProcess.RunAsync(crossgen, args, Path.GetDirectoryName(input)!, cancellationToken).ConfigureAwait(false);
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
        string package = Path.Combine(NuGetFolder.Root(), "microsoft.netcore.app.crossgen2." + RuntimeInformation.RuntimeIdentifier.ToLowerInvariant());
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
}
