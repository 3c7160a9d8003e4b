using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace NormDecay.Cli.Execution;

/// <summary>
/// The pinned kernel compiled ahead of time: a copy of the <c>Microsoft.dotnet-interactive</c> tool folder in the user's
/// cache (<c>~/.cache/normdecay/kernel/VERSION-netN.N/</c>, or under <c>$XDG_CACHE_HOME</c> or <c>$NORMDECAY_CACHE</c>) whose largest assemblies (Roslyn, the .NET Interactive kernels, PowerShell, System.Reactive,
/// ...) are ReadyToRun images made with crossgen2. The tool ships them as IL only, so every kernel start compiled about
/// 30,000 methods just in time before the first cell ran; with the image, a kernel starts on precompiled code and only
/// the notebook's own code is compiled. Same assemblies, same versions, same behaviour: only where the machine code comes from
/// changes (the runtime still checks and may re-JIT any method, as it does for the framework's own ReadyToRun code).
/// <para>
/// The image is made once per machine by <c>normdecay build</c> (<see cref="PrepareAsync"/>) and then used by
/// every kernel this tool starts (<see cref="Resolve"/>); when it is absent (or crossgen2 cannot be fetched from NuGet),
/// kernels start from the tool folder itself, exactly as before. Kernels started by VS Code or Jupyter are not affected.
/// </para>
/// </summary>
public static class KernelImage
{
    /// <summary>The NuGet id of the pinned kernel tool (lower case, as in the package folder).</summary>
    public const string ToolId = "microsoft.dotnet-interactive";

    /// <summary>The kernel's entry assembly.</summary>
    public const string EntryAssembly = "Microsoft.DotNet.Interactive.App.dll";

    /// <summary>
    /// The assemblies compiled ahead of time: the ones a kernel loads on start that carry most of the methods it compiles
    /// (measured with <c>DOTNET_JitStdOutFile</c>: Roslyn about 11,000 methods, PowerShell 2,500, .NET Interactive 1,200 ...).
    /// Paths are relative to the tool folder.
    /// </summary>
    public static readonly IReadOnlyList<string> Precompiled =
    [
        "Microsoft.CodeAnalysis.dll",
        "Microsoft.CodeAnalysis.CSharp.dll",
        "Microsoft.CodeAnalysis.Scripting.dll",
        "Microsoft.CodeAnalysis.CSharp.Scripting.dll",
        "Microsoft.CodeAnalysis.Workspaces.dll",
        "Microsoft.CodeAnalysis.CSharp.Workspaces.dll",
        "Microsoft.CodeAnalysis.Features.dll",
        "Microsoft.CodeAnalysis.CSharp.Features.dll",
        "Microsoft.DotNet.Interactive.dll",
        "Microsoft.DotNet.Interactive.App.dll",
        "Microsoft.DotNet.Interactive.CSharp.dll",
        "Microsoft.DotNet.Interactive.Formatting.dll",
        "Microsoft.DotNet.Interactive.FSharp.dll",
        "Microsoft.DotNet.Interactive.PowerShell.dll",
        "Microsoft.ApplicationInsights.dll",
        "System.Composition.Hosting.dll",
        "System.Composition.TypedParts.dll",
        "System.Reactive.dll",
        "Newtonsoft.Json.dll",
        "FSharp.Core.dll",
        "runtimes/unix/lib/net9.0/System.Management.Automation.dll",
        "runtimes/unix/lib/net9.0/Microsoft.PowerShell.Commands.Utility.dll",
        "runtimes/unix/lib/net9.0/Microsoft.PowerShell.Commands.Management.dll",
    ];

    private const string StampName = ".normdecay-image";

