using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Xss = Ganss.Xss;

namespace NormDecay.Cli.Export;

/// <summary>The result of cleaning an HTML fragment.</summary>
/// <param name="Html">The cleaned fragment.</param>
/// <param name="IsEmpty">True when nothing visible is left (no text, image, table, SVG or math): such an output was plumbing.</param>
/// <param name="Removed">How many elements, attributes, style properties or CSS rules were removed (scripts, loaders, external references).</param>
internal readonly record struct SanitizedHtml(string Html, bool IsEmpty, int Removed);

/// <summary>
/// Cleans the HTML of notebook outputs and rendered markdown for an offline page with the maintained allow-list sanitizer
/// HtmlSanitizer (Ganss.Xss, on AngleSharp): only known-safe elements, attributes, CSS properties and URL schemes survive,
/// so scripts (kernel probes, require.js loaders), frames, <c>&lt;link&gt;</c>/<c>&lt;meta&gt;</c>/<c>&lt;base&gt;</c>,
/// event handlers and <c>javascript:</c> URLs go. On top of its defaults this page allows <c>class</c>, <c>id</c>,
/// <c>data-*</c>, <c>&lt;style&gt;</c>, inline SVG and <c>data:</c> images, and removes every reference that would load
/// something from the network (<c>src</c>, <c>srcset</c>, <c>poster</c>, CSS <c>url(http…)</c>; <c>@import</c> is not an
/// allowed at-rule). Links a reader clicks (<c>&lt;a href="https://…"&gt;</c>) are kept and marked; they load nothing by themselves.
/// </summary>
internal static class HtmlSanitizer
{
    private static readonly string[] VisibleElements = ["img", "svg", "table", "canvas", "video", "math", "hr", "input"];

    // Inline SVG as plotting libraries and matplotlib-like outputs write it; <use>, <image>, <foreignObject> and <script> stay out.
    private static readonly string[] SvgTags =
    [
        "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "defs", "clipPath",
        "title", "desc", "linearGradient", "radialGradient", "stop", "marker", "pattern", "mask", "symbol",
    ];

    private static readonly string[] ExtraAttributes =
    [
        "class", "id", "role", "aria-hidden", "aria-label", "viewBox", "d", "fill", "stroke", "stroke-width", "stroke-dasharray",
        "stroke-linecap", "stroke-linejoin", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "dx", "dy", "points",
        "transform", "xmlns", "version", "opacity", "fill-opacity", "stroke-opacity", "font-size", "font-family", "font-weight",
        "text-anchor", "dominant-baseline", "preserveAspectRatio", "offset", "stop-color", "stop-opacity", "gradientUnits",
        "clip-path", "markerWidth", "markerHeight", "refX", "refY", "orient",
    ];

    /// <summary>Cleans <paramref name="html"/>; see the class summary for what is removed.</summary>
    public static SanitizedHtml Clean(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        int removed = 0;
        Xss.HtmlSanitizer sanitizer = Create();
        sanitizer.RemovingTag += (_, _) => removed++;
        sanitizer.RemovingAttribute += (_, _) => removed++;
        sanitizer.RemovingStyle += (_, _) => removed++;
        sanitizer.RemovingAtRule += (_, _) => removed++;
        string clean = sanitizer.Sanitize(html);

        var root = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body></body></html>").Body!;
        root.InnerHtml = clean;
        bool empty = string.IsNullOrWhiteSpace(root.TextContent) && root.QuerySelector(string.Join(",", VisibleElements)) is null;
        return new SanitizedHtml(clean, empty, removed);
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

    // A sanitizer per call: the counting handlers are per call, and the configuration is cheap next to the parse.
    private static Xss.HtmlSanitizer Create()
    {
        var sanitizer = new Xss.HtmlSanitizer { AllowDataAttributes = true };
        sanitizer.AllowedTags.Add("style");
        foreach (string tag in SvgTags)
        {
            sanitizer.AllowedTags.Add(tag);
        }

        foreach (string attribute in ExtraAttributes)
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }

        sanitizer.AllowedSchemes.Add("data");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.FilterUrl += (_, e) =>
        {
            bool link = e.Tag is { LocalName: "a" };
            bool data = e.OriginalUrl.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase);
            // Nothing may load from the network, and a link may not open a data: document; everything else is the library's call.
            if ((!link && IsExternalUrl(e.OriginalUrl)) || (link && data) || (data && !e.OriginalUrl.TrimStart().StartsWith("data:image/", StringComparison.OrdinalIgnoreCase)))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } a && IsExternalUrl(a.GetAttribute("href")))
            {
                a.SetAttribute("rel", "noopener noreferrer");
                a.ClassList.Add("nd-external");
            }
        };
        return sanitizer;
    }
}
