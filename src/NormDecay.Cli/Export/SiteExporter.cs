using System.Diagnostics;
using System.Text.RegularExpressions;
using NormDecay.Charts.Text;
using NormDecay.Cli.IO;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Export;

/// <summary>
/// Exports executed notebooks as an offline HTML course site: <c>index.html</c> (English and Persian lists of lessons and
/// assignments), one page per notebook under <c>&lt;language&gt;/</c>, shared assets once under <c>assets/</c>
/// (plotly.js from Plotly.NET, KaTeX, Vazirmatn). Every URL is relative, nothing loads from the network, every file is
/// written atomically, and the input notebooks are only read.
/// </summary>
public static partial class SiteExporter
{
    private sealed record Entry(string Path, string Language, string Slug, PageKind Kind, NotebookFile Notebook, string Title);

    /// <summary>
    /// Exports <paramref name="executedNotebookPaths"/> (e.g. <c>artifacts/notebooks/en/01-inputs.ipynb</c>) as a site in
    /// <paramref name="outputDir"/>. A notebook's language is the name of its folder (<c>en</c>, <c>fa</c>); notebooks with the same
    /// file name in two languages are linked to each other. A notebook that cannot be read is reported in
    /// <see cref="ExportReport.Failures"/> and the others are still exported.
    /// </summary>
    /// <exception cref="ArgumentException">No paths were given, or <paramref name="outputDir"/> is empty.</exception>
    public static ExportReport Export(IReadOnlyList<string> executedNotebookPaths, string outputDir, ExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(executedNotebookPaths);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDir);
        if (executedNotebookPaths.Count == 0)
        {
            throw new ArgumentException("No notebooks to export: executedNotebookPaths is empty.", nameof(executedNotebookPaths));
        }

        options ??= ExportOptions.Default;
        var clock = Stopwatch.StartNew();
        string site = Path.GetFullPath(outputDir);
        var failures = new List<ExportFailure>();
        var warnings = new List<string>();
        var entries = new List<Entry>();
        foreach (string raw in executedNotebookPaths)
        {
            string path = Path.GetFullPath(raw);
            try
            {
                Entry entry = Load(path, options);
                if (entries.Any(e => e.Language == entry.Language && e.Slug == entry.Slug))
                {
                    failures.Add(new ExportFailure(path, $"Two notebooks named '{entry.Slug}' in language '{entry.Language}'; '{path}' was skipped."));
                    continue;
                }

                entries.Add(entry);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or InvalidOperationException)
            {
                failures.Add(new ExportFailure(path, e.Message));
            }
        }

        string plotlyVersion = SiteAssets.WriteTo(site);
        var pages = new List<ExportedPage>();
        foreach (IGrouping<string, Entry> group in entries.GroupBy(e => e.Language).OrderBy(g => LanguageOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            Entry[] ordered = [.. group.OrderBy(e => e.Kind).ThenBy(e => e.Slug, StringComparer.Ordinal)];
            for (int i = 0; i < ordered.Length; i++)
            {
                Entry e = ordered[i];
                Entry? alternate = entries.Where(x => x.Slug == e.Slug && x.Language != e.Language).OrderBy(x => LanguageOrder(x.Language)).FirstOrDefault();
                var context = new PageContext(
                    e.Language,
                    e.Title,
                    $"../{SiteAssets.FolderName}/",
                    new PageLink("../index.html", SiteStrings.For(e.Language).Contents),
                    i > 0 ? new PageLink(ordered[i - 1].Slug + ".html", ordered[i - 1].Title) : null,
                    i + 1 < ordered.Length ? new PageLink(ordered[i + 1].Slug + ".html", ordered[i + 1].Title) : null,
                    alternate is null ? null : new PageLink($"../{alternate.Language}/{alternate.Slug}.html", alternate.Title),
                    alternate?.Language);
                string output = Path.Combine(site, e.Language, e.Slug + ".html");
                pages.Add(WritePage(e, context, output, warnings));
            }
        }

        string indexPath = Path.Combine(site, "index.html");
        AtomicFile.WriteAllText(indexPath, IndexRenderer.Render(pages, site, options));
        return new ExportReport(site, indexPath, pages, failures, warnings, plotlyVersion, clock.Elapsed);
    }

    /// <summary>
    /// Exports one notebook as a stand-alone page at <paramref name="outputHtmlPath"/>, with the shared assets written to an
    /// <c>assets/</c> folder beside it. No index, no previous/next links.
    /// </summary>
    /// <exception cref="InvalidDataException">The notebook is not a readable nbformat 4 file.</exception>
    public static ExportReport ExportSinglePage(string notebookPath, string outputHtmlPath, ExportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notebookPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputHtmlPath);
        options ??= ExportOptions.Default;
        var clock = Stopwatch.StartNew();
        string output = Path.GetFullPath(outputHtmlPath);
        string dir = Path.GetDirectoryName(output)!;
        Entry e = Load(Path.GetFullPath(notebookPath), options);
        string plotlyVersion = SiteAssets.WriteTo(dir);
        var warnings = new List<string>();
        var context = new PageContext(e.Language, e.Title, $"{SiteAssets.FolderName}/", null, null, null, null, null);
        ExportedPage page = WritePage(e, context, output, warnings);
        return new ExportReport(dir, null, [page], [], warnings, plotlyVersion, clock.Elapsed);
    }

    /// <summary>The kind of a notebook from its file name: <c>NN-…</c> lesson, <c>aN-…</c> assignment, anything else other.</summary>
    public static PageKind KindOf(string fileNameWithoutExtension) =>
        LessonName().IsMatch(fileNameWithoutExtension) ? PageKind.Lesson
        : AssignmentName().IsMatch(fileNameWithoutExtension) ? PageKind.Assignment
        : PageKind.Other;

    private static ExportedPage WritePage(Entry e, PageContext context, string output, List<string> warnings)
    {
        if (string.Equals(output, e.Path, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Refusing to overwrite the input notebook '{e.Path}'.");
        }

        RenderedPage page = PageRenderer.Render(e.Notebook, context);
        warnings.AddRange(page.Warnings);
        AtomicFile.WriteAllText(output, page.Html);
        return new ExportedPage(e.Path, output, e.Language, e.Title, e.Kind, page.CodeCells, page.Charts, page.Formulas, page.PlumbingRemoved);
    }

    private static Entry Load(string path, ExportOptions options)
    {
        if (!File.Exists(path))
        {
            throw new IOException($"Notebook '{path}' does not exist.");
        }

        NotebookFile notebook = NotebookFile.Load(path);
        if (notebook.Format != 4)
        {
            throw new InvalidDataException($"Notebook '{path}': nbformat is {notebook.Format}, the exporter reads nbformat 4 only.");
        }

        string slug = Path.GetFileNameWithoutExtension(path);
        string folder = Path.GetFileName(Path.GetDirectoryName(path)) ?? "";
        string language = LanguageFolder().IsMatch(folder) ? folder : options.DefaultLanguage;
        string title = notebook.Cells.Where(c => c.CellType == "markdown")
            .Select(c => MarkdownRenderer.FirstHeading(c.Source))
            .FirstOrDefault(t => t is not null) ?? slug;
        return new Entry(path, language, slug, KindOf(slug), notebook, title);
    }

    private static int LanguageOrder(string language) => CourseLanguage.Order(language);

    [GeneratedRegex(@"^\d")]
    private static partial Regex LessonName();

    [GeneratedRegex(@"^[aA]\d")]
    private static partial Regex AssignmentName();

    [GeneratedRegex(@"^[a-z]{2}$")]
    private static partial Regex LanguageFolder();
}
