using NormDecay.Cli.Pipeline;

namespace NormDecay.Cli.Commands;

/// <summary>What every verb gets: where to write, the folder relative paths start from, and the site exporter.</summary>
/// <param name="Output">Standard output (results, progress lines).</param>
/// <param name="Error">Standard error (errors, warnings).</param>
/// <param name="CurrentDirectory">The folder relative paths are resolved against.</param>
/// <param name="Exporter">The site exporter (tests substitute a recording one).</param>
public sealed record CliContext(TextWriter Output, TextWriter Error, string CurrentDirectory, ISiteExport Exporter)
{
    /// <summary>The full path of <paramref name="path"/>, relative to <see cref="CurrentDirectory"/>.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, CurrentDirectory);
}
