using System.Reflection;
using NormDecay.Charts.Output;
using NormDecay.Cli.IO;

namespace NormDecay.Cli.Export;

/// <summary>
/// The shared front-end files written once per site under <c>assets/</c>: the vendored KaTeX and Vazirmatn files and the
/// site's own CSS/JS (embedded in this assembly as resources named <c>Assets/…</c>), plotly.min.js read from
/// Plotly.NET's own embedded copy, and the chart draw script of NormDecay.Charts (<see cref="ChartScript"/>), so the exported site needs no download, at export time or at reading time.
/// </summary>
internal static partial class SiteAssets
{
    /// <summary>The folder name of the shared assets inside a site.</summary>
    public const string FolderName = "assets";

    /// <summary>The file name plotly.js gets in the assets folder.</summary>
    public const string PlotlyFileName = "plotly.min.js";

    private const string ResourcePrefix = "Assets/";

    /// <summary>Relative path (with '/') to content for every vendored asset.</summary>
    public static IReadOnlyList<(string RelativePath, byte[] Content)> Vendored()
    {
        Assembly asm = typeof(SiteAssets).Assembly;
        var list = new List<(string, byte[])>();
        foreach (string name in asm.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using Stream stream = asm.GetManifestResourceStream(name)!;
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            list.Add((name[ResourcePrefix.Length..], ms.ToArray()));
        }

        if (list.Count == 0)
        {
            throw new InvalidOperationException($"No embedded resources named '{ResourcePrefix}*' in {asm.GetName().Name}: the Assets folder was not embedded (see NormDecay.Cli.csproj).");
        }

        return list;
    }

    /// <summary>
    /// plotly.min.js from Plotly.NET's assembly. The resource name (e.g. <c>Plotly.NET.plotly-2.28.0.min.js</c>) is found by
    /// reflection rather than hard-coded, so a Plotly.NET update that bumps plotly.js keeps working.
    /// </summary>
    /// <exception cref="InvalidOperationException">Plotly.NET carries no plotly-*.min.js resource; the message lists what it carries.</exception>
    public static (string Version, byte[] Content) PlotlyJs() =>
        (ChartOutput.PlotlyJsVersion, new System.Text.UTF8Encoding(false).GetBytes(ChartOutput.PlotlyJs()));

    /// <summary>Writes every shared asset (vendored files, plotly.min.js, <see cref="ChartScript.FileName"/>) under <paramref name="siteDir"/>/assets (atomically; unchanged files are left alone). Returns the plotly.js version.</summary>
    public static string WriteTo(string siteDir)
    {
        string assetsDir = Path.Combine(siteDir, FolderName);
        foreach (var (relative, content) in Vendored())
        {
            AtomicFile.WriteAllBytes(Path.Combine(assetsDir, relative.Replace('/', Path.DirectorySeparatorChar)), content);
        }

        var (version, plotly) = PlotlyJs();
        AtomicFile.WriteAllBytes(Path.Combine(assetsDir, PlotlyFileName), plotly);
        AtomicFile.WriteAllText(Path.Combine(assetsDir, ChartScript.FileName), ChartScript.Text);
        return version;
    }
}
