using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NormDecay.Cli.Export;

namespace NormDecay.Cli.Tests.Export;

/// <summary>The hand-made executed notebooks in Fixtures/site exported once into a temporary folder, shared by a test class.</summary>
public sealed class ExportedFixtureSite : IDisposable
{
    public ExportedFixtureSite()
    {
        SiteDir = Path.Combine(Path.GetTempPath(), "nd-export-tests", Guid.NewGuid().ToString("N"), "site");
        InputHashes = Notebooks.ToDictionary(p => p, Hash);
        Report = SiteExporter.Export(Notebooks, SiteDir);
    }

    public static string FixtureDir => Path.Combine(AppContext.BaseDirectory, "Fixtures", "site");

    public static IReadOnlyList<string> Notebooks =>
        Directory.GetFiles(FixtureDir, "*.ipynb", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

    public string SiteDir { get; }

    public ExportReport Report { get; }

    public IReadOnlyDictionary<string, string> InputHashes { get; }

    public string PagePath(string language, string slug) => Path.Combine(SiteDir, language, slug + ".html");

    public IDocument Parse(string relativePath) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(SiteDir, relativePath)));

    public static string Hash(string path) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(SiteDir)!, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }
}
