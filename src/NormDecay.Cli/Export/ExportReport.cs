namespace NormDecay.Cli.Export;

/// <summary>Whether a notebook is a lesson (file name starts with a digit, e.g. <c>03-gamma-beta</c>), an assignment (<c>a1-…</c>), or something else.</summary>
public enum PageKind
{
    /// <summary>A lesson: the file name starts with a digit.</summary>
    Lesson,

    /// <summary>
    /// An assignment: the file name starts with 'a' and a digit, or the notebook is coursework
    /// (<see cref="Coursework.Assigner.IsAssignment"/>); its page shows the student notebook, never the instructor's.
    /// </summary>
    Assignment,

    /// <summary>Any other notebook (listed after the assignments).</summary>
    Other,
}

/// <summary>One exported page.</summary>
/// <param name="Notebook">Full path of the executed notebook it was made from (read, never written).</param>
/// <param name="OutputPath">Full path of the HTML page written.</param>
/// <param name="Language">Language code ("en", "fa").</param>
/// <param name="Title">The notebook's first heading (its file name when it has none).</param>
/// <param name="Kind">Lesson, assignment or other.</param>
/// <param name="CodeCells">Number of code cells shown.</param>
/// <param name="Charts">Number of chart containers on the page (each drawn from plotly JSON).</param>
/// <param name="Formulas">Number of LaTeX formulas left for KaTeX to typeset.</param>
/// <param name="PlumbingRemoved">Number of kernel-plumbing outputs left out (probe scripts, "Installed Packages" …).</param>
/// <param name="NotebookCopy">
/// Full path of the notebook the page offers as a download, beside the page: a lesson's executed notebook (same file
/// name), an assignment's student notebook as <c>assign</c> writes it (its release file name, e.g.
/// <c>a1-batchnorm.fa.ipynb</c>), never an assignment's executed instructor copy.
/// </param>
public sealed record ExportedPage(
    string Notebook,
    string OutputPath,
    string Language,
    string Title,
    PageKind Kind,
    int CodeCells,
    int Charts,
    int Formulas,
    int PlumbingRemoved,
    string? NotebookCopy = null);

/// <summary>A notebook that could not be exported, and why.</summary>
/// <param name="Notebook">Full path of the notebook.</param>
/// <param name="Message">What went wrong, naming the file and the problem.</param>
public sealed record ExportFailure(string Notebook, string Message);

/// <summary>The result of an export: what was written, what failed, what looked wrong.</summary>
/// <param name="OutputDirectory">Full path of the site (or the folder of a single page).</param>
/// <param name="IndexPath">Full path of <c>index.html</c>; null for a single-page export.</param>
/// <param name="Pages">The pages written, in site order (per language: lessons, assignments, others).</param>
/// <param name="Failures">Notebooks that could not be exported; the others were still exported.</param>
/// <param name="Warnings">Things that were exported but not as intended (e.g. a chart with no plotly JSON), naming notebook, cell and output.</param>
/// <param name="PlotlyVersion">The plotly.js version copied from Plotly.NET's embedded resource.</param>
/// <param name="Elapsed">Wall-clock time of the export.</param>
public sealed record ExportReport(
    string OutputDirectory,
    string? IndexPath,
    IReadOnlyList<ExportedPage> Pages,
    IReadOnlyList<ExportFailure> Failures,
    IReadOnlyList<string> Warnings,
    string PlotlyVersion,
    TimeSpan Elapsed)
{
    /// <summary>True when every notebook was exported.</summary>
    public bool Succeeded => Failures.Count == 0;
}
