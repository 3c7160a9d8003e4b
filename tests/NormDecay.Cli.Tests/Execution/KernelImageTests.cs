using System.Reflection.PortableExecutable;
using NormDecay.Cli.Execution;
using NormDecay.Cli.Tests.Support;

namespace NormDecay.Cli.Tests.Execution;

/// <summary>
/// The kernel compiled ahead of time (<see cref="KernelImage"/>): where it is looked for, that an unfinished image is never
/// used, and, with the real crossgen2 and the real pinned tool, that an image is made, holds ReadyToRun code and runs cells.
/// </summary>
public class KernelImageTests
{
    private static string Temp(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "normdecay-kernelimage-" + name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string Manifest(string version)
    {
        string dir = Temp("manifest");
        Directory.CreateDirectory(Path.Combine(dir, ".config"));
        File.WriteAllText(Path.Combine(dir, ".config", "dotnet-tools.json"),
            $$"""{ "version": 1, "isRoot": true, "tools": { "microsoft.dotnet-interactive": { "version": "{{version}}", "commands": ["dotnet-interactive"] } } }""");
        return dir;
    }

    private static bool IsReadyToRun(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        return pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }

    [Fact]
    public void PinnedVersion_FromTheManifestAboveTheFolder()
    {
        string root = Manifest("9.8.7");
        string below = Path.Combine(root, "notebooks", "en");
        Directory.CreateDirectory(below);
        Assert.Equal("9.8.7", KernelImage.PinnedVersion(below));
    }

    [Fact]
    public void PinnedVersion_MalformedManifest_IsNull()
    {
        string root = Manifest("1");
        File.WriteAllText(Path.Combine(root, ".config", "dotnet-tools.json"), "{ not json");
        Assert.Null(KernelImage.PinnedVersion(root));
    }

    [Fact]
    public void Resolve_CompleteImage_IsUsed_UnfinishedOneIsNot()
    {
        string cache = Temp("cache");
        string version = KernelImage.PinnedVersion(Repo.Root)!;
        string image = KernelImage.ImageFolder(version, cache);
        Directory.CreateDirectory(image);
        File.WriteAllText(Path.Combine(image, KernelImage.EntryAssembly), "");

        // No stamp yet (a build stopped while compiling): the restored tool folder's kernel, never the half image.
        string? unfinished = KernelImage.Resolve(Repo.Root, cache);
        Assert.NotNull(unfinished);
        Assert.DoesNotContain(cache, unfinished, StringComparison.Ordinal);
        Assert.EndsWith(KernelImage.EntryAssembly, unfinished, StringComparison.Ordinal);
        Assert.True(File.Exists(unfinished), unfinished);

        File.WriteAllText(Path.Combine(image, ".normdecay-image"), "tool test\n");
        Assert.Equal(Path.Combine(image, KernelImage.EntryAssembly), KernelImage.Resolve(Repo.Root, cache));
    }

    [Fact]
    public void Resolve_ToolNotRestored_IsNull()
    {
        Assert.Null(KernelImage.Resolve(Manifest("0.0.0-never-restored"), Temp("cache")));
    }

    [Fact]
    public async Task PrepareAsync_RealCrossgen_ImageHoldsReadyToRunCodeAndRunsCells()
    {
        string cache = Temp("cache");
        try
        {
            await PrepareAndRun(cache);
        }
        finally
        {
            Directory.Delete(cache, recursive: true); // a 130 MB copy of the tool
        }
    }

    private static async Task PrepareAndRun(string cache)
    {
        string small = "Microsoft.DotNet.Interactive.CSharp.dll"; // compiles in about a second; the whole list takes minutes
        string message = await KernelImage.PrepareAsync(Repo.Root, CancellationToken.None, [small], cache);
        Assert.Contains("compiled 1 kernel assemblies ahead of time", message, StringComparison.Ordinal);

        string image = KernelImage.ImageFolder(KernelImage.PinnedVersion(Repo.Root)!, cache);
        Assert.True(KernelImage.IsComplete(image), message);
        string tool = KernelImage.ToolFolder(KernelImage.PinnedVersion(Repo.Root)!)!;
        Assert.False(IsReadyToRun(Path.Combine(tool, small))); // the tool ships IL only
        Assert.True(IsReadyToRun(Path.Combine(image, small)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(tool, "Microsoft.DotNet.Interactive.dll")), File.ReadAllBytes(Path.Combine(image, "Microsoft.DotNet.Interactive.dll")));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(image)!, "*.partial-*"));

        // A second build finds it and compiles nothing.
        Assert.Contains("compiled ahead of time earlier", await KernelImage.PrepareAsync(Repo.Root, CancellationToken.None, [small], cache), StringComparison.Ordinal);

        string entry = KernelImage.Resolve(Repo.Root, cache)!;
        Assert.Equal(Path.Combine(image, KernelImage.EntryAssembly), entry);
        await using KernelSession kernel = await KernelSession.StartAsync(Repo.Root, Repo.Root, null, TimeSpan.FromSeconds(120), CancellationToken.None, entry);
        SubmissionResult result = await kernel.SubmitAsync("System.Console.WriteLine(6 * 7);", TimeSpan.FromSeconds(60));
        Assert.True(result.Succeeded, result.KernelError);
        Assert.Contains("42", string.Join("", result.Events.Select(e => e.ToJsonString())), StringComparison.Ordinal);
    }
}
