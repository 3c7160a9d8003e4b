using System.Diagnostics;
using System.Text.RegularExpressions;
using NormDecay.Charts.Text;
using NormDecay.Cli.Coursework;
using NormDecay.Cli.IO;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Export;

/// <summary>
/// Exports executed notebooks as an offline HTML course site: <c>index.html</c> (English and Persian lists of lessons and
/// assignments), one page per notebook under <c>&lt;language&gt;/</c>, shared assets once under <c>assets/</c>
/// (plotly.js from Plotly.NET, KaTeX, Vazirmatn). Every lesson page links to a copy of its executed notebook beside it
/// (<c>&lt;language&gt;/&lt;name&gt;.ipynb</c>) for download. An assignment (<see cref="Assigner.IsAssignment"/>, or an
/// <c>aN-…</c> file name) is never shown from its executed instructor copy: its page shows the student notebook exactly as
/// <c>assign</c> writes it (<see cref="Assigner.StudentNotebook"/>: solution regions stubbed, hidden tests removed, no
/// outputs), and offers that notebook for download under its release name. Every URL is relative, nothing loads from the
/// network, every file is written atomically, and the input notebooks are only read.
/// </summary>
public static partial class SiteExporter
{
    /// <param name="Path">Full path of the input notebook.</param>
    /// <param name="Language">Language code of the page.</param>
    /// <param name="Slug">The page's file name without extension.</param>
    /// <param name="Kind">Lesson, assignment or other.</param>
    /// <param name="Notebook">What the page shows: the input as it is, or for an assignment its student notebook.</param>
    /// <param name="Title">The first heading.</param>
    /// <param name="Download">File name of the notebook offered beside the page.</param>
    /// <param name="StudentJson">For an assignment, the student notebook written as the download; null: the input is copied.</param>
    private sealed record Entry(string Path, string Language, string Slug, PageKind Kind, NotebookFile Notebook, string Title, string Download, string? StudentJson);

    /// <summary>
    /// Exports <paramref name="executedNotebookPaths"/> (e.g. <c>artifacts/notebooks/en/01-inputs.ipynb</c>) as a site in
    /// <paramref name="outputDir"/>. A notebook's language is the one in its metadata (<c>metadata.normdecay.lang</c>), else the
    /// name of its folder (<c>en</c>, <c>fa</c>), else <see cref="ExportOptions.DefaultLanguage"/>; notebooks with the same
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

                if (entries.FirstOrDefault(e => e.Language == entry.Language && e.Download == entry.Download) is { } same)
                {
                    failures.Add(new ExportFailure(path, $"'{path}' and '{same.Path}' would both be downloaded as '{entry.Language}/{entry.Download}'; '{path}' was skipped."));
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
                    alternate?.Language,
                    e.Download,
                    e.Kind == PageKind.Assignment);
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
    /// <c>assets/</c> folder beside it, and a copy of the notebook under its own file name beside the page for download (none
    /// is needed when the page is exported beside the notebook); an assignment offers its student notebook instead. No
    /// index, no previous/next links.
    /// </summary>
    /// <exception cref="InvalidDataException">The notebook is not a readable nbformat 4 file, or an assignment's student notebook cannot be made.</exception>
    /// <exception cref="InvalidOperationException">The page or an assignment's student notebook would overwrite the input.</exception>
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
        var context = new PageContext(e.Language, e.Title, $"{SiteAssets.FolderName}/", null, null, null, null, null, e.Download, e.Kind == PageKind.Assignment);
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

        string? download = context.Download is null ? null : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(output)!, context.Download));
        if (e.StudentJson is not null && string.Equals(download, e.Path, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Refusing to overwrite the instructor's notebook '{e.Path}' with its student version; export the page to another folder.");
        }

        RenderedPage page = PageRenderer.Render(e.Notebook, context);
        warnings.AddRange(page.Warnings);
        string? copy = download is null ? null
            : e.StudentJson is string student ? WriteStudentNotebook(download, student)
            : CopyNotebook(e.Path, download);
        AtomicFile.WriteAllText(output, page.Html);
        return new ExportedPage(e.Path, output, e.Language, e.Title, e.Kind, page.CodeCells, page.Charts, page.Formulas, page.PlumbingRemoved, copy);
    }

    /// <summary>Writes an assignment's student notebook (atomically) as the page's download.</summary>
    private static string WriteStudentNotebook(string target, string json)
    {
        AtomicFile.WriteAllText(target, json);
        return target;
    }

    /// <summary>Copies the executed notebook byte for byte to <paramref name="target"/> (atomically); nothing to do when it is the notebook itself.</summary>
    private static string CopyNotebook(string notebook, string target)
    {
        string full = Path.GetFullPath(target);
        if (!string.Equals(full, notebook, StringComparison.Ordinal))
        {
            AtomicFile.WriteAllBytes(full, File.ReadAllBytes(notebook));
        }

        return full;
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

        NotebookFile strict = notebook;
        string slug = Path.GetFileNameWithoutExtension(path);
        string folder = Path.GetFileName(Path.GetDirectoryName(path)) ?? "";
        string language = NotebookMetadata.Language(strict) ?? (LanguageFolder().IsMatch(folder) ? folder : options.DefaultLanguage);
        PageKind kind = KindOf(slug);
        string download = Path.GetFileName(path);
        string? student = null;
        bool marked = notebook.Cells.Any(c => c.CellType == "code" && (Regions.HasSolution(c.Source) || Regions.HasHiddenTests(c.Source)));
        if (kind == PageKind.Assignment || marked || Assigner.IsAssignment(strict))
        {
            // The executed copy holds the solutions, the hidden tests and their outputs: show what assign hands out.
            student = Assigner.StudentNotebook(strict).ToJson();
            notebook = NotebookFile.Parse(student, path);
            kind = PageKind.Assignment;
            download = Assigner.ReleaseFileName(GradeCell.AssignmentId(strict) ?? slug, language);
        }

        string title = notebook.Cells.Where(c => c.CellType == "markdown")
            .Select(c => MarkdownRenderer.FirstHeading(c.Source))
            .FirstOrDefault(t => t is not null) ?? slug;
        return new Entry(path, language, slug, kind, notebook, title, download, student);
    }

    private static int LanguageOrder(string language) => CourseLanguage.Order(language);

    [GeneratedRegex(@"^\d")]
    private static partial Regex LessonName();

    [GeneratedRegex(@"^[aA]\d")]
    private static partial Regex AssignmentName();

    [GeneratedRegex(@"^[a-z]{2}$")]
    private static partial Regex LanguageFolder();
}
