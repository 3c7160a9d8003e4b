using NormDecay.Cli.Export;

namespace NormDecay.Cli.Pipeline;

/// <summary>The export step of <c>build</c> and <c>export</c>; a seam so tests can run the pipeline without writing a site.</summary>
public interface ISiteExport
{
    /// <summary>Exports executed notebooks to <paramref name="outputDir"/>.</summary>
    ExportReport Export(IReadOnlyList<string> executedNotebooks, string outputDir);
}

/// <summary>The real export: <see cref="SiteExporter.Export"/> (the exporter's entry point in src/NormDecay.Cli/Export).</summary>
public sealed class SiteExport : ISiteExport
{
    /// <inheritdoc />
    public ExportReport Export(IReadOnlyList<string> executedNotebooks, string outputDir) => SiteExporter.Export(executedNotebooks, outputDir);
}
