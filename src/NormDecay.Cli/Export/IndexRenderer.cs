using System.Text.RegularExpressions;
using System.Text;
using NormDecay.Charts.Text;

namespace NormDecay.Cli.Export;

/// <summary>The site's <c>index.html</c>: for each language, its lessons and assignments in order, titles from the notebooks.</summary>
internal static partial class IndexRenderer
{
    /// <summary>Renders the index for <paramref name="pages"/> (already in site order) of the site at <paramref name="siteDir"/>.</summary>
    public static string Render(IReadOnlyList<ExportedPage> pages, string siteDir, ExportOptions options)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Append(Html.Escape(options.SiteTitle)).Append("</title>\n")
          .Append("<link rel=\"stylesheet\" href=\"assets/site.css\">\n")
          .Append("<script defer src=\"assets/site.js\"></script>\n</head>\n<body class=\"nd-index\">\n<main class=\"nd-index-grid\">\n");
        foreach (IGrouping<string, ExportedPage> lang in pages.GroupBy(p => p.Language))
        {
            string code = lang.Key;
            SiteStrings s = SiteStrings.For(code);
            string dir = CourseLanguage.Direction(code);
            string title = code == CourseLanguage.Persian ? options.SiteTitlePersian : options.SiteTitle;
            sb.Append("<section class=\"nd-index-lang\" lang=\"").Append(code).Append("\" dir=\"").Append(dir).Append("\" id=\"lang-").Append(code).Append("\">\n")
              .Append("<h1>").Append(Html.Escape(title)).Append("</h1>\n");
            AppendList(sb, s.Lessons, lang.Where(p => p.Kind != PageKind.Assignment), siteDir, code, "lessons");
            AppendList(sb, s.Assignments, lang.Where(p => p.Kind == PageKind.Assignment), siteDir, code, "assignments");
            sb.Append("</section>\n");
        }

        sb.Append("</main>\n<footer class=\"nd-footer\">").Append(Html.Escape(SiteStrings.For(CourseLanguage.English).Footer)).Append("</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void AppendList(StringBuilder sb, string heading, IEnumerable<ExportedPage> pages, string siteDir, string language, string cls)
    {
        ExportedPage[] list = [.. pages];
        if (list.Length == 0)
        {
            return;
        }

        sb.Append("<h2>").Append(Html.Escape(heading)).Append("</h2>\n<ol class=\"nd-toc nd-toc-").Append(cls).Append("\">\n");
        foreach (ExportedPage p in list)
        {
            string href = Path.GetRelativePath(siteDir, p.OutputPath).Replace(Path.DirectorySeparatorChar, '/');
            string number = LeadingNumber().Match(Path.GetFileNameWithoutExtension(p.OutputPath)).Value.ToUpperInvariant();
            sb.Append("<li><a href=\"").Append(Html.Escape(href)).Append("\">");
            if (number.Length > 0)
            {
                sb.Append("<span class=\"nd-num\">").Append(Html.Escape(CourseLanguage.LocalDigits(number, language))).Append("</span> ");
            }

            sb.Append("<span class=\"nd-title\">").Append(Html.Escape(p.Title)).Append("</span></a></li>\n");
        }

        sb.Append("</ol>\n");
    }

    [GeneratedRegex(@"^[aA]?\d+")]
    private static partial Regex LeadingNumber();
}