    /// <summary>The pinned kernel version from <c>.config/dotnet-tools.json</c> under <paramref name="toolDirectory"/>, or null.</summary>
    public static string? PinnedVersion(string toolDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(toolDirectory)); dir is not null; dir = dir.Parent)
        {
            string manifest = Path.Combine(dir.FullName, ".config", "dotnet-tools.json");
            if (File.Exists(manifest))
            {
                try
                {
                    return (string?)JsonNode.Parse(File.ReadAllText(manifest))?["tools"]?[ToolId]?["version"];
                }
                catch (System.Text.Json.JsonException)
                {
                    return null;
                }
            }
        }

        return null;
    }

    /// <summary>The restored tool folder (<c>NUGET_PACKAGES</c> or <c>~/.nuget/packages</c>) holding <see cref="EntryAssembly"/>, or null.</summary>
    public static string? ToolFolder(string version)
    {
        string tools = Path.Combine(NuGetFolder.Root(), ToolId, version, "tools");
        if (!Directory.Exists(tools))
        {
            return null;
        }

        return Directory.EnumerateFiles(tools, EntryAssembly, SearchOption.AllDirectories)
            .Select(Path.GetDirectoryName)
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>The folder of this tool's per-user cache: <c>$NORMDECAY_CACHE</c>, else <c>$XDG_CACHE_HOME/normdecay</c>, else <c>~/.cache/normdecay</c>.</summary>
    public static string CacheRoot() =>
        Environment.GetEnvironmentVariable("NORMDECAY_CACHE") is { Length: > 0 } own ? own
        : Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? Path.Combine(xdg, "normdecay")
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "normdecay");

    /// <summary>Where the image of kernel <paramref name="version"/> for the running .NET version lives.</summary>
    /// <param name="version">The kernel tool's version.</param>
    /// <param name="cacheRoot">The cache folder; <see cref="CacheRoot"/> when null.</param>
    public static string ImageFolder(string version, string? cacheRoot = null) =>
        Path.Combine(cacheRoot ?? CacheRoot(), "kernel", $"{version}-net{Environment.Version.Major}.{Environment.Version.Minor}");

    /// <summary>
    /// The entry assembly to start for the kernel of <paramref name="toolDirectory"/>: the image's when a complete one
    /// exists, else the restored tool folder's; null when the tool is not restored (start <c>dotnet interactive</c> then).
    /// </summary>
    /// <param name="toolDirectory">A folder at or below the one holding <c>.config/dotnet-tools.json</c>.</param>
    /// <param name="cacheRoot">The cache folder; <see cref="CacheRoot"/> when null.</param>
    public static string? Resolve(string toolDirectory, string? cacheRoot = null)
    {
        if (Environment.GetEnvironmentVariable("NORMDECAY_NO_KERNEL_IMAGE") is { Length: > 0 })
        {
            return null;
        }

        if (PinnedVersion(toolDirectory) is not { } version)
        {
            return null;
        }

        if (IsComplete(ImageFolder(version, cacheRoot)))
        {
            return Path.Combine(ImageFolder(version, cacheRoot), EntryAssembly);
        }

        return ToolFolder(version) is { } folder ? Path.Combine(folder, EntryAssembly) : null;
    }

    /// <summary>True when <paramref name="folder"/> holds a finished image (its stamp is written last).</summary>
    public static bool IsComplete(string folder) =>
        File.Exists(Path.Combine(folder, StampName)) && File.Exists(Path.Combine(folder, EntryAssembly));

    /// <summary>
    /// Makes the image of the kernel pinned under <paramref name="toolDirectory"/> unless it exists. The folder is built
    /// beside its final place and renamed into it when complete, so a stopped build leaves no half image that kernels would
    /// use, and two builds at once cannot mix theirs. Never throws for a failure to make it (the kernels then start from the
    /// tool folder); returns what happened, for the build's log.
    /// </summary>
    /// <param name="toolDirectory">A folder at or below the one holding <c>.config/dotnet-tools.json</c>.</param>
    /// <param name="cancellationToken">Stops the compilation (nothing is left behind).</param>
    /// <param name="assemblies">What to compile (paths relative to the tool folder); <see cref="Precompiled"/> when null.</param>
    /// <param name="cacheRoot">The cache folder; <see cref="CacheRoot"/> when null.</param>
    public static async Task<string> PrepareAsync(string toolDirectory, CancellationToken cancellationToken, IReadOnlyList<string>? assemblies = null, string? cacheRoot = null)
    {
        await ToolRestore.EnsureAsync(toolDirectory, cancellationToken).ConfigureAwait(false);
        if (PinnedVersion(toolDirectory) is not { } version || ToolFolder(version) is not { } tool)
        {
            return "kernel image: the pinned kernel is not restored; kernels start from 'dotnet interactive'";
        }

        string image = ImageFolder(version, cacheRoot);
        if (IsComplete(image))
        {
            return $"kernel image: {image} (the kernel, compiled ahead of time earlier)";
        }

        var clock = Stopwatch.StartNew();
        string partial = image + ".partial-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            string crossgen = await Crossgen2.FindOrFetchAsync(cancellationToken).ConfigureAwait(false);
            CopyTree(tool, partial);
            string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            string aspnet = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(framework))!, "Microsoft.AspNetCore.App", Path.GetFileName(framework));
            string[] references =
            [
                Path.Combine(tool, "*.dll"),
                Path.Combine(tool, "runtimes", "unix", "lib", "net9.0", "*.dll"),
                Path.Combine(framework, "*.dll"),
                .. Directory.Exists(aspnet) ? [Path.Combine(aspnet, "*.dll")] : Array.Empty<string>(),
            ];
            Directory.CreateDirectory(Path.GetDirectoryName(image)!);
            var inputs = (assemblies ?? Precompiled).Where(a => File.Exists(Path.Combine(tool, a))).ToList();
            await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = cancellationToken },
                async (assembly, ct) =>
                {
                    string target = Path.Combine(partial, assembly);
                    string compiled = target + ".r2r";
                    await Crossgen2.CompileAsync(crossgen, Path.Combine(tool, assembly), compiled, references, ct).ConfigureAwait(false);
                    File.Move(compiled, target, overwrite: true);
                }).ConfigureAwait(false);
            File.WriteAllText(Path.Combine(partial, StampName), string.Create(CultureInfo.InvariantCulture,
                $"tool {ToolId} {version}\ncrossgen2 {crossgen}\nruntime {Environment.Version}\nprecompiled {inputs.Count}\n"));
            if (Directory.Exists(image) && !IsComplete(image))
            {
                Directory.Delete(image, recursive: true); // left by a copy that did not finish in an older layout
            }

            Directory.Move(partial, image);
            return string.Create(CultureInfo.InvariantCulture,
                $"kernel image: compiled {inputs.Count} kernel assemblies ahead of time in {clock.Elapsed.TotalSeconds:0} s (once per machine) into {image}");
        }
        catch (Exception e) when (e is KernelException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return IsComplete(image)
                ? $"kernel image: {image} (made by another build at the same time)"
                : $"kernel image: not made ({e.Message.Split('\n')[0]}); kernels start from the tool folder";
        }
        finally
        {
            if (Directory.Exists(partial))
            {
                try
                {
                    Directory.Delete(partial, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (string dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        Directory.CreateDirectory(to);
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
