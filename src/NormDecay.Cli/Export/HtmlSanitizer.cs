using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NormDecay.Cli.Export;

/// <summary>The result of cleaning an HTML fragment.</summary>
/// <param name="Html">The cleaned fragment.</param>
/// <param name="IsEmpty">True when nothing visible is left (no text, image, table, SVG or math): such an output was plumbing.</param>
/// <param name="Removed">How many elements or attributes were removed (scripts, loaders, external references).</param>
internal readonly record struct SanitizedHtml(string Html, bool IsEmpty, int Removed);

/// <summary>
/// Removes what must not reach an offline page from an HTML fragment: scripts (kernel probes, require.js loaders),
/// frames, <c>&lt;link&gt;</c>/<c>&lt;meta&gt;</c>/<c>&lt;base&gt;</c>, event-handler attributes, and every
/// reference that would load something from the network (<c>src</c>, <c>srcset</c>, <c>poster</c>, CSS <c>url(http…)</c>, <c>@import</c>).
/// Links a reader clicks (<c>&lt;a href="https://…"&gt;</c>) are kept; they load nothing by themselves.
/// </summary>
internal static class HtmlSanitizer
{
    private static readonly string[] RemovedElements = ["script", "noscript", "iframe", "frame", "frameset", "object", "embed", "link", "meta", "base", "applet"];
    private static readonly string[] LoadingAttributes = ["src", "srcset", "poster", "data", "background", "xlink:href", "formaction"];
    private static readonly string[] VisibleElements = ["img", "svg", "table", "canvas", "video", "math", "hr", "input"];

    /// <summary>Cleans <paramref name="html"/>; see the class summary for what is removed.</summary>
    public static SanitizedHtml Clean(string html)
    {
        var parser = new HtmlParser();
        IDocument doc = parser.ParseDocument("<!DOCTYPE html><html><body><div id=\"nd-root\"></div></body></html>");
        IElement root = doc.GetElementById("nd-root")!;
        foreach (INode node in parser.ParseFragment(html, root).ToArray())
        {
            root.AppendChild(node);
        }

        int removed = 0;
        foreach (IElement el in root.QuerySelectorAll(string.Join(",", RemovedElements)).ToArray())
        {
            el.Remove();
            removed++;
        }

        foreach (IElement el in root.QuerySelectorAll("*").ToArray())
        {
            removed += CleanElement(el);
        }

        bool empty = string.IsNullOrWhiteSpace(root.TextContent) && root.QuerySelector(string.Join(",", VisibleElements)) is null;
        return new SanitizedHtml(root.InnerHtml, empty, removed);
    }

    /// <summary>True for a URL that leaves the machine: http(s), protocol-relative, ftp, ws.</summary>
    public static bool IsExternalUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        string u = url.Trim();
        return u.StartsWith("//", StringComparison.Ordinal)
            || u.StartsWith("http:", StringComparison.OrdinalIgnoreCase)
            || u.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
            || u.StartsWith("ftp:", StringComparison.OrdinalIgnoreCase)
            || u.StartsWith("ws:", StringComparison.OrdinalIgnoreCase)
            || u.StartsWith("wss:", StringComparison.OrdinalIgnoreCase);
    }

    private static int CleanElement(IElement el)
    {
        int removed = 0;
        foreach (IAttr attr in el.Attributes.ToArray())
        {
            string name = attr.Name;
            bool drop = name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                || (LoadingAttributes.Contains(name, StringComparer.OrdinalIgnoreCase) && (IsExternalUrl(attr.Value) || attr.Value.Contains("http", StringComparison.OrdinalIgnoreCase)))
                || (name.Equals("href", StringComparison.OrdinalIgnoreCase) && el.LocalName != "a" && IsExternalUrl(attr.Value))
                || (name.Equals("href", StringComparison.OrdinalIgnoreCase) && attr.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                || (name.Equals("style", StringComparison.OrdinalIgnoreCase) && HasExternalCss(attr.Value));
            if (drop)
            {
                el.RemoveAttribute(attr.NamespaceUri, attr.LocalName);
                removed++;
            }
        }

        if (el.LocalName == "a" && IsExternalUrl(el.GetAttribute("href")))
        {
            el.SetAttribute("rel", "noopener noreferrer");
            el.ClassList.Add("nd-external");
        }

        if (el.LocalName == "style" && HasExternalCss(el.TextContent))
        {
            el.Remove();
            removed++;
        }

        return removed;
    }

    private static bool HasExternalCss(string css) =>
        css.Contains("@import", StringComparison.OrdinalIgnoreCase)
        || System.Text.RegularExpressions.Regex.IsMatch(css, @"url\(\s*['""]?\s*(https?:|//)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}
