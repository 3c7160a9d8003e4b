using System.Text.RegularExpressions;
using System.Text;
using NormDecay.Charts.Output;
using NormDecay.Charts.Text;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Export;

/// <summary>A link to another page of the site.</summary>
/// <param name="Href">Relative URL.</param>
/// <param name="Title">Text shown for it.</param>
internal readonly record struct PageLink(string Href, string Title);

/// <summary>Where a page sits in the site: its language, its neighbours, and the relative paths it needs.</summary>
/// <param name="Language">Language code of the page ("en", "fa").</param>
/// <param name="Title">Page title (the notebook's first heading).</param>
/// <param name="AssetsPrefix">Relative URL of the assets folder, ending in '/'.</param>
/// <param name="Index">Link to the site's index, or null for a stand-alone page.</param>
/// <param name="Previous">Previous page in the same language, if any.</param>
/// <param name="Next">Next page in the same language, if any.</param>
/// <param name="Alternate">The same notebook in the other language, if any, with that language's code.</param>
/// <param name="AlternateLanguage">Language code of <paramref name="Alternate"/>.</param>
/// <param name="Download">Relative URL of the page's notebook copied into the site (offered as a download), or null for none.</param>
/// <param name="Assignment">The page is an assignment: the download is the student notebook, with the note that it is run and handed in.</param>
internal sealed record PageContext(
    string Language,
    string Title,
    string AssetsPrefix,
    PageLink? Index,
    PageLink? Previous,
    PageLink? Next,
    PageLink? Alternate,
    string? AlternateLanguage,
    string? Download = null,
    bool Assignment = false);

/// <summary>A rendered page and what it contains.</summary>
internal sealed record RenderedPage(string Html, int Charts, int Formulas, int CodeCells, int PlumbingRemoved, IReadOnlyList<string> Warnings);

/// <summary>
/// Renders one executed notebook as a complete HTML page: markdown (math left for KaTeX), highlighted code,
/// outputs (charts from plotly JSON), navigation. Right-to-left pages keep code, outputs and formulas left-to-right.
/// </summary>
internal static partial class PageRenderer
{
    /// <summary>Renders <paramref name="notebook"/> in the place described by <paramref name="context"/>.</summary>
    public static RenderedPage Render(NotebookFile notebook, PageContext context)
    {
        var warnings = new List<string>();
        var body = new StringBuilder();
        int charts = 0, formulas = 0, codeCells = 0, plumbing = 0;
        for (int c = 0; c < notebook.Cells.Count; c++)
        {
            NotebookCell cell = notebook.Cells[c];
            switch (cell.CellType)
            {
                case "markdown":
                    SanitizedHtml md = HtmlSanitizer.Clean(MarkdownRenderer.ToHtml(cell.Source));
                    formulas += MathElement().Count(md.Html);
                    body.Append("<section class=\"nd-cell nd-markdown\">").Append(BidiIsolation.Isolate(md.Html, CourseLanguage.IsRightToLeft(context.Language))).Append("</section>\n");
                    break;
                case "code":
                    codeCells++;
                    body.Append("<section class=\"nd-cell nd-code\" id=\"cell-").Append(c + 1).Append("\">");
                    body.Append("<div class=\"nd-input\" dir=\"ltr\">");
                    string prompt = cell.ExecutionCount is int n ? $"[{n}]" : "[ ]";
                    body.Append("<div class=\"nd-prompt\" aria-hidden=\"true\">").Append(prompt).Append("</div>");
                    string kernel = notebook.KernelOf(cell);
                    bool csharp = kernel == NotebookMetadata.KernelName;
                    string code = cell.Source.TrimEnd();
                    body.Append("<pre class=\"nd-source\"><code class=\"language-").Append(Html.Escape(kernel)).Append("\">")
                        .Append(csharp ? CSharpHighlighter.Highlight(code) : Html.Escape(code)).Append("</code></pre></div>");
                    var outputs = new StringBuilder();
                    IReadOnlyList<NotebookOutput> cellOutputs = cell.OutputItems;
                    for (int o = 0; o < cellOutputs.Count; o++)
                    {
                        RenderedOutput r = OutputRenderer.Render(cellOutputs[o], $"chart-{c + 1}-{o + 1}");
                        if (r.Warning is not null)
                        {
                            warnings.Add($"{Path.GetFileName(notebook.Path)} cell {c + 1} output {o + 1}: {r.Warning}");
                        }

                        switch (r.Kind)
                        {
                            case OutputKind.Plumbing:
                                plumbing++;
                                continue;
                            case OutputKind.Chart:
                                charts++;
                                break;
                        }

                        formulas += MathElement().Count(r.Html);
                        outputs.Append("<div class=\"nd-output nd-output-").Append(r.Kind.ToString().ToLowerInvariant()).Append("\">").Append(r.Html).Append("</div>");
                    }

                    if (outputs.Length > 0)
                    {
                        body.Append("<div class=\"nd-outputs\" dir=\"ltr\">").Append(outputs).Append("</div>");
                    }

                    body.Append("</section>\n");
                    break;
                default:
                    // raw cells carry no rendered content
                    break;
            }
        }

        string html = Layout(context, body.ToString(), charts > 0);
        return new RenderedPage(html, charts, formulas, codeCells, plumbing, warnings);
    }

