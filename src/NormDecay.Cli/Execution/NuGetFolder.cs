namespace NormDecay.Cli.Execution;

/// <summary>The global NuGet packages folder, where restored tools (the pinned kernel) and SDK packs (crossgen2) live.</summary>
internal static class NuGetFolder
{
    /// <summary><c>$NUGET_PACKAGES</c> when set, else <c>~/.nuget/packages</c> (NuGet's own rule).</summary>
    public static string Root() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p
            ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
