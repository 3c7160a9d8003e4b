using AngleSharp.Html.Parser;

namespace NormDecay.Cli.Tests.Support;

/// <summary>The links (<c>href</c>, <c>src</c>) of every HTML page of an exported site, and the ones that lead out of it.</summary>
internal static class SiteLinks
{
    /// <summary>One relative link: the page holding it, the attribute value, the full path it resolves to.</summary>
    public sealed record Link(string Page, string Value, string Target);

    /// <summary>Every relative link of every page under <paramref name="siteDir"/> (fragments and queries dropped; http, mailto, data and #-only links skipped).</summary>
    public static IReadOnlyList<Link> All(string siteDir)
    {
        var links = new List<Link>();
        foreach (string page in Directory.GetFiles(siteDir, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var doc = new HtmlParser().ParseDocument(File.ReadAllText(page));
            foreach (var element in doc.QuerySelectorAll("[href], [src]"))
            {
                foreach (string? value in new[] { element.GetAttribute("href"), element.GetAttribute("src") })
                {
                    if (string.IsNullOrEmpty(value) || value.StartsWith('#') || value.Contains(':', StringComparison.Ordinal))
                    {
                        continue;
                    }

                    string path = Uri.UnescapeDataString(value.Split('#', '?')[0]);
                    links.Add(new Link(Path.GetRelativePath(siteDir, page), value, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, path))));
                }
            }
        }

        return links;
    }

    /// <summary>The links of <paramref name="siteDir"/> that resolve outside it or to no file, as readable lines.</summary>
    public static IReadOnlyList<string> Escaping(string siteDir)
    {
        string root = Path.GetFullPath(siteDir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return All(siteDir)
            .Where(l => !l.Target.StartsWith(root, StringComparison.Ordinal) || !File.Exists(l.Target))
            .Select(l => $"{l.Page}: '{l.Value}' -> {l.Target}")
            .ToList();
    }
}