    private static string Layout(PageContext ctx, string body, bool hasCharts)
    {
        SiteStrings s = SiteStrings.For(ctx.Language);
        string dir = CourseLanguage.Direction(ctx.Language);
        string a = ctx.AssetsPrefix;
        var sb = new StringBuilder(body.Length + 4096);
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(ctx.Language).Append("\" dir=\"").Append(dir).Append("\">\n<head>\n")
          .Append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Append(Html.Escape(ctx.Title)).Append("</title>\n")
          .Append("<link rel=\"stylesheet\" href=\"").Append(a).Append("katex/katex.min.css\">\n")
          .Append("<link rel=\"stylesheet\" href=\"").Append(a).Append("site.css\">\n");
        if (ctx.Alternate is PageLink alt)
        {
            sb.Append("<link rel=\"alternate\" hreflang=\"").Append(ctx.AlternateLanguage).Append("\" href=\"").Append(Html.Escape(alt.Href)).Append("\">\n");
        }

        if (hasCharts)
        {
            sb.Append("<script defer src=\"").Append(a).Append(SiteAssets.PlotlyFileName).Append("\"></script>\n");
            sb.Append("<script defer src=\"").Append(a).Append(ChartScript.FileName).Append("\"></script>\n");
        }

        sb.Append("<script defer src=\"").Append(a).Append("katex/katex.min.js\"></script>\n")
          .Append("<script defer src=\"").Append(a).Append("site.js\"></script>\n")
          .Append("</head>\n<body class=\"nd-lang-").Append(ctx.Language).Append("\">\n");
        sb.Append(TopBar(ctx, s));
        sb.Append("<main class=\"nd-page\">\n").Append(DownloadBox(ctx, s)).Append(body).Append("</main>\n");
        sb.Append(Pager(ctx, s));
        sb.Append("<footer class=\"nd-footer\">").Append(Html.Escape(s.Footer)).Append("</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string TopBar(PageContext ctx, SiteStrings s)
    {
        var sb = new StringBuilder("<header class=\"nd-topbar\"><nav>");
        if (ctx.Index is PageLink index)
        {
            sb.Append("<a class=\"nd-home\" rel=\"index\" href=\"").Append(Html.Escape(index.Href)).Append("\">").Append(Html.Escape(s.Contents)).Append("</a>");
        }

        sb.Append("<span class=\"nd-current\">").Append(Html.Escape(ctx.Title)).Append("</span>");
        if (ctx.Alternate is PageLink alt && ctx.AlternateLanguage is string altLang)
        {
            SiteStrings other = SiteStrings.For(altLang);
            string altDir = CourseLanguage.Direction(altLang);
            sb.Append("<a class=\"nd-lang-switch\" hreflang=\"").Append(altLang).Append("\" lang=\"").Append(altLang).Append("\" dir=\"").Append(altDir)
              .Append("\" href=\"").Append(Html.Escape(alt.Href)).Append("\">").Append(Html.Escape(other.LanguageName)).Append("</a>");
        }

        sb.Append("</nav></header>\n");
        return sb.ToString();
    }

    /// <summary>The link to download the page's notebook, with a one-line hint on how to run it (paths in backticks become code).</summary>
    private static string DownloadBox(PageContext ctx, SiteStrings s)
    {
        if (ctx.Download is not string href)
        {
            return "";
        }

        string hint = InlineCode().Replace(Html.Escape(ctx.Assignment ? s.AssignmentHint : s.DownloadHint), m => "<code dir=\"ltr\">" + m.Groups[1].Value + "</code>");
        return new StringBuilder("<aside class=\"nd-download").Append(ctx.Assignment ? " nd-assignment" : "").Append("\"><a class=\"nd-download-link\" type=\"application/x-ipynb+json\" download href=\"")
            .Append(Html.Escape(href)).Append("\">").Append(BidiIsolation.Isolate(Html.Escape(ctx.Assignment ? s.DownloadAssignment : s.DownloadNotebook), CourseLanguage.IsRightToLeft(ctx.Language))).Append("</a> <span class=\"nd-download-hint\">")
            .Append(BidiIsolation.Isolate(hint, CourseLanguage.IsRightToLeft(ctx.Language))).Append("</span></aside>\n").ToString();
    }

    private static string Pager(PageContext ctx, SiteStrings s)
    {
        if (ctx.Previous is null && ctx.Next is null)
        {
            return "";
        }

        var sb = new StringBuilder("<nav class=\"nd-pager\">");
        if (ctx.Previous is PageLink prev)
        {
            sb.Append("<a class=\"nd-prev\" rel=\"prev\" href=\"").Append(Html.Escape(prev.Href)).Append("\"><small>").Append(Html.Escape(s.Previous))
              .Append("</small><span>").Append(Html.Escape(prev.Title)).Append("</span></a>");
        }
        else
        {
            sb.Append("<span></span>");
        }

        if (ctx.Next is PageLink next)
        {
            sb.Append("<a class=\"nd-next\" rel=\"next\" href=\"").Append(Html.Escape(next.Href)).Append("\"><small>").Append(Html.Escape(s.Next))
              .Append("</small><span>").Append(Html.Escape(next.Title)).Append("</span></a>");
        }

        sb.Append("</nav>\n");
        return sb.ToString();
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex("class=\"math\"")]
    private static partial Regex MathElement();
}
